"""Bad input at every entry point: one located line, a non-zero exit, never a traceback or a hang.

The entry points are the real programs (`briefings extract | validate | fmt` and `mkdocs build`),
run as subprocesses so that what is checked is exactly what an editor or CI sees. Unit tests of
the pieces live beside them (test_safety, test_paths, test_ingest, test_store, test_validate).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_site import make_site, mkdocs_build

from generator import cli, fmt, sources, store

BIN = Path(sys.executable).parent

GOOD = """\
schema_version: 1
id: 2023-11-03-good
title: Good
source:
  file: sources/good.md
  published: '2023-11-03'
actors:
  - id: wang-wenbin
    name: Wang Wenbin
    kind: person
quotes:
  - id: q1
    text: Hello.
    speaker: wang-wenbin
    kind: direct
timeline: []
questions: []
"""

# (case, file content, line of the problem, what the line must say after `path:line[:col]: `)
BAD_YAML: list[tuple[str, str | bytes, int, str]] = [
    (
        "broken syntax",
        GOOD.replace("title: Good", "title: [Good"),
        4,
        "yaml: invalid YAML: a [list] not closed",
    ),
    ("wrong type", GOOD.replace("title: Good", "title: 12"), 3, "title: 12 is not of type 'string'"),
    ("unknown key", GOOD.replace("title: Good", "title: Good\ncolour: red"), 4, "colour: unknown key"),
    (
        "duplicate key",
        GOOD.replace("title: Good", "title: Good\ntitle: Again"),
        4,
        "yaml: invalid YAML: a key given twice in the same place: keep one (parser: found duplicate key",
    ),
    (
        "object tag",
        GOOD.replace("title: Good", "title: !!python/object/apply:os.system ['touch pwned']"),
        3,
        "yaml: YAML tag",
    ),
    ("billion laughs", "a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", 2, "yaml: YAML aliases"),
    ("deep nesting", "a: " + "[" * 500 + "]" * 500 + "\n", 1, "yaml: nested deeper"),
    ("huge string", GOOD.replace("Hello.", "x" * 300_000), 13, "yaml: text longer than"),
    ("not utf-8", GOOD.encode("utf-8").replace(b"Good", b"G\xffod"), 3, "not UTF-8"),
    ("id with ../", GOOD.replace("id: 2023-11-03-good", "id: ../../etc/passwd"), 2, "id: '../../etc/passwd'"),
    ("id with slash", GOOD.replace("id: 2023-11-03-good", "id: a/b"), 2, "id: 'a/b' does not match"),
    (
        "speaker not an actor",
        GOOD.replace("speaker: wang-wenbin", "speaker: lu-xiang"),
        14,
        "quotes[0].speaker: unknown actor",
    ),
    ("bad date", GOOD.replace("'2023-11-03'", "'2023-02-30'"), 6, "source.published: not a real date"),
    ("not a mapping", "- just\n- a list\n", 1, "mapping"),
    ("empty file", "", 1, "empty"),
]
IDS = [c[0] for c in BAD_YAML]
MEANING = {"wrong type", "unknown key", "id with ../", "id with slash", "speaker not an actor", "bad date"}
"""Well-formed YAML that means something wrong: `validate` refuses it, `fmt` formats it."""


def slug(case: str) -> str:
    return "2023-11-03-" + "".join(c if c.isalnum() else "-" for c in case).strip("-")


def content_for(case: str, content: str | bytes) -> str | bytes:
    """The case's file, with the id matching its file name (so only the case's own problem shows)."""
    if isinstance(content, bytes):
        return content.replace(b"2023-11-03-good", slug(case).encode())
    return content.replace("2023-11-03-good", slug(case))


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "briefings"), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def reported(out: str, name: str) -> str:
    """The first error line that names `name`; every problem is one line, none is a traceback."""
    assert "Traceback" not in out, out
    lines = [x for x in out.splitlines() if name in x and "warning:" not in x]
    assert lines, out
    return lines[0]


@pytest.mark.parametrize(("case", "content", "line", "words"), BAD_YAML, ids=IDS)
@pytest.mark.parametrize("command", ["validate", "fmt", "fmt --check"])
def test_bad_yaml(
    tmp_path: Path, command: str, case: str, content: str | bytes, line: int, words: str
) -> None:
    name = f"briefings/{slug(case)}.yaml"
    target = tmp_path / name
    write(target, content_for(case, content))
    before = target.read_bytes()
    done = run(*command.split(), name, cwd=tmp_path)
    if command.startswith("fmt") and case in MEANING:
        # formatting does not depend on meaning: the problem is validate's to report, once
        assert words not in done.stdout + done.stderr and "Traceback" not in done.stderr
        if command == "fmt --check":
            canonical = fmt.format_text(before.decode(), target) == before.decode()
            assert done.returncode == (0 if canonical else 1) and target.read_bytes() == before
        else:
            assert done.returncode == 0 and run("fmt", "--check", name, cwd=tmp_path).returncode == 0
        return
    first = reported(done.stdout + done.stderr, name)
    assert done.returncode == 1, first
    assert first.startswith(f"{name}:{line}:"), first
    assert words in first, first
    assert target.read_bytes() == before, "a bad file must be left as it was"
    assert not (tmp_path / "pwned").exists()


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One `mkdocs build --strict` of a working site to which every bad briefing was added."""
    root, _ = make_site(tmp_path_factory.mktemp("badsite"))
    for case, content, _, _ in BAD_YAML:
        write(root / "briefings" / f"{slug(case)}.yaml", content_for(case, content))
    return root, mkdocs_build(root)


@pytest.mark.parametrize(("case", "content", "line", "words"), BAD_YAML, ids=IDS)
def test_bad_yaml_fails_the_build(
    bad_build: tuple[Path, subprocess.CompletedProcess[str]], case: str, content: str, line: int, words: str
) -> None:
    root, done = bad_build
    name = f"briefings/{slug(case)}.yaml"
    first = reported(done.stderr, name)
    assert done.returncode == 1
    assert first.startswith(f"{root / name}:{line}:"), first
    assert words in first, first
    assert not (root / "site" / "index.html").exists(), "nothing is published from a broken set"
    assert not (root / "pwned").exists()


def test_source_outside_the_project_is_never_read(tmp_path: Path) -> None:
    """`source.file: ../secret.txt` is a warning in validate, and the site shows none of the file."""
    root, _ = make_site(tmp_path / "project")
    secret = tmp_path / "secret.txt"
    secret.write_text("Title\n\nHello. TOPSECRET credentials here.\n", encoding="utf-8")
    name = "briefings/2023-11-03-good.yaml"
    for file in ("../secret.txt", str(secret)):
        write(root / name, GOOD.replace("sources/good.md", file))
        done = run("validate", "--strict", name, cwd=root)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stdout.startswith(f"{name}:5:3: source.file: warning: outside the project"), done.stdout
        assert run("validate", name, cwd=root).returncode == 0, "a warning, not an error"
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    html = (root / "site" / "briefings" / "2023-11-03-good" / "index.html").read_text(encoding="utf-8")
    assert "The source file is not available to this site." in html
    assert not any("TOPSECRET" in f.read_text(encoding="utf-8") for f in (root / "site").rglob("*.html"))


# Sources: one `extract` run over a folder of bad files and good ones. The batch goes on, every bad
# file gets its one line, the good ones are written, and ids never leave the output folder.
BAD_SOURCES: list[tuple[str, str, str | bytes, str]] = [
    ("empty", "empty.txt", "", "empty file"),
    ("blank lines", "blank.md", "\n\n   \n", "empty file"),
    ("binary", "binary.txt", bytes(range(256)) * 20, "binary file"),
    ("undecodable bytes", "noise.txt", bytes(range(0x80, 0x100)) * 40, "unreadable bytes"),
    ("unknown format", "paper.pdf", "%PDF-1.4", "unknown format"),
    ("broken front matter", "front.md", "---\ntitle: [oops\n---\n\nBody text here.\n", "front matter"),
    ("huge", "huge.txt", b"", "file too large"),
    (
        "front matter tag",
        "tag.md",
        "---\ntitle: !!python/object/apply:os.system [touch pwned]\n---\n\nBody.\n",
        "tag",
    ),
    (
        "front matter aliases",
        "lol.md",
        "---\na: &a [lol, lol]\nb: &b [*a, *a]\ntitle: *b\n---\n\nBody.\n",
        "aliases",
    ),
    (
        "front matter nesting",
        "deep.md",
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n\nBody.\n",
        "nest",
    ),
]
GOOD_SOURCES = {
    "good.txt": "A good title\n\nThe minister said the talks went well.\n",
    "climb.txt": "../../../etc/passwd\n\nThe minister said the talks went well again.\n",
    "cp1252.txt": "Café talks\n\n“We agree,” the minister said.\n".encode("cp1252"),
}


@pytest.fixture(scope="module")
def extract_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("extract")
    for _, name, content, _ in BAD_SOURCES:
        write(root / "sources" / name, content)
    with (root / "sources" / "huge.txt").open("wb") as fh:
        fh.truncate(11 * 2**20)
    for name, content in GOOD_SOURCES.items():
        write(root / "sources" / name, content)
    return root, run(
        "extract", "sources", "sources/paper.pdf", "missing.md", "--out", "out", cwd=root, timeout=300
    )


@pytest.mark.parametrize(("case", "name", "content", "words"), BAD_SOURCES, ids=[c[0] for c in BAD_SOURCES])
def test_bad_source(
    extract_run: tuple[Path, subprocess.CompletedProcess[str]],
    case: str,
    name: str,
    content: object,
    words: str,
) -> None:
    _, done = extract_run
    line = reported(done.stderr, f"sources/{name}")
    assert line.startswith(f"sources/{name}:"), line
    assert words in line, line


def test_extract_batch_goes_on(extract_run: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, done = extract_run
    assert done.returncode == 1, done.stderr
    assert reported(done.stderr, "missing.md") == "missing.md: no such file or folder"
    written = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.yaml") if ".briefings" not in p.parts
    )
    assert written == ["out/a-good-title.yaml", "out/cafe-talks.yaml", "out/etc-passwd.yaml"], done.stderr
    assert done.stderr.splitlines()[-1] == f"3 written, {len(BAD_SOURCES) + 1} failed"
    assert run("validate", "out", cwd=root).returncode == 0


def test_source_that_disappears_mid_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    """Listed, then deleted before it is read: one line for it, the rest of the batch is written."""
    for name in ("a.txt", "b.txt"):
        write(tmp_path / name, f"Story {name}\n\nThe minister said the talks went well.\n")
    listed = sources.sources_in

    def then_delete(paths: tuple[str, ...]) -> tuple[list[str], list[object]]:
        found, problems = listed(paths)
        (tmp_path / "b.txt").unlink()
        return found, problems

    monkeypatch.setattr(sources, "sources_in", then_delete)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.cli, ["extract", "a.txt", "b.txt", "--out", "out", "--no-cache"])
    assert result.exit_code == 1
    assert "b.txt: cannot read: No such file or directory" in result.output.splitlines()
    assert [p.name for p in (tmp_path / "out").glob("*.yaml")] == ["story-a-txt.yaml"]


def test_briefing_that_disappears_before_fmt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("2023-11-03-a", "2023-11-03-b"):
        write(
            tmp_path / f"{name}.yaml",
            GOOD.replace("2023-11-03-good", name).replace("title: Good", "title:  Good"),
        )
    listed = store.briefing_files

    def then_delete(paths: list[Path]) -> list[Path]:
        found = listed(paths)
        (tmp_path / "2023-11-03-b.yaml").unlink(missing_ok=True)
        return found

    monkeypatch.setattr(store, "briefing_files", then_delete)
    changed, problems = fmt.format_paths([tmp_path])
    assert [p.name for p in changed] == ["2023-11-03-a.yaml"]
    assert [str(p) for p in problems] == [f"{tmp_path / '2023-11-03-b.yaml'}: no such file"]


def test_interrupted_run_keeps_briefings(tmp_path: Path) -> None:
    """Kill `extract --force` once it has started rewriting: every briefing is the old one or a
    complete new one, never half a file (writes go to a temporary file that is then renamed)."""
    src = tmp_path / "sources"
    for i in range(40):  # two batches of `nlp.pipe`: the kill lands between them
        write(src / f"a{i:02}.txt", f"Story {i}\n\n" + "The minister said the talks went well. " * 20 + "\n")
    first = run("extract", "sources", "--out", "out", cwd=tmp_path, timeout=600)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.yaml")}
    for f in src.iterdir():
        f.write_text(f.read_text(encoding="utf-8") + "\nThe envoy said more talks were planned.\n")
    proc = subprocess.Popen(
        [str(BIN / "briefings"), "extract", "sources", "--out", "out", "--force"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    changed: list[str] = []
    while not changed and proc.poll() is None and time.monotonic() < deadline:
        changed = [n for n, data in before.items() if (tmp_path / "out" / n).read_bytes() != data]
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL, "the run was killed before it finished"
    assert changed, "the run had started rewriting briefings"
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.yaml")}
    assert after.keys() == before.keys()
    assert any(after[n] == before[n] for n in after), "some briefings were not rewritten yet"
    done = run("extract", "sources", "--out", "new", cwd=tmp_path, timeout=600)  # what a full run writes
    assert done.returncode == 0, done.stderr
    for name, data in after.items():
        assert data in (before[name], (tmp_path / "new" / name).read_bytes()), name
    assert run("validate", "out", cwd=tmp_path).returncode == 0
