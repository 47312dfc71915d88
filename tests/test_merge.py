"""Re-extraction with --update keeps editors' work: three-way merge of base, ours and theirs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import ingest, merge, store, writing
from generator.checks import squash
from generator.cli import cli
from generator.errors import BriefingsError

ARTICLE = """\
---
title: Germany and Poland agree to resume Oder river talks
source: Example Wire
published: 2024-03-05
---

Environment ministers from Germany and Poland agreed on Tuesday to resume talks on pollution in the \
Oder river, the German environment ministry said.

"We have waited too long for this meeting," said Anna Berg, a spokeswoman for the ministry. She said \
the talks would begin in Frankfurt an der Oder on March 12.

Polish envoy Tomasz Nowak told reporters that his government was "ready to listen to every proposal \
on the table".

"This is not about blame, it is about the fish that died in 2022," Nowak said.

It remains unclear whether the talks will cover compensation for the fishermen who lost their income.
"""

NEW_PARAGRAPH = (
    '"We will bring our own proposal to Frankfurt," Nowak said on Wednesday, adding that Warsaw '
    "had already consulted the fishermen's associations."
)


def briefing(**extra: Any) -> dict[str, Any]:
    """A small machine briefing, as plain data."""
    data: dict[str, Any] = {
        "schema_version": 1,
        "id": "2024-03-05-talks",
        "title": "Talks",
        "reviewed": False,
        "source": {"file": "sources/a.md", "published": "2024-03-05", "sha256": "a" * 64},
        "summary": "Ministers agreed to talk.",
        "tags": [],
        "actors": [
            {"id": "anna-berg", "name": "Anna Berg", "kind": "person", "role": None, "span": [10, 19]},
            {"id": "tomasz-nowak", "name": "Tomasz Nowak", "kind": "person", "role": None, "span": [40, 52]},
        ],
        "quotes": [
            {
                "id": "q1",
                "text": "We have waited too long",
                "speaker": "anna-berg",
                "kind": "direct",
                "span": [1, 5],
            },
            {
                "id": "q2",
                "text": "ready to listen",
                "speaker": "tomasz-nowak",
                "kind": "partial",
                "span": [60, 75],
            },
        ],
        "timeline": [{"text": "Tuesday", "date": "2024-03-05", "end": None, "actors": [], "span": [20, 27]}],
        "questions": [{"question": "Will they talk?", "evidence": ["It remains unclear."], "status": "open"}],
    }
    data.update(extra)
    return data


def ours_from(data: dict[str, Any], edit: Any = None) -> Any:
    """The editor's file: the machine output, edited, then read back as a round-trip node."""
    text = store.dumps(data, store.header_for(Path(".")))
    if edit is not None:
        text = edit(text)
    return store.loads(text, "briefings/x.yaml")


def run(base: dict[str, Any] | None, ours: Any, theirs: dict[str, Any]) -> tuple[merge.Merge, dict[str, Any]]:
    result = merge.three_way(base, ours, theirs, "briefings/x.yaml")
    text = store.dumps(result.node)
    return result, store.to_plain(store.loads(text, "x"))


def test_untouched_file_takes_every_machine_change() -> None:
    base = briefing()
    theirs = briefing(summary="Ministers agreed to resume talks.")
    theirs["quotes"][0]["span"] = [101, 105]
    result, out = run(base, ours_from(base), theirs)
    assert out["summary"] == "Ministers agreed to resume talks."
    assert out["quotes"][0]["span"] == [101, 105]
    assert not result.problems


@pytest.mark.parametrize(
    ("path", "edited", "machine", "kept", "conflict"),
    [
        # editor changed, machine did not: the edit stays, no conflict
        (("actors", 0, "role"), "spokeswoman", None, "spokeswoman", False),
        (("quotes", 1, "speaker"), "anna-berg", "tomasz-nowak", "anna-berg", False),
        (("title",), "Oder talks resume", "Talks", "Oder talks resume", False),
        # both changed, differently: the edit stays and the clash is reported
        (("actors", 0, "role"), "spokeswoman", "minister", "spokeswoman", True),
        (("summary",), "Edited summary.", "New machine summary.", "Edited summary.", True),
        # both made the same change: nothing to report
        (("actors", 0, "role"), "spokeswoman", "spokeswoman", "spokeswoman", False),
    ],
)
def test_field_level_three_way(
    path: tuple[Any, ...], edited: Any, machine: Any, kept: Any, conflict: bool
) -> None:
    base = briefing()
    ours_data, theirs = copy.deepcopy(base), copy.deepcopy(base)
    for data, value in ((ours_data, edited), (theirs, machine)):
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    result, out = run(base, ours_from(ours_data), theirs)
    node = out
    for part in path:
        node = node[part]
    assert node == kept
    conflicts = [p for p in result.problems if "conflict" in p.message]
    assert bool(conflicts) is conflict
    if conflict:
        (problem,) = conflicts
        assert problem.path == "briefings/x.yaml"
        assert problem.field == ".".join(str(p) for p in path).replace(".0.", "[0].").replace(".1.", "[1].")
        text = store.dumps(result.node)  # the merged file, where the editor will look
        assert problem.line is not None
        assert text.splitlines()[problem.line - 1].strip().startswith(f"{path[-1]}:")


def test_deleted_item_stays_deleted_and_new_item_is_added_in_place() -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    del ours_data["quotes"][0]
    theirs = copy.deepcopy(base)
    theirs["quotes"].insert(1, {"id": "q2", "text": "a new remark", "speaker": None, "kind": "direct"})
    theirs["quotes"][2]["id"] = "q3"
    result, out = run(base, ours_from(ours_data), theirs)
    assert [q["text"] for q in out["quotes"]] == ["a new remark", "ready to listen"]
    # the new quote's machine id collides with an id the editor's file already uses
    assert [q["id"] for q in out["quotes"]] == ["q1", "q2"]
    assert result.added == {"quotes": ["q1"]}


def test_a_quote_edited_by_an_editor_and_reworded_by_the_source_is_one_conflict() -> None:
    """Not both copies side by side: the same quote, the edit kept, the clash reported."""
    base = briefing()
    ours_data = copy.deepcopy(base)
    ours_data["quotes"][0]["text"] = "We have waited far too long"
    theirs = copy.deepcopy(base)
    theirs["quotes"][0].update(text="We have waited too long for this", span=[1, 9])
    result, out = run(base, ours_from(ours_data), theirs)
    assert [q["text"] for q in out["quotes"]] == ["We have waited far too long", "ready to listen"]
    assert out["quotes"][0]["span"] == [1, 9]  # what only the machine changed comes in
    (problem,) = [p for p in result.problems if "conflict" in p.message]
    assert problem.field == "quotes[0].text" and "new: We have waited too long for this" in problem.message
    assert not result.added and result.summary() == "1 quote updated, 1 conflict"


def test_a_reworded_quote_nobody_edited_is_updated_in_place() -> None:
    base = briefing()
    theirs = copy.deepcopy(base)
    theirs["quotes"][0]["text"] = "We have waited too long for this"
    result, out = run(base, ours_from(copy.deepcopy(base)), theirs)
    assert [q["id"] for q in out["quotes"]] == ["q1", "q2"]
    assert out["quotes"][0]["text"] == "We have waited too long for this"
    assert result.summary() == "1 quote updated"


@pytest.mark.parametrize(
    ("left", "right", "paired"),
    [
        ("We have waited too long", "We have waited too long for this", True),
        ("We have waited too long", "we have waited TOO long.", True),
        ("We have waited too long", "ready to listen", False),
        ("the talks will go on", "the fish died in the river", False),
    ],
)
def test_reworded_quotes_are_one_quote(left: str, right: str, paired: bool) -> None:
    from generator import pairing

    assert (pairing.similar([{"text": left}], [{"text": right}], {}) == {0: 0}) is paired


def test_machine_dropped_items_go_only_when_untouched() -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    ours_data["quotes"][1]["speaker"] = "anna-berg"
    theirs = copy.deepcopy(base)
    theirs["quotes"] = []
    theirs["timeline"] = []
    result, out = run(base, ours_from(ours_data), theirs)
    assert [q["text"] for q in out["quotes"]] == ["ready to listen"]
    assert out["timeline"] == []
    # actors still pointed at stay even when the machine no longer lists them
    theirs["actors"] = []
    result, out = run(base, ours_from(ours_data), theirs)
    assert [a["id"] for a in out["actors"]] == ["anna-berg"]
    assert result.removed["actors"] == ["tomasz-nowak"]


def test_renamed_actor_id_reaches_new_items_and_deleted_actor_is_not_revived() -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    ours_data["actors"][1]["id"] = "tomasz-k-nowak"
    ours_data["quotes"][1]["speaker"] = "tomasz-k-nowak"
    del ours_data["actors"][0]
    del ours_data["quotes"][0]
    theirs = copy.deepcopy(base)
    theirs["quotes"].append(
        {"id": "q3", "text": "our own proposal", "speaker": "tomasz-nowak", "kind": "direct"}
    )
    theirs["quotes"].append({"id": "q4", "text": "fish died", "speaker": "anna-berg", "kind": "direct"})
    result, out = run(base, ours_from(ours_data), theirs)
    assert [a["id"] for a in out["actors"]] == ["tomasz-k-nowak"]
    speakers = {q["text"]: q["speaker"] for q in out["quotes"]}
    assert speakers == {
        "ready to listen": "tomasz-k-nowak",
        "our own proposal": "tomasz-k-nowak",
        "fish died": None,
    }
    (problem,) = [p for p in result.problems if "speaker" in (p.field or "")]
    assert "'anna-berg' is no longer an actor" in problem.message


@pytest.mark.parametrize(
    ("same_source", "added"),
    [
        # same text: whatever only the machine has was deleted by an editor, or is noise
        (True, []),
        # new text: add what the machine finds, and name each one for the editor to check
        (False, ["We have waited too long", "a new remark"]),
    ],
)
def test_without_a_machine_copy_nothing_is_dropped_silently(same_source: bool, added: list[str]) -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    del ours_data["quotes"][0]
    ours_data["actors"][0]["role"] = "spokeswoman"
    theirs = copy.deepcopy(base)
    theirs["quotes"].append({"id": "q3", "text": "a new remark", "speaker": None, "kind": "direct"})
    if not same_source:
        theirs["source"]["sha256"] = "b" * 64
    result, out = run(None, ours_from(ours_data), theirs)
    assert sorted(q["text"] for q in out["quotes"]) == sorted(["ready to listen", *added])
    assert out["actors"][0]["role"] == "spokeswoman"
    assert out["source"]["sha256"] == "a" * 64
    reported = [p for p in result.problems if p.message.startswith("added")]
    assert len(reported) == len(added)
    assert any(p.message.startswith("no machine copy") for p in result.problems)


def test_comments_survive_a_merge() -> None:
    base = briefing()

    def edit(text: str) -> str:
        text = text.replace(
            "  - id: anna-berg\n", "  # checked against the ministry's statement\n  - id: anna-berg\n"
        )
        return text.replace("status: open", "status: open  # ask the ministry")

    theirs = copy.deepcopy(base)
    theirs["quotes"].append({"id": "q3", "text": "a new remark", "speaker": None, "kind": "direct"})
    result, _ = run(base, ours_from(base, edit), theirs)
    text = store.dumps(result.node)
    assert "  # checked against the ministry's statement\n  - id: anna-berg\n" in text
    assert "status: open  # ask the ministry\n" in text


@pytest.mark.parametrize(
    ("family", "left", "right", "paired"),
    [
        ("quotes", {"text": "Ready  to “listen”"}, {"text": 'ready to "listen"'}, True),
        ("quotes", {"text": "ready to listen"}, {"text": "ready to talk"}, False),
        (
            "timeline",
            {"text": "Tuesday", "date": "2024-03-05"},
            {"text": "Tuesday", "date": "2024-03-05"},
            True,
        ),
        (
            "timeline",
            {"text": "Tuesday", "date": "2024-03-05"},
            {"text": "Tuesday", "date": "2024-03-12"},
            False,
        ),
        ("actors", {"id": "a", "name": "A"}, {"id": "a", "name": "B"}, True),
        ("actors", {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, False),
        ("questions", {"question": "Q?", "evidence": ["e"]}, {"question": "Other?", "evidence": ["e"]}, True),
        (
            "questions",
            {"question": "Q?", "evidence": ["e"]},
            {"question": "Other?", "evidence": ["f"]},
            False,
        ),
    ],
)
def test_identity(family: str, left: dict[str, Any], right: dict[str, Any], paired: bool) -> None:
    from generator import pairing

    assert (pairing.match([left], [right], pairing.KEYS[family][0]) == {0: 0}) is paired


# An editor's pull request, then re-extraction of a changed source, end to end through the CLI.


def test_editor_work_survives_update(nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    del nlp  # loaded once per session; the CLI reuses it
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    source = tmp_path / "sources" / "oder.md"
    source.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", "sources", "--out", "briefings"])
    assert out.exit_code == 0, out.output
    (target,) = (tmp_path / "briefings").glob("*.yaml")
    assert writing.machine_copy(target).is_file()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "frankfurt.txt").write_text("Talks open\n\nThe talks opened.\n", encoding="utf-8")
    typed = ["new", "--title", "Talks open in Frankfurt", "--published", "2024-03-12"]
    other = runner.invoke(cli, [*typed, "--file", "notes/frankfurt.txt"])
    assert other.exit_code == 0, other.output
    answered_by = Path(other.output.strip()).stem

    # The editor's pull request.
    doc = store.load(target)
    actors = {a["id"]: a for a in doc["actors"]}
    assert {"anna-berg", "tomasz-nowak"} <= set(actors)
    actors["tomasz-nowak"]["id"] = "tomasz-k-nowak"
    actors["tomasz-nowak"]["name"] = "Tomasz K. Nowak"
    actors["anna-berg"]["role"] = "spokeswoman"
    actors["anna-berg"]["affiliation"] = "German environment ministry"
    for quote in doc["quotes"]:
        if quote["speaker"] == "tomasz-nowak" or "fish that died" in quote["text"]:
            quote["speaker"] = "tomasz-k-nowak"
    for item in (*doc["timeline"], *doc["questions"]):
        item["actors"] = ["tomasz-k-nowak" if a == "tomasz-nowak" else a for a in item.get("actors", [])]
    false_quote = next(i for i, q in enumerate(doc["quotes"]) if "waited too long" in q["text"])
    del doc["quotes"][false_quote]
    question = next(q for q in doc["questions"] if "compensation" in str(store.to_plain(q)))
    question["status"] = "answered"
    question["answer"] = "No: compensation is left to a later round."
    question["answered_by"] = answered_by
    doc["reviewed"] = True
    text = store.dumps(doc).replace(
        "  - id: anna-berg\n", "  # role checked against the ministry's website\n  - id: anna-berg\n"
    )
    text = text.replace("\nquestions:\n", "\n# answered after the Frankfurt round\nquestions:\n")
    target.write_text(text, encoding="utf-8")
    assert runner.invoke(cli, ["validate", "briefings"]).exit_code == 0

    # The source gains a paragraph in the middle: later offsets all move.
    paragraphs = ARTICLE.split("\n\n")
    source.write_text("\n\n".join([*paragraphs[:4], NEW_PARAGRAPH, *paragraphs[4:]]), encoding="utf-8")
    out = runner.invoke(cli, ["extract", "sources", "--out", "briefings", "--update"])
    assert out.exit_code == 0, out.output

    merged = target.read_text(encoding="utf-8")
    data = store.to_plain(store.load(target))
    assert "  # role checked against the ministry's website\n  - id: anna-berg\n" in merged
    assert "# answered after the Frankfurt round\nquestions:\n" in merged
    ids = [a["id"] for a in data["actors"]]
    assert "tomasz-k-nowak" in ids and "tomasz-nowak" not in ids
    actor = {a["id"]: a for a in data["actors"]}
    assert actor["tomasz-k-nowak"]["name"] == "Tomasz K. Nowak"
    assert (actor["anna-berg"]["role"], actor["anna-berg"]["affiliation"]) == (
        "spokeswoman",
        "German environment ministry",
    )
    texts = [q["text"] for q in data["quotes"]]
    assert not any("waited too long" in t for t in texts)
    assert any("our own proposal" in t for t in texts), texts
    assert {q["speaker"] for q in data["quotes"]} <= {None, "anna-berg", "tomasz-k-nowak", *ids}
    answered = next(q for q in data["questions"] if "compensation" in str(q))
    assert (answered["status"], answered["answered_by"]) == ("answered", answered_by)
    assert data["reviewed"] is True

    # Offsets of the quotes nobody edited follow the text they point at.
    article = ingest.read("sources/oder.md")
    for quote in data["quotes"]:
        start, end = quote["span"]
        assert squash(quote["text"]) in squash(article.text[max(0, start - 3) : end + 3]), quote
    checked = runner.invoke(cli, ["validate", "--strict", "briefings"])
    assert checked.exit_code == 0, checked.output
    assert runner.invoke(cli, ["fmt", "--check", "briefings"]).exit_code == 0

    # A second update with nothing new changes nothing.
    again = runner.invoke(cli, ["extract", "sources", "--out", "briefings", "--update"])
    assert again.exit_code == 0, again.output
    assert target.read_text(encoding="utf-8") == merged


def test_update_reports_conflicts(nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    del nlp
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    source = tmp_path / "sources" / "oder.md"
    source.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", "sources", "--out", "briefings"]).exit_code == 0
    (target,) = (tmp_path / "briefings").glob("*.yaml")
    doc = store.load(target)
    doc["summary"] = "An editor's summary."
    target.write_text(store.dumps(doc), encoding="utf-8")
    source.write_text(ARTICLE.replace("Environment ministers", "Ministers"), encoding="utf-8")
    out = runner.invoke(cli, ["extract", "sources", "--out", "briefings", "--update"])
    assert out.exit_code == 0, out.output
    assert f"{Path('briefings') / target.name}:" in out.output
    assert "summary: warning: conflict" in out.output
    merged = target.read_text(encoding="utf-8").splitlines()
    line = next(n for n, x in enumerate(merged, 1) if x.startswith("summary:"))
    assert f"{Path('briefings') / target.name}:{line}:1: summary: warning: conflict" in out.output
    assert store.load(target)["summary"] == "An editor's summary."


def test_editors_own_dangling_reference_is_left_for_validate() -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    ours_data["quotes"][1]["speaker"] = "tomasz-nowakk"
    result, out = run(base, ours_from(ours_data), copy.deepcopy(base))
    assert out["quotes"][1]["speaker"] == "tomasz-nowakk"
    assert result.problems == []


def test_unreadable_editor_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "briefings" / "x.yaml"
    target.parent.mkdir()
    target.write_text("title: [broken\n", encoding="utf-8")
    with pytest.raises(BriefingsError) as info:
        writing.update(target, briefing())
    assert info.value.problems[0].line == 2
    assert target.read_text(encoding="utf-8") == "title: [broken\n"
    assert not writing.machine_copy(target).exists()


def test_comment_after_a_list_the_machine_changed_survives() -> None:
    base = briefing(tags=["rivers", "talks"])
    theirs = briefing(tags=["rivers", "pollution"])

    def edit(text: str) -> str:
        return text.replace("  - talks\nactors:\n", "  - talks\n# tags checked by the desk\nactors:\n")

    result, out = run(base, ours_from(base, edit), theirs)
    assert out["tags"] == ["rivers", "pollution"]
    assert "  - pollution\n# tags checked by the desk\nactors:\n" in store.dumps(result.node)
    theirs = briefing(tags=[])
    result, out = run(base, ours_from(base, edit), theirs)
    assert out["tags"] == []
    assert "# tags checked by the desk" in store.dumps(result.node)


def test_machine_keeps_an_item_an_editor_commented_on() -> None:
    base = briefing()

    def edit(text: str) -> str:
        return text.replace("    kind: partial\n", "    kind: partial  # ask the desk\n")

    theirs = copy.deepcopy(base)
    theirs["quotes"] = theirs["quotes"][:1]
    result, out = run(base, ours_from(base, edit), theirs)
    assert [q["text"] for q in out["quotes"]] == ["We have waited too long", "ready to listen"]
    assert "# ask the desk" in store.dumps(result.node)


def test_quote_added_by_hand_and_later_found_by_the_machine_appears_once() -> None:
    base = briefing()
    ours_data = copy.deepcopy(base)
    ours_data["quotes"].append(
        {"id": "q9", "text": "“A new” remark", "speaker": "anna-berg", "kind": "direct"}
    )
    theirs = copy.deepcopy(base)
    theirs["quotes"].append({"id": "q3", "text": '"A new" remark', "speaker": None, "kind": "direct"})
    result, out = run(base, ours_from(ours_data), theirs)
    assert [(q["id"], q["speaker"]) for q in out["quotes"]][2:] == [("q9", "anna-berg")]
    assert not result.added


def test_problem_lines_point_into_the_merged_file() -> None:
    """Items added above a reported one move it down: the report follows it."""
    base = briefing()
    theirs = copy.deepcopy(base)
    theirs["quotes"].insert(
        0, {"id": "q0", "text": "first words", "speaker": "nobody-known", "kind": "direct"}
    )
    ours_data = copy.deepcopy(base)
    del ours_data["actors"][0]
    ours_data["quotes"][0]["speaker"] = None
    ours_data["quotes"][1]["kind"] = "direct"
    theirs["quotes"][2]["kind"] = "indirect"
    result, _ = run(base, ours_from(ours_data), theirs)
    text = store.dumps(result.node).splitlines()
    for problem in result.problems:
        assert problem.line is not None
        key = (problem.field or "").rsplit(".", 1)[-1]
        assert text[problem.line - 1].strip().lstrip("- ").startswith(f"{key}:"), (
            problem,
            text[problem.line - 1],
        )
    assert {p.field for p in result.problems} == {"quotes[0].speaker", "quotes[2].kind"}


def test_an_item_the_editor_re_identified_is_the_one_the_machine_now_finds_under_that_id() -> None:
    """The machine took "Nowak" for a place; the editor made it the person "tomasz-nowak"; a
    better extraction now finds that person under the same id: one actor, the editor's kind kept
    and the machine's new role taken, never two actors with one id."""
    base = briefing()
    base["actors"][1] = {"id": "nowak", "name": "Nowak", "kind": "place", "role": None, "span": [40, 45]}
    base["quotes"][1]["speaker"] = None
    ours_data = copy.deepcopy(base)
    ours_data["actors"][1].update(id="tomasz-nowak", kind="person")
    theirs = briefing()
    theirs["actors"][1]["role"] = "envoy"
    result, out = run(base, ours_from(ours_data), theirs)
    actors = [(a["id"], a["name"], a["kind"], a["role"]) for a in out["actors"]]
    assert actors == [
        ("anna-berg", "Anna Berg", "person", None),
        ("tomasz-nowak", "Tomasz Nowak", "person", "envoy"),
    ]
    assert not result.added.get("actors")
