"""Cues: one passage that raises an open question, and the content words it is about.

Cues about the same issue share content lemmas (the head noun or verb of what is hedged), which
is how `grouping` puts them together; `keys_of` and `keys_of_clause` choose those lemmas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..syntax import clause_subject

# Cue kinds and their weight, in order of preference for which cue phrases a group's question.
STRENGTH: dict[str, float] = {
    "explicit": 2.5,  # a question the text asks
    "unknown": 2.75,  # "it is not yet known which pilot ...", "trying to determine if ..."
    "whether": 2.25,
    "uncertain": 2.25,  # "the future of the coalition remains uncertain"
    "unseen": 2.0,  # "remains to be seen"
    "process": 2.25,  # an investigation, appeal, trial or vote under way
    "search": 2.0,  # a search still going on, people or things still missing
    "denial": 2.25,  # "X denied ...": a contested claim
    "accusation": 2.0,  # "accused X of ...", "charges that ...", "allegedly"
    "possible": 2.0,
    "yet": 2.0,
    "expected": 2.0,
    "weighing": 2.0,  # "is considering a run", "won't rule out", "is open to running"
    "demand": 2.0,
    "attempt": 1.75,  # "is still working to find a middle ground"
    "refusal": 1.75,  # "refuses to release his tax returns"
    "concern": 2.0,
    "fragile": 2.0,
    "claim": 1.5,  # "X insisted that ...", "critics say ..."
    "dispute": 1.75,  # a dispute, battle or standoff not over
    "numbers": 2.0,  # "more prudent measures estimate a larger deficit"
    "condition": 1.75,  # someone hurt, "in fair condition"
    "risk": 1.5,  # "vulnerable to", "at risk of"
    "prospect": 1.5,  # "plans to", "set to", "likely to", "threatened to"
    "probable": 1.5,  # "probably will", "appear to be"
    "predicted": 1.5,  # "will find it difficult to", "will not necessarily"
    "suspected": 1.5,  # "may have used the loss to avoid taxes"
    "should": 1.25,  # "Trump should release his returns": what someone ought to do, not yet done
    "potential": 1.25,
    "forecast": 1.25,  # "X said Y will ...": a prediction
    "conditional": 1.0,
    "modal": 0.75,
    "scheduled": 1.25,
    "noreply": 0.75,  # "did not respond to requests for comment": support, never a question alone
}
PHRASING_ORDER = tuple(STRENGTH)
HEDGE_ADJ = {"possible", "potential", "prospective", "proposed", "mooted", "looming", "impending"}
UNCERTAIN_ADJ = {"uncertain", "unclear", "undecided", "unknown", "doubtful", "unresolved", "unsettled"}
FRAGILE_ADJ = {"fragile", "precarious", "shaky", "tenuous", "volatile"}
LIGHT_VERBS = {"be", "have", "do", "make", "take", "get", "go", "become", "come", "say", "see"}
# fmt: on
SAME_ISSUE = {"talk": "meeting", "talks": "meeting", "summit": "meeting", "meet": "meeting"}
"""Near-synonyms that name the same kind of event, so hedges about "the talks" and "the meeting" meet."""
WEAK_KEY = "~"
"""Prefix of grouping keys from verbs and adjectives, which alone do not make two cues one issue."""
DOUBLE_QUOTES = '"“”'


@dataclass(frozen=True)
class Cue:
    """One passage that raises an open question, with the proposed phrasing and grouping keys."""

    kind: str
    sent: Span
    question: str | None
    keys: frozenset[str]
    focus: tuple[int, int]
    """Character offsets of the hedged phrase or clause (for actors)."""
    anaphoric: bool = False
    bonus: float = 0.0
    """Added to the kind's weight: the predicate says the matter is still open ("still", "yet")."""

    @property
    def strength(self) -> float:
        return STRENGTH[self.kind] + self.bonus


def keys_of(tokens: Iterable[Token]) -> frozenset[str]:
    """Content lemmas (not names: every question in a two-country story names both)."""
    return frozenset(
        ("" if t.pos_ == "NOUN" else WEAK_KEY) + stem(t.lemma_)
        for t in tokens
        if t.pos_ in ("NOUN", "VERB", "ADJ")
        and not t.is_stop
        and not t.ent_type_
        and t.lemma_.lower() not in LIGHT_VERBS | HEDGE_ADJ | UNCERTAIN_ADJ | FRAGILE_ADJ
        and len(t.text) > 2
    )


def keys_of_clause(verb: Token) -> frozenset[str]:
    """The clause's own verb and its subject's head noun: what the clause is about."""
    keys = set()
    if verb.lemma_.lower() not in LIGHT_VERBS and verb.pos_ == "VERB":
        keys.add(WEAK_KEY + stem(verb.lemma_))
    subj = clause_subject(verb)
    if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_:
        keys.add(stem(subj.lemma_))
    for comp in (c for c in verb.children if c.dep_ == "acomp"):
        keys |= {WEAK_KEY + stem(x.lemma_) for x in comp.children if x.dep_ == "xcomp" and x.pos_ == "VERB"}
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
        if obj.pos_ == "NOUN" and not obj.ent_type_ and not obj.is_stop:
            keys.add(stem(obj.lemma_))  # "pass the omnibus bill": the bill
    return frozenset(keys)


def stem(lemma: str) -> str:
    """Crude stem so "relation"/"relationship" or "materialize"/"materialization" meet."""
    low = lemma.lower()
    return SAME_ISSUE.get(low, low[:7])


def char_span(verb: Token, exclude_marks: bool = False) -> tuple[int, int]:
    toks = [t for t in verb.subtree if not (exclude_marks and t.dep_ == "mark" and t.head.i == verb.i)]
    return (min(t.idx for t in toks), max(t.idx + len(t) for t in toks))


def end_of(tok: Token) -> int:
    return max(t.idx + len(t) for t in tok.subtree)


def past_hypothesis(verb: Token) -> bool:
    """A clause under an "if" in the simple past ("if the state held up the deal, Patriot could
    threaten to ..."): a hypothesis, or a worry of the past, not a prospect to follow."""
    heads = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]
    return any(
        c.dep_ == "advcl" and c.tag_ == "VBD" and any(m.lower_ in ("if", "unless") for m in c.children)
        for h in heads
        for c in h.children
    )
