"""Gender where the text shows it: so "she said" goes to a woman the article named, not a man.

Only the article's own words count, never a list of first names: a form of address or a gendered
title before the name ("Mrs", "spokeswoman"), a gendered noun set beside it ("his wife, Joyce"),
and the pronoun that takes the name up when the name is the subject ("Sargent said ... He
complained", "Salinas had not told her boyfriend").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..model import Name
from .titles import FEMALE_WORDS, MALE_WORDS, bare

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
"""Third-person singular pronouns and the gender each shows."""
MARGIN = 2
"""How many more votes one gender needs than the other (one stray pronoun decides nothing)."""


def word_gender(word: str) -> str | None:
    w = bare(word)
    return "m" if w in MALE_WORDS else "f" if w in FEMALE_WORDS else None


def gender_of(names: list[Name]) -> str | None:
    """ "m", "f", or None when the text does not show it (or shows both)."""
    votes: Counter[str] = Counter()
    for n in names:
        if n.span is not None:
            votes.update(_votes(n.span))
    m, f = votes["m"], votes["f"]
    if m >= f + MARGIN or (m and not f and _addressed(votes)):
        return "m"
    if f >= m + MARGIN or (f and not m and _addressed(votes)):
        return "f"
    return None


def _addressed(votes: Counter[str]) -> bool:
    return votes["address"] > 0


def _votes(span: Span) -> Counter[str]:
    doc = span.doc
    out: Counter[str] = Counter()
    for k in range(max(0, span.start - 2), span.start):
        g = word_gender(doc[k].text)
        if g and doc[k].text[:1].isupper():
            out[g] += 2
            out["address"] += 1
    root = span.root
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            g = word_gender(c.lemma_)
            if g:
                out[g] += 2
                out["address"] += 1
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        g = word_gender(root.head.lemma_)
        if g:
            out[g] += 2
            out["address"] += 1
    if root.dep_ in ("nsubj", "nsubjpass"):
        g = _taken_up(span)
        if g:
            out[g] += 1
    return out


def _taken_up(span: Span) -> str | None:
    """The pronoun that next refers back in the subject's sentence, or opens the next sentence,
    when no other person is named before it."""
    doc = span.doc
    sent = span.sent
    end = sent.end
    if end < len(doc):
        end = doc[end].sent.end if _opens_with_pronoun(doc[end]) else end
    for tok in doc[span.end : end]:
        if tok.ent_type_ == "PERSON":
            return None
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            return PRONOUNS[tok.lower_]
    return None


def _opens_with_pronoun(tok: Token) -> bool:
    return tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass")
