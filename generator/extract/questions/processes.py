"""Cues where a process is under way and its outcome open: an investigation, appeal, trial, vote
or talks not over ("ordered an immediate review", "is appealing a ruling", "the case is pending").

A process is open when the text says so (pending, ongoing, upcoming), when it is just begun or
asked for, or when its verb is in the present or future; never when the article reports its end
("the inquiry found", see `settled`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import clause_subject, is_past_clause, negated
from .cue import Cue, char_span, keys_of, keys_of_clause, stem
from .settled import settled
from .wording import finish, noun_phrase, phrase_text

# fmt: off
OUTCOME_OF = {
    "investigation": "find", "probe": "find", "inquiry": "find", "review": "find", "audit": "find",
    "examination": "find", "autopsy": "find", "assessment": "find", "evaluation": "find",
    "appeal": "succeed", "bid": "succeed", "recount": "show",
    "vote": "pass", "trial": "end", "case": "end", "lawsuit": "end", "suit": "end", "prosecution": "end",
    "impeachment": "end", "proceedings": "end", "hearing": "end", "standoff": "end",
    "bill": "pass", "legislation": "pass", "measure": "pass",
 "amendment": "pass", "referendum": "pass",
    "talks": "agree", "negotiation": "agree", "negotiations": "agree", "mediation": "agree",
    "search": "found", "manhunt": "found", "hunt": "found",
}
# fmt: on


TEMPLATES = {
    "find": "What will {np} find?",
    "show": "What will {np} show?",
    "succeed": "Will {np} succeed?",
    "end": "How will {np} end?",
    "pass": "Will {np} pass?",
    "agree": "Will {np} produce an agreement?",
    "found": "Will {np} be found?",
}
"""What a reader asks of each kind of process."""


PROCESS_VERBS = {
    "investigate": ("investigation", "into"),
    "probe": ("probe", "into"),
    "review": ("review", "of"),
    "examine": ("examination", "of"),
    "audit": ("audit", "of"),
    "appeal": ("appeal", "against"),
    "negotiate": ("negotiations", "on"),
    "sue": ("lawsuit", "against"),
    "prosecute": ("prosecution", "of"),
}
"""Process verbs and the noun a question names the process by ("is appealing a ruling")."""


OPENING_VERBS = {
    "launch", "open", "order", "begin", "start", "announce", "request", "demand", "seek", "face",
    "await", "schedule", "plan", "line", "file", "promise", "propose", "set", "expect",
}  # fmt: skip
"""Verbs that start or ask for a process: whatever their tense, it has not run its course."""


PENDING_MODS = {
    "pending",
    "ongoing",
    "upcoming",
    "impending",
    "planned",
    "proposed",
    "immediate",
    "expected",
    "unresolved",
}
"""Modifiers that say a process has not run its course."""


CONTINUING = {
    "continue", "begin", "start", "resume", "remain", "proceed", "drag", "loom", "conduct", "lead",
    "pursue", "await", "head", "face", "wait", "intensify", "widen", "expand", "hold", "line",
}  # fmt: skip
"""Verbs that, not in the past, say a process is going on ("the inquiry continues")."""


def process_noun(noun: Token, sent: Span) -> Iterator[Cue]:
    """'ordered an immediate review of all aviation procedures' -> 'What will the immediate
    review of all aviation procedures find?'"""
    lemma = noun.lemma_.lower()
    outcome = OUTCOME_OF.get(lemma) or OUTCOME_OF.get(noun.lower_)
    if outcome is None or not _open_process(noun) or lemma in settled(noun.doc):
        return
    if lemma == "vote":
        outcome = _vote(noun)
        if outcome is None:
            return
    if outcome == "found":
        obj = _sought(noun)
        if obj is None:
            return
        np = noun_phrase(obj, trim=True, definite=True)
    else:
        np = noun_phrase(noun, trim=True, definite=True)
        if any(
            c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ not in ("its", "their") for c in noun.children
        ):
            return
        dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "amod", "predet")]
        if any(d in ("such", "any", "all", "many", "some", "no", "every") for d in dets):
            return  # "prosecutors rarely pursue such cases": cases in general
        if not any(c.dep_ in ("det", "poss") for c in noun.children) and not np[:1].isupper():
            np = "the " + np
    if len(np.split()) > 16:
        return
    q = finish(TEMPLATES[outcome].format(np=np).rstrip("?"))
    keys = frozenset({stem(lemma)}) | keys_of(noun.subtree)
    yield Cue("process", sent, q, keys, char_span(noun), bonus=still(noun))


def _vote(noun: Token) -> str | None:
    """A vote on something or to do something is a process; "votes" counted are not."""
    if any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in noun.children):
        return "pass"
    return None


def _open_process(noun: Token) -> bool:
    """Whether the text presents the process as not over: "pending", "under investigation",
    "ordered a review", "the trial begins", "is lining up a vote"."""
    if any(c.lower_ in PENDING_MODS for c in noun.children if c.dep_ in ("amod", "advmod", "compound")):
        return True
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "under"
        and OUTCOME_OF.get(noun.lemma_.lower()) == "find"
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return not is_past_clause(head.head)  # "X is under investigation"
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and not negated(head):
        lemma = head.lemma_.lower()
        if lemma in OPENING_VERBS and simple_past(head) and (_long_ago(head) or lemma in ("begin", "start")):
            return False  # "In 2009, the Vatican started an investigation": not news of an opening
        return lemma in OPENING_VERBS or (lemma in CONTINUING and _not_past(head) and head.tag_ != "VB")
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and not negated(head):
        if head.lemma_.lower() in CONTINUING and _not_past(head):
            return True
        return (
            head.lemma_ == "be"
            and _not_past(head)
            and any(
                c.lower_ in PENDING_MODS | {"under"}
                for c in head.children
                if c.dep_ in ("acomp", "prep", "advmod")
            )
        )
    return False


def _not_past(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return not any(a.lower_ in ("have", "'ve") for a in auxes)
    return not is_past_clause(verb) and verb.tag_ in ("VBZ", "VBP", "VBG", "VB") and verb.dep_ != "amod"


def _sought(noun: Token) -> Token | None:
    """What a search is for ("the search for the missing hikers")."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def process_verb(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Apple is currently appealing a ruling' -> 'Will Apple's appeal against the ruling succeed?'"""
    noun, prep = PROCESS_VERBS[verb.lemma_.lower()]
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return  # "is investigating whether to punish ...": the "whether" cue asks it
    if not under_way(verb) or negated(verb) or _supposed(verb):
        return  # "(imagine the spectacle) if the I.R.S. sues a president": not under way
    subj = clause_subject(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or subj.pos_ != "PROPN" and subj.pos_ != "NOUN":
        return
    owner = noun_phrase(subj, trim=True)
    owner += "’" if owner.endswith("s") and subj.tag_ in ("NNS", "NNPS") else "’s"
    np = f"{owner} {noun}" + (
        f" {prep} {noun_phrase(obj, trim=True, definite=True)}" if obj is not None else ""
    )
    with_whom = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "over")), None)
    if obj is None and with_whom is not None:  # "negotiates with Russia over Syria"
        np += " " + phrase_text(list(with_whom.subtree))
    outcome = OUTCOME_OF.get(noun, "end")
    if len(np.split()) > 12:
        return
    q = finish(TEMPLATES[outcome].format(np=np).rstrip("?"))
    keys = (
        frozenset({stem(noun)}) | keys_of_clause(verb) | (keys_of([obj]) if obj is not None else frozenset())
    )
    yield Cue("process", sent, q, keys, char_span(verb), bonus=still(verb))


def _supposed(verb: Token) -> bool:
    """In a condition or a supposition ("if X sues", "imagine X suing"): not happening."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


def _long_ago(verb: Token) -> bool:
    """A clause dated to a year, or "years ago", "last year": no longer news."""
    for t in verb.subtree:
        if t.ent_type_ == "DATE" and (
            t.like_num and len(t.text) == 4 or t.lower_ in ("ago", "last", "previous")
        ):
            return True
    return False


def simple_past(verb: Token) -> bool:
    """Past, but not a present perfect ("have left Detroit vulnerable" is a state now)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def under_way(verb: Token) -> bool:
    """Progressive, present or future: "is appealing", "investigates", "will review"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "shall") for a in auxes):
        return True
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return True
    return verb.tag_ in ("VBZ", "VBP") and verb.dep_ != "relcl"


def still(tok: Token) -> float:
    near = [*tok.children, *tok.head.children]
    return 0.25 if any(t.lower_ in ("still", "yet", "currently", "now") for t in near) else 0.0
