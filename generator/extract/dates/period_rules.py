"""Rules for stretches longer than a day: months, quarters, seasons, years and decades.

Each keeps the granularity the text commits to ("March" is `2023-03`, "the third quarter"
`2023-Q3`, "summer" `2023-SU`); "the quarter" and "a year earlier" refer back to the last
quarter the story named.
"""

from __future__ import annotations

import re
from datetime import date

from ..syntax import PAST
from .anchors import Anchors, Value, story_year
from .calendar import (
    ORDINALS,
    SEASONS,
    add_quarters,
    latest_quarter,
    month_number,
    spelled_year,
    year_for_month,
    year_for_season,
)
from .pieces import ANYYEAR, DAY, EDGE, MONTH, REL, SPELLED_YEAR, YEAR, rule

YEAR_STEPS = {"last": -1, "next": 1, "this": 0}
YEAR_BEFORE = ("year-ago", "year-earlier", "last year's")
SINCE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


@rule(
    "month",
    rf"(?:\b(?i:(?P<edge>{EDGE}))[-\s]+|\b(?i:(?P<rel>last|next|this|this\s+past|this\s+coming))\s+)?"
    rf"\b(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{ANYYEAR})\b|\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b)?"
    rf"(?!\s+{DAY}\b)",
)
def month(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "March 2023", "early March", "last March", "March next year"."""
    g = m.groupdict()
    dct = anchors.published
    mo = month_number(g["m"])
    if g.get("y"):
        year: int | None = spelled_year(g["y"])
    elif g.get("yrel"):
        if dct is None:
            return (None, None)
        year = dct.year + YEAR_STEPS[g["yrel"].lower()]
    else:
        rel = (g.get("rel") or "").lower().split()
        year = (not rel and story_year(anchors, direction)) or year_for_month(
            mo, dct, direction, rel[-1] if rel else None
        )
    if year is None:
        return (None, None)
    anchors.last_year = year
    return (f"{year:04d}-{mo:02d}", None)


@rule(
    "quarter",
    r"(?i:\b(?:the\s+)?(?:(?P<poss>this|last|next)\s+year's\s+|(?P<qy>\d{4})\s+|fiscal\s+(?P<fy>\d{4})\s+"
    r"|(?P<ago>year-(?:ago|earlier))\s+)?"
    r"(?:(?:fiscal|flat|same|calendar)[-\s]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter\b"
    r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y>\d{4})\b|(?P<yrel>last|next|this)\s+year\b))?)",
)
def quarter(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the third quarter", "2023 first quarter", "last year's fourth quarter", "the fiscal-first
    quarter", "the year-ago third quarter" (the year before the one it would be)."""
    g = m.groupdict()
    q = ORDINALS[g["q"].lower()]
    if g.get("qy") or g.get("fy") or g.get("y"):
        year = int(g.get("qy") or g.get("fy") or g["y"])
    elif g.get("poss") or g.get("yrel"):
        if anchors.published is None:
            return (None, None)
        year = anchors.published.year + YEAR_STEPS[(g.get("poss") or g.get("yrel") or "").lower()]
    else:
        if anchors.published is None:
            return (None, None)
        year = _quarter_year(q, anchors.published, direction)
    year -= bool(g.get("ago"))
    return (f"{year:04d}-Q{q}", None)


def _quarter_year(q: int, dct: date, direction: int) -> int:
    """The year of "the fourth quarter": the one of publication, unless the tense says it is
    over and it has not started yet (then last year's). An ended quarter stays this year's in a
    future clause: its results come out after it ("expects to report for the third quarter")."""
    if direction == PAST and (q - 1) * 3 + 1 > dct.month:
        return dct.year - 1
    return dct.year


@rule(
    "this_quarter",
    r"(?i:\b(?:the\s+)?(?:(?:comparable|corresponding)\s+)?(?P<which>latest|current|this|last|next|year-ago|year-earlier|"
    r"last\s+year's|the\s+same)\s+(?:fiscal\s+)?(?P<unit>quarter|period)\b"
    r"|\bthe\s+(?P<year>\d{4})\s+(?:fiscal\s+)?(?P<unit2>quarter|period)\b)",
)
def this_quarter(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the latest quarter", "the year-ago period", "the 2023 quarter": counted from the quarter
    the story last named, else from the last one ended before publication. A "period" counts
    only after a quarter was named (a "next period" is anything), and is a year once the story
    has moved on to a whole year or "the nine months"."""
    g = m.groupdict()
    dct = anchors.published
    which = re.sub(r"\s+", " ", (g.get("which") or "the").lower())
    unit = (g.get("unit") or g.get("unit2") or "quarter").lower()
    base = anchors.last_quarter or (latest_quarter(dct) if dct else None)
    if unit == "period" and anchors.period == "year" and (g.get("year") or which in YEAR_BEFORE):
        told = anchors.story_quarter_year()  # after "the nine months", a part of a year
        year = int(g["year"]) if g.get("year") else told and told - 1
        return (f"{year:04d}", None) if year else (None, None)
    if g.get("year"):
        if base is None or (anchors.last_quarter is None and unit == "period"):
            return (g["year"], None)
        return (f"{g['year']}-Q{base[1]}", None)
    if base is None:
        return (None, None)
    if which in YEAR_BEFORE:
        if anchors.last_quarter is None and unit == "period":
            return None
        base = (base[0] - 1, base[1])
    elif which in ("last", "next"):
        if unit == "period":
            return None
        base = add_quarters(base, -1 if which == "last" else 1)
    elif which == "current" and dct is not None:
        base = (dct.year, (dct.month - 1) // 3 + 1)
    elif which == "latest" and dct is not None:
        base = latest_quarter(dct)
    elif unit == "period" and anchors.last_quarter is None:
        return None
    return (f"{base[0]:04d}-Q{base[1]}", None)


the_quarter = this_quarter.alike("the_quarter", r"(?i:\bthe\s+quarter\b(?!-))")
"""Bare "the quarter": the one the story is about."""


@rule(
    "year_ago",
    r"(?i:\b(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter|time)\s+(?:of\s+)?"
    r"(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+previous\s+year)|year-(?:earlier|ago)"
    r"|a\s+year\s+(?:ago|earlier|later))\b)",
)
def year_ago(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the same period a year ago": that quarter a year before while the story tells its
    figures by the quarter; else the year before publication ("a year ago") or before the year
    the text last gave ("a year earlier"); "year-earlier results" the year before the story's,
    but before any figures the adjective compares with nothing yet."""
    text = m.group(0).lower()
    if text.endswith("later"):  # "a year later": after the last year the text gave
        return (f"{anchors.last_year + 1:04d}", None) if anchors.last_year is not None else None
    if anchors.last_quarter is not None and anchors.period == "quarter":
        y, q = anchors.last_quarter
        return (f"{y - 1:04d}-Q{q}", None)
    adjective = text.startswith("year-")
    if adjective:
        if anchors.period is None:
            return None  # "year-earlier" with no figures before it compares with nothing yet
        told = anchors.story_quarter_year()
        return (f"{told - 1:04d}", None) if told else (None, None)  # the year before the story's
    if text.endswith("earlier") and anchors.last_year is not None:
        return (f"{anchors.last_year - 1:04d}", None)  # a year before the last year the text gave
    if anchors.published is None:
        return (None, None)
    return (f"{anchors.published.year - 1:04d}", None)


@rule(
    "part_of_year",
    r"(?i:\bthe\s+(?:(?:first|latest|past|last)\s+)?(?:nine|six|9|6)\s+months\b"
    r"|\bthe\s+(?:first|second)\s+half\b)(?!\s+of\s+(?:the|a|an|his|her|its|their)\b)",
)
def part_of_year(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the nine months", "the first half": a span of months, no date of its own, after which
    the figures are a year's ("up from $1.69 billion a year earlier" is the year before, not a
    quarter); not "the first half of the game"."""
    anchors.period = "year"
    anchors.last_year = anchors.story_quarter_year() or anchors.last_year
    return None


@rule(
    "season",
    rf"(?i:\b(?:(?P<edge>early|late|mid)[-\s]+)?(?:(?P<rel>{REL})\s+|the\s+)(?:(?:early|late|mid)[-\s]+)?"
    rf"(?P<s>spring|summer|fall|autumn|winter)"
    rf"(?:\s+(?:of\s+)?(?P<y>{ANYYEAR}))?\b|\b(?P<s2>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y2>{ANYYEAR})\b)",
)
def season(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "last summer", "the spring of 1989", "winter 2023"."""
    g = m.groupdict()
    s = SEASONS[(g.get("s") or g.get("s2") or "").lower()]
    y_text = g.get("y") or g.get("y2")
    if y_text:
        year = spelled_year(y_text)
    else:
        rel = (g.get("rel") or "").lower().split()
        if not rel and direction != PAST:
            return None  # "work in the summer" is a habit; "much of the summer" looked back at one
        if anchors.published is None:
            return (None, None)
        found = year_for_season(s, anchors.published, direction, rel[-1] if rel else None)
        if found is None:
            return None
        year = found
    return (f"{year:04d}-{s}", None)


@rule(
    "the_year",
    r"(?i:\bthe\s+(?:(?:full|fiscal|current|whole|entire|calendar)\s+){0,2}year\b(?![-'’]|\s+(?:ended|ending|before"
    r"|after|earlier|later|ago|of(?!\s+[$£€])|to|since|in\s+which|two|nineteen))|\b(?:the\s+)?(?:year[-\s]end\b|year['’]s\s+end\b"
    r"|end\s+of\s+the\s+year\b))",
)
def the_year(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the full year", "the current fiscal year", "by year-end", "a high for the year of
    $42": the year the story is about, the one of publication unless it is set in an earlier one
    ("the year ended Sept. 30" is a fiscal span, no date; "the year of the dragon" no year).
    A year-end told in the past ("the change since year-end") is the last one that has passed."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    since = SINCE.search(m.string, max(0, m.start() - 12), m.start()) is not None
    told_past = direction == PAST or since
    passed = told_past and "end" in m.group(0).lower() and (dct.month, dct.day) != (12, 31)
    return (f"{anchors.story_year or dct.year - passed:04d}", None)


@rule("decade", r"(?i:\b(?:the\s+)?(?:(?P<edge>early|late|mid)[-\s]+)?(?P<y>1[0-9]\d0|20\d0)'?s\b)")
def decade(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the 1990s", "the late '80s" as a range of years; a bare "2000s" may be a count."""
    y = int(m.groupdict()["y"])
    if y % 100 == 0 and "'" not in m.group(0) and not m.group(0).lower().startswith("the"):
        return None
    return (f"{y:04d}", f"{y + 9:04d}")


@rule(
    "year",
    rf"(?i:\b(?:(?P<since>since)\s+|(?P<edge>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"
    rf"[-\s]+|fiscal\s+|(?:the\s+)?(?:(?:fiscal|calendar)\s+)?year\s+)?)(?<![$£€#\d.,])(?P<y>{YEAR}|{SPELLED_YEAR})\b(?![.,]\d|\s*%|-(?!\d{{4}}\b)\d)",
)
def year(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "2023", "since 1989", "nineteen ninety-six"."""
    value = spelled_year(m.groupdict()["y"])
    if not 1000 <= value <= 2200:
        return None
    anchors.last_year = value
    return (f"{value:04d}", None)
