"""Validation of many briefing files at once: each file checked (`checks`), ids and references
across files, each folder's actor registry, in worker processes when there are many.

The result is a `Validation`: the problems, in file order, and what was read on the way.
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import heap, parallel, registry, store
from .checks import ERROR, ArticleKey, Checked, Context, Issue, check, located
from .errors import BriefingsError, Problem
from .ingest import Article
from .registry import Registry


@dataclass
class Validation:
    """What `validate_paths` found, and what it read on the way, for a caller that goes on."""

    problems: list[Problem] = field(default_factory=list)
    """In the order of the files given, then by line."""
    loaded: dict[Path, Any] = field(default_factory=dict)
    """Plain data of every briefing that could be read (valid or not), by path."""
    articles: dict[ArticleKey, Article] = field(default_factory=dict)
    """Source articles read to check quotes, if asked for (`keep_articles`): none is read twice."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != ERROR]


def _registry(folder: Path) -> tuple[Registry | None, list[Problem]]:
    """The actor registry `folder/actors.yaml` (None if absent or broken) and its own problems."""
    path = folder / store.REGISTRY_NAME
    if not path.is_file():
        return None, []
    found = registry.check(path)
    if any(p.severity == ERROR for p in found):
        return None, found
    try:
        return registry.load(path), found
    except BriefingsError as exc:
        return None, exc.problems


@dataclass
class _Doc:
    """One briefing file: read fast as plain data; parsed again with line numbers only if needed."""

    path: Path
    text: str | None
    """Dropped once read (a large site would hold every file twice); read again if needed."""
    plain: Any
    _node: Any = None

    @property
    def node(self) -> Any:
        if self._node is None:
            text = self.text if self.text is not None else store.read_text(self.path)
            self._node = store.loads(text, str(self.path))
        return self._node

    @property
    def id(self) -> str | None:
        bid = self.plain.get("id") if isinstance(self.plain, dict) else None
        return bid if isinstance(bid, str) else None

    def problems(self, found: list[Issue]) -> list[Problem]:
        return located(self.node, str(self.path), found) if found else []


def _read(path: Path) -> _Doc:
    text = store.read_text(path)
    try:
        return _Doc(path, text, store.loads_plain(text, str(path)))
    except BriefingsError:
        node = store.loads(text, str(path))  # the round-trip parser says where (or disagrees)
        return _Doc(path, text, store.to_plain(node), node)


def _read_many(paths: list[Path]) -> list[_Doc | list[Problem]]:
    with heap.collector_paused():
        return [_read_one(path) for path in paths]


def _read_one(path: Path) -> _Doc | list[Problem]:
    if not path.exists():
        return [Problem(str(path), None, None, "no such file")]
    try:
        doc = _read(path)
    except BriefingsError as exc:
        return exc.problems
    doc._node = doc.text = None  # round-trip nodes do not cross processes; parsed again if needed
    return doc


def _check_many(work: tuple[list[Any], Context, bool]) -> list[Checked]:
    """`check` each briefing of a chunk; the articles read come back only if kept."""
    plains, context, keep_articles = work
    checked = [check(plain, context) for plain in plains]
    return checked if keep_articles else [Checked(c.issues) for c in checked]


def _chunks(items: list[Any], jobs: int) -> list[list[Any]]:
    size = max(1, math.ceil(len(items) / (jobs * 4)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def validate_paths(
    paths: list[Path], root: Path | None = None, jobs: int = 1, keep_articles: bool = False
) -> Validation:
    """Validate every briefing under `paths`, with references checked across the whole set.

    `answered_by` may name any briefing validated here or lying in the same folder, so a
    pre-commit hook that passes only the changed files still resolves references. The actor
    registry of each folder is checked too, also when it is the only file given. With `jobs` > 1
    and at least `parallel.PARALLEL_MIN` files, reading and the per-file checks run in that many
    processes. The result also holds what was read (data, and source articles if `keep_articles`),
    so the site builder reads nothing twice.
    """
    files = store.briefing_files(paths)
    if jobs > 1 and len(files) >= parallel.PARALLEL_MIN:
        context = multiprocessing.get_context("fork" if parallel.fork_is_safe() else "spawn")
        try:
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                return _Run(paths, root or Path.cwd(), keep_articles, pool, jobs).validate(files)
        except BrokenProcessPool:
            pass  # e.g. a worker could not start: the same work, in this process
    return _Run(paths, root or Path.cwd(), keep_articles, None, jobs).validate(files)


@dataclass
class _Run:
    """One `validate_paths` call: read, check ids across files, then check each file in its folder."""

    paths: list[Path]
    root: Path
    keep_articles: bool
    pool: ProcessPoolExecutor | None
    jobs: int

    def map(self, fn: Callable[[Any], list[Any]], items: list[Any]) -> list[list[Any]]:
        """`fn` over `items`, in the pool's processes if there is one."""
        if self.pool is None:
            return [fn(item) for item in items]
        return list(self.pool.map(fn, items))

    def validate(self, files: list[Path]) -> Validation:
        chunks = _chunks(files, self.jobs) if self.pool else [files]
        docs: list[_Doc] = []
        problems: list[Problem] = []
        for result in (r for out in self.map(_read_many, chunks) for r in out):
            if isinstance(result, _Doc):
                docs.append(result)
            else:
                problems += result
        folders = {d.path.parent for d in docs}
        folders |= {p.parent for p in self.paths if p.name == store.REGISTRY_NAME and p.is_file()}
        known = {s.stem for folder in folders for s in store.briefing_files([folder])}
        known |= {d.id for d in docs if d.id is not None}
        problems += _id_problems(docs)
        registries = {folder: _registry(folder) for folder in folders}
        problems += [p for _, found in registries.values() for p in found]
        contexts = {f: Context(self.root, known, registries[f][0]) for f in folders}
        found, articles = self.check(docs, contexts)
        order = {str(f): i for i, f in enumerate(files)}
        problems = sorted([*problems, *found], key=lambda p: (order.get(p.path, len(order)), p.line or 0))
        return Validation(problems, {d.path: d.plain for d in docs}, articles)

    def check(
        self, docs: list[_Doc], contexts: dict[Path, Context]
    ) -> tuple[list[Problem], dict[ArticleKey, Article]]:
        """`check` every briefing with the context of its folder: problems, and articles read."""
        work: list[list[_Doc]] = []
        for folder in contexts:
            here = [d for d in docs if d.path.parent == folder]
            work += [chunk for chunk in (_chunks(here, self.jobs) if self.pool else [here]) if chunk]
        jobs = [([d.plain for d in c], contexts[c[0].path.parent], self.keep_articles) for c in work]
        problems: list[Problem] = []
        articles: dict[ArticleKey, Article] = {}
        for chunk, checked in zip(work, self.map(_check_many, jobs), strict=True):
            for doc, one in zip(chunk, checked, strict=True):
                problems += doc.problems(one.issues)
                if one.article is not None:
                    articles[one.article[0]] = one.article[1]
        return problems, articles


def _id_problems(docs: list[_Doc]) -> list[Problem]:
    """Ids that differ from the file name, and ids that two files claim."""
    problems: list[Problem] = []
    by_id: dict[str, list[_Doc]] = {}
    for doc in docs:
        if doc.id is None:
            continue
        by_id.setdefault(doc.id, []).append(doc)
        if doc.id != doc.path.stem:
            message = f"id {doc.id!r} differs from the file name {doc.path.name!r}"
            problems += doc.problems([(["id"], message, "warning")])
    for bid, holders in by_id.items():
        # the file named after the id keeps it; the others are the copies to fix
        owner = next((d for d in holders if d.path.stem == bid), holders[0])
        for doc in holders:
            if doc is not owner:
                message = f"duplicate briefing id {bid!r} (also {owner.path})"
                problems += doc.problems([(["id"], message, ERROR)])
    return problems


def github(problem: Problem) -> str:
    """A GitHub Actions workflow command: the problem appears on the line in the pull request."""

    def prop(value: str) -> str:
        return _escape(value).replace(":", "%3A").replace(",", "%2C")

    parts = [f"file={prop(problem.path)}"]
    if problem.line is not None:
        parts.append(f"line={problem.line}")
        if problem.column is not None:
            parts.append(f"col={problem.column}")
    parts.append(f"title={prop(problem.field or 'briefing')}")
    level = "warning" if problem.severity == "warning" else "error"
    return f"::{level} {','.join(parts)}::{_escape(problem.message)}"


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
