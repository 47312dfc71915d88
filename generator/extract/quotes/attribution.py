"""Attribution: each quotation placed in the parse and given a speaker, a cue and a kind.

The reporting verb that governs the quote (see `frames`) and its subject as speaker; a
transcript turn or a signature dash names the speaker outright; a quote with no frame continues
the previous quote of the same paragraph, or of the previous paragraph when it opens its own
(see `follow_on`). Short quoted phrases that nobody is reported to say (names of things, titles,
scare quotes) are dropped by their structure, unless they sit in the clause a reporting verb
governs (see `partial`). Reported speech (`X said that ...` without marks)
is yielded as `kind="indirect"`, with the complement clause as text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ...model import Quote
from ..model import Cast
from ..syntax import REPORTED_SPEECH_VERBS, SUBJECT_DEPS
from .follow_on import clause_speaker, follow_on
from .frames import cue_text, find_cue
from .index import ArticleIndex
from .marks import Piece
from .mentioned import not_speech
from .partial import in_reported_speech
from .speakers import dash_speaker, reported_by, speaker_for, turn_speaker

SHORT = 4
"""A quoted phrase of at most this many words needs a close reporting verb to count as a quote."""
CLOSE_CUE = 3
"""How many dependency arcs above a short nominal phrase its reporting verb may be."""
Cue = tuple[list[Token], int, int]
"""The reporting verbs of a quote, nearest first; arcs to the nearest, and from its words."""
Found = tuple[int, int, str | None, str, str | None]
"""start, end, speaker, kind, cue."""


def extract_quotes(doc: Doc, cast: Cast) -> Iterator[Quote]:
    """Direct and partial quotes with speakers, then reported speech, in text order."""
    ctx = ArticleIndex(doc, cast)
    text = ctx.text
    pieces = ctx.pieces
    reported = list(_indirect(ctx, [(p.start, p.end) for p in pieces]))
    found: list[Found] = []
    last: tuple[int, int, str | None, str | None] | None = None  # paragraph, end, speaker, cue
    carried: tuple[str | None, str | None] | None = None
    spans = [_trim(text, piece.start, piece.end) for piece in pieces]
    cues = _shared_frames(pieces, [find_cue(ctx, s, e) for s, e in spans])
    for piece, (start, end), (verbs, hops, content) in zip(pieces, spans, cues, strict=True):
        if not_speech(ctx, start, end):
            carried = None
            continue
        p = ctx.para(start)
        cue, speaker = _framed_speaker(ctx, verbs, end)
        said = cue_text(cue)
        framed = cue is not None
        turn = turn_speaker(ctx, start) if start <= ctx.paras[p][0] + 2 or speaker is None else None
        if turn is not None:  # a transcript turn names its speaker, whatever frames the chain
            speaker, said, framed, hops = turn, None, True, 1
        if not framed:
            signed = dash_speaker(ctx, end)
            if signed is not None:
                speaker, said, framed, hops = signed, None, True, 1
        if not framed:
            frame = follow_on(ctx, start, p, last, carried, reported)
            if frame is not None:
                speaker, said = frame
                framed, hops = True, 1
        within = None
        if _scare(ctx, start, end, framed, hops, content):
            within = in_reported_speech(ctx, start, end)
            if within is None:
                carried = None
                continue
            if within[0] not in verbs:  # a verb of thinking or `as X put it` frames it
                speaker, said = within[1], cue_text(within[0])
            framed = True
        if not framed:
            root, speaker = clause_speaker(ctx, start, end)
            said = cue_text(root)
        found.append((start, end, speaker, _kind(ctx, start, end), said))
        if within is None:  # words set in the writer's sentence frame no later quote
            last = (ctx.para(end), end, speaker, said)
        carried = (speaker, said) if piece.continues else None
    indirect: list[Found] = [(s, e, speaker_for(ctx, v), "indirect", v.text) for s, e, v in reported]
    for n, (s, e, speaker, kind, said) in enumerate(sorted(found + indirect), start=1):
        yield Quote(id=f"q{n}", text=text[s:e], speaker=speaker, kind=kind, cue=said, span=(s, e))


def _shared_frames(pieces: list[Piece], cues: list[Cue]) -> list[Cue]:
    """A quote carried on across paragraphs has one frame: pieces without one take the first
    frame found in their chain."""
    chain: list[int] = []
    for i, piece in enumerate(pieces):
        chain.append(i)
        if not piece.continues:
            framed_by = next((cues[j] for j in chain if cues[j][0]), None)
            for j in chain:
                if framed_by is not None and not cues[j][0]:
                    cues[j] = framed_by
            chain = []
    return cues


def _framed_speaker(ctx: ArticleIndex, verbs: list[Token], end: int) -> tuple[Token | None, str | None]:
    """The nearest frame that names a speaker (or the outer speaker who reports it), else the
    nearest frame with no speaker."""
    for k, verb in enumerate(verbs):
        who = speaker_for(ctx, verb, end)
        if who is not None:
            outer = reported_by(ctx, verb, verbs[k + 1 :], end)
            return outer if outer is not None else (verb, who)
    return (verbs[0] if verbs else None), None


def _scare(ctx: ArticleIndex, start: int, end: int, framed: bool, hops: int, content: int = 1) -> bool:
    """A name of a thing, a title or a scare quote rather than words someone said: a noun's
    premodifier ("Indo-Pacific" tour), or a short nominal phrase with no reporting verb close
    above it, or one inside a noun's modifier far below it (events such as the "spying balloon")."""
    inside = ctx.tokens(start, end)
    words = [t for t in inside if not t.is_punct]
    if not words:
        return True
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    after = ctx.token_at(end + 1)
    while after is not None and after.is_punct and after.idx < end + 3 and after.i + 1 < len(ctx.doc):
        after = ctx.doc[after.i + 1]
    if (
        after is not None
        and after.pos_ in ("NOUN", "PROPN")
        and len(words) <= SHORT
        and any(h.head.i == after.i and h.dep_ in ("compound", "amod", "nmod", "nummod") for h in heads)
    ):
        return True
    if len(words) > SHORT:
        return False
    clause = any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in words)
    if clause and framed:
        return False
    if not framed or hops > CLOSE_CUE:
        return True
    named = any(h.dep_ == "pobj" and h.head.head.pos_ in ("NOUN", "PROPN") for h in heads)
    return content > CLOSE_CUE and named


def _kind(ctx: ArticleIndex, start: int, end: int) -> str:
    """direct for a sentence or clause of the speaker's, partial for a fragment in the writer's."""
    inside = ctx.tokens(start, end)
    text = ctx.text[start:end].lstrip()
    if text[:1].isupper():
        return "direct"
    ids = {t.i for t in inside}
    for t in inside:
        outer = t.head.i not in ids or t.head.i == t.i
        if (
            outer
            and t.pos_ in ("VERB", "AUX")
            and any(c.dep_ in SUBJECT_DEPS and c.i in ids for c in t.children)
        ):
            return "direct"
    return "partial"


def _indirect(ctx: ArticleIndex, quoted: list[tuple[int, int]]) -> Iterator[tuple[int, int, Token]]:
    """Complement clauses of speech verbs that contain no quotation: reported speech."""
    marks = [s for s, _ in quoted]
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTED_SPEECH_VERBS:
            continue
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            words = [
                t for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i and t.i == c.left_edge.i)
            ]
            while words and (words[0].is_punct or words[0].is_space):
                words = words[1:]
            while words and (words[-1].is_punct or words[-1].is_space):
                words = words[:-1]
            if len(words) < 4:
                continue
            s, e = words[0].idx, words[-1].idx + len(words[-1])
            text = ctx.text[s:e]
            if any(ch in text for ch in '“”"') or "\n" in text:
                continue
            i = bisect_left(marks, s - 1)
            if i < len(quoted) and quoted[i][0] < e + 2:
                continue
            if i > 0 and quoted[i - 1][1] > s - 2:
                continue
            yield s, e, tok


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
