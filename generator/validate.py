"""Validation: the JSON Schema first, then meaning (references, ids, dates), as `Problem`s."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from . import store
from .errors import BriefingsError, Problem


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(store.SCHEMA_FILE.read_text(encoding="utf-8")))


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
        try:
            here = store.location(node, part)
        except Exception:
            break
        if here[0] is not None:
            line, col = here
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    if line is None:
        line, col = store.location(root)
    return line, col


def check_data(root: Any, path: str) -> list[Problem]:
    """All problems in one loaded briefing (round-trip node from `store.load`)."""
    plain = store.to_plain(root)
    problems: list[Problem] = []

    def problem(where: list[Any], message: str, severity: str = "error") -> None:
        line, col = locate(root, where)
        problems.append(Problem(path, line, field_name(where), message, column=col, severity=severity))

    if not isinstance(plain, dict):
        problem([], "a briefing must be a mapping of keys to values")
        return problems
    for err in sorted(validator().iter_errors(plain), key=lambda e: list(map(str, e.absolute_path))):
        where = list(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = re.findall(r"'([^']+)'", err.message)
            for key in extra or ["?"]:
                problem([*where, key], "unknown key")
            continue
        if err.validator == "required":
            problem(where, err.message.replace("is a required property", "is missing"))
            continue
        problem(where, _short(err.message))
    if problems:
        return problems
    for where, message, severity in meaning(plain):
        problem(where, message, severity)
    return problems


def _short(message: str) -> str:
    return message if len(message) <= 200 else message[:197] + "..."


def meaning(data: dict[str, Any]) -> Iterator[tuple[list[Any], str, str]]:
    """Checks the schema cannot express: unique ids, references, real dates, date order."""
    actor_ids: set[str] = set()
    for i, actor in enumerate(data.get("actors", [])):
        if actor["id"] in actor_ids:
            yield ["actors", i, "id"], f"duplicate actor id {actor['id']!r}", "error"
        actor_ids.add(actor["id"])
    quote_ids: set[str] = set()
    for i, quote in enumerate(data.get("quotes", [])):
        if quote["id"] in quote_ids:
            yield ["quotes", i, "id"], f"duplicate quote id {quote['id']!r}", "error"
        quote_ids.add(quote["id"])
        speaker = quote.get("speaker")
        if speaker is not None and speaker not in actor_ids:
            yield ["quotes", i, "speaker"], f"unknown actor {speaker!r}", "error"
    for i, entry in enumerate(data.get("timeline", [])):
        for key in ("date", "end"):
            value = entry.get(key)
            if value is not None and not real_date(value):
                yield ["timeline", i, key], f"not a real date {value!r}", "error"
        if entry.get("date") and entry.get("end") and sort_key(entry["end"]) < sort_key(entry["date"]):
            yield ["timeline", i, "end"], f"ends ({entry['end']}) before it starts ({entry['date']})", "error"
        for j, actor in enumerate(entry.get("actors", [])):
            if actor not in actor_ids:
                yield ["timeline", i, "actors", j], f"unknown actor {actor!r}", "error"
    for i, question in enumerate(data.get("questions", [])):
        for j, actor in enumerate(question.get("actors", [])):
            if actor not in actor_ids:
                yield ["questions", i, "actors", j], f"unknown actor {actor!r}", "error"
        if question.get("status") == "answered" and not question.get("answer"):
            yield ["questions", i, "answer"], "status is 'answered' but there is no answer", "error"
    if not (data.get("source") or {}).get("published"):
        yield ["source", "published"], "no publication date: relative dates stay unresolved", "warning"


def real_date(value: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            year, week = int(value[:4]), int(value[6:])
            date.fromisocalendar(year, week, 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            return 1 <= int(value[5:]) <= 12
        return True
    except ValueError:
        return False


def sort_key(value: str) -> str:
    """Comparable start of an ISO value (weeks -> their Monday)."""
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return date.fromisocalendar(int(value[:4]), int(value[6:]), 1).isoformat()
    return value


def briefing_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.y*ml") if f.name != "actors.yaml" and not f.name.startswith("."))
        else:
            out.append(p)
    return out


def validate_file(path: Path) -> list[Problem]:
    try:
        root = store.load(path)
    except BriefingsError as exc:
        return exc.problems
    return check_data(root, str(path))


def validate_paths(paths: list[Path]) -> list[Problem]:
    problems: list[Problem] = []
    for f in briefing_files(paths):
        if not f.exists():
            problems.append(Problem(str(f), None, None, "no such file"))
            continue
        problems += validate_file(f)
    return problems
