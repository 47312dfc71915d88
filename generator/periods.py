"""ISO period values, the one way the project reads them.

A timeline date is written at the granularity the article gives: a day (`2023-11-04`), an ISO
week (`2023-W44`), a month (`2023-11`), a TimeML quarter (`2023-Q3`) or season (`1989-SU`), or a
year (`2023`). Validation, timeline sorting, the timeline picture, listings and month pages all
need the same answers (is it real, where does it start and end, how is it read aloud), so they
all ask `Period`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Kind = Literal["day", "week", "month", "quarter", "season", "year"]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(m[:3] for m in MONTH_NAMES)
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""TimeML season codes and the month each starts in (meteorological seasons, northern)."""
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|(SP|SU|FA|WI)))?")


@dataclass(frozen=True)
class Period:
    """The days an ISO value covers, and how to show and order it."""

    value: str
    kind: Kind
    first: date
    last: date

    @classmethod
    def parse(cls, value: str) -> Period:
        """ValueError unless `value` is a real ISO period (`2023-02-30` and `2023-W54` are not).
        Periods are values: each is read once (a site's pages ask for the same dates many times)."""
        return _parse(value)

    @classmethod
    def _read(cls, value: str) -> Period:
        m = _VALUE.fullmatch(value)
        if not m:
            raise ValueError(f"not an ISO period: {value!r}")
        year = int(m[1])
        if m[3]:
            day = date(year, int(m[2]), int(m[3]))
            return cls(value, "day", day, day)
        if m[2]:
            month = int(m[2])
            return cls(value, "month", date(year, month, 1), _month_end(year, month))
        if m[4]:
            monday = date.fromisocalendar(year, int(m[4]), 1)
            return cls(value, "week", monday, monday + timedelta(days=6))
        if m[5] or m[6]:
            month = SEASON_MONTH[m[6]] if m[6] else 3 * int(m[5]) - 2
            end_year, end_month = year + (month + 1) // 12, (month + 1) % 12 + 1
            kind: Kind = "season" if m[6] else "quarter"
            return cls(value, kind, date(year, month, 1), _month_end(end_year, end_month))
        return cls(value, "year", date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def maybe(cls, value: str | None) -> Period | None:
        """The period, or None for a missing or unreadable value."""
        if not value:
            return None
        try:
            return cls.parse(value)
        except ValueError:
            return None

    @property
    def sort_key(self) -> str:
        """Orders periods by where they start, a coarser one before a finer one that starts with
        it (`2023` < `2023-07` < `2023-07-01`); weeks sort by their Monday, quarters and seasons
        by their first month."""
        if self.kind == "week":
            return self.first.isoformat()
        if self.kind in ("quarter", "season"):
            return self.first.isoformat()[:7]
        return self.value

    @property
    def month_key(self) -> str:
        """The month a listing files the period under (`2023-11`); a year stays `2023`."""
        return self.value if self.kind == "year" else self.first.isoformat()[:7]

    def label(self, with_year: bool = True) -> str:
        """How a reader says it: `4 Nov 2023`, `week of 30 Oct 2023` (weeks by their Monday),
        `November 2023`, `Q3 2023`, `summer 1989`, `2023`; without the year where the reader
        has it already (`with_year=False`: `4 Nov`, `week of 30 Oct`, `November`)."""
        first = self.first
        year = f" {first.year}" if with_year else ""
        if self.kind == "day":
            return f"{first.day} {MONTH_ABBREVIATIONS[first.month - 1]}{year}"
        if self.kind == "week":
            return f"week of {first.day} {MONTH_ABBREVIATIONS[first.month - 1]}{year}"
        if self.kind == "month":
            return f"{MONTH_NAMES[first.month - 1]}{year}"
        if self.kind == "quarter":
            return f"{self.value[5:]} {self.value[:4]}"
        if self.kind == "season":
            code = self.value[5:]
            tail = f"–{(first.year + 1) % 100:02d}" if code == "WI" else ""
            return f"{SEASON_NAMES[code]} {first.year}{tail}"
        return self.value

    def days_label(self) -> str:
        """The days it covers: `30 Oct – 5 Nov 2023`, `6–12 Nov 2023`, `4 Nov 2023`."""
        return days_label(self.first, self.last)


def days_label(first: date, last: date) -> str:
    """A stretch of days as a reader writes it, each part said once: `4–7 Nov 2023`,
    `30 Oct – 2 Nov 2023`, `30 Dec 2023 – 2 Jan 2024`."""
    if first == last:
        return f"{first.day} {MONTH_ABBREVIATIONS[first.month - 1]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_ABBREVIATIONS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_ABBREVIATIONS[first.month - 1]} – {days_label(last, last)}"
    return f"{days_label(first, first)} – {days_label(last, last)}"


@lru_cache(maxsize=1 << 14)
def _parse(value: str) -> Period:
    return Period._read(value)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def real(value: str) -> bool:
    """Whether `value` is a real ISO period."""
    return Period.maybe(value) is not None


def sort_key(value: str | None) -> str:
    """`Period.sort_key`, with unreadable values kept as they are and a missing one first."""
    if not value:
        return ""
    p = Period.maybe(value)
    return p.sort_key if p else value


def month_key(value: str) -> str:
    """`Period.month_key`; an unreadable value gives its first seven characters."""
    p = Period.maybe(value)
    return p.month_key if p else value[:7]


def label(value: str | None, end: str | None = None) -> str:
    """A date or a range for a reader: `4 Nov 2023`, `4–7 Nov 2023`, `November – December 2023`,
    `undated`; a value that is not a period is shown as it is."""
    if not value:
        return "undated"
    first = Period.maybe(value)
    text = first.label() if first else value
    if not end:
        return text
    last = Period.maybe(end)
    if first is None or last is None:
        return f"{text} – {last.label() if last else end}"
    if first.kind in ("day", "week") and last.kind in ("day", "week"):
        return days_label(first.first, last.last)
    if first.kind == last.kind == "month" and first.first.year == last.first.year:
        return f"{first.label(with_year=False)} – {last.label()}"
    return f"{text} – {last.label()}"
