"""Pagefind: the index is built from the pages' articles only, and Material's index is emptied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import pagefind
from generator.errors import BriefingsError

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>navigation words everywhere</nav>
<article class="md-content__inner md-typeset"><h1>{title}</h1><p>{body}</p>
<a class="headerlink" href="#x">permalink</a></article></body></html>"""


def site(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    for path, (title, body) in pages.items():
        f = root / path
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    (root / "search").mkdir(exist_ok=True)
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "x", "text": "y"}]}
    (root / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return root


@pytest.mark.skipif(not pagefind.available(), reason="pagefind[bin] is not installed")
def test_post_build_indexes_the_articles_and_empties_materials_index(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "index.html": ("Digest", "Talks resume in Geneva."),
            "briefings/a/index.html": ("Port strike ends", "Dock workers in Rotterdam ended a strike."),
        },
    )
    out = pagefind.post_build(root)
    assert out == root / "pagefind"
    assert (out / "pagefind.js").is_file()
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 2
    material = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"] == {"lang": ["en"]}


@pytest.mark.parametrize(
    ("content", "docs"),
    [
        ('{"config": {}, "docs": [{"location": "a"}]}', []),
        ("not json", None),
        ("[1, 2]", None),
    ],
)
def test_empty_material_index_leaves_what_it_cannot_read(tmp_path: Path, content: str, docs: object) -> None:
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(content, encoding="utf-8")
    pagefind.empty_material_index(tmp_path)
    if docs is None:
        assert path.read_text(encoding="utf-8") == content
    else:
        assert json.loads(path.read_text(encoding="utf-8"))["docs"] == docs


def test_missing_binary_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagefind, "available", lambda: False)
    with pytest.raises(BriefingsError, match=r"pagefind: not installed; run `pip install 'pagefind\[bin\]"):
        pagefind.build_index(tmp_path)


def test_glue_script_is_where_the_plugin_points() -> None:
    assert (Path(__file__).resolve().parent.parent / "site_assets" / pagefind.SCRIPT).is_file()
