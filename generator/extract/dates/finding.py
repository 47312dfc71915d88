"""Finding: every temporal expression in the article, resolved to an ISO value.

Relative expressions are anchored on the day the story speaks from: the publication date, or
the date of its dateline when the dispatch was written a few days before ("BRUSSELS, December 2
(Xinhua) --" in a paper of December 3: its "today" is December 2). That date dates the dispatch,
not an event, and is left out of the timeline. Weekdays and bare months take their direction
from the tense of the verb they hang on, and each value keeps the granularity the text commits
to. "That night", "the next morning", "later that week" count from the day the narrative is on:
the last day named, while no other month or year has been named since and only a few
paragraphs lie between (`Anchors.near_day`). A clock time with no day word ("at around 11 a.m.")
is on that day too, or in a past-tense lede on the day of publication (`clock_rules`); a time
beside its day ("10:35 a.m. Friday") is the day's one mention. Durations ("three years") are
skipped: they are not points on a calendar. Two dates joined as a range ("2001 to 2010",
"between June and August") are one entry with an end.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..quotes import quotation_spans
from ..sentences import DATELINE, doc_text
from ..spans import span_over
from .anchors import FROM_PUBLICATION, Anchors, Value, set_in
from .calendar import month_number, safe_date
from .guard import guarded
from .habits import habitual
from .pieces import MONTH, Rule
from .plausible import plausible
from .quoted import said_on
from .rules import candidates, resolve
from .tense import Reading, reading


@dataclass(frozen=True)
class TimeExpr:
    """One expression as written, with offsets into the text and its ISO value (None when only
    a publication date could anchor it); `end` closes a range ("November 4 to 7")."""

    text: str
    date: str | None
    end: str | None
    start_char: int
    end_char: int


RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*", re.I)
"""What joins the two ends of a range; "and" only after "between"."""
RANGE_OPENERS = re.compile(r"(?i:\b(?:from|between)\s+)$")
WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
DATELINE_DAY = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>[12]\d|3[01]|0?[1-9])\b(?:,\s*(?P<y>\d{{4}}))?")
"""The date in a dateline: "December 2", "Nov. 3, 1998"."""
DISPATCH_DAYS = 7
"""How far before publication a dateline's date can be and still be the day the story speaks
from; an older one is an archive's date, not the dispatch's."""


def extract_dates(doc: Doc, published: date | None) -> Iterator[TimeExpr]:
    """Every temporal expression in `doc` with its ISO value (None when it cannot be anchored)."""
    text = doc_text(doc)  # spaCy joins every token on each access: once per article
    datelines = _datelines(text)
    today = _dispatch_day(text, datelines, published) or published  # the day the story speaks from
    anchors = Anchors(today)
    matches = candidates(text)
    anchors.story_year = _story_year(matches, text, today)
    found: list[TimeExpr] = []
    named_days: dict[str, Value] = {}
    for rule, m in matches:
        if not plausible(doc, rule.kind, m) or habitual(doc, rule, m):
            continue
        way = reading(doc, rule.kind, m)
        said = said_on(doc, text, rule, m, matches, today)  # a quotation's day, if the text gives it
        here = anchors if said is None else Anchors(said)
        value = guarded(rule, m, said or today, way, resolve(rule, m, here, way.direction))
        value = _as_before(rule, m, way, value, named_days) if said is None else value
        if value is None:
            continue
        anchors.note(rule.kind, value[0], m.group(0), m.start(), _modifier(doc, m))
        start, end = _trim(text, m)
        found.append(TimeExpr(text[start:end], value[0], value[1], start, end))
    for x in _ranges(text, found):
        if not any(a <= x.start_char and x.end_char <= b for a, b in datelines):
            yield x


def _as_before(
    rule: Rule, m: re.Match[str], way: Reading, value: Value | None, named: dict[str, Value]
) -> Value | None:
    """A bare weekday the text named before is that day again when no tense of its own says
    otherwise ("made a trip on Saturday ... consider his visit on Saturday"): a story's
    "Saturday" is one day. `named` keeps the first value of each weekday."""
    g = m.groupdict()
    if rule.kind != "weekday" or value is None or not value[0]:
        return value
    if g.get("rel") or g.get("ana") or g.get("dba"):
        return value  # "last Saturday", "the following Saturday": placed by their own words
    word = g["w"].lower()
    if word not in named:
        named[word] = value
        return value
    return value if way.certain else named[word]


def _modifier(doc: Doc, m: re.Match[str]) -> bool:
    """Whether the date modifies a noun before it ("the July 25 call", "the 2011 raid")."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ in ("compound", "nmod", "amod", "nummod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i > root.i
    )


def _story_year(matches: list[tuple[Rule, re.Match[str]]], text: str, published: date | None) -> int | None:
    """The earlier year the story is set in (`anchors.set_in`), from what it says outside quotes."""
    if sum(_written(r, m) for r, m in matches) < 3:
        return None  # too few years written to tell a story by (and no quotes to pair)
    quoted = [(p.start, p.end) for p in quotation_spans(text)]
    told = [(r, m) for r, m in matches if not _inside(quoted, m.start())]
    years = [int(y.group(0)) for r, m in told if _written(r, m) for y in WRITTEN_YEAR.finditer(m.group(0))]
    return set_in(years, sum(r.kind in FROM_PUBLICATION for r, _ in told), published)


def _written(rule: Rule, m: re.Match[str]) -> bool:
    """Whether the expression writes its year out ("May 1986", "1986", "1986-05-02")."""
    return rule.kind in ("iso", "numeric", "year") or any(
        m.groupdict().get(g) for g in ("y", "y2", "qy", "fy")
    )


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset `at` falls inside one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (at, sys.maxsize)) - 1 if spans else -1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _ranges(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """Neighbours joined as a range ("2002-2006", "December 2007 to June 2009", "between 1994
    and 1997") made one expression from the start of the first to the end of the second."""
    out: list[TimeExpr] = []
    for x in found:
        prev = out[-1] if out else None
        if prev is not None and _joined(text, prev, x):
            first = _year_from(text, prev, x)
            out[-1] = TimeExpr(
                text[prev.start_char : x.end_char], first, x.end or x.date, prev.start_char, x.end_char
            )
        else:
            out.append(x)
    return out


def _joined(text: str, a: TimeExpr, b: TimeExpr) -> bool:
    """Whether `a` and `b` are the ends of one range: adjacent, joined by a dash or "to" (by
    "and" after "between"), at the same granularity, the first no later than the second."""
    if a.end is not None or b.end is not None or a.date is None or b.date is None:
        return False
    gap = RANGE_GAP.fullmatch(text[a.end_char : b.start_char])
    if gap is None:
        return False
    opener = RANGE_OPENERS.search(text[max(0, a.start_char - 10) : a.start_char])
    if gap.group(0).strip().lower() == "and" and (
        opener is None or not opener.group(0).lower().startswith("b")
    ):
        return False
    shape_a, shape_b = _shape(a.date), _shape(b.date)
    if shape_a != shape_b or shape_a is None:
        return False
    return _year_from(text, a, b) <= b.date


def _shape(value: str) -> str | None:
    """The granularity of a plain ISO value: "Y", "YM" or "YMD" (None for weeks, quarters...)."""
    return {4: "Y", 7: "YM", 10: "YMD"}.get(len(value)) if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) else None


def _year_from(text: str, a: TimeExpr, b: TimeExpr) -> str:
    """The start of a range; a month written without a year ("January to March 2009") takes the
    end's year (the one before across a year end: "December to March 2009")."""
    first, last = a.date or "", b.date or ""
    if len(first) >= 7 and not WRITTEN_YEAR.search(a.text) and WRITTEN_YEAR.search(b.text):
        year = int(last[:4]) - (1 if first[5:] > last[5:] else 0)
        return f"{year:04d}{first[4:]}"
    return first


def _datelines(text: str) -> list[tuple[int, int]]:
    """Character ranges of datelines opening one of the first paragraphs."""
    out = []
    start = 0
    for _ in range(3):
        m = DATELINE.match(text[start : start + 200])
        if m is not None:
            out.append((start, start + m.end()))
        nxt = text.find("\n\n", start)
        if nxt < 0:
            break
        start = nxt + 2
    return out


def _dispatch_day(text: str, datelines: list[tuple[int, int]], published: date | None) -> date | None:
    """The day a dispatch was written, from the date of its dateline ("BRUSSELS, December 2
    (Xinhua) --" in a paper of December 3), when that is up to a week before publication: the
    story's "today", "yesterday" and weekdays count from it. The date itself is no event."""
    if published is None or not datelines:
        return None
    m = DATELINE_DAY.search(text, *datelines[0])
    if m is None:
        return None
    year = int(m.group("y") or published.year)
    day = safe_date(year, month_number(m.group("m")), int(m.group("d")))
    if day is not None and day > published and not m.group("y"):
        day = safe_date(year - 1, day.month, day.day)  # "December 30" in a paper of January 2
    if day is None or not 0 < (published - day).days <= DISPATCH_DAYS:
        return None
    return day


def _trim(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Offsets of the expression without a leading "from"/"between" or trailing space."""
    start, end = m.start(), m.end()
    lead = re.match(r"(?i:(?:from|between)\s+)", text[start:end])
    if lead:
        start += lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["TimeExpr", "Value", "extract_dates"]
