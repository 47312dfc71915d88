"""Quoted days: "yesterday" in a quotation counts from the day it was said, when the text says.

"'We met yesterday,' he said on Monday" in a Wednesday story met on Sunday: the speaker's
"yesterday", "today", "this week" are the speaker's, and the reporting verb's own date is that
day. Without a date on the reporting verb ("he said") the quotation speaks from publication.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from ..quotes.marks import CLOSE_D, OPEN_D, STRAIGHT_D
from ..spans import span_over
from ..syntax import governing_verb, is_reporting
from .anchors import FROM_PUBLICATION, Anchors
from .guard import guarded
from .pieces import Rule
from .rules import resolve
from .tense import reading

RELATIVE = ("day_rel", "unit_rel")
"""Kinds that cannot date the reporting verb themselves: they are what is re-read."""
REACH = 600
"""How far a quotation may run on from the expression to its closing mark (characters)."""


def said_on(
    doc: Doc, text: str, rule: Rule, m: re.Match[str], matches: Sequence[tuple[Rule, re.Match[str]]],
    published: date | None,
) -> date | None:  # fmt: skip
    """The day the quotation around `m` was said, when its reporting verb has a date of its own
    ("..., he said on Monday"); None outside a quotation, or when the text gives no such day."""
    if published is None or rule.kind not in FROM_PUBLICATION:
        return None
    bounds = _quotation(text, m.start())
    if bounds is None:
        return None
    verb = _reporting_verb(doc, *bounds)
    if verb is None:
        return None
    sent = verb.sent
    for other, n in matches:
        inside = bounds[0] <= n.start() < bounds[1]
        if inside or not sent.start_char <= n.start() < sent.end_char or other.kind in RELATIVE:
            continue
        day = _verb_day(doc, other, n, verb, published)
        if day is not None:
            return day
    return None


def _quotation(text: str, at: int) -> tuple[int, int] | None:
    """(open, close) offsets of the quotation `at` lies in, within its paragraph: in double
    marks, else in single curly ones ("‘We met yesterday,’ he said")."""
    start = max(text.rfind("\n", 0, at), 0)
    marks = [i for i in range(start, at) if text[i] in OPEN_D + CLOSE_D + STRAIGHT_D]
    if not marks:
        return _single(text, start, at)
    opened = text[marks[-1]] in OPEN_D or (
        text[marks[-1]] in STRAIGHT_D and sum(text[i] in STRAIGHT_D for i in marks) % 2 == 1
    )
    if not opened:
        return None
    stop = text.find("\n", at)
    stop = len(text) if stop < 0 else min(stop, at + REACH)
    close = next((i for i in range(at, stop) if text[i] in CLOSE_D + STRAIGHT_D), None)
    return None if close is None else (marks[-1], close)


def _single(text: str, start: int, at: int) -> tuple[int, int] | None:
    """(open, close) of a quotation in single curly marks around `at`; a "’" inside a word
    ("don’t") is an apostrophe, not the close."""
    opening = text.rfind("‘", start, at)
    if opening < 0 or any(_closes(text, i) for i in range(opening, at) if text[i] == "’"):
        return None
    stop = text.find("\n", at)
    stop = len(text) if stop < 0 else min(stop, at + REACH)
    close = next((i for i in range(at, stop) if text[i] == "’" and _closes(text, i)), None)
    return None if close is None else (opening, close)


def _closes(text: str, i: int) -> bool:
    """Whether the "’" at `i` closes a quotation: no letter right after it."""
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def _reporting_verb(doc: Doc, start: int, close: int) -> Token | None:
    """The verb that reports the quotation: after its close in the same sentence ("," he said)
    or before its opening (He said on Monday: "...")."""
    closing = span_over(doc, close, close + 1)
    opening = span_over(doc, start, start + 1)
    outside: list[Token] = []
    if closing is not None:
        mark = closing[-1]
        sent = mark.sent
        if mark.i == sent.end - 1 and sent.end < len(doc):
            sent = doc[sent.end].sent  # ".” He said on Monday": the next sentence
        outside += [t for t in sent if t.i > mark.i]
    if opening is not None:
        mark = opening[0]
        outside += [t for t in mark.sent if t.i < mark.i]
    return next((t for t in outside if is_reporting(t)), None)


def _verb_day(doc: Doc, rule: Rule, m: re.Match[str], verb: Token, published: date) -> date | None:
    """The day the date at `m` gives, when it dates `verb`."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return None
    on = governing_verb(span.root)
    if on is None or (on != verb and not (on.dep_ == "advcl" and on.head == verb and on.tag_ == "VBG")):
        return None  # "Speaking to reporters on Monday, he said" dates the saying too
    way = reading(doc, rule.kind, m)
    value = guarded(rule, m, published, way, resolve(rule, m, Anchors(published), way.direction))
    if value is None or value[1] is not None or value[0] is None or len(value[0]) != 10:
        return None
    return date.fromisoformat(value[0])
