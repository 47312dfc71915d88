"""The source text as numbered paragraphs with quotes highlighted, and readable date labels.

Offsets come from the YAML, which editors may change, so every span is clipped to its paragraph
and overlapping or out-of-range spans are skipped instead of breaking the page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

from ..ingest import Article
from ..model import Quote
from ..periods import MONTH_NAMES, Period


@dataclass(frozen=True)
class Paragraph:
    number: int
    html: Markup


def paragraphs(article: Article, quotes: tuple[Quote, ...], speakers: dict[str, str]) -> list[Paragraph]:
    """Each paragraph escaped, with `<mark id="quote-ID">` around the quoted characters."""
    text = article.text
    spans = sorted(
        (q.span[0], q.span[1], q) for q in quotes if q.span and 0 <= q.span[0] < q.span[1] <= len(text)
    )
    out: list[Paragraph] = []
    anchored: set[str] = set()
    for number, (start, end) in enumerate(article.paragraphs, start=1):
        pos, parts = start, []
        for s, e, q in spans:
            s, e = max(s, start), min(e, end)
            if s >= e or s < pos:
                continue
            who = speakers.get(q.speaker or "", "unattributed")
            parts.append(escape(text[pos:s], quote=False))
            anchor = "" if q.id in anchored else f' id="quote-{escape(q.id)}"'
            anchored.add(q.id)
            parts.append(
                f'<mark class="bf-mark"{anchor} title="{escape(who)}">{escape(text[s:e], quote=False)}</mark>'
            )
            pos = e
        parts.append(escape(text[pos:end], quote=False))
        out.append(Paragraph(number, Markup("".join(parts))))
    return out


def folded(name: str) -> str:
    """`name` without its accents, as a reader types it: "Lü Xiang" -> "Lu Xiang"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def week_label(week: tuple[int, int] | None) -> str:
    """A week of briefings as a heading: `30 Oct – 5 Nov 2023`."""
    if week is None:
        return "Undated"
    return Period.parse(f"{week[0]:04d}-W{week[1]:02d}").days_label()


def day_label(d: date | None) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}" if d else "undated"


def month_label(key: str) -> str:
    """`2023-11` -> `November 2023`; a bare year stays as it is."""
    if len(key) == 7:
        return f"{MONTH_NAMES[int(key[5:]) - 1]} {key[:4]}"
    return key


def age_label(days: int | None) -> str:
    """How long, for a reader: `1 day`, `12 days`, `3 weeks`, `4 months`, `7 years`."""
    if days is None:
        return ""
    for size, unit in ((365, "year"), (30, "month"), (7, "week")):
        if days >= 2 * size:
            return f"{days // size} {unit}s"
    return f"{days} day" + ("" if days == 1 else "s")
