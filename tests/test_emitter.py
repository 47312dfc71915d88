"""The fast YAML emitter writes exactly the bytes of ruamel's canonical dump, or declines.

`store.dumps` writes fresh machine output with `emitter` and everything else (editors' files,
merges, `fmt`) with ruamel, and a briefing must read the same whichever wrote it: a re-run of
`extract` leaves identical files alone, `fmt --check` passes on fresh output, and the machine copy
compares equal to the next run's output. So every test here compares the two byte for byte, and
checks that the fast path was taken where it should be (a test that only ever fell back to ruamel
would prove nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import TRICKY, briefings

from generator import batch, emitter, ingest, store, writing
from generator.model import Briefing

ROOT = Path(__file__).resolve().parent.parent

HARD = [
    *TRICKY,
    *("Yes", "NO", "Off", "n", "y", "True", "FALSE", "Null", "NULL", "~", "", " ", "  "),
    *("012", "0o17", "0b101", "-12", "+3", "1_000.5", "1e3", "-1E-3", ".5", "-.inf", ".NaN", "0x"),
    *("2024-05-14", "2024-5-4 10:00:00", "2024-05-14T10:00:00Z", "12:30:45", "<<", "=", "!", "&", "*"),
    *(": ", ":", "x:", ":x", "a:b", "a: b", "a :b", "http://example.org/a#b", "a #b", "a#b", "#b"),
    *("- x", "-x", "-", "--", "---x", "...x", "x---", "? x", "?x", "?", "@x", "`x`", "%x", "|x", ">x"),
    *("[x]", "x]", "{x}", "x}", ",x", "x,y", "'single'", '"double"', "it's", 'say "hi" it\'s'),
    *("  leading spaces", "trailing spaces  ", "\ttab first", "tab\tinside", "tab last\t"),
    *("\nleading break", "trailing break\n", "x\n\n", "\n", "\n\n", "a\n\n\nb", "a\n \nb", "a \nb"),
    *(" first line indented\nsecond", "line\n\tthen a tab", "\\", "back\\slash", "C:\\path"),
    *("\x00", "\x07bell", "esc\x1b", "\x7f", "del\x7fete", "\x9f", "\ufeffbom", "bom\ufeff", "\ufffe"),
    *("\xa0nbsp", "nbsp\xa0", "a\u3000b", "zero\u200bwidth", "é", "中文", "😀", "Zürich “quoted”"),
    *("yes", "no", "null", "true", "false", "on", "off", "~x", "x~", "Null x", "no one", "yes, but"),
    *("1", "0", "09", "3.14", "1,000", "1:30", "190:20:30", "+.5", "1.0e+3", "2024", "0o7", ".inf", "1__0"),
    *("2002-1-1", "2001-12-14t21:59:43.10-05:00", "May 14, 2024", "14/05/2024", "2024-W20", "10:00"),
    *("—dash", "– en dash", "-- quote", "- ", "-\tx", "-1", "- 1", "-.5", "-- ", "-x-", "—"),
    *("'", "''", "'a'", "a'", '"', 'a"b', "a:\tb", "a\t#b", "key: value", "a:", "x @y", "*x", "&x"),
    *("a\rb", "\r", "x\r\n", "l1\nl2 ", "é\nü", "😀\nx", "a\n  b", "\n\na", "a\n\n\n"),
    *("said: “Yes.”\n\n“No,” she said: 'maybe'.", "Q: what?\nA: nothing", "- one\n- two", "#1\n#2"),
    *("\u00ad", "a\xadb", "\u2003", "\x80", "\U0001f600x", "\x1f", "x\u3000"),
    "x" * 5000,
    " ".join(["a long line of words"] * 400),
]
"""Text that YAML finds hard: every rule of plain, quoted and block style, and the exceptions:
YAML 1.1 booleans, null and numbers (sexagesimal too), dates and times, leading dashes, quotes,
`: ` and `#`, carriage returns, control and invisible characters, Unicode, long lines."""

NOT_KEPT = ["a\r\nb", "a\x00\nb", "bell\x07\nline", "a\x7f\nb", "a\x9f\nb", "\ufffe\nb"]
"""Text with line breaks and a character no block scalar keeps (a carriage return) or may hold
(control characters): ruamel writes it as a `|` block anyway, which reads back changed or not at
all (`fmt` refuses to write such a file, and the reader never yields such text); the emitter
writes the same bytes, not a better form of its own."""

SEPARATORS = ["next\x85line", "line\u2028separator", "paragraph\u2029separator"]
"""Unicode line breaks: ruamel breaks quoted text at them, and the emitter leaves them to it."""


def briefing_with(text: str) -> dict[str, Any]:
    """`text` in every kind of place a briefing holds text: top level, list item, nested key."""
    return {
        "schema_version": 1,
        "id": "2024-05-14-x",
        "title": text,
        "summary": text,
        "key_points": [text, "plain"],
        "tags": [text],
        "actors": [
            {"id": "a", "name": text, "kind": "person", "role": None, "aliases": [text], "span": [1, 2]}
        ],
        "quotes": [{"id": "q1", "text": text, "speaker": None, "cue": text, "span": [3, 40]}],
        "questions": [{"question": text, "evidence": [text, text], "actors": []}],
    }


def same_as_ruamel(data: dict[str, Any]) -> str:
    fast = emitter.dumps(data, store.schema())
    assert fast is not None, "fell back to ruamel"
    assert fast == store.ruamel_dumps(data)
    return fast


@pytest.mark.parametrize("text", HARD)
def test_hard_text_is_written_as_ruamel_writes_it(text: str) -> None:
    written = same_as_ruamel(briefing_with(text))
    assert store.loads_plain(written, "b.yaml")["summary"] == text


@pytest.mark.parametrize("text", NOT_KEPT)
def test_text_the_canonical_form_cannot_keep_is_written_as_ruamel_writes_it(text: str) -> None:
    same_as_ruamel(briefing_with(text))


@pytest.mark.parametrize("text", SEPARATORS)
def test_unicode_line_separators_are_left_to_ruamel(text: str) -> None:
    data = briefing_with(text)
    assert emitter.dumps(data, store.schema()) is None
    assert store.dumps(data) == store.ruamel_dumps(data)


@pytest.mark.parametrize(
    ("data", "fast"),
    [
        ({}, True),
        ({"tags": [], "source": {}, "actors": [{}], "key_points": [None]}, True),
        ({"timeline": [{"actors": ["a"], "span": [0, 5]}]}, True),
        ({"x": [[1, 2], []]}, True),
        ({"x": [["a"]]}, False),  # a list of text in a list: ruamel's layout, not ours
        ({"x": 1.5}, False),
        ({"published": __import__("datetime").date(2024, 5, 14)}, False),
        ({"actors": [{"span": ["a", "b"]}]}, False),  # offsets that are not numbers
        ({"two words": 1}, False),
        ({"null": 1}, False),
    ],
)
def test_shapes_it_writes_and_shapes_it_declines(data: dict[str, Any], fast: bool) -> None:
    assert (emitter.dumps(data, store.schema()) is not None) is fast
    assert store.dumps(data) == store.ruamel_dumps(data)


def test_round_trip_nodes_go_through_ruamel() -> None:
    """An editor's file keeps its comments: `store.dumps` of a loaded node is ruamel's dump."""
    text = "# note\nid: x  # the id\ntitle: T\n"
    node = store.loads(text, "b.yaml")
    assert store.dumps(node) == store.ruamel_dumps(node)
    assert "# the id" in store.dumps(node)


@pytest.fixture(scope="module")
def extracted(nlp: object) -> list[Briefing]:
    """The repository's sources, extracted for real."""
    articles = [ingest.read(p) for p in sorted((ROOT / "sources").glob("*.md"))]
    out = [r for r in batch.extract_all(articles, jobs=1, progress=False) if isinstance(r, Briefing)]
    assert len(out) == len(articles) >= 5
    return out


def test_real_briefings_are_written_as_ruamel_writes_them(extracted: list[Briefing]) -> None:
    for b in extracted:
        same_as_ruamel(b.to_dict())


def test_the_repository_briefings_are_written_as_ruamel_writes_them() -> None:
    """Every briefing of the demo, as editors left them: the same bytes from both; a file with no
    comment is the emitter's output itself. (The actor registry is a list, an editor's file.)"""
    files = sorted(p for p in (ROOT / "briefings").glob("*.yaml") if p.name != store.REGISTRY_NAME)
    plain = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = store.loads_plain(text, str(path))
        fast = same_as_ruamel(data)
        body = text.split("\n", 1)[1] if text.startswith(store.HEADER_PREFIX) else text
        if not any(line.lstrip().startswith("#") or " # " in line for line in body.splitlines()):
            assert fast == body, path.name
            plain += 1
    assert len(files) >= 40 and plain > 30


def test_fresh_extractions_of_pages_and_corpus_texts_are_written_as_ruamel_writes_them(
    corpus_extracted: Path,
) -> None:
    """What `extract` wrote for the 12 saved web pages and 84 PolNeAR dev texts: each machine copy
    is ruamel's dump of its data, byte for byte, and the briefing is that plus the header."""
    briefings = sorted(corpus_extracted.glob("*.yaml"))
    assert len(briefings) == 96
    for path in briefings:
        text = path.read_text(encoding="utf-8")
        data = store.loads_plain(text, str(path))
        assert (
            text
            == store.ruamel_dumps(data, store.header_for(corpus_extracted))
            == store.dumps(data, store.header_for(corpus_extracted))
        )
        same_as_ruamel(data)
        assert writing.machine_copy(path).read_text(encoding="utf-8") == store.ruamel_dumps(data)


@settings(max_examples=300)
@given(briefings())
def test_generated_briefings_are_written_as_ruamel_writes_them(b: Briefing) -> None:
    same_as_ruamel(b.to_dict())


scalars = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.sampled_from(HARD) | st.text()
keys = st.sampled_from(["id", "title", "summary", "span", "aliases", "actors", "source", "other", "x_1"])
trees = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(keys, c, max_size=4))


@settings(max_examples=300)
@given(st.dictionaries(keys, trees, max_size=5))
def test_any_plain_data_is_written_as_ruamel_writes_it_or_declined(data: dict[str, Any]) -> None:
    fast = emitter.dumps(data, store.schema())
    assert fast is None or fast == store.ruamel_dumps(data)
