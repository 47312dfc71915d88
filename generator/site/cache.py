"""Briefings kept between the rebuilds of one `mkdocs serve`: a save re-reads and re-checks only
the files whose bytes (or whose source text) changed.

`LoadCache.load` gives what `data.load_site` gives for the same folder (a test compares them),
but keeps each valid file's `Entry` and warnings under the sha256 of its bytes and the state of
its source file. A save then validates that one file with `validate.validate_paths` (which still
sees every file name, for `answered_by`), instead of all of them. Whatever could make a partial
check differ from a full one falls back to checking everything: a changed registry, briefings in
more than one folder, an id that differs from its file name (ids are then not just the file
names, and two files may share one). Errors do not raise: the preview shows them as pages
(`problems.py`) and keeps serving the rest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from .. import store, validate
from ..errors import BriefingsError, Problem
from ..model import Briefing
from ..paths import source_path
from .data import Entry, Loaded, load_registry, source_article
from .memo import Memo
from .options import Options
from .templates import BUILTIN_TEMPLATES, environment

SourceState = tuple[int, int] | None
"""(mtime in ns, size) of a source file, None when it is missing or not readable here."""


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def source_state(path: Path | None) -> SourceState:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class _Kept:
    """A valid file as last checked: what made it, what it gave."""

    digest: str
    source: Path | None
    source_state: SourceState
    entry: Entry
    warnings: tuple[Problem, ...]
    refs: frozenset[str]
    """`answered_by` ids it names, and which of them existed when it was checked."""
    known_refs: frozenset[str]


@dataclass
class LoadCache:
    kept: dict[Path, _Kept] = field(default_factory=dict)
    setting: Any = None
    registry_problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    """How many files the last `load` read and checked (the rest were kept)."""
    digests: dict[Path, tuple[tuple[int, int, int], str | None]] = field(default_factory=dict)
    """Each file's sha256 under the (mtime, size, inode) it was read at: not read again while
    those stay the same."""

    def digest(self, path: Path) -> str | None:
        try:
            st = path.stat()
        except OSError:
            return None
        state = (st.st_mtime_ns, st.st_size, st.st_ino)
        kept = self.digests.get(path)
        if kept is None or kept[0] != state:
            kept = self.digests[path] = (state, digest(path))
        return kept[1]

    def load(
        self, briefings_dir: Path, root: Path, registry_file: Path | None = None, jobs: int = 1
    ) -> tuple[Loaded, list[Problem]]:
        """The valid briefings (as `data.load_site` loads them) and the errors of the others."""
        files = store.briefing_files([briefings_dir]) if briefings_dir.is_dir() else []
        registries = sorted(
            {f.parent / store.REGISTRY_NAME for f in files} | set(filter(None, [registry_file]))
        )
        setting = (briefings_dir, root, [(p, digest(p)) for p in registries])
        if setting != self.setting or len({f.parent for f in files}) > 1:
            self.kept.clear()
        self.setting = setting
        stems = {f.stem for f in files}
        stale = [f for f in files if not self._fresh(f, stems)]
        errors = self._check(stale, root, jobs)
        if 0 < len(stale) < len(files) and any(k.entry.briefing.id != f.stem for f, k in self.kept.items()):
            # an id that is not its file name: only a check of every file says what a build says
            self.kept.clear()
            errors = self._check(files, root, jobs)
        errors += [p for p in self.registry_problems if p.severity == "error"]
        return self._loaded(files, registry_file, errors)

    def _fresh(self, path: Path, stems: set[str]) -> bool:
        kept = self.kept.get(path)
        return (
            kept is not None
            and kept.digest == self.digest(path)
            and source_state(kept.source) == kept.source_state
            and frozenset(r for r in kept.refs if r in stems) == kept.known_refs
        )

    def _check(self, paths: list[Path], root: Path, jobs: int) -> list[Problem]:
        """Validate `paths` (with every file name known), keep the valid ones, return the errors
        of the others (the registry's own problems go to `registry_problems`)."""
        self.checked = len(paths)
        for path in paths:
            self.kept.pop(path, None)
        if not paths:
            return []
        checked = validate.validate_paths(paths, root=root, jobs=jobs, keep_articles=True)
        found, plain, articles = checked.problems, checked.loaded, checked.articles
        by_path: dict[str, list[Problem]] = {}
        for p in found:
            by_path.setdefault(p.path, []).append(p)
        registry_paths = {str(f.parent / store.REGISTRY_NAME) for f in paths}
        self.registry_problems = [p for p in found if p.path in registry_paths]
        stems = {f.stem for f in store.briefing_files([paths[0].parent])}
        for path in paths:
            mine = by_path.get(str(path), [])
            if path not in plain or any(p.severity == "error" for p in mine):
                continue
            briefing = Briefing.from_dict(plain[path])
            article, note = source_article(briefing, root, articles)
            source = source_path(briefing.source.file, root)
            sha = self.digest(path)
            token = f"{sha}:{article.sha256 if article else note}"
            refs = frozenset(q.answered_by for q in briefing.questions if q.answered_by)
            self.kept[path] = _Kept(
                digest=sha or "",
                source=source,
                source_state=source_state(source),
                entry=Entry(briefing, path, article, note, token=token),
                warnings=tuple(mine),
                refs=refs,
                known_refs=frozenset(r for r in refs if r in stems),
            )
        return [p for p in found if p.severity == "error" and p.path not in registry_paths]

    def _loaded(
        self, files: list[Path], registry_file: Path | None, errors: list[Problem]
    ) -> tuple[Loaded, list[Problem]]:
        loaded = Loaded()
        broken = {p.path for p in errors}
        for f in files:
            kept = self.kept.get(f)
            if kept is not None and str(f) not in broken:
                loaded.entries.append(kept.entry)
                loaded.warnings += kept.warnings
        loaded.warnings += [p for p in self.registry_problems if p.severity != "error"]
        if registry_file is not None:
            try:
                loaded.registry = load_registry(registry_file)
            except BriefingsError as exc:
                errors = [*errors, *(p for p in exc.problems if p not in errors)]
        return loaded, _unique(errors)


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def without_token(loaded: Loaded) -> Loaded:
    """The same entries as a full `data.load_site` holds them (for comparing the two)."""
    return replace(loaded, entries=[replace(e, token="") for e in loaded.entries])


def templates_state(templates_dir: Path | None) -> tuple[tuple[str, int, int], ...]:
    """The state of every template file a page may be rendered with (site's and built-in)."""
    found = []
    for folder in (templates_dir, BUILTIN_TEMPLATES):
        if folder is not None and folder.is_dir():
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    st = f.stat()
                    found.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(found)


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per preview: MkDocs makes a new theme environment for every build,
    which would compile the theme's templates again each time (a third of a small rebuild)."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:  # same name, file and source
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = (bucket.checksum, bucket.code)


@dataclass
class Preview:
    """What one `mkdocs serve` keeps between rebuilds: checked briefings, the template environment
    and the rendered pages (dropped when the options or a template change)."""

    loads: LoadCache = field(default_factory=LoadCache)
    pages: Memo[Any] = field(default_factory=Memo)
    env: Environment | None = None
    setting: Any = None
    compiled: CompiledTemplates = field(default_factory=CompiledTemplates)

    def environment(self, options: Options) -> Environment:
        setting = (options, templates_state(options.templates_dir))
        if self.env is None or setting != self.setting:
            self.env, self.setting, self.pages = environment(options.templates_dir), setting, Memo()
        return self.env
