"""Plausibility: token-level checks the patterns cannot make.

"May" the modal, "2000 people" the count, "VOA Today" the programme, "the people of tomorrow"
the figure of speech, "Easter Island" the place: a match that fails is no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from ..spans import span_over
from ..syntax import CALENDAR_WORDS, MONTH_NUMBERS
from .pieces import YEAR

TIME_NOUNS = {"year", "years", "quarter", "season", "era", "period", "decade", "decades"}
"""Nouns a round number can count as a time: "the 2000 season", but "2000 people" is no year."""
HOLIDAY_HEADS = TIME_NOUNS | {"week", "day", "eve", "weekend"}
"""Nouns a holiday may modify and still be a date ("Christmas week"; not "Christmas trees")."""
FIGURATIVE_NOUNS = {
    "world",
    "society",
    "age",
    "era",
    "generation",
    "youth",
    "economy",
    "culture",
    "climate",
    "standard",
}
"""Nouns after which "today's" means the present times ("in today's world"), not the day."""
GENERIC_HEADS = {"of"}
"""Heads that make "today"/"tomorrow" a figure of speech ("the people of tomorrow")."""
WORD_KINDS = {"weekday", "weekday_range", "month", "day_rel", "unit_rel", "season"}
"""Kinds written as words that a name can contain: "Fox News Sunday", "the Spring of Life"."""
NAME_TYPES = {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "LAW", "NORP", "GPE"}
"""Entity types that make such a word part of a name."""
TIME_PREPS = {"in", "since", "by", "during", "until", "of", "before", "after"}
"""Prepositions that make a number before a colon a year ("in 2019: protests spread")."""
COPYRIGHT = {"©", "copyright", "(c)"}
YEAR_LABELS = {"fy", "ad", "bc", "ce", "bce", "cy", "my"}
"""Capitals that label a year rather than name a product ("FY 2019", "AD 1066")."""
QUANTITY_NOUNS = {
    "score",
    "total",
    "average",
    "rate",
    "value",
    "price",
    "cost",
    "sum",
    "number",
    "count",
    "level",
}
"""Nouns whose "of" takes an amount, not a year ("a score of 2072")."""
"""Words before a year on a copyright line."""
STREET_WORDS = {"st", "street", "ave", "avenue", "road", "rd", "blvd", "boulevard", "drive", "dr", "lane"}
"""Street types: a number before a name that ends in one is an address ("1225 N. Rampart St.")."""
MODEL_NOUNS = {"model", "models"}
"""Nouns a year before them names the make of ("the 2017 model"), not a time."""
DESIGN_NOUNS = MODEL_NOUNS | {"design", "designs", "style", "styles"}
"""Nouns that years after an article name the make of ("the 2012 through 2015 design")."""
ARTICLES = {"the", "this", "that", "these", "those"}
YEARS_SEP = {"through", "to", "-", "–", "—"}
"""What joins two years into one make ("the 2012 through 2015 model")."""
SINCE_PREPS = {"since", "before", "after", "until", "till", "during"}
"""Prepositions that use what follows as a time ("since the 1993 BellSouth Classic")."""
OPENING_QUOTES = {'"', "“", "``", "‘", "'"}
CLOSING_QUOTES = {'"', "”", "''", "’", "'"}
OPENING_MARKS = ('"', "“", "``", "`", "‘", "(")
"""Marks after which a capital does not make a word a name (a quotation or aside begins)."""


def plausible(doc: Doc, kind: str, m: re.Match[str]) -> bool:
    """Whether the match at `m` of `kind` is a date in this sentence."""
    span = span_over(doc, m.start(), m.end())
    if span is None:
        return False
    first = span[0]
    if kind in WORD_KINDS and (all(t.ent_type_ in NAME_TYPES for t in span) or _quoted_title(doc, span)):
        return False
    mid_sentence = not first.is_sent_start and doc[first.i - 1].text not in OPENING_MARKS
    if kind in ("day_rel", "unit_rel") and mid_sentence and first.text[:1].isupper():
        return False
    check = CHECKS.get(kind)
    return check is None or check(doc, span, m, mid_sentence)


def _quoted_title(doc: Doc, span: Span) -> bool:
    """A weekday or month that ends a short quoted title ("Fox News Sunday", "This Week"):
    every word between the marks is capitalised and the mark closes right after the date."""
    start = span.start
    while start > 0 and start > span.start - 5 and doc[start - 1].text not in OPENING_QUOTES:
        if doc[start - 1].is_space:
            return False  # a mark that closed the paragraph before opens nothing here
        start -= 1
    end = span.end
    while end < min(len(doc), span.end + 4) and doc[end].is_title and doc[end].text not in CLOSING_QUOTES:
        end += 1  # the title goes on: “This Week With David Brinkley”
    marks = CLOSING_QUOTES | ({".", ","} if end == span.end else set())
    closing = end < len(doc) and doc[end].text in marks
    if start == 0 or doc[start - 1].text not in OPENING_QUOTES or not closing:
        return False
    words = doc[start:end]
    if start == span.start and (len(span) < 2 or doc[start - 1].is_sent_start):
        return False  # “Sunday.” alone may be an answer; “This Week” mid-sentence is a title
    return all(t.is_title or t.is_upper or not t.is_alpha for t in words)


def _holiday(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and (nxt.is_title or nxt.pos_ == "PROPN") and not m.group("y"):
        return False  # "Easter Island", "Christmas Carol"
    return not (
        last.dep_ == "compound"
        and last.head.pos_ in ("NOUN", "PROPN")
        and last.head.lemma_.lower() not in HOLIDAY_HEADS
    )  # "Christmas trees"


def _day_rel(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    first = span[0]
    word = m.group("w").lower()
    possessive = first.i + 1 < len(doc) and doc[first.i + 1].tag_ == "POS"
    figurative = possessive and first.head.lemma_.lower() in FIGURATIVE_NOUNS
    return not (
        (word == "today" and figurative)
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
        named_event = tok.head.tag_ == "NNPS" and tok.ent_type_ == "DATE"  # "the 2000 Olympics"
        return tok.head.lower_ in TIME_NOUNS or named_event
    if _named_number(doc, tok) or _model_year(tok) or _years_as_name(tok):
        return False
    after_number = tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].is_digit
    if after_number and not re.fullmatch(YEAR, doc[tok.i - 2].text):
        return False  # "02-751-1500": the last group of a phone number; "1990-1995" is a range
    if tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.text in ("$", "#", "No.", "no.", "number", "flight", "Flight", "page", "Page"):
            return False
        if (
            prev.pos_ == "PROPN"
            and prev.is_title
            and prev.lower_ not in MONTH_NUMBERS
            and prev.ent_type_ != "DATE"
            and tok.text.isdigit()  # nobody spells out a flight number: "Atlanta nineteen ninety-six"
        ):
            return False
        if _model_code(prev) and tok.text.isdigit():
            return False  # "the GTX 1660", "an RTX 2060": a model number after its letters
    return True


def _model_code(tok: Token) -> bool:
    """Capital letters naming a product line before its number ("GTX", "RTX", "DC"), not a month
    or a fiscal-year label ("SEPT 1990", "FY 2019")."""
    low = tok.lower_.rstrip(".")
    return (
        tok.is_upper
        and tok.is_alpha
        and len(tok.text) >= 2
        and tok.pos_ in ("PROPN", "NOUN")
        and tok.ent_type_ != "DATE"
        and low not in CALENDAR_WORDS
        and low not in YEAR_LABELS
    )


def _named_number(doc: Doc, tok: Token) -> bool:
    """A year-like number that names or points rather than dates: a title ("Mendes' 1917",
    "the film 1917", a quoted "1917"), a citation ("Nature 574, 16-17 (2019)"), a street number
    ("1225 N. Rampart St."), a model ("a 1987 Chevrolet"), a copyright line ("© 2014")."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in COPYRIGHT:
        return True
    if prev is not None and prev.lower_ == "of" and prev.head.lemma_.lower() in QUANTITY_NOUNS:
        return True  # "a total score of 2072"
    if any(c.dep_ == "poss" for c in tok.children) and tok.dep_ != "nummod":
        return True  # "Mendes' 1917 won": a work, not a year
    bracketed = prev is not None and prev.text == "("
    if tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lower_ not in TIME_NOUNS:
        return not bracketed  # "the film 1917"; "the Falklands War (1982)" is dated
    if prev is not None and nxt is not None and prev.text in OPENING_QUOTES and nxt.text in CLOSING_QUOTES:
        return True
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    titled = nxt is not None and nxt.text == ":" and after is not None and after.is_title
    if titled and prev is not None and prev.lower_ not in TIME_PREPS and not tok.is_sent_start:
        return True  # "movies from 2001: A Space Odyssey to Alien": a title mid-sentence
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and tok.i > 1:
        before = doc[tok.i - 2]
        if before.like_num or before.lower_ in ("al.", "al"):
            return True  # "16-17 (2019)", "et al. (2019)": a reference
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and nxt.lower_ not in CALENDAR_WORDS:
        ahead = [t.lower_.rstrip(".") for t in doc[tok.i + 1 : tok.i + 5]]
        if any(w in STREET_WORDS for w in ahead[1:]):
            return True
        if (
            prev is not None
            and (prev.lower_ in ("a", "an") or prev.tag_ in ("POS", "PRP$"))
            and nxt.ent_type_ in ("ORG", "PRODUCT")
            and tok.head.pos_ == "PROPN"
        ):
            return True  # "a 1987 Chevrolet"; "his 1990 Anheuser earnings projection" dates a noun
    return False


def _model_year(tok: Token) -> bool:
    """A year that designates a product's model ("the 2016 MacBook Pro", "the 2016 and 2017
    models", "the 2018 iPad Pro", "the MacBook Air (2017)"): it modifies a product's name or
    "model", not a time; "the 1994 Freedom of Access Act", "the 2016 election", "the Falklands
    War (1982)" and "in 2016" stay dates."""
    while tok.dep_ == "conj" and tok.head.like_num:
        tok = tok.head  # "the 2016 and 2017 models": the second year modifies what the first does
    head = tok.head
    if head.dep_ == "pobj" and head.head.lower_ in SINCE_PREPS or head.ent_type_ == "EVENT":
        return False  # "first win since the 1993 BellSouth Classic": a time, an event's edition
    if tok.dep_ == "appos" and tok.i > 0 and tok.doc[tok.i - 1].text == "(" and head.i < tok.i:
        return _product([*head.lefts, head])  # "the MacBook Air (2017)"
    if tok.dep_ not in ("nummod", "compound", "amod", "nmod") or head.i <= tok.i:
        return False
    if head.lower_ in MODEL_NOUNS:
        return True
    name = tok.doc[tok.i + 1 : head.i + 1]
    if head.pos_ != "PROPN":  # "the 2016 MacBook Pro's keyboard": the owner is the product
        owner = next((t for t in name if t.tag_ == "POS"), None)
        return owner is not None and _product(tok.doc[tok.i + 1 : owner.i])
    return _product(name)


def _years_as_name(tok: Token) -> bool:
    """Years after an article that name a make, not a time: the noun itself ("more key travel
    than the 2016", "the 2016 through 2019 weighed more") or before a design ("the 2012 through
    2015 design", "the 15-inch 2016 MacBook Pro design"). A time after "the" modifies what
    happened then: "the 2016 election", "the 2002-2006 housing bubble", "the 2016 and 2017
    seasons" stay dates."""
    doc = tok.doc
    first, last = _years_around(tok)
    nxt = last.i + 1
    while nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN") and not doc[nxt].like_num:
        nxt += 1  # the nouns the years modify: "MacBook Pro keyboard design"
    after = doc[nxt] if nxt < len(doc) else None
    head = doc[nxt - 1]
    if head.i == last.i:  # no noun follows: the years are the noun
        article = first.i > 0 and doc[first.i - 1].lower_ in ARTICLES
        joined = after is not None and (after.pos_ in ("CCONJ", "NUM", "ADJ") or after.text in YEARS_SEP)
        elliptic = first.dep_ == "conj"  # "the 1996 Games and the 2000": the noun is the one before
        modifier = first.dep_ in ("nummod", "compound", "amod", "nmod")  # "the 1999 shooting death"
        return article and not joined and not elliptic and not modifier
    articles = {c.lower_ for c in head.children if c.dep_ == "det"} | {doc[first.i - 1].lower_}
    return (
        head.lower_ in DESIGN_NOUNS and bool(articles & ARTICLES) and (after is None or after.pos_ != "NOUN")
    )


def _years_around(tok: Token) -> tuple[Token, Token]:
    """The first and last year of "2012 through 2015" around one of them."""
    doc, first, last = tok.doc, tok, tok
    while first.i > 1 and doc[first.i - 1].lower_ in YEARS_SEP and re.fullmatch(YEAR, doc[first.i - 2].text):
        first = doc[first.i - 2]
    while (
        last.i + 2 < len(doc)
        and doc[last.i + 1].lower_ in YEARS_SEP
        and re.fullmatch(YEAR, doc[last.i + 2].text)
    ):
        last = doc[last.i + 2]
    return first, last


def _product(words: Iterable[Token]) -> bool:
    """Whether a name is a product's: the recogniser says so, or a word is spelled like a brand."""
    return any(t.pos_ == "PROPN" and (t.ent_type_ == "PRODUCT" or _camel(t.text)) for t in words)


def _camel(word: str) -> bool:
    """A brand's spelling with a capital inside the word ("MacBook", "iPad", "PlayStation")."""
    return word.isalpha() and any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _year_ago(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    """Not a table's column head ("FORECAST FORECAST YEAR-AGO"): an adjective in capitals heads
    figures, it dates nothing."""
    return not m.group(0).isupper()


def _this_quarter(doc: Doc, span: Span, m: re.Match[str], mid_sentence: bool) -> bool:
    """Not "its current period of consolidation": a period of something is no quarter."""
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return not (
        span[-1].lower_ == "period"
        and nxt is not None
        and nxt.lower_ == "of"
        and after is not None
        and not after.like_num
        and after.ent_type_ not in ("DATE", "MONEY")
    )


CHECKS: dict[str, Callable[[Doc, Span, re.Match[str], bool], bool]] = {
    "holiday": _holiday,
    "this_quarter": _this_quarter,
    "year_ago": _year_ago,
    "day_rel": _day_rel,
    "month": _month,
    "year": _year,
}
"""Checks for one kind, after the ones every kind gets."""
