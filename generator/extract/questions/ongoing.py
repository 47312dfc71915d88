"""Cues where something is still going on or may still befall someone: an attempt in progress
("is still working to find a middle ground"), a search, people or things still missing, a risk
someone is left exposed to, a hurt person's recovery, figures that do not agree.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import clause_subject, is_past_clause, is_reporting, negated
from .cue import WEAK_KEY, Cue, char_span, keys_of, keys_of_clause, stem
from .phrasing import yes_no
from .processes import OUTCOME_OF, simple_past, still, under_way
from .wording import finish, inside, noun_phrase, phrase_text

ATTEMPT_VERBS = {
    "try",
    "work",
    "seek",
    "struggle",
    "fight",
    "push",
    "scramble",
    "race",
    "strive",
    "attempt",
    "battle",
    "press",
}


SEARCH_VERBS = {"search", "hunt", "scour", "comb"}


WOOING = {"court", "woo"}
"""Verbs of trying to win people over ("has been courting working-class voters")."""


SEEKING_NOUNS = {"search", "effort", "hope", "chance", "bid", "attempt", "operation", "focus"}
"""Nouns under which "finding X" is still to come ("hopes of finding survivors")."""


HARM_ENDINGS = ("tion", "sion", "ment", "ing", "ance", "ence", "ure", "ack", "ault", "ine", "ty")
"""Endings of nouns that name a harm or an event (suspension, attack, hacking, penalty, fine)."""


MEDICAL_STATES = {"critical", "serious", "fair", "stable", "grave", "poor", "guarded", "life-threatening"}
"""How hospitals describe the hurt: "in fair condition"."""


SIZES = {
    "larger": "large",
    "bigger": "big",
    "higher": "high",
    "lower": "low",
    "smaller": "small",
    "greater": "great",
}


ESTIMATING = {"estimate", "project", "calculate", "peg", "suggest", "show", "forecast", "find"}


QUANTITY_NOUNS = {
    "deficit", "toll", "cost", "number", "figure", "loss", "debt", "price", "amount", "total", "count",
    "rate", "share", "gap", "shortfall", "damage", "surplus", "tally", "bill", "sum",
}  # fmt: skip
"""Nouns for figures that estimates can disagree on."""


RISK_ADJ = {"vulnerable", "exposed", "susceptible", "open"}


RISK_NOUNS = {"risk", "danger", "threat", "prospect"}


def attempt(verb: Token, sent: Span) -> Iterator[Cue]:
    """'The Vatican is still working with the LCWR to find a middle ground' -> 'Will the Vatican
    find a middle ground?'"""
    if not under_way(verb) or negated(verb) or verb.dep_ in ("relcl", "acl", "amod", "ccomp"):
        return  # "Cox says Obama is trying to distract": an accusation, not the story's matter
    goal = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if goal is None or goal.pos_ != "VERB" or negated(goal) or reported(verb):
        return
    if any(c.lower_ in ("whether", "if") or c.tag_ in ("WRB", "WP") for c in goal.subtree if c.i > goal.i):
        return  # "trying to determine if ...": what is not known is the question, not the trying
    subj = clause_subject(verb)
    q = yes_no(goal, subject=subj, trim=True)
    yield Cue("attempt", sent, q, keys_of_clause(goal), char_span(verb), bonus=still(verb))


def courting(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Trump has been courting working-class voters' -> 'Will Trump win over working-class
    voters?': an effort to win people over, its outcome open while it goes on."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    perfect = verb.tag_ == "VBG" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    if not (under_way(verb) or perfect) or negated(verb) or verb.dep_ in ("relcl", "acl", "amod", "advcl"):
        return
    subj, obj = clause_subject(verb), next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or obj.pos_ not in ("NOUN", "PROPN") or reported(verb):
        return
    if not (
        subj.pos_ == "PROPN" or subj.lower_ in ("he", "she") or any(c.dep_ == "poss" for c in subj.children)
    ):
        return  # "candidates are courting voters": no one in particular
    name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)  # "Clinton's
    who = [t for t in obj.subtree if not inside(t, obj, ("relcl", "appos", "acl"))]  # opponent, Donald Trump"
    q = finish(f"Will {noun_phrase(name, trim=True)} win over {phrase_text(who)}")
    yield Cue("attempt", sent, q, keys_of(who) | {WEAK_KEY + stem(verb.lemma_)}, char_span(verb))


def searching(tok: Token, sent: Span) -> Iterator[Cue]:
    """A search still going on: 'are searching for X', 'focused on finding X', 'X remain missing'."""
    lemma = tok.lemma_.lower()
    if lemma in SEARCH_VERBS and tok.pos_ == "VERB" and under_way(tok) and tok.tag_ != "VBZ":
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    elif lemma == "find" and tok.tag_ == "VBG" and _sought_under(tok):
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        small = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"), None)
        if obj is None and small is not None:  # "finding anyone alive"
            obj = next((c for c in small.children if c.dep_ == "nsubj"), None)
            if obj is not None:
                q = finish(f"Will {phrase_text(list(small.subtree))} be found")
                yield Cue("search", sent, q, frozenset({"search"}) | keys_of(small.subtree), char_span(small))
            return
    elif (
        lemma == "miss"
        and tok.tag_ == "VBG"
        and tok.dep_ in ("acomp", "ROOT")
        and not is_past_clause(tok.head)
    ):
        subj = clause_subject(tok.head if tok.dep_ == "acomp" else tok)
        obj = subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None
    else:
        return
    if (
        obj is None
        or obj.pos_ not in ("NOUN", "PROPN", "PRON")
        or obj.lower_ in ("it", "them", "this", "that")
    ):
        return
    if obj.pos_ == "NOUN" and not any(c.dep_ in ("det", "nummod", "poss", "amod") for c in obj.children):
        return  # "looks for cases": a habit, not a search
    words = [t for t in obj.subtree]
    np = phrase_text(words, definite=True) if obj.pos_ != "PRON" else phrase_text(words)
    if len(np.split()) > 12:
        np = noun_phrase(obj, trim=True, definite=True)
    q = finish(f"Will {np} be found")
    keys = frozenset({"search"}) | keys_of(obj.subtree)
    yield Cue("search", sent, q, keys, char_span(obj), bonus=still(tok))


def reported(tok: Token) -> bool:
    """Inside what someone says ("RT says its critics are trying to ..."): their claim."""
    for a in tok.ancestors:
        if a.dep_ == "ccomp" and is_reporting(a.head):
            return True
    return tok.dep_ == "ccomp" and is_reporting(tok.head)


def _sought_under(find: Token) -> bool:
    """'hopes of finding', 'focused on finding', 'effort to find': a finding still to come."""
    tok = find
    for _ in range(3):
        tok = tok.head
        if tok.lemma_.lower() in SEEKING_NOUNS:
            return True
        if tok.pos_ == "VERB" and tok.lemma_.lower() != "focus":
            return False
    return False


def risk(adj: Token, sent: Span) -> Iterator[Cue]:
    """'left Detroit vulnerable to suspensions during the stretch' -> 'Will Detroit face
    suspensions during the stretch?'"""
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("to", "of")), None)
    obj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or obj.pos_ != "NOUN":
        return
    head = adj.head
    who = next((c for c in head.children if c.dep_ == "dobj"), None) if adj.dep_ == "oprd" else None
    who = who or clause_subject(head)
    if who is None or who.pos_ not in ("PROPN", "NOUN") or negated(head) or simple_past(head):
        return
    if not obj.lemma_.lower().endswith(HARM_ENDINGS) and obj.lemma_.lower() not in OUTCOME_OF:
        return  # "vulnerable to suspensions", "exposed to hacking": a harm, not an agent
    rest = phrase_text([t for t in obj.subtree if t.dep_ != "relcl"], definite=True)
    q = finish(f"Will {noun_phrase(who, trim=True)} face {rest}")
    yield Cue("risk", sent, q, keys_of(obj.subtree) | keys_of([who]), char_span(adj))


def _adverbs(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "advmod"}


def condition(noun: Token, sent: Span) -> Iterator[Cue]:
    """'Swanson was in fair condition' -> 'How will Swanson recover?': someone hurt, the outcome open."""
    if not any(c.dep_ == "amod" and c.lower_ in MEDICAL_STATES for c in noun.children):
        return
    prep = noun.head
    verb = prep.head if prep.lower_ == "in" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return
    who = clause_subject(verb)
    if who is None or (who.pos_ != "PROPN" and who.lower_ not in ("he", "she")):
        return
    q = finish(f"How will {noun_phrase(who, trim=True)} recover")
    yield Cue("condition", sent, q, frozenset({"conditi"}) | keys_of([who]), char_span(verb))


def numbers(tok: Token, sent: Span) -> Iterator[Cue]:
    """'More prudent measures estimate a larger deficit' / 'the real toll could be higher' ->
    'How large is the deficit?': figures that do not agree."""
    if tok.tag_ != "JJR" or tok.lower_ not in SIZES:
        return
    head = tok.head
    noun: Token | None
    if tok.dep_ == "amod" and head.dep_ == "dobj" and head.head.lemma_.lower() in ESTIMATING:
        noun = head
    elif tok.dep_ == "acomp" and any(c.lower_ in ("could", "may", "might") for c in head.children):
        noun = clause_subject(head)
    else:
        return
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in QUANTITY_NOUNS:
        return
    words = [
        t
        for t in noun.subtree
        if t.i != tok.i and not (t.dep_ == "amod" and t.lower_ in ("real", "actual", "true"))
    ]
    np = phrase_text(words, definite=True)
    if not np.lower().startswith("the "):
        np = "the " + np
    q = finish(f"How {SIZES[tok.lower_]} is {np}")
    yield Cue("numbers", sent, q, frozenset({stem(noun.lemma_)}), char_span(head))
