"""What a date is read against: the publication date, and the dates the text gave last.

"The quarter" is the quarter the story last named, "that year" the year it last gave, "the day
before" the day before the last day; relative words ("yesterday") count from publication.
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import safe_date

Value = tuple[str | None, str | None]
"""(date, end) as ISO values; (None, None) when the text names a date nothing anchors."""


class Anchors:
    """The anchor (publication date) and what the text last referred to, for "the quarter"."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_quarter: tuple[int, int] | None = None
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_day: date | None = None
        self.last_kind: str | None = None

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
