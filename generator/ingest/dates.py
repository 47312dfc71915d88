"""Dates as articles write them ("March 3, 2021", "3 March 2021", "2021-03-03", "03.03.2021"): in
a front matter value, in a web page's metadata (`published`: the publication date, in the
page's own time zone where it shows one), and for an article without a date in its metadata, in
a wire dateline ("LONDON 1996-08-30") or a date line near the top ("Published: March 3, 2021")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_tz

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
    re.compile(r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),
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


def find_date(text: str) -> str | None:
    """The first date written anywhere in `text` ("Monday, Dec. 29 2014, 6:00 AM EST")."""
    for m in re.finditer(r"(?<![\w.])(?=[A-Za-z]{3}|\d)", text[:200]):
        found = parse_date(text[m.start() :])
        if found:
            return found
    return None


ISO_TIME = re.compile(
    r"\s*(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[0-2]\d):\d\d(?::\d\d(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d\d:?\d\d|UTC|GMT)?)?"
)
UPDATED = re.compile(r"\b(?:updated?|modified|edited|revised|last)\b", re.I)


@dataclass(frozen=True)
class Stamp:
    """A publication date as one source writes it: the day, and whether it is the UTC day of a
    moment (which may be the day after the local date in the Americas, or before it in Asia)."""

    day: date
    utc: bool = False


def read_stamp(value: str) -> Stamp | None:
    """A date from an ISO timestamp, an e-mail style date or a date in words."""
    m = ISO_TIME.match(value)
    if m:
        try:
            day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        tz = (m.group("tz") or "").replace(":", "")
        return Stamp(day, utc=bool(m.group("h")) and tz in ("Z", "+0000", "-0000", "UTC", "GMT"))
    mail_style = re.match(r"\s*(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s", value)
    parts = parsedate_tz(value) if mail_style else None
    if parts:
        try:
            return Stamp(date(parts[0], parts[1], parts[2]), utc=parts[9] == 0)
        except ValueError:
            return None
    found = find_date(value)
    return Stamp(date.fromisoformat(found)) if found else None


def publication_date(published: list[tuple[str, str]], modified: list[str]) -> str | None:
    """The day the article was first published, as the page's readers saw it.

    `published`: (where, value), metadata first and visible dates ("visible") after. A revision
    date never wins: values the page also gives as modified, or labelled "Updated", are skipped.
    A UTC timestamp is replaced by the page's local date (a timestamp with its own offset, or a
    date shown on the page) when that is the day before or the day after.
    """
    stamps: list[tuple[str, Stamp]] = []
    revised = {v.strip() for v in modified}
    for where, value in published:
        if value.strip() in revised and where != "ld:datePublished":
            continue
        if where == "visible" and UPDATED.search(value):
            continue
        stamp = read_stamp(value)
        if stamp is not None and 1990 <= stamp.day.year <= date.today().year + 1:
            stamps.append((where, stamp))
    if not stamps:
        return None
    first = next((s for w, s in stamps if w != "visible"), stamps[0][1])
    if first.utc:
        near = (first.day - timedelta(days=1), first.day, first.day + timedelta(days=1))
        for shown in (False, True):  # the page's metadata first, then the dates it shows
            local = [s.day for w, s in stamps if not s.utc and (w == "visible") == shown and s.day in near]
            if local:
                return (first.day if first.day in local else local[0]).isoformat()
    return first.day.isoformat()
