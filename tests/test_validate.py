"""Every validation rule, with the file, line and field it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import fmt, ingest
from generator.errors import Problem
from generator.validate import github, validate_paths

SOURCE = """\
Ministers agree to resume river talks

Environment ministers from Germany and Poland agreed on Tuesday to resume talks on the Oder river.

"We have waited too long for this meeting," said Anna Berg, a spokeswoman for the ministry.

It remains unclear whether the talks will cover compensation.
"""

VALID = """\
schema_version: 1
id: 2024-03-05-talks
title: Ministers agree to resume river talks
reviewed: false
source:
  file: sources/talks.txt
  published: '2024-03-05'
  sha256: {sha}
summary:
tags: []
actors:
  - id: anna-berg
    name: Anna Berg
    kind: person
    role: spokeswoman
    span: [152, 161]
  - id: germany
    name: Germany
    kind: place
quotes:
  - id: q1
    text: We have waited too long for this meeting,
    speaker: anna-berg
    kind: direct
    paragraph: 2
    span: [101, 142]
timeline:
  - text: Tuesday
    date: '2024-03-05'
    end:
    actors:
      - germany
questions:
  - question: Will the talks cover compensation?
    evidence:
      - It remains unclear whether the talks will cover compensation.
    actors: []
    status: open
"""

OTHER = """\
schema_version: 1
id: 2024-03-12-talks-open
title: Talks open
source:
  file: sources/other.txt
  published: '2024-03-12'
actors: []
quotes: []
timeline: []
questions: []
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "talks.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources" / "other.txt").write_text("Talks open\n\nThe talks opened.\n", encoding="utf-8")
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "2024-03-12-talks-open.yaml").write_text(OTHER, encoding="utf-8")
    return tmp_path


def valid_text() -> str:
    sha = ingest.from_paragraphs("x", "t", SOURCE.split("\n\n")[1:]).sha256
    return VALID.format(sha=sha)


def write(repo: Path, text: str, name: str = "2024-03-05-talks.yaml") -> Path:
    path = repo / "briefings" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_source_file_that_does_not_exist_is_a_warning(repo: Path) -> None:
    """`briefings new` points at sources/<id>.md before anyone has put the article there."""
    path = write(repo, OTHER.replace("sources/other.txt", "sources/not-yet.md"), "2024-03-12-talks-open.yaml")
    (problem,) = validate_paths([path]).problems
    assert str(problem) == (
        f"{path}:5:3: source.file: warning: no such file 'sources/not-yet.md': "
        "quotes and evidence are not checked against it"
    )


def test_valid_briefing_has_no_problems(repo: Path) -> None:
    text = valid_text()
    assert ingest.read("sources/talks.txt").text[101:142] == "We have waited too long for this meeting,"
    write(repo, text)
    assert validate_paths([Path("briefings")]).problems == []


# (old, new, at, field, message part, severity): `new` replaces `old` in the valid file, and the
# problem must be reported on the line `at` (the first such line from where `new` starts).
RULES = [
    # the schema
    ("  - id: germany\n", "  - id: 7\n", "- id: 7", "actors[1].id", "is not of type 'string'", "error"),
    ("    kind: place\n", "    kind: planet\n", "kind: planet", "actors[1].kind", "is not one of", "error"),
    ("    kind: place\n", "    kind: place\n    age: 3\n", "age: 3", "actors[1].age", "unknown key", "error"),
    ("    name: Germany\n", "", "- id: germany", "actors[1]", "'name' is missing", "error"),
    (
        "reviewed: false\n",
        "reviewed: 'no'\n",
        "reviewed: 'no'",
        "reviewed",
        "is not of type 'boolean'",
        "error",
    ),
    ("    span: [101, 142]\n", "    span: [101]\n", "span: [101]", "quotes[0].span", "too short", "error"),
    # ids are unique
    (
        "  - id: germany\n",
        "  - id: anna-berg\n",
        "- id: anna-berg",
        "actors[1].id",
        "duplicate actor id",
        "error",
    ),
    (
        "timeline:\n",
        "  - id: q1\n    text: We have waited too long\n    speaker:\n    kind: partial\ntimeline:\n",
        "- id: q1",
        "quotes[1].id",
        "duplicate quote id 'q1'",
        "error",
    ),
    # references
    (
        "    speaker: anna-berg\n",
        "    speaker: anna\n",
        "speaker: anna",
        "quotes[0].speaker",
        "unknown actor",
        "error",
    ),
    (
        "      - germany\n",
        "      - poland\n",
        "- poland",
        "timeline[0].actors[0]",
        "unknown actor 'poland'",
        "error",
    ),
    (
        "    actors: []\n",
        "    actors:\n      - berg\n",
        "- berg",
        "questions[0].actors[0]",
        "unknown actor 'berg'",
        "error",
    ),
    (
        "    status: open\n",
        "    status: answered\n    answer: Not yet.\n    answered_by: 2024-04-01-nothing\n",
        "answered_by: 2024-04-01-nothing",
        "questions[0].answered_by",
        "no briefing with id '2024-04-01-nothing'",
        "error",
    ),
    (
        "    status: open\n",
        "    status: answered\n    answer: Itself.\n    answered_by: 2024-03-05-talks\n",
        "answered_by: 2024-03-05-talks",
        "questions[0].answered_by",
        "names this briefing itself",
        "error",
    ),
    (
        "    status: open\n",
        "    status: open\n    answered_by: 2024-03-12-talks-open\n",
        "answered_by: 2024-03-12-talks-open",
        "questions[0].answered_by",
        "is set but status is 'open'",
        "warning",
    ),
    (
        "    status: open\n",
        "    status: answered\n",
        "status: answered",
        "questions[0].status",
        "no answer",
        "error",
    ),
    # an editor's story: a slug like an id, or `none`
    (
        "reviewed: false\n",
        "reviewed: false\nstory: Talks 2024\n",
        "story: Talks 2024",
        "story",
        "does not match",
        "error",
    ),
    ("reviewed: false\n", "reviewed: false\nstory: ''\n", "story: ''", "story", "does not match", "error"),
    (
        "    status: open\n",
        "    status: open\n    answer: Yes.\n",
        "answer: Yes.",
        "questions[0].answer",
        "'open'",
        "warning",
    ),
    # dates
    (
        "    date: '2024-03-05'\n",
        "    date: '2024-02-30'\n",
        "date: '2024-02-30'",
        "timeline[0].date",
        "not a real",
        "error",
    ),
    (
        "    date: '2024-03-05'\n",
        "    date: '2024-W54'\n",
        "date: '2024-W54'",
        "timeline[0].date",
        "not a real",
        "error",
    ),
    (
        "    date: '2024-03-05'\n",
        "    date: '2024-13'\n",
        "date: '2024-13'",
        "timeline[0].date",
        "not a real",
        "error",
    ),
    (
        "    date: '2024-03-05'\n",
        "    date: 5 March\n",
        "date: 5 March",
        "timeline[0].date",
        "does not match",
        "error",
    ),
    (
        "    end:\n",
        "    end: '2024-03-04'\n",
        "end: '2024-03-04'",
        "timeline[0].end",
        "before it starts",
        "error",
    ),
    (
        "    date: '2024-03-05'\n    end:\n",
        "    date:\n    end: '2024-03'\n",
        "end: '2024-03'",
        "timeline[0].end",
        "without a date",
        "error",
    ),
    (
        "  published: '2024-03-05'\n",
        "  published: '2024-02-31'\n",
        "published: '2024-02-31'",
        "source.published",
        "not a real date",
        "error",
    ),
    ("  published: '2024-03-05'\n", "", "source:", "source.published", "no publication date", "warning"),
    # the source's own words
    (
        "    text: We have waited too long for this meeting,\n",
        "    text: We have waited for this meeting,\n",
        "text: We have waited for this meeting,",
        "quotes[0].text",
        "not found verbatim in sources/talks.txt",
        "error",
    ),
    (
        "      - It remains unclear whether the talks will cover compensation.\n",
        "      - It is unclear whether the talks will cover compensation.\n",
        "- It is unclear whether the talks will cover compensation.",
        "questions[0].evidence[0]",
        "not found verbatim",
        "error",
    ),
    (
        "    span: [101, 142]\n",
        "    span: [101, 9999]\n",
        "span: [101, 9999]",
        "quotes[0].span",
        "outside",
        "error",
    ),
    (
        "    paragraph: 2\n",
        "    paragraph: 7\n",
        "paragraph: 7",
        "quotes[0].paragraph",
        "the article has 3",
        "error",
    ),
    # the file itself
    (
        "id: 2024-03-05-talks\n",
        "id: 2024-03-12-talks-open\n",
        "id: 2024-03-12-talks-open",
        "id",
        "duplicate",
        "error",
    ),
    (
        "id: 2024-03-05-talks\n",
        "id: 2024-03-05-other\n",
        "id: 2024-03-05-other",
        "id",
        "file name",
        "warning",
    ),
    ("title: Ministers", "title: [Ministers", "reviewed: false", "yaml", "invalid YAML", "error"),
    (
        "reviewed: false\n",
        "reviewed: false\nreviewed: true\n",
        "reviewed: true",
        "yaml",
        "invalid YAML",
        "error",
    ),
]


@pytest.mark.parametrize(("old", "new", "at", "field", "message", "severity"), RULES)
def test_rule(repo: Path, old: str, new: str, at: str, field: str, message: str, severity: str) -> None:
    valid = valid_text()
    assert old in valid
    text = valid.replace(old, new, 1)
    path = write(repo, text)
    name = str(Path("briefings") / path.name)
    problems = [p for p in validate_paths([Path("briefings")]).problems if p.path == name]
    hits = [p for p in problems if p.field == field and message in p.message]
    assert hits, [str(p) for p in problems]
    problem = hits[0]
    assert problem.severity == severity
    lines = text.splitlines()
    start = valid[: valid.index(old)].count("\n")
    # the nearest such line, after the edit or (when the edit removed a key) before it
    order = [*range(start, len(lines)), *range(start - 1, -1, -1)]
    expected = next(n for n in order if lines[n].strip() == at) + 1
    assert problem.line == expected
    assert str(problem).startswith(f"{name}:{expected}:")
    assert f": {field}: " in str(problem)


def test_changed_source_is_a_warning_and_skips_offsets(repo: Path) -> None:
    text = valid_text()
    sha = text.split("sha256: ")[1][:64]
    text = text.replace(sha, "f" * 64).replace("span: [101, 142]", "span: [101, 9999]")
    write(repo, text)
    (problem,) = validate_paths([Path("briefings")]).problems
    assert (problem.field, problem.severity) == ("source.sha256", "warning")
    assert problem.line == text.splitlines().index("  sha256: " + "f" * 64) + 1


def test_missing_key_points_at_its_mapping(repo: Path) -> None:
    text = valid_text().replace("    name: Germany\n", "")
    write(repo, text)
    (problem,) = validate_paths([Path("briefings")]).problems
    assert (problem.field, problem.line) == ("actors[1]", text.splitlines().index("  - id: germany") + 1)


def test_references_resolve_across_the_folder_even_for_one_file(repo: Path) -> None:
    text = valid_text().replace(
        "    status: open\n",
        "    status: answered\n    answer: Yes.\n    answered_by: 2024-03-12-talks-open\n",
    )
    path = write(repo, text)
    assert validate_paths([path.relative_to(repo)]).problems == []


def test_source_outside_the_repository_is_not_read(repo: Path) -> None:
    text = valid_text().replace("  file: sources/talks.txt\n", "  file: ../../etc/passwd\n")
    text = text.replace("We have waited too long for this meeting,", "anything at all")
    path = write(repo, text)
    (problem,) = validate_paths([Path("briefings")]).problems
    assert (problem.path, problem.field, problem.severity) == (
        str(path.relative_to(repo)),
        "source.file",
        "warning",
    )
    assert problem.message.startswith("outside the project")


def test_registry_and_hidden_folders_are_not_briefings(repo: Path) -> None:
    write(repo, "- id: anna-berg\n  name: Anna Berg\n", name="actors.yaml")
    hidden = repo / "briefings" / ".briefings" / "machine"
    hidden.mkdir(parents=True)
    (hidden / "x.yaml").write_text("not: a briefing\n", encoding="utf-8")
    assert validate_paths([Path("briefings")]).problems == []


@pytest.mark.parametrize(
    ("problem", "annotation"),
    [
        (
            Problem("briefings/a,b.yaml", 12, "quotes[0].speaker", "unknown actor 'x'", column=5),
            "::error file=briefings/a%2Cb.yaml,line=12,col=5,title=quotes[0].speaker::unknown actor 'x'",
        ),
        (
            Problem("b.yaml", None, None, "50% done\nnext", severity="warning"),
            "::warning file=b.yaml,title=briefing::50%25 done%0Anext",
        ),
        (
            Problem("b.yaml", 3, "source.published", "no date: see docs", severity="warning"),
            "::warning file=b.yaml,line=3,title=source.published::no date: see docs",
        ),
    ],
)
def test_github_annotations(problem: Problem, annotation: str) -> None:
    assert github(problem) == annotation


def test_canonical_form_does_not_change_validity(repo: Path) -> None:
    path = write(repo, valid_text())
    write(repo, fmt.format_text(path.read_text(encoding="utf-8"), path))
    assert validate_paths([Path("briefings")]).problems == []


@pytest.mark.parametrize(
    ("registry", "field", "message", "severity"),
    [
        (
            "- name: Anna M. Berg\n  id: anna-m-berg\n  aliases: [Anna Berg]\n",
            "actors[0].id",
            "'anna-m-berg'",
            "warning",
        ),
        ("- name: Germany\n  id: de\n", "actors[1].id", "'de' in the actor registry", "warning"),
        ("- id: germany\n", "[0].name", "needs a name", "error"),
    ],
)
def test_actor_registry(repo: Path, registry: str, field: str, message: str, severity: str) -> None:
    text = valid_text()
    write(repo, text)
    write(repo, registry, name="actors.yaml")
    (problem,) = validate_paths([Path("briefings")]).problems
    assert (problem.field, problem.severity) == (field, severity)
    assert message in problem.message
    if severity == "warning":
        assert problem.path == str(Path("briefings") / "2024-03-05-talks.yaml")
        actor_id = "anna-berg" if field == "actors[0].id" else "germany"
        assert problem.line == text.splitlines().index(f"  - id: {actor_id}") + 1
    else:
        assert problem.path == str(Path("briefings") / "actors.yaml")


def test_registry_without_conflicts_is_quiet(repo: Path) -> None:
    write(repo, valid_text())
    write(repo, "- name: Anna Berg\n- name: Poland\n", name="actors.yaml")
    assert validate_paths([Path("briefings")]).problems == []


def test_worker_processes_report_exactly_what_one_process_reports(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import parallel

    text = valid_text()
    write(repo, text)
    write(repo, text.replace("speaker: anna-berg", "speaker: lu-xiang"), "2024-03-06-a.yaml")
    write(repo, text.replace("kind: place", "kind: robot"), "2024-03-07-b.yaml")
    write(repo, "id: [unclosed\n", "2024-03-08-c.yaml")
    write(repo, text, "2024-03-09-copy.yaml")  # same id as the first: duplicate
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    serial = validate_paths([repo / "briefings"], root=repo, jobs=1, keep_articles=True)
    parallel = validate_paths([repo / "briefings"], root=repo, jobs=2, keep_articles=True)
    assert parallel.problems == serial.problems
    assert {p.field for p in serial.problems} >= {"quotes[0].speaker", "actors[1].kind", "yaml", "id"}
    assert parallel.articles.keys() == serial.articles.keys() != set()
    assert parallel.loaded == serial.loaded != {}


def test_result_holds_what_was_read(repo: Path) -> None:
    """The site goes on from the result: each briefing's data, and each source article read once."""
    write(repo, valid_text())
    broken = (
        valid_text()
        .replace("kind: place", "kind: robot")
        .replace("id: 2024-03-05-talks\n", "id: 2024-03-07-b\n")
    )
    write(repo, broken, "2024-03-07-b.yaml")
    result = validate_paths([Path("briefings")], keep_articles=True)
    assert [(Path(p.path).name, p.field) for p in result.errors] == [("2024-03-07-b.yaml", "actors[1].kind")]
    assert result.warnings == []
    assert sorted(p.name for p in result.loaded) == [
        "2024-03-05-talks.yaml",
        "2024-03-07-b.yaml",
        "2024-03-12-talks-open.yaml",
    ]
    assert result.loaded[Path("briefings/2024-03-07-b.yaml")]["actors"][1]["kind"] == "robot"
    # the invalid briefing's source is not read
    assert sorted(result.articles) == [
        (repo / "sources" / "other.txt", "2024-03-12"),
        (repo / "sources" / "talks.txt", "2024-03-05"),
    ]
    assert validate_paths([Path("briefings")]).articles == {}
