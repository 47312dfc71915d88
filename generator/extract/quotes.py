"""Quotes: text in quotation marks, with the subject of the nearest reporting verb as speaker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import Quote
from .actors import Cast

QUOTED = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")
REPORTING = {"say", "tell", "add", "note", "warn", "remark", "state", "claim", "argue", "insist"}


def extract_quotes(doc: Doc, cast: Cast) -> Iterator[Quote]:
    n = 0
    for m in QUOTED.finditer(doc.text):
        start, end = m.span(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        sent = span.sent
        speaker, cue = None, None
        for tok in sent:
            if tok.lemma_ in REPORTING and not (start <= tok.idx < end):
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    st = subj[0]
                    speaker = cast.at(st.left_edge.idx, st.right_edge.idx + len(st.right_edge))
                    cue = tok.text
        n += 1
        kind = "direct" if start - sent.start_char <= 1 or len(span) >= len(sent) // 2 else "partial"
        yield Quote(id=f"q{n}", text=m.group(1), speaker=speaker, kind=kind, cue=cue, span=(start, end))
