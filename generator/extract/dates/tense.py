"""Which way a date points: back, ahead, or nowhere in particular, from the clause it is in.

Weekdays and bare months take their direction from the tense of the verb they hang on ("opens
on Sunday" looks ahead, "met on Monday" looks back), with words that look ahead whatever the
tense ("planned a rally on Saturday", "until March").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..syntax import (
    FUTURE,
    PAST,
    PLUPERFECT,
    PROSPECTIVE,
    PROSPECTIVE_TO,
    UNKNOWN,
    governing_verb,
    span_over,
    verb_tense,
)

AHEAD_PREPS = {"until", "till", "by"}
"""Prepositions that put their date ahead of the clause ("until March")."""
AHEAD_PHRASES = ("as early as", "as soon as", "as late as")


def direction(doc: Doc, kind: str, m: re.Match[str]) -> int:
    """PAST when the clause looks back, FUTURE when it looks ahead, PRESENT for a present tense
    (a schedule for weekdays, a state for months), UNKNOWN when the parse does not say."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return UNKNOWN
    last = span[-1]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "weekday" and (last.tag_ == "POS" or (nxt is not None and nxt.tag_ == "POS")):
        return PAST
    if any(a.lower_ == "since" for a in span.root.ancestors if a.pos_ == "ADP"):
        return PAST
    root = span.root
    head = root.head
    tense, verb = _clause_tense(root)
    if tense == PLUPERFECT:
        return PAST
    after_verb = verb is None or verb.i < span.start
    near = [a for a in root.ancestors if a.pos_ not in ("VERB", "AUX")][:3]
    if any(a.lower_ in AHEAD_PREPS for a in near):
        return FUTURE
    if span.doc[max(0, span.start - 3) : span.start].text.lower() in AHEAD_PHRASES:
        return FUTURE
    governor = head.head if head.dep_ == "prep" else head
    if after_verb and governor.lemma_.lower() in PROSPECTIVE:
        return FUTURE
    if head.lower_ == "for" and governor.lemma_.lower() in PROSPECTIVE_TO:
        return FUTURE
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and kind != "weekday":
        return UNKNOWN
    return tense


def _clause_tense(root: Token) -> tuple[int, Token | None]:
    """The tense of the first of up to four verbs above `root` that has one, and the verb the
    search stopped at."""
    verb = governing_verb(root)
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        tense = verb_tense(verb)
        if tense is not None:
            return tense, verb
        verb = governing_verb(verb.head) if verb.head.i != verb.i else None
    return UNKNOWN, verb
