"""Actors: named entities repaired, merged into one identity each, with roles from the text.

`extract_actors(doc)` returns a `Cast`: the actors plus every mention of them with offsets,
which the quote, timeline and question extractors use to resolve names to actor ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ..model import Actor

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group", "LOC": "place"}


def slugify(text: str) -> str:
    """Stable id from a name: ascii, lower case, hyphens ("Lü Xiang" -> "lu-xiang")."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "actor"


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or refers to) an actor."""

    start: int
    end: int
    text: str
    actor: str


@dataclass(frozen=True)
class Cast:
    """The actors of one article and where they are mentioned."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def get(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, start: int, end: int) -> str | None:
        """Id of the actor mentioned inside [start, end), the longest mention first."""
        best = None
        for m in self.mentions:
            if m.start >= start and m.end <= end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best.actor if best else None

    def resolve(self, name: str) -> str | None:
        """Id of the actor with this name or alias (case-insensitive), if exactly one has it."""
        key = name.casefold().strip()
        hits = {a.id for a in self.actors if key in {n.casefold() for n in (a.name, *a.aliases)}}
        return hits.pop() if len(hits) == 1 else None

    def in_span(self, start: int, end: int) -> list[str]:
        """Ids of actors mentioned in [start, end), in order of first mention."""
        seen: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.start >= start and m.end <= end and m.actor not in seen:
                seen.append(m.actor)
        return seen


def entity_name(ent: Span) -> str:
    """Entity text without a leading determiner or trailing possessive."""
    tokens = list(ent)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text


def entities(doc: Doc) -> Iterable[tuple[Span, str, str]]:
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        name = entity_name(ent)
        if kind and name and any(c.isalpha() for c in name):
            yield ent, name, kind


def extract_actors(doc: Doc) -> Cast:
    """Entities merged by name: a surname alone joins the one full name that ends with it."""
    found: dict[str, dict] = {}
    order: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    for ent, name, kind in entities(doc):
        key = name.casefold()
        if key not in found:
            found[key] = {"name": name, "kind": kind, "kinds": Counter(), "start": ent.start_char}
            order.append(key)
        found[key]["kinds"][kind] += 1
        spans.append((ent.start_char, ent.end_char, ent.text, key))

    people = [k for k in order if found[k]["kinds"].most_common(1)[0][0] == "person" and " " in k]
    alias_of: dict[str, str] = {}
    for key in order:
        if " " in key:
            continue
        owners = [p for p in people if p.split()[-1] == key or p.split()[0] == key]
        if len(owners) == 1:
            alias_of[key] = owners[0]

    counts: Counter[str] = Counter()
    aliases: defaultdict[str, list[str]] = defaultdict(list)
    for _, _, _, key in spans:
        counts[alias_of.get(key, key)] += 1
    for key, owner in alias_of.items():
        aliases[owner].append(found[key]["name"])

    actors = []
    ids: dict[str, str] = {}
    for key in order:
        if key in alias_of:
            continue
        info = found[key]
        kind = info["kinds"].most_common(1)[0][0]
        actor = Actor(
            id=slugify(info["name"]),
            name=info["name"],
            kind=kind,
            aliases=tuple(aliases[key]),
            mentions=counts[key],
            span=(info["start"], info["start"] + len(info["name"])),
        )
        ids[key] = actor.id
        actors.append(actor)
    actors = _unique_ids(actors)
    ids = {k: a.id for k, a in zip([k for k in order if k not in alias_of], actors, strict=True)}
    mentions = tuple(Mention(s, e, t, ids[alias_of.get(k, k)]) for s, e, t, k in spans)
    actors.sort(key=lambda a: (-a.mentions, a.span or (0, 0)))
    return Cast(tuple(actors), mentions)


def _unique_ids(actors: list[Actor]) -> list[Actor]:
    seen: Counter[str] = Counter()
    out = []
    for a in actors:
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"))
    return out
