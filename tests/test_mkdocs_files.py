"""Generated files wait packed (zlib) and are let go once MkDocs is done with them: what MkDocs
writes must not change. What `mkdocs serve` keeps between rebuilds, and its watcher."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File

from generator.mkdocs_files import CHUNK, POLL_MIN, Collector, PackedFile, Packs, poll_sooner
from generator.site.page import Page


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


def test_a_preview_compresses_only_what_changed(tmp_path: Path) -> None:
    """A page its memo kept (the same object) and a file of the same pieces reuse the previous
    build's bytes; changed pieces are packed again, and every file reads as its text."""
    config = _config(tmp_path)
    packs = Packs()
    parts = ["[", '{"a": 1}', ",", '{"b": 2}', "]"]
    page = Page("a/index.md", "# A\n")
    feed = Page("feed.json", "", pieces=lambda: iter(parts))
    first = [packs.file(config, p, keep=True) for p in (page, feed)]
    same = Page("feed.json", "", pieces=lambda: iter(parts))
    again = [packs.file(config, p, keep=True) for p in (page, same)]
    assert [f._packed for f in first] == [f._packed for f in again]
    assert all(a._packed is b._packed for a, b in zip(first, again, strict=True))
    assert again[1].content_string == "".join(parts)
    parts[1] = '{"a": 3}'
    changed = packs.file(config, Page("feed.json", "", pieces=lambda: iter(parts)), keep=True)
    assert changed.content_string == "".join(parts)
    assert packs.file(config, Page("a/index.md", "# A\n"), keep=True).content_string == "# A\n"
    packs.forget("feed.json")
    assert "feed.json" not in packs.pages and "feed.json" not in packs.pieces


def test_garbage_is_collected_after_a_rebuild_not_during_it() -> None:
    """Paused for a rebuild (and the next one, if it begins before the collection), enabled again
    only by the timer, after the build has returned."""
    collector = Collector()
    assert gc.isenabled()
    try:
        collector.pause()
        assert not gc.isenabled()
        collector.resume(delay=60)
        assert not gc.isenabled()  # enabled now, it would collect at the next allocation
        collector.pause()  # the next rebuild: the pending collection is called off
        assert not gc.isenabled() and collector._timer is None
        collector.resume(delay=0.01)
        timer = collector._timer
        assert timer is not None
        timer.join(5)
        assert gc.isenabled() and not collector.paused and collector._timer is None
    finally:
        collector.stop()
    assert gc.isenabled()


def test_the_watcher_looks_sooner_and_keeps_every_watch(tmp_path: Path) -> None:
    """MkDocs' own watches (a folder, a file, one path watched twice) move to the faster
    observer; a later change under each still asks for a rebuild."""
    folder, config = tmp_path / "briefings", tmp_path / "mkdocs.yml"
    folder.mkdir()
    (folder / "a.yaml").write_text("id: a\n", encoding="utf-8")
    config.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(folder))
        server.watch(str(folder))
        server.watch(str(config))
        old = server.observer
        interval = poll_sooner(server, folder)
        assert interval is not None and POLL_MIN <= interval < 0.5
        assert server.observer is not old and server.observer.timeout == interval
        assert not old.emitters
        moved = sorted(e.watch.raw_path for e in server.observer.emitters)
        assert moved == sorted([str(folder), str(config)])
        server.unwatch(str(folder))  # watched twice: still watched
        assert len(server.observer.emitters) == 2
        assert poll_sooner(server, folder) is None  # already as often as it may
    finally:
        server.observer.stop()
        server.server_close()
