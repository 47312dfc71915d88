"""Metadata values (front matter, HTML meta tags) as the text an `Article` field holds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .article import fail
from .dates import parse_date


def iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def iso_date(value: Any, path: str, line: int | None) -> str | None:
    """A front matter date as YYYY-MM-DD; anything else is an editor's mistake worth a message."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        found = parse_date(text)
        if found:
            return found
    raise fail(path, f"{text!r} is not a date like 2023-11-03", line, "published")


def text_value(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return iso(value)


def meta_date(meta: dict[str, Any], lines: dict[str, int], kind: str, path: str) -> str | None:
    """The publication date the metadata gives: a web page's as trafilatura found it, else front
    matter `published` (or `date`), which must be a date (`lines`: where each key is written)."""
    if kind == "html":
        return iso(meta.get("published")) or None
    key = "published" if meta.get("published") not in (None, "") else "date"
    return iso_date(meta.get(key), path, lines.get(key))
