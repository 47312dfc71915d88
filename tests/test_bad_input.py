"""Bad input at every entry point: one located line, a non-zero exit, never a traceback or a hang."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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

# (case, file content, line of the problem or None, words the message must contain)
BAD_YAML: list[tuple[str, str | bytes, int | None, str]] = [
    ("broken syntax", GOOD.replace("title: Good", "title: [Good"), 4, "invalid YAML"),
    ("wrong type", GOOD.replace("schema_version: 1", "schema_version: one"), 1, "schema_version"),
    ("unknown key", GOOD.replace("title: Good", "title: Good\ncolour: red"), 4, "colour: unknown key"),
    ("duplicate key", GOOD.replace("title: Good", "title: Good\ntitle: Again"), 4, "duplicate"),
    ("object tag", GOOD.replace("title: Good", "title: !!python/object/apply:os.system ['true']"), 3, "tag"),
    ("billion laughs", "a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", 2, "aliases"),
    ("deep nesting", "a: " + "[" * 500 + "]" * 500 + "\n", 1, "nested deeper"),
    ("huge string", GOOD.replace("Hello.", "x" * 300_000), 13, "longer than"),
    ("not utf-8", GOOD.encode("utf-8").replace(b"Good", b"G\xffod"), 3, "not UTF-8"),
    ("id with ../", GOOD.replace("id: 2023-11-03-good", "id: ../../etc/passwd"), 2, "id"),
    ("id with slash", GOOD.replace("id: 2023-11-03-good", "id: a/b"), 2, "id"),
    ("speaker not an actor", GOOD.replace("speaker: wang-wenbin", "speaker: lu-xiang"), 14, "unknown actor"),
    ("not a mapping", "- just\n- a list\n", 1, "mapping"),
]


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "briefings"), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize(("case", "content", "line", "words"), BAD_YAML, ids=[c[0] for c in BAD_YAML])
@pytest.mark.parametrize("command", ["validate", "fmt"])
def test_bad_yaml(tmp_path: Path, command: str, case: str, content: str | bytes, line: int, words: str) -> None:
    name = "briefings/2023-11-03-good.yaml"
    target = tmp_path / name
    target.parent.mkdir()
    write(target, content)
    before = target.read_bytes()
    done = run(command, name, cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "Traceback" not in out
    first = next(x for x in out.splitlines() if x.startswith(name) and "warning:" not in x)
    assert first.startswith(f"{name}:{line}:"), first
    assert words in first, first
    assert target.read_bytes() == before, "a bad file must be left as it was"


BAD_SOURCES: list[tuple[str, str, str | bytes, str]] = [
    ("empty", "empty.txt", "", "empty"),
    ("blank lines", "blank.md", "\n\n   \n", "empty"),
    ("binary", "binary.txt", bytes(range(256)) * 20, "binary"),
    ("unknown format", "paper.pdf", "%PDF-1.4", "format"),
    ("broken front matter", "front.md", "---\ntitle: [oops\n---\n\nBody text here.\n", "front matter"),
]


@pytest.mark.parametrize(("case", "name", "content", "words"), BAD_SOURCES, ids=[c[0] for c in BAD_SOURCES])
def test_bad_source_batch_goes_on(tmp_path: Path, case: str, name: str, content: str | bytes, words: str) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    write(src / name, content)
    write(src / "good.txt", "A good title\n\nThe minister said the talks went well.\n")
    done = run("extract", str(src / name), str(src / "good.txt"), "--out", "out", cwd=tmp_path, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Traceback" not in out
    line = next(x for x in out.splitlines() if name in x)
    assert words in line.lower(), line
    assert len(list((tmp_path / "out").glob("*.yaml"))) == 1, "the good file is still extracted"


def test_huge_source(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("Title\n\n")
        fh.write(("word " * 200 + "\n\n") * 21_000)
    done = run("extract", str(big), "--out", "out", cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in out
    assert "big.txt" in out and "large" in out


def test_missing_source(tmp_path: Path) -> None:
    done = run("extract", "nope.md", "--out", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert "nope.md" in done.stderr and "Traceback" not in done.stderr


def test_interrupted_run_keeps_briefings(tmp_path: Path) -> None:
    """Kill `extract --force` mid-batch: every existing briefing is whole, no temp file is left."""
    src = tmp_path / "sources"
    src.mkdir()
    for i in range(16):
        write(src / f"a{i:02}.txt", f"Story {i}\n\n" + "The minister said the talks went well. " * 60 + "\n")
    first = run("extract", "sources", "--out", "out", cwd=tmp_path, timeout=600)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.yaml")}
    proc = subprocess.Popen(
        [str(BIN / "briefings"), "extract", "sources", "--out", "out", "--force"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.yaml")}
    assert after.keys() == before.keys()
    for name, data in after.items():
        assert data == before[name], name
    validate = run("validate", "out", cwd=tmp_path)
    assert "invalid YAML" not in validate.stdout
