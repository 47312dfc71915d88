"""Rules for dates counted from publication or from the last date given: "last week", "three
years ago", "yesterday", "on Sunday", "Christmas", "that year"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..syntax import UNKNOWN, WEEKDAY_NUMBERS
from .anchors import Anchors, Value, day_off
from .calendar import add_months, add_quarters, holiday_date, iso_week, number_value, weekday_date
from .pieces import BOUND_SEP, DAY_OFF, MONTH, NUM, PART, UNITS_WORDS, WEEKDAY, YEAR, rule

STEPS = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "current": 0}


@rule(
    "unit_rel",
    r"(?i:\b(?:(?P<mod>earlier|later|early|late|mid)[-\s]+)?(?:the\s+end\s+of\s+)?"
    r"(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+coming|the\s+current)\s+"
    r"(?P<unit>week|month|year)(?:['’]s)?\b(?!\s*-?\s*(?:old|long)))",
)
def unit_rel(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "last week", "this month", "next year", "this past week"; "the past year", "the last
    week" alone are durations up to now ("for the last week"), no calendar unit."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    g = m.groupdict()
    words = g["rel"].lower().split()
    rel = words[-1]
    if words[0] == "the" and rel in ("past", "last", "coming") and not g.get("mod"):
        return None
    step = STEPS[rel]
    unit = g["unit"].lower()
    if unit == "week":
        return (iso_week(dct + timedelta(weeks=step)), None)
    if unit == "month":
        y, mo = add_months(dct.year, dct.month, step)
        return (f"{y:04d}-{mo:02d}", None)
    anchors.last_year = dct.year + step
    return (f"{dct.year + step:04d}", None)


@rule(
    "ago",
    rf"(?i:\b(?:(?:nearly|almost|about|roughly|some|more\s+than|over|just|exactly)\s+)?"
    rf"(?P<n>{NUM})(?:[- ](?P<n2>{UNITS_WORDS}))?\s+(?P<unit>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier)\b)",
)
def ago(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "three years ago", "twenty-five years earlier", "a week or so ago", at the unit's
    granularity."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    g = m.groupdict()
    n = number_value(g["n"]) + (number_value(g["n2"]) if g.get("n2") else 0)
    if n <= 0:
        return None
    unit = g["unit"].lower()
    if unit == "day":
        return ((dct - timedelta(days=n)).isoformat(), None)
    if unit == "week":
        return (iso_week(dct - timedelta(weeks=n)), None)
    if unit == "month":
        y, mo = add_months(dct.year, dct.month, -n)
        return (f"{y:04d}-{mo:02d}", None)
    years = n * (10 if unit == "decade" else 1)
    return (f"{dct.year - years:04d}", None)


@rule(
    "day_rel",
    r"(?i:\b(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<dba>before|after)\s+)?"
    r"(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!-))",
)
def day_rel(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "yesterday", "tonight", "the day after tomorrow"."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    g = m.groupdict()
    w = re.sub(r"\s+", " ", g["w"].lower())
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
    offset += {"before": -1, "after": 1}.get((g.get("dba") or "").lower(), 0)
    return ((dct + timedelta(days=offset)).isoformat(), None)


@rule(
    "weekday_range",
    rf"\b(?:(?:from\s+)?(?P<w>{WEEKDAY}){BOUND_SEP}|between\s+(?P<w1>{WEEKDAY})\s+and\s+)"
    rf"(?P<w2>{WEEKDAY})\b(?!,?\s+{MONTH})",
    present_looks_ahead=True,
)
def weekday_range(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "from Monday to Thursday", "between Monday and Thursday": the first day as "on Monday"
    would be, through the next Thursday ("made Friday and Thursday" is two days, no range)."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    g = m.groupdict()
    first = weekday_date(dct, WEEKDAY_NUMBERS[(g["w"] or g["w1"]).lower()], direction, None)
    last = first + timedelta(days=(WEEKDAY_NUMBERS[g["w2"].lower()] - first.weekday()) % 7)
    return (first.isoformat(), last.isoformat())


@rule(
    "weekday",
    rf"{DAY_OFF}(?:\b(?i:(?P<rel>last|next|this|this\s+coming|this\s+past|early|late|earlier|later)"
    rf"|(?P<ana>the\s+(?:previous|preceding|following|next)))\s+)?"
    rf"\b(?P<w>{WEEKDAY})(?:['’]s)?(?!s\b){PART}\b",
    present_looks_ahead=True,
)
def weekday(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "on Sunday": the one the tense points at ("opens on Sunday" ahead, "met on Sunday" back);
    "the previous Friday" the one before the day the text last gave ("closed lower Friday, down
    from the previous Friday"); "the day before last Tuesday" a day off."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    g = m.groupdict()
    wanted = WEEKDAY_NUMBERS[g["w"].lower()]
    ana = (g.get("ana") or "").lower().split()
    if ana:
        base = anchors.last_day or dct
        if ana[-1] in ("following", "next"):
            day = base + timedelta(days=(wanted - base.weekday()) % 7 or 7)
        else:
            day = base - timedelta(days=(base.weekday() - wanted) % 7 or 7)
    else:
        rel = (g.get("rel") or "").lower().split()
        day = weekday_date(dct, wanted, direction, rel[-1] if rel else None)
    return (day_off(m, day).isoformat(), None)


@rule(
    "weekend",
    r"(?i:(?<!\bthe\s)\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming)|the)\s+weekend\b"
    r"(?!s|\s+of\b))",
)
def weekend(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "over the weekend": Saturday to Sunday, the one the tense points at; on a weekend, that
    weekend itself unless "last"/"next" say otherwise."""
    dct = anchors.published
    if dct is None:
        return (None, None)
    rel = (m.groupdict().get("rel") or "").lower().split()
    step = STEPS.get(rel[-1], 0) if rel else 0
    wd = dct.weekday()
    saturday = dct + timedelta(days=5 - wd)  # this week's
    by_tense = not rel or rel == ["this"]  # "this weekend" in a past clause is the one just gone
    if wd >= 5:
        saturday += timedelta(weeks=step)
    elif step < 0 or (by_tense and (direction < 0 or (direction == UNKNOWN and wd < 3))):
        saturday -= timedelta(weeks=1)
    return (saturday.isoformat(), (saturday + timedelta(days=1)).isoformat())


@rule(
    "holiday",
    rf"{DAY_OFF}\b(?:(?i:(?P<rel>last|next|this))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)"
    rf"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Halloween|Independence\s+Day|Election\s+Day"
    rf"|Valentine's\s+Day|Black\s+Friday|Cyber\s+Monday)(?P<week>\s+week(?P<end>end)?)?(?:\s+(?P<y>{YEAR})|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)?\b",
)
def holiday(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "last Christmas", "Thanksgiving week", "Easter 2024", "Thanksgiving weekend last year";
    "Black Friday" is a named day, not the Friday of the week."""
    g = m.groupdict()
    name = re.sub(r"\s+", " ", (g["h"] or "").lower())
    year = g.get("y")
    if g.get("yrel"):
        if anchors.published is None:
            return (None, None)
        year = str(anchors.published.year + STEPS[g["yrel"].lower()])
    day = _holiday(name, year, g.get("rel"), anchors.published, UNKNOWN if g.get("week") else direction)
    if day is None:
        return (None, None)
    if g.get("end"):
        saturday = day + timedelta(days=(5 - day.weekday()) % 7)
        return (saturday.isoformat(), (saturday + timedelta(days=1)).isoformat())
    if g.get("week"):
        return (iso_week(day), None)
    return (day_off(m, day).isoformat(), None)


def _holiday(name: str, year: str | None, rel: str | None, dct: date | None, direction: int) -> date | None:
    """The occurrence of a holiday that the year, "last"/"next" or the tense point at."""
    if year:
        return holiday_date(name, int(year))
    if dct is None:
        return None
    this = holiday_date(name, dct.year)
    rel = (rel or "").lower()
    if rel == "last" or (not rel and direction < 0):
        return this if this < dct else holiday_date(name, dct.year - 1)
    if rel == "next" or (not rel and direction > 0):
        return this if this >= dct else holiday_date(name, dct.year + 1)
    return this


@rule(
    "anaphoric",
    r"(?i:\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same|the\s+following|the\s+previous|the\s+next"
    r"|the\s+preceding)\s+(?P<unit>year|quarter|month|day|morning|afternoon|evening|night)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same|the\s+following|the\s+previous"
    r"|the\s+preceding)\s+(?P<unit3>week)\b(?!\s+(?:of|before|after|ago|earlier|later)\b)"
    r"|\bthe\s+(?P<unit2>day|year)\s+(?:before|after|earlier|later)\b(?=\s*[,.;]))",
)
def anaphoric(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "That year", "that quarter", "the following month", "the day before": relative to the last
    date the text gave at that granularity, not to the publication date; a day or week ("that
    night", "later that week") only to a day named close before it (`Anchors.near_day`)."""
    text = re.sub(r"^(?:earlier|later)\s+", "", m.group(0).lower())  # "later that year" is that year
    g = m.groupdict()
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or "day").lower()
    step = (
        1
        if re.search(r"\b(?:following|next|after|later)\b", text)  # not "afternoon"
        else -1
        if re.search(r"\b(?:previous|preceding|before|earlier)\b", text)
        else 0
    )
    if unit == "year":
        return (f"{anchors.last_year + step:04d}", None) if anchors.last_year is not None else None
    if unit == "quarter":
        if anchors.recent_quarter is None:
            return None
        y, q = add_quarters(anchors.recent_quarter, step)
        return (f"{y:04d}-Q{q}", None)
    if unit == "month":
        if anchors.last_month is None:
            return None
        y, mo = add_months(*anchors.last_month, step)
        return (f"{y:04d}-{mo:02d}", None)
    day = anchors.near_day(m.string, m.start())
    if day is None:
        return None
    if unit == "week":
        return (iso_week(day + timedelta(weeks=step)), None)
    return ((day + timedelta(days=step)).isoformat(), None)


@rule("in_the", r"(?i:\b(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b)")
def in_the(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "earlier in the week": the week (month, year) of publication; "later in the day" the day
    the text named close before, like "later that day" (publication's when it named none)."""
    dct = anchors.published
    unit = m.groupdict()["unit"].lower()
    near = anchors.near_day(m.string, m.start()) if unit == "day" else None
    if near is not None:
        return (near.isoformat(), None)
    if dct is None:
        return (None, None)
    if unit == "day":
        return (dct.isoformat(), None)
    if unit == "week":
        return (iso_week(dct), None)
    return (f"{dct.year:04d}-{dct.month:02d}" if unit == "month" else f"{dct.year:04d}", None)
