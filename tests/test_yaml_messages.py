"""YAML syntax errors say the mistake first and keep the parser's words after it, at the right
line and column, in every reader (the fast one, the round-trip one, `briefings validate`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store
from generator.errors import BriefingsError
from generator.validate import validate_paths

CASES = [
    # (editor's mistake, YAML, line:column, the explanation, the parser's words)
    (
        "colon in a value",
        "title: Talks: round two\n",
        "1:13",
        "': ' inside an unquoted value",
        "mapping values",
    ),
    (
        "item out of line",
        "actors:\n  - id: a\n    name: A\n   - id: b\n",
        "4:4",
        "out of line with the list",
        "'-' indicator",
    ),
    ("key out of line", "tags:\n  - a\n - b\n", "3:2", "out of line with the keys", "expected key"),
    ("text after a quote", "summary: 'It's here'\n", "1:14", "text after a closing quote", "expected key"),
    ("a tab", "title: x\n\tid: y\n", "2:1", "a tab: indent with spaces", "tab character"),
    (
        "quote never closed",
        "title: 'Talks\nid: x\n",
        "3:1",
        "a quote is opened and never closed",
        "end of stream",
    ),
    ("list never closed", "tags: [a, b\nid: x\n", "2:3", "a [list] not closed", "expected ',' or ']'"),
    ("reserved first sign", "title: @handle\n", "1:8", "a sign YAML reserves", "cannot start any token"),
    ("key given twice", "title: a\ntitle: b\n", "2:1", "a key given twice", "duplicate key"),
]


@pytest.mark.parametrize(("mistake", "text", "where", "meaning", "words"), CASES, ids=[c[0] for c in CASES])
def test_syntax_errors_are_explained(
    tmp_path: Path, mistake: str, text: str, where: str, meaning: str, words: str
) -> None:
    with pytest.raises(BriefingsError) as raised:
        store.loads(text, "b.yaml")
    message = str(raised.value)
    assert message.startswith(f"b.yaml:{where}: yaml: invalid YAML: "), message
    assert meaning in message and "(parser: " in message and words in message.split("(parser: ", 1)[1]
    with pytest.raises(BriefingsError) as fast:
        store.loads_plain(text, "b.yaml")
    assert meaning in str(fast.value)
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = validate_paths([path]).problems
    assert str(problem).startswith(f"{path}:{where}: yaml: invalid YAML: ") and meaning in problem.message


def test_an_unknown_parser_message_is_kept_as_it_is() -> None:
    from generator.yaml_messages import explain

    assert explain("something new went wrong") == "invalid YAML: something new went wrong"
