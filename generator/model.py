"""The briefing as data: frozen dataclasses that extraction yields and the site renders.

The YAML written for editors is `Briefing.to_dict()`; `Briefing.from_dict()` reads a validated
file back. Field order here is the key order in the YAML, so diffs stay small and stable.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

SCHEMA_VERSION = 1

ActorKind = Literal["person", "organization", "place", "group"]
QuoteKind = Literal["direct", "partial", "indirect"]
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "place", "group")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
QUESTION_STATUSES: tuple[str, ...] = ("open", "answered", "dropped")

Span = tuple[int, int]


@dataclass(frozen=True)
class Actor:
    """Someone or something that acts in the story, once per article."""

    id: str
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    span: Span | None = None
    """Offsets of the first mention in the article text."""


@dataclass(frozen=True)
class Quote:
    """Something said, verbatim (direct/partial) or reported (indirect)."""

    id: str
    text: str
    speaker: str | None
    kind: str = "direct"
    cue: str | None = None
    paragraph: int | None = None
    span: Span | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event: `date` (and `end` for a range) as ISO values."""

    text: str
    date: str | None
    end: str | None = None
    event: str | None = None
    actors: tuple[str, ...] = ()
    paragraph: int | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Question:
    """An open question the story raises, with the sentences that raise it."""

    question: str
    evidence: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    status: str = "open"
    answer: str | None = None
    answered_by: str | None = None


@dataclass(frozen=True)
class Source:
    """Where the briefing comes from, and a hash of the exact text the offsets point into."""

    file: str
    name: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    sha256: str | None = None
    trimmed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    id: str
    title: str
    source: Source
    schema_version: int = SCHEMA_VERSION
    reviewed: bool = False
    origin: str | None = None
    """`hand` for a briefing an editor typed (`briefings new`); None: extracted."""
    story: str | None = None
    """Set by an editor: the story the briefing belongs to, or `none` (see `site.stories`)."""
    summary: str | None = None
    key_points: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    questions: tuple[Question, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        """Build from a dict that passed validation; unknown keys are ignored."""
        return _build(cls, data)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


ORDER = ("schema_version", "id", "title", "reviewed", "origin", "story")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """Field names of a dataclass, looked up once per class (a site build converts 10^6 items)."""
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """Dataclass -> dict, dropping empty optional values so the YAML stays short."""
    cls: Any = type(value)
    if cls in _SCALARS:
        return value
    if cls is tuple:
        return [_plain(v) for v in value]
    if hasattr(cls, "__dataclass_fields__"):
        out: dict[str, Any] = {}
        keep_null = _KEEP_NULL.get(cls.__name__, ())
        for name in _field_names(cls):
            v = getattr(value, name)
            if v is None:
                if name in keep_null:
                    out[name] = None
                continue
            if v == () and name not in _KEEP_EMPTY:
                continue
            out[name] = v if type(v) in _SCALARS else _plain(v)
        if cls is Briefing:
            out = {k: out[k] for k in (*ORDER, *out) if k in out}
        return out
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


_SCALARS = {str, int, float, bool, type(None)}


# Fields that stay in the YAML even when empty, so an editor sees where to write.
_KEEP_NULL: dict[str, tuple[str, ...]] = {
    "Actor": ("role", "affiliation"),
    "Quote": ("speaker",),
    "TimelineEntry": ("date", "end"),
    "Briefing": ("summary",),
}
_KEEP_EMPTY = {"aliases", "actors", "quotes", "timeline", "questions", "tags", "evidence"}


def _build(cls: Any, data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    kwargs: dict[str, Any] = {}
    for name in _field_names(cls):
        if name not in data:
            continue
        v = data[name]
        sub = _NESTED.get((cls.__name__, name))
        if sub is not None:
            v = tuple(_build(sub, x) for x in (v or ()))
        elif name == "source":
            v = _build(Source, v)
        elif name == "span" and v is not None:
            v = (int(v[0]), int(v[1]))
        elif isinstance(v, list):
            v = tuple(v)
        elif name in ("date", "end", "published") and v is not None:
            v = v.isoformat() if hasattr(v, "isoformat") else str(v)
        kwargs[name] = v
    return cls(**kwargs)


_NESTED: dict[tuple[str, str], Any] = {
    ("Briefing", "actors"): Actor,
    ("Briefing", "quotes"): Quote,
    ("Briefing", "timeline"): TimelineEntry,
    ("Briefing", "questions"): Question,
}

__all__ = [
    "Actor",
    "Briefing",
    "Question",
    "Quote",
    "Source",
    "Span",
    "TimelineEntry",
]
