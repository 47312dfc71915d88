"""Where extracted briefings go: unique ids, the keep/force/update policy, what a run reports.

The command line only prints what `writing` yields; these call the library directly, without a
spaCy model wherever nothing needs extracting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ingest, store, writing
from generator.errors import BriefingsError, Problem
from generator.model import Actor, Briefing, Source


def article(title: str, published: str | None = "2024-05-06", path: str = "a.txt") -> ingest.Article:
    return ingest.from_paragraphs(
        path, title, ["The minister said the talks went well."], published=published
    )


@pytest.mark.parametrize(
    ("titles", "ids"),
    [
        (["Talks resume"], ["2024-05-06-talks-resume"]),
        (["Talks resume", "Budget vote"], ["2024-05-06-talks-resume", "2024-05-06-budget-vote"]),
        # wire copies of one story under one headline: each keeps its own file
        (
            ["Talks resume", "Talks resume", "Talks resume"],
            ["2024-05-06-talks-resume", "2024-05-06-talks-resume-2", "2024-05-06-talks-resume-3"],
        ),
        # a title that slugs to the suffixed form of another: the copy takes the next free number
        (
            ["Talks resume", "Talks resume 2", "Talks resume"],
            ["2024-05-06-talks-resume", "2024-05-06-talks-resume-2", "2024-05-06-talks-resume-3"],
        ),
        (["Talks: resume!", "talks resume"], ["2024-05-06-talks-resume", "2024-05-06-talks-resume-2"]),
    ],
)
def test_ids_are_unique_in_a_batch(titles: list[str], ids: list[str]) -> None:
    assert writing.assign_ids([article(t) for t in titles]) == ids


def test_ids_without_a_date_are_the_title_slug() -> None:
    assert writing.assign_ids([article("Port strike ends", published=None)]) == ["port-strike-ends"]


@pytest.mark.parametrize(
    ("report", "summary", "code"),
    [
        (writing.Report(), "0 written", 0),
        (writing.Report(written=3), "3 written", 0),
        (writing.Report(unchanged=7), "7 unchanged", 0),
        (writing.Report(written=1, updated=2, unchanged=4), "1 written, 2 updated, 4 unchanged", 0),
        (
            writing.Report(written=1, kept=2),
            "1 written, 2 kept (already there; --update to merge, --force to overwrite)",
            0,
        ),
        (writing.Report(failed=[Problem("a.txt", None, None, "empty file")] * 2), "0 written, 2 failed", 1),
    ],
)
def test_report_summary_and_exit_code(report: writing.Report, summary: str, code: int) -> None:
    assert report.summary() == summary
    assert report.exit_code == code


@pytest.mark.parametrize(("policy", "todo", "kept"), [("keep", 1, 1), ("force", 2, 0), ("update", 2, 0)])
def test_policy_decides_which_existing_briefings_are_extracted_again(
    tmp_path: Path, policy: writing.Policy, todo: int, kept: int
) -> None:
    (tmp_path / "2024-05-06-talks-resume.yaml").write_text("edited by hand\n", encoding="utf-8")
    writer = writing.Writer(tmp_path, policy)
    targets = writer.targets([article("Talks resume"), article("Budget vote")])
    assert len(targets) == todo
    assert writer.report.kept == kept
    assert (tmp_path / "2024-05-06-talks-resume.yaml").read_text(encoding="utf-8") == "edited by hand\n"


def existing(folder: Path, bid: str, file: str, url: str | None = None, sha: str | None = None) -> Path:
    """A briefing already in `folder`, as extraction writes its source block."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"id: {bid}", "title: Talks resume", "source:", f"  file: {file}"]
    lines += [f"  url: {url}"] * bool(url) + [f"  sha256: {sha}"] * bool(sha) + ["actors: []", ""]
    path = folder / f"{bid}.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("recorded", "mine"),
    [
        ({"file": "sources/a.txt"}, True),
        ({"file": "./sources/../sources/a.txt"}, True),
        ({"file": "elsewhere/b.txt", "url": "https://example.com/a"}, True),
        ({"file": "elsewhere/b.txt", "sha256": "SHA"}, True),
        # another article: another file, address and text
        ({"file": "sources/b.txt"}, False),
        ({"file": "sources/b.txt", "url": "https://example.com/b", "sha256": "0" * 64}, False),
    ],
)
def test_same_source(recorded: dict[str, str], mine: bool) -> None:
    mine_article = ingest.from_paragraphs(
        "sources/a.txt",
        "Talks resume",
        ["The minister said the talks went well."],
        url="https://example.com/a",
    )
    recorded = {k: (mine_article.sha256 if v == "SHA" else v) for k, v in recorded.items()}
    assert writing.same_source(recorded, mine_article) is mine


@pytest.mark.parametrize("policy", ["keep", "force", "update"])
def test_another_articles_briefing_is_never_its_target(tmp_path: Path, policy: writing.Policy) -> None:
    """Same title, same day, different article: it gets the next free id, and the run says so;
    the other article's briefing is neither kept in its place, replaced nor merged into."""
    other = existing(tmp_path, "2024-05-06-talks-resume", "sources/other.txt")
    before = other.read_text(encoding="utf-8")
    writer = writing.Writer(tmp_path, policy)
    targets = writer.targets([article("Talks resume", path="sources/a.txt")])
    assert [t.name for _, t in targets] == ["2024-05-06-talks-resume-2.yaml"]
    assert writer.notes == [
        "sources/a.txt: written as 2024-05-06-talks-resume-2"
        " (2024-05-06-talks-resume is the briefing of sources/other.txt)"
    ]
    assert other.read_text(encoding="utf-8") == before


def test_an_articles_own_briefing_keeps_its_id(tmp_path: Path) -> None:
    existing(tmp_path, "2024-05-06-talks-resume", "sources/other.txt")
    existing(tmp_path, "2024-05-06-talks-resume-2", "sources/a.txt")
    writer = writing.Writer(tmp_path, "update")
    targets = writer.targets([article("Talks resume", path="sources/a.txt")])
    assert [t.name for _, t in targets] == ["2024-05-06-talks-resume-2.yaml"]
    writer = writing.Writer(tmp_path, "keep")
    assert writer.targets([article("Talks resume", path="sources/a.txt")]) == []
    assert writer.report.kept == 1


def test_unreadable_sources_are_reported_and_need_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to extract: no model is looked for, every bad path gets its line and counts."""
    from generator import nlp

    monkeypatch.setattr(nlp, "available", lambda *_: pytest.fail("the model was looked for"))
    monkeypatch.chdir(tmp_path)
    Path("empty.txt").write_text("", encoding="utf-8")
    writer = writing.Writer(Path("out"))
    lines = list(writing.extract_into(["missing.md", "empty.txt"], writer))
    assert lines == ["missing.md: no such file or folder", "empty.txt: empty file"]
    assert (writer.report.written, writer.report.kept, len(writer.report.failed)) == (0, 0, 2)
    assert not Path("out").exists()


def briefing(title: str = "Talks resume", actors: tuple[Actor, ...] = ()) -> Briefing:
    source = Source(file="sources/a.txt", published="2024-05-06")
    return Briefing(id="x", title=title, source=source, actors=actors)


def test_write_takes_the_id_of_its_file_and_keeps_the_machine_copy(tmp_path: Path) -> None:
    writer = writing.Writer(tmp_path / "briefings")
    target = tmp_path / "briefings" / "2024-05-06-talks-resume-2.yaml"
    assert list(writer.write(target, briefing())) == []
    assert store.load_plain(target)["id"] == "2024-05-06-talks-resume-2"
    assert writing.machine_copy(target) == tmp_path / ".briefings" / "machine" / target.name
    assert writing.machine_copy(target).is_file()
    assert writer.report.written == 1


def test_update_merges_and_says_what_changed(tmp_path: Path) -> None:
    target = tmp_path / "briefings" / "2024-05-06-talks-resume.yaml"
    writing.Writer(tmp_path / "briefings").write(target, briefing()).close()
    list(writing.Writer(tmp_path / "briefings").write(target, briefing()))
    writer = writing.Writer(tmp_path / "briefings", "update")
    assert list(writer.write(target, briefing())) == [
        f"{target}: no changes (same machine output as last time)"
    ]
    assert (writer.report.written, writer.report.updated, writer.report.unchanged) == (0, 0, 1)
    changed = briefing("Talks resume in Geneva", (Actor("anna-berg", "Anna Berg", "person"),))
    assert list(writer.write(target, changed)) == [f"{target}: 1 actor added, title updated"]
    assert store.load_plain(target)["title"] == "Talks resume in Geneva"
    assert (writer.report.written, writer.report.updated, writer.report.unchanged) == (0, 1, 1)
    assert writer.report.summary() == "1 updated, 1 unchanged"
    forced = writing.Writer(tmp_path / "briefings", "force")
    assert list(forced.write(target, briefing("Talks resume in Bern"))) == []
    assert forced.report.summary() == "1 written"
    assert list(forced.write(target, briefing("Talks resume in Bern"))) == []
    assert forced.report.summary() == "1 written, 1 unchanged"


def test_write_that_fails_is_counted_and_named(tmp_path: Path) -> None:
    target = tmp_path / "briefings" / "x.yaml"
    target.parent.mkdir()
    target.write_text("title: [broken\n", encoding="utf-8")
    writer = writing.Writer(tmp_path / "briefings", "update")
    (line,) = writer.write(target, briefing())
    assert line.startswith(f"{target}:2:") and "invalid YAML" in line
    assert (writer.report.written, len(writer.report.failed)) == (0, 1)
    assert target.read_text(encoding="utf-8") == "title: [broken\n"


def test_start_briefing_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "talks.md"
    source.write_text("---\ntitle: Talks\n---\n\nThe minister said the talks went well.\n", encoding="utf-8")
    path = writing.start_briefing(tmp_path / "b", "Talks resume", "2024-05-06", file=str(source))
    data = store.load_plain(path)
    assert path.name == "2024-05-06-talks-resume.yaml"
    assert data["source"]["sha256"] == ingest.read(source, published="2024-05-06").sha256
    with pytest.raises(BriefingsError, match="already exists"):
        writing.start_briefing(tmp_path / "b", "Talks resume", "2024-05-06")


def test_machine_copy_decides_whether_an_update_has_anything_to_merge(tmp_path: Path) -> None:
    target = tmp_path / "briefings" / "2024-05-06-talks-resume.yaml"
    data = briefing().to_dict()
    assert not writing.machine_unchanged(target, data)
    assert writing.write_fresh(target, data) is True
    assert writing.write_fresh(target, data) is False
    assert target.read_text(encoding="utf-8") == store.ruamel_dumps(data, store.header_for(target.parent))
    assert writing.machine_unchanged(target, data)
    assert not writing.machine_unchanged(target, {**data, "title": "Changed"})
