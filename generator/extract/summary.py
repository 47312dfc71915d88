"""Summary and key points from the lead."""

from __future__ import annotations

from spacy.tokens import Doc


def summarize(doc: Doc, max_words: int = 60) -> tuple[str | None, tuple[str, ...]]:
    sents = [s.text.strip() for s in doc.sents if len(s) > 5]
    summary: list[str] = []
    for s in sents[:3]:
        if summary and len(" ".join(summary + [s]).split()) > max_words:
            break
        summary.append(s)
    return (" ".join(summary) or None), tuple(sents[1:4])
