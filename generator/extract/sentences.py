"""The article's sentences as a reader sees them: split at paragraph breaks, headings and
datelines told apart from prose. Summary and questions both read the text through these."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

DATELINE = re.compile(
    r"""^\s*(?:
        \([A-Z][\w .&-]{1,30}\)\s*[-–—:]+                       # (CNN) -
      | [A-Z][A-Z.'’ -]{1,40}[A-Z.]                              # WASHINGTON, NEW YORK
        (?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*\.?)?(?:\s+\d{1,2})?(?:,\s*\d{4})?){0,3}  # , N.Y., Sept. 12
        \s*(?:\([^)]{1,40}\))?\s*[-–—:_]+                       # (Reuters) -
    )\s*""",
    re.X,
)
"""The place and agency that open a news story ("WASHINGTON (Reuters) -")."""


def sentences(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, split again at paragraph breaks and after a closing quote.

    The small model sometimes runs two sentences together across a blank line or after '.”'.
    """
    for sent in doc.sents:
        text, base = sent.text, sent.start_char
        cuts = [0]
        cuts += [m.end() for m in re.finditer(r"\n\s*\n|[.?!][”\"’'](?=\s+[A-Z“\"])", text)]
        cuts.append(len(text))
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = doc.char_span(base + a, base + b, alignment_mode="contract")
            if piece is not None and piece.text.strip():
                yield piece


def doc_text(doc: Doc) -> str:
    """`doc.text`, remembered: spaCy joins every token on each access, so a per-sentence lookup
    would make extraction quadratic in the article's length (measured: most of its time)."""
    text = doc.user_data.get("briefings.text")
    if not isinstance(text, str):
        text = doc.user_data["briefings.text"] = doc.text
    return text


def is_heading(doc: Doc, sent: Span) -> bool:
    """A short line on its own without final punctuation: a subheading, not a sentence."""
    text = doc_text(doc)
    before = text[max(0, sent.start_char - 2) : sent.start_char]
    after = text[sent.end_char : sent.end_char + 2]
    alone = (sent.start_char == 0 or "\n" in before) and ("\n" in after or sent.end_char >= len(text) - 1)
    return alone and len(sent) <= 12 and not sent.text.strip().endswith((".", '"', "”"))
