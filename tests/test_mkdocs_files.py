"""Generated files wait packed (zlib) and are let go once MkDocs is done with them: what MkDocs
writes must not change."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from generator.mkdocs_files import CHUNK, PackedFile


def _config(root: Path) -> MkDocsConfig:
    (root / "docs").mkdir(parents=True)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(root / "docs"), "site_dir": str(root / "site")})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = "briefings"  # as while the plugin's `on_files` runs
    return config


def test_packed_file_is_written_as_mkdocs_writes_it_then_let_go(tmp_path: Path) -> None:
    """Unpacked piece by piece (this one packs into several pieces), the same bytes as MkDocs
    writes for the same text; a large file is packed from its pieces as they come."""
    pieces = ["{" + '"’é": 1,\n'] + [hashlib.sha256(str(i).encode()).hexdigest() + "\n" for i in range(20000)]
    text = "".join(pieces)
    ours, mkdocs = _config(tmp_path / "a"), _config(tmp_path / "b")
    packed = PackedFile.generated(ours, "data/big.json", content="")
    assert isinstance(packed, PackedFile)
    packed.pack(iter(pieces))
    assert packed._packed is not None and len(packed._packed) > 2 * CHUNK
    assert packed.content_string == text
    packed.copy_file()
    File.generated(mkdocs, "data/big.json", content=text).copy_file()
    written = (tmp_path / "a/site/data/big.json").read_bytes()
    assert written == (tmp_path / "b/site/data/big.json").read_bytes() == text.encode("utf-8")
    assert packed._packed is None


def test_a_page_is_read_once_then_let_go(tmp_path: Path) -> None:
    page = PackedFile.generated(_config(tmp_path), "a/index.md", content="# A\n")
    assert page.content_string == "# A\n"
    assert isinstance(page, PackedFile)
    page.release()
    assert page._packed is None and page.is_modified()
