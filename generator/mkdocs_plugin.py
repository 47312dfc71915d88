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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from . import markdown_ext, mkdocs_pages, pagefind, store
from .config import BriefingsConfig
from .errors import BriefingsError
from .mkdocs_files import PACKED_HTML, Collector, PackedFile, Packs, poll_sooner, quiet_dirty
from .site import cache, data, problems, render
from .site.options import Options, from_settings
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


THEME = Path(__file__).resolve().parent / "theme"
"""Theme overrides: the 404 page."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root = Path.cwd()
        self.yaml_of: dict[str, str] = {}
        """Page src_uri -> the YAML's path relative to the site root (for edit links)."""
        self.boost: dict[str, tuple[str, ...]] = {}
        self.edit_of: dict[str, tuple[str, bool]] = {}
        """Page src_uri -> where its edit control leads, and whether that is an editor."""
        self.yaml_pages = False
        """Whether this build publishes a page of each briefing's YAML (no repository editor)."""
        self.tab: MkPage | None = None
        """The navigation page whose tab is highlighted for the page being rendered."""
        self.plain_pages = False
        """Whether generated pages are converted by `mkdocs_pages.GeneratedPage` (see there)."""
        self.generated: set[str] = set()
        """src_uri of every page this plugin generated (their Markdown is dropped once converted)."""
        self.packed_html: dict[str, bytes] = {}
        """src_uri -> a generated page's HTML, compressed between conversion and writing."""
        self.search_text: dict[str, str] = {}
        self.search_tags: dict[str, tuple[str, ...]] = {}
        """src_uri -> the one search entry of a page indexed from data (see render.Page)."""
        self.previous: dict[str, int] = {}
        """src_uri -> checksum of each generated file in the previous build (for `serve --dirty`)."""
        self.preview: cache.Preview | None = None
        """What `mkdocs serve` keeps between rebuilds (None in `mkdocs build`)."""
        self.copies: set[str] = set()
        self.copies_before: set[str] = set()
        """YAML copies published by this build and by the previous one (see `_forget_gone`)."""
        self.packs = Packs()
        """What a preview's previous build compressed (see `Packs`)."""
        self.collector = Collector()
        """Pauses garbage collection during a preview's rebuilds (see `Collector`)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that `mkdocs serve` keeps this plugin object between rebuilds (MkDocs 1.4+),
        and with it `previous`, the checksums that let `--dirty` skip unchanged pages, and the
        preview's cache: a save re-checks and re-renders only what it changed, and an invalid
        file shows as a page of problems instead of stopping the server."""
        self.preview = cache.Preview() if command == "serve" else None
        if command == "serve" and dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(quiet_dirty)

    def _path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.preview is not None and self.previous:  # a rebuild of `mkdocs serve`
            self.collector.pause()
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if self.config.pagefind and not any(str(s) == pagefind.SCRIPT for s in config.extra_javascript):
            config.extra_javascript.append(pagefind.SCRIPT)
        if config.nav is None:
            config.nav = NAV
        if markdown_ext.__name__ not in config.markdown_extensions:
            config.markdown_extensions.append(markdown_ext.__name__)
        if str(THEME) not in config.theme.dirs:  # a 404 page that helps; a site's custom_dir wins
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        if not config.site_url:
            log.info("briefings: no site_url, so no sitemap, relative feed links and a plain 404 page")
        return config

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """Without a site_url a sitemap has no addresses to list: none is written (MkDocs skips an
        empty template) rather than an empty one."""
        return "" if template_name == "sitemap.xml" and not config.site_url else output

    @property
    def jobs(self) -> int:
        return self.config.jobs or os.cpu_count() or 1

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        options = from_settings(
            self.config,
            site_name=config.site_name,
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
            templates_dir=self._path(self.config.templates_dir),
            yaml_pages=self.config.publish_yaml and not (config.repo_url and config.edit_uri),
        )
        self.yaml_pages = options.yaml_pages
        self.plain_pages = markdown_ext.converts_alike(config.markdown_extensions, config.mdx_configs)
        for table in (
            self.yaml_of,
            self.boost,
            self.generated,
            self.search_text,
            self.search_tags,
            self.packed_html,
        ):
            table.clear()
        if self.preview is None:
            loaded = self._load()
            pages: Iterable[render.Page] = render.iter_site(
                loaded.entries, options, loaded.registry, jobs=self.jobs, stream=True
            )
        else:
            loaded, pages = self._preview_pages(options)
        count = 0
        for page in pages:
            count += 1
            self._add_page(files, config, page)
        # Published so that editors' YAML tooling can fetch the schema from the site as well.
        files.append(File.generated(config, store.SCHEMA_URL_PATH, abs_src_path=str(store.SCHEMA_FILE)))
        if self.preview is not None:
            self._forget_gone(config)
        log.info("briefings: %d briefings, %d generated files", len(loaded.entries), count)
        return files

    def _preview_pages(self, options: Options) -> tuple[data.Loaded, Iterator[render.Page]]:
        """Under `mkdocs serve`: only changed files are checked and only pages whose inputs
        changed are rendered; a file with errors is left out and its page lists them."""
        assert self.preview is not None
        preview = self.preview
        loaded, errors = preview.loads.load(*self._sources(), jobs=self.jobs)
        for problem in errors:
            log.error("briefings: %s", problems.shown(problem, self.root))
        env = preview.environment(options)
        pages = render.iter_site(
            loaded.entries, options, loaded.registry, memo=preview.pages, env=env, stream=True
        )

        def counted() -> Iterator[render.Page]:
            yield from problems.with_problems(pages, errors, self.root)
            log.info(
                "briefings: %d files checked, %d pages rendered, %d kept",
                preview.loads.checked,
                preview.pages.made,
                preview.pages.reused,
            )
            preview.pages.finish()

        return loaded, counted()

    def _forget_gone(self, config: MkDocsConfig) -> None:
        """A dirty build leaves what the previous build wrote: the pages and YAML copies of a
        deleted briefing would still be served. They go, as a full build would not make them."""
        gone = set(self.previous) - self.generated
        gone |= self.copies_before - self.copies
        for src in sorted(gone):
            self.previous.pop(src, None)
            self.packs.forget(src)
            Path(File.generated(config, src, content="").abs_dest_path).unlink(missing_ok=True)
        self.copies_before, self.copies = self.copies, set()

    def _sources(self) -> tuple[Path, Path, Path]:
        """The briefings folder, the folder source paths are relative to, the registry."""
        return (
            self._path(self.config.briefings_dir),
            self._path(self.config.source_root or "."),
            self._path(self.config.registry),
        )

    def _load(self) -> data.Loaded:
        """The briefings and registry, checked as `briefings validate` checks them."""
        try:
            loaded = data.load_site(*self._sources(), jobs=self.jobs)
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
        file = self.packs.file(config, page, keep=self.preview is not None)
        checksum = hash(file._packed)
        file.changed = self.previous.get(page.path) != checksum
        self.previous[page.path] = checksum
        self.generated.add(page.path)
        if page.search_text is not None:
            self.search_text[page.path] = page.search_text
            self.search_tags[page.path] = page.search_tags
        if page.yaml is not None:
            rel = posixpath.relpath(page.yaml.resolve().as_posix(), self.root.as_posix())
            file.edit_uri = rel
            self.yaml_of[page.path] = rel
            self.boost[page.path] = page.boost_sections
            if self.config.publish_yaml:
                copy = posixpath.dirname(page.path) + ".yaml"
                files.append(File.generated(config, copy, abs_src_path=str(page.yaml)))
                self.copies.add(copy)
        files.append(file)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """The pages MkDocs made for the generated files become `GeneratedPage`s (the same page,
        converted alike without Python-Markdown): in the navigation or not, with the title the
        navigation gives."""
        if self.plain_pages:
            for src in self.generated:
                file = files.get_file_from_path(src)
                if file is not None and type(file.page) is MkPage:
                    file.page.__class__ = mkdocs_pages.GeneratedPage
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        """One edit control per briefing page, ours: the repository's editor when the site has
        `repo_url`/`edit_uri`, else the page that shows the YAML; never the theme's as well."""
        if isinstance(page.file, PackedFile):
            page.file.release()  # read: the page's Markdown is in `markdown` now
        src = page.file.src_uri
        if src in self.yaml_of:
            if page.edit_url:
                self.edit_of[src] = (page.edit_url, True)
            elif self.yaml_pages:
                self.edit_of[src] = ("yaml.html", False)
            page.edit_url = None
        return None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.preview is not None:
            env.bytecode_cache = self.preview.compiled
        return env

    @event_priority(-100)  # last: the HTML every other plugin has finished with
    def on_page_content(
        self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        # MkDocs' own raw-HTML id scan runs after markdown_ext has stashed the blocks it skips.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | markdown_ext.anchor_ids(html)
        src = page.file.src_uri
        if EDIT_MARKER in html:
            edit = self.edit_of.get(src)
            button = mkdocs_pages.edit_button(edit[0], self.yaml_of[src], edit[1]) if edit else ""
            html = html.replace(EDIT_MARKER, button)
        if src not in self.generated:
            return html
        # MkDocs converts every page before it writes any: generated pages wait packed, which
        # keeps a large site's build within memory (their Markdown is not needed any more, and
        # the page's HTML is `html` alone while the copies below are made).
        page.markdown = page.content = ""
        if not mkdocs_pages.sections(page.toc):
            page.toc = mkdocs_pages.headings_toc(html)
        html = mkdocs_pages.with_phone_toc(html, page.toc)
        self.packed_html[src] = zlib.compress(html.encode("utf-8"), 1)
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
            tags, boost = self.search_tags.get(page.file.src_uri, ()), self.config.search_boost_actors
            entries.append({"location": page.url, "title": page.title or "", "text": text})
            entries[-1].update({"tags": list(tags), "boost": float(boost)} if tags else {})
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

    def _section_tab(self, context: Any, /, *, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
        """A page outside the navigation highlights its section's tab while it is rendered."""
        self.tab = mkdocs_pages.section(page, nav)
        if self.tab is not None:
            self.tab.active = True
        return context

    on_page_context = CombinedEvent(_unpack_html, _search_entries, _section_tab)

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: MkPage, config: MkDocsConfig) -> str | None:
        """A written page's HTML is not needed again: let it go instead of holding every page."""
        if self.tab is not None:
            self.tab.active, self.tab = False, None
        if page.file.src_uri in self.generated:
            page.content = PACKED_HTML
        return mkdocs_pages.feed_link(output, page.url, config.site_url, config.site_name)

    @event_priority(100)  # before the search plugin merges its index
    def _post_build(self, *, config: MkDocsConfig) -> None:
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

    @event_priority(-100)  # last: the build is done once every plugin has written its files
    def _collect_later(self, *, config: MkDocsConfig) -> None:
        self.collector.resume()

    on_post_build = CombinedEvent(_post_build, _collect_later)

    def on_build_error(self, *, error: Exception) -> None:
        self.collector.resume()

    def on_shutdown(self) -> None:
        self.collector.stop()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        interval = poll_sooner(server, self._path(self.config.briefings_dir))
        if interval is not None:
            log.debug("briefings: looking for changed files every %.2f s", interval)
        for value in (self.config.briefings_dir, self.config.templates_dir):
            if self._path(value).exists():
                server.watch(str(self._path(value)))
        registry = self._path(self.config.registry)
        if registry.exists() and not registry.is_relative_to(self._path(self.config.briefings_dir)):
            server.watch(str(registry))
        return server
