"""The curated actor registry, `briefings/actors.yaml`: one identity per actor across briefings.

Extraction names an actor the way one article does ("US", "Yellen"); the registry says that
"US", "U.S." and "United States" are one actor with one id, so the same person or country has
the same id in every briefing and the site can gather them. Editors curate it; `check` reports
what would make linking ambiguous (an alias claimed by two actors) as `Problem`s.

Format: a list of mappings (or a mapping of id to mapping) with `name` (canonical), optional
`id` (default: slug of the name), `kind`, `aliases`, `description` and `wikidata` (Q-number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import store
from .errors import BriefingsError, Problem
from .model import ACTOR_KINDS
from .names import name_key, slugify

FIELDS = ("id", "name", "kind", "aliases", "description", "wikidata")
WIKIDATA = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class Entry:
    """One curated actor."""

    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    entries: tuple[Entry, ...] = ()

    def ids(self) -> set[str]:
        return {e.id for e in self.entries}

    def get(self, actor_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == actor_id), None)

    def lookup(self, name: str) -> Entry | None:
        """The one entry with this name or alias (case and dots ignored); None if none or several."""
        key = name_key(name)
        hits = [e for e in self.entries if key in {name_key(n) for n in e.names}]
        return hits[0] if len(hits) == 1 else None


def _items(data: Any) -> list[Any] | None:
    if isinstance(data, dict):
        return [{"id": k, **v} if isinstance(v, dict) else {"id": k, "name": v} for k, v in data.items()]
    if isinstance(data, list):
        return list(data)
    return None


def problems_in(root: Any, path: str) -> Iterator[Problem]:
    """What is wrong in a loaded registry (round-trip node from `store.load`)."""
    items = _items(store.to_plain(root))
    if items is None:
        yield Problem(path, 1, None, "the registry must be a list or mapping of actors")
        return
    nodes = list(root.values()) if isinstance(root, dict) else list(root)
    claimed: dict[str, str] = {}  # name key -> id of the first actor with that name or alias
    ids: set[str] = set()
    for i, item in enumerate(items):
        at = _Where(path, f"[{i}]", nodes[i] if i < len(nodes) else None)
        if not isinstance(item, dict):
            yield at.problem(None, "each actor is a mapping with at least a name")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            yield at.problem("name", "each actor needs a name")
            continue
        yield from _unknown(at, item)
        aid = item.get("id") or slugify(name)
        if not isinstance(aid, str) or aid != slugify(aid):
            yield at.problem("id", f"{aid!r} is not a slug like {slugify(str(aid))!r}")
        elif aid in ids:
            yield at.problem("id", f"duplicate id {aid!r}")
        ids.add(str(aid))
        yield from _values(at, item)
        for n in (name, *(_aliases(item) or [])):
            key = name_key(n)
            if key in claimed and claimed[key] != aid:
                yield at.problem("aliases", f"{n!r} is also a name of {claimed[key]!r}: ambiguous")
            claimed.setdefault(key, str(aid))


@dataclass(frozen=True)
class _Where:
    """One actor of the registry file, for problems that point at its keys."""

    path: str
    field: str
    node: Any

    def problem(self, key: str | None, message: str, severity: str = "error") -> Problem:
        line = store.location(self.node, key)[0] if key is not None else None
        line = line or store.location(self.node)[0]
        where = f"{self.field}.{key}" if key is not None else self.field
        return Problem(self.path, line, where, message, severity=severity)


def _unknown(at: _Where, item: dict[str, Any]) -> Iterator[Problem]:
    for key in item:
        if key not in FIELDS:
            yield at.problem(key, f"unknown field (expected {', '.join(FIELDS)})", severity="warning")


def _values(at: _Where, item: dict[str, Any]) -> Iterator[Problem]:
    """Kinds outside the list, malformed Wikidata ids and aliases of one actor."""
    kind = item.get("kind")
    if kind is not None and kind not in ACTOR_KINDS:
        yield at.problem("kind", f"{kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    wikidata = item.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA.fullmatch(wikidata)):
        yield at.problem("wikidata", f"{wikidata!r} is not a Wikidata id like Q30")
    if _aliases(item) is None:
        yield at.problem("aliases", "aliases must be a list of names")


def _aliases(item: dict[str, Any]) -> list[str] | None:
    """The actor's aliases, or None when they are not a list of names (reported by `_values`)."""
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return None
    return aliases


def check(path: Path) -> list[Problem]:
    """Problems in a registry file (empty list when it is fine)."""
    try:
        root = store.load(path)
    except BriefingsError as exc:
        return exc.problems
    return list(problems_in(root, str(path)))


def load(path: Path) -> Registry:
    """Read a registry; a missing file is an empty registry, a broken one a `BriefingsError`."""
    if not path.is_file():
        return Registry()
    root = store.load(path)
    errors = [p for p in problems_in(root, str(path)) if p.severity == "error"]
    if errors:
        raise BriefingsError(errors)
    entries = []
    for item in _items(store.to_plain(root)) or []:
        entries.append(
            Entry(
                id=item.get("id") or slugify(item["name"]),
                name=item["name"],
                kind=item.get("kind"),
                aliases=tuple(item.get("aliases") or ()),
                description=item.get("description"),
                wikidata=item.get("wikidata"),
            )
        )
    return Registry(tuple(entries))
