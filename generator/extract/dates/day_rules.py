"""Rules for days the text writes out: "2023-11-04", "11/4/2023", "November 4", "4-7 November".

A month-day without a year takes the year the tense points at, else the nearest occurrence.
"""

from __future__ import annotations

import re
from datetime import date

from .anchors import Anchors, Value, checked_day, day_off, story_year
from .calendar import day_number, iso_week, month_number, safe_date, year_for_day
from .pieces import DAY, DAY_OFF, DIGIT_DAY, MONTH, ORDINAL_DAY, RANGE_SEP, WEEKDAY, YEAR, rule


@rule("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
def iso(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "2023-11-04"."""
    g = m.groupdict()
    return checked_day(int(g["y"]), int(g["m"]), int(g["d"]), anchors)


@rule("numeric", r"(?<![\d/.,$])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b(?![/\d])")
def numeric(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "11/4/2023", "4/11/23": month first unless the first number cannot be a month."""
    g = m.groupdict()
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
    month, day = (a, b) if a <= 12 else (b, a)
    return checked_day(y, month, day, anchors)


@rule(
    "md_range",
    rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY}){RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})\b"
    rf"(?:,?\s+(?P<y>{YEAR})\b)?(?!\s*(?:%|percent|[.,]\d))",
)
def md_range(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "November 4 to 7", "Dec. 30 - Jan. 2": a range of days (not "April 4-5%")."""
    g = m.groupdict()
    m1 = month_number(g["m"] or g["m2"])
    m2 = month_number(g["m2"] or g["m"])
    d1, d2 = day_number(g["d"]), day_number(g["d2"])
    if (m1, d1) >= (m2, d2) and m1 == m2:
        return None
    across = (m2, d2) < (m1, d1)  # over a year end; a written year is the end's ("Dec. 30 - Jan. 2, 2024")
    year = int(g["y"]) - across if g.get("y") else year_for_day(m1, d1, anchors.published, direction, None)
    if year is None:
        return (None, None)
    start = safe_date(year, m1, d1)
    end = safe_date(year + across, m2, d2)
    if start is None or end is None:
        return None
    anchors.last_year = year
    return (start.isoformat(), end.isoformat())


dm_range = md_range.alike(
    "dm_range",
    rf"\b(?P<d>{DAY})(?:\s+(?P<m>{MONTH}))?{RANGE_SEP}(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?",
)
"""The same range written day first: "4-7 November", "30 December to 2 January 2024"."""


@rule(
    "md",
    rf"{DAY_OFF}\b(?:(?i:(?:this|last|next)(?:\s+(?:coming|past))?\s+)?(?P<wd>{WEEKDAY}),?\s+|(?i:(?P<rel>last|next|this)|early|late|mid)\s+)?"
    rf"(?P<m>{MONTH})\s+(?P<d>{DAY})\b"
    rf"(?![.,]?\d)(?:,?\s+(?P<y>{YEAR})\b)?",
)
def md(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "November 4", "Saturday, Nov. 4, 2023": a weekday picks the year it falls on; "the day
    after Nov. 4" is Nov. 5."""
    g = m.groupdict()
    value = _day(g["m"], g.get("d") or g["d2"], g.get("y"), g.get("wd"), anchors, direction)
    if value is None or value[0] is None or not g.get("dba"):
        return value
    return (day_off(m, date.fromisoformat(value[0])).isoformat(), None)


md_paren = md.alike(
    "md_paren",
    rf"\b(?:(?P<wd>{WEEKDAY})|(?i:today|yesterday|tomorrow|tonight))\s*\(\s*(?P<m>{MONTH})\s+(?P<d>{DAY})"
    rf"(?:,?\s+(?P<y>{YEAR}))?\s*\)",
)
"""A day with its date in brackets, one mention: "Thursday (Dec. 11)", "today (Nov. 18)"."""

dm = md.alike(
    "dm",
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<d>{DIGIT_DAY})\s+(?:of\s+)?|(?P<d2>{ORDINAL_DAY})\s+of\s+)"
    rf"(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?",
)
"""The same day written day first: "4 November", "the 4th of November 2023"."""


@rule("week_of", rf"\bthe\s+week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?")
def week_of(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "the week of November 4": the ISO week of that day."""
    g = m.groupdict()
    value = _day(g["m"], g["d"], g.get("y"), None, anchors, direction)
    if value is None or value[0] is None:
        return value
    return (iso_week(date.fromisoformat(value[0])), None)


def _day(
    month: str, day: str, year: str | None, weekday: str | None, anchors: Anchors, direction: int
) -> Value | None:
    """A month-day, in the year written, else the one the tense (or the weekday) points at."""
    mo, d = month_number(month), day_number(day)
    y = (
        int(year)
        if year
        else (weekday is None and story_year(anchors, direction))
        or year_for_day(mo, d, anchors.published, direction, weekday)
    )
    if y is None:
        return (None, None)
    return checked_day(y, mo, d, anchors)
