"""Quotes: text between quotation marks, attributed through the reporting verb that frames it.

Three steps, all linear in the article:

1. `quotation_spans` pairs the marks of the raw text (curly or straight, double; single marks only
   in articles that use no double marks, so apostrophes and nested quotes never end a quote).
   A paragraph that opens a quote and does not close it continues in the next paragraph when
   that one opens with a mark (the news convention), so each piece keeps its own offsets.
2. Each piece is placed in the parse: the reporting verb that governs it (walking up from the
   quote, or the frame right after / before the marks: `"...," X said`, `X said: "..."`), and
   the subject of that verb as speaker. A quote with no frame continues the previous quote of
   the same paragraph, or of the previous paragraph when it opens its own.
3. Short quoted phrases that nobody is reported to say (names of things, titles, scare quotes)
   are dropped by their structure: a premodifier of a noun, or a nominal phrase with no
   reporting verb close above it.

Reported speech (`X said that ...` without marks) is yielded as `kind="indirect"`, with the
complement clause as text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Quote
from .actors import Cast, Mention


def _lemmas(words: str) -> frozenset[str]:
    return frozenset(words.split())


REPORTING = _lemmas(
    """
    say tell add note warn remark state claim argue insist write tweet post email text announce declare
    explain continue respond reply answer ask conclude report describe call dub label brand term name
    pledge promise vow admit acknowledge concede confess recall recount cite quote suggest imply
    propose urge demand complain lament accuse blame charge criticize criticise slam blast mock praise
    thank hail predict assert contend maintain observe stress emphasize emphasise point comment
    boast joke quip shout yell scream chant exclaim whisper bark muse wonder caution confirm deny
    reveal testify counter retort interject agree disagree assure reassure tout deride decry
    denounce dismiss proclaim pronounce read echo
    """
)
"""Verbs that introduce what someone said (lemmas). A linguistic class, not a list of names."""

SPEECH = _lemmas(
    "say tell add note warn remark state claim argue insist write tweet announce declare explain "
    "respond reply answer conclude report suggest admit acknowledge concede predict assert contend "
    "maintain observe stress emphasize emphasise confirm deny reveal testify promise pledge vow"
)
"""Reporting verbs whose complement clause is reported speech (for indirect quotes)."""

OPEN_D, CLOSE_D, STRAIGHT_D = "“„«", "”»", '"'
OPEN_S, CLOSE_S = "‘‹", "’›"
CLOSERS = set(".,;:!?)]}—–-…") | {"'", "’", "”", '"'}
OPENERS = set("([{—–-/:") | {"‘", "“", "'", '"'}
SIGNATURE = re.compile(r"[”\"»]?[ \t]*(?:[―—–]|--?)[ \t]*(?=\w)")
SHORT = 4
"""A quoted phrase of at most this many words needs a close reporting verb to count as a quote."""
CLOSE_CUE = 3
"""How many dependency arcs above a short nominal phrase its reporting verb may be."""
MAX_HOPS = 8
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PERSONAL = {"he", "she"}


@dataclass(frozen=True)
class Piece:
    """Text between one pair of marks (or from an opening mark to the end of its paragraph)."""

    start: int
    end: int
    continues: bool = False
    """The paragraph ended inside the quote and the next paragraph carries it on."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, opening: str, closing: str, straight: str) -> str | None:
    """'open', 'close' or '?' for the mark at `i`, from the glyph and the characters around it."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opens = prev.isspace() or prev in OPENERS
    closes = nxt.isspace() or nxt in CLOSERS
    if ch in opening:
        return "close" if closes and not opens and _is_word(prev) else "open"
    if ch in closing:
        if ch in CLOSE_S and _is_word(prev) and _is_word(nxt):
            return None  # an apostrophe: don’t, O’Malley
        return "open" if opens and not closes else "close"
    if ch in straight:
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return "?"
    return None


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs of an article text: blocks separated by a blank line."""
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def quotation_spans(text: str) -> list[Piece]:
    """Content offsets of every quotation in `text`, without the marks."""
    doubles = any(c in text for c in OPEN_D + CLOSE_D + STRAIGHT_D)
    opening, closing, straight = (OPEN_D, CLOSE_D, STRAIGHT_D) if doubles else (OPEN_S, CLOSE_S, "")
    paras = paragraph_bounds(text)
    starts = [s for s, _ in paras]
    pieces: list[Piece] = []
    open_at: int | None = None

    def para(i: int) -> int:
        return bisect_right(starts, i) - 1

    def leave_paragraph(next_mark: int | None, role: str | None) -> None:
        """Close an open quote when its paragraph ended: a continuation or a stray mark."""
        nonlocal open_at
        if open_at is None:
            return
        p = para(open_at)
        if next_mark is not None and para(next_mark) == p:
            return
        carried = (
            next_mark is not None
            and role in ("open", "?")
            and para(next_mark) == p + 1
            and next_mark == paras[p + 1][0]
        )
        if carried:
            pieces.append(Piece(open_at, paras[p][1], continues=True))
        open_at = None

    for i, ch in enumerate(text):
        if ch not in opening and ch not in closing and ch not in straight:
            continue
        role = _role(text, i, opening, closing, straight)
        if role is None:
            continue
        leave_paragraph(i, role)
        if role == "?":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if i > 0 and text[i - 1] == "=":
                open_at = None
                continue
            open_at = i + 1
        elif open_at is not None:
            if _worth_keeping(text[open_at:i]):
                pieces.append(Piece(open_at, i))
            open_at = None
    leave_paragraph(None, None)
    return pieces


def _worth_keeping(content: str) -> bool:
    return len(content.strip()) >= 2 and any(c.isalnum() for c in content) and "=" not in content[-2:]


def _by_recency(cast: Cast) -> list[Mention]:
    """The cast's mentions plus its ambiguous names ("Clinton" with two Clintons), each taken for
    the candidate the text mentioned last before it: in news prose a bare surname continues the
    person last named in full. A name no candidate precedes stays unresolved."""
    named = sorted(cast.mentions, key=lambda m: m.start)
    if not cast.unresolved:
        return named
    last: dict[str, int] = {}
    out: list[Mention] = []
    pending = sorted(cast.unresolved, key=lambda u: u.start)
    k = 0
    for m in [*named, None]:
        at = m.start if m is not None else 1 << 62
        while k < len(pending) and pending[k].start < at:
            u = pending[k]
            seen = [(last[c], c) for c in set(u.candidates) if c in last]
            if seen:
                last_id = max(seen)[1]
                out.append(Mention(u.start, u.end, u.text, last_id))
                last[last_id] = u.start
            k += 1
        if m is not None:
            out.append(m)
            last[m.actor] = m.start
    return out


class _Context:
    """Per-article lookups: tokens by offset, mentions by offset, actor kinds."""

    def __init__(self, doc: Doc, cast: Cast) -> None:
        self.doc = doc
        self.text = doc.text
        self.cast = cast
        self.tok_starts = [t.idx for t in doc]
        self.mentions: list[Mention] = _by_recency(cast)
        self.mention_starts = [m.start for m in self.mentions]
        self.kinds = {a.id: a.kind for a in cast.actors}
        self.paras = paragraph_bounds(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.pieces = quotation_spans(self.text)
        self.quotes = [(p.start, p.end) for p in self.pieces]
        self.quote_starts = [s for s, _ in self.quotes]

    def quoted_at(self, offset: int) -> bool:
        """Whether `offset` lies inside quotation marks (a speaker never does)."""
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that lie inside [start, end)."""
        lo = bisect_left(self.tok_starts, start)
        hi = bisect_left(self.tok_starts, end)
        return [self.doc[i] for i in range(lo, hi) if self.doc[i].idx + len(self.doc[i]) <= end]

    def token_at(self, offset: int) -> Token | None:
        i = bisect_right(self.tok_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def para(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def mention_over(self, tok: Token) -> Mention | None:
        """The mention that covers this token, if any."""
        i = bisect_right(self.mention_starts, tok.idx) - 1
        while i >= 0 and self.mentions[i].start > tok.idx - 200:
            m = self.mentions[i]
            if m.start <= tok.idx < m.end:
                return m
            i -= 1
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self.mention_starts, start)
        hi = bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def by_surname(self, tok: Token) -> str | None:
        """A name the entity recogniser missed or left ambiguous ("Clinton" with two Clintons):
        the person whose full name has this word, the most recently mentioned one."""
        word = tok.text.casefold()
        named = [a for a in self.cast.actors if word in a.name.casefold().split()]
        owners = {a.id for a in named if a.kind == "person"} or {a.id for a in named}
        if len(owners) <= 1:
            return owners.pop() if owners else None
        i = bisect_left(self.mention_starts, tok.idx) - 1
        while i >= 0:
            if self.mentions[i].actor in owners:
                return self.mentions[i].actor
            i -= 1
        return None

    def antecedent(self, before: int, within: int = 1500) -> str | None:
        """The person a he/she refers to: the nearest preceding person who is a grammatical
        subject or owns one (the salient one), else the nearest person at all."""
        i = bisect_left(self.mention_starts, before) - 1
        nearest = None
        while i >= 0 and self.mentions[i].start > before - within:
            m = self.mentions[i]
            if m.end <= before and self.kinds.get(m.actor) == "person":
                nearest = nearest or m.actor
                tok = self.token_at(m.end - 1)
                if tok is not None and (
                    tok.dep_ in SUBJECTS or tok.dep_ == "poss" and tok.head.dep_ in SUBJECTS
                ):  # "Oz's advice earned him ...": the owner of the subject is salient too
                    return m.actor
            i -= 1
        return nearest

    def last_mention(self, before: int, kinds: tuple[str, ...], within: int = 1500) -> str | None:
        """Most recent mention of an actor of one of `kinds` that ends before `before`."""
        i = bisect_left(self.mention_starts, before) - 1
        while i >= 0 and self.mentions[i].start > before - within:
            m = self.mentions[i]
            if m.end <= before and self.kinds.get(m.actor) in kinds:
                return m.actor
            i -= 1
        return None


PHRASAL = {"go": "on", "shoot": "back", "fire": "back", "hit": "back", "chime": "in", "point": "out"}
"""Phrasal verbs that report speech only with their particle ("went on", "shot back")."""


def _is_reporting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL:
        return tok.pos_ == "VERB" and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == PHRASAL[lemma] for c in tok.children
        )
    return lemma in REPORTING and tok.pos_ in ("VERB", "AUX")


def _according_to(tok: Token) -> Token | None:
    """The object of `according to`, the one reporting frame without a verb."""
    if tok.lower_ == "according":
        for c in tok.children:
            if c.lower_ == "to":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """Who does the reporting: the verb's subject, or that of the clause it hangs from
    ("X met Y, noting that ...", "X tweeted, saying ...")."""
    obj = _according_to(verb)
    if obj is not None:
        return obj
    for c in verb.children:
        if (
            c.dep_ in SUBJECTS
            and c.lower_ not in ("that", "which", "what")
            and any(ch.isalnum() for ch in c.text)
        ):
            return c
    named = [c for c in verb.lefts if c.pos_ == "PROPN" and c.dep_ in ("compound", "npadvmod", "dep", "nmod")]
    if named:
        return named[-1]
    if verb.dep_ == "agent" or depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "relcl":
        return verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)
    return None


def _frames(ctx: _Context, tok: Token) -> bool:
    """A reporting verb (or `according to`) of the narrative, not one inside another quote."""
    return (_is_reporting(tok) or _according_to(tok) is not None) and not ctx.quoted_at(tok.idx)


def find_cue(ctx: _Context, start: int, end: int) -> tuple[list[Token], int, int]:
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
            if c.i not in ids and lo <= c.idx < hi and _frames(ctx, c):
                seen[c.i] = 1
        if t.head.i in ids or t.head.i == t.i:
            continue
        node, hops = t.head, 1
        while hops <= MAX_HOPS and lo <= node.idx < hi and node.i not in ids:
            if _frames(ctx, node):
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


def _frame_after(ctx: _Context, end: int) -> Token | None:
    """`"...," X said` when the parse did not join the frame to the quote."""
    tok = ctx.token_at(end)
    if tok is None:
        return None
    doc = ctx.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 12)):
        t = doc[j]
        if t.text in (".", "!", "?", "“", '"') or "\n" in t.text:
            break
        if _frames(ctx, t):
            return t
    return None


def _frame_before(ctx: _Context, start: int) -> Token | None:
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
        if _frames(ctx, t):
            return t
    return None


def speaker_for(ctx: _Context, verb: Token, quote_end: int | None = None) -> str | None:
    """The actor who reports through `verb`: its subject, or the agent of a passive; when the
    parse gave the verb no subject, the name it modifies ("footage of Clinton asking"), the name
    between a quotation and the verb, a name right beside it ("Chief Chuck Jordan said", "said
    Chuck Jordan", "Paul Ryan (R-WI) said"), or the subject of the clause a participle follows."""
    if verb.tag_ == "VBG" and verb.i > 0 and ctx.doc[verb.i - 1].dep_ == "pobj":
        m = ctx.mention_over(ctx.doc[verb.i - 1])  # footage of Clinton asking, "..."
        if m is not None and ctx.kinds.get(m.actor) == "person":
            return m.actor
    subj = subject_of(verb)
    if subj is not None and not ctx.quoted_at(subj.idx) and subj.dep_ != "nsubjpass":
        return speaker_of(ctx, subj)
    by = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    if by is not None and not ctx.quoted_at(by.idx):  # "... was written by Springsteen"
        return speaker_of(ctx, by)
    if subj is not None and not ctx.quoted_at(subj.idx):
        return speaker_of(ctx, subj)
    if verb.dep_ == "acl":  # the parse made the verb a modifier of the name: "Clinton asking"
        m = ctx.mention_over(verb.head)
        if m is not None and ctx.kinds.get(m.actor) in ("person", "organization"):
            return m.actor
    reach = verb.idx
    if quote_end is not None and quote_end < verb.idx:
        bound: int | None = quote_end
    else:
        bound = _quote_before(ctx, verb)
        reach = bound + 4 if bound is not None else reach  # the name right after the marks
    if bound is not None:
        for m in ctx.mentions_in(bound, verb.idx):
            if (
                ctx.kinds.get(m.actor) in ("person", "organization")
                and not ctx.quoted_at(m.start)
                and m.start <= reach
            ):
                return m.actor
    doc = ctx.doc
    for j in (_before_brackets(doc, verb.i - 1), verb.i + 1):
        if j > verb.i and doc[j].dep_ in ("dobj", "dative", "attr", "oprd"):
            continue  # "hailed Trump as": the one spoken of
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN":
            beside = ctx.mention_over(doc[j])
            if beside is not None and ctx.kinds.get(beside.actor) in ("person", "organization"):
                return beside.actor
    carrier = _clause_subject_before(ctx, verb)
    if carrier is not None:
        return speaker_of(ctx, carrier)
    return None


def _before_brackets(doc: Doc, j: int) -> int:
    """The token before adverbs and an aside that end at `j` ("Paul Ryan (R-WI) said", "Marc
    Morial, the chief executive of the League, forcefully told"), else `j`."""
    while j > 0 and doc[j].pos_ == "ADV":
        j -= 1
    if j < 1 or doc[j].text not in (")", ","):
        return j
    opening = "(" if doc[j].text == ")" else ","
    for k in range(j - 1, max(-1, j - 16), -1):
        if doc[k].text == opening:
            return k - 1
        if doc[k].is_sent_start or doc[k].pos_ in ("VERB", "AUX") or doc[k].is_quote:
            break
    return j


def _reported_by(ctx: _Context, verb: Token, outer: list[Token], end: int) -> tuple[Token, str] | None:
    """`Trump said that Clinton once described the deal as "the gold standard"`: a quote inside
    what someone else says is theirs to answer for (the outer source, as attribution does)."""
    for v in outer:
        if v.lemma_.lower() not in SPEECH:
            continue
        node = verb
        while node.head.i != node.i and node.head.i != v.i:
            node = node.head
        if node.head.i == v.i and node.dep_ == "ccomp":
            who = speaker_for(ctx, v, end)
            if who is not None:
                return v, who
    return None


def _quote_before(ctx: _Context, verb: Token) -> int | None:
    """End of the quotation that closes before `verb` in its sentence ("...," Flynn, a top
    surrogate, said): the speaker is named between the two."""
    i = bisect_right(ctx.quote_starts, verb.idx) - 1
    while i >= 0 and ctx.quotes[i][1] > verb.idx:
        i -= 1
    if i >= 0 and ctx.quotes[i][1] >= verb.sent.start_char:
        return ctx.quotes[i][1]
    return None


def _clause_subject_before(ctx: _Context, verb: Token) -> Token | None:
    """A participle with no subject of its own whose parse hangs it in the wrong place
    ("Clinton seemed ready to riff, telling the crowd, "..."): the subject of the clause
    before it in the sentence, outside quotation marks."""
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp"):
        return None
    for j in range(verb.i - 1, verb.sent.start - 1, -1):
        t = ctx.doc[j]
        if (
            t.dep_ in SUBJECTS
            and t.head.i < verb.i
            and not ctx.quoted_at(t.idx)
            and (t.pos_ != "PRON" or t.lower_ in PERSONAL)
        ):
            return t
    return None


def _dash_speaker(ctx: _Context, end: int) -> str | None:
    """`"..." ― Name`: a name after a dash that follows the closing mark signs the quote."""
    m = SIGNATURE.match(ctx.text, end)
    tok = ctx.token_at(m.end()) if m else None
    if tok is None or tok.idx + len(tok) <= m.end():  # type: ignore[union-attr]
        return None
    mention = ctx.mention_over(tok)
    return mention.actor if mention is not None else None


def speaker_of(ctx: _Context, subj: Token | None) -> str | None:
    """The actor a subject names: the mention over its head, the organisation or person a
    spokesman speaks for, a pronoun's antecedent, or a definite description ("the ministry")."""
    if subj is None:
        return None
    if subj.pos_ == "PRON":
        if subj.lower_ in PERSONAL:
            return ctx.antecedent(subj.idx)
        return None
    m = ctx.mention_over(subj)
    if m is not None:
        return m.actor
    for c in subj.children:
        if c.dep_ in ("appos", "compound", "poss", "nmod", "conj"):
            m = ctx.mention_over(c)
            if m is not None and not (c.dep_ == "conj" and ctx.kinds.get(m.actor) != "person"):
                return m.actor
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
            for o in c.children:
                m = ctx.mention_over(o) if o.dep_ == "pobj" else None
                if m is not None and ctx.kinds.get(m.actor) in ("organization", "place", "group"):
                    return m.actor
    if subj.pos_ == "PROPN" or _capitalised(subj):
        hit = ctx.cast.resolve(subj.text) or ctx.by_surname(subj)
        if hit:
            return hit
    if subj.pos_ == "NOUN" and any(c.lower_ == "the" for c in subj.children):
        return _definite(ctx, subj)
    return None


def _capitalised(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for a common noun or a verb
    ("Trump shot back"): a name when an actor of the article carries it."""
    return tok.text[:1].isupper() and tok.text[1:].islower()


def _definite(ctx: _Context, noun: Token) -> str | None:
    """`the ministry` -> the organisation most recently named with that head word."""
    word = noun.lower_
    i = bisect_left(ctx.mention_starts, noun.idx) - 1
    while i >= 0:
        m = ctx.mentions[i]
        if ctx.kinds.get(m.actor) == "organization" and word in m.text.lower().split():
            return m.actor
        i -= 1
    return None


def _scare(ctx: _Context, start: int, end: int, framed: bool, hops: int, content: int = 1) -> bool:
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


def _kind(ctx: _Context, start: int, end: int) -> str:
    """direct for a sentence or clause of the speaker's, partial for a fragment in the writer's."""
    inside = ctx.tokens(start, end)
    text = ctx.text[start:end].lstrip()
    if text[:1].isupper():
        return "direct"
    ids = {t.i for t in inside}
    for t in inside:
        outer = t.head.i not in ids or t.head.i == t.i
        if outer and t.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS and c.i in ids for c in t.children):
            return "direct"
    return "partial"


def _indirect(ctx: _Context, quoted: list[tuple[int, int]]) -> Iterator[tuple[int, int, Token]]:
    """Complement clauses of speech verbs that contain no quotation: reported speech."""
    marks = [s for s, _ in quoted]
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH:
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


def extract_quotes(doc: Doc, cast: Cast) -> Iterator[Quote]:
    """Direct and partial quotes with speakers, then reported speech, in text order."""
    ctx = _Context(doc, cast)
    text = ctx.text
    pieces = ctx.pieces
    reported = list(_indirect(ctx, [(p.start, p.end) for p in pieces]))
    found: list[tuple[int, int, str | None, str, str | None]] = []
    last: tuple[int, int, str | None, str | None] | None = None  # paragraph, end, speaker, cue
    carried: tuple[str | None, str | None] | None = None
    spans = [_trim(text, piece.start, piece.end) for piece in pieces]
    cues = [find_cue(ctx, s, e) for s, e in spans]
    chain: list[int] = []
    for i, piece in enumerate(pieces):
        chain.append(i)
        if not piece.continues:
            framed_by = next((cues[j] for j in chain if cues[j][0]), None)
            for j in chain:
                if framed_by is not None and not cues[j][0]:
                    cues[j] = framed_by
            chain = []
    for piece, (start, end), (verbs, hops, content) in zip(pieces, spans, cues, strict=True):
        p = ctx.para(start)
        cue: Token | None = verbs[0] if verbs else None
        speaker: str | None = None
        for k, verb in enumerate(verbs):
            who = speaker_for(ctx, verb, end)
            if who is not None:
                cue, speaker = verb, who
                outer = _reported_by(ctx, verb, verbs[k + 1 :], end)
                if outer is not None:
                    cue, speaker = outer
                break
        cue_text = _cue_text(cue)
        framed = cue is not None
        turn = _turn_speaker(ctx, start) if start <= ctx.paras[p][0] + 2 or speaker is None else None
        if turn is not None:  # a transcript turn names its speaker, whatever frames the chain
            speaker, cue_text, framed, hops = turn, None, True, 1
        if not framed:
            signed = _dash_speaker(ctx, end)
            if signed is not None:
                speaker, cue_text, framed, hops = signed, None, True, 1
        if not framed:
            frame = _follow_on(ctx, start, p, last, carried, reported)
            if frame is not None:
                speaker, cue_text = frame
                framed, hops = True, 1
        if _scare(ctx, start, end, framed, hops, content):
            carried = None
            continue
        if not framed:
            root, speaker = _clause_subject(ctx, start, end)
            cue_text = _cue_text(root)
        found.append((start, end, speaker, _kind(ctx, start, end), cue_text))
        last = (ctx.para(end), end, speaker, cue_text)
        carried = (speaker, cue_text) if piece.continues else None
    indirect: list[tuple[int, int, str | None, str, str | None]] = [
        (s, e, speaker_for(ctx, v), "indirect", v.text) for s, e, v in reported
    ]
    for n, (s, e, speaker, kind, cue_text) in enumerate(sorted(found + indirect), start=1):
        yield Quote(id=f"q{n}", text=text[s:e], speaker=speaker, kind=kind, cue=cue_text, span=(s, e))


TURN = re.compile(r"\s*[\"“]?\s*([A-Z][A-Z'’.\- ]{1,40}[A-Z]):\s")
"""A transcript turn: a paragraph that opens with its speaker's name in capitals and a colon."""


def _turn_speaker(ctx: _Context, start: int) -> str | None:
    """`"PENCE: Well, look, ...`: words in a transcript turn are the named speaker's."""
    lo, _ = ctx.paras[ctx.para(start)]
    m = TURN.match(ctx.text, lo)
    if m is None:
        return None
    name = m.group(1)
    hit = ctx.cast.resolve(name)
    if hit is not None:
        return hit if ctx.kinds.get(hit) in ("person", "organization") else None
    word = name.split()[-1].casefold()
    people = {a.id for a in ctx.cast.actors if a.kind == "person" and word in a.name.casefold().split()}
    return people.pop() if len(people) == 1 else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _follow_on(
    ctx: _Context,
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


def _sentence_frame(ctx: _Context, start: int, p: int) -> tuple[str | None, str | None] | None:
    """`Schiff said. "The other factor ..."`: a quote that opens a sentence in mid-paragraph
    carries on from the sentence before it, when that sentence reports someone's words or is
    about a person ("Sanders identified ... as a reason. "The younger people ..."")."""
    tok = ctx.token_at(start - 1)
    while tok is not None and tok.i > 0 and (tok.is_space or tok.is_quote or tok.text in OPEN_D + STRAIGHT_D):
        tok = ctx.doc[tok.i - 1]
    if tok is None or tok.text not in (".", "!", "?") or tok.idx < ctx.paras[p][0] or ctx.quoted_at(tok.idx):
        return None
    sent = tok.sent
    for verb in reversed([t for t in sent if _frames(ctx, t)]):
        who = speaker_for(ctx, verb)
        if who is not None:
            return who, verb.text
    subj = subject_of(sent.root)
    if subj is None or ctx.quoted_at(subj.idx) or (subj.pos_ == "PRON" and subj.lower_ not in PERSONAL):
        return None
    who = speaker_of(ctx, subj)
    return (who, None) if who is not None and ctx.kinds.get(who) == "person" else None


def _colon_frame(ctx: _Context, start: int) -> tuple[str | None, str | None] | None:
    """`X boomed: "..."`: the clause before the colon is the frame, whatever its verb."""
    tok = ctx.token_at(start - 1)
    while tok is not None and tok.i > 0 and (tok.is_space or tok.is_quote or tok.text in OPEN_D + STRAIGHT_D):
        tok = ctx.doc[tok.i - 1]
    if tok is None or tok.text != ":" or tok.i == 0:
        return None
    for root in _clause_verbs(ctx, ctx.doc[tok.i - 1]):
        who = speaker_of(ctx, subject_of(root))
        if who is not None:
            return who, root.text
    named = ctx.mention_over(ctx.doc[tok.i - 1])  # "Republican pollster Daron Shaw: "..."
    if named is not None and ctx.kinds.get(named.actor) in ("person", "organization"):
        return named.actor, None
    return None


def _clause_verbs(ctx: _Context, tok: Token) -> list[Token]:
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


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.text


def _clause_subject(ctx: _Context, start: int, end: int) -> tuple[Token | None, str | None]:
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
    subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.pos_ == "PRON":
        return None, None
    m = ctx.mention_over(subj)
    return (root, m.actor) if m is not None else (None, None)
