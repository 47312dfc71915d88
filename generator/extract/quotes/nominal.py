"""Nominal speakers: "the government", "police", "the airline" said -> the body they refer to.

A common noun that reports stands for the organisation the article has named and described with
that noun: one whose name has it ("the ministry" -> "Chinese Foreign Ministry", "the airline" ->
"Malaysia Airlines"), or one the article calls that ("AirAsia, the low-cost airline"; "the
publisher Macmillan"; "Amazon is a retailer"). The nearest such organisation before the noun
wins; when the article names none the speaker stays unknown, never a person nearby.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from spacy.tokens import Token

from .index import ArticleIndex

BODIES = ("organization", "group")
"""Kinds a nominal speaker can stand for."""


def singular(word: str) -> str:
    """ "airlines" -> "airline", "ministries" -> "ministry": enough to compare head nouns."""
    w = word.lower().rstrip(".")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def descriptions(ctx: ArticleIndex) -> dict[str, set[str]]:
    """For each organisation or group: the nouns its name ends in or the article calls it by."""
    cached = ctx.doc.user_data.get("briefings.org_nouns")
    if isinstance(cached, dict):
        return cached
    out: dict[str, set[str]] = defaultdict(set)
    for m in ctx.mentions:
        if ctx.kinds.get(m.actor) not in BODIES:
            continue
        out[m.actor].update(singular(w) for w in m.text.split())
        tok = ctx.token_at(m.end - 1)
        if tok is not None:
            out[m.actor].update(_called(tok))
    ctx.doc.user_data["briefings.org_nouns"] = dict(out)
    return out


def _called(root: Token) -> set[str]:
    """Nouns set beside a name: "AirAsia, the low-cost airline", "the airline AirAsia",
    "Amazon is the largest retailer"."""
    nouns = {c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.add(root.head.lemma_.lower())
    nouns.update(
        c.lemma_.lower() for c in root.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower
    )
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns.update(c.lemma_.lower() for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
    return nouns


def nominal_speaker(ctx: ArticleIndex, noun: Token) -> str | None:
    """The organisation "the <noun>" (or a bare "police") stands for: the nearest one before it
    whose name or description has that noun."""
    word = singular(noun.lemma_ or noun.text)
    called = descriptions(ctx)
    i = bisect_left(ctx.mention_starts, noun.idx) - 1
    while i >= 0:
        m = ctx.mentions[i]
        if word in called.get(m.actor, ()) and not ctx.quoted_at(m.start):
            return m.actor
        i -= 1
    return None


def stands_for_body(noun: Token) -> bool:
    """ "the ministry", "the company", "police": a common noun that may stand for a named body
    (a determiner "the", or a bare plural or mass noun with no modifier of its own)."""
    if noun.pos_ != "NOUN":
        return False
    dets = [c for c in noun.children if c.dep_ == "det"]
    if dets:
        return dets[0].lower_ == "the"
    return not any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in noun.children)
