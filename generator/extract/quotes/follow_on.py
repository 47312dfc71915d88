"""Quotes with no frame of their own: whose words they are from what comes before.

News style puts `"...," X said.` once and lets the following quote paragraphs run on; a colon
makes the clause before it the frame; a sentence about a person carries on into the quote that
follows it. Failing those, the named actor the quote's own sentence is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import HE_SHE, SUBJECT_DEPS, reporting_subject
from .frames import MAX_HOPS, frames
from .index import ArticleIndex
from .marks import OPEN_D, STRAIGHT_D
from .speakers import speaker_for, speaker_of


def follow_on(
    ctx: ArticleIndex,
    start: int,
    p: int,
    last: tuple[int, int, str | None, str | None] | None,
    carried: tuple[str | None, str | None] | None,
    reported: list[tuple[int, int, Token]],
) -> tuple[str | None, str | None] | None:
    """Speaker and cue of a quote with no frame of its own: the quote it continues, the clause
    that introduces it with a colon, or the last speaker of the paragraph before, quoted or
    reported (news style puts `"...," X said.` once and lets the following quote paragraphs run
    on). A paragraph of narrative before it gives no speaker: that would be a guess."""
    if carried is not None:
        return carried
    colon = _colon_frame(ctx, start)
    if colon is not None:
        return colon
    if last is not None and last[0] == p:
        return last[2], last[3]
    before = _sentence_frame(ctx, start, p)
    if before is not None:
        return before
    if start > ctx.paras[p][0] + 1 or p == 0:
        return None
    lo, hi = ctx.paras[p - 1]
    said = [v for _, _, v in reported if lo <= v.idx < hi]
    quote_end = last[1] if last is not None and last[0] == p - 1 else -1
    if said and said[-1].idx > quote_end:
        who = speaker_for(ctx, said[-1])
        if who is not None:
            return who, said[-1].text
    if quote_end >= 0 and last is not None:
        return last[2], last[3]
    return None


def _sentence_frame(ctx: ArticleIndex, start: int, p: int) -> tuple[str | None, str | None] | None:
    """`Schiff said. "The other factor ..."`: a quote that opens a sentence in mid-paragraph
    carries on from the sentence before it, when that sentence reports someone's words or is
    about a person ("Sanders identified ... as a reason. "The younger people ..."")."""
    tok = ctx.token_at(start - 1)
    while tok is not None and tok.i > 0 and (tok.is_space or tok.is_quote or tok.text in OPEN_D + STRAIGHT_D):
        tok = ctx.doc[tok.i - 1]
    if tok is None or tok.text not in (".", "!", "?") or tok.idx < ctx.paras[p][0] or ctx.quoted_at(tok.idx):
        return None
    sent = tok.sent
    for verb in reversed([t for t in sent if frames(ctx, t)]):
        who = speaker_for(ctx, verb)
        if who is not None:
            return who, verb.text
    subj = reporting_subject(sent.root)
    if subj is None or ctx.quoted_at(subj.idx) or (subj.pos_ == "PRON" and subj.lower_ not in HE_SHE):
        return None
    who = speaker_of(ctx, subj)
    return (who, None) if who is not None and ctx.kinds.get(who) == "person" else None


def _colon_frame(ctx: ArticleIndex, start: int) -> tuple[str | None, str | None] | None:
    """`X boomed: "..."`: the clause before the colon is the frame, whatever its verb."""
    tok = ctx.token_at(start - 1)
    while tok is not None and tok.i > 0 and (tok.is_space or tok.is_quote or tok.text in OPEN_D + STRAIGHT_D):
        tok = ctx.doc[tok.i - 1]
    if tok is None or tok.text != ":" or tok.i == 0:
        return None
    for root in _clause_verbs(ctx, ctx.doc[tok.i - 1]):
        who = speaker_of(ctx, reporting_subject(root))
        if who is not None:
            return who, root.text
    named = ctx.mention_over(ctx.doc[tok.i - 1])  # "Republican pollster Daron Shaw: "..."
    if named is not None and ctx.kinds.get(named.actor) in ("person", "organization"):
        return named.actor, None
    return None


def _clause_verbs(ctx: ArticleIndex, tok: Token) -> list[Token]:
    """The verbs above `tok`, nearest first, outside quotation marks (a sentence the parse ran on
    from an earlier quote has its root inside that quote); else the sentence root."""
    out: list[Token] = []
    node, hops = tok, 0
    while hops <= MAX_HOPS:
        if node.pos_ in ("VERB", "AUX") and not ctx.quoted_at(node.idx):
            out.append(node)
        if node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    return out or [tok.sent.root]


def clause_speaker(ctx: ArticleIndex, start: int, end: int) -> tuple[Token | None, str | None]:
    """No reporting verb: the words are those of the named actor the sentence is about
    ("the US imposed sanctions for "supplying ..."")."""
    inside = ctx.tokens(start, end)
    if not inside:
        return None, None
    ids = {t.i for t in inside}
    node = next((t for t in inside if t.head.i not in ids), None)
    if node is None:
        return None, None
    root = node.head
    hops = 0
    while root.head.i != root.i and hops < MAX_HOPS:
        root, hops = root.head, hops + 1
    if root.i in ids or root.pos_ not in ("VERB", "AUX"):
        return None, None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.pos_ == "PRON":
        return None, None
    m = ctx.mention_over(subj)
    return (root, m.actor) if m is not None else (None, None)
