"""Lines -> paragraphs: unwrap hard-wrapped lines, keep one-per-line units apart, find a title.

Plain text files are read entirely here; Markdown blocks are unwrapped the same way.
"""

from __future__ import annotations

import re

from .furniture import TERMINAL, is_code

MAX_TITLE = 250
"""A first line longer than this is prose, not a title: it stays in the body."""


def unwrap(block: str) -> list[str]:
    """Paragraphs in a block of lines: fold hard-wrapped lines, keep one-per-line units apart.

    Wire and corpus text often has one sentence (or headline, or dateline) per line; a headline
    glued to the first sentence would become one long bogus sentence. A line break is kept when
    the line is short enough that a wrapping editor would have fitted the next word on it, or
    when most lines of the block end a sentence (one break alone is too little to tell, unless
    the lines are longer than anyone wraps text).
    """
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    if len(lines) < 2 or is_code(block):
        return [" ".join(lines)] if lines else []
    ends = [bool(TERMINAL.search(ln)) for ln in lines[:-1]]
    width = max(len(ln) for ln in lines)
    per_line = sum(ends) >= 0.5 * len(ends) and (len(ends) >= 2 or width > 100)
    out: list[list[str]] = [[lines[0]]]
    for i, (prev, nxt) in enumerate(zip(lines, lines[1:], strict=False)):
        starts_unit = bool(re.match(r"[\W\d]*[A-Z0-9]|[“\"'‘(\-–—•*]", nxt))
        short = width >= 30 and len(prev) + 1 + len(nxt.split()[0]) < 0.8 * width
        if starts_unit and ((per_line and ends[i]) or short):
            out.append([nxt])
        else:
            out[-1].append(nxt)
    return [" ".join(part) for part in out]


def blocks(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, each unwrapped into its own units."""
    return [p for b in re.split(r"\n[ \t]*\n", text) if b.strip() for p in unwrap(b)]


def split_title(paras: list[str]) -> tuple[str, list[str]]:
    """Title from the first line; a first line too long to be a title stays in the body."""
    if not paras:
        return "", []
    first = paras[0]
    if len(first) <= MAX_TITLE:
        return first, paras[1:]
    words = first.split()
    return " ".join(words[:12]) + " …", paras


def read_text(text: str) -> tuple[str, list[str]]:
    """Plain text: title on the first non-empty line, body below it."""
    lines = text.lstrip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    if len(title) > MAX_TITLE:
        return split_title(blocks(text))
    return title, blocks(body)


def same_words(a: str, b: str) -> bool:
    """The same words, whatever the punctuation and case (a title repeated as the first block)."""

    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return key(a) == key(b)
