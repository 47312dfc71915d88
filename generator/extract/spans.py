"""Spans and joins: tokens back to article text, and the named entity a token is in.

Shared by every extractor: character ranges of tokens, text rebuilt with the article's own
spacing, and the Doc's entities read once (`doc.ents` builds new spans at every access).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token


def span_over(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that cover the characters [start, end), whole tokens included."""
    return doc.char_span(start, end, alignment_mode="expand")


def join(tokens: Sequence[Token]) -> str:
    """Tokens as text: the article's spacing between neighbours, one space across a gap."""
    text = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None:
            text += prev.whitespace_ if tok.i == prev.i + 1 else " "
        text += tok.text
    return text.strip()


def _entities(doc: Doc) -> tuple[list[int], tuple[Span, ...], dict[int, Span]]:
    """The Doc's entities, read once and remembered (`doc.ents` builds new spans at every
    access): their start tokens, the spans, and the span of each token inside one."""
    ents = doc.user_data.get("briefings.ents")
    if not isinstance(ents, tuple):
        spans = tuple(doc.ents)
        by_token = {t: e for e in spans for t in range(e.start, e.end)}
        ents = doc.user_data["briefings.ents"] = ([e.start for e in spans], spans, by_token)
    return ents


def entity_of(tok: Token) -> Span | None:
    """The named entity the token is part of."""
    return _entities(tok.doc)[2].get(tok.i) if tok.ent_type_ else None


def entities_in(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span) without rebuilding the Doc's."""
    starts, spans, _ = _entities(span.doc)
    out = []
    for e in spans[bisect_left(starts, span.start) :]:
        if e.end > span.end:
            break
        out.append(e)
    return out


def join_names_whole(tokens: Iterable[Token]) -> str:
    """Tokens as text on one line, with names kept whole even when the parse splits them."""
    chosen = {t.i: t for t in tokens}
    for t in list(chosen.values()):
        if t.ent_type_:
            ent = entity_of(t)
            chosen.update({x.i: x for x in ent or ()})
    toks = sorted(chosen.values(), key=lambda t: t.i)
    out = ""
    for i, t in enumerate(toks):
        out += t.text
        if i + 1 < len(toks):
            out += t.whitespace_ if toks[i + 1].i == t.i + 1 else " "
    return re.sub(r"\s+", " ", out).strip()


def char_runs(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Character ranges of runs of consecutive tokens."""
    start = prev = None
    for tok in tokens:
        if prev is not None and tok.i == prev.i + 1:
            prev = tok
            continue
        if start is not None and prev is not None:
            yield start.idx, prev.idx + len(prev)
        start = prev = tok
    if start is not None and prev is not None:
        yield start.idx, prev.idx + len(prev)
