"""Cues where the story says something is kept from view: "to keep details of her medical
treatment under wraps", "is withholding the results of the review". What is hidden is what a
reader asks about ("What are the details of her medical treatment?").

Only what is still kept back counts: "kept the details secret" in the past may be out by now.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import is_past_clause, negated
from .cue import Cue, char_span, keys_of, stem
from .wording import SIDE_CLAUSES, finish, inside, phrase_text

HIDING = {"conceal", "withhold", "hide", "suppress"}
KEEPING_FROM_VIEW = {"wraps", "secret", "hidden", "private", "confidential", "quiet", "undisclosed"}
"""What "keep ..." is said with when the thing is kept from view ("keep ... under wraps")."""
PARTS = {
    "detail", "result", "content", "finding", "nature", "extent", "cause", "identity", "source",
    "terms", "size", "amount", "name", "reason",
}  # fmt: skip
"""Nouns for the part of a matter that is hidden ("the details of", "the results of")."""


def hidden(verb: Token, sent: Span) -> Iterator[Cue]:
    """'... to keep details of her medical treatment under wraps' -> 'What are the details of
    her medical treatment?'"""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or negated(verb) or is_past_clause(verb) or verb.dep_ in ("amod", "relcl"):
        return  # "kept the details secret": told of the past, they may be out by now
    if lemma == "keep" and not any(t.lower_ in KEEPING_FROM_VIEW for t in verb.subtree if t.i > verb.i):
        return  # "keep the details in mind"
    part = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if part is None or part.lemma_.lower() not in PARTS:
        return
    of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    if what is None:
        return
    cut = {t.i for p in what.subtree if p.dep_ == "prep" and p.lower_ != "of" for t in p.subtree}
    words = [t for t in what.subtree if t.i not in cut and not inside(t, what, SIDE_CLAUSES)]
    if any(t.lower_ in KEEPING_FROM_VIEW for t in words):
        return  # the parse hung "secret" on the object: where the phrase ends, it cannot tell
    be = "are" if part.tag_ == "NNS" else "is"
    q = finish(f"What {be} the {part.lower_} of {phrase_text(words, definite=True)}")
    yield Cue("unknown", sent, q, frozenset({stem(what.lemma_)}) | keys_of(words), char_span(part))
