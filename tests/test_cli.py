"""The command line: exit codes, messages that name file and line, and the automation that runs it."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import store
from generator.cli import cli

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
schema_version: 1
id: 2024-03-05-talks
title: Ministers agree to resume river talks
source:
  file: sources/talks.md
  published: '2024-03-05'
actors:
  - id: anna-berg
    name: Anna Berg
    kind: person
quotes:
  - id: q1
    text: We have waited too long
    speaker: anna-berg
    kind: direct
timeline: []
questions: []
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefings").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "talks.md").write_text("Talks\n\nWe have waited too long.\n", encoding="utf-8")
    return tmp_path


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def put(text: str, name: str = "2024-03-05-talks.yaml") -> str:
    path = Path("briefings") / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "needle", "field"),
    [
        ("    kind: person\n", "    kind: 3\n", "kind: 3", "actors[0].kind"),
        (
            "    speaker: anna-berg\n",
            "    speaker: xie-zhenhua\n",
            "speaker: xie-zhenhua",
            "quotes[0].speaker",
        ),
        ("title: Ministers", "title: 'Ministers", "actors:", "yaml"),
        ("  - id: anna-berg\n", "  - id: anna-berg\n   name: x\n", "name: x", "yaml"),
    ],
)
def test_validate_names_file_line_and_field(
    folder: Path, old: str, new: str, needle: str, field: str
) -> None:
    text = GOOD.replace(old, new)
    path = put(text)
    code, output = invoke("validate", "briefings")
    assert code == 1
    first = output.splitlines()[0]
    match = re.match(r"(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): ", first)
    assert match, first
    assert match["path"] == path
    assert match["field"] == field
    assert int(match["line"]) in (line_of(text, needle), line_of(text, needle) - 1)


def test_validate_clean_folder_and_warnings(folder: Path) -> None:
    put(GOOD)
    assert invoke("validate", "briefings") == (0, "")
    assert invoke("validate") == (0, "")
    put(GOOD.replace("  published: '2024-03-05'\n", ""))
    code, output = invoke("validate", "briefings")
    assert code == 0 and "warning: no publication date" in output
    code, _ = invoke("validate", "--strict", "briefings")
    assert code == 1


def test_validate_github_annotations(folder: Path) -> None:
    text = GOOD.replace("    speaker: anna-berg\n", "    speaker: nobody\n")
    path = put(text)
    code, output = invoke("validate", "--format", "github", "briefings")
    assert code == 1
    line = line_of(text, "speaker: nobody")
    annotation = f"::error file={path},line={line},col=5,title=quotes[0].speaker::unknown actor 'nobody'"
    assert output.startswith(annotation)


def test_validate_missing_path(folder: Path) -> None:
    code, output = invoke("validate", "briefings/nope.yaml")
    assert code == 1
    assert output.strip() == "briefings/nope.yaml: no such file"


def test_fmt_check_then_fix(folder: Path) -> None:
    messy = GOOD.replace(
        "title: Ministers agree to resume river talks\n", 'title: "Ministers agree"  # short\n'
    )
    path = put(messy)
    code, output = invoke("fmt", "--check", "briefings")
    assert code == 1
    assert output.strip() == f"{path}: not formatted (run: briefings fmt {path})"
    assert Path(path).read_text(encoding="utf-8") == messy, "--check changes nothing"
    code, _ = invoke("fmt", "briefings")
    assert code == 0
    fixed = Path(path).read_text(encoding="utf-8")
    assert fixed.startswith(store.HEADER_PREFIX)
    assert re.search(r"^title: Ministers agree +# short$", fixed, re.M)
    assert invoke("fmt", "--check", "briefings") == (0, "")
    assert invoke("fmt", "briefings") == (0, "")
    assert Path(path).read_text(encoding="utf-8") == fixed


def test_new_writes_a_valid_skeleton(folder: Path) -> None:
    code, output = invoke(
        "new", "--title", "Talks open in Frankfurt", "--published", "2024-03-12", "--source", "Example Wire"
    )
    assert code == 0
    path = Path(output.splitlines()[0])
    assert path == Path("briefings/2024-03-12-talks-open-in-frankfurt.yaml")
    data = store.to_plain(store.load(path))
    assert data["source"] == {
        "file": "sources/2024-03-12-talks-open-in-frankfurt.md",
        "name": "Example Wire",
        "published": "2024-03-12",
    }
    assert data["origin"] == "hand" and data["reviewed"] is False  # not "machine-extracted" on the site
    assert "sources/2024-03-12-talks-open-in-frankfurt.md: put the article's text here" in output
    code, output = invoke("validate", "--strict", str(path))
    assert code == 1 and "source.file: warning: no such file" in output  # until the text is there
    Path("sources").mkdir(exist_ok=True)
    Path("sources/2024-03-12-talks-open-in-frankfurt.md").write_text("Talks\n\nThey met.\n", encoding="utf-8")
    assert invoke("validate", "--strict", str(path)) == (0, "")
    assert invoke("fmt", "--check", str(path)) == (0, "")
    code, output = invoke("new", "--title", "Talks open in Frankfurt", "--published", "2024-03-12")
    assert code == 1 and "already exists" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "--title", "T", "--published", "12 March"), "is not a date like"),
        (("new", "--title", " ", "--published", "2024-03-12"), "the title is empty"),
        (("extract", "nowhere/", "--out", "briefings"), "nowhere/: no such file or folder"),
        (("extract", "x", "--out", "b", "--force", "--update"), "exclude each other"),
        (("validate", "--format", "xml"), "'xml' is not one of"),
    ],
)
def test_errors_are_messages_not_tracebacks(folder: Path, args: tuple[str, ...], message: str) -> None:
    code, output = invoke(*args)
    assert code in (1, 2)
    assert message in output
    assert "Traceback" not in output


def test_schema_prints_the_schema() -> None:
    code, output = invoke("schema")
    assert code == 0
    assert json.loads(output) == store.schema()


# Repository automation: run, locally, the commands that CI and pre-commit run.


def briefings_repo(tmp_path: Path) -> Path:
    """A copy of the repository's briefings and sources, and the text of one more briefing that
    the tests start with `new`."""
    repo = tmp_path / "repo"
    for name in ("briefings", "sources"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns(".*"))
        else:
            (repo / name).mkdir(parents=True)
    text = "Talks open in Frankfurt\n\nThe talks opened on Tuesday.\n"
    (repo / "sources" / "2024-03-12-talks-open-in-frankfurt.md").write_text(text, encoding="utf-8")
    return repo


def workflow_commands() -> list[str]:
    commands = []
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            commands += [step["run"].strip() for step in job["steps"] if "run" in step]
    return commands


def test_workflows_build_on_pull_requests_and_deploy_from_main() -> None:
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert "pull_request" in ci[True]  # PyYAML reads the key `on` as True
    assert pages[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_workflow_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = briefings_repo(tmp_path)
    monkeypatch.chdir(repo)
    assert invoke("new", "--title", "Talks open in Frankfurt", "--published", "2024-03-12")[0] == 0
    commands = workflow_commands()
    ran = 0
    for command in commands:
        argv = shlex.split(command)
        if argv[0] == "make":
            if shutil.which("make"):
                dry = subprocess.run(
                    ["make", "-n", "-C", str(ROOT), *argv[1:]], capture_output=True, check=False
                )
                assert dry.returncode == 0, (command, dry.stderr)
            continue
        assert Path(argv[0]).name == "briefings", command
        assert invoke(*argv[1:]) == (0, ""), command
        ran += 1
    assert ran >= 2
    # and they fail, naming the file, when a briefing is broken
    broken = repo / "briefings" / "2024-03-12-talks-open-in-frankfurt.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("actors: []", "actors:   3"), encoding="utf-8"
    )
    for command in commands:
        argv = shlex.split(command)
        if Path(argv[0]).name == "briefings":
            code, output = invoke(*argv[1:])
            assert code == 1 and "2024-03-12-talks-open-in-frankfurt.yaml" in output, command


def test_pre_commit_hooks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"briefings-validate", "briefings-fmt"}
    repo = briefings_repo(tmp_path)
    monkeypatch.chdir(repo)
    assert invoke("new", "--title", "Talks open in Frankfurt", "--published", "2024-03-12")[0] == 0
    (repo / "briefings" / "actors.yaml").write_text("- name: Anna Berg\n", encoding="utf-8")
    files = sorted(p.relative_to(repo).as_posix() for p in (repo / "briefings").rglob("*") if p.is_file())
    for hook in hooks:
        chosen = [
            f for f in files if re.search(hook["files"], f) and not re.search(hook.get("exclude", "^$"), f)
        ]
        assert ("briefings/actors.yaml" in chosen) is (hook["id"] == "briefings-validate")
        argv = shlex.split(hook["entry"])
        assert argv[0] == "briefings"
        assert invoke(*argv[1:], *chosen) == (0, ""), hook["id"]
        bad = repo / "briefings" / "bad.yaml"
        bad.write_text(GOOD.replace("kind: person", "kind: robot"), encoding="utf-8")
        code, output = invoke(*argv[1:], *chosen, "briefings/bad.yaml")
        assert code == 1 and "briefings/bad.yaml" in output, hook["id"]
        bad.unlink()


def test_validate_checks_a_registry_given_alone(folder: Path) -> None:
    put(GOOD)
    registry = put("- name: Anna Berg\n- name: Anna Berg\n", name="actors.yaml")
    code, output = invoke("validate", registry)
    assert code == 1
    assert output.startswith(f"{registry}:2:") and "duplicate id 'anna-berg'" in output
