"""What can be wrong in one briefing: the JSON Schema first, then meaning (ids, references, dates,
verbatim text), as issues located at the line and column of the offending key.

Every problem points at its key, so an editor (or a GitHub annotation on a pull request) lands on
it directly. Checking many files at once, across files, is `validate`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator

from . import ingest, store
from .errors import BriefingsError, Problem
from .ingest import Article
from .paths import outside, source_path
from .periods import Period, real
from .registry import Registry

Where = list[Any]
Issue = tuple[Where, str, str]
"""(JSON path, message, severity): a problem before it is located in the file."""
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
    registry: Registry | None = None
    """The actor registry of the briefing's folder, if it has an actors.yaml."""


ArticleKey = tuple[Path, str | None]
"""(source path, published): an article as `ingest.read` reads it."""


@dataclass
class Checked:
    """What checking one briefing found, and the source article read for it (the site shows it)."""

    issues: list[Issue]
    article: tuple[ArticleKey, Article] | None = None


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


def located(root: Any, path: str, found: Iterable[Issue]) -> list[Problem]:
    """Problems at the line and column of their key in the round-trip node `root`."""
    problems = []
    for where, message, severity in found:
        line, col = locate(root, where)
        field = field_name(where) if where else None
        problems.append(Problem(path, line or (1 if not where else None), field, message, col, severity))
    return problems


def issues(plain: Any, context: Context) -> list[Issue]:
    """What is wrong, as (JSON path, message, severity): the schema first, then meaning."""
    return check(plain, context).issues


def check(plain: Any, context: Context) -> Checked:
    """`issues`, with the source article read to check the quotes against it."""
    if not isinstance(plain, dict):
        what = "the file is empty" if plain is None else "a briefing must be a mapping of keys to values"
        return Checked([([], what, ERROR)])
    found = schema_issues(plain)
    if found:
        return Checked(found)
    article, source = read_source(plain, context.root)
    found = [*meaning(plain, context), *source]
    if article is None:
        return Checked(found)
    found += against_source(plain, article[1])
    return Checked(found, article)


def schema_issues(plain: dict[str, Any]) -> list[Issue]:
    """Every place where `plain` breaks the JSON Schema, in document order."""
    found: list[Issue] = []
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
    return found


def _short(message: str) -> str:
    return message if len(message) <= 200 else message[:197] + "..."


def meaning(data: dict[str, Any], context: Context | None = None) -> Iterator[Issue]:
    """Checks the schema cannot express: unique ids, references, real dates, date order."""
    context = context or Context()
    actor_ids = yield from _actors(data, context.registry)
    yield from _quotes(data, actor_ids)
    yield from _timeline(data, actor_ids)
    yield from _questions(data, actor_ids, context.briefing_ids)
    published = (data.get("source") or {}).get("published")
    if not published:
        yield ["source", "published"], "no publication date: relative dates stay unresolved", "warning"
    elif not real(published[:10]):
        yield ["source", "published"], f"not a real date {published!r}", ERROR


def _actors(data: dict[str, Any], known: Registry | None) -> Generator[Issue, None, set[str]]:
    """Duplicate actor ids, and ids that differ from the registry's; returns the ids."""
    actor_ids: set[str] = set()
    for i, actor in enumerate(data.get("actors", [])):
        if actor["id"] in actor_ids:
            yield ["actors", i, "id"], f"duplicate actor id {actor['id']!r}", ERROR
        actor_ids.add(actor["id"])
    if known is None:
        return actor_ids
    for i, actor in enumerate(data.get("actors", [])):
        names = (actor["name"], *actor.get("aliases", ()))
        entry = next((e for e in map(known.lookup, names) if e is not None), None)
        if entry is not None and entry.id != actor["id"]:
            message = f"{entry.name!r} is {entry.id!r} in the actor registry: use that id"
            yield ["actors", i, "id"], message, "warning"
    return actor_ids


def _refs(where: Where, ids: Iterable[str], actor_ids: set[str]) -> Iterator[Issue]:
    for j, actor_id in enumerate(ids):
        if actor_id not in actor_ids:
            yield [*where, j], f"unknown actor {actor_id!r} (not in this briefing's actors)", ERROR


def _quotes(data: dict[str, Any], actor_ids: set[str]) -> Iterator[Issue]:
    quote_ids: set[str] = set()
    for i, quote in enumerate(data.get("quotes", [])):
        if quote["id"] in quote_ids:
            yield ["quotes", i, "id"], f"duplicate quote id {quote['id']!r}", ERROR
        quote_ids.add(quote["id"])
        speaker = quote.get("speaker")
        if speaker is not None and speaker not in actor_ids:
            message = f"unknown actor {speaker!r} (not in this briefing's actors)"
            yield ["quotes", i, "speaker"], message, ERROR


def _timeline(data: dict[str, Any], actor_ids: set[str]) -> Iterator[Issue]:
    for i, entry in enumerate(data.get("timeline", [])):
        for key in ("date", "end"):
            value = entry.get(key)
            if value is not None and not real(value):
                yield ["timeline", i, key], f"not a real date {value!r}", ERROR
        start, end = entry.get("date"), entry.get("end")
        if start and end and real(start) and real(end) and Period.parse(end).last < Period.parse(start).first:
            yield ["timeline", i, "end"], f"ends ({end}) before it starts ({start})", ERROR
        if end and not start:
            yield ["timeline", i, "end"], "an end without a date", ERROR
        yield from _refs(["timeline", i, "actors"], entry.get("actors", []), actor_ids)


def _questions(data: dict[str, Any], actor_ids: set[str], briefing_ids: set[str]) -> Iterator[Issue]:
    for i, question in enumerate(data.get("questions", [])):
        yield from _refs(["questions", i, "actors"], question.get("actors", []), actor_ids)
        status, answer = question.get("status", "open"), question.get("answer")
        by = question.get("answered_by")
        if status == "answered" and not answer:
            yield ["questions", i, "status"], "status is 'answered' but there is no answer", ERROR
        if answer and status == "open":
            yield ["questions", i, "answer"], "has an answer but status is 'open'", "warning"
        if by is not None and by not in briefing_ids:
            yield ["questions", i, "answered_by"], f"no briefing with id {by!r}", ERROR
        elif by is not None and by == data.get("id"):
            yield ["questions", i, "answered_by"], "names this briefing itself", ERROR
        if by is not None and status != "answered":
            yield ["questions", i, "answered_by"], f"is set but status is {status!r}", "warning"


def read_source(data: dict[str, Any], root: Path) -> tuple[tuple[ArticleKey, Article] | None, list[Issue]]:
    """The briefing's source article, if it lies inside `root` and can be read; else why not."""
    source = data.get("source") or {}
    file = source_path(source.get("file") or "", root)
    if file is None:
        if outside(source.get("file") or "", root):
            return None, [(["source", "file"], f"outside the project ({root}): not read", "warning")]
        missing = f"no such file {source.get('file')!r}: quotes and evidence are not checked against it"
        return None, [(["source", "file"], missing, "warning")]
    try:
        article = ingest.read(file, published=source.get("published"))
    except (BriefingsError, OSError, ValueError) as exc:
        return None, [(["source", "file"], f"cannot read the source: {exc}", "warning")]
    return ((file, source.get("published")), article), []


def against_source(data: dict[str, Any], article: Article) -> Iterator[Issue]:
    """Quotes and evidence must be the article's own words; offsets must fall inside it."""
    source = data["source"]
    haystack = squash(article.text)
    same_text = source.get("sha256") in (None, article.sha256)
    if not same_text:
        yield ["source", "sha256"], "the source changed since extraction: re-extract with --update", "warning"
    short = article.short_body()
    if short:
        yield ["source", "file"], short, "warning"
    for i, quote in enumerate(data.get("quotes", [])):
        if squash(quote["text"]) not in haystack:
            yield (
                ["quotes", i, "text"],
                f"not found verbatim in {source['file']}: {_head(quote['text'])}",
                ERROR,
            )
    for i, question in enumerate(data.get("questions", [])):
        for j, snippet in enumerate(question.get("evidence", [])):
            if squash(snippet) not in haystack:
                where = ["questions", i, "evidence", j]
                yield where, f"not found verbatim in {source['file']}: {_head(snippet)}", ERROR
    if same_text:
        yield from _offsets(data, article)


def _offsets(data: dict[str, Any], article: Article) -> Iterator[Issue]:
    """Spans and paragraph numbers that point past the end of the (unchanged) article."""
    for family in ("actors", "quotes", "timeline"):
        for i, item in enumerate(data.get(family, [])):
            span = item.get("span")
            if span and not (0 <= span[0] <= span[1] <= len(article.text)):
                size = len(article.text)
                yield [family, i, "span"], f"offsets {span} outside the article text (0-{size})", ERROR
            para = item.get("paragraph")
            if para is not None and para > len(article.paragraphs):
                count = len(article.paragraphs)
                yield [family, i, "paragraph"], f"paragraph {para} but the article has {count}", ERROR


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def squash(text: str) -> str:
    """Compare words, not typography: one space for any whitespace, straight quotes and dashes."""
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip()


def _head(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 3] + "...")
