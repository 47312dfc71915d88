"""Plausibility: token-level checks the patterns cannot make.

"May" the modal, "2000 people" the count, "VOA Today" the programme, "the people of tomorrow"
the figure of speech, "Easter Island" the place: a match that fails is no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..syntax import MONTH_NUMBERS, span_over
from .pieces import YEAR

TIME_NOUNS = {"year", "years", "quarter", "season", "era", "period", "decade", "decades"}
"""Nouns a round number can count as a time: "the 2000 season", but "2000 people" is no year."""
HOLIDAY_HEADS = TIME_NOUNS | {"week", "day", "eve", "weekend"}
"""Nouns a holiday may modify and still be a date ("Christmas week"; not "Christmas trees")."""
GENERIC_HEADS = {"of"}
"""Heads that make "today"/"tomorrow" a figure of speech ("the people of tomorrow")."""
WORD_KINDS = {"weekday", "weekday_range", "month", "day_rel", "unit_rel", "season"}
"""Kinds written as words that a name can contain: "Fox News Sunday", "the Spring of Life"."""
NAME_TYPES = {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "LAW", "NORP", "GPE"}
"""Entity types that make such a word part of a name."""
OPENING_MARKS = ('"', "“", "``", "`", "‘", "(")
"""Marks after which a capital does not make a word a name (a quotation or aside begins)."""


def plausible(doc: Doc, kind: str, m: re.Match[str]) -> bool:
    """Whether the match at `m` of `kind` is a date in this sentence."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return False
    first = span[0]
    if kind in WORD_KINDS and all(t.ent_type_ in NAME_TYPES for t in span):
        return False
    mid_sentence = first.i > first.sent.start and doc[first.i - 1].text not in OPENING_MARKS
    if kind in ("day_rel", "unit_rel") and mid_sentence and first.text[:1].isupper():
        return False
    check = CHECKS.get(kind)
    return check is None or check(doc, span, m, mid_sentence)


def _holiday(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and (nxt.is_title or nxt.pos_ == "PROPN") and not m.group("y"):
        return False  # "Easter Island", "Christmas Carol"
    return not (
        last.dep_ == "compound" and last.head.lemma_.lower() not in HOLIDAY_HEADS
    )  # "Christmas trees"


def _day_rel(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    first = span[0]
    word = m.group("w").lower()
    possessive = first.i + 1 < len(doc) and doc[first.i + 1].tag_ == "POS"
    return not (
        (word == "today" and possessive)
        or (word in ("today", "tomorrow") and first.head.lower_ in GENERIC_HEADS)
    )


def _month(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    """A bare month name ("in May"): not the modal or the verb, not part of a name."""
    if m.group("y") or m.group("edge") or m.group("rel") or m.group("yrel"):
        return True
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[first.i + 1] if first.i + 1 < len(doc) else None
    after_det = prev is not None and prev.pos_ == "DET"
    if (
        m.group("m").rstrip(".").lower() in {"may", "march"}
        and first.pos_ not in ("PROPN", "NOUN")
        and not after_det
    ):
        return False
    if prev is not None and mid_sentence and prev.text[:1].isupper() and prev.pos_ == "PROPN":
        return False
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ not in ("", "DATE"):
        return False
    return not (
        nxt is not None
        and nxt.lower_ in ("for", "of")
        and first.i + 2 < len(doc)
        and doc[first.i + 2].is_title
    )


def _year(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    """A year, not a count ("2000 people"), a score ("2017-18"), a percentage or a number ("No. 1990")."""
    if m.group("since") or m.group("edge"):
        return True
    tok = next((t for t in span if t.like_num or t.is_digit), span[-1])
    round_number = tok.text.isdigit() and int(tok.text) % 100 == 0
    if tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if nxt.text == "%" or nxt.lower_ in ("percent", "per"):
            return False
        if nxt.text == "-" and not re.fullmatch(YEAR, doc[tok.i + 2].text if tok.i + 2 < len(doc) else ""):
            return False  # "2017-18", "1990-style"; "1990-1995" is two years
    if round_number and tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS"):
        return tok.head.lower_ in TIME_NOUNS
    if tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.text in ("$", "#", "No.", "no.", "number", "flight", "Flight", "page", "Page"):
            return False
        if (
            prev.pos_ == "PROPN"
            and prev.is_title
            and prev.lower_ not in MONTH_NUMBERS
            and prev.ent_type_ != "DATE"
        ):
            return False
    return True


CHECKS: dict[str, Callable[[Doc, Span, re.Match[str], bool], bool]] = {
    "holiday": _holiday,
    "day_rel": _day_rel,
    "month": _month,
    "year": _year,
}
"""Checks for one kind, after the ones every kind gets."""
