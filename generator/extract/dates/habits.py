"""Habits: a month or weekday the text gives as a custom or a standing rule, not as a date.

"The market opens in June every year", "every November", "each spring", "usually closes on
Sunday": TimeML would leave the year out (`XXXX-06`, a set), and a timeline has no place for a
date that recurs, so the expression is no entry. Only expressions whose year comes from the
tense are read so: "every year since 2010" or "in June 2019" say where they are themselves.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..spans import span_over
from ..syntax import governing_verb
from .guard import COUNTED_FROM_TEXT, tense_dependent
from .pieces import Rule

EVERY = {"every", "each"}
"""Determiners that make a date a recurring one ("every November", "each spring")."""
ORDINALS = {"other", "second", "third", "fourth"}
"""Words between "every" and the date ("every other Friday")."""
HABIT_ADVERBS = {
    "annually",
    "yearly",
    "usually",
    "typically",
    "normally",
    "traditionally",
    "customarily",
    "routinely",
    "regularly",
}
"""Adverbs that make the clause a habit: its month or weekday is a custom, not one day."""
ADVISING = {"recommend", "advise"}
"""Verbs that, in the present simple with a generic object, state a standing rule ("the CDC
recommends all individuals get a flu vaccine by the end of October")."""
GENERIC_PRONOUNS = {"everyone", "everybody", "anyone", "anybody", "people", "you"}
GENERIC_DETERMINERS = {"all", "any", "most"}
RECURRING_UNITS = {"year", "month", "week", "day", "spring", "summer", "fall", "autumn", "winter", "season"}
"""Time nouns that recur after "every" ("opens in June every year")."""


def habitual(doc: Doc, rule: Rule, m: re.Match[str]) -> bool:
    """Whether the expression at `m` recurs: "every" before it, or a habit in its clause
    ("every year", "annually", "usually")."""
    if rule.kind in COUNTED_FROM_TEXT or not tense_dependent(rule, m):
        return False
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return False
    if _after_every(doc, span.start):
        return True
    verb = governing_verb(span.root)
    return verb is not None and (any(_frequency(c) for c in verb.children) or _standing_advice(verb))


def _after_every(doc: Doc, start: int) -> bool:
    """ "every November", "each spring", "every other Friday"."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before and before[-1] in EVERY:
        return True
    return len(before) == 2 and before[0] in EVERY and before[1] in ORDINALS


def _frequency(tok: Token) -> bool:
    """A word of the clause that makes it recur: "annually", "usually", "every year"."""
    if tok.lower_ in HABIT_ADVERBS:
        return True
    return tok.lemma_.lower() in RECURRING_UNITS and any(c.lower_ in EVERY for c in tok.children)


def _standing_advice(verb: Token) -> bool:
    """A date in what a present-simple recommendation asks of people in general ("the CDC
    recommends all individuals get a vaccine by the end of October", "experts advise getting the
    shot before November"): a rule that stands every year, no dated event. A recommendation
    made once ("recommended on Monday", "recommends that the council vote in March") is not."""
    for _ in range(2):
        if verb.lemma_.lower() in ADVISING:
            break
        if verb.head.i == verb.i or verb.dep_ not in ("ccomp", "xcomp"):
            return False
        verb = verb.head
    else:
        return False
    present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return present and verb.lemma_.lower() in ADVISING and any(_generic(c) for c in verb.children)


def _generic(tok: Token) -> bool:
    """What is asked of people or done in general: "all individuals", "that everyone get",
    "getting the shot"; not "the council"."""
    if tok.dep_ in ("dobj", "xcomp", "ccomp") and tok.tag_ == "VBG":
        return True
    if tok.dep_ == "ccomp":
        return any(_people(c) for c in tok.children if c.dep_ == "nsubj")
    return tok.dep_ == "dobj" and _people(tok)


def _people(tok: Token) -> bool:
    """People in general: a bare or "all" plural, "everyone", "you"."""
    if tok.lower_ in GENERIC_PRONOUNS:
        return True
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "predet", "nummod")]
    return tok.tag_ == "NNS" and all(d in GENERIC_DETERMINERS for d in dets)
