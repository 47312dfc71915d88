"""The guard: what the text tells in the past happened by publication, what it tells in the
future had not happened yet, unless the expression says where it is on its own.

"The plane, which disappeared on Sunday" in a Tuesday story is the Sunday before. The rules
resolve with the direction of the verb the expression hangs on (`tense`); whatever a rule
makes of it, a value that contradicts that direction is not shown: the entry keeps its text
with no date, for an editor, rather than a past event in the future. Written years ("March
2015"), weekdays of a written day, and "last"/"next"/"ago" are the text's own word.
"""

from __future__ import annotations

import re
from datetime import date

from ...periods import Period
from ..syntax import FUTURE, PAST
from .anchors import Value
from .pieces import Rule
from .tense import Reading

TENSE_KINDS = frozenset(
    [
        "md",
        "dm",
        "md_paren",
        "week_of",
        "month",
        "quarter",
        "season",
        "weekday",
        "weekday_range",
        "weekend",
        "holiday",
    ]
)
"""Kinds whose value depends on the tense when the text gives no year and no "last"/"next"."""
OWN_WORDS = ("y", "y2", "qy", "fy", "rel", "yrel", "poss", "wd")
"""Pattern groups that place an expression by themselves: a written year, "last", "next year",
the weekday of a month-day ("Friday, Dec. 26" is the Dec. 26 that falls on a Friday)."""


YEAR_PLACED = frozenset(["md", "dm", "md_paren", "month", "quarter", "season", "holiday"])
"""Kinds whose tense only chose the year: the other year is the reading left to try."""
COUNTED_FROM_TEXT = frozenset(["anaphoric"])
"""Kinds counted from the last date the text gave ("the following day"): guarded too, since
that date may belong to another story line."""


def tense_dependent(rule: Rule, m: re.Match[str]) -> bool:
    """Whether the value of this match comes from the tense (not from the words themselves)."""
    if rule.kind in COUNTED_FROM_TEXT:
        return True
    if rule.kind not in TENSE_KINDS:
        return False
    groups = m.groupdict()
    return not any(groups.get(name) for name in OWN_WORDS)


def contradicts(value: Value, published: date, direction: int) -> bool:
    """A past value that starts after publication, or a future one that ended before it."""
    first = Period.maybe(value[0])
    last = Period.maybe(value[1] or value[0])
    if first is None or last is None:
        return False
    if direction == PAST:
        return first.first > published
    if direction == FUTURE:
        return last.last < published
    return False


def guarded(
    rule: Rule, m: re.Match[str], published: date | None, way: Reading, value: Value | None
) -> Value | None:
    """`value`; when a certain tense contradicts it, the same date a year the other way (a
    month-day read as next December in a past clause is last December), else no date."""
    if value is None or published is None or not way.certain or not tense_dependent(rule, m):
        return value
    if not contradicts(value, published, way.direction):
        return value
    if rule.kind not in YEAR_PLACED:
        return (None, None)  # a weekday or "the following morning": no other year to try
    moved = (_shift(value[0], way.direction), _shift(value[1], way.direction))
    if moved[0] is not None and not contradicts(moved, published, way.direction):
        return moved
    return (None, None)


def _shift(value: str | None, years: int) -> str | None:
    """The value `years` later (earlier when negative); None for a week, whose number does not
    carry over, or a day the other year lacks (February 29)."""
    if value is None or "W" in value:
        return None
    moved = f"{int(value[:4]) + years:04d}{value[4:]}"
    return moved if Period.maybe(moved) is not None else None
