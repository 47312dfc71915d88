"""The weekly digest: per ISO week, the briefings by story, the questions raised and answered,
the most quoted actors and the dates ahead; and `digest.xml`, an Atom feed of the weeks.

Each week is made from its own briefings (and the questions answered by them), in one pass over
the site, so a site of many weeks costs the same per week as a site of few.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..model import Briefing
from . import feeds, index, text
from .followups import QuestionInfo
from .options import Options
from .stories import Stories, Story
from .upcoming import Upcoming, span
from .urls import page_url

AHEAD = 10
"""Dates ahead a week's digest lists, at most (the soonest)."""
QUOTED = 5
"""Most quoted actors a week's digest names."""


@dataclass
class Week:
    key: tuple[int, int]
    briefings: list[Briefing] = field(default_factory=list)
    """Newest first."""
    groups: list[tuple[Story | None, list[Briefing]]] = field(default_factory=list)
    """The week's briefings by story, the story with most of them first; None: in no story."""
    raised: list[QuestionInfo] = field(default_factory=list)
    answered: list[QuestionInfo] = field(default_factory=list)
    quoted: list[tuple[str, int]] = field(default_factory=list)
    """(actor id, quotes this week), most quoted first."""
    ahead: list[Upcoming] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{self.key[0]:04d}-W{self.key[1]:02d}"

    @property
    def path(self) -> str:
        return f"digest/{self.slug}/index.md"

    @property
    def label(self) -> str:
        return text.week_label(self.key)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.key[0], self.key[1], 7)


def weeks(site: index.SiteIndex, stories: Stories, questions: list[QuestionInfo]) -> list[Week]:
    """Every week that has briefings, newest first."""
    found: dict[tuple[int, int], Week] = {}
    for b in site.briefings:
        d = index.published(b)
        if d is not None:
            found.setdefault(index.week_of(d), Week(index.week_of(d))).briefings.append(b)
    week_of_briefing = {b.id: w.key for w in found.values() for b in w.briefings}
    for info in questions:
        raised_in = found.get(week_of_briefing.get(info.briefing.id, (0, 0)))
        if raised_in is not None and info.question.status == "open":
            raised_in.raised.append(info)
        if info.answered_in is not None:
            answered_in = found.get(week_of_briefing.get(info.answered_in.id, (0, 0)))
            if answered_in is not None:
                answered_in.answered.append(info)
    for week in found.values():
        _fill(week, stories)
    return [found[k] for k in sorted(found, reverse=True)]


def _fill(week: Week, stories: Stories) -> None:
    groups: dict[str | None, list[Briefing]] = defaultdict(list)
    speakers: Counter[str] = Counter()
    ahead = []
    for b in week.briefings:
        groups[stories.of.get(b.id)].append(b)
        speakers.update(q.speaker for q in b.quotes if q.speaker)
        for n, t in enumerate(b.timeline, start=1):
            days = span(t)
            if days and days[0] > week.sunday:
                ahead.append(Upcoming(b, t, n, *days))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    week.groups = [(stories.stories.get(sid) if sid else None, bs) for sid, bs in ordered]
    week.quoted = speakers.most_common(QUOTED)
    ahead.sort(key=lambda u: (u.first, u.last, u.briefing.id, u.number))
    week.ahead = ahead[:AHEAD]


def summary(week: Week) -> str:
    """One paragraph for the feed: how many briefings and questions, and the stories."""
    parts = [_count(len(week.briefings), "briefing")]
    if week.raised:
        parts.append(_count(len(week.raised), "new open question"))
    if week.answered:
        parts.append(f"{len(week.answered)} answered")
    titles = [story.title if story else bs[0].title for story, bs in week.groups][:5]
    return ", ".join(parts) + ". " + "; ".join(titles)


def atom(all_weeks: list[Week], options: Options) -> str:
    """`digest.xml`: the newest `feed_size` weeks, one entry each, linking to the week's page."""
    shown = all_weeks[: options.feed_size]
    updated = [_stamp(w) for w in shown]
    root = feeds.feed_head(
        f"{options.site_name}: weekly digest", "digest.xml", max(updated, default=_EPOCH), options
    )
    for week, stamp in zip(shown, updated, strict=True):
        entry = feeds.sub(root, "entry")
        feeds.sub(entry, "title", f"{week.label}: {_count(len(week.briefings), 'briefing')}")
        url = page_url(week.path, options)
        feeds.sub(entry, "id", url if options.site_url else f"urn:briefings:digest:{week.slug}")
        feeds.sub(entry, "link", href=url, rel="alternate")
        feeds.sub(entry, "updated", stamp)
        feeds.sub(feeds.sub(entry, "author"), "name", options.site_name)
        feeds.sub(entry, "summary", summary(week))
    return feeds.text_of(root)


_EPOCH = "1970-01-01T00:00:00Z"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _stamp(week: Week) -> str:
    """The week's newest publication (a week's entry changes when a briefing is added to it)."""
    days = [d for d in map(index.published, week.briefings) if d]
    newest = max(days, default=date.fromisocalendar(week.key[0], week.key[1], 1))
    return f"{newest.isoformat()}T00:00:00Z"
