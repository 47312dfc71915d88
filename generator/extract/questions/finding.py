"""Finding: every cue in the article body, sentence by sentence, each from the word that
triggers it (an explicit question, "whether", a hedge, a condition, a demand, a concern, a
scheduled event)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...model import TimelineEntry
from ..sentences import is_heading, sentences
from ..syntax import negated
from . import asked, hedged, pending
from .cue import DOUBLE_QUOTES, FRAGILE_ADJ, HEDGE_ADJ, UNCERTAIN_ADJ, Cue

DEMAND_VERBS = {"call", "urge", "press", "demand", "appeal", "implore"}
CONCERN_ADJ = {"concerned", "worried", "anxious"}
SCHEDULE_WORDS = {"set", "scheduled", "due", "slated", "poised"}
WEAK_MODALS = {"could", "might", "may"}
ADVICE_YOU = 5
"""An article that says "you" this often talks to its reader; its questions are rhetorical."""


def find_cues(
    doc: Doc, published: date | None = None, timeline: tuple[TimelineEntry, ...] = ()
) -> Iterator[Cue]:
    """Every cue in the article body, sentence by sentence."""
    advice = sum(t.lower_ in ("you", "your") for t in doc) >= ADVICE_YOU
    for sent in sentences(doc):
        if is_heading(doc, sent) or _title_case(sent):
            continue
        for cue in _sentence_cues(sent, published, timeline):
            if not (advice and cue.kind == "explicit"):
                yield cue


def _title_case(sent: Span) -> bool:
    """A headline repeated in the body ("Obama Sees Insult if Voters Don't Rally"): not a sentence."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _sentence_cues(sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]) -> Iterator[Cue]:
    """The sentence's cues, one per hedged phrase and per phrasing."""
    text = sent.text.strip()
    if any(t.lower_ in ("you", "your") for t in sent):
        return  # advice to the reader or words addressed to someone: not the story's open issues
    explicit = asked.explicit(sent)
    if explicit:
        yield explicit
    elif text.rstrip(DOUBLE_QUOTES + "'’ )").endswith("?"):
        return
    seen: set[int] = set()
    said: set[str] = set()
    for tok in sent:
        for cue in _token_cues(tok, sent, published, timeline):
            if cue.focus[0] not in seen and not (cue.question and cue.question in said):
                seen.add(cue.focus[0])
                said.add(cue.question or "")
                yield cue


def _token_cues(
    tok: Token, sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low == "whether" or (low == "if" and asked.is_complement_if(tok)):
        yield from asked.whether(tok, sent)
    elif low == "if" and tok.dep_ == "mark":
        yield from hedged.conditional(tok, sent)
    if lemma == "see" and tok.tag_ == "VBN" and tok.head.lemma_ == "remain":
        yield from asked.unseen(tok, sent)
    if lemma in HEDGE_ADJ and tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        yield from hedged.possible(tok, sent)
    if low == "yet" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        yield from hedged.yet(tok, sent)
    if lemma == "expect" and tok.pos_ in ("VERB", "AUX"):
        yield from hedged.expected(tok, sent)
    if (low in UNCERTAIN_ADJ or (low == "clear" and negated(tok))) and tok.pos_ == "ADJ":
        yield from asked.uncertain(tok, sent)
    if low in FRAGILE_ADJ and tok.dep_ in ("acomp", "oprd"):
        yield from hedged.fragile(tok, sent)
    if lemma in DEMAND_VERBS and tok.pos_ == "VERB":
        yield from pending.demand(tok, sent)
    if low in CONCERN_ADJ and tok.dep_ == "acomp":
        yield from pending.concern(tok, sent)
    if low in WEAK_MODALS and tok.tag_ == "MD":
        yield from hedged.modal(tok, sent)
    if (low in SCHEDULE_WORDS and tok.tag_ in ("VBN", "JJ")) or (low == "will" and tok.tag_ == "MD"):
        yield from pending.scheduled(tok, sent, published, timeline)
