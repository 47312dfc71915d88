"""What a date is read against: the publication date, and the dates the text gave last.

"The quarter" is the quarter the story last named, "that year" the year it last gave, "the day
before" the day before the last day; relative words ("yesterday") count from publication.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .calendar import safe_date

Value = tuple[str | None, str | None]
"""(date, end) as ISO values; (None, None) when the text names a date nothing anchors."""


FROM_PUBLICATION = frozenset(["day_rel", "weekday", "weekday_range", "weekend", "unit_rel", "in_the", "ago"])
"""Kinds counted from the publication date: the story speaks from its own day again."""


def story_year(anchors: Anchors, direction: int) -> int | None:
    """The year a month without one belongs to in a story set in an earlier year ("GCSEs came in
    September 1986, after Sir Keith stepped down in May"): past tense, no "last"/"next"."""
    year = anchors.story_year
    return year if year is not None and direction < 0 else None


def set_in(written: list[int], from_publication: int, published: date | None) -> int | None:
    """The earlier year a story is set in: the year it writes most, at least three times and
    more often than it speaks from its own day ("today", "on Monday"), when it never writes the
    year of publication. News names past years and comes back to its day; a story that keeps to
    one past year tells it ("in May" is May of that year)."""
    if not written or published is None:
        return None
    counts = Counter(written)
    year, n = counts.most_common(1)[0]
    if n < 3 or n <= from_publication or year >= published.year or counts[published.year]:
        return None
    return year


class Anchors:
    """The anchor (publication date) and what the text last referred to, for "the quarter"."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_quarter: tuple[int, int] | None = None
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_day: date | None = None
        self.last_kind: str | None = None
        self.story_year: int | None = None
        """The earlier year the story is set in, if it is (`set_in`)."""

    def note(self, kind: str, value: str | None, text: str) -> None:
        """Remember what a resolved expression referred to, for the anaphoric ones after it."""
        self.last_kind = kind
        if not value:
            return
        if kind in ("quarter", "this_quarter", "the_quarter") and not re.search(r"(?i)year-|last year", text):
            q = re.fullmatch(r"(\d{4})-Q(\d)", value)
            if q:
                self.last_quarter = (int(q.group(1)), int(q.group(2)))
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) and kind not in ("ago", "year_ago"):
            self.last_year = int(value[:4])
            if len(value) >= 7:
                self.last_month = (int(value[:4]), int(value[5:7]))
            if len(value) == 10:
                self.last_day = date.fromisoformat(value)


def checked_day(year: int, month: int, day: int, anchors: Anchors) -> Value | None:
    """A day the calendar has (None for February 30), remembered as the year last given."""
    d = safe_date(year, month, day)
    if d is None:
        return None
    anchors.last_year = year
    return (d.isoformat(), None)
