"""Open questions: sentences that ask, or hedge about what has not happened yet."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import Question
from .actors import Cast

HEDGES = ("whether", "remains to be seen", "possible", "uncertain", "yet to", "is expected to", "if ")


def extract_questions(doc: Doc, cast: Cast) -> Iterator[Question]:
    for sent in doc.sents:
        text = sent.text.strip()
        if text.endswith("?") or any(h in text.lower() for h in HEDGES):
            actors = tuple(cast.in_span(sent.start_char, sent.end_char))
            yield Question(question=text if text.endswith("?") else f"What comes of this: {text}", evidence=(text,), actors=actors)
