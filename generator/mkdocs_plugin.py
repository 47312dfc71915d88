"""The `briefings` MkDocs plugin: a thin adapter from MkDocs events to `generator.site`.

on_config   gives the site a small, constant navigation (sections and listings only).
on_files    loads and validates the YAML, renders every page, adds them with File.generated.
on_page_*   points the edit link at the YAML file and raises the search weight of quotes/actors.
on_serve    rebuilds when a briefing, the registry or a template changes.
"""

from __future__ import annotations

import logging
import os
import posixpath
import zlib
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from . import markdown_ext, pagefind, store
from .config import BriefingsConfig
from .errors import BriefingsError
from .site import data, render
from .site.options import from_settings
from .site.templates import EDIT_MARKER

log = logging.getLogger("mkdocs.plugins.briefings")

NAV: list[Any] = [
    {"Digest": "index.md"},
    {"Stories": "stories/index.md"},
    {"Upcoming": "upcoming/index.md"},
    {"Archive": "archive/index.md"},
    {"Actors": "actors/index.md"},
    {"Timeline": "timeline/index.md"},
    {"Quotes": "quotes/index.md"},
    {"Questions": "questions/index.md"},
    {"Tags": "tags/index.md"},
]


PACKED_HTML = "<!-- briefings: packed until the page is written -->"


class PackedFile(File):
    """A generated file whose content waits zlib-compressed until MkDocs reads it.

    MkDocs holds every generated page's Markdown from `on_files` to the end of the build; packed,
    5000 briefings take tens of MB instead of hundreds. Reading it (`content_string`, copying)
    works as for any generated `File`: MkDocs 1.6 keeps that content in `File._content`.
    """

    _packed: bytes | None = None
    _is_text = True
    changed = True
    """False when the content is what the previous build of this `mkdocs serve` generated:
    `mkdocs serve --dirty` then skips converting and writing the page again."""

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)

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
        self._packed = None if data is None else zlib.compress(data, 1)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root = Path.cwd()
        self.yaml_of: dict[str, str] = {}
        """Page src_uri -> the YAML's path relative to the site root (for edit links)."""
        self.boost: dict[str, tuple[str, ...]] = {}
        self.generated: set[str] = set()
        """src_uri of every page this plugin generated (their Markdown is dropped once converted)."""
        self.packed_html: dict[str, bytes] = {}
        """src_uri -> a generated page's HTML, compressed between conversion and writing."""
        self.search_text: dict[str, str] = {}
        """src_uri -> the one search entry of a page indexed from data (see render.Page)."""
        self.previous: dict[str, int] = {}
        """src_uri -> checksum of each generated file in the previous build (for `serve --dirty`)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that `mkdocs serve` keeps this plugin object between rebuilds (MkDocs 1.4+)
        and with it `previous`, the checksums that let `--dirty` skip unchanged pages."""

    def _path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if self.config.pagefind and not any(str(s) == pagefind.SCRIPT for s in config.extra_javascript):
            config.extra_javascript.append(pagefind.SCRIPT)
        if config.nav is None:
            config.nav = NAV
        if markdown_ext.__name__ not in config.markdown_extensions:
            config.markdown_extensions.append(markdown_ext.__name__)
        return config

    @property
    def jobs(self) -> int:
        return self.config.jobs or os.cpu_count() or 1

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        loaded = self._load()
        options = from_settings(
            self.config,
            site_name=config.site_name,
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
            templates_dir=self._path(self.config.templates_dir),
        )
        for table in (self.yaml_of, self.boost, self.generated, self.search_text, self.packed_html):
            table.clear()
        count = 0
        for page in render.iter_site(loaded.entries, options, loaded.registry, jobs=self.jobs):
            count += 1
            self._add_page(files, config, page)
        # Published so that editors' YAML tooling can fetch the schema from the site as well.
        files.append(File.generated(config, store.SCHEMA_URL_PATH, abs_src_path=str(store.SCHEMA_FILE)))
        log.info("briefings: %d briefings, %d generated files", len(loaded.entries), count)
        return files

    def _load(self) -> data.Loaded:
        """The briefings and registry, checked as `briefings validate` checks them."""
        try:
            loaded = data.load_site(
                self._path(self.config.briefings_dir),
                self._path(self.config.source_root or "."),
                self._path(self.config.registry),
                jobs=self.jobs,
            )
        except BriefingsError as exc:
            raise PluginError(f"invalid briefings:\n{exc}") from None
        for problem in loaded.warnings:
            log.info("briefings: %s", problem)
        return loaded

    def _add_page(self, files: Files, config: MkDocsConfig, page: render.Page) -> None:
        """One generated page (packed), replacing a file of the same path in docs_dir, with its
        YAML copy and what the later events need to know about it."""
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            log.info("briefings: generated %s replaces the file in docs_dir", page.path)
            files.remove(existing)
        file = PackedFile.generated(config, page.path, content=page.content)
        assert isinstance(file, PackedFile)
        checksum = hash(file._packed)
        file.changed = self.previous.get(page.path) != checksum
        self.previous[page.path] = checksum
        self.generated.add(page.path)
        if page.search_text is not None:
            self.search_text[page.path] = page.search_text
        if page.yaml is not None:
            rel = posixpath.relpath(page.yaml.resolve().as_posix(), self.root.as_posix())
            file.edit_uri = rel
            self.yaml_of[page.path] = rel
            self.boost[page.path] = page.boost_sections
            if self.config.publish_yaml:
                copy = posixpath.dirname(page.path) + ".yaml"
                files.append(File.generated(config, copy, abs_src_path=str(page.yaml)))
        files.append(file)

    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Without a repository to edit in, the edit button opens the published YAML copy."""
        src = page.file.src_uri
        if src in self.yaml_of and page.edit_url is None and self.config.publish_yaml:
            page.edit_url = "../" + posixpath.basename(posixpath.dirname(src)) + ".yaml"
        return None

    @event_priority(-100)  # last: the HTML every other plugin has finished with
    def on_page_content(
        self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        # MkDocs' own raw-HTML id scan runs after markdown_ext has stashed the blocks it skips.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | markdown_ext.anchor_ids(html)
        if EDIT_MARKER in html:
            button = ""
            if page.edit_url:
                button = (
                    f'<a class="md-button bf-edit" href="{escape(page.edit_url)}" '
                    f'title="Open {escape(self.yaml_of.get(page.file.src_uri, "the YAML"))}">Edit YAML</a>'
                )
            html = html.replace(EDIT_MARKER, button)
        if page.file.src_uri not in self.generated:
            return html
        # MkDocs converts every page before it writes any: generated pages wait packed, which
        # keeps a large site's build within memory (their Markdown is not needed any more).
        page.markdown = ""
        self.packed_html[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return PACKED_HTML

    @event_priority(100)  # first: before the search plugin reads the page
    def _unpack_html(self, context: Any, /, *, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
        packed = self.packed_html.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        return context

    def _search_entries(self, context: Any, /, *, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
        """Quotes and actor names weigh more in search than the rest of a briefing page; pages
        indexed from data get their one entry without their HTML being parsed."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        entries = getattr(getattr(search, "search_index", None), "entries", None)
        if not isinstance(entries, list):
            return context
        text = self.search_text.get(page.file.src_uri)
        if text is not None:
            entries.append({"location": page.url, "title": page.title or "", "text": text})
        anchors = self.boost.get(page.file.src_uri)
        if not anchors:
            return context
        wanted = {f"{page.url}#{a}" for a in anchors}
        factor = float(self.config.search_boost_sections)
        for entry in reversed(entries):
            if not str(entry.get("location", "")).startswith(page.url):
                break
            if entry.get("location") in wanted:
                entry["boost"] = float(entry.get("boost", 1)) * factor
        return context

    on_page_context = CombinedEvent(_unpack_html, _search_entries)

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: MkPage, config: MkDocsConfig) -> str | None:
        """A written page's HTML is not needed again: let it go instead of holding every page."""
        if page.file.src_uri in self.generated:
            page.content = PACKED_HTML
        return output

    @event_priority(100)  # before the search plugin merges its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """With `pagefind: true`, index the built site (see generator/pagefind.py).

        Under `mkdocs serve --dirty`, Material's search keeps the previous index and replaces the
        entries of one rebuilt page; a save rebuilds several of ours (the briefing, its actors,
        listings), so the previous entries of every rebuilt page are dropped first.
        """
        search = config.plugins.get("material/search") or config.plugins.get("search")
        prev = getattr(search, "search_index_prev", None)
        current = getattr(getattr(search, "search_index", None), "entries", None)
        if prev is not None and current and isinstance(getattr(prev, "entries", None), list):
            rebuilt = {str(e.get("location", "")).split("#")[0] for e in current}
            prev.entries = [
                e for e in prev.entries if str(e.get("location", "")).split("#")[0] not in rebuilt
            ]
        if self.config.enabled and self.config.pagefind:
            try:
                pagefind.post_build(Path(config.site_dir))
            except BriefingsError as exc:
                raise PluginError(str(exc)) from None

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        for value in (self.config.briefings_dir, self.config.templates_dir):
            if self._path(value).exists():
                server.watch(str(self._path(value)))
        registry = self._path(self.config.registry)
        if registry.exists() and not registry.is_relative_to(self._path(self.config.briefings_dir)):
            server.watch(str(registry))
        return server
