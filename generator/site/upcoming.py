"""What's next: the timeline entries dated after the site's "as of" date, by week.

"As of" is the `as_of` option, or else the publication date of the newest briefing: a site built
twice from the same briefings says the same thing, whatever day it is built. An entry is upcoming
when its period starts after that date ("November 2016" as of 3 September 2016; not "2016").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from ..model import Briefing, TimelineEntry
from ..periods import Period
from . import index


@dataclass(frozen=True)
class Upcoming:
    briefing: Briefing
    entry: TimelineEntry
    number: int
    """The entry's number on its briefing page (`#event-N`)."""
    first: date
    last: date
    """The days it covers: its period, or from `date` to the end of `end` for a range."""


def as_of(briefings: list[Briefing], configured: str | date | None = None) -> date | None:
    """The configured date, else the newest publication date; None for a site without dates."""
    if isinstance(configured, date):
        return configured
    if configured:
        return date.fromisoformat(str(configured))
    dates = [d for d in map(index.published, briefings) if d]
    return max(dates) if dates else None


def span(entry: TimelineEntry) -> tuple[date, date] | None:
    """First and last day of an entry (a range runs to the end of `end`); None if undated."""
    return _days(entry.date, entry.end)


@cache
def _days(first: str | None, end: str | None) -> tuple[date, date] | None:
    """(Cached: a site's timelines repeat a few thousand values, and every listing asks.)"""
    start = Period.maybe(first)
    if start is None:
        return None
    stop = Period.maybe(end)
    return start.first, stop.last if stop and stop.last >= start.first else start.last


def upcoming(events: list[tuple[Briefing, TimelineEntry]], today: date | None) -> list[Upcoming]:
    """Entries that start after `today`, soonest first (`events` is the site's dated events, in
    date order, so this is one pass)."""
    if today is None:
        return []
    out: list[Upcoming] = []
    numbers: dict[str, dict[int, int]] = {}
    for b, t in events:
        days = span(t)
        if days is None or days[0] <= today:
            continue
        where = numbers.setdefault(b.id, {id(x): i for i, x in enumerate(b.timeline, start=1)})
        out.append(Upcoming(b, t, where.get(id(t), 0), days[0], days[1]))
    out.sort(key=lambda u: (u.first, u.last, u.briefing.id, u.number))
    return out


def by_week(items: list[Upcoming]) -> list[tuple[tuple[int, int], list[Upcoming]]]:
    """Grouped by the ISO week each starts in, soonest first."""
    weeks: dict[tuple[int, int], list[Upcoming]] = {}
    for u in items:
        weeks.setdefault(index.week_of(u.first), []).append(u)
    return list(weeks.items())
