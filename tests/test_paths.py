from __future__ import annotations

from pathlib import Path

import pytest

from generator.paths import source_path


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
