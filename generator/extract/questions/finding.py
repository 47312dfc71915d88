"""Finding: every cue in the article body, sentence by sentence, each from the word that
triggers it (an explicit question, "whether", a hedge, a condition, a demand, a concern, a
scheduled event)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from ...model import TimelineEntry
from ..sentences import doc_text, is_heading, sentences
from . import asked, disputed, hedged, hidden, ongoing, pending, predicted, processes, unknown, weighing
from .cue import DOUBLE_QUOTES, FRAGILE_ADJ, HEDGE_ADJ, Cue

DEMAND_VERBS = {
    "call",
    "urge",
    "press",
    "demand",
    "appeal",
    "implore",
    "ask",
    "lobby",
    "push",
    "pressure",
    "require",
}
CONCERN_ADJ = {"concerned", "worried", "anxious"}
FEAR_WORDS = {"fear", "worry", "concern"}
FORECASTING = {
    "predict", "warn", "fear", "believe", "think", "estimate", "project", "forecast", "complain",
    "argue", "insist", "claim", "contend", "worry", "doubt", "suspect", "bet", "guess",
}  # fmt: skip
"""Verbs that report a prediction someone could be wrong about, not an announcement ("said")."""
SCHEDULE_WORDS = {"set", "scheduled", "due", "slated", "poised"}
WEAK_MODALS = {"could", "might", "may"}
SUPPOSING = {"say", "suppose", "imagine", "assume", "picture", "consider"}
"""Imperatives that open a thought experiment."""
AHEAD = {
    "should",
    "demand",
    "prospect",
    "expected",
    "modal",
    "forecast",
    "conditional",
    "scheduled",
    "attempt",
    "predicted",
    "weighing",
    "refusal",
}
"""Cue kinds about what comes next: in a sentence about years ago, that has come and gone."""
QUESTION_RUN = 3
"""Questions this many in a row are a list (a checklist, a quiz, rhetoric), not open matters."""
LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
YOU = re.compile(r"\b(?:you|your)\b", re.I)
ADVICE_YOU = 5
"""An article that says "you" this often talks to its reader; its questions are rhetorical."""


def body_sentences(doc: Doc) -> list[Span]:
    """The article's sentences without headings and headlines repeated in the body."""
    return [s for s in sentences(doc) if not (is_heading(doc, s) or _title_case(s))]


def find_cues(
    doc: Doc,
    published: date | None = None,
    timeline: tuple[TimelineEntry, ...] = (),
    sents: list[Span] | None = None,
) -> Iterator[Cue]:
    """Every cue in the article body, sentence by sentence (`sents`: `body_sentences`, if read).

    Only the words some detector starts from are looked at as tokens: they are found in one pass
    over the Doc's lower-case and lemma ids, without building a Python object per word."""
    advice = len(YOU.findall(doc_text(doc))) >= ADVICE_YOU
    sents = body_sentences(doc) if sents is None else sents
    words = doc.to_array([LOWER, LEMMA])
    hits = [int(i) for i in numpy.nonzero(numpy.isin(words, TRIGGER_IDS).any(axis=1))[0]]
    yous = {int(i) for i in numpy.nonzero(numpy.isin(words[:, 0], YOU_IDS))[0]}
    asks = [_asks(s) for s in sents]
    for n, sent in enumerate(sents):
        listed = sum(asks[max(0, n - QUESTION_RUN + 1) : n + QUESTION_RUN]) >= QUESTION_RUN
        if any(sent.start <= i < sent.end for i in yous):
            continue  # advice to the reader or words addressed to someone: not the story's open issues
        here = hits[bisect_left(hits, sent.start) : bisect_left(hits, sent.end)]
        for cue in _sentence_cues(sent, here, asks[n], published, timeline):
            if not (cue.kind == "explicit" and (advice or listed)):
                yield cue


def _supposed(sent: Span) -> bool:
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.lower_ in SUPPOSING and first.tag_ == "VB"


def _dated_past(sent: Span, published: date | None) -> bool:
    """A sentence dated to years before publication ("Eight years ago", "In 2008"); a year that
    only names a thing ("the nominee's 1995 state tax return") dates no clause."""
    for t in sent:
        if t.ent_type_ == "DATE":
            if t.lower_ == "ago":
                return True
            year = int(t.text) if len(t.text) == 4 and t.text.isdigit() else None
            if published is None or year is None or year >= published.year - 1:
                continue
            bare_year = t.ent_iob_ == "B" and not (t.i + 1 < len(t.doc) and t.nbor().ent_iob_ == "I")
            if not (bare_year and t.dep_ in ("nummod", "compound", "amod") and t.head.pos_ == "NOUN"):
                return True  # "In 2008", "a Jan. 17, 2013 email"; not "the nominee's 1995 tax return"
    return False


def _asks(sent: Span) -> bool:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return text.strip().rstrip(DOUBLE_QUOTES + "'’ )").endswith("?")


def _title_case(sent: Span) -> bool:
    """A headline repeated in the body ("Obama Sees Insult if Voters Don't Rally"): not a sentence."""
    words = LONG_WORD.findall(doc_text(sent.doc)[sent.start_char : sent.end_char])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentence_cues(
    sent: Span, hits: list[int], question: bool, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    """The sentence's cues from the words at `hits`, one per hedged phrase and per phrasing."""
    explicit = asked.explicit(sent) if question else None
    if explicit:
        yield explicit
    elif question:
        return
    if _supposed(sent):
        return  # "Say Mexico demanded ...", "Imagine ...": a thought experiment
    looking_back: bool | None = None  # read when a cue about what comes next turns up
    seen: set[int] = set()
    said: set[str] = set()
    doc = sent.doc
    for i in hits:
        for cue in _token_cues(doc[i], sent, published, timeline):
            if cue.kind in AHEAD:
                if looking_back is None:
                    looking_back = _dated_past(sent, published)
                if looking_back:
                    continue  # "Eight years ago, ... Congress should enact": a stance of the past
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
    elif low in ("if", "unless") and tok.dep_ == "mark":
        yield from hedged.conditional(tok, sent)
    elif low == "until" and tok.dep_ == "mark":
        yield from hedged.until(tok, sent)
    if lemma == "see" and tok.tag_ == "VBN" and tok.head.lemma_ == "remain":
        yield from asked.unseen(tok, sent)
    elif unknown.is_trigger(tok):
        yield from unknown.not_known(tok, sent)
    if lemma in hidden.HIDING or lemma == "keep":
        yield from hidden.hidden(tok, sent)
    if lemma in unknown.NO_REPLY:
        yield from unknown.no_reply(tok, sent)
    if lemma in HEDGE_ADJ and tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        yield from hedged.possible(tok, sent)
    if low in disputed.SUSPECTING and tok.dep_ == "amod":
        yield from disputed.suspected(tok, sent)
    if low == "yet" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        yield from hedged.yet(tok, sent)
    if (lemma in hedged.PROSPECT_VERBS and tok.pos_ in ("VERB", "AUX")) or (
        lemma in hedged.PROSPECT_ADJ and tok.pos_ in ("ADJ", "VERB") and tok.dep_ in ("acomp", "oprd", "ROOT")
    ):
        yield from hedged.expected(tok, sent)
    if (low in hedged.PROBABLY and tok.pos_ == "ADV") or (lemma in hedged.SEEMING and tok.pos_ == "VERB"):
        yield from hedged.probable(tok, sent)
    if low in FRAGILE_ADJ and tok.dep_ in ("acomp", "oprd"):
        yield from hedged.fragile(tok, sent)
    if lemma in DEMAND_VERBS and tok.pos_ == "VERB":
        yield from pending.demand(tok, sent)
    elif lemma in DEMAND_VERBS | {"plea", "request"} and tok.pos_ == "NOUN":
        yield from pending.demand_noun(tok, sent)
    if lemma == "time" and tok.pos_ == "NOUN":
        yield from pending.time_for(tok, sent)
    if (low in CONCERN_ADJ and tok.dep_ == "acomp") or (lemma in FEAR_WORDS and tok.pos_ in ("NOUN", "VERB")):
        yield from pending.concern(tok, sent)
    if low in WEAK_MODALS and tok.tag_ == "MD":
        yield from hedged.modal(tok, sent)
        yield from hedged.maybe_done(tok, sent)
    if (low in ("should", "must") and tok.tag_ == "MD") or (lemma == "need" and tok.pos_ == "VERB"):
        yield from pending.should(tok, sent)
    if (low in SCHEDULE_WORDS and tok.tag_ in ("VBN", "JJ")) or (low == "will" and tok.tag_ == "MD"):
        yield from pending.scheduled(tok, sent, published, timeline)
    if (low in predicted.DIFFICULT or low == "able") and tok.pos_ == "ADJ":
        yield from predicted.ability(tok, sent)
    elif low == "necessarily":
        yield from predicted.not_necessarily(tok, sent)
    elif lemma in predicted.PLANS and tok.pos_ == "NOUN":
        yield from predicted.plan(tok, sent)
    elif lemma in predicted.LEAD_NOUNS and tok.pos_ == "NOUN":
        yield from predicted.poll_lead_noun(tok, sent)
    elif lemma in predicted.LEAD_VERBS or low in predicted.LEAD_VERBS:
        yield from predicted.poll_lead(tok, sent)
    if lemma in predicted.CHANCES and tok.pos_ == "NOUN":
        yield from predicted.chance(tok, sent)
    yield from _weighing(tok, lemma, sent)
    yield from _ongoing(tok, lemma, sent)
    yield from _disputed(tok, lemma, sent)


def _weighing(tok: Token, lemma: str, sent: Span) -> Iterator[Cue]:
    if tok.pos_ == "VERB" and lemma in weighing.WEIGHING:
        yield from weighing.weighing(tok, sent)
    elif tok.pos_ == "VERB" and lemma == "refuse":
        yield from weighing.refusing(tok, sent)
    elif tok.pos_ == "VERB" and lemma == "rule":
        yield from weighing.ruling_out(tok, sent)
    elif tok.pos_ == "ADJ" and tok.lower_ == "open":
        yield from weighing.open_to(tok, sent)


def _ongoing(tok: Token, lemma: str, sent: Span) -> Iterator[Cue]:
    if tok.pos_ == "NOUN" and (lemma in processes.OUTCOME_OF or tok.lower_ in processes.OUTCOME_OF):
        yield from processes.process_noun(tok, sent)
    elif tok.pos_ == "VERB":
        if lemma in processes.PROCESS_VERBS:
            yield from processes.process_verb(tok, sent)
        if lemma in ongoing.ATTEMPT_VERBS:
            yield from ongoing.attempt(tok, sent)
        elif lemma in ongoing.WOOING:
            yield from ongoing.courting(tok, sent)
        if lemma in ongoing.SEARCH_VERBS or lemma in ("find", "miss"):
            yield from ongoing.searching(tok, sent)
    elif tok.pos_ == "ADJ" and lemma in ongoing.RISK_ADJ:
        yield from ongoing.risk(tok, sent)
    elif tok.pos_ == "ADJ" and tok.lower_ in ongoing.SIZES:
        yield from ongoing.numbers(tok, sent)
    if lemma == "condition" and tok.pos_ == "NOUN":
        yield from ongoing.condition(tok, sent)


def _disputed(tok: Token, lemma: str, sent: Span) -> Iterator[Cue]:
    if tok.pos_ == "VERB":
        if lemma in disputed.DENY_VERBS:
            yield from disputed.denial(tok, sent)
        elif lemma in disputed.ACCUSE_VERBS:
            yield from disputed.accusation(tok, sent)
        elif lemma == "charge":
            yield from disputed.charged(tok, sent)
        if lemma in disputed.CLAIM_VERBS | disputed.REBUTTING or lemma in disputed.SAYING_VERBS:
            yield from disputed.claim(tok, sent)
        if lemma in FORECASTING or lemma in pending.COMMITTING:
            yield from pending.forecast(tok, sent)
    elif tok.lower_ == "allegedly" or (tok.pos_ == "NOUN" and lemma in disputed.ALLEGATION_NOUNS):
        yield from disputed.accusation(tok, sent)


TRIGGERS = frozenset().union(
    {"whether", "if", "unless", "until", "see", "seen", "yet", "will", "should", "must", "need", "time"},
    {"allegedly", "charge", "find", "miss", "condition", "plea", "request", "comment"},
    unknown.UNKNOWN_ADJ, unknown.KNOWN_ADJ, unknown.FINDING_OUT, unknown.MYSTERY_NOUNS,
    unknown.LACKING_NOUNS, unknown.NO_REPLY, HEDGE_ADJ, FRAGILE_ADJ, WEAK_MODALS,
    hedged.PROSPECT_VERBS, hedged.PROSPECT_ADJ, hedged.PROBABLY, hedged.SEEMING,
    DEMAND_VERBS, CONCERN_ADJ, FEAR_WORDS, SCHEDULE_WORDS, FORECASTING, pending.COMMITTING,
    processes.OUTCOME_OF, processes.PROCESS_VERBS, ongoing.ATTEMPT_VERBS, ongoing.SEARCH_VERBS,
    ongoing.RISK_ADJ, ongoing.SIZES, disputed.DENY_VERBS, disputed.ACCUSE_VERBS,
    disputed.CLAIM_VERBS, disputed.REBUTTING, disputed.SAYING_VERBS, disputed.ALLEGATION_NOUNS,
    predicted.DIFFICULT, predicted.LEAD_VERBS, predicted.LEAD_NOUNS, predicted.PLANS, disputed.SUSPECTING,
    hidden.HIDING, {"able", "necessarily", "keep"}, predicted.CHANCES, weighing.WEIGHING, ongoing.WOOING,
    {"refuse", "rule", "open"},
)  # fmt: skip
"""Every word (lower case or lemma) some detector starts from."""
_IDS = StringStore()
TRIGGER_IDS = numpy.array(sorted(_IDS.add(w) for w in TRIGGERS), dtype="uint64")
"""The triggers as spaCy's string ids (the same in every vocabulary)."""
YOU_IDS = numpy.array([_IDS.add("you"), _IDS.add("your")], dtype="uint64")
