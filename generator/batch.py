"""Many articles -> many briefings: batched `nlp.pipe`, worker processes, a content-hash cache.

Extraction is a pure function of (article, model, code). The cache key hashes exactly those, so
an unchanged source is never parsed twice, and when every source is cached the spaCy model is
not even loaded. Worker processes each load their own model (spaCy objects do not cross process
boundaries cheaply); articles go out and finished `Briefing`s come back, in input order.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import math
import multiprocessing
import os
import shutil
import signal
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import nlp as nlp_mod
from . import parallel, store
from .errors import BriefingsError, Problem
from .ingest import Article
from .model import Briefing

if TYPE_CHECKING:
    from spacy.language import Language

    from .registry import Registry

CACHE_DIR = Path(".briefings") / "cache"
BATCH_SIZE = 32
"""Texts per `nlp.pipe` batch; news articles are long, so larger batches only cost memory."""

Result = Briefing | BriefingsError


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the package's own files and version.

    Any change to the code (extraction, the model dataclasses, YAML writing, the schema) gives new
    keys, so a cached briefing is always what this code would extract now. Hashing everything is
    coarser than needed, but it cannot miss a module that extraction starts to import.
    """
    h = hashlib.sha256()
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        h.update(importlib.metadata.version("briefings").encode())
    root = Path(__file__).parent
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _spacy_version() -> str:
    try:
        return importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        return "?"


class Cache:
    """Extracted briefings on disk, keyed by content hashes.

    Under `<root>/<salt>/` (one folder per code + model + spaCy version), `b/<key>.json` holds
    `Briefing.to_dict()` for an article (its YAML is not cached: `emitter` writes it faster than
    a cache could be read). Entries are written atomically and a damaged one counts as a miss,
    so deleting the folder, or any file in it, is always safe. Folders of other salts are pruned
    when `KEEP` newer ones exist.
    """

    KEEP = 4

    def __init__(self, root: Path | str = CACHE_DIR, model: str | None = None) -> None:
        self.root = Path(root)
        self.salt = "\0".join((code_version(), nlp_mod.fingerprint(model), _spacy_version()))
        self.dir = self.root / hashlib.sha256(self.salt.encode()).hexdigest()[:16]
        self._pruned = False

    def key(self, article: Article, extra: str = "") -> str:
        """Hash of everything extraction reads: the article (text and metadata), model, code, and
        `extra` (other inputs, e.g. the actor registry)."""
        fields = asdict(article)
        blob = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(f"{self.salt}\0{extra}\0{blob}".encode()).hexdigest()

    def _path(self, kind: str, key: str, suffix: str) -> Path:
        return self.dir / kind / key[:2] / f"{key}{suffix}"

    def prune(self) -> None:
        """Drop the folders of all but the `KEEP` most recently used salts (old code, other models)."""
        self._pruned = True
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            os.utime(self.dir)
            others = sorted(
                (d for d in self.root.iterdir() if d.is_dir() and d != self.dir),
                key=lambda d: d.stat().st_mtime,
                reverse=True,
            )
            for d in others[self.KEEP - 1 :]:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            return

    def get(self, key: str) -> Briefing | None:
        try:
            data = json.loads(self._path("b", key, ".json").read_text(encoding="utf-8"))
            return Briefing.from_dict(data)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, key: str, briefing: Briefing) -> None:
        self._put(self._path("b", key, ".json"), json.dumps(briefing.to_dict(), ensure_ascii=False))

    def _put(self, path: Path, text: str) -> None:
        """Best effort: a cache that cannot be written only costs speed."""
        if not self._pruned:
            self.prune()
        try:
            store.write_atomic(path, text, durable=False)
        except OSError:
            return


class _Bar(Protocol):
    def update(self, n_steps: int) -> None: ...


class _NoBar:
    def update(self, n_steps: int) -> None:
        return None


def _bar(total: int, show: bool | None) -> Any:
    """A progress bar on stderr when it is a terminal (never in logs or pipes), else nothing."""
    if show is None:
        show = sys.stderr.isatty()
    if not show or total <= 0:
        return contextlib.nullcontext(_NoBar())
    import click

    return click.progressbar(length=total, label="extracting", file=sys.stderr, show_pos=True, show_eta=True)


def extract_all(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    jobs: int | None = 1,
    cache: Cache | None = None,
    batch_size: int = BATCH_SIZE,
    progress: bool | None = None,
    registry: Registry | None = None,
) -> Iterator[Result]:
    """One result per article, in order: a `Briefing`, or the `BriefingsError` it raised.

    Cache hits cost a file read each. The misses are parsed with batched `nlp.pipe`, in this
    process or in worker processes (`workers`: `jobs` 0 is one per core; None, as `extract` runs
    it, one per core for more than `AUTO_MIN` misses). A missing model raises BriefingsError
    here, before anything is yielded, and only if some article needs it. The actor `registry`,
    if any, is passed to extraction and is part of the cache key.
    """
    extra = json.dumps(asdict(registry), sort_keys=True, default=str) if registry is not None else ""
    keys: list[str | None] = [cache.key(a, extra) if cache is not None else None for a in articles]
    hits: list[Result | None] = [cache.get(k) if cache is not None and k else None for k in keys]
    # Only what was extracted is cached, so a hit was read as English: the language model (half a
    # second to load) is needed only for the misses.
    hits = [hit or refusal(a) for a, hit in zip(articles, hits, strict=True)]
    todo = [a for a, hit in zip(articles, hits, strict=True) if hit is None]
    if todo and not nlp_mod.available(model):
        raise nlp_mod._missing(nlp_mod.model_name(model))
    fresh = _fresh(todo, model, workers(jobs, len(todo)), batch_size, progress, registry)
    return _merge(hits, keys, fresh, cache)


AUTO_MIN = 50
"""Above this many articles to extract, the default is one worker process per core: below it,
loading the model and starting workers costs about what a second core saves."""


def workers(jobs: int | None, articles: int) -> int:
    """Worker processes for `articles` misses: `jobs` as asked, 0 = one per core, None = one per
    core above `AUTO_MIN` articles; 1 means none (this process parses)."""
    if jobs is None:
        jobs = 0 if articles > AUTO_MIN else 1
    if multiprocessing.current_process().daemon:
        return 1  # already a pool's worker (Dask, a caller's pool): it may not start processes
    return max(1, min(jobs or parallel.cores(), articles))


READS = "en"
"""The language the extractors' model and word lists are made for."""


def refusal(article: Article) -> BriefingsError | None:
    """The one-line refusal for an article in a language extraction cannot read (the English
    model would make actors of its function words), else None. An article whose language cannot
    be told is extracted."""
    lang = article.language
    if lang is None or lang == READS:
        return None
    from .ingest.language import name

    return BriefingsError(
        Problem(
            article.path,
            None,
            None,
            f"the article is in {name(lang)} ({lang}); extraction reads English only"
            f" (`briefings read {article.path}` shows the text)",
        )
    )


def _merge(
    hits: list[Result | None], keys: list[str | None], fresh: Iterator[Result], cache: Cache | None
) -> Iterator[Result]:
    for hit, key in zip(hits, keys, strict=True):
        if hit is not None:
            yield hit
            continue
        result = next(fresh)
        if cache is not None and key and isinstance(result, Briefing):
            cache.put(key, result)
        yield result


def _fresh(
    articles: list[Article],
    model: str | None,
    jobs: int,
    batch_size: int,
    progress: bool | None,
    registry: Registry | None = None,
) -> Iterator[Result]:
    """Extract `articles` (lazily: nothing is loaded until the first result is asked for)."""
    if not articles:
        return
    with _bar(len(articles), progress) as bar:
        if jobs <= 1:
            nlp = nlp_mod.load(model)
            docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
            for article, doc in zip(articles, docs, strict=True):
                yield _one(article, doc, nlp, registry)
                bar.update(1)
            return
        for out in _pooled(articles, model, jobs, batch_size, registry):
            yield from out
            bar.update(len(out))


def chunks(n: int, jobs: int, batch_size: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces `n` articles are handed out in, in order: full batches while
    there is much left, then smaller ones, so that no worker is left with a long last piece
    while the others wait (guided scheduling)."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        size = min(batch_size, max(MIN_CHUNK, math.ceil((n - start) / (2 * jobs))))
        out.append((start, min(n, start + size)))
        start += size
    return out


MIN_CHUNK = 4
"""The smallest piece a worker is given: smaller batches make `nlp.pipe` slower per text."""


def _pooled(
    articles: list[Article], model: str | None, jobs: int, batch_size: int, registry: Registry | None
) -> Iterator[list[Result]]:
    """Results of `jobs` worker processes, piece by piece, in input order.

    Where fork is safe the model is loaded here, once, and the workers share it (copy-on-write);
    otherwise each worker starts afresh and loads its own.
    """
    fork = parallel.fork_is_safe()
    if fork:
        _WORKER["nlp"] = nlp_mod.load(model)
    pieces = [articles[a:b] for a, b in chunks(len(articles), jobs, batch_size)]
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    try:
        with warnings.catch_warnings():
            # numpy's OpenBLAS keeps a thread, which Python 3.12+ warns about at a fork; OpenBLAS
            # makes itself safe across fork (pthread_atfork), and no Python thread runs here.
            warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
            pool = ctx.Pool(
                min(jobs, len(pieces)), initializer=_init_worker, initargs=(model, batch_size, registry)
            )
        with pool:
            for out in pool.imap(_work, pieces):
                if isinstance(out, tuple):
                    raise BriefingsError(list(out))
                yield [r if isinstance(r, Briefing) else BriefingsError(r) for r in out]
    finally:
        _WORKER.clear()


def _one(article: Article, doc: Any, nlp: Any = None, registry: Registry | None = None) -> Result:
    from .extract import pipeline

    try:
        return pipeline.from_doc(article, doc, nlp=nlp, registry=registry)
    except BriefingsError as exc:
        return exc


_WORKER: dict[str, Any] = {}


def _init_worker(model: str | None, batch_size: int, registry: Registry | None = None) -> None:
    """Load the model once per worker, unless it came with the fork; a failure is reported with
    the first piece, not retried."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["batch_size"] = batch_size
    _WORKER["registry"] = registry
    if "nlp" in _WORKER:
        return
    try:
        _WORKER["nlp"] = nlp_mod.load(model)
    except BriefingsError as exc:
        _WORKER["error"] = tuple(exc.problems)


def _work(chunk: list[Article]) -> tuple[Problem, ...] | list[Briefing | list[Problem]]:
    """Problems travel as data: BriefingsError does not survive pickling with its problems."""
    if "error" in _WORKER:
        return tuple(_WORKER["error"])
    nlp: Language = _WORKER["nlp"]
    out: list[Briefing | list[Problem]] = []
    for article, doc in zip(
        chunk, nlp.pipe([a.text for a in chunk], batch_size=_WORKER["batch_size"]), strict=True
    ):
        r = _one(article, doc, nlp, _WORKER.get("registry"))
        out.append(r if isinstance(r, Briefing) else r.problems)
    return out
