"""Cues where something is asked for or announced: a demand ("X urged Y to ..."), a stated
concern, an event scheduled after publication."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Span, Token

from ...model import TimelineEntry
from ..syntax import clause_subject, is_past_clause, join_names_whole
from .cue import LIGHT_VERBS, WEAK_KEY, Cue, char_span, end_of, keys_of_clause, stem
from .phrasing import inside, noun_phrase, yes_no

VAGUE_CONCERNS = {"future", "situation", "thing", "this", "that", "it", "matter", "issue"}
"""Concerns too vague to ask about ("concerned about the future")."""


def demand(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X calls on Y to VP', 'X urged Y to VP', 'X demanded that Y VP': will Y do it?"""
    if tok.dep_ in ("acl", "relcl", "amod"):
        return  # "a policy urging employees to ...": describes a thing, raises no issue
    target: Token | None = None
    action: Token | None = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            target = next((p for p in c.children if p.dep_ == "pobj"), target)
        elif c.dep_ == "dobj" and tok.lemma_ != "call":
            target = c
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            action = c
    if action is None:
        return
    if action.dep_ == "ccomp" and not any(m.lower_ == "that" for m in action.children):
        return
    if action.dep_ == "xcomp" and (target is None or target.pos_ == "PRON"):
        return
    q = yes_no(action, subject=target if action.dep_ == "xcomp" else None, trim=True)
    keys = keys_of_clause(action)
    if target is not None and target.pos_ == "PROPN":
        keys |= {WEAK_KEY + target.lemma_.lower()}  # the same demand on the same person, said twice
    yield Cue("demand", sent, q, keys, (tok.idx, end_of(action)))


def concern(tok: Token, sent: Span) -> Iterator[Cue]:
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "by")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or tok.head.tag_ == "VBD":
        return
    subj = clause_subject(tok.head)
    if subj is not None and subj.pos_ == "PRON":
        return  # "I am concerned about his stance": whose concern and stance is lost
    about = join_names_whole(t for t in obj.subtree if not inside(t, obj, ("relcl", "appos")))
    about = re.sub(r",?\s*(as well as|and)\s+", " and ", about).rstrip(", ")
    if not any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in VAGUE_CONCERNS for t in obj.subtree):
        return
    owner = noun_phrase(subj, keep_det=subj.pos_ == "NOUN", trim=True) if subj is not None else ""
    if subj is not None and subj.pos_ in ("PROPN", "NOUN") and len(owner.split()) <= 3:
        mark = "’" if subj.tag_ == "NNS" else "’s"
        q = f"Will {owner}{mark} concerns about {about} be addressed?"
    else:
        q = f"Will the concerns about {about} be addressed?"
    keys = frozenset({stem(t.lemma_) for t in obj.subtree if t.pos_ == "NOUN" and not t.is_stop})
    yield Cue("concern", sent, q, keys, char_span(tok.head))


def scheduled(
    tok: Token, sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    """An event announced for a date after publication: will it happen, and what will it bring?"""
    if published is None:
        return
    verb = tok.head if tok.lower_ == "will" else next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if verb is None or verb.pos_ != "VERB" or (tok.lower_ != "will" and is_past_clause(tok)):
        return
    if verb.lemma_ in LIGHT_VERBS or verb.dep_ in ("relcl", "acl"):
        return
    lo = min(t.idx for t in verb.subtree)
    hi = max(t.idx + len(t) for t in verb.subtree)
    future = [
        e
        for e in timeline
        if e.span and e.date and lo <= e.span[0] < hi and e.date[:10] > published.isoformat()
    ]
    if not future:
        return
    subj = clause_subject(verb) or clause_subject(tok.head)
    if subj is None or subj.pos_ == "PRON":
        return
    # No grouping keys: two announced events share verbs ("hold") but are different issues.
    yield Cue("scheduled", sent, yes_no(verb, subject=subj), frozenset(), (lo, hi))
