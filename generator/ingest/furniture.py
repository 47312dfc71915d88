"""Page furniture: whole paragraphs that carry no article prose (related-story boxes, share and
newsletter prompts, copyright lines, leaked code, the author line), and cutting them."""

from __future__ import annotations

import re
from collections.abc import Iterable

TERMINAL = re.compile(r"[.!?…:;](?:\s*[\"”’'»)\]])*$|[\"”»]$")
"""A line that ends a sentence (or a quotation)."""

SECTION_MARKER = re.compile(
    r"(?:must[- ]reads?|related(?: (?:stories|articles|content|coverage|news|links|posts|reading|topics))?"
    r"|read more|read next|more to read|recommended(?: (?:for you|stories|articles|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|(?:most|more) (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|editors?['’]?s? picks|further reading|see also|also read"
    r"|more (?:stories|news|from [\w .'’&-]{1,40})|popular (?:now|stories|posts)|what to read next"
    r"|more on this(?: story| topic)?|don['’]?t miss)\s*[:.]?",
    re.I,
)
INLINE_TEASER = re.compile(
    r"(?:read more|related|read next|also read|see also|must read|recommended|more|watch|listen"
    r"|don['’]?t miss|click here)\s*[:|–—-]\s+\S",
    re.I,
)
FURNITURE = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?)\W*$"
    r"|follow (?:us\W*$|us (?:on|at|for|@)|@\w+"
    r"|[\w .]{1,40} on (?:twitter|facebook|instagram|x|threads|linkedin)\b)"
    r"|(?:share|tweet) (?:this|on|via)\b"
    r"|(?:copyright\s*(?:©|\(c\)|\d{4})|©)"
    r"|(?:click|tap) here\b",
    re.I,
)
NEWSLETTER = re.compile(r"\bnewsletters?\b", re.I)
SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscribe|register|inbox|delivered)\b", re.I)
RIGHTS = re.compile(r"\ball rights reserved\b", re.I)
AUTHOR_LINE = re.compile(
    r"By\s+((?:[A-Z][\w.'’-]*\s*){2,4}(?:(?:and|&)\s+(?:[A-Z][\w.'’-]*\s*){2,4})?)(?:[,|–—-].{0,60})?$"
)
"""A short paragraph near the top that only credits the author ("By Jane Doe", "By A B and C D,
Reuters"): `byline` gives the name to `Article.author`, and `read` cuts the line."""


def word_count(text: str) -> int:
    return len(text.split())


def is_furniture(para: str) -> bool:
    """A single line of page furniture: ads, share/follow prompts, newsletter and copyright lines."""
    n = word_count(para)
    if n <= 25 and FURNITURE.match(para):
        return True
    if n <= 25 and NEWSLETTER.search(para) and SIGN_UP.search(para) and not re.search(r"[<“”\"]", para):
        return True
    return n <= 30 and bool(RIGHTS.search(para))


def is_code(para: str) -> bool:
    """Stylesheet or script text that leaked into a page copy: braces and semicolons, no prose."""
    if "{" not in para and "}" not in para:
        return False
    marks = sum(para.count(c) for c in "{};:")
    return marks >= 3 and marks >= 0.04 * len(para) and not re.search(r"[“”\"]\w", para)


def is_teaser(para: str) -> bool:
    """A headline or a cut-off summary of another story, the things a related box lists."""
    return (not TERMINAL.search(para) and word_count(para) <= 20) or para.rstrip().endswith(("…", "..."))


def gist(paras: Iterable[str], words: int = 12) -> str:
    """The first words of a cut, paragraphs separated by " / ", for an editor to recognise it."""
    out: list[str] = []
    count = 0
    for para in paras:
        toks = para.split()
        if out and toks:
            out.append("/")
        for tok in toks:
            if count == words:
                return " ".join(out) + " …"
            out.append(tok)
            count += 1
    return " ".join(out)


def trim(paras: list[str]) -> tuple[list[str], list[str]]:
    """Body paragraphs without page furniture, and a short note of each cut.

    The rules look only at whole paragraphs that carry no article prose: section markers such as
    "Must Read" or "Related" with a headline or nothing after them (followed by prose, such a line
    is the article's own subheading), one-line prompts, code. A marker late in the text takes
    everything after it when that tail is small; otherwise only the teasers that follow it go.
    """
    keep: list[str] = []
    cuts: list[str] = []
    total = sum(len(p) for p in paras) or 1
    i = 0
    while i < len(paras):
        para = paras[i]
        tail = paras[i + 1 :]
        if SECTION_MARKER.fullmatch(para.strip()) and (
            not tail or is_teaser(tail[0]) or is_furniture(tail[0])
        ):
            before = sum(len(p) for p in keep)
            if before >= 0.5 * total and sum(len(p) for p in tail) <= 0.35 * total and len(tail) <= 8:
                cuts.append(gist(paras[i:]))
                break
            j = i + 1
            while j < len(paras) and is_teaser(paras[j]):
                j += 1
            cuts.append(gist(paras[i:j]))
            i = j
            continue
        if (INLINE_TEASER.match(para) and word_count(para) <= 30) or is_furniture(para) or is_code(para):
            j = i + 1
            while j < len(paras) and is_code(para) and is_code(paras[j]):
                j += 1
            cuts.append(gist(paras[i:j]))
            i = j
            continue
        keep.append(para)
        i += 1
    return keep, cuts


def byline(paras: list[str]) -> tuple[str | None, int | None]:
    """An author line ("By Jane Doe") among the first paragraphs, and where it is."""
    for i, para in enumerate(paras[:3]):
        m = AUTHOR_LINE.match(para)
        if m and word_count(para) <= 14:
            return re.sub(r"\s+", " ", m.group(1)).strip(), i
    return None, None
