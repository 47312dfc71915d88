"""Dates: temporal expressions found by pattern, resolved to ISO values the way a reader would.

Detection is a handful of regular expressions over the text (fast, predictable); resolution is
ours: relative expressions are anchored on the publication date, weekdays and bare months take
their direction from the tense of the verb they hang on ("opens on Sunday" looks ahead, "met on
Monday" looks back), and each value keeps the granularity the text commits to (a day, an ISO week,
a month, a quarter, a season or a year). Durations ("three years") and clock times are skipped:
they are not points on a calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..model import TimelineEntry
from ..periods import SEASON_MONTH, sort_key
from .actors import Cast


@dataclass(frozen=True)
class TimeExpr:
    """One expression as written, with offsets into the text and its ISO value (None when only
    a publication date could anchor it); `end` closes a range ("November 4 to 7")."""

    text: str
    date: str | None
    end: str | None
    start_char: int
    end_char: int


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
TEENS_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"

# Month names must be capitalised ("may", "march" are verbs); abbreviations may carry a period.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:nineteen[- ](?:hundred|{TEENS_WORDS}|(?:{TENS_WORDS})(?:[- ](?:{UNITS_WORDS}))?)"
    rf"|two[- ]thousand(?:[- ](?:and[- ])?(?:{UNITS_WORDS}|{TEENS_WORDS}))?)"
)
ANYYEAR = rf"(?:{YEAR}|{SPELLED_YEAR})"
RANGE_SEP = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
REL = r"(?:last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming)"
NUM = rf"(?:\d{{1,3}}|a|an|{UNITS_WORDS}|{TEENS_WORDS}|{TENS_WORDS})"
EDGE = r"(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"

# (kind, pattern) in priority order: on overlap the longest match wins, then the earliest kind.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("numeric", re.compile(r"(?<![\d/.,$])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b(?![/\d])")),
    (
        "md_range",
        re.compile(
            rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY}){RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})\b"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?(?!\s*(?:%|percent|[.,]\d))"
        ),
    ),
    (
        "dm_range",
        re.compile(
            rf"\b(?P<d>{DAY})(?:\s+(?P<m>{MONTH}))?{RANGE_SEP}(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
    ),
    (
        "md",
        re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY}),?\s+|(?i:(?P<rel>last|next|this))\s+)?(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?![.,]?\d)"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
    ),
    ("week_of", re.compile(rf"\bthe\s+week\s+of\s+(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?")),
    (
        "month",
        re.compile(
            rf"(?:\b(?i:(?P<edge>{EDGE}))[-\s]+|\b(?i:(?P<rel>last|next|this|this\s+past|this\s+coming))\s+)?"
            rf"\b(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{ANYYEAR})\b|\s+(?P<yrel>last|next|this)\s+year\b)?"
        ),
    ),
    (
        "quarter",
        re.compile(
            r"(?i:\b(?:the\s+)?(?:(?P<poss>this|last|next)\s+year's\s+|(?P<qy>\d{4})\s+|fiscal\s+(?P<fy>\d{4})\s+)?"
            r"(?:(?:fiscal|flat|same|calendar)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter\b"
            r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y>\d{4})\b|(?P<yrel>last|next|this)\s+year\b))?)"
        ),
    ),
    (
        "this_quarter",
        re.compile(
            r"(?i:\b(?:the\s+)?(?P<which>latest|current|this|last|next|year-ago|year-earlier|"
            r"last\s+year's|the\s+same)\s+(?:fiscal\s+)?(?P<unit>quarter|period)\b"
            r"|\bthe\s+(?P<year>\d{4})\s+(?:fiscal\s+)?(?P<unit2>quarter|period)\b)"
        ),
    ),
    ("the_quarter", re.compile(r"(?i:\bthe\s+quarter\b(?!-))")),
    (
        "year_ago",
        re.compile(
            r"(?i:\b(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter|time)\s+(?:of\s+)?"
            r"(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+previous\s+year)|year-(?:earlier|ago)"
            r"|a\s+year\s+(?:ago|earlier))\b)"
        ),
    ),
    (
        "season",
        re.compile(
            rf"(?i:\b(?:(?P<edge>early|late|mid)[-\s]+)?(?:(?P<rel>{REL})\s+|the\s+)(?:(?:early|late|mid)[-\s]+)?"
            rf"(?P<s>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?(?P<y>{ANYYEAR}))?\b|\b(?P<s2>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y2>{ANYYEAR})\b)"
        ),
    ),
    (
        "unit_rel",
        re.compile(
            r"(?i:\b(?:(?P<mod>earlier|later|early|late|mid)[-\s]+)?(?:the\s+end\s+of\s+)?"
            r"(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming|the\s+current)\s+"
            r"(?P<unit>week|month|year)(?:['’]s)?\b(?!\s*-?\s*(?:old|long)))"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"(?i:\b(?:(?:nearly|almost|about|roughly|some|more\s+than|over|just|exactly)\s+)?"
            rf"(?P<n>{NUM})(?:[- ](?P<n2>{UNITS_WORDS}))?\s+(?P<unit>day|week|month|year|decade)s?\s+"
            r"(?P<dir>ago|earlier)\b)"
        ),
    ),
    (
        "day_rel",
        re.compile(
            r"(?i:\b(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<dba>before|after)\s+)?"
            r"(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!-))"
        ),
    ),
    (
        "weekday_range",
        re.compile(rf"\b(?:from\s+)?(?P<w>{WEEKDAY}){RANGE_SEP}(?P<w2>{WEEKDAY})\b(?!,?\s+{MONTH})"),
    ),
    (
        "weekday",
        re.compile(
            rf"(?:\b(?i:(?P<rel>last|next|this|this\s+coming|this\s+past|early|late|earlier|later))\s+)?"
            rf"\b(?P<w>{WEEKDAY})(?:['’]s)?(?!s\b){PART}\b"
        ),
    ),
    (
        "holiday",
        re.compile(
            rf"\b(?:(?i:(?P<rel>last|next|this))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)"
            rf"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Halloween|Independence\s+Day|Election\s+Day"
            rf"|Valentine's\s+Day)(?P<week>\s+week)?(?:\s+(?P<y>{YEAR}))?\b"
        ),
    ),
    (
        "decade",
        re.compile(r"(?i:\b(?:the\s+)?(?:(?P<edge>early|late|mid)[-\s]+)?(?P<y>1[0-9]\d0|20\d0)'?s\b)"),
    ),
    (
        "year",
        re.compile(
            rf"(?i:\b(?:(?P<since>since)\s+|(?P<edge>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"
            rf"[-\s]+|fiscal\s+|the\s+year\s+)?)(?<![$£€#\d.,])(?P<y>{YEAR}|{SPELLED_YEAR})\b(?![.,]\d|\s*%|-(?!\d{{4}}\b)\d)"
        ),
    ),
    (
        "anaphoric",
        re.compile(
            r"(?i:\b(?:(?:earlier|later)\s+)?(?:that|the\s+same|the\s+following|the\s+previous|the\s+next"
            r"|the\s+preceding)\s+(?P<unit>year|month|day|morning|evening|night)\b"
            r"|\bthe\s+day\s+(?:before|after)\b(?=\s*[,.;]))"
        ),
    ),
    ("in_the", re.compile(r"(?i:\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b)")),
]
# Every pattern above contains one of these words or a year-like number; WINDOW covers the rest.
TRIGGER = re.compile(r"\b\d{4}s?\b|\d/\d|'\d0s|[A-Za-z]+")
TRIGGER_WORDS = frozenset(
    [*MONTHS, "sept", *WEEKDAYS, *(w + "s" for w in WEEKDAYS), "week", "weeks", "month", "months",
     "year", "years", "quarter", "period", "today", "tonight", "yesterday", "tomorrow", "night", "morning",
     "afternoon", "evening", "spring", "summer", "fall", "autumn", "winter", "christmas", "new",
     "thanksgiving", "easter", "halloween", "independence", "election", "valentine", "day", "days",
     "decade", "decades", "nineteen", "thousand"]
)  # fmt: skip
WINDOW = 40

# Nouns a number can count: "2000 people" is not a year.
TIME_NOUNS = {"year", "years", "quarter", "season", "era", "period", "decade", "decades"}
# Words whose complement lies ahead even in a past-tense clause ("planned a rally on Saturday").
PROSPECTIVE = {
    "plan",
    "schedule",
    "expect",
    "due",
    "intend",
    "propose",
    "prepare",
    "effective",
    "slate",
    "deadline",
}
PROSPECTIVE_TO = PROSPECTIVE | {"set", "aim", "hope", "promise", "vow", "pledge", "threaten", "about"}
AHEAD_PREPS = {"until", "till", "by"}
GENERIC_HEADS = {"of"}
# Entity types that make a date word part of a name: "Fox News Sunday", "the Spring of Life".
WORD_KINDS = {"weekday", "weekday_range", "month", "day_rel", "unit_rel", "season"}
NAME_TYPES = {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "LAW", "NORP", "GPE"}
PAST, UNKNOWN, FUTURE, PRESENT, PLUPERFECT = -1, 0, 1, 2, -2


def extract_dates(doc: Doc, published: date | None) -> Iterator[TimeExpr]:
    """Every temporal expression in `doc` with its ISO value (None when it cannot be anchored)."""
    context = _Context(published)
    text = doc.text  # spaCy joins every token on each access: once, not once per candidate
    for kind, m in _candidates(text):
        if not _plausible(doc, kind, m):
            continue
        direction = _direction(doc, kind, m)
        value = _resolve(kind, m, context, direction)
        if value is None:
            continue
        context.note(kind, value[0], m.group(0))
        start, end = _trim(text, m)
        yield TimeExpr(text[start:end], value[0], value[1], start, end)


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around a word every expression contains (a digit, a month, "week"...),
    widened to whole words: the full patterns run only there, which keeps extraction cheap."""
    out: list[tuple[int, int]] = []
    for m in TRIGGER.finditer(text):
        word = m.group(0)
        if word[0].isalpha() and word.lower() not in TRIGGER_WORDS:
            continue
        start = max(0, m.start() - WINDOW)
        end = min(len(text), m.end() + WINDOW)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _candidates(text: str) -> list[tuple[str, re.Match[str]]]:
    """Non-overlapping matches of all patterns, longest first, in text order."""
    allm = [
        (kind, m)
        for start, end in _windows(text)
        for kind, rx in PATTERNS
        for m in rx.finditer(text, start, end)
        if m.end() > m.start()
    ]
    rank = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
    allm.sort(key=lambda km: (-(km[1].end() - km[1].start()), rank[km[0]], km[1].start()))
    taken: list[tuple[int, int]] = []
    out = []
    for kind, m in allm:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        out.append((kind, m))
    return sorted(out, key=lambda km: km[1].start())


def _trim(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Offsets of the expression without a leading "from"/"between" or trailing space."""
    start, end = m.start(), m.end()
    lead = re.match(r"(?i:(?:from|between)\s+)", text[start:end])
    if lead:
        start += lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _plausible(doc: Doc, kind: str, m: re.Match[str]) -> bool:
    """Token-level checks the patterns cannot make: "May" the modal, "2000 people" the count,
    "VOA Today" the programme, "the people of tomorrow" the figure of speech."""
    span = _tokens(doc, m.start(), m.end())
    if span is None:
        return False
    first = span[0]
    if kind in WORD_KINDS and all(t.ent_type_ in NAME_TYPES for t in span):
        return False
    mid_sentence = first.i > first.sent.start and doc[first.i - 1].text not in ('"', "“", "``", "`", "‘", "(")
    if kind in ("day_rel", "unit_rel") and mid_sentence and first.text[:1].isupper():
        return False
    if kind == "holiday":
        last = span[-1]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and (nxt.is_title or nxt.pos_ == "PROPN") and not m.group("y"):
            return False  # "Easter Island", "Christmas Carol"
        if last.dep_ == "compound" and last.head.lemma_.lower() not in TIME_NOUNS | {
            "week",
            "day",
            "eve",
            "weekend",
        }:
            return False  # "Christmas trees"
    if kind == "day_rel":
        word = m.group("w").lower()
        possessive = first.i + 1 < len(doc) and doc[first.i + 1].tag_ == "POS"
        if (word == "today" and possessive) or (
            word in ("today", "tomorrow") and first.head.lower_ in GENERIC_HEADS
        ):
            return False
    if (
        kind == "month"
        and not m.group("y")
        and not m.group("edge")
        and not m.group("rel")
        and not m.group("yrel")
    ):
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
        if (
            nxt is not None
            and nxt.lower_ in ("for", "of")
            and first.i + 2 < len(doc)
            and doc[first.i + 2].is_title
        ):
            return False
    if kind == "year":
        if m.group("since") or m.group("edge"):
            return True
        tok = next((t for t in span if t.like_num or t.is_digit), span[-1])
        round_number = tok.text.isdigit() and int(tok.text) % 100 == 0
        if tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if nxt.text == "%" or nxt.lower_ in ("percent", "per"):
                return False
            if nxt.text == "-" and not re.fullmatch(
                YEAR, doc[tok.i + 2].text if tok.i + 2 < len(doc) else ""
            ):
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
                and prev.lower_ not in MONTHS
                and prev.ent_type_ != "DATE"
            ):
                return False
    return True


class _Context:
    """The anchor (publication date) and what the text last referred to, for "the quarter"."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_quarter: tuple[int, int] | None = None
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_day: date | None = None
        self.last_kind: str | None = None

    def note(self, kind: str, value: str | None, text: str) -> None:
        self.last_kind = kind
        if not value:
            return
        if kind in ("quarter", "this_quarter", "the_quarter") and not re.search(r"(?i)year-|last year", text):
            q = re.fullmatch(r"(\d{4})-Q(\d)", value)
            if q:
                self.last_quarter = (int(q.group(1)), int(q.group(2)))
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) and kind not in ("ago", "year_ago"):
            self.last_year = int(value[:4])
            if len(value) >= 7:
                self.last_month = (int(value[:4]), int(value[5:7]))
            if len(value) == 10:
                self.last_day = date.fromisoformat(value)


def _direction(doc: Doc, kind: str, m: re.Match[str]) -> int:
    """PAST when the clause looks back, FUTURE when it looks ahead, PRESENT for a present tense
    (a schedule for weekdays, a state for months), UNKNOWN when the parse does not say."""
    span = _tokens(doc, m.start(), m.end())
    if span is None:
        return UNKNOWN
    last = span[-1]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "weekday" and (last.tag_ == "POS" or (nxt is not None and nxt.tag_ == "POS")):
        return PAST
    if any(a.lower_ == "since" for a in span.root.ancestors if a.pos_ == "ADP"):
        return PAST
    root = span.root
    head = root.head
    tense = UNKNOWN
    verb = _governing_verb(root)
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        d = _verb_direction(verb)
        if d is not None:
            tense = d
            break
        verb = _governing_verb(verb.head) if verb.head.i != verb.i else None
    if tense == PLUPERFECT:
        return PAST
    after_verb = verb is None or verb.i < span.start
    near = [a for a in root.ancestors if a.pos_ not in ("VERB", "AUX")][:3]
    if any(a.lower_ in AHEAD_PREPS for a in near):
        return FUTURE
    before = span.doc[max(0, span.start - 3) : span.start].text.lower()
    if before in ("as early as", "as soon as", "as late as"):
        return FUTURE
    governor = head.head if head.dep_ == "prep" else head
    if after_verb and governor.lemma_.lower() in PROSPECTIVE:
        return FUTURE
    if head.lower_ == "for" and governor.lemma_.lower() in PROSPECTIVE_TO:
        return FUTURE
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and kind != "weekday":
        return UNKNOWN
    return tense


def _governing_verb(tok: Token) -> Token | None:
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        if tok.head.i == tok.i or steps > 6:
            return None
        tok = tok.head
        steps += 1
    return tok


def _verb_direction(verb: Token) -> int | None:
    """Tense of one verb group; None for a non-finite verb whose head should decide."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if verb.tag_ == "VBD":
        return PAST  # a modal governs a base form: "May said" is Theresa May, not a modal
    if lowers & {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must"}:
        return FUTURE
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return PLUPERFECT
    if any(a.lemma_ == "have" for a in auxes) or any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if "to" in lowers:
        head = _governing_verb(verb.head) if verb.head.i != verb.i else None
        parent = _verb_direction(head) if head is not None and head.i != verb.i else None
        if parent == PLUPERFECT:
            return PLUPERFECT
        if (
            head is None
            or head.lemma_.lower() in PROSPECTIVE_TO
            or verb.head.lemma_.lower() in PROSPECTIVE_TO
        ):
            return FUTURE
        return FUTURE if parent in (None, FUTURE, PRESENT) else UNKNOWN
    if lowers & {"can", "could"}:
        return UNKNOWN
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.tag_ == "VBG":
        return FUTURE
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) or verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl"):
        return PAST
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ != "ROOT":
        return None
    return UNKNOWN


def _resolve(
    kind: str, m: re.Match[str], ctx: _Context, direction: int
) -> tuple[str | None, str | None] | None:
    """(date, end) for one match; None when the match is not a calendar point after all."""
    dct = ctx.published
    g = m.groupdict()
    rel_word = (g.get("rel") or "").lower().split()
    if rel_word and rel_word[-1] in ("last", "past"):
        direction = PAST
    elif rel_word and rel_word[-1] in ("next", "coming"):
        direction = FUTURE
    if kind not in ("weekday", "weekday_range"):
        direction = UNKNOWN if direction == PRESENT else direction
    if kind == "iso":
        return _checked_day(int(g["y"]), int(g["m"]), int(g["d"]), ctx)
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
        month, day = (a, b) if a <= 12 else (b, a)
        return _checked_day(y, month, day, ctx)
    if kind in ("md", "dm", "week_of"):
        month, day = _month(g["m"]), _day(g["d"])
        wd = g.get("wd")
        if g.get("y"):
            year: int | None = int(g["y"])
        else:
            year = _year_for(month, day, dct, direction, wd)
        if year is None:
            return (None, None)
        value = _checked_day(year, month, day, ctx)
        if value is None or value[0] is None:
            return value
        if kind == "week_of" or m.group(0).lower().startswith("the week of"):
            return (_week(date.fromisoformat(value[0])), None)
        return value
    if kind in ("md_range", "dm_range"):
        m1 = _month(g["m"] or g["m2"])
        m2 = _month(g["m2"] or g["m"])
        d1, d2 = _day(g["d"]), _day(g["d2"])
        if (m1, d1) >= (m2, d2) and m1 == m2:
            return None
        year = int(g["y"]) if g.get("y") else _year_for(m1, d1, dct, direction, None)
        if year is None:
            return (None, None)
        start = _safe_date(year, m1, d1)
        end = _safe_date(year + (1 if (m2, d2) < (m1, d1) else 0), m2, d2)
        if start is None or end is None:
            return None
        ctx.last_year = year
        return (start.isoformat(), end.isoformat())
    if kind == "month":
        month = _month(g["m"])
        if g.get("y"):
            year = _spelled_year(g["y"])
        elif g.get("yrel"):
            if dct is None:
                return (None, None)
            year = dct.year + {"last": -1, "next": 1, "this": 0}[g["yrel"].lower()]
        else:
            rel = (g.get("rel") or "").lower().split()
            year = _year_for_month(month, dct, direction, rel[-1] if rel else None)
        if year is None:
            return (None, None)
        ctx.last_year = year
        return (f"{year:04d}-{month:02d}", None)
    if kind == "quarter":
        q = ORDINALS[g["q"].lower()]
        if g.get("qy") or g.get("fy") or g.get("y"):
            year = int(g.get("qy") or g.get("fy") or g["y"])
        else:
            rel = (g.get("poss") or g.get("yrel") or "this").lower()
            if dct is None:
                return (None, None)
            year = dct.year + {"last": -1, "next": 1, "this": 0}[rel]
        ctx.last_quarter = (year, q)
        return (f"{year:04d}-Q{q}", None)
    if kind in ("this_quarter", "the_quarter"):
        which = re.sub(r"\s+", " ", (g.get("which") or "the").lower())
        unit = (g.get("unit") or g.get("unit2") or "quarter").lower()
        base = ctx.last_quarter or (_latest_quarter(dct) if dct else None)
        if g.get("year"):
            if base is None or (ctx.last_quarter is None and unit == "period"):
                return (g["year"], None)
            return (f"{g['year']}-Q{base[1]}", None)
        if base is None:
            return (None, None)
        if which in ("year-ago", "year-earlier", "last year's"):
            if ctx.last_quarter is None and unit == "period":
                return None
            base = (base[0] - 1, base[1])
        elif which in ("last", "next"):
            if unit == "period":
                return None
            base = _add_quarters(base, -1 if which == "last" else 1)
        elif which == "current" and dct is not None:
            base = (dct.year, (dct.month - 1) // 3 + 1)
        elif which == "latest" and dct is not None:
            base = _latest_quarter(dct)
        elif unit == "period" and ctx.last_quarter is None:
            return None
        return (f"{base[0]:04d}-Q{base[1]}", None)
    if kind == "year_ago":
        if ctx.last_quarter is not None and ctx.last_kind in ("quarter", "this_quarter", "the_quarter"):
            y, q = ctx.last_quarter
            return (f"{y - 1:04d}-Q{q}", None)
        if m.group(0).lower().startswith("year-"):
            return None
        if dct is None:
            return (None, None)
        return (f"{dct.year - 1:04d}", None)
    if kind == "season":
        s = SEASONS[(g.get("s") or g.get("s2") or "").lower()]
        y_text = g.get("y") or g.get("y2")
        if y_text:
            year = _spelled_year(y_text)
        else:
            rel = (g.get("rel") or "").lower().split()
            if not rel and direction != PAST:
                return None  # "work in the summer" is a habit; "much of the summer" looked back at one
            if dct is None:
                return (None, None)
            year = _year_for_season(s, dct, direction, rel[-1] if rel else None)
            if year is None:
                return None
        return (f"{year:04d}-{s}", None)
    if kind == "unit_rel":
        if dct is None:
            return (None, None)
        rel = g["rel"].lower().split()[-1]
        mod = (g.get("mod") or "").lower()
        if rel in ("past", "coming") and not mod:
            return None
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "current": 0}[rel]
        unit = g["unit"].lower()
        if unit == "week":
            if step == -1 and dct.weekday() == 6 and not mod:
                step = 0  # on a Sunday, "last week" is the Monday-to-Saturday just ended
            return (_week(dct + timedelta(weeks=step)), None)
        if unit == "month":
            y, mo = _add_months(dct.year, dct.month, step)
            return (f"{y:04d}-{mo:02d}", None)
        ctx.last_year = dct.year + step
        return (f"{dct.year + step:04d}", None)
    if kind == "ago":
        if dct is None:
            return (None, None)
        n = _number(g["n"]) + (_number(g["n2"]) if g.get("n2") else 0)
        if n <= 0:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return (_day_iso(dct - timedelta(days=n)), None)
        if unit == "week":
            return (_week(dct - timedelta(weeks=n)), None)
        if unit == "month":
            y, mo = _add_months(dct.year, dct.month, -n)
            return (f"{y:04d}-{mo:02d}", None)
        years = n * (10 if unit == "decade" else 1)
        return (f"{dct.year - years:04d}", None)
    if kind == "day_rel":
        if dct is None:
            return (None, None)
        w = re.sub(r"\s+", " ", g["w"].lower())
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
        offset += {"before": -1, "after": 1}.get((g.get("dba") or "").lower(), 0)
        return (_day_iso(dct + timedelta(days=offset)), None)
    if kind == "weekday":
        if dct is None:
            return (None, None)
        rel = (g.get("rel") or "").lower().split()
        when = _weekday(dct, WEEKDAYS[g["w"].lower()], direction, rel[-1] if rel else None)
        return (_day_iso(when), None)
    if kind == "weekday_range":
        if dct is None:
            return (None, None)
        first = _weekday(dct, WEEKDAYS[g["w"].lower()], direction, None)
        last = first + timedelta(days=(WEEKDAYS[g["w2"].lower()] - first.weekday()) % 7)
        return (_day_iso(first), _day_iso(last))
    if kind == "holiday":
        value = _holiday(g, dct, UNKNOWN if g.get("week") else direction)
        if g.get("week") and value[0]:
            return (_week(date.fromisoformat(value[0])), None)
        return value
    if kind == "decade":
        y = int(g["y"])
        if y % 100 == 0 and "'" not in m.group(0) and not m.group(0).lower().startswith("the"):
            return None
        return (f"{y:04d}", f"{y + 9:04d}")
    if kind == "year":
        year = _spelled_year(g["y"])
        if not 1000 <= year <= 2200:
            return None
        ctx.last_year = year
        return (f"{year:04d}", None)
    if kind == "anaphoric":
        return _anaphoric(m.group(0).lower(), (g.get("unit") or "day").lower(), ctx)
    if kind == "in_the":
        if dct is None:
            return (None, None)
        unit = g["unit"].lower()
        if unit == "week":
            return (_week(dct), None)
        return (f"{dct.year:04d}-{dct.month:02d}" if unit == "month" else f"{dct.year:04d}", None)
    return None


def _anaphoric(text: str, unit: str, ctx: _Context) -> tuple[str | None, str | None] | None:
    """ "That year", "the following month", "the day before": relative to the last date the text
    gave at that granularity, not to the publication date."""
    step = (
        1
        if re.search(r"following|next|after", text)
        else -1
        if re.search(r"previous|preceding|before", text)
        else 0
    )
    if unit == "year":
        return (f"{ctx.last_year + step:04d}", None) if ctx.last_year is not None else None
    if unit == "month":
        if ctx.last_month is None:
            return None
        y, mo = _add_months(*ctx.last_month, step)
        return (f"{y:04d}-{mo:02d}", None)
    if ctx.last_day is None:
        return None
    return ((ctx.last_day + timedelta(days=step)).isoformat(), None)


def _checked_day(year: int, month: int, day: int, ctx: _Context) -> tuple[str | None, str | None] | None:
    d = _safe_date(year, month, day)
    if d is None:
        return None
    ctx.last_year = year
    return (d.isoformat(), None)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _number(text: str) -> int:
    t = text.lower()
    return int(t) if t.isdigit() else NUMBER_WORDS.get(t, 0)


def _spelled_year(text: str) -> int:
    """1996 from "1996" or "nineteen ninety-six"; "the year two thousand" is 2000."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[- ]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:] if w != "and")
    if words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return 1900
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    return 0


def _day_iso(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _add_quarters(yq: tuple[int, int], n: int) -> tuple[int, int]:
    k = yq[0] * 4 + (yq[1] - 1) + n
    return k // 4, k % 4 + 1


def _latest_quarter(dct: date) -> tuple[int, int]:
    """The last quarter that has ended: what "the quarter" means in a results story."""
    return _add_quarters((dct.year, (dct.month - 1) // 3 + 1), -1)


def _year_for(month: int, day: int, dct: date | None, direction: int, weekday: str | None) -> int | None:
    """Year of a month-day without one: the occurrence the tense points at, else the nearest."""
    if dct is None:
        return None
    if weekday:
        wanted = WEEKDAYS[weekday.lower()]
        for y in (dct.year, dct.year - 1, dct.year + 1):
            d = _safe_date(y, month, day)
            if d is not None and d.weekday() == wanted and abs((d - dct).days) < 300:
                return y
    candidates = [(y, _safe_date(y, month, day)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    valid = [(y, d) for y, d in candidates if d is not None]
    if not valid:
        return None
    if direction < 0:
        past = [(y, d) for y, d in valid if d <= dct]
        if past and (dct - past[-1][1]).days <= 300:
            return past[-1][0]
    if direction > 0:
        future = [(y, d) for y, d in valid if d >= dct]
        if future and (future[0][1] - dct).days <= 300:
            return future[0][0]
    # news looks back more often than ahead: a future reading must be twice as close to win
    return min(valid, key=lambda yd: (dct - yd[1]).days if yd[1] <= dct else 2 * (yd[1] - dct).days)[0]


def _year_for_month(month: int, dct: date | None, direction: int, rel: str | None) -> int | None:
    if dct is None:
        return None
    if rel == "last":
        return dct.year if month < dct.month else dct.year - 1
    if rel == "next":
        return dct.year if month > dct.month else dct.year + 1
    if rel == "this" or month == dct.month:
        return dct.year
    if direction > 0:
        return dct.year if month > dct.month else dct.year + 1
    if direction < 0:
        return dct.year if month < dct.month else dct.year - 1
    back = (dct.month - month) % 12
    return (
        dct.year - (1 if month > dct.month else 0)
        if back < 2 * ((month - dct.month) % 12)
        else (dct.year + (1 if month < dct.month else 0))
    )


def _year_for_season(season: str, dct: date, direction: int, rel: str | None) -> int | None:
    start = SEASON_MONTH[season]
    current = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}.get(
        dct.month, "WI"
    )
    winter_year = dct.year - 1 if dct.month < 3 else dct.year
    now = winter_year if current == "WI" else dct.year
    if season == current and rel in (None, "this"):
        return now
    earlier = SEASON_MONTH[current] > start if current != "WI" else True
    if rel == "this":
        return now
    if rel == "last" or (rel is None and direction < 0):
        return now if earlier and season != current else now - 1
    if rel == "next" or (rel is None and direction > 0) or rel == "this":
        return now if not earlier else now + 1
    return now


def _weekday(dct: date, wanted: int, direction: int, rel: str | None) -> date:
    """The weekday a reader means: same day as publication unless "last"/"next" say otherwise."""
    delta = wanted - dct.weekday()
    if rel == "last" or rel == "past":
        return dct - timedelta(days=(-delta) % 7 or 7)
    if rel == "next" or rel == "coming":
        return dct + timedelta(days=delta % 7 or 7)
    if delta == 0:
        return dct
    if direction > 0 or rel == "this":
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday_in(name: str, year: int) -> date:
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name.startswith("easter"):
        return _easter(year)
    if name.startswith("halloween"):
        return date(year, 10, 31)
    if name.startswith("independence"):
        return date(year, 7, 4)
    if name.startswith("valentine"):
        return date(year, 2, 14)
    return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # Election Day: Tuesday after the first Monday


def _holiday(g: dict[str, str | None], dct: date | None, direction: int) -> tuple[str | None, str | None]:
    name = re.sub(r"\s+", " ", (g["h"] or "").lower())
    if g.get("y"):
        return (_holiday_in(name, int(g["y"] or 0)).isoformat(), None)
    if dct is None:
        return (None, None)
    rel = (g.get("rel") or "").lower()
    this = _holiday_in(name, dct.year)
    if rel == "last" or (not rel and direction < 0):
        return ((this if this < dct else _holiday_in(name, dct.year - 1)).isoformat(), None)
    if rel == "next" or (not rel and direction > 0):
        return ((this if this >= dct else _holiday_in(name, dct.year + 1)).isoformat(), None)
    return (this.isoformat(), None)


def build_timeline(doc: Doc, exprs: list[TimeExpr], cast: Cast) -> list[TimelineEntry]:
    """One entry per expression, with the clause it dates as `event` and the actors in it."""
    spans = [_tokens(doc, x.start_char, x.end_char) for x in exprs]
    all_dates = {t.i for s in spans if s is not None for t in s}
    out = []
    for x, span in zip(exprs, spans, strict=True):
        event, actors = _event(span, all_dates, cast) if span is not None else (None, ())
        out.append(TimelineEntry(x.text, x.date, x.end, event, actors, span=(x.start_char, x.end_char)))
    return sorted(out, key=lambda e: (e.date is None, sort_key(e.date)))


DROP_DEPS = {
    "advcl",
    "parataxis",
    "punct",
    "mark",
    "cc",
    "conj",
    "relcl",
    "csubj",
    "discourse",
    "intj",
    "dep",
}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
SENTENCE_ADVERBS = {"also", "however", "moreover", "meanwhile", "meantime", "separately", "still"}
QUOTE_MARKS = {'"', "“", "”", "``", "''", "‘", "’"}
MAX_EVENT_TOKENS = 40
MAX_CCOMP_TOKENS = 25


def _event(span: Span, all_dates: set[int], cast: Cast) -> tuple[str | None, tuple[str, ...]]:
    """The clause the date belongs to: the verb with its subject and objects, minus the date,
    other dates, fronted adverbials and subordinate clauses, so it reads on its own. A date on
    an event noun ("a meeting later this month") gives that noun phrase instead."""
    doc = span.doc
    own = {t.i for t in span}
    skip = set(all_dates)
    for tok in span:
        head = tok.head  # the preposition that introduces the date ("on Friday") goes with it
        if head.dep_ == "prep" and head.i not in own and all(c.i in own for c in head.children):
            skip.add(head.i)
    path = {a.i for a in span.root.ancestors}
    anchor = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
    verb = _governing_verb(span.root)
    if anchor.pos_ == "NOUN" and anchor.i not in own and not _argument_of(anchor, verb):
        tokens = [t for t in anchor.subtree if t.i not in skip and not _under(t, anchor, {"relcl", "acl"})]
        return _finish(doc, tokens, [], cast)
    if verb is None:
        return None, ()
    for _ in range(2):
        # "started their tour to expand cooperation on Thursday": the tour is the event;
        # "said in a statement released Wednesday": the statement is what was said
        infinitive = "to" in {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reduced = verb.tag_ == "VBN" and verb.dep_ == "acl"
        if not ((infinitive and verb.dep_ in ("advcl", "xcomp", "acl")) or reduced):
            break
        upper = _governing_verb(verb.head) if verb.head.i != verb.i else None
        if upper is None:
            break
        path.update(a.i for a in verb.ancestors if a.i != upper.i and upper.is_ancestor(a))
        path.add(verb.i)
        verb = upper
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    keep: list[Token] = []

    def walk(tok: Token, top: bool) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.i in skip or child.text in QUOTE_MARKS:
                continue
            on_path = child.i in path
            if not on_path and any(t.i in all_dates and t.i not in own for t in child.subtree):
                continue
            if (
                not on_path
                and child.dep_ in DROP_DEPS
                and not (not top and child.dep_ in ("punct", "cc", "conj"))
            ):
                continue
            if top and not on_path:
                if child.dep_ == "ccomp" and len(list(child.subtree)) > MAX_CCOMP_TOKENS:
                    continue
                if child.dep_ == "advmod" and child.lower_ in SENTENCE_ADVERBS:
                    continue
                if (
                    child.dep_ in ("prep", "advmod", "npadvmod")
                    and subject is not None
                    and child.i < subject.i
                ):
                    continue
                if child.dep_ == "prep" and child.lower_ == "according":
                    continue
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and child.lower_ in RELATIVE_PRONOUNS
                    and verb.dep_ == "relcl"
                ):
                    keep.extend(
                        t
                        for t in verb.head.subtree
                        if t.i < verb.i and not t.is_punct and not _under(t, verb.head, {"relcl"})
                    )
                    continue
            walk(child, False)

    walk(verb, True)
    lead: list[Token] = []
    if subject is None and verb.dep_ in ("advcl", "xcomp", "acl") and verb.head.i != verb.i:
        borrowed = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if borrowed is not None:
            lead = [t for t in borrowed.subtree if t.i not in skip]
    return _finish(doc, [t for t in keep if t.i not in skip], lead, cast)


def _argument_of(noun: Token, verb: Token | None) -> bool:
    """Whether `noun` is the verb's own subject, object or adjunct (not buried deeper)."""
    if verb is None:
        return False
    head = noun.head
    return head.i == verb.i or (head.dep_ in ("prep", "agent") and head.head.i == verb.i)


def _under(tok: Token, top: Token, deps: set[str]) -> bool:
    """Whether `tok` sits inside a dependent of `top` with one of `deps` (e.g. its relative clause)."""
    for a in [tok, *tok.ancestors]:
        if a.i == top.i:
            return False
        if a.dep_ in deps and a.head.i == top.i:
            return True
    return False


def _finish(doc: Doc, body: list[Token], lead: list[Token], cast: Cast) -> tuple[str | None, tuple[str, ...]]:
    """Text of the kept tokens (gaps become one space) and the actors mentioned in them."""
    tokens = sorted({t.i: t for t in body}.values(), key=lambda t: t.i)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "mark")):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens.pop(0)
    tokens = [t for t in tokens if t.text not in QUOTE_MARKS]
    kept = {t.i for t in tokens}
    # a comma that bordered a dropped clause ("the NRA, which endorsed him, urged") goes with it
    tokens = [t for t in tokens if t.text != "," or (t.i - 1 in kept and t.i + 1 in kept)][:MAX_EVENT_TOKENS]
    if not tokens:
        return None, ()
    body_text = _join(tokens)
    if lead and tokens[0].i == tokens[0].sent.start and tokens[0].pos_ != "PROPN":
        body_text = body_text[:1].lower() + body_text[1:]
    text = " ".join(part for part in (_join(lead), body_text) if part)
    text = re.sub(r"\s+([,.;:!?)’])", r"\1", text).strip(" ,;:")
    text = re.sub(r",(\s*,)+", ",", text)
    actors: list[str] = []
    for run_start, run_end in _runs(sorted({t.i: t for t in [*lead, *tokens]}.values(), key=lambda t: t.i)):
        for a in cast.in_span(run_start, run_end):
            if a not in actors:
                actors.append(a)
    return (text[:1].upper() + text[1:]) if text else None, tuple(actors)


def _join(tokens: list[Token]) -> str:
    text = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None:
            text += prev.whitespace_ if tok.i == prev.i + 1 else " "
        text += tok.text
    return text.strip()


def _runs(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Character ranges of consecutive tokens."""
    start = prev = None
    for tok in tokens:
        if prev is not None and tok.i == prev.i + 1:
            prev = tok
            continue
        if start is not None and prev is not None:
            yield start.idx, prev.idx + len(prev)
        start = prev = tok
    if start is not None and prev is not None:
        yield start.idx, prev.idx + len(prev)
