"""Reading across briefings: stories, what's next, questions over time and the weekly digest,
computed once per build from the site index, and the pages that show them.

Pages are made through the caller's `page(path, meta, template, **context)` and
`file(path, text)` (the renderer's), so this module needs nothing above it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TypeVar

from ..model import Briefing
from . import digest, followups, ical, index, stories, upcoming
from .options import Options

T = TypeVar("T")
Kept = Callable[[str, Callable[[], Hashable], Callable[[], T]], T]
"""`kept(path, key, make)`: `make()`, or the page a preview made from the same key last time."""


@dataclass
class Across:
    today: date | None
    """The "as of" date: the `as_of` option, or the newest publication."""
    stories: stories.Stories
    questions: list[followups.QuestionInfo]
    upcoming: list[upcoming.Upcoming]
    weeks: list[digest.Week]

    def story_of(self, bid: str) -> dict[str, Any]:
        """What a briefing page shows of its story: the story, the briefings before and after."""
        before, after = self.stories.neighbours(bid)
        return {"story": self.stories.story_of(bid), "story_prev": before, "story_next": after}


def build_across(site: index.SiteIndex, options: Options) -> Across:
    """Everything read across the site's briefings; editors' `story:` fields decide first."""
    pinned = {b.id: b.story for b in site.briefings if b.story}
    today = upcoming.as_of(site.briefings, options.as_of)
    vectors, rare = stories.weighted(site.briefings)
    linked = stories.link(site.briefings, pinned, (vectors, rare))
    questions = followups.over_time(site, today, vectors, rare)
    return Across(
        today=today,
        stories=linked,
        questions=questions,
        upcoming=upcoming.upcoming(site.events, today),
        weeks=digest.weeks(site, linked, questions),
    )


def listing(title: str) -> dict[str, Any]:
    """Listing pages repeat what briefing pages say, so they stay out of search."""
    return {"title": title, "search": {"exclude": True}}


def across_pages(
    page: Callable[..., T],
    file: Callable[[str, str], T],
    across: Across,
    site: index.SiteIndex,
    options: Options,
    kept: Kept[T] | None = None,
    story_key: Callable[[stories.Story], Hashable] | None = None,
) -> Iterator[T]:
    """Story, upcoming, questions and weekly digest pages, `calendar.ics` and `digest.xml`.
    With `kept` and `story_key`, a preview renders again only the stories a save changed."""
    all_stories = list(across.stories.stories.values())
    yield page("stories/index.md", listing("Stories"), "stories.md.j2", stories=all_stories)
    for story in all_stories:
        path = f"stories/{story.id}/index.md"
        make = partial(_story_page, page, path, story)
        yield make() if kept is None or story_key is None else kept(path, partial(story_key, story), make)
    yield page(
        "upcoming/index.md",
        listing("Upcoming"),
        "upcoming.md.j2",
        weeks=upcoming.by_week(across.upcoming),
        today=across.today,
    )
    names = {aid: info.name for aid, info in site.actors.items()}
    yield file("calendar.ics", ical.calendar(across.upcoming, options, names))
    yield page(
        "questions/index.md",
        listing("Questions"),
        "questions.md.j2",
        questions=across.questions,
        today=across.today,
        stories=across.stories,
    )
    yield page("digest/index.md", listing("Weekly digest"), "weeks.md.j2", weeks=across.weeks)
    for i, week in enumerate(across.weeks):
        newer = across.weeks[i - 1] if i else None
        older = across.weeks[i + 1] if i + 1 < len(across.weeks) else None
        yield page(week.path, listing(week.label), "week.md.j2", week=week, newer=newer, older=older)
    yield file("digest.xml", digest.atom(across.weeks, options))


def _story_page(page: Callable[..., T], path: str, story: stories.Story) -> T:
    return page(path, listing(story.title), "story.md.j2", **story_context(story))


def story_context(story: stories.Story) -> dict[str, Any]:
    """A story page: its briefings, actors, merged timeline, quotes by speaker, open questions."""
    events = sorted(
        ((b, t) for b in story.briefings for t in b.timeline if t.date),
        key=lambda bt: (upcoming.span(bt[1]) or (date.max, date.max), bt[0].id),
    )
    speakers: dict[str | None, list[tuple[Briefing, Any]]] = {}
    for b in reversed(story.briefings):
        for q in b.quotes:
            speakers.setdefault(q.speaker, []).append((b, q))
    quoted = sorted(speakers.items(), key=lambda kv: (kv[0] is None, -len(kv[1])))
    questions = [(b, q) for b in reversed(story.briefings) for q in b.questions if q.status == "open"]
    return {
        "story": story,
        "actors": stories.actors_of(story),
        "events": events,
        "speakers": quoted,
        "open_questions": questions,
    }
