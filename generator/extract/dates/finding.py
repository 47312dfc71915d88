"""Finding: every temporal expression in the article, resolved to an ISO value.

Relative expressions are anchored on the publication date, weekdays and bare months take their
direction from the tense of the verb they hang on, and each value keeps the granularity the
text commits to. Durations ("three years") and clock times are skipped: they are not points on
a calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from .anchors import Anchors
from .plausible import plausible
from .rules import candidates, resolve
from .tense import direction


@dataclass(frozen=True)
class TimeExpr:
    """One expression as written, with offsets into the text and its ISO value (None when only
    a publication date could anchor it); `end` closes a range ("November 4 to 7")."""

    text: str
    date: str | None
    end: str | None
    start_char: int
    end_char: int


def extract_dates(doc: Doc, published: date | None) -> Iterator[TimeExpr]:
    """Every temporal expression in `doc` with its ISO value (None when it cannot be anchored)."""
    anchors = Anchors(published)
    text = doc.text  # spaCy joins every token on each access: once, not once per candidate
    for rule, m in candidates(text):
        if not plausible(doc, rule.kind, m):
            continue
        value = resolve(rule, m, anchors, direction(doc, rule.kind, m))
        if value is None:
            continue
        anchors.note(rule.kind, value[0], m.group(0))
        start, end = _trim(text, m)
        yield TimeExpr(text[start:end], value[0], value[1], start, end)


def _trim(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Offsets of the expression without a leading "from"/"between" or trailing space."""
    start, end = m.start(), m.end()
    lead = re.match(r"(?i:(?:from|between)\s+)", text[start:end])
    if lead:
        start += lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
