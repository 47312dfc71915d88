"""The curated actor registry: reading, checking, and linking an article's actors to it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import registry
from generator.errors import BriefingsError
from generator.extract.actors import extract_actors

GOOD = """\
- name: United States
  kind: place
  aliases: [US, U.S., America]
  description: The country.
  wikidata: Q30
- id: xi-jinping
  name: Xi Jinping
  kind: person
  aliases: [Xi]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_load_good_registry(tmp_path):
    path = write(tmp_path, GOOD)
    assert registry.check(path) == []
    reg = registry.load(path)
    assert reg.ids() == {"united-states", "xi-jinping"}
    assert reg.lookup("u.s.").id == "united-states"
    assert reg.lookup("Xi").name == "Xi Jinping"
    assert reg.lookup("China") is None


def test_mapping_form(tmp_path):
    path = write(tmp_path, "united-states:\n  name: United States\n  aliases: [US]\n")
    assert registry.load(path).lookup("US").id == "united-states"


def test_missing_file_is_empty_registry(tmp_path):
    assert registry.load(tmp_path / "actors.yaml").ids() == set()


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("- name: A\n  aliases: [X]\n- name: B\n  aliases: [x]\n", 4, "[1].aliases", "also a name of 'a'"),
        ("- name: A\n  wikidata: 30\n", 2, "[0].wikidata", "not a Wikidata id"),
        ("- name: A\n  kind: country\n", 2, "[0].kind", "'country' is not one of"),
        ("- kind: person\n", 1, "[0].name", "needs a name"),
        ("- name: A\n- name: B\n  id: a\n", 3, "[1].id", "duplicate id 'a'"),
        ("- name: A\n  id: Not A Slug\n", 2, "[0].id", "is not a slug"),
        ("just text\n", 1, None, "list or mapping"),
    ],
)
def test_check_reports_problems(tmp_path, text, line, field, message):
    problems = registry.check(write(tmp_path, text))
    assert problems, text
    p = problems[0]
    assert (p.line, p.field) == (line, field) and message in p.message
    assert str(p).startswith(f"{tmp_path / 'actors.yaml'}:{line}:")
    with pytest.raises(BriefingsError):
        registry.load(tmp_path / "actors.yaml")


def test_unknown_field_is_a_warning(tmp_path):
    path = write(tmp_path, "- name: A\n  colour: red\n")
    (p,) = registry.check(path)
    assert p.severity == "warning" and p.field == "[0].colour"
    assert registry.load(path).ids() == {"a"}


def test_link_gives_registry_identity(nlp, tmp_path):
    reg = registry.load(write(tmp_path, GOOD))
    text = "The US and the United States are one. A Xi-Biden meeting is planned; Joe Biden agreed."
    cast = extract_actors(nlp(text), registry=reg)
    us = cast.get("united-states")
    assert us is not None and us.name == "United States" and us.mentions == 2
    assert us.aliases == ("US",)
    assert cast.get("xi-jinping").aliases == ("Xi",)
    assert cast.get("joe-biden") is not None  # not in the registry: unchanged
    assert {m.actor for m in cast.mentions if m.text in ("US", "United States")} == {"united-states"}
    assert cast.resolve("U.S.") == "united-states"


def test_link_skips_kind_conflicts(nlp, tmp_path):
    reg = registry.load(write(tmp_path, "- name: Jordan\n  kind: place\n"))
    doc = nlp("Michael Jordan scored. Jordan said he was tired.")
    cast = extract_actors(doc, registry=reg)
    assert cast.get("jordan") is None and cast.get("michael-jordan").aliases == ("Jordan",)


def test_link_settles_which_body_a_name_is(nlp, tmp_path):
    """The article's "Islamic State" (read as a group) and its "ISIS" are the registry's one
    organization: one actor under the registry's id, never a second one beside it."""
    entry = "- name: Islamic State\n  kind: organization\n  aliases: [ISIS]\n"
    reg = registry.load(write(tmp_path, entry))
    doc = nlp("Trump called Obama a founder of the self-described Islamic State. He said ISIS grew.")
    cast = extract_actors(doc, registry=reg)
    named = [a for a in cast.actors if "Islamic" in a.name or "ISIS" in a.name]
    assert [(a.id, a.kind) for a in named] == [("islamic-state", "organization")]
