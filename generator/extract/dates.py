"""Dates: temporal expressions resolved to ISO values against the publication date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import dateparser
from spacy.tokens import Doc

from ..model import TimelineEntry
from .actors import Cast


@dataclass(frozen=True)
class TimeExpr:
    text: str
    date: str | None
    end: str | None
    start_char: int
    end_char: int


def extract_dates(doc: Doc, published: date | None) -> Iterator[TimeExpr]:
    settings = {"PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False}
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value = None
        if published is not None:
            from datetime import datetime

            settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
        parsed = dateparser.parse(ent.text, settings=settings)  # type: ignore[arg-type]
        if parsed is not None and (published is not None or any(c.isdigit() for c in ent.text)):
            value = parsed.date().isoformat()
        yield TimeExpr(ent.text, value, None, ent.start_char, ent.end_char)


def build_timeline(doc: Doc, exprs: list[TimeExpr], cast: Cast) -> list[TimelineEntry]:
    out = []
    for x in exprs:
        span = doc.char_span(x.start_char, x.end_char, alignment_mode="expand")
        sent = span.sent if span is not None else None
        event = sent.text.strip() if sent is not None else None
        actors = tuple(cast.in_span(sent.start_char, sent.end_char)) if sent is not None else ()
        out.append(TimelineEntry(x.text, x.date, x.end, event, actors, span=(x.start_char, x.end_char)))
    return sorted(out, key=lambda e: (e.date is None, e.date or ""))
