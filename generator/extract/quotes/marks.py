"""Quotation marks: which marks open and close, and the text between them.

Marks are paired in the raw text (curly or straight, double; single marks only in articles that
use no double marks, so apostrophes and nested quotes never end a quote). A paragraph that
opens a quote and does not close it continues in the next paragraph when that one opens with a
mark (the news convention), so each piece keeps its own offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPEN_D, CLOSE_D, STRAIGHT_D = "“„«", "”»", '"'
"""Double marks that open, that close, and that do either (told apart by what is around them)."""
OPEN_S, CLOSE_S = "‘‹", "’›"
"""Single marks, read only in articles that use no double marks."""
CLOSERS = set(".,;:!?)]}—–-…") | {"'", "’", "”", '"'}
"""Characters that may follow a closing mark."""
OPENERS = set("([{—–-/:") | {"‘", "“", "'", '"'}
"""Characters that may precede an opening mark."""


@dataclass(frozen=True)
class Piece:
    """Text between one pair of marks (or from an opening mark to the end of its paragraph)."""

    start: int
    end: int
    continues: bool = False
    """The paragraph ended inside the quote and the next paragraph carries it on."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, opening: str, closing: str, straight: str) -> str | None:
    """'open', 'close' or '?' for the mark at `i`, from the glyph and the characters around it."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opens = prev.isspace() or prev in OPENERS
    closes = nxt.isspace() or nxt in CLOSERS
    if ch in opening:
        return "close" if closes and not opens and _is_word(prev) else "open"
    if ch in closing:
        if ch in CLOSE_S and _is_word(prev) and _is_word(nxt):
            return None  # an apostrophe: don’t, O’Malley
        return "open" if opens and not closes else "close"
    if ch in straight:
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return "?"
    return None


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs of an article text: blocks separated by a blank line."""
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def quotation_spans(text: str) -> list[Piece]:
    """Content offsets of every quotation in `text`, without the marks."""
    doubles = any(c in text for c in OPEN_D + CLOSE_D + STRAIGHT_D)
    opening, closing, straight = (OPEN_D, CLOSE_D, STRAIGHT_D) if doubles else (OPEN_S, CLOSE_S, "")
    paras = paragraph_bounds(text)
    starts = [s for s, _ in paras]
    pieces: list[Piece] = []
    open_at: int | None = None

    def para(i: int) -> int:
        return bisect_right(starts, i) - 1

    def leave_paragraph(next_mark: int | None, role: str | None) -> None:
        """Close an open quote when its paragraph ended: a continuation or a stray mark."""
        nonlocal open_at
        if open_at is None:
            return
        p = para(open_at)
        if next_mark is not None and para(next_mark) == p:
            return
        carried = (
            next_mark is not None
            and role in ("open", "?")
            and para(next_mark) == p + 1
            and next_mark == paras[p + 1][0]
        )
        if carried:
            pieces.append(Piece(open_at, paras[p][1], continues=True))
        open_at = None

    for i, ch in enumerate(text):
        if ch not in opening and ch not in closing and ch not in straight:
            continue
        role = _role(text, i, opening, closing, straight)
        if role is None:
            continue
        leave_paragraph(i, role)
        if role == "?":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if i > 0 and text[i - 1] == "=":
                open_at = None
                continue
            open_at = i + 1
        elif open_at is not None:
            if _worth_keeping(text[open_at:i]):
                pieces.append(Piece(open_at, i))
            open_at = None
    leave_paragraph(None, None)
    return pieces


def _worth_keeping(content: str) -> bool:
    return len(content.strip()) >= 2 and any(c.isalnum() for c in content) and "=" not in content[-2:]
