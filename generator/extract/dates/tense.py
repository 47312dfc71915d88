"""Which way a date points: back, ahead, or nowhere in particular, from the clause it is in.

Weekdays and bare months take their direction from the tense of the verb they hang on, and
that is the verb of their own clause: "the plane, which disappeared on Sunday" looks back
whatever the main clause says, "said on Monday that it will open on Friday" has one date each
way. Some words look ahead whatever the tense ("planned a rally on Saturday", "until March").
A direction read straight off a finite verb the date belongs to ("disappeared on Sunday",
"will open on Friday") is `certain`: the guard holds the value to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..spans import span_over
from ..syntax import (
    DASHES,
    FUTURE,
    PAST,
    PLUPERFECT,
    PROSPECTIVE,
    PROSPECTIVE_TO,
    UNKNOWN,
    governing_verb,
    is_reporting,
    verb_tense,
)

AHEAD_PREPS = {"until", "till"}
"""Prepositions that put their date ahead of the clause ("until March"); "by" does too, unless
the clause is in the past ("had finished by March")."""
AHEAD_PHRASES = ("as early as", "as soon as", "as late as")
TOPIC_PREPS = {"of", "about"}
"""Prepositions that give what a reporting verb speaks of ("told them of a cutback")."""
WILL = {"will", "'ll", "shall", "wo"}
AT = {"on", "in", "at", "during", "over", "throughout"}
"""Prepositions that put the verb's event at the date ("left on Monday"); "through", "by",
"until" and "from" give a bound, which may lie the other way."""
MOVING_VERBS = PROSPECTIVE_TO | {
    "postpone",
    "delay",
    "extend",
    "reschedule",
    "move",
    "push",
    "adjourn",
    "defer",
}
"""Verbs whose date is where something was put, not when the verb happened ("postponed the vote
to Friday"): their tense says nothing certain about the date."""
MOVED_TO = {"to", "through", "into"}
"""Prepositions that give where such a verb put something ("extended through January")."""


@dataclass(frozen=True)
class Reading:
    """The direction a date points in, and whether it comes straight from its own verb."""

    direction: int
    certain: bool = False


def direction(doc: Doc, kind: str, m: re.Match[str]) -> int:
    """PAST when the clause looks back, FUTURE when it looks ahead, PRESENT for a present tense
    (a schedule for weekdays, a state for months), UNKNOWN when the parse does not say."""
    return reading(doc, kind, m).direction


def reading(doc: Doc, kind: str, m: re.Match[str]) -> Reading:
    """The direction of the date at `m`, certain when a finite verb it belongs to gives it."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return Reading(UNKNOWN)
    last = span[-1]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "weekday" and (last.tag_ == "POS" or (nxt is not None and nxt.tag_ == "POS")):
        return Reading(PAST)
    root = span.root
    if any(a.lower_ == "since" for a in root.ancestors if a.pos_ == "ADP"):
        return Reading(PAST)
    tense, verb = _clause_tense(root)
    if tense == PLUPERFECT:
        return Reading(PAST)
    if _looks_ahead(span, tense, verb):
        return Reading(FUTURE)
    head = root.head
    compound = root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and kind != "weekday"
    if compound and not _spaced_dash(root, head):  # "in May - weeks after": a dash, no compound
        return Reading(UNKNOWN)
    if verb is not None and _spoken_of(root, verb):
        return Reading(UNKNOWN)
    certain = (
        verb is not None and _own_verb(root, verb) and (tense == PAST or (tense == FUTURE and _will(verb)))
    )
    return Reading(tense, certain)


def _spoken_of(root: Token, verb: Token) -> bool:
    """A date in what someone spoke of ("told oil companies of a cutback in September", "warned
    about a vote in June"): the topic of a reporting verb has no tense of its own, whatever the
    telling's."""
    if not is_reporting(verb):
        return False
    for a in root.ancestors:
        if a.i == verb.i:
            return False
        told = a.head.i == verb.i or (a.head.dep_ in ("dobj", "dative") and a.head.head.i == verb.i)
        if a.dep_ == "prep" and a.lower_ in TOPIC_PREPS and told:
            return True  # "told them of ...", also when the parse hangs "of" on "them"
    return False


def _spaced_dash(a: Token, b: Token) -> bool:
    """Whether a dash with spaces around it stands between two tokens: it separates them."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in DASHES and t.i > 0 and t.doc[t.i - 1].whitespace_ for t in a.doc[lo + 1 : hi])


def _looks_ahead(span: Span, tense: int, verb: Token | None) -> bool:
    """Words that put the date ahead of its clause: "until", "by" outside the past, "as early
    as", a plan or schedule ("planned a rally on Saturday", "a summit set for April")."""
    root = span.root
    head = root.head
    near = _below_verb(root)[:3]
    if any(a.lower_ in AHEAD_PREPS for a in near):
        return True
    moved = verb is not None and verb.lemma_.lower() in MOVING_VERBS
    if moved and any(a.lower_ in MOVED_TO for a in near):
        return True  # "extended the loans through January": where it was put lies ahead
    if tense not in (PAST, PLUPERFECT) and any(a.lower_ == "by" for a in near):
        return True
    if span.doc[max(0, span.start - 3) : span.start].text.lower() in AHEAD_PHRASES:
        return True
    governor = head.head if head.dep_ == "prep" else head
    after_verb = verb is None or verb.i < span.start
    if (
        after_verb
        and governor.lemma_.lower() in PROSPECTIVE
        and (governor.pos_ != "NOUN" or tense not in (PAST, PLUPERFECT))
    ):
        return True  # "planned a rally on Saturday"; "met the Tuesday deadline" is past
    if head.lower_ == "for" and governor.lemma_.lower() in PROSPECTIVE_TO:
        return True
    return _set_for(governor)


def _own_verb(root: Token, verb: Token) -> bool:
    """Whether the date is an adjunct of `verb` itself ("disappeared on Sunday", "sighted
    Monday"), a verb with a tense of its own that does not move things in time."""
    head = root.head
    attached = head.i == verb.i or (head.dep_ == "prep" and head.lower_ in AT and head.head.i == verb.i)
    return attached and verb_tense(verb) is not None and verb.lemma_.lower() not in MOVING_VERBS


def _will(verb: Token) -> bool:
    """A future said outright ("will open"), not a modal one ("would", "may")."""
    return any(c.dep_ == "aux" and c.lower_ in WILL for c in verb.children)


def _set_for(verb: Token) -> bool:
    """A participle that schedules its noun ("a summit set for Washington in April")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in PROSPECTIVE_TO
        and any(c.lower_ in ("for", "to") for c in verb.children)
    )


def _below_verb(root: Token) -> list[Token]:
    """The words between a date and the verb it hangs on ("until" in "stays until March"): a
    preposition above that verb belongs to another clause."""
    out = []
    for a in root.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            break
        out.append(a)
    return out


def _clause_tense(root: Token) -> tuple[int, Token | None]:
    """The tense of the first of up to four verbs above `root` that has one, and the verb the
    search stopped at."""
    verb = governing_verb(root)
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        tense = verb_tense(verb)
        if tense == FUTURE and _under_past_gerund(verb):
            return PAST, verb
        if tense is not None:
            return tense, verb
        verb = governing_verb(verb.head) if verb.head.i != verb.i else None
    return UNKNOWN, verb


def _under_past_gerund(verb: Token) -> bool:
    """An infinitive completing a gerund that a finite past verb governs: the gerund has no tense
    of its own and takes that verb's, and so does what it completes ("pleaded guilty to
    threatening to kill her in March" is a past March); a plan stays ahead ("planned on trying
    to open in March")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    gerund = governing_verb(verb.head) if verb.head.i != verb.i else None
    if gerund is None or gerund.tag_ != "VBG" or verb_tense(gerund) is not None:
        return False
    finite = governing_verb(gerund.head) if gerund.head.i != gerund.i else None
    for _ in range(3):
        if finite is None or finite.lemma_.lower() in PROSPECTIVE:
            return False
        tense = verb_tense(finite)
        if tense is not None:
            return tense in (PAST, PLUPERFECT)
        finite = governing_verb(finite.head) if finite.head.i != finite.i else None
    return False
