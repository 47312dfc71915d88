"""The date rules in priority order, and where in the text they are tried.

Adding a kind of expression: write its rule (pattern and resolver together) in `day_rules`,
`period_rules` or `relative_rules`, and put it in `RULES`. On overlapping matches the longest
wins, then the one earlier in `RULES`.
"""

from __future__ import annotations

import re

from ..syntax import FUTURE, MONTH_NUMBERS, PAST, PRESENT, UNKNOWN, WEEKDAY_NUMBERS
from . import clock_rules as clock
from . import day_rules as day
from . import period_rules as period
from . import relative_rules as relative
from .anchors import Anchors, Value
from .pieces import Rule

RULES: tuple[Rule, ...] = (
    day.iso,
    day.numeric,
    day.md_range,
    day.dm_range,
    day.md,
    day.md_paren,
    day.dm,
    day.week_of,
    period.month,
    period.quarter,
    period.this_quarter,
    period.the_quarter,
    period.year_ago,
    period.part_of_year,
    period.season,
    relative.unit_rel,
    relative.ago,
    relative.day_rel,
    relative.weekday_range,
    relative.weekday,
    relative.weekend,
    relative.holiday,
    period.the_year,
    period.decade,
    period.year,
    relative.anaphoric,
    relative.in_the,
    clock.clock,
)
RANK = {r.kind: i for i, r in enumerate(RULES)}

# Every pattern above contains one of these words or a year-like number; WINDOW covers the rest.
TRIGGER = re.compile(r"\b\d{4}s?\b|\d/\d|'\d0s|\d\s?[APap]\.?[Mm]\b|[A-Za-z]+")
TRIGGER_WORDS = frozenset(
    [*MONTH_NUMBERS, "sept", *WEEKDAY_NUMBERS, *(w + "s" for w in WEEKDAY_NUMBERS), "week", "weeks", "month",
     "months", "year", "years", "quarter", "period", "today", "tonight", "yesterday", "tomorrow", "night",
     "morning", "afternoon", "evening", "spring", "summer", "fall", "autumn", "winter", "christmas", "new",
     "thanksgiving", "easter", "halloween", "independence", "election", "valentine", "day", "days",
     "decade", "decades", "nineteen", "thousand", "weekend", "half", "noon", "midnight", "midday"]
)  # fmt: skip
WINDOW = 40


DIGIT = "0-9"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
UNITS = ("week", "month", "year")
NEEDLES: dict[str, tuple[str, ...]] = {
    "iso": (DIGIT,), "numeric": (DIGIT,), "decade": (DIGIT,), "year": (DIGIT, "nineteen", "thousand"),
    **dict.fromkeys(["md_range", "dm_range", "md", "md_paren", "dm", "week_of", "month"], MONTHS),
    "quarter": ("quarter",), "the_quarter": ("quarter",), "this_quarter": ("quarter", "period"),
    "year_ago": ("year",), "the_year": ("year",), "part_of_year": ("months", "half"), "unit_rel": UNITS,
    "in_the": (*UNITS, "day"),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "ago": ("ago", "earlier"),
    "day_rel": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"),
    "weekday_range": ("day",), "weekday": ("day",), "weekend": ("weekend",),
    "holiday": ("christmas", "new year", "thanksgiving", "easter", "halloween", "independence", "election",
                "valentine", "black friday", "cyber monday"),
    "clock": (DIGIT, "noon", "midnight", "midday", "mid"),
    "anaphoric": ("year", "quarter", "month", "day", "morning", "afternoon", "evening", "night", "week"),
}  # fmt: skip
"""Words (lower case) without one of which a rule cannot match a window (`DIGIT`: any digit):
the full patterns run only where they could."""


def candidates(text: str) -> list[tuple[Rule, re.Match[str]]]:
    """Non-overlapping matches of all rules, longest first, in text order."""
    found: list[tuple[Rule, re.Match[str]]] = []
    for start, end in _windows(text):
        low = text[start:end].lower()
        digits = any(c.isdigit() for c in low)
        for r in RULES:
            needles = NEEDLES.get(r.kind)
            if needles is not None and not any(n in low if n != DIGIT else digits for n in needles):
                continue
            found.extend((r, m) for m in r.pattern.finditer(text, start, end) if m.end() > m.start())
    found.sort(key=lambda rm: (-(rm[1].end() - rm[1].start()), RANK[rm[0].kind], rm[1].start()))
    taken: list[tuple[int, int]] = []
    out = []
    for r, m in found:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        out.append((r, m))
    return sorted(out, key=lambda rm: rm[1].start())


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around a word every expression contains (a digit, a month, "week"...),
    widened to whole words: the full patterns run only there, which keeps extraction cheap."""
    out: list[tuple[int, int]] = []
    for m in TRIGGER.finditer(text):
        word = m.group(0)
        if word[0].isalpha() and word.lower() not in TRIGGER_WORDS:
            continue
        start = max(0, m.start() - WINDOW)
        end = min(len(text), m.end() + WINDOW)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def resolve(rule: Rule, m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """(date, end) for one match, its own "last"/"next" overriding the tense; None when the match
    is not a calendar point after all."""
    rel = (m.groupdict().get("rel") or "").lower().split()
    if rel and rel[-1] in ("last", "past"):
        direction = PAST
    elif rel and rel[-1] in ("next", "coming"):
        direction = FUTURE
    if direction == PRESENT and not rule.present_looks_ahead:
        direction = UNKNOWN
    return rule.resolve(m, anchors, direction)
