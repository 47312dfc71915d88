"""YAML written for people: canonical, stable, comment-keeping, byte-for-byte round trips."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import fmt, ingest, model, store
from generator.errors import BriefingsError
from generator.extract import pipeline

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
---
title: Zürich court hears Lü Xiang's appeal over the Gotthard tunnel contract
source: Example Wire
published: 2024-05-14
---

The Zürich high court on Monday began hearing an appeal by the engineer Lü Xiang, whose firm lost \
the contract for the Gotthard tunnel repairs in 2023 after a tender that Swiss Federal Railways \
later described as "flawed in its timing but not in its substance".

"I only ask that the tender be judged by the rules that were published," Lü told reporters outside \
the court, adding that his company had employed more than 400 people in Ticino.

A spokesperson for the railways, Marie Dubois, said the company would "respect whatever the court \
decides" and that repair work on the tunnel would continue until the end of June.

It is not clear when the court will rule.
"""


@pytest.fixture(scope="module")
def extracted(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A briefing as `extract` writes it, from a real article run through the real pipeline."""
    folder = tmp_path_factory.mktemp("repo")
    source = folder / "sources" / "appeal.md"
    source.parent.mkdir()
    source.write_text(ARTICLE, encoding="utf-8")
    article = ingest.read(source)
    data = pipeline.extract(article, nlp).to_dict()
    target = folder / "briefings" / f"{data['id']}.yaml"
    store.write_atomic(target, store.dumps(data, store.header_for(target.parent)))
    return target


def committed() -> list[Path]:
    return store.briefing_files([ROOT / "briefings"]) if (ROOT / "briefings").is_dir() else []


def test_written_yaml_is_for_people(extracted: Path) -> None:
    text = extracted.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith(store.HEADER_PREFIX)
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    assert "\\u" not in text and "\\x" not in text
    assert "Zürich" in text and "Lü" in text
    spans = [line.strip() for line in lines if line.strip().startswith("span:")]
    assert spans and all(re.fullmatch(r"span: \[\d+, \d+\]", s) for s in spans)
    assert all(not line.startswith((" ", "-", "#")) or line.startswith(("  ", "#")) for line in lines)
    data = store.load(extracted)
    assert list(data) == [k for k in store.schema()["properties"] if k in data]
    summary = data["summary"]
    assert summary and len(summary) > 120
    assert f"summary: {summary}" in lines, "long text stays on one line"


def test_long_text_is_never_folded() -> None:
    words = " ".join(f"word{i}" for i in range(200))
    text = store.dumps({"summary": words, "key_points": [words]})
    assert text.splitlines() == [f"summary: {words}", "key_points:", f"  - {words}"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("line one\nline two", "note: |-\n  line one\n  line two\n"),
        ("ends with a break\n", 'note: "ends with a break\\n"\n'),
        ("2024-05-14", "note: '2024-05-14'\n"),
        ("yes", "note: 'yes'\n"),
        ("“quoted” words: and a colon", "note: '“quoted” words: and a colon'\n"),
        ("Zürich", "note: Zürich\n"),
        # YAML 1.1 readers would take these for booleans or numbers
        ("on", "note: 'on'\n"),
        ("No", "note: 'No'\n"),
        ("12:30", "note: '12:30'\n"),
        ("1_000", "note: '1_000'\n"),
        ("012", "note: '012'\n"),
        ("Norway", "note: Norway\n"),
    ],
)
def test_strings_round_trip(value: str, written: str) -> None:
    text = store.dumps({"note": value})
    assert text == written
    assert store.loads(text, "x")["note"] == value
    assert store.dumps(store.loads(text, "x")) == text


def test_load_then_write_gives_the_same_bytes(extracted: Path) -> None:
    for path in [extracted, *committed()]:
        text = path.read_text(encoding="utf-8")
        assert store.dumps(store.load(path)) == text, path


def test_fmt_is_idempotent_on_every_briefing(extracted: Path) -> None:
    for path in [extracted, *committed()]:
        once = fmt.format_text(path.read_text(encoding="utf-8"), path)
        assert fmt.format_text(once, path) == once, path


MESSY = """\
# an editor's note at the top
id: x   # the id
schema_version: 1
title: "Talks"
source: {file: "sources/x.md", published: 2024-05-14}
actors:
- name: Anna Berg
  id: anna-berg
  kind: person
  span:
  - 3
  - 12
  # she is the ministry's spokeswoman
  role: spokeswoman
quotes: []
timeline: [{text: Monday, date: 2024-05-13}]
questions: []
"""

CANONICAL = """\
# an editor's note at the top
schema_version: 1
id: x   # the id
title: Talks
source:
  file: sources/x.md
  published: '2024-05-14'
actors:
  - id: anna-berg
    name: Anna Berg
    kind: person
    role: spokeswoman
    span: [3, 12]
  # she is the ministry's spokeswoman
quotes: []
timeline:
  - text: Monday
    date: '2024-05-13'
questions: []
"""


def test_fmt_canonicalises_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    out = fmt.format_text(MESSY, path)
    header = store.header_for(tmp_path)
    assert out == header + CANONICAL
    assert fmt.format_text(out, path) == out


def test_header_points_at_the_schema(tmp_path: Path) -> None:
    header = store.header_for(tmp_path / "briefings")
    rel = header.removeprefix(store.HEADER_PREFIX).strip()
    assert (tmp_path / "briefings" / rel).resolve() == store.SCHEMA_FILE.resolve()
    assert store.header_for(ROOT / "briefings").strip().endswith("=../generator/schema/briefing.schema.json")


@pytest.mark.parametrize(
    ("cls", "schema_path"),
    [
        (model.Briefing, ()),
        (model.Source, ("source",)),
        (model.Actor, ("actors", "items")),
        (model.Quote, ("quotes", "items")),
        (model.TimelineEntry, ("timeline", "items")),
        (model.Question, ("questions", "items")),
    ],
)
def test_schema_knows_every_model_field_in_order(cls: Any, schema_path: tuple[str, ...]) -> None:
    """The schema is kept beside the model: same fields, same order (the YAML's key order)."""
    node = store.schema()
    for part in schema_path:
        node = node["properties"][part] if part != "items" else node["items"]
    props = list(node["properties"])
    names = [f.name for f in dataclasses.fields(cls)]
    if cls is model.Briefing:
        names = [*model.ORDER, *(n for n in names if n not in model.ORDER)]
    assert [n for n in props if n in names] == [n for n in names if n in props]
    assert set(names) <= set(props)
    for name, spec in node["properties"].items():
        assert spec.get("description") and "examples" in spec, f"{name}: description and examples"


def test_machine_output_validates_against_the_schema(extracted: Path) -> None:
    from generator.checks import validator

    errors = list(validator().iter_errors(store.to_plain(store.load(extracted))))
    assert errors == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3, "invalid YAML"),
        ("a: 1\n  b: 2\n", 2, "invalid YAML"),
        ("a: 1\na: 2\n", 2, "invalid YAML"),
        ("a: &x 1\nb: *x\n", 2, "aliases"),
    ],
)
def test_broken_yaml_names_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(BriefingsError) as info:
        store.loads(text, "b.yaml")
    (problem,) = info.value.problems
    assert (problem.path, problem.line) == ("b.yaml", line)
    assert message in problem.message


def test_atomic_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.yaml"
    store.write_atomic(target, "a: 1\n")
    store.write_atomic(target, "a: 2\n")
    assert target.read_text(encoding="utf-8") == "a: 2\n"
    assert os.listdir(target.parent) == ["a.yaml"]


def test_skeleton_is_valid(tmp_path: Path) -> None:
    from generator.validate import validate_paths

    data = store.skeleton("2024-05-14-appeal", "Appeal", "sources/appeal.md", published="2024-05-14")
    target = tmp_path / "2024-05-14-appeal.yaml"
    store.write_atomic(target, store.dumps(data, store.header_for(tmp_path)))
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "appeal.md").write_text("Appeal\n\nThe appeal was heard.\n", encoding="utf-8")
    assert validate_paths([target], root=tmp_path).problems == []
    assert data["origin"] == "hand"


def test_header_prefers_the_projects_schema(tmp_path: Path) -> None:
    own = tmp_path / "generator" / "schema" / store.SCHEMA_FILE.name
    own.parent.mkdir(parents=True)
    own.write_text("{}", encoding="utf-8")
    assert (
        store.header_for(tmp_path / "briefings") == f"{store.HEADER_PREFIX}../generator/schema/{own.name}\n"
    )


@pytest.mark.parametrize(
    "value",
    ["yes", "No", "on", "012", "0o12", "1_000", "12:30", "0x1F", "1e3", ".5", "null", "~", "", "2024-03-05"]
    + ["2024-03-05T10:00:00", "true", "TRUE", "tRue", "-0x1F", "2024", "'012'", '"yes"', "[1, 2]", "{a: 1}"]
    + ["[Wow!, 1]", "{1: a, '1': b}", "{null: x, 2024-03-05: y}"],
)
def test_fast_reading_sees_the_same_values(value: str) -> None:
    """`loads_plain` (C parser) and `loads` (round trip) must never disagree on what a file says."""
    text = f"a: {value}\n"
    fast, slow = store.loads_plain(text, "x")["a"], store.to_plain(store.loads(text, "x"))["a"]
    assert (fast, type(fast)) == (slow, type(slow))


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value, type(value)


@pytest.mark.parametrize(
    "value",
    ["!!str 12", "!!int '12'", "!!float 1", "!!null ''", "!!bool true", "{!!str 1: a, 1: b}", "[Wow!, 2]"]
    + ["{a: 1, b: {c: [1.5, ~, yes, 0x1F]}}", "[2024-03-05, 1]", "{2024-03-05: a}"],
)
def test_fast_reading_builds_what_pyyaml_builds(value: str) -> None:
    """`loads_plain` builds plain data straight from the node tree; what PyYAML's constructor
    would build (core types, explicit tags, the rare types it leaves to that constructor)."""
    text = f"a: {value}\n"
    generic = store.to_plain(yaml.load(text, Loader=store._CoreLoader))
    assert _typed(store.loads_plain(text, "x")) == _typed(generic)


@pytest.mark.parametrize(
    "text",
    ["a: 1\na: 2\n", "a: [1\n", "a: &x 1\nb: *x\n", "a: !!python/name:os.system\n", "a: !!map x\n"]
    + ["a: {b: 1, b: Wow!}\n"],
)
def test_fast_reading_refuses_what_round_trip_refuses(text: str) -> None:
    with pytest.raises(BriefingsError):
        store.loads_plain(text, "x")
    with pytest.raises(BriefingsError):
        store.loads(text, "x")


@pytest.mark.parametrize(("old", "new", "written"), [("a: 1\n", "a: 1\n", False), ("a: 1\n", "a: 2\n", True)])
def test_write_leaves_an_identical_file_alone(tmp_path: Path, old: str, new: str, written: bool) -> None:
    target = tmp_path / "b.yaml"
    target.write_text(old, encoding="utf-8")
    os.utime(target, (1_000_000, 1_000_000))
    assert store.write_if_changed(target, new) is written
    assert target.read_text(encoding="utf-8") == new
    assert (target.stat().st_mtime != 1_000_000) is written
