"""Validation: the JSON Schema first, then meaning (ids, references, dates, verbatim text), as `Problem`s.

Every problem points at the line and column of the offending key, so an editor (or a GitHub
annotation on a pull request) lands on it directly.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator

from . import parallel, store
from .errors import BriefingsError, Problem
from .periods import Period, real

Where = list[Any]
ERROR = "error"


DRAFT_07 = "http://json-schema.org/draft-07/schema#"


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(store.SCHEMA_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def fast_validator() -> Callable[[Any], Any]:
    """The same schema compiled to Python code: about 30 times faster than `validator()`.

    A site build validates every briefing and nearly all of them are valid, so the compiled check
    answers those; `jsonschema` only runs to explain the invalid ones (every error, with its path).
    The schema uses only keywords that draft-07 shares with 2020-12 (a test keeps it so), which
    is the newest draft fastjsonschema compiles.
    """
    schema = json.loads(store.SCHEMA_FILE.read_text(encoding="utf-8"))
    return fastjsonschema.compile({**schema, "$schema": DRAFT_07})


def schema_valid(plain: Any) -> bool:
    try:
        fast_validator()(plain)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@dataclass
class Context:
    """What a briefing may refer to beyond itself: other briefings, its source text, the registry."""

    root: Path = field(default_factory=Path.cwd)
    """Source paths are relative to this folder (the repository root)."""
    briefing_ids: set[str] = field(default_factory=set)
    registry: Any = None
    """`registry.Registry` of the folder, if it has an actors.yaml."""
    articles: dict[tuple[Path, str | None], Any] | None = None
    """(source path, published) -> `ingest.Article` read for the check, kept for a caller that shows the text
    (the site builder), so each source is read once."""


def field_name(path: Iterable[Any]) -> str:
    """JSON path -> `quotes[2].speaker`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def locate(root: Any, path: Iterable[Any]) -> tuple[int | None, int | None]:
    """Line and column of the deepest node on `path` that the YAML recorded."""
    node, line, col = root, None, None
    for part in path:
        here = store.location(node, part)
        if here[0] is not None:
            line, col = here
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    if line is None:
        line, col = store.location(root)
    return line, col


def check_data(root: Any, path: str, context: Context | None = None) -> list[Problem]:
    """All problems in one loaded briefing (round-trip node from `store.load`)."""
    return located(root, path, issues(store.to_plain(root), context or Context()))


def located(root: Any, path: str, found: Iterable[tuple[Where, str, str]]) -> list[Problem]:
    """Problems at the line and column of their key in the round-trip node `root`."""
    problems = []
    for where, message, severity in found:
        line, col = locate(root, where)
        field = field_name(where) if where else None
        problems.append(Problem(path, line or (1 if not where else None), field, message, col, severity))
    return problems


def issues(plain: Any, context: Context) -> list[tuple[Where, str, str]]:
    """What is wrong, as (JSON path, message, severity): the schema first, then meaning."""
    if not isinstance(plain, dict):
        what = "the file is empty" if plain is None else "a briefing must be a mapping of keys to values"
        return [([], what, ERROR)]
    found: list[tuple[Where, str, str]] = []
    schema_errors = [] if schema_valid(plain) else validator().iter_errors(plain)
    for err in sorted(schema_errors, key=lambda e: list(map(str, e.absolute_path))):
        where = list(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = re.findall(r"'([^']+)'", err.message)
            found += [([*where, key], "unknown key", ERROR) for key in extra or ["?"]]
        elif err.validator == "required":
            found.append((where, err.message.replace("is a required property", "is missing"), ERROR))
        else:
            found.append((where, _short(err.message), ERROR))
    if found:
        return found
    return [*meaning(plain, context), *against_source(plain, context)]


def _short(message: str) -> str:
    return message if len(message) <= 200 else message[:197] + "..."


def meaning(data: dict[str, Any], context: Context | None = None) -> Iterator[tuple[Where, str, str]]:
    """Checks the schema cannot express: unique ids, references, real dates, date order."""
    context = context or Context()
    actor_ids: set[str] = set()
    for i, actor in enumerate(data.get("actors", [])):
        if actor["id"] in actor_ids:
            yield ["actors", i, "id"], f"duplicate actor id {actor['id']!r}", "error"
        actor_ids.add(actor["id"])
    if context.registry is not None:
        for i, actor in enumerate(data.get("actors", [])):
            names = (actor["name"], *actor.get("aliases", ()))
            entry = next((e for e in map(context.registry.lookup, names) if e is not None), None)
            if entry is not None and entry.id != actor["id"]:
                message = f"{entry.name!r} is {entry.id!r} in the actor registry: use that id"
                yield ["actors", i, "id"], message, "warning"

    def refs(where: Where, ids: Iterable[str]) -> Iterator[tuple[Where, str, str]]:
        for j, actor_id in enumerate(ids):
            if actor_id not in actor_ids:
                yield [*where, j], f"unknown actor {actor_id!r} (not in this briefing's actors)", "error"

    quote_ids: set[str] = set()
    for i, quote in enumerate(data.get("quotes", [])):
        if quote["id"] in quote_ids:
            yield ["quotes", i, "id"], f"duplicate quote id {quote['id']!r}", "error"
        quote_ids.add(quote["id"])
        speaker = quote.get("speaker")
        if speaker is not None and speaker not in actor_ids:
            yield (
                ["quotes", i, "speaker"],
                f"unknown actor {speaker!r} (not in this briefing's actors)",
                "error",
            )
    for i, entry in enumerate(data.get("timeline", [])):
        for key in ("date", "end"):
            value = entry.get(key)
            if value is not None and not real(value):
                yield ["timeline", i, key], f"not a real date {value!r}", "error"
        start, end = entry.get("date"), entry.get("end")
        if start and end and real(start) and real(end) and Period.parse(end).last < Period.parse(start).first:
            yield ["timeline", i, "end"], f"ends ({end}) before it starts ({start})", "error"
        if end and not start:
            yield ["timeline", i, "end"], "an end without a date", "error"
        yield from refs(["timeline", i, "actors"], entry.get("actors", []))
    for i, question in enumerate(data.get("questions", [])):
        yield from refs(["questions", i, "actors"], question.get("actors", []))
        status, answer, by = (
            question.get("status", "open"),
            question.get("answer"),
            question.get("answered_by"),
        )
        if status == "answered" and not answer:
            yield ["questions", i, "status"], "status is 'answered' but there is no answer", "error"
        if answer and status == "open":
            yield ["questions", i, "answer"], "has an answer but status is 'open'", "warning"
        if by is not None and by not in context.briefing_ids:
            yield ["questions", i, "answered_by"], f"no briefing with id {by!r}", "error"
    published = (data.get("source") or {}).get("published")
    if not published:
        yield ["source", "published"], "no publication date: relative dates stay unresolved", "warning"
    elif not real(published[:10]):
        yield ["source", "published"], f"not a real date {published!r}", "error"


def against_source(data: dict[str, Any], context: Context) -> Iterator[tuple[Where, str, str]]:
    """Quotes and evidence must be the article's own words; offsets must fall inside it."""
    from . import ingest
    from .paths import outside, source_path

    source = data.get("source") or {}
    file = source_path(source.get("file") or "", context.root)
    if file is None:
        if outside(source.get("file") or "", context.root):
            yield ["source", "file"], f"outside the project ({context.root}): not read", "warning"
        return
    try:
        article = ingest.read(file, published=source.get("published"))
    except (BriefingsError, OSError, ValueError) as exc:
        yield ["source", "file"], f"cannot read the source: {exc}", "warning"
        return
    if context.articles is not None:
        context.articles[file, source.get("published")] = article
    haystack = squash(article.text)
    same_text = source.get("sha256") in (None, article.sha256)
    if not same_text:
        yield ["source", "sha256"], "the source changed since extraction: re-extract with --update", "warning"
    for i, quote in enumerate(data.get("quotes", [])):
        if squash(quote["text"]) not in haystack:
            yield (
                ["quotes", i, "text"],
                f"not found verbatim in {source['file']}: {_head(quote['text'])}",
                "error",
            )
    for i, question in enumerate(data.get("questions", [])):
        for j, snippet in enumerate(question.get("evidence", [])):
            if squash(snippet) not in haystack:
                where = ["questions", i, "evidence", j]
                yield where, f"not found verbatim in {source['file']}: {_head(snippet)}", "error"
    if not same_text:
        return
    for family in ("actors", "quotes", "timeline"):
        for i, item in enumerate(data.get(family, [])):
            span = item.get("span")
            if span and not (0 <= span[0] <= span[1] <= len(article.text)):
                size = len(article.text)
                yield [family, i, "span"], f"offsets {span} outside the article text (0-{size})", "error"
            para = item.get("paragraph")
            if para is not None and para > len(article.paragraphs):
                count = len(article.paragraphs)
                yield [family, i, "paragraph"], f"paragraph {para} but the article has {count}", "error"


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def squash(text: str) -> str:
    """Compare words, not typography: one space for any whitespace, straight quotes and dashes."""
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip()


def _head(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 3] + "...")


def validate_file(path: Path, context: Context | None = None) -> list[Problem]:
    try:
        doc = _read(path)
    except BriefingsError as exc:
        return exc.problems
    return doc.problems(issues(doc.plain, context or Context()))


def _registry(folder: Path) -> tuple[Any, list[Problem]]:
    """The actor registry `folder/actors.yaml` (None if absent or broken) and its own problems."""
    from . import registry

    path = folder / store.REGISTRY_NAME
    if not path.is_file():
        return None, []
    found = registry.check(path)
    if any(p.severity == "error" for p in found):
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

    def problems(self, found: list[tuple[Where, str, str]]) -> list[Problem]:
        return located(self.node, str(self.path), found) if found else []


def _read(path: Path) -> _Doc:
    text = store.read_text(path)
    try:
        return _Doc(path, text, store.loads_plain(text, str(path)))
    except BriefingsError:
        node = store.loads(text, str(path))  # the round-trip parser says where (or disagrees)
        return _Doc(path, text, store.to_plain(node), node)


def _read_many(paths: list[Path]) -> list[_Doc | list[Problem]]:
    out: list[_Doc | list[Problem]] = []
    for path in paths:
        if not path.exists():
            out.append([Problem(str(path), None, None, "no such file")])
            continue
        try:
            doc = _read(path)
        except BriefingsError as exc:
            out.append(exc.problems)
            continue
        doc._node = doc.text = None  # round-trip nodes do not cross processes; parsed again if needed
        out.append(doc)
    return out


def _check_many(
    plains: list[Any], context: Context
) -> tuple[list[list[tuple[Where, str, str]]], dict[tuple[Path, str | None], Any]]:
    """`issues` of each briefing, and the source articles read for them."""
    context = replace(context, articles={} if context.articles is not None else None)
    found = [issues(plain, context) for plain in plains]
    return found, context.articles or {}


def _chunks(items: list[Any], jobs: int) -> list[list[Any]]:
    size = max(1, math.ceil(len(items) / (jobs * 4)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def validate_paths(
    paths: list[Path],
    root: Path | None = None,
    loaded: dict[Path, Any] | None = None,
    articles: dict[tuple[Path, str | None], Any] | None = None,
    jobs: int = 1,
) -> list[Problem]:
    """Validate every briefing under `paths`, with references checked across the whole set.

    `answered_by` may name any briefing validated here or lying in the same folder, so a
    pre-commit hook that passes only the changed files still resolves references. The actor
    registry of each folder is checked too, also when it is the only file given. With `jobs` > 1
    and at least `parallel.PARALLEL_MIN` files, reading and the per-file checks run in that many processes.
    """
    files = store.briefing_files(paths)
    if jobs > 1 and len(files) >= parallel.PARALLEL_MIN:
        context = multiprocessing.get_context("fork" if parallel.fork_is_safe() else "spawn")
        try:
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                return _validate(paths, files, root, loaded, articles, pool, jobs)
        except BrokenProcessPool:
            pass  # e.g. a worker could not start: the same work, in this process
    return _validate(paths, files, root, loaded, articles, None, jobs)


def _validate(
    paths: list[Path],
    files: list[Path],
    root: Path | None,
    loaded: dict[Path, Any] | None,
    articles: dict[tuple[Path, str | None], Any] | None,
    pool: ProcessPoolExecutor | None,
    jobs: int,
) -> list[Problem]:
    problems: list[Problem] = []
    docs: list[_Doc] = []
    if pool:
        read = [r for out in pool.map(_read_many, _chunks(files, jobs)) for r in out]
    else:
        read = _read_many(files)
    for result in read:
        if isinstance(result, _Doc):
            docs.append(result)
        else:
            problems += result
    if loaded is not None:  # the site builder reuses the data instead of reading every file twice
        loaded.update((d.path, d.plain) for d in docs)
    folders = {d.path.parent for d in docs}
    folders |= {p.parent for p in paths if p.name == store.REGISTRY_NAME and p.is_file()}
    known: set[str] = set()
    for folder in folders:
        known |= {s.stem for s in store.briefing_files([folder])}
    by_id: dict[str, list[_Doc]] = {}
    for doc in docs:
        bid = doc.plain.get("id") if isinstance(doc.plain, dict) else None
        if isinstance(bid, str):
            known.add(bid)
            by_id.setdefault(bid, []).append(doc)
            if bid != doc.path.stem:
                problems += doc.problems(
                    [(["id"], f"id {bid!r} differs from the file name {doc.path.name!r}", "warning")]
                )
    for bid, holders in by_id.items():
        if len(holders) < 2:
            continue
        # the file named after the id keeps it; the others are the copies to fix
        owner = next((d for d in holders if d.path.stem == bid), holders[0])
        for doc in holders:
            if doc is not owner:
                problems += doc.problems(
                    [(["id"], f"duplicate briefing id {bid!r} (also {owner.path})", ERROR)]
                )
    registries = {folder: _registry(folder) for folder in folders}
    for _, found in registries.values():
        problems += found
    work: list[tuple[list[_Doc], Context]] = []
    for folder in folders:
        context = Context(
            root=root or Path.cwd(),
            briefing_ids=known,
            registry=registries[folder][0],
            articles={} if articles is not None else None,
        )
        here = [d for d in docs if d.path.parent == folder]
        work += [(chunk, context) for chunk in (_chunks(here, jobs) if pool else [here])]
    if pool:
        futures = [pool.submit(_check_many, [d.plain for d in chunk], ctx) for chunk, ctx in work]
        results = [f.result() for f in futures]
    else:
        results = [_check_many([d.plain for d in chunk], ctx) for chunk, ctx in work]
    for (chunk, _), (per_doc, read_articles) in zip(work, results, strict=True):
        for doc, doc_found in zip(chunk, per_doc, strict=True):
            problems += doc.problems(doc_found)
        if articles is not None:
            articles.update(read_articles)
    order = {str(f): i for i, f in enumerate(files)}
    return sorted(problems, key=lambda p: (order.get(p.path, len(order)), p.line or 0))


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
