"""Dates as articles write them ("March 3, 2021", "3 March 2021", "2021-03-03"): in a front matter
value, and for an article without a date in its metadata, in a wire dateline ("LONDON
1996-08-30") or a date line near the top ("Published: March 3, 2021")."""

from __future__ import annotations

import re
from datetime import date

from ..periods import MONTH_NAMES
from .furniture import word_count

MONTH_NUMBERS = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
"""Month names and their abbreviations, lower case -> 1..12."""

_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
DATE_FORMS = (
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(rf"{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b"),
)
DATELINE_PLACE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3})\s*,?\s*(?:\([^)]{1,30}\)\s*)?[-–—,]{0,2}\s*"
)
DATE_REST = re.compile(
    r"[\s,.|at]*(?:T?\d{1,2}[:.]\d\d(?::\d\d)?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,4}|[+-]\d\d:?\d\d)?)?\s*",
    re.I,
)
DATE_LABEL = re.compile(
    r"(?:(?:first\s+)?published|posted|date|dated)?\s*:?\s*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?", re.I
)


def parse_date(text: str, alone: bool = False) -> str | None:
    """The date `text` starts with; with `alone`, only if nothing but a time follows it."""
    for form in DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        if alone and not DATE_REST.fullmatch(text[m.end() :]):
            continue
        mon = m.groupdict().get("mon")
        month = MONTH_NUMBERS.get(mon.lower()) if mon else int(m.group("m"))
        if not month:
            continue
        try:
            return date(int(m.group("y")), month, int(m.group("d"))).isoformat()
        except ValueError:
            continue
    return None


def dateline(paras: list[str]) -> str | None:
    """The date of a wire dateline ("LONDON 1996-08-30") or a date line near the top."""
    for para in paras[:3]:
        for m in re.finditer(r"[\s,(—–-]\s*(?=\w)", para[:80]):
            if DATELINE_PLACE.fullmatch(para[: m.end()]):
                found = parse_date(para[m.end() :])
                if found:
                    return found
        label = DATE_LABEL.match(para)
        if label is not None and word_count(para) <= 12:
            found = parse_date(para[label.end() :], alone=True)
            if found:
                return found
    return None
