"""An audit of a finished timeline against the parse: no event the text tells in the past is
dated after publication, none it tells in the future before it.

Independent of how the dates were resolved (`tense`, `guard`): it reads each dated entry's own
verb afresh, with the plain tense helpers every extractor shares, and reports the entries that
contradict it. `bench/dates_audit.py` runs it over whole corpora; the tests hold it to zero on
sentences from real articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ...model import TimelineEntry
from ...periods import Period
from ..spans import span_over
from ..syntax import PROSPECTIVE_TO, governing_verb, is_past_clause

BOUNDS = {"until", "till", "through", "by", "to", "for", "before", "after", "from", "since", "between"}
"""Prepositions that give a bound or a target, not the time of the verb's event."""
MOVING = PROSPECTIVE_TO | {"postpone", "delay", "extend", "reschedule", "move", "push", "adjourn", "defer"}
"""Verbs that put something at a date rather than happen on it."""
OWN_WORDS = re.compile(
    r"(?i)\b\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:nineteen|thousand|next|coming|tomorrow|ago|yesterday|last"
    r"|previous|following|earlier|later)\b"
)
"""A written year, or a word that says which way on its own ("next year", "two days ago"): the
text's own word. A past verb with "next year" is a parse that hung the date on the wrong verb."""


@dataclass(frozen=True)
class Contradiction:
    """A dated entry whose own verb says the other way: what was written, its value, the verb."""

    text: str
    date: str
    verb: str
    sentence: str


def contradictions(
    doc: Doc, timeline: Sequence[TimelineEntry], published: date | None
) -> Iterator[Contradiction]:
    """Entries told in the past (a finite past verb the date belongs to: "disappeared on Sunday")
    but dated after `published`, and entries told with "will" dated before it. Written years and
    "next"/"last"/"ago" are the text's own word and not audited."""
    if published is None:
        return
    for entry in timeline:
        period = Period.maybe(entry.date)
        if period is None or entry.span is None or OWN_WORDS.search(entry.text):
            continue
        span = span_over(doc, *entry.span)
        verb = _own_verb(span.root) if span is not None else None
        if verb is None or span is None:
            continue
        last = Period.maybe(entry.end) or period
        told_past = is_past_clause(verb) or (
            verb.tag_ == "VBN" and verb.dep_ == "acl"
        )  # "a spill sighted Monday"
        past = told_past and period.first > published
        future = _will(verb) and last.last < published
        if past or future:
            yield Contradiction(entry.text, entry.date or "", verb.text, span.sent.text.strip())


def _own_verb(root: Token) -> Token | None:
    """The verb whose event the date times: the first verb above it, reached through at most a
    preposition of time ("on", "in", "at"), and not a verb that schedules or moves things."""
    head = root.head
    if head.dep_ == "prep" and head.lower_ in BOUNDS:
        return None
    if head.dep_ == "prep":
        head = head.head
    verb = governing_verb(root)
    if verb is None or verb.i != head.i or verb.lemma_.lower() in MOVING:
        return None
    return verb


def _will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)
