"""Clock times with no day word: "at 6 a.m.", "around 7:15 p.m.", "by mid afternoon", "at midday".

A time of day happens on the day the narrative is on: the day named close before it ("off the
coast Sunday. ... the attack happened at around 11 a.m." is Sunday), else, in the past tense,
the day of publication only in a story's opening paragraphs (a news lede tells its own day).
A time next to its day ("at 10:35 a.m. (0735 GMT) Friday", "On Friday (Dec. 12) at 8 p.m.") is
one mention, dated by the day's own rule; opening hours, kickoffs and timetables ("Tue - Sat
4PM", "a 1 p.m. start") are no event and not taken: a time counts after "at", "by", "until",
"around" and the like.
"""

from __future__ import annotations

import re

from ..syntax import FUTURE, PAST
from .anchors import CLOCK_PARAGRAPHS, Anchors, Value
from .pieces import MONTH, NUM, WEEKDAY, rule

DAY_WORD = rf"(?:{WEEKDAY}|(?i:today|tonight|yesterday|tomorrow)\b|{MONTH}\s+\d|(?i:{NUM})\s+days?\b)"
"""Words that give a time its day ("Friday", "Nov. 6", "ten days before")."""
DAY_LATER = re.compile(rf"(?:[ap]\.m\.|[^.;!?\n]){{0,80}}?{DAY_WORD}")
"""A day later in the sentence: "at 4 in the morning (4 a.m. EDT Thursday)", "at 6 a.m. near his
home ten days before the murder"."""
DAY_BEFORE = re.compile(
    rf"{DAY_WORD}[^.;\n]{{0,12}}?(?:\s+(?:morning|afternoon|evening|night))?\s*(?:\([^)]{{0,20}}\))?\s*,?\s*"
    r"(?i:at|around|about|by|from|until|till|before|after|shortly\s+(?:before|after))\s+$"
)
"""A day right before the time: "On Friday (Dec. 12) at 8 p.m.", "Sunday morning at"."""
PREPOSED = re.compile(r"(?i:\b(?:at|by|until|till|before|after|since|from|past)\s+$)")
"""The words that make a time the time of an event ("happened at ...", "by mid afternoon")."""
LEDE_PARAGRAPHS = 2
"""Paragraph breaks before a time that still count as a story's opening, which tells its own day."""


@rule(
    "clock",
    r"(?i:\b(?P<approx>(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?:(?P<h>1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]\.m\b\.?|[ap]m\b)"
    r"|(?P<h2>1[0-2]|0?[1-9])\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening)\b"
    r"|(?P<n>noon|midnight|midday|mid[-\s]?(?:morning|afternoon))\b))"
    r"(?:\s+(?i:local\s+time)\b|\s+(?:[ECMP][SD]?T|E\.T\.|GMT|UTC)(?![\w.]))?",
)
def clock(m: re.Match[str], anchors: Anchors, direction: int) -> Value | None:
    """ "at 6 a.m.": the day the narrative is on, when the tense of the time's own verb agrees (a
    past at or before publication, a future at or after it; a present tells no day); None when
    the time has a day of its own, is no event's time, or no day can be told."""
    text, start, end = m.string, m.start(), m.end()
    before = text[max(0, start - 60) : start]
    if not m.group("approx") and PREPOSED.search(before[-12:]) is None:
        return None
    if DAY_BEFORE.search(before) or DAY_LATER.match(text, end):
        return None
    day = anchors.near_day(text, start, CLOCK_PARAGRAPHS)
    published = anchors.published
    if day is None and direction == PAST and text.count("\n\n", 0, start) <= LEDE_PARAGRAPHS:
        day = published  # a news lede tells its own day
    if day is None or published is None:
        return None
    if (direction == PAST and day <= published) or (direction == FUTURE and day >= published):
        return (day.isoformat(), None)
    return None  # "hosts a call at 9 a.m." after "reports earnings Wednesday": no day told
