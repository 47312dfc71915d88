"""Which files are sources, and reading a batch of them where one bad file stops nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import sources

TREE = {
    "news/a.txt": "Talks resume\n\nThe minister said the talks went well.\n",
    "news/deep/b.md": "---\ntitle: Budget vote\n---\n\nThe council delayed its vote.\n",
    "news/c.HTML": "<html><head><title>Port strike</title></head><body><p>Home.</p></body></html>",
    "news/.draft.txt": "hidden: an editor's scratch file\n",
    "news/notes.docx": "not a format we read",
    "news/README": "no suffix",
    "odd.rtf": "named directly: kept, so reading it says what is wrong",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TREE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("paths", "found", "missing"),
    [
        (["news"], ["news/a.txt", "news/c.HTML", "news/deep/b.md"], []),
        (["news/"], ["news/a.txt", "news/c.HTML", "news/deep/b.md"], []),
        (["odd.rtf", "news/deep"], ["odd.rtf", "news/deep/b.md"], []),
        (["news/.draft.txt"], ["news/.draft.txt"], []),  # named directly: the editor meant it
        (["nowhere", "news/deep"], ["news/deep/b.md"], ["nowhere"]),
        ([], [], []),
    ],
)
def test_sources_in(tree: Path, paths: list[str], found: list[str], missing: list[str]) -> None:
    files, problems = sources.sources_in(paths)
    assert [Path(f).as_posix() for f in files] == found
    assert [(p.path, p.message) for p in problems] == [(m, "no such file or folder") for m in missing]


def test_read_all_goes_past_bad_files(tree: Path) -> None:
    (tree / "empty.txt").write_text("", encoding="utf-8")
    articles, problems = sources.read_all(
        ["news/a.txt", "empty.txt", "odd.rtf", "news/deep/b.md"], published="2024-05-06"
    )
    assert [a.title for a in articles] == ["Talks resume", "Budget vote"]
    assert [a.published for a in articles] == ["2024-05-06", "2024-05-06"]
    assert [p.path for p in problems] == ["empty.txt", "odd.rtf"]
    assert "empty file" in problems[0].message and "unknown format '.rtf'" in problems[1].message
