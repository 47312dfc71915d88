"""Untrusted YAML is refused on the event stream, with file, line and a reason."""

from __future__ import annotations

import pytest

from generator import store
from generator.errors import BriefingsError
from generator.safety import MAX_DEPTH, check_yaml

REFUSED = [
    ('a: !!python/object/apply:os.system ["echo hi"]\n', 1, "tag"),
    ("x: 1\nb: !!python/name:os.system ''\n", 2, "tag"),
    ("a: &x [1, 2]\nb: *x\n", 2, "aliases"),
    ('a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: [*b, *b]\n', 2, "aliases"),
    ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", 1, "nested deeper"),
    ("a: " + "x" * 200_001 + "\n", 1, "longer than"),
    ("a: [1, 2\nb: 3\n", 2, "invalid YAML"),
    ("a: b: c\n", 1, "invalid YAML"),
    ("a: !!timestamp 2023-11-03\n", 1, "tag"),
    ("a: !custom x\n", 1, "tag"),
]


@pytest.mark.parametrize(("text", "line", "reason"), REFUSED)
def test_refused(text: str, line: int, reason: str) -> None:
    with pytest.raises(BriefingsError) as err:
        check_yaml(text, "briefings/x.yaml")
    message = str(err.value)
    assert message.startswith(f"briefings/x.yaml:{line}:")
    assert reason in message


@pytest.mark.parametrize(("text", "line", "reason"), REFUSED)
def test_fast_reader_refuses_the_same(text: str, line: int, reason: str) -> None:
    """`loads_plain` checks the composed tree, not the events; it must refuse the same files."""
    with pytest.raises(BriefingsError) as err:
        store.loads_plain(text, "briefings/x.yaml")
    message = str(err.value)
    assert message.startswith(f"briefings/x.yaml:{line}:")
    assert reason in message


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, y]\nc: {d: e}\n",
        "published: 2023-11-03\nreviewed: false\nrole: null\n",
        "text: 'it''s'\nq: \"quoted\"\nlong: >\n  folded\n  text\n",
        "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
        "# just a comment\n",
    ],
)
def test_accepted(text: str) -> None:
    check_yaml(text, "x.yaml")
    store.loads_plain(text, "x.yaml")
