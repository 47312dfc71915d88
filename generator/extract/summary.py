"""Summary and key points: the lead, cleaned of datelines and bylines, plus the densest sentences.

News puts the essentials first, so the summary is the lead (1 to 3 sentences, at most
`max_words`). Key points are the other sentences that carry the most facts: named actors,
numbers and dates, with a small preference for the top of the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .model import Cast
from .sentences import DATELINE, doc_text, is_heading, sentences
from .spans import entities_in

MAX_WORDS = 60
LEAD_WORDS = 25
MIN_POINT_SCORE = 1.5
"""Below this a sentence is only a key point when fewer than three sentences reach it."""
KEY_POINTS = (3, 5)

CREDIT_LINE = re.compile(
    r"^\s*(?:(?-i:By\s+[A-Z])|posted\b|updated\b|published\b|photo\b|image\b|follow\b|share\b|click\b|"
    r"reporting by\b|editing by\b|contact\b|advertisement\b|read more\b|related\b)",
    re.I,
)
"""How a byline or a credit line starts ("By Jane Doe", "Photo: ...", "Read more"): not the story."""
CREDIT_WORDS = 12
"""Bylines and credits are short lines; "Share prices fell 4 percent on Monday ..." is news."""
NUMERIC = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def summarize(
    doc: Doc, cast: Cast | None = None, title: str | None = None, max_words: int = MAX_WORDS
) -> tuple[str | None, tuple[str, ...]]:
    """(summary, key points) for an article Doc; the summary never repeats in the key points.

    `title` is left out when the text repeats it as its first line.
    """
    sents = list(body_sentences(doc, title))
    lead: list[Span] = []
    words = 0
    for s in sents[:3]:
        n = len(clean(s.text).split())
        if lead and words + n > max_words:
            break
        if lead and words >= LEAD_WORDS and _paragraph(doc, s) != _paragraph(doc, lead[0]):
            break  # the lead paragraph says enough; the next one starts the details
        lead.append(s)
        words += n
    if not lead:
        return None, ()
    summary = " ".join(clean(s.text) for s in lead)
    if len(summary.split()) > max_words:
        summary = shorten(summary, max_words)
    rest = [s for s in sents if s.start >= lead[-1].end]
    return summary, key_points(rest, cast)


def key_points(sents: list[Span], cast: Cast | None = None, most: int = KEY_POINTS[1]) -> tuple[str, ...]:
    """The most informative sentences, in article order."""
    total = max(len(sents), 1)
    scored = []
    quoted = _quoted_ranges(doc_text(sents[0].doc)) if sents else []
    for pos, s in enumerate(sents):
        text = clean(s.text)
        n = len(text.split())
        if n < 6 or n > 70 or text.endswith("?"):
            continue
        score = (informativeness(s, cast) + 1.5 * (1 - pos / total)) * (1 - _share(s, quoted))
        scored.append((score, pos, text))
    ranked = sorted(scored, key=lambda x: -x[0])
    best = [x for x in ranked if x[0] >= MIN_POINT_SCORE][:most]
    best += ranked[len(best) : KEY_POINTS[0]]  # at least three, if the article has them
    return tuple(text for _, _, text in sorted(best, key=lambda x: x[1]))


def informativeness(sent: Span, cast: Cast | None) -> float:
    """Distinct actors, numbers and dates: the facts a reader would want to keep."""
    ents = entities_in(sent)
    actors = len(cast.in_span(sent.start_char, sent.end_char)) if cast is not None else 0
    if cast is None:
        actors = len({e.text for e in ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")})
    numbers = sum(1 for e in ents if e.label_ in NUMERIC)
    dates = sum(1 for e in ents if e.label_ == "DATE")
    return min(actors, 4) + 0.8 * min(numbers, 3) + 0.8 * min(dates, 2)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks: what someone said, which the quotes section already shows."""
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]{0,1500}”|\"[^\"]{0,1500}\"", text)]


def _share(sent: Span, quoted: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(b, sent.end_char) - max(a, sent.start_char)) for a, b in quoted)
    return inside / max(1, sent.end_char - sent.start_char)


def body_sentences(doc: Doc, title: str | None = None) -> Iterator[Span]:
    """Sentences of the body: no title line, subheadings, bylines, credits or fragments."""
    for s in sentences(doc):
        text = s.text.strip()
        if not text or is_heading(doc, s) or _repeats(doc, s, title):
            continue
        if CREDIT_LINE.match(text) and len(text.split()) <= CREDIT_WORDS:
            continue
        if len(clean(text).split()) < 5:
            continue
        yield s


def _repeats(doc: Doc, sent: Span, title: str | None) -> bool:
    """The first paragraph is the title again (corpora and some CMSs prepend it to the body)."""
    if not title or sent.start_char > len(title) + 10:
        return False
    key = _norm(title)
    text = doc_text(doc)
    para = _norm(text[: text.find("\n\n")] if "\n\n" in text else text)
    return bool(key) and (para.startswith(key) or key.startswith(para)) and _norm(sent.text) in para


def _paragraph(doc: Doc, sent: Span) -> int:
    return doc.text.count("\n\n", 0, sent.start_char)


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def clean(text: str) -> str:
    """One line, without a leading dateline ("WASHINGTON (Reuters) -") or a stray quotation mark."""
    text = re.sub(r"\s+", " ", text).strip()
    marks = sum(text.count(q) for q in '"“”')
    if marks % 2 and text[:1] in '"“”':
        text = text[1:].lstrip()
    elif marks % 2 and text[-1:] in '"“”':
        text = text[:-1].rstrip()
    m = DATELINE.match(text)
    if m and len(text) - m.end() > 20:
        text = text[m.end() :]
    return text


def shorten(text: str, max_words: int) -> str:
    """Cut at the last clause boundary within `max_words`, so the summary still reads."""
    words = text.split()
    head = " ".join(words[:max_words])
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" – "), head.rfind(" — "))
    if cut > len(head) // 2:
        head = head[:cut]
    return head.rstrip(" ,;:–—") + "…"
