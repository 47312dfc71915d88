"""Cross-briefing indexes: actors, timeline, quotes, questions, tags, weeks and months.

Everything here is computed once per build in one pass over the briefings, so the cost grows
with the number of items, never with pages times items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from ..model import Actor, Briefing, Question, Quote, TimelineEntry
from ..periods import sort_key
from ..registry import Entry as RegistryEntry

KIND_ORDER = ("person", "organization", "group", "place")
_ID = attrgetter("id")


@dataclass
class ActorInfo:
    """An actor across briefings (ids are stable slugs, so the same id is the same actor)."""

    id: str
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    briefings: list[Briefing] = field(default_factory=list)
    mentions: int = 0
    quotes: list[tuple[Briefing, Quote]] = field(default_factory=list)
    roles: list[tuple[Briefing, Actor]] = field(default_factory=list)
    events: list[tuple[Briefing, TimelineEntry]] = field(default_factory=list)
    description: str | None = None
    _together: Counter[str] | None = field(default=None, repr=False, compare=False)

    @property
    def together(self) -> Counter[str]:
        """How many briefings each other actor shares with this one; counted when first asked
        (a preview's rebuild asks only for the actor pages it renders again)."""
        if self._together is None:
            together: Counter[str] = Counter()
            for b in self.briefings:
                together.update(map(_ID, b.actors))
            together.pop(self.id, None)  # first seen or not, the others keep their order
            self._together = together
        return self._together

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0] if self.names else self.id

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0] if self.kinds else "person"


@dataclass
class SiteIndex:
    briefings: list[Briefing]
    """Newest first."""
    actors: dict[str, ActorInfo]
    tags: dict[str, list[Briefing]]
    events: list[tuple[Briefing, TimelineEntry]]
    """Dated events, in date order."""
    quotes_by_speaker: dict[str | None, list[tuple[Briefing, Quote]]]
    questions: list[tuple[Briefing, Question]]
    """Open first, then answered, then dropped; newest briefing first within each."""
    by_id: dict[str, Briefing]


def published(b: Briefing) -> date | None:
    try:
        return date.fromisoformat((b.source.published or "")[:10])
    except ValueError:
        return None


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (published(b) or date.min, b.id), reverse=True)


def main_actors(b: Briefing, n: int) -> list[Actor]:
    """People and organizations before places: who acts matters more than where."""
    ranked = sorted(
        enumerate(b.actors), key=lambda ia: (ia[1].kind in ("place", "group"), -ia[1].mentions, ia[0])
    )
    return [a for _, a in ranked[:n]]


def open_questions(b: Briefing) -> list[Question]:
    return [q for q in b.questions if q.status == "open"]


def build(briefings: list[Briefing], registry: dict[str, RegistryEntry] | None = None) -> SiteIndex:
    ordered = newest_first(briefings)
    actors: dict[str, ActorInfo] = {}
    tags: dict[str, list[Briefing]] = defaultdict(list)
    """Tags that differ only in case are one tag ("HIllary Clinton" is "Hillary Clinton"),
    shown in the spelling most briefings use."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    events: list[tuple[Briefing, TimelineEntry]] = []
    quotes: dict[str | None, list[tuple[Briefing, Quote]]] = defaultdict(list)
    questions: list[tuple[Briefing, Question]] = []
    for b in ordered:
        for a in b.actors:
            info = actors.get(a.id) or actors.setdefault(a.id, ActorInfo(a.id))
            info.names[a.name] += 1
            info.kinds[a.kind] += 1
            info.aliases.update(a.aliases)
            info.briefings.append(b)
            info.mentions += a.mentions
            if a.role or a.affiliation:
                info.roles.append((b, a))
        for q in b.quotes:
            quotes[q.speaker].append((b, q))
            if q.speaker in actors:
                actors[q.speaker].quotes.append((b, q))
        for t in b.timeline:
            if t.date:
                events.append((b, t))
            for aid in dict.fromkeys(t.actors):
                if aid in actors:
                    actors[aid].events.append((b, t))
        for key, tag in {t.casefold(): t for t in reversed(b.tags)}.items():
            tags[key].append(b)
            spellings[key][tag] += 1
        questions += [(b, q) for q in b.questions]
    for info in actors.values():
        info.events.sort(key=lambda bt: sort_key(bt[1].date or "9999"))
        reg = (registry or {}).get(info.id)
        if reg is not None:
            if reg.name:
                info.names = Counter({reg.name: 1})
            if reg.kind:
                info.kinds = Counter({reg.kind: 1})
            info.aliases.update(reg.aliases)
            info.description = reg.description
    events.sort(key=lambda bt: (sort_key(bt[1].date or ""), bt[0].id))
    status_rank = {"open": 0, "answered": 1, "dropped": 2}
    questions.sort(key=lambda bq: status_rank.get(bq[1].status, 3))
    speakers = sorted(
        quotes, key=lambda s: (s is None, -len(quotes[s]), actors[s].name if s in actors else "")
    )
    return SiteIndex(
        briefings=ordered,
        actors=actors,
        tags={
            spellings[k].most_common(1)[0][0]: bs
            for k, bs in sorted(tags.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        },
        events=events,
        quotes_by_speaker={s: quotes[s] for s in speakers},
        questions=questions,
        by_id={b.id: b for b in ordered},
    )


def week_of(d: date) -> tuple[int, int]:
    iso = d.isocalendar()
    return iso.year, iso.week


def by_year(months: list[tuple[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """(month, count) pairs, newest first, under their year; undated ones last, under "Undated"."""
    years: dict[str, list[tuple[str, int]]] = {}
    for key, n in months:
        years.setdefault(key[:4] if key != "undated" else "Undated", []).append((key, n))
    return list(years.items())


def by_week(briefings: list[Briefing]) -> list[tuple[tuple[int, int] | None, list[Briefing]]]:
    """Newest week first; undated briefings last under None."""
    groups: dict[tuple[int, int] | None, list[Briefing]] = {}
    for b in briefings:
        d = published(b)
        groups.setdefault(week_of(d) if d else None, []).append(b)
    return list(groups.items())
