"""Furniture inside paragraphs: the frames page furniture is written in, wherever it stands.

Wire credit lines ("(Reporting by A; Editing by B)"), contributor notes ("Jane Doe contributed
reporting"), photo and chart credits, "contact the reporter" and follow prompts, reader
solicitations ("Please share your videos ..."), teaser lead-ins ("READ MORE: ..."), newsletter
and app prompts, copyright lines. Each frame is recognised by how it is phrased, not by what it
names, and is cut with everything after it in its paragraph when that rest is short (furniture
trails; article prose does not follow a credit line). Agency datelines ("SURABAYA,
Indonesia/JAKARTA (Reuters) -") are cut from a paragraph's start, where extraction would read the
agency as an actor and the summary would open with them.
"""

from __future__ import annotations

import re

_CAP = r"(?-i:[A-Z])"
FRAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "credit line",
        re.compile(
            r"[(\[]?\s*(?:additional\s+|further\s+)?(?:reporting|writing|editing|edited|compiled|translation"
            rf"|translated|graphics?|fact-checking|produced)\s+(?:by|from)\s+{_CAP}",
            re.I,
        ),
    ),
    (
        "credit line",
        re.compile(
            r"[^.!?]{3,120}?\s+contributed\s+(?:(?:additional\s+)?(?:reporting|research|writing)"
            r"|to\s+this\s+(?:report|story|article))\b[^.!?]{0,80}[.)]?\s*$",
            re.I,
        ),
    ),
    (
        "credit line",
        re.compile(
            r"(?:an?\s+)?(?:special\s+(?:credit|thanks)|(?:photo\s+)?credit|hat\s+tip)\s+(?:goes\s+)?to\s+",
            re.I,
        ),
    ),
    (
        "photo credit",
        re.compile(
            r"[(\[]\s*(?:image|photo|picture|video|graphic|chart|map)s?\s*(?:credit|by|courtesy|source)?\s*[:/]"
            r"[^)\]]{1,80}[)\]]"
            r"|(?:image|photo|picture|photograph|video|graphic|chart|illustration)s?\s*(?:credit|courtesy|source)?"
            rf"\s*:\s*\S.{{0,80}}$|(?:credit|source)s?\s*:\s*{_CAP}.{{0,60}}$"
            rf"|\(?\s*(?:photo|image|picture)s?\s+(?:by|courtesy(?:\s+of)?)\s+{_CAP}.{{0,80}}$",
            re.I,
        ),
    ),
    (
        "contact line",
        re.compile(
            r"(?:(?:write\s+to|e-?mail|contact|reach)\b[^.!?]{0,80}\s(?:at|via|on)\s+\S*(?:\w@\w|^@\w)"
            r"|[^.!?]{0,80}\b(?:can|may)\s+be\s+(?:reached|contacted|emailed)\s+(?:at|via|on|by)\b"
            r"|follow\s+(?:him|her|them|me|us|[\w.'’-]+(?:\s+[\w.'’-]+){0,3})\s+on\s+"
            r"(?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon)\b"
            r"|follow\s+(?:[\w'’.-]+\s+){0,6}(?:coverage|updates)\s+(?:of|on)\s+.{0,80}\s+(?:at|on)\s+\S+$)",
            re.I,
        ),
    ),
    (
        "reader solicitation",
        re.compile(
            r"(?:please\s+)?(?:share|send)\s+(?:us\s+)?your\s+(?:videos?|photos?|pictures?|stories|story|tips?|experiences?)"
            r"|(?:have|got)\s+a\s+(?:news\s+)?(?:tip|story(?:\s+idea)?)\s*\?"
            r"|do\s+you\s+have\s+(?:a\s+story|information|a\s+tip)\b|send\s+(?:us\s+)?(?:news\s+)?tips\b"
            r"|tell\s+us\s+(?:what\s+you\s+think|in\s+the\s+comments)|let\s+us\s+know\s+in\s+the\s+comments"
            r"|if\s+you\s+(?:enjoyed|liked|value|appreciated?)\s+(?:this|our|reading)\b",
            re.I,
        ),
    ),
    (
        "teaser",
        re.compile(
            r"(?:read\s+more|see\s+more|read\s+also|also\s+read|read\s+next|more\s+on\s+this|related(?:\s+\w+)?"
            r"|watch|listen|up\s+next|don['’]?t\s+miss|trending(?:\s+on\s+[\w .]{1,30})?"
            r"|most\s+(?:read|popular|viewed)"
            r"|more\s+from\s+[\w .'’&-]{1,40}|recommended|(?:you\s+may|you\s+might)\s+(?:also\s+)?like)"
            r"\s*(?::|\||-|–|—|>>)\s*\S",
            re.I,
        ),
    ),
    (
        "newsletter or social prompt",
        re.compile(
            r"(?:click|tap)\s+(?:here\s+)?to\s+(?:tweet|share|subscribe|sign\s+up|get|download|follow|read|watch)"
            r"|click\s+here\b|subscribe\s+to\s+(?:our|the)\b|sign\s+up\s+(?:for|to)\s+(?:our|the)\b"
            r"|(?:get|download)\s+the\s+[\w .'’-]{1,30}\s+app\b"
            r"|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)"
            r"|keep\s+an\s+eye\s+on\s+your\s+inbox|(?:there\s+was\s+an\s+)?error\s+processing\s+your\s+subscription"
            r"|share\s+(?:this|on)\s+(?:article|story|facebook|twitter)|click\s+to\s+tweet$",
            re.I,
        ),
    ),
    (
        "affiliate disclosure",
        re.compile(
            r"(?:if\s+you\s+(?:buy|purchase)\s+(?:something|anything|a\s+product)\s+(?:through|via|from)"
            r"|[^.!?]{0,80}\b(?:may|might|will)\s+(?:earn|get|receive|collect)\s+(?:a\s+)?"
            r"(?:small\s+)?(?:commission|share\s+of\s+(?:the\s+)?(?:sale|revenue))"
            r"|[^.!?]{0,60}\b(?:uses?|contains?)\s+(?:\w+\s+){0,3}affiliate\s+links)",
            re.I,
        ),
    ),
    (
        "page widget",
        re.compile(
            r"(?:an?\s+)?(?:unexpected\s+)?error\s+(?:has\s+)?occurred|please\s+try\s+again(?:\s+later)?\W*$"
            r"|this\s+(?:article|story|page)\s+has\s+been\s+sent\s+to|(?:order\s+reprints|print\s+(?:this\s+)?article)\W*$",
            re.I,
        ),
    ),
    (
        "copyright line",
        re.compile(
            rf"(?:copyright\s*(?:©|\(c\)|\d{{4}})|copyright\s+\S.{{0,40}}\b(?:19|20)\d\d\b|©\s*\d{{4}}|©\s*{_CAP}"
            r"|all\s+rights\s+reserved"
            r"|this\s+material\s+may\s+not\s+be\s+(?:published|broadcast)"
            r"|(?:this\s+(?:copy|article|content)\s+is\s+)?for\s+your\s+personal,?\s+non-?commercial\s+use\s+only)",
            re.I,
        ),
    ),
)
"""(why, frame): what each kind of furniture starts with."""

CLOSING = re.compile(
    r"(?:this|a\s+version\s+of\s+this)\s+(?:story|article|report|piece|post|column|interview)\s+"
    r"(?:was\s+|has\s+been\s+|is\s+)?(?:originally\s+|first\s+)?"
    r"(?:provided\s+by|appeared|published|produced|posted|republished|reprinted|syndicated)\b"
    rf"|originally\s+(?:published|appeared)\s+(?:on|in|at|by)\b"
    rf"|[^!?]{{3,100}}?\s+(?:was|were)\s+(?:created|produced|compiled|designed|developed|written)\s+"
    rf"(?:for\s+[^!?]{{1,40}}?\s+)?by\s+{_CAP}",
    re.I,
)
"""How an article's last lines credit where it came from or who made it ("This story was provided
by SpaceNews", "The tracker was created for U.S. News by A, B and C"): only read at the end."""
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?…”\"')\]])(?![”\"'’)\]])\s*|\s+(?=[(\[]))")
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:\s*[,/]\s*[A-Z][\w.'’ -]{1,30}?){0,4})"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*\((?P<agency>[A-Z][\w .&/-]{1,30})\)\s*[-–—:]+\s*(?=\S)"
)
"""A place in capitals (with regions and a second place after "/"), optionally a date, then an
agency in brackets and a dash: "SURABAYA, Indonesia/JAKARTA (Reuters) -"."""
MAX_TAIL = 60
"""A frame cuts the rest of its paragraph only when that rest is at most this many words."""


ANY_FRAME = re.compile("|".join(f"(?P<f{i}>{frame.pattern})" for i, (_, frame) in enumerate(FRAMES)), re.I)
"""All frames in one pattern: one match per sentence start instead of one per frame."""


def frame_at(text: str) -> str | None:
    """Why `text` is furniture, if it starts with one of the frames."""
    m = ANY_FRAME.match(text)
    return FRAMES[int(m.lastgroup[1:])][0] if m and m.lastgroup else None


def trailing(para: str) -> tuple[str, str, str] | None:
    """(kept, cut, why) when a sentence of `para` opens a furniture frame and what follows it is
    short: "... the company said. (Reporting by A; Editing by B)". None when nothing trails."""
    words = list(re.finditer(r"\S+", para)) if len(para) > 300 else []
    first = words[-MAX_TAIL].start() if len(words) > MAX_TAIL else 0
    for m in SENTENCE_START.finditer(para, max(0, first - 1)):
        start = m.end()
        why = frame_at(para[start:]) if start < len(para) else None
        if why:
            return para[:start].rstrip(), para[start:].strip(), why
    return None


def closing(paras: list[str]) -> tuple[list[str], list[str]]:
    """(paragraphs, cut): the text without credit sentences in its last two paragraphs."""
    paras = list(paras)
    cut: list[str] = []
    for k in range(len(paras) - 1, max(-1, len(paras) - 3), -1):
        for m in SENTENCE_START.finditer(paras[k]):
            rest = paras[k][m.end() :]
            if len(rest.split()) <= MAX_TAIL and CLOSING.match(rest):
                cut.append(rest.strip())
                paras[k] = paras[k][: m.end()].strip()
                break
    return [p for p in paras if p], cut


def dateline(para: str) -> tuple[str, str] | None:
    """(dateline, rest) when `para` opens with an agency dateline."""
    m = AGENCY_DATELINE.match(para)
    if m and len(para) - m.end() > 20:
        return para[: m.end()].strip(), para[m.end() :]
    return None
