"""Institutions named by a common noun: "the Scottish government", "the U.S. military".

News often names the body that speaks by its country and what it is rather than by a proper
name. When such a phrase speaks in the article ("the Scottish government said"), it is an
organisation of its own, and every other place the article writes the same phrase is a mention
of it; one that only acts or is acted on stays a description. A bare "the government" is left
to the quote extractor, which resolves it to the institution the article named.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...names import name_key
from ..model import Name
from ..syntax import candidates, is_reporting


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


INSTITUTIONS = _words(
    """
    government military army navy police ministry parliament embassy administration cabinet
    department court guard patrol regime agency office service forces force junta legislature
    coastguard consulate
    """
)
"""Head nouns of public bodies ("government", "ministry", "military")."""
MODIFIERS = {"foreign", "defense", "defence", "interior", "health", "finance", "justice", "air", "coast",
             "border", "national", "federal", "state", "armed", "security", "home", "supreme", "high",
             "transport", "education", "environment", "space", "weather", "civil", "aviation", "trade",
             "economy", "energy", "agriculture", "labor", "labour", "immigration", "prosecutor", "search",
             "rescue", "and", "-"}  # fmt: skip
"""Lower-case words between the country and the head ("foreign ministry", "air force")."""


def institution_names(doc: Doc, found: list[Name]) -> list[Name]:
    """Institutions that speak in the article, with every mention of the same phrase."""
    taken = {
        i for n in found if n.kind != "place" and n.span is not None for i in range(n.span.start, n.span.end)
    }
    keys: set[str] = set()
    phrases: list[Span] = []
    for tok in candidates(doc, INSTITUTIONS, "NOUN"):
        span = _phrase(tok)
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        phrases.append(span)
        if tok.dep_ == "nsubj" and is_reporting(tok.head):
            keys.add(name_key(span.text))
    return [
        Name(s.start_char, s.end_char, s.text, "organization", "ORG", s)
        for s in phrases
        if name_key(s.text) in keys
    ]


def _phrase(tok: Token) -> Span | None:
    """ "Scottish government", "U.S. military", "Chinese foreign ministry": a country's or
    people's adjective, lower-case words that say which body, and the head noun."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in INSTITUTIONS or tok.ent_type_:
        return None
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].is_lower and doc[j].lower_ in MODIFIERS:
        j -= 1
    if j < 0 or j == tok.i - 1 and doc[j].is_lower:
        return None
    first = j
    while (
        first > 0
        and doc[first - 1].ent_type_ == doc[j].ent_type_
        and doc[first - 1].ent_iob_ != "O"
        and doc[first].ent_iob_ == "I"
    ):
        first -= 1
    lead = doc[first : j + 1]
    if not lead or not all(t.ent_type_ in ("NORP", "GPE") for t in lead) or doc[j].tag_ == "POS":
        return None
    return doc[first : tok.i + 1]
