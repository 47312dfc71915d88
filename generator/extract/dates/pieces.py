"""What a date rule is made of: a pattern, built from the pieces below, and its resolver.

Detection is regular expressions over the text (fast, predictable); each `Rule` keeps its
pattern next to the function that turns a match into an ISO value. `rules.RULES` orders them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .anchors import Anchors, Value

Resolver = Callable[[re.Match[str], Anchors, int], Value | None]
"""(match, anchors, direction) -> (date, end); None when the match is no calendar point after all."""


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: its pattern and how a match of it is resolved."""

    kind: str
    pattern: re.Pattern[str]
    resolve: Resolver
    present_looks_ahead: bool = False
    """A present tense points ahead ("opens on Sunday": a schedule); elsewhere it says nothing."""

    def alike(self, kind: str, pattern: str) -> Rule:
        """Another kind written differently and resolved the same way."""
        return Rule(kind, re.compile(pattern), self.resolve, self.present_looks_ahead)


def rule(kind: str, pattern: str, present_looks_ahead: bool = False) -> Callable[[Resolver], Rule]:
    """Decorator: the resolver below is the rule for `kind`, written as `pattern`."""

    def make(resolve: Resolver) -> Rule:
        return Rule(kind, re.compile(pattern), resolve, present_looks_ahead)

    return make


UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
TEENS_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Month names must be capitalised ("may", "march" are verbs); abbreviations may carry a period.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ORDINAL_DAY = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth"
)
DIGIT_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY = rf"(?:{DIGIT_DAY}|(?:{ORDINAL_DAY})\b(?![-'’]))"
"""A day of the month, in figures ("4", "4th") or spelled as an ordinal ("March eighth", as
transcripts write it)."""
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:nineteen[- ](?:hundred|{TEENS_WORDS}|(?:{TENS_WORDS})(?:[- ](?:{UNITS_WORDS}))?)"
    rf"|two[- ]thousand(?:[- ](?:and[- ])?(?:{UNITS_WORDS}|{TEENS_WORDS}))?)"
)
ANYYEAR = rf"(?:{YEAR}|{SPELLED_YEAR})"
RANGE_SEP = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
BOUND_SEP = r"\s*(?:-|–|—|to|through|until|till)\s*"
"""A range's joint without "and": "Friday and Thursday" are two days unless "between" opens them."""
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
REL = r"(?:last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming)"
NUM = rf"(?:\d{{1,3}}|a|an|{UNITS_WORDS}|{TEENS_WORDS}|{TENS_WORDS})"
DAY_OFF = r"(?:\b(?i:the\s+day\s+(?P<dba>before|after))\s+)?"
"""A day off the date that follows: "the day before last Tuesday", "the day after Christmas"."""
EDGE = r"(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"
