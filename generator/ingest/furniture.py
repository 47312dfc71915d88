"""Page furniture: paragraphs that carry no article prose (related-story boxes, share and
newsletter prompts, credit and contact lines, copyright lines, leaked code, the author line) and
furniture trailing a paragraph of prose (`credits`), and cutting them."""

from __future__ import annotations

import re

from .article import Cut
from .credits import dateline, frame_at, trailing

TERMINAL = re.compile(r"[.!?…:;](?:\s*[\"”’'»)\]])*$|[\"”»]$")
"""A line that ends a sentence (or a quotation)."""

SECTION_MARKER = re.compile(
    r"(?:must[- ]reads?|related(?: (?:stories|articles|content|coverage|news|links|posts|reading|topics))?"
    r"|read more|read next|more to read|recommended(?: (?:for you|stories|articles|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|(?:most|more) (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|editors?['’]?s? picks|further reading|see also|also read"
    r"|more (?:stories|news|from [\w .'’&-]{1,40})|popular (?:now|stories|posts)|what to read next"
    r"|more on this(?: story| topic)?|don['’]?t miss|explore further|up next|trending on [\w .'’&-]{1,40}"
    r"|(?:\d+\s+)?comments?(?:\s+\d+)?"
    r"|(?:join|leave|show|view) (?:the )?(?:comments|discussion|conversation))"
    r"\s*[:.]?",
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


TAGGED_TEASER = re.compile(r"\[(?-i:[A-Z]{3,12})\]")
"""A headline tagged for a teaser box: "Plague fears: holidaymakers die [INSIGHT]"."""
FILED = re.compile(r"(?:filed\s+under|tagged(?:\s+with)?|tags|topics|categories|more\s+about)\s*:", re.I)


def is_furniture(para: str) -> bool:
    """A single line of page furniture: ads, share/follow prompts, newsletter and copyright lines,
    tag lists, a short caption credited with ©."""
    n = word_count(para)
    if n <= 25 and (FURNITURE.match(para) or FILED.match(para)):
        return True
    if n <= 20 and "©" in para and not TERMINAL.search(para):
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


def _prose(para: str) -> bool:
    """A paragraph of article prose: a few sentences' worth, ending like a sentence, no furniture."""
    return word_count(para) >= 20 and bool(TERMINAL.search(para)) and _whole(para) is None


def _marker_cut(paras: list[str], i: int, kept: int, total: int) -> tuple[int, str]:
    """Where the cut that a section marker at `i` starts ends, and why: the teasers after it, or
    the whole rest of the text when that is small and holds no prose."""
    tail = paras[i + 1 :]
    small = kept >= 0.5 * total and sum(len(p) for p in tail) <= 0.35 * total and len(tail) <= 8
    if small and not any(_prose(p) for p in tail):
        return len(paras), "trailing section"
    j = i + 1
    while j < len(paras) and (is_teaser(paras[j]) or _whole(paras[j])):
        j += 1
    return j, "teaser"


def _whole(para: str) -> str | None:
    """Why a whole paragraph is furniture, if it is."""
    if (INLINE_TEASER.match(para) and word_count(para) <= 30) or frame_at(para) == "teaser":
        return "teaser"
    if len(TAGGED_TEASER.findall(para)) >= 2 or (TAGGED_TEASER.search(para) and is_teaser(para)):
        return "teaser"
    if is_furniture(para):
        return "page furniture"
    if not re.search(r"\w", para) or re.fullmatch(r"(?:https?://|www\.)\S+", para.strip()):
        return "separator" if not re.search(r"\w", para) else "link"
    return "code" if is_code(para) else None


def trim(paras: list[str]) -> tuple[list[str], list[Cut]]:
    """Body paragraphs without page furniture, and each cut with the reason.

    Whole paragraphs that carry no article prose go: section markers such as "Must Read" or
    "Related" with a headline or nothing after them (followed by prose, such a line is the
    article's own subheading), one-line prompts, code. A marker late in the text takes everything
    after it when that tail is small; otherwise only the teasers that follow it go. Furniture
    trailing a paragraph (a credit line after the last sentence) is cut from it; an agency
    dateline is cut from the start of a paragraph.
    """
    keep: list[str] = []
    cuts: list[Cut] = []
    total = sum(len(p) for p in paras) or 1
    i = 0
    while i < len(paras):
        para = paras[i]
        tail = paras[i + 1 :]
        if SECTION_MARKER.fullmatch(para.strip()) and (not tail or is_teaser(tail[0]) or _whole(tail[0])):
            j, section = _marker_cut(paras, i, sum(len(p) for p in keep), total)
            cuts.append(Cut("\n".join(paras[i:j]), section))
            i = j
            continue
        why = _whole(para)
        if why is not None:
            j = i + 1
            while why == "code" and j < len(paras) and is_code(paras[j]):
                j += 1
            cuts.append(Cut("\n".join(paras[i:j]), why))
            i = j
            continue
        para = _cut_inside(para, cuts)
        if para:
            keep.append(para)
        i += 1
    return keep, cuts


def _cut_inside(para: str, cuts: list[Cut]) -> str:
    """`para` without an agency dateline at its start and furniture trailing it (recorded in `cuts`)."""
    found = dateline(para)
    if found:
        cuts.append(Cut(found[0], "dateline"))
        para = found[1]
    while True:
        t = trailing(para)
        if t is None:
            return para
        para, cut, why = t
        cuts.append(Cut(cut, why))


def byline(paras: list[str]) -> tuple[str | None, int | None]:
    """An author line ("By Jane Doe") among the first paragraphs, and where it is."""
    for i, para in enumerate(paras[:3]):
        m = AUTHOR_LINE.match(para)
        if m and word_count(para) <= 14:
            return re.sub(r"\s+", " ", m.group(1)).strip(), i
    return None, None


def author_bio(paras: list[str], author: str | None) -> tuple[list[str], list[Cut]]:
    """The article without a closing note about its author ("Jane Doe is a writer in Rome."):
    one of the last two paragraphs that opens with the byline's name and a verb of being or doing."""
    if not author or len(paras) < 2:
        return paras, []
    names = "|".join(re.escape(n) for p in author.split("; ") for n in (p, p.split()[-1]))
    note = re.compile(rf"(?:{names})(?:['’]s\s|\s+(?:is|was|has|covers|writes|reports)\b)")
    for k in range(len(paras) - 1, max(0, len(paras) - 3), -1):
        if note.match(paras[k]) and word_count(paras[k]) <= 60:
            return paras[:k] + paras[k + 1 :], [Cut(paras[k], "author note")]
    return paras, []
