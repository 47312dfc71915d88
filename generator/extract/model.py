"""What the extractors share: the names found in an article and the cast of actors they make.

`actors` builds a `Cast` from `Name`s; the quote, timeline, question, summary and tag
extractors read it to turn offsets and spellings into actor ids. Nothing here parses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor
from ..names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class Name:
    """A repaired entity mention: character offsets into the article and a kind."""

    start: int
    end: int
    text: str
    kind: str
    label: str = ""
    span: Span | None = field(default=None, compare=False)
    """The tokens in the article's Doc (None when found in a re-read headline)."""


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or refers to) an actor.

    `kind` says how: "name" (a name or alias), "title" (a role standing in for the name).
    """

    start: int
    end: int
    text: str
    actor: str
    kind: str = "name"


@dataclass(frozen=True)
class Unresolved:
    """A name that fits more than one actor (two people called Wang): reported, not guessed."""

    start: int
    end: int
    text: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Cast:
    """The actors of one article and where they are mentioned."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    genders: tuple[tuple[str, str], ...] = ()
    """(actor id, "m" or "f") for the people whose gender the text shows."""

    def gender(self, actor_id: str | None) -> str | None:
        """ "m", "f", or None where the text does not show it."""
        return next((g for a, g in self.genders if a == actor_id), None)

    def get(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, start: int, end: int) -> str | None:
        """Id of the actor mentioned inside [start, end), the longest mention first."""
        best = None
        for m in self.mentions:
            if (
                m.start >= start
                and m.end <= end
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best.actor if best else None

    def resolve(self, name: str) -> str | None:
        """Id of the actor with this name or alias (case and dots ignored), if exactly one has it."""
        key = name_key(name)
        hits = {a.id for a in self.actors if key in {name_key(n) for n in (a.name, *a.aliases)}}
        return hits.pop() if len(hits) == 1 else None

    def in_span(self, start: int, end: int) -> list[str]:
        """Ids of actors mentioned in [start, end), in order of first mention."""
        seen: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.start >= start and m.end <= end and m.actor not in seen:
                seen.append(m.actor)
        return seen
