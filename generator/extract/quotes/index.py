"""Per-article lookups for attribution: tokens, mentions, paragraphs and quotations by offset."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..model import Cast, Mention
from ..sentences import DATELINE, doc_text
from ..syntax import SUBJECT_DEPS, antecedent, is_reporting
from .marks import paragraph_bounds, quotation_spans

AGENCY_DATELINE = re.compile(
    r"\s*[A-Z][\w.'’ -]{1,40}?\s*(?:,[^()\n]{1,30})?\(\s*[A-Z][\w .&-]{1,30}\)\s*[-–—:]+"
)
"""A dateline in mixed case ("Washington (AFP) –", "Paris, July 25 (UPI) —")."""


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


class ArticleIndex:
    """Per-article lookups: tokens by offset, mentions by offset, actor kinds."""

    def __init__(self, doc: Doc, cast: Cast) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.cast = cast
        self.tok_starts = doc.to_array(IDX).tolist()  # no Python object per token
        self.paras = paragraph_bounds(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.datelines = [
            (lo, lo + m.end())
            for lo, hi in self.paras
            if (m := DATELINE.match(self.text[lo:hi]) or AGENCY_DATELINE.match(self.text[lo:hi]))
        ]
        self.mentions: list[Mention] = [m for m in _by_recency(cast) if not self.in_dateline(m.start)]
        self.mention_starts = [m.start for m in self.mentions]
        self.kinds = {a.id: a.kind for a in cast.actors}
        self.genders = dict(cast.genders)
        self.pieces = quotation_spans(self.text)
        self.quotes = [(p.start, p.end) for p in self.pieces]
        self.quote_starts = [s for s, _ in self.quotes]

    def in_dateline(self, offset: int) -> bool:
        """Whether `offset` lies in the place and agency that open a story ("WASHINGTON (AP) -"),
        which is never who speaks."""
        return any(a <= offset < b for a, b in self.datelines)

    def quoted_at(self, offset: int) -> bool:
        """Whether `offset` lies inside quotation marks (a speaker never does)."""
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that lie inside [start, end)."""
        lo = bisect_left(self.tok_starts, start)
        hi = bisect_left(self.tok_starts, end)
        return [t for t in self.doc[lo:hi] if t.idx + len(t) <= end]

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

    def antecedent(self, before: int, gender: str | None = None) -> str | None:
        """The person a he/she refers to: the nearest preceding person the discourse is about (the
        subject of a main clause or of a reporting verb), else the nearest who is a grammatical
        subject or owns one, else the nearest person at all; never one named only inside a
        quotation, nor one whose gender the text shows to differ."""

        def accept(m: Mention) -> bool:
            theirs = self.genders.get(m.actor)
            return not self.quoted_at(m.start) and (gender is None or theirs is None or theirs == gender)

        return antecedent(
            self.mentions,
            self.mention_starts,
            self.kinds,
            before,
            self._subject,
            accept=accept,
            main=self._main,
        )

    def body_antecedent(self, before: int, plural: bool = False, within: int = 600) -> str | None:
        """The organisation an "it" (or "they") that reports refers to: the nearest organisation
        before it, in this paragraph or the one before, that is a grammatical subject ("The
        company said ... It added"); "they" may also be a group ("Democrats")."""
        kinds = ("organization", "group") if plural else ("organization",)
        lo = self.paras[max(0, self.para(before) - 1)][0]
        i = bisect_left(self.mention_starts, before) - 1
        while i >= 0 and self.mentions[i].start >= max(lo, before - within):
            m = self.mentions[i]
            usable = m.end <= before and self.kinds.get(m.actor) in kinds and not self.quoted_at(m.start)
            if usable and self._subject(m):
                return m.actor
            i -= 1
        return None

    def _main(self, m: Mention) -> bool:
        """The mention is the subject of its sentence's main clause or of a reporting verb."""
        tok = self.token_at(m.end - 1)
        if tok is not None and tok.dep_ == "poss" and tok.head.dep_ in SUBJECT_DEPS:
            tok = tok.head  # "Oz's dubious advice earned him ...": the owner is what it is about
        if tok is None or tok.dep_ not in SUBJECT_DEPS:
            return False
        verb = tok.head
        while verb.head.i != verb.i and (
            verb.dep_ == "conj" or verb.dep_ == "ccomp" and verb.i < verb.head.i
        ):
            verb = verb.head  # "X scolded him: "...," she said": the clause before the frame is main
        return verb.dep_ == "ROOT" or is_reporting(tok.head)

    def _subject(self, m: Mention) -> bool:
        """The mention ends in a subject, or in the owner of one ("Oz's advice earned him ...")."""
        tok = self.token_at(m.end - 1)
        return tok is not None and (
            tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss" and tok.head.dep_ in SUBJECT_DEPS
        )
