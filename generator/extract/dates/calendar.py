"""Calendar arithmetic for resolving dates: no parsing, no text, only numbers and `date`s.

Which year a month-day without one falls in, which weekday "on Sunday" means, where seasons and
quarters start, and the holidays a news story names.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...periods import SEASON_MONTH
from ..syntax import MONTH_NUMBERS, WEEKDAY_NUMBERS

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def safe_date(year: int, month: int, day: int) -> date | None:
    """None for a day that does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(text: str) -> int:
    """ "Sept." -> 9."""
    return MONTH_NUMBERS[text.rstrip(".").lower()]


ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip


def day_number(text: str) -> int:
    """ "4th" -> 4, "twenty-first" -> 21."""
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group(0))
    words = re.split(r"[- ]+", text.lower())
    return sum(NUMBER_WORDS.get(w, 0) for w in words[:-1]) + ORDINAL_WORDS.get(words[-1], 0)


def number_value(text: str) -> int:
    """ "three" -> 3, "12" -> 12; 0 for a word that is no number."""
    t = text.lower()
    return int(t) if t.isdigit() else NUMBER_WORDS.get(t, 0)


def spelled_year(text: str) -> int:
    """1996 from "1996" or "nineteen ninety-six"; "the year two thousand" is 2000."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[- ]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:] if w != "and")
    if words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return 1900
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    return 0


def iso_week(d: date) -> str:
    """The ISO week of a day, as a timeline value ("2023-W44")."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) `n` months on (back when negative)."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_quarters(yq: tuple[int, int], n: int) -> tuple[int, int]:
    """(year, quarter) `n` quarters on (back when negative)."""
    k = yq[0] * 4 + (yq[1] - 1) + n
    return k // 4, k % 4 + 1


def latest_quarter(dct: date) -> tuple[int, int]:
    """The last quarter that has ended: what "the quarter" means in a results story."""
    return add_quarters((dct.year, (dct.month - 1) // 3 + 1), -1)


def year_for_day(month: int, day: int, dct: date | None, direction: int, weekday: str | None) -> int | None:
    """Year of a month-day without one: the occurrence the tense points at, else the nearest."""
    if dct is None:
        return None
    if weekday:
        wanted = WEEKDAY_NUMBERS[weekday.lower()]
        for y in (dct.year, dct.year - 1, dct.year + 1):
            d = safe_date(y, month, day)
            if d is not None and d.weekday() == wanted and abs((d - dct).days) < 300:
                return y
    candidates = [(y, safe_date(y, month, day)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    valid = [(y, d) for y, d in candidates if d is not None]
    if not valid:
        return None
    if direction < 0:
        past = [(y, d) for y, d in valid if d <= dct]
        if past and (dct - past[-1][1]).days <= 300:
            return past[-1][0]
    if direction > 0:
        future = [(y, d) for y, d in valid if d >= dct]
        if future and (future[0][1] - dct).days <= 300:
            return future[0][0]
    # news looks back more often than ahead: a future reading must be twice as close to win
    return min(valid, key=lambda yd: (dct - yd[1]).days if yd[1] <= dct else 2 * (yd[1] - dct).days)[0]


def year_for_month(month: int, dct: date | None, direction: int, rel: str | None) -> int | None:
    """Year of a month without one: "last"/"next" first, then the tense, else the nearest (a
    future reading must be twice as close)."""
    if dct is None:
        return None
    if rel == "last":
        return dct.year if month < dct.month else dct.year - 1
    if rel == "next":
        return dct.year if month > dct.month else dct.year + 1
    if rel == "this" or month == dct.month:
        return dct.year
    if direction > 0:
        return dct.year if month > dct.month else dct.year + 1
    if direction < 0:
        return dct.year if month < dct.month else dct.year - 1
    back = (dct.month - month) % 12
    return (
        dct.year - (1 if month > dct.month else 0)
        if back < 2 * ((month - dct.month) % 12)
        else (dct.year + (1 if month < dct.month else 0))
    )


def year_for_season(season: str, dct: date, direction: int, rel: str | None) -> int | None:
    """Year of a season without one (a winter belongs to the year it starts in)."""
    start = SEASON_MONTH[season]
    current = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}.get(
        dct.month, "WI"
    )
    winter_year = dct.year - 1 if dct.month < 3 else dct.year
    now = winter_year if current == "WI" else dct.year
    if season == current and rel in (None, "this"):
        return now
    earlier = SEASON_MONTH[current] > start if current != "WI" else True
    if rel == "this":
        return now
    if rel == "last" or (rel is None and direction < 0):
        return now if earlier and season != current else now - 1
    if rel == "next" or (rel is None and direction > 0):
        return now if not earlier else now + 1
    return now


def weekday_date(dct: date, wanted: int, direction: int, rel: str | None) -> date:
    """The weekday a reader means: same day as publication unless "last"/"next" say otherwise."""
    delta = wanted - dct.weekday()
    if rel == "last" or rel == "past":
        return dct - timedelta(days=(-delta) % 7 or 7)
    if rel == "next" or rel == "coming":
        return dct + timedelta(days=delta % 7 or 7)
    if delta == 0:
        return dct
    if direction > 0 or rel == "this":
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`-th given weekday of a month (the fourth Thursday of November)."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday_date(name: str, year: int) -> date:
    """The day of a named holiday (lower case, single spaces) in `year`."""
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name in ("black friday", "cyber monday"):  # the Friday and Monday after Thanksgiving
        return nth_weekday(year, 11, 3, 4) + timedelta(days=1 if name == "black friday" else 4)
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("halloween"):
        return date(year, 10, 31)
    if name.startswith("independence"):
        return date(year, 7, 4)
    if name.startswith("valentine"):
        return date(year, 2, 14)
    return nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # Election Day: Tuesday after the first Monday
