"""Questions over time: how old an open question is, which later briefings may answer it, and
whether the date it waits for has passed.

- Age: from the publication of the briefing that raised it to the site's "as of" date (see
  `upcoming.as_of`), or to the briefing an editor says answered it (`answered_by`).
- Possible follow-ups: later briefings that share one of the question's actors and one of its
  key terms, the rarest counting most (`stories.weighted`); the `RECENT` briefings after it per
  feature are looked at, so the work per question does not grow with the site.
- Due for review: the question is tied to entries of its briefing's timeline (the date as
  written is in the question or its evidence, or most of the event's words are) and the latest
  of them has passed.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..model import Briefing, Question
from . import index, terms, upcoming

RECENT = 20
"""Later briefings looked at per feature of a question."""
FOLLOW_UPS = 3
"""Follow-ups listed per question, at most."""
THRESHOLD = 0.25
"""Share of the question's feature weight a follow-up must have."""


@dataclass(frozen=True)
class QuestionInfo:
    briefing: Briefing
    question: Question
    raised: date | None
    age: int | None
    """Days open (to "as of", or to the answering briefing)."""
    tied: date | None
    """The last day of the dates the question waits for."""
    due: bool
    """Tied to a date that has passed, and still open."""
    follow_ups: tuple[Briefing, ...]
    answered_in: Briefing | None


def tied_date(b: Briefing, q: Question) -> date | None:
    """The latest day of the timeline entries of the briefing, dated after it, that the question
    is about (a question waits for what is still to come)."""
    raised = index.published(b)
    text = " ".join((q.question, *q.evidence)).casefold()
    mine = terms.terms(text)
    days = []
    for t in b.timeline:
        dates = upcoming.span(t)
        if dates is None or (raised is not None and dates[1] <= raised):
            continue
        event = terms.terms(t.event)
        written = len(t.text.strip()) >= 3 and t.text.casefold() in text
        if written or (len(event) >= 2 and len(event & mine) * 2 >= len(event)):
            days.append(dates[1])
    return max(days) if days else None


def _named(b: Briefing) -> set[str]:
    """The words of a briefing's actors' names."""
    return {w for a in b.actors for w in terms.terms(a.name)}


def _features(b: Briefing, q: Question, named: set[str] | None = None) -> dict[str, float]:
    """The question's actors and key terms; the words of actors' names (`_named`) count as the
    actors."""
    named = _named(b) if named is None else named
    out = {"t:" + t: 0.5 for t in terms.terms(" ".join(q.evidence)) - named}
    out.update(("t:" + t, 1.0) for t in terms.terms(q.question) - named)
    out.update(("a:" + a, 1.0) for a in q.actors)
    return out


def over_time(
    site: index.SiteIndex,
    today: date | None,
    vectors: Mapping[str, dict[str, float]],
    rare: Mapping[str, float],
) -> list[QuestionInfo]:
    """Every question of the site, in `site.questions` order, with its age, follow-ups and due
    state. `vectors` and `rare` come from `stories.weighted`."""
    order = sorted(site.briefings, key=lambda b: (index.published(b) or date.min, b.id))
    position = {b.id: i for i, b in enumerate(order)}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, b in enumerate(order):
        for f in vectors.get(b.id, {}):
            postings[f].append(i)
    out = []
    named: dict[str, set[str]] = {}  # a briefing's questions come one after the other
    for b, q in site.questions:
        raised = index.published(b)
        answered = site.by_id.get(q.answered_by or "") if q.status == "answered" else None
        end = index.published(answered) if answered else (today if q.status == "open" else None)
        tied = tied_date(b, q)
        follow = (
            _follow_ups(b, q, position[b.id], order, postings, vectors, rare, named)
            if q.status == "open"
            else ()
        )
        out.append(
            QuestionInfo(
                briefing=b,
                question=q,
                raised=raised,
                age=(end - raised).days if raised and end and end >= raised else None,
                tied=tied,
                due=q.status == "open" and tied is not None and today is not None and tied < today,
                follow_ups=follow,
                answered_in=answered,
            )
        )
    return out


def _follow_ups(
    b: Briefing,
    q: Question,
    after: int,
    order: list[Briefing],
    postings: Mapping[str, list[int]],
    vectors: Mapping[str, dict[str, float]],
    rare: Mapping[str, float],
    named: dict[str, set[str]],
) -> tuple[Briefing, ...]:
    if b.id not in named:
        named.clear()  # questions come briefing by briefing: keep only this one's
        named[b.id] = _named(b)
    mine = _features(b, q, named[b.id])
    if not any(f.startswith("a:") for f in mine):
        return ()
    score: dict[int, float] = defaultdict(float)
    kinds: dict[int, set[str]] = defaultdict(set)
    for f, w in mine.items():
        posting = postings.get(f, [])
        start = bisect.bisect_right(posting, after)
        for i in posting[start : start + RECENT]:
            score[i] += w * rare.get(f, 0.0)
            kinds[i].add(f[0])
    own = sum(w * rare.get(f, 0.0) for f, w in mine.items()) or 1.0
    fits = [(s, -i) for i, s in score.items() if kinds[i] == {"a", "t"} and s / own >= THRESHOLD]
    return tuple(order[-i] for _, i in sorted(fits, reverse=True)[:FOLLOW_UPS])
