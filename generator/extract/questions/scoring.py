"""Scoring: how strongly, how often and how centrally the story leaves a matter open.

A group of cues scores its strongest cue, plus support from each further sentence about the
same matter, plus centrality: a cue in the lead, actors the lead names, a matter whose noun the
story keeps repeating.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_STOP, LEMMA, POS
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Span

from ..model import Cast
from .cue import WEAK_KEY, Cue, stem

SUPPORT = 0.75
"""Added for each further sentence about the same matter (up to MAX_SUPPORT sentences)."""
MAX_SUPPORT = 3
LEAD_SENTENCES = 3
"""The lead: the first sentences of the body, where a story says what it is about."""
IN_LEAD = 0.5
LEAD_ACTOR = 0.25
MAX_ACTOR_BONUS = 0.5
REPEATED = 0.25
"""Added when the matter's noun comes back at least REPEATS times in the article."""
REPEATS = 3
LEAD_NOUN = 0.25
"""Added when the matter's noun is one the lead uses: what the story is about."""
COMMON = 4
ACTOR_KEY = "@"
"""Prefix of grouping keys that are actor ids (weak: two cues must share more than a name)."""


@dataclass(frozen=True)
class Centre:
    """What the article is mainly about: where its lead ends, the actors the lead names, and how
    often each content noun comes back."""

    lead_end: int
    lead_actors: frozenset[str]
    nouns: Counter[str]
    lead_nouns: frozenset[str] = frozenset()

    @property
    def common(self) -> frozenset[str]:
        """Nouns the article keeps coming back to: sharing one says little about the matter."""
        return frozenset(k for k, n in self.nouns.items() if n > COMMON)


def centre_of(doc: Doc, cast: Cast, sents: list[Span]) -> Centre:
    """The lead (the first LEAD_SENTENCES of `sents`, the body's sentences), its actors and
    nouns, and how often each content noun comes back."""
    lead = sents[LEAD_SENTENCES - 1] if len(sents) >= LEAD_SENTENCES else (sents[-1] if sents else None)
    lead_end = lead.end_char if lead is not None else 0
    lead_tok = lead.end if lead is not None else 0
    actors = frozenset(m.actor for m in cast.mentions if m.start < lead_end)
    words = doc.to_array([LEMMA, POS, IS_STOP])
    is_noun = (words[:, 1] == NOUN) & (words[:, 2] == 0)
    nouns: Counter[str] = Counter()
    for lemma, n in zip(*numpy.unique(words[is_noun, 0], return_counts=True), strict=True):
        nouns[stem(doc.vocab.strings[int(lemma)])] += int(n)
    lead_ids = numpy.unique(words[:lead_tok][is_noun[:lead_tok], 0])
    lead_nouns = {stem(doc.vocab.strings[int(lemma)]) for lemma in lead_ids}
    return Centre(lead_end, actors, nouns, frozenset(lead_nouns))


def with_actors(cue: Cue, cast: Cast) -> Cue:
    """The cue with the actors named where it is as grouping keys."""
    ids = cast.in_span(*cue.focus)
    if not ids:
        return cue
    return Cue(
        cue.kind,
        cue.sent,
        cue.question,
        cue.keys | {WEAK_KEY + ACTOR_KEY + a for a in ids},
        cue.focus,
        cue.anaphoric,
        cue.bonus,
    )


def score(group: list[Cue], centre: Centre) -> float:
    """Strongest cue, support from further sentences, centrality."""
    sents = {c.sent.start for c in group if c.strength >= 1.0}  # a bare "said" backs nothing up
    value = max(c.strength for c in group) + SUPPORT * max(0, min(len(sents), MAX_SUPPORT) - 1)
    if any(c.sent.start_char < centre.lead_end for c in group):
        value += IN_LEAD
    actors = {
        k[len(WEAK_KEY + ACTOR_KEY) :] for c in group for k in c.keys if k.startswith(WEAK_KEY + ACTOR_KEY)
    }
    value += min(MAX_ACTOR_BONUS, LEAD_ACTOR * len(actors & centre.lead_actors))
    nouns = {k for c in group for k in c.keys if not k.startswith(WEAK_KEY)}
    if any(centre.nouns[k] >= REPEATS for k in nouns):
        value += REPEATED
    if nouns & centre.lead_nouns:
        value += LEAD_NOUN
    return value
