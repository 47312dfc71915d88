from __future__ import annotations

from pathlib import Path

import pytest

from generator.paths import outside, source_path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("s", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("file", "inside"),
    [
        ("sources/a.md", True),
        ("./sources/../sources/a.md", True),
        ("sources/missing.md", False),
        ("../secret.txt", False),
        ("sources/../../secret.txt", False),
        ("/etc/passwd", False),
        ("", False),
        ("sources/a.md\x00.txt", False),
    ],
)
def test_source_path(repo: Path, file: str, inside: bool) -> None:
    assert (source_path(file, repo) is not None) is inside


def test_absolute_inside(repo: Path) -> None:
    assert source_path(str(repo / "sources" / "a.md"), repo) == repo / "sources" / "a.md"


@pytest.mark.parametrize(
    ("file", "out"),
    [
        ("sources/a.md", False),
        ("sources/missing.md", False),  # missing, but inside: not worth a warning
        ("../secret.txt", True),
        ("sources/../../secret.txt", True),
        ("/etc/passwd", True),
        ("", False),
    ],
)
def test_outside(repo: Path, file: str, out: bool) -> None:
    assert outside(file, repo) is out


def test_symbolic_link_out_of_the_project(repo: Path) -> None:
    (repo / "sources" / "link.md").symlink_to(repo.parent / "secret.txt")
    assert source_path("sources/link.md", repo) is None
    assert outside("sources/link.md", repo)
