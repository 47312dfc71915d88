"""Frames: the reporting verbs that introduce a quotation.

Walking up the parse from the quote's words, or, when the parse did not join them, the frame
right after or before the marks (`"...," X said`, `X said: "..."`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import according_to, is_reporting
from .index import ArticleIndex

MAX_HOPS = 8
"""How many dependency arcs above a quote its reporting verb may be."""


def frames(ctx: ArticleIndex, tok: Token) -> bool:
    """A reporting verb (or `according to`) of the narrative, not one inside another quote."""
    return (is_reporting(tok) or according_to(tok) is not None) and not ctx.quoted_at(tok.idx)


def find_cue(ctx: ArticleIndex, start: int, end: int) -> tuple[list[Token], int, int]:
    """The reporting verbs that frame the quote at [start, end), nearest first; how many arcs
    away the nearest is, and how many from the quote's words (a closing comma may hang from a
    verb far above them). Outer verbs matter when the nearest has no speaker: in `X said the ad
    "..." suggests that`, the ad suggests but X speaks."""
    inside = ctx.tokens(start, end)
    if not inside:
        return [], 0, 0
    ids = {t.i for t in inside}
    lo, hi = ctx.paras[ctx.para(start)]
    seen: dict[int, int] = {}
    content = MAX_HOPS + 1
    for t in inside:
        for c in t.children:
            if c.i not in ids and lo <= c.idx < hi and frames(ctx, c):
                seen[c.i] = 1
        if t.head.i in ids or t.head.i == t.i:
            continue
        node, hops = t.head, 1
        while hops <= MAX_HOPS and lo <= node.idx < hi and node.i not in ids:
            if frames(ctx, node):
                seen[node.i] = min(hops, seen.get(node.i, hops))
                if not t.is_punct:
                    content = min(content, hops)
            if node.head.i == node.i:
                break
            node, hops = node.head, hops + 1
    if seen:
        order = sorted(seen, key=lambda i: (seen[i], i))
        return [ctx.doc[i] for i in order], seen[order[0]], content
    cue = _frame_after(ctx, end) or _frame_before(ctx, start)
    return ([cue], 1, 1) if cue is not None else ([], 0, 1)


def _frame_after(ctx: ArticleIndex, end: int) -> Token | None:
    """`"...," X said` when the parse did not join the frame to the quote."""
    tok = ctx.token_at(end)
    if tok is None:
        return None
    doc = ctx.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 12)):
        t = doc[j]
        if t.text in (".", "!", "?", "“", '"') or "\n" in t.text:
            break
        if frames(ctx, t):
            return t
    return None


def _frame_before(ctx: ArticleIndex, start: int) -> Token | None:
    """`X said: "..."` or `X said, "..."`, in the same paragraph or ending the previous one."""
    tok = ctx.token_at(start - 1)
    if tok is None:
        return None
    doc = ctx.doc
    for j in range(tok.i - 1, max(-1, tok.i - 30), -1):
        t = doc[j]
        if t.text in (".", "!", "?", "”", '"'):
            break
        if "\n" in t.text:
            if j > 0 and doc[j - 1].text == ":":
                continue  # "X said:" ends the paragraph before
            break
        if frames(ctx, t):
            return t
    return None


def cue_text(cue: Token | None) -> str | None:
    """The cue as the briefing shows it: the verb as written, or "according to"."""
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.text
