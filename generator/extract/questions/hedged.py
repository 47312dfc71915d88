"""Cues where the text hedges about what comes next: "a possible deal", "has yet to", "is
expected to", "if the meeting materializes", "could", a "fragile" truce."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import FIRST_SECOND_PERSON, clause_subject, is_past_clause, join_names_whole, negated
from .cue import SAME_ISSUE, Cue, char_span, end_of, keys_of, keys_of_clause, stem
from .phrasing import noun_phrase, yes_no

# fmt: off
EVENT_NOUNS = {
    "talk", "talks", "summit", "meeting", "visit", "trip", "deal", "agreement", "treaty", "truce",
    "ceasefire", "vote", "election", "referendum", "strike", "attack", "war", "invasion", "sanction",
    "ban", "tariff", "merger", "takeover", "bid", "run", "candidacy", "shutdown", "default", "recession",
    "impeachment", "indictment", "trial", "hearing", "debate", "reform", "cut", "hike", "increase",
    "rise", "sale", "release", "return", "withdrawal", "settlement", "conference", "tour", "launch",
}
GATHERINGS = {
    "meeting", "visit", "trip", "conference", "election", "vote", "debate", "hearing", "trial", "tour",
}
# fmt: on
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ance", "ence", "al")
"""Endings of nouns that name an event ("negotiation", "settlement", "hearing")."""
AGREEMENTS = {"deal", "agreement", "treaty", "truce", "ceasefire", "settlement"}
"""Events that are reached rather than held."""
PAST_MARKERS = re.compile(r"\b(last|ago|yesterday|earlier|previous|former|once)\b", re.I)
"""Words that put a clause in the past whatever its modal ("could have", "could last year")."""
NOT_HEDGED = {"say", "see", "hear", "remember", "afford", "tell", "imagine", "argue", "recall"}
"""Verbs whose "could"/"might" is no hedge about the future ("you could say")."""


def conditional(tok: Token, sent: Span) -> Iterator[Cue]:
    """'If the meeting finally materializes, ...': a present-tense condition about the future."""
    verb = tok.head
    if verb.dep_ != "advcl" or is_past_clause(verb):
        return
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if prev in ("as", "even", "only", "what"):
        return
    main = verb.head
    if (
        not any(c.lower_ in ("will", "would", "could", "'ll", "might") for c in main.children)
        and main.tag_ != "VB"
    ):
        return
    yield Cue("conditional", sent, yes_no(verb), keys_of_clause(verb), char_span(verb, exclude_marks=True))


def possible(tok: Token, sent: Span) -> Iterator[Cue]:
    noun = tok.head
    if not _is_event_noun(noun):
        return
    if any(c.dep_ in ("relcl", "acl") and is_past_clause(c) for c in noun.children):
        return  # "the potential acquisition, which was terminated": settled
    words = [t for t in noun.subtree if t.i != tok.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    owned = any(c.dep_ == "poss" for c in noun.children)
    phrase = join_names_whole(words) if owned else "the " + join_names_whole(words)
    kind = noun.lemma_.lower()
    if kind in AGREEMENTS:
        q = f"Will {phrase} be reached?"
    elif kind in GATHERINGS or SAME_ISSUE.get(kind) == "meeting":
        q = f"Will {phrase} take place?"
    else:
        q = f"Will there be {join_names_whole(words)}?"
    keys = frozenset({stem(noun.lemma_)}) | keys_of(noun.subtree)
    kind = "possible" if q.endswith(("take place?", "be reached?")) else "potential"
    yield Cue(kind, sent, q, keys, (min(t.idx for t in noun.subtree), end_of(noun)))


def yet(tok: Token, sent: Span) -> Iterator[Cue]:
    verb = next((t for t in tok.doc[tok.i + 2 : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return
    have = tok.head
    subj = clause_subject(have) or clause_subject(verb)
    q = yes_no(verb, subject=subj)
    yield Cue("yet", sent, q, keys_of_clause(verb), (have.idx, end_of(verb)))


def expected(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X is expected to VP' / 'it is expected that X will VP' / 'analysts expect X to VP'."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if (
        negated(tok)
        or tok.tag_ == "VBD"
        or any(a.tag_ == "VBD" or a.lower_ in ("was", "were", "had") for a in auxes)
    ):
        return
    if (tok.tag_ == "VBN" and not auxes) or tok.dep_ in ("relcl", "acl"):
        return
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if comp is None or any(c.tag_ in ("WP", "WDT") for c in tok.children):
        return
    if comp.dep_ == "xcomp":
        subj = next((c for c in tok.children if c.dep_ == "dobj"), None) or clause_subject(tok)
    else:
        subj = None
    if subj is not None and subj.lower_ in ("it",):
        return
    yield Cue("expected", sent, yes_no(comp, subject=subj), keys_of_clause(comp), char_span(comp))


def fragile(tok: Token, sent: Span) -> Iterator[Cue]:
    head = tok.head
    subj = clause_subject(head)
    if subj is None or subj.pos_ == "PRON" or head.tag_ == "VBD":
        return
    keys = frozenset({stem(subj.lemma_)})
    yield Cue(
        "fragile",
        sent,
        f"Will {noun_phrase(subj)} hold?",
        keys,
        (min(t.idx for t in subj.subtree), end_of(tok)),
    )


def modal(tok: Token, sent: Span) -> Iterator[Cue]:
    """'could'/'might'/'may' + a bare verb about the future; not 'could have', 'could not', past facts."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
        return
    between = tok.doc[tok.i + 1 : verb.i]
    if any(t.lower_ in ("have", "'ve", "not", "n't", "never") for t in between):
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    if verb.lemma_ in NOT_HEDGED:
        return
    clause = sent.doc[min(t.i for t in verb.subtree) : max(t.i for t in verb.subtree) + 1]
    if PAST_MARKERS.search(clause.text) or any(e.label_ == "DATE" and _past_date(e) for e in clause.ents):
        return
    if verb.dep_ in ("relcl", "acl", "amod"):
        return
    subj = clause_subject(verb)
    if subj is None or subj.lower_ in FIRST_SECOND_PERSON | {
        "it",
        "that",
        "this",
        "they",
        "he",
        "she",
        "which",
        "who",
    }:
        return
    yield Cue("modal", sent, yes_no(verb), keys_of_clause(verb), char_span(verb))


def _is_event_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS or lemma.endswith(EVENT_SUFFIXES)


def _past_date(ent: Span) -> bool:
    return bool(PAST_MARKERS.search(ent.text))
