"""Load briefings, their source texts and the actor registry for the site, without MkDocs.

Loading goes through `validate.validate_paths`, exactly like `briefings validate`, so a broken
file fails the build with the same `path:line: field: message` lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import ingest, registry, store, validate
from ..errors import BriefingsError, Problem
from ..model import Briefing
from ..paths import source_path
from ..registry import Entry as RegistryEntry


@dataclass(frozen=True)
class Entry:
    """One briefing with where it came from and, when still identical, its source text."""

    briefing: Briefing
    path: Path
    article: ingest.Article | None = None
    source_note: str | None = None
    """Why the source text is not shown (missing file, changed text), for the page."""
    token: str = ""
    """What the pages made from this entry depend on (the file's and the source's state), when
    kept between rebuilds of a preview (`cache.py`); empty otherwise."""


@dataclass
class Loaded:
    entries: list[Entry] = field(default_factory=list)
    registry: dict[str, RegistryEntry] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


def load_briefing(path: Path) -> Briefing:
    """One briefing from a file that passed validation (the fast reader: no line numbers needed)."""
    return Briefing.from_dict(store.load_plain(path))


def source_article(
    briefing: Briefing, root: Path, read: dict[tuple[Path, str | None], ingest.Article] | None = None
) -> tuple[ingest.Article | None, str | None]:
    """Re-read the source so the page can show it; only inside `root`, only if the text is unchanged.

    `read` holds the articles validation has already read, so none is read twice.
    """
    path = source_path(briefing.source.file, root)
    if path is None:
        return None, "The source file is not available to this site."
    try:
        published = briefing.source.published
        known = (read or {}).get((path, published))
        article = known or ingest.read(path, published=published)
    except (BriefingsError, OSError, ValueError):
        return None, "The source file could not be read."
    if briefing.source.sha256 and article.sha256 != briefing.source.sha256:
        return None, "The source file has changed since extraction, so offsets no longer match."
    return article, None


def load_registry(path: Path) -> dict[str, RegistryEntry]:
    """The optional curated actor registry (names, kinds, descriptions), by actor id."""
    if not path.is_file():
        return {}
    return {e.id: e for e in registry.load(path).entries}


def load_site(briefings_dir: Path, root: Path, registry_file: Path | None = None, jobs: int = 1) -> Loaded:
    """Every briefing in `briefings_dir`, checked exactly as `briefings validate` checks them
    (in `jobs` processes when there are many).

    Errors of all files are raised together; warnings are returned for the caller to report.
    """
    loaded = Loaded()
    files = store.briefing_files([briefings_dir]) if briefings_dir.is_dir() else []
    checked = validate.validate_paths(files, root=root, jobs=jobs, keep_articles=True)
    plain, articles = checked.loaded, checked.articles
    errors = checked.errors
    loaded.warnings = checked.warnings
    if registry_file is not None:
        try:
            loaded.registry = load_registry(registry_file)
        except BriefingsError as exc:
            errors += exc.problems
    if errors:
        raise BriefingsError(list(dict.fromkeys(errors)))
    for path in files:
        # popped: a large site never holds both forms of every briefing at once
        briefing = Briefing.from_dict(plain.pop(path)) if path in plain else load_briefing(path)
        article, note = source_article(briefing, root, articles)
        loaded.entries.append(Entry(briefing, path, article, note))
    return loaded
