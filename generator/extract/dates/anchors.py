"""What a date is read against: the publication date, and the dates the text gave last.

"The quarter" is the quarter the story last named, "that year" the year it last gave, "the day
before" the day before the last day; relative words ("yesterday") count from publication.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from .calendar import latest_quarter, safe_date

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


STORY_PARAGRAPHS = 6
"""Paragraph breaks a day named earlier still holds the narrative across for "later that day",
"the next morning": news paragraphs are a sentence or two, and a story about a day's events
(a forum on Wednesday, a speech "earlier in the day") comes back to it within a few."""
CLOCK_PARAGRAPHS = 2
"""The same for a bare clock time ("at 6 a.m."): the day it is on is named just before."""


QUARTER_KINDS = frozenset(["quarter", "this_quarter", "the_quarter", "year_ago", "anaphoric"])
"""Kinds whose value may be a quarter."""
YEAR_KINDS = frozenset(["year", "the_year", "unit_rel", "year_ago"])
"""Kinds that, giving a whole year, move the story's figures from the quarter to the year."""
COMPARED = re.compile(r"(?i)year-|\byear\s+(?:ago|earlier|before)|last\s+year|\b\d{4}\b")
"""Words that make a quarter the one compared with ("the year-ago quarter", "last year's
quarter", "the 1988 period"), not the one the story is about."""


def story_quarter(
    current: tuple[int, int] | None, named: tuple[int, int], published: date | None
) -> tuple[int, int]:
    """The quarter a results story is about, once it names `named` too: a quarter that has
    ended by publication wins over one to come, the later of two that have ("third-quarter
    profit rose ... after a flat second quarter" is about the third)."""
    if current is None or published is None:
        return current or named
    ended = latest_quarter(published)

    def rank(q: tuple[int, int]) -> tuple[bool, tuple[int, int]]:
        return (q <= ended, q if q <= ended else (-q[0], -q[1]))

    return max(current, named, key=rank)


class Anchors:
    """The anchor (publication date) and what the text last referred to, for "the quarter"."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_quarter: tuple[int, int] | None = None
        """The quarter the story is about (`story_quarter`): "the quarter", "a year earlier"."""
        self.recent_quarter: tuple[int, int] | None = None
        """The quarter named last: "that quarter"."""
        self.period: str | None = None
        """How the story's figures are told: "quarter" (a quarter named, no whole year or "the
        nine months" since: "a year ago" is then that quarter a year before), "year", or None
        before either."""
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_day: date | None = None
        self.last_day_at = -1
        """Where in the text `last_day` was named (`near_day`)."""
        self.story_year: int | None = None
        """The earlier year the story is set in, if it is (`set_in`)."""

    def story_quarter_year(self) -> int | None:
        """The year whose figures the story tells: its quarter's, else the year of publication."""
        if self.last_quarter is not None:
            return self.last_quarter[0]
        return self.published.year if self.published else None

    def near_day(self, text: str, at: int, paragraphs: int = STORY_PARAGRAPHS) -> date | None:
        """The day the narrative is on at offset `at`: the last day named, if no month or year
        named since has left it and at most `paragraphs` paragraph breaks lie between. "Earlier
        that night" sixteen paragraphs after "sentenced last Thursday" is another night, which
        the text does not date."""
        if self.last_day is None or self.last_day_at < 0:
            return None
        return self.last_day if text.count("\n\n", self.last_day_at, at) <= paragraphs else None

    def note(self, kind: str, value: str | None, text: str, at: int, modifier: bool = False) -> None:
        """Remember what a resolved expression referred to, for the anaphoric ones after it; a
        day that only modifies a noun ("Trump's July 25 call") is not the day the story is on.
        `at` is where the expression starts in the article."""
        q = re.fullmatch(r"(\d{4})-Q(\d)", value or "")
        if q and kind in QUARTER_KINDS:
            named = (int(q.group(1)), int(q.group(2)))
            self.recent_quarter = named
            self.period = "quarter"
            if not COMPARED.search(text):
                self.last_quarter = story_quarter(self.last_quarter, named, self.published)
        elif kind in YEAR_KINDS and re.fullmatch(r"\d{4}", value or ""):
            self.period = "year"
        if not value:
            return
        if self._moved_from_day(value, modifier):
            self.last_day_at = -1  # "closed it Thursday night ... last October ... that same day"
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) and kind not in ("ago", "year_ago"):
            self.last_year = int(value[:4])
            if len(value) >= 7:
                self.last_month = (int(value[:4]), int(value[5:7]))
            if len(value) == 10 and not modifier:
                self.last_day = date.fromisoformat(value)
                self.last_day_at = at

    def _moved_from_day(self, value: str, modifier: bool) -> bool:
        """Whether a month or year named after the last day leaves it ("last October", "18 years
        ago"): the narrative is no longer on that day, and "that same day" is another one."""
        if self.last_day is None or modifier or not re.fullmatch(r"\d{4}(-\d\d)?", value):
            return False
        return not self.last_day.isoformat().startswith(value)


def day_off(m: re.Match[str], day: date) -> date:
    """`day`, or the day before or after it when the match opens with "the day before/after"."""
    return day + timedelta(days={"before": -1, "after": 1}.get((m.groupdict().get("dba") or "").lower(), 0))


def checked_day(year: int, month: int, day: int, anchors: Anchors) -> Value | None:
    """A day the calendar has (None for February 30), remembered as the year last given."""
    d = safe_date(year, month, day)
    if d is None:
        return None
    anchors.last_year = year
    return (d.isoformat(), None)
