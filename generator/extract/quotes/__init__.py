"""Quotes: text between quotation marks, attributed through the reporting verb that frames it.

All steps are linear in the article:

- `marks`: quotation marks paired in the raw text, paragraph continuations kept apart.
- `index`: per-article lookups by offset (tokens, mentions, paragraphs, quotations).
- `frames`: the reporting verbs that introduce a quotation.
- `speakers`: the actor behind a reporting verb, a signature dash or a transcript turn.
- `follow_on`: speakers of quotes with no frame of their own (the quote they continue).
- `partial`: short quoted phrases deep in reported speech, which are the speaker's words.
- `attribution`: `extract_quotes`, which places each quote and drops scare quotes.
"""

from .attribution import extract_quotes
from .marks import quotation_spans

__all__ = ["extract_quotes", "quotation_spans"]
