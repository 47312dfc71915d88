"""Boundaries: where a name really starts and ends when the model cut it short or too long.

"the Stratospheric Observatory for Infrared Astronomy" and "the Congregation for the Doctrine of
the Faith" are one name the model reads as two; "Indonesia AirAsia Flight 8501" names an airline
and a flight; "Italianate-style" and "(R-Ky.)" use a name as a word about something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..syntax import CALENDAR_WORDS
from .heads import ORGANIZATION_HEADS
from .titles import is_title

CONNECTORS = {"of", "for", "the", "and", "&"}
"""Lower-case words inside an organisation's name ("Congregation for the Doctrine of the Faith")."""
VEHICLES = {"flight", "flights"}
"""Words that turn an operator's name into a vehicle's ("Malaysia Airlines Flight 370")."""


def _head_word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def whole_name(ent: Span, nxt: Span | None = None) -> Span:
    """The whole name an entity is part of: an organisation that goes on with "for/of the ..." in
    capitals ("Congregation for the Doctrine of the Faith"), one whose head word ends the next
    entity after "and" ("the Louis Prima and Gia Maione Prima Foundation"), or a name the model
    cut before its last capitalised words ("Nathaly Cartas Leon", "Indonesia AirAsia Flight")."""
    doc = ent.doc
    joined = _and_joined(ent, nxt)
    if joined is not None:
        return joined
    start = _of_phrase_start(ent)
    if start < ent.start:
        ent = Span(doc, start, ent.end, label=ent.label_)
    if ent.label_ in ("ORG", "FAC", "GPE", "LOC") and any(_head_word(t) in ORGANIZATION_HEADS for t in ent):
        end = _of_phrase_end(ent)
        if end > ent.end:
            return Span(doc, ent.start, end, label=ent.label_)
    end = ent.end
    while end < len(doc) and end - ent.end < 3 and _name_word(doc[end]):
        end += 1
    if end == ent.end or (end < len(doc) and (doc[end].pos_ == "NOUN" and doc[end - 1].head.i == end)):
        return ent  # "England Test captain": a name modifying a noun
    if end < len(doc) and doc[end].ent_type_ == "PERSON" or _after_of(ent):
        return ent  # "China Coordinator Mark Lambert", "Secretary of State": part of a title
    label = "ORG" if ent.label_ == "GPE" else ent.label_  # "Indonesia AirAsia": a place's company
    return Span(doc, ent.start, end, label=label)


def _after_of(ent: Span) -> bool:
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].text[:1].isupper()


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun the model left outside a name it found right before."""
    return (
        tok.tag_ in ("NNP", "NNPS")
        and tok.text[:1].isupper()
        and not tok.is_upper
        and tok.is_alpha
        and not tok.ent_type_
        and not tok.is_sent_start
        and tok.lower_ not in CALENDAR_WORDS
        and not is_title(tok)
    )


def _of_phrase_end(ent: Span) -> int:
    doc = ent.doc
    j = ent.end
    if j + 1 >= len(doc) or doc[j].lower_ not in ("for", "of"):
        return ent.end
    end = ent.end
    while j < len(doc) and j - ent.end < 12:
        tok = doc[j]
        if tok.lower_ in CONNECTORS:
            j += 1
            continue
        if (
            tok.text[:1].isupper()
            and tok.is_alpha
            and not tok.is_sent_start
            and tok.ent_type_ not in ("DATE", "TIME")
        ):
            j += 1
            end = j
            continue
        break
    return end


def _of_phrase_start(ent: Span) -> int:
    """ "the Congregation for the Doctrine of the Faith" when the model found only "Faith": the
    organisation's head word before a run of "for/of the" and capitalised words."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].lower_ not in CONNECTORS:
        return ent.start
    j = ent.start - 1
    while j >= 0 and ent.start - j < 10:
        tok = doc[j]
        if tok.lower_ in CONNECTORS or (tok.text[:1].isupper() and tok.is_alpha and not tok.ent_type_):
            if _head_word(tok) in ORGANIZATION_HEADS and tok.text[:1].isupper():
                return j
            j -= 1
            continue
        break
    return ent.start


def _and_joined(ent: Span, nxt: Span | None) -> Span | None:
    """ "the Louis Prima and Gia Maione Prima Foundation": two entities joined by "and" where only
    the second ends in an organisation's head word are one organisation."""
    doc = ent.doc
    if (
        nxt is None
        or ent.end >= len(doc)
        or doc[ent.end].lower_ not in ("and", "&")
        or nxt.start != ent.end + 1
    ):
        return None
    if nxt[0].lower_ in ("the", "a", "an") and (ent.label_ != "ORG" or ent.text.isupper()):
        return None  # "the DNC and the Democratic ... Committee", "Willie Mays and the Supreme Court"
    if _head_word(nxt[-1]) not in ORGANIZATION_HEADS or any(_head_word(t) in ORGANIZATION_HEADS for t in ent):
        return None
    if ent.label_ not in ("ORG", "PERSON") or nxt.label_ not in ("ORG", "FAC"):
        return None
    return Span(doc, ent.start, nxt.end, label="ORG")


def modifier_suffix(tokens: Sequence[Token]) -> bool:
    """ "Italianate-style", "Obama-era", "Trump-like": a name glued to a lower-case word after a
    hyphen is a modifier, not an actor."""
    last = tokens[-1]
    doc = last.doc
    j = last.i + 1
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not last.whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].is_lower
        and doc[j + 1].is_alpha
    )


def party_state(tokens: Sequence[Token]) -> bool:
    """ "Sen. Rand Paul (R-Ky.)": the state in a party label is no actor of the article."""
    first = tokens[0]
    doc = first.doc
    i = first.i
    return (
        i >= 3
        and doc[i - 1].text == "-"
        and doc[i - 2].text in ("R", "D", "I")
        and doc[i - 3].text in ("(", ",")
    )


STATE_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3})")
"""An abbreviated state or province ("Calif.", "N.C.", "Ky.")."""


def qualifier(tokens: Sequence[Token]) -> bool:
    """ "Wilmington, N.C.": an abbreviated state after a city only says which city it is."""
    tok = tokens[0]
    doc = tok.doc
    return (
        len(tokens) == 1
        and bool(STATE_ABBREVIATION.fullmatch(tok.text))
        and tok.i >= 2
        and doc[tok.i - 1].text == ","
        and doc[tok.i - 2].text[:1].isupper()
        and doc[tok.i - 2].ent_type_ in ("GPE", "LOC", "FAC")
    )


def common_noun(tokens: Sequence[Token]) -> bool:
    """ "a pro-Clinton super PAC": a one-word name with "a" or "an" is a kind of thing, not a name."""
    return len(tokens) == 1 and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tokens[0].children)


def without_vehicle(tokens: list[Token]) -> list[Token]:
    """ "Indonesia AirAsia Flight 8501" -> "Indonesia AirAsia": the operator, not the flight."""
    if len(tokens) > 1 and tokens[-1].lower_ in VEHICLES:
        doc: Doc = tokens[-1].doc
        nxt = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        if nxt is not None and any(c.isdigit() for c in nxt.text):
            return tokens[:-1]
    return tokens
