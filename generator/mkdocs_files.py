"""The files the `briefings` plugin hands to MkDocs, and what `mkdocs serve --dirty` needs of them.

A generated page waits zlib-compressed until MkDocs reads it and says whether it changed since
the previous build of the preview, so that a dirty rebuild converts and writes only those.
`Collector` keeps Python's full garbage collections out of a preview's rebuilds, and
`poll_sooner` has the preview notice a save sooner.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from watchdog.observers.polling import PollingObserver
from watchdog.utils.dirsnapshot import DirectorySnapshot

from .site.page import Page

PACKED_HTML = "<!-- briefings: packed until the page is written -->"
CHUNK = 1 << 16
_EMPTY = zlib.compress(b"", 1)


class PackedFile(File):
    """A generated file whose content waits zlib-compressed until MkDocs reads it.

    MkDocs holds every generated page's Markdown from `on_files` to the end of the build; packed,
    5000 briefings take tens of MB instead of hundreds. Reading it (`content_string`, copying)
    works as for any generated `File` (MkDocs 1.6 keeps that content in `File._content`) until
    MkDocs is done with it: then it is let go (`release`).
    """

    _packed: bytes | None = None
    _is_text = True
    changed = True
    """False when the content is what the previous build of this `mkdocs serve` generated:
    `mkdocs serve --dirty` then skips converting and writing the page again."""

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)

    def pack(self, pieces: Iterable[str]) -> None:
        """The content from its pieces, compressed as they come (a large file is never whole)."""
        packer = zlib.compressobj(1)
        self._packed = b"".join(packer.compress(p.encode("utf-8")) for p in pieces) + packer.flush()
        self._is_text = True

    def release(self) -> None:
        """Let the content go once MkDocs is done with it: a page's Markdown is read once and a
        static file copied once, but MkDocs keeps every `File` to the end of the build."""
        self._packed = None

    def copy_file(self, dirty: bool = False) -> None:
        """Written as MkDocs writes it, but unpacked piece by piece: briefings.json of 5000
        briefings, unpacked, decoded and encoded again whole, was the build's peak of memory."""
        if (
            self._packed is None
            or not self._is_text
            or os.linesep != "\n"
            or (dirty and not self.is_modified())
        ):
            super().copy_file(dirty)
        else:
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            unpacker = zlib.decompressobj()
            with open(self.abs_dest_path, "wb") as out:
                for at in range(0, len(self._packed), CHUNK):
                    out.write(unpacker.decompress(self._packed[at : at + CHUNK]))
                out.write(unpacker.flush())
        self.release()

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        if self._packed is None:
            return None
        raw = zlib.decompress(self._packed)
        return raw.decode("utf-8") if self._is_text else raw

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._is_text = isinstance(value, str)
        data = value.encode("utf-8") if isinstance(value, str) else value
        # `File.generated(content="")` for every page a preview kept: no compressor for nothing
        self._packed = None if data is None else zlib.compress(data, 1) if data else _EMPTY


class Packs:
    """What a preview compressed in its previous build, by path: a page its memo kept (the same
    object) or a file made of the same pieces (briefings.json) is not compressed again."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[Page, bytes]] = {}
        self.pieces: dict[str, tuple[list[str], bytes]] = {}

    def file(self, config: MkDocsConfig, page: Page, keep: bool) -> PackedFile:
        """The page as a `PackedFile`; with `keep` (a preview), remembered for the next build."""
        kept = self.pages.get(page.path)
        same = kept is not None and kept[0] is page
        file = PackedFile.generated(config, page.path, content="" if same else page.content)
        assert isinstance(file, PackedFile)
        if same and kept is not None:
            file._packed = kept[1]
        elif page.pieces is not None and keep:
            pieces = list(page.pieces())  # a preview's pieces are mostly its memo's strings
            before = self.pieces.get(page.path)
            if before is not None and before[0] == pieces:
                file._packed = before[1]
            else:
                file.pack(pieces)
                assert file._packed is not None
                self.pieces[page.path] = (pieces, file._packed)
        elif page.pieces is not None:
            file.pack(page.pieces())  # a build: written as it comes, never whole
        assert file._packed is not None
        if keep:
            self.pages[page.path] = (page, file._packed)
        return file

    def forget(self, path: str) -> None:
        self.pages.pop(path, None)
        self.pieces.pop(path, None)


def quiet_dirty(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation and links stale. Not here: the
    navigation is the same on every build and a page is rebuilt whenever its content, links
    included, changes (`PackedFile.changed`)."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


IDLE_COLLECT = 1.0
"""Seconds after a preview's rebuild when the garbage it left is collected (see `Collector`)."""


class Collector:
    """Python's cyclic garbage collector paused while a preview rebuilds, and run once the
    rebuilt pages are served.

    A preview keeps what it read and rendered (tens of thousands of objects at 1,000 briefings),
    and a rebuild makes as many again (MkDocs' files, pages, navigation, template contexts): the
    one or two full collections its allocations set off each traversed all of them, 0.2-0.3 s
    each of a 2-3 s rebuild, and found next to nothing to free (the garbage is freed as it goes,
    by reference counting). Paused during a rebuild, the collector is enabled again, and runs,
    `IDLE_COLLECT` seconds after it in a timer thread (enabled at once, it would run at the
    next allocation, before MkDocs serves the pages), unless the next rebuild has begun by then."""

    def __init__(self) -> None:
        self.paused = False
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def pause(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if gc.isenabled():
                gc.disable()
                self.paused = True

    def resume(self, delay: float = IDLE_COLLECT) -> None:
        """Collect again, in `delay` seconds (MkDocs serves the pages once the build returns)."""
        with self._lock:
            if not self.paused or self._timer is not None:
                return
            self._timer = threading.Timer(delay, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def _collect(self) -> None:
        with self._lock:
            if self._timer is not threading.current_thread():
                return  # cancelled by a rebuild that began meanwhile
            self._timer, self.paused = None, False
            gc.enable()
        gc.collect()

    def stop(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.paused:
                self.paused = False
                gc.enable()


POLL_CPU = 0.03
"""The share of one core a preview's watcher may spend looking for changed files."""
POLL_MIN = 0.1
"""Seconds between two looks, at least."""


def poll_sooner(server: Any, folder: Path) -> float | None:
    """Have `mkdocs serve` look for changes more often than every 0.5 s where that is cheap.

    MkDocs polls the watched folders (portable, where file system events are not) every 0.5 s:
    a save waits 0.25 s on average before its rebuild begins. One look lists the folders and stats
    every file (about 5 ms for 1,000 briefings): the interval becomes the shortest that keeps
    looking under `POLL_CPU` of a core, from `POLL_MIN` up to MkDocs' own. The watches MkDocs
    made move to the new observer. Returns the interval, None when MkDocs' was kept."""
    old = getattr(server, "observer", None)
    if not isinstance(old, PollingObserver) or old.is_alive() or not folder.is_dir():
        return None
    start = time.perf_counter()
    DirectorySnapshot(str(folder), recursive=True)
    interval = max(POLL_MIN, (time.perf_counter() - start) / POLL_CPU)
    if interval >= old.timeout:
        return None
    watched: dict[tuple[str, bool], int] = {}
    for emitter in list(old.emitters):
        where = (emitter.watch.raw_path, emitter.watch.is_recursive)  # as `server.watch` gave it
        while any(e.watch.raw_path == where[0] for e in old.emitters):  # one per watch() call
            server.unwatch(where[0])
            watched[where] = watched.get(where, 0) + 1
    server.observer = PollingObserver(timeout=interval)
    for (path, recursive), calls in watched.items():
        for _ in range(calls):
            server.watch(path, recursive=recursive)
    return interval
