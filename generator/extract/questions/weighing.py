"""Cues where someone has not made up their mind, or holds out: "Bloomberg is considering a third
party run", "he might consider Kasich as vice presidential contender", "he's open to running",
"she won't rule out a female running mate", "Trump refuses to release his tax records" ("his
refusal to use the words" is read with plans, in `predicted`). What they will do is the reader's
question ("Will Bloomberg make a third party run for the White House?").

Only a stance that still stands counts: "is considering", "would consider", "refuses", "has
refused", "won't rule out"; "considered" and "refused" in the simple past may be settled since.
"Considered" as a judgment ("he considered Trump the presumptive nominee", "considers the
matter closed") weighs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..sentences import doc_text
from ..syntax import FIRST_SECOND_PERSON, clause_subject, negated
from .cue import Cue, char_span, keys_of, keys_of_clause, stem
from .phrasing import yes_no
from .unknown import FINDING_OUT, NO_REPLY
from .wording import finish, inside, noun_phrase, phrase_text

WEIGHING = {"consider", "weigh", "mull", "contemplate", "ponder"}
"""Verbs of a decision someone is still making."""
PENDING_MODALS = {"would", "'d", "might", "may", "could", "will", "'ll"}
TAKING = {
    "run": "make", "bid": "make", "move": "make", "comeback": "make", "attempt": "make",
    "change": "make", "offer": "accept", "proposal": "accept", "deal": "accept",
    "invitation": "accept", "settlement": "accept", "plea": "accept", "mate": "choose",
    "candidate": "choose", "nominee": "choose", "pick": "choose", "successor": "choose",
    "replacement": "choose", "vote": "hold", "hearing": "hold", "meeting": "hold", "summit": "hold",
    "referendum": "hold",
}  # fmt: skip
"""What one does with a thing weighed ("a run": make it; "an offer": accept it; "a running mate":
choose one; "a vote": hold it); things not listed ("the evidence", "the public") leave no question."""


def _pending(verb: Token) -> bool:
    """Present, progressive, or under a modal of what may come ("would consider", "is mulling");
    not the simple past or a perfect ("considered", "had considered")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in PENDING_MODALS for a in auxes):
        return not any(a.lower_ in ("have", "'ve") for a in auxes)
    if verb.tag_ == "VBG":
        return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return verb.tag_ in ("VBZ", "VBP") and not auxes


def _holds_out(verb: Token) -> bool:
    """A refusal that stands: present, progressive or present perfect ("has refused")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN":
        return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "continue":
        return _pending(verb.head) or _holds_out(verb.head)  # "continues to refuse"
    return _pending(verb)


def someone(subj: Token | None) -> bool:
    """Someone named (or named as whose: "the Clinton campaign"), or a "he"/"she" under a clause
    that names them ("Clinton says she won't ...", resolved later): not "I", "we", "many" or
    "voters", nor a "he" inside a quotation or one whose antecedent is sentences back, which only
    a guess could resolve."""
    if subj is None:
        return False
    if _name(subj) or (
        subj.pos_ == "NOUN" and any(c.dep_ in ("compound", "poss") and _name(c) for c in subj.children)
    ):
        return True  # "Trump", "the Clinton campaign", "Trump's lawyers"
    return subj.lower_ in ("he", "she") and not quoted(subj) and _named_above(subj)


def _name(tok: Token) -> bool:
    """A name (the small model tags "Trump" as a noun at times, but as a person)."""
    if tok.pos_ == "PROPN":
        return bool(tok.ent_type_) or tok.tag_ == "NNP"  # not "Crowds" capitalized in a headline
    return tok.ent_type_ in ("PERSON", "ORG") and tok.text[:1].isupper() and tok.tag_ == "NN"


def _named_above(pronoun: Token) -> bool:
    """The nearest subject above the pronoun is a name ("Clinton says she ..."), not another
    noun ("Khalif said the demonstrators wanted to tell Clinton that she ...": who, unsure)."""
    for a in pronoun.ancestors:
        subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
        if subj is not None:
            return _name(subj)
    return False


def quoted(tok: Token) -> bool:
    """Inside a quotation: an odd number of double quotes, or more opening than closing ones,
    between the start of the paragraph and the word."""
    text = doc_text(tok.doc)
    before = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _asserted(verb: Token) -> bool:
    """Not a relative or adverbial clause, nor what a first-person speaker supposes ("I think
    he would consider ...": a guess, whose it is gets lost)."""
    if verb.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp"):
        return False
    return not any(
        s is not None and s.lower_ in FIRST_SECOND_PERSON for s in map(clause_subject, verb.ancestors)
    )


def weighing(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Bloomberg is considering a third party run for the White House' -> 'Will Bloomberg make a
    third party run for the White House?'; 'he might consider Kasich as vice presidential
    contender' -> 'Will he choose Kasich as vice presidential contender?'"""
    if verb.pos_ != "VERB" or negated(verb) or not _pending(verb) or not _asserted(verb):
        return
    subj = clause_subject(verb)
    if not someone(subj) or any(
        c.dep_ in ("ccomp", "oprd", "acomp") or (c.dep_ == "xcomp" and c.tag_ != "VBG") for c in verb.children
    ):
        return  # "considers the matter closed", "considered Trump the nominee": a judgment
    assert subj is not None
    yield from _decided(verb, subj, sent, "weighing")


def open_to(adj: Token, sent: Span) -> Iterator[Cue]:
    """'Cuban says he's open to running in the future' -> 'Will Cuban run in the future?'"""
    be = adj.head
    if adj.dep_ != "acomp" or be.lemma_ not in ("be", "remain") or negated(be) or not _pending(be):
        return
    to = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    subj = clause_subject(be)
    if to is None or not someone(subj) or not _asserted(be):
        return
    assert subj is not None
    yield from _decided(to, subj, sent, "weighing", anchor=adj)


def ruling_out(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Clinton says she won't rule out a female running mate' -> 'Will she choose a female
    running mate?': a choice kept open. "Ruled out" in the simple past stands too: it is a
    stance, reported as "said" is."""
    if verb.lemma_ != "rule" or not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return
    refused = verb.dep_ == "xcomp" and verb.head.lemma_ in ("refuse", "decline")
    if not (negated(verb) or refused) or not _asserted(verb.head if refused else verb):
        return
    subj = clause_subject(verb)
    if not someone(subj):
        return
    assert subj is not None
    yield from _decided(verb, subj, sent, "weighing")


def _decided(head: Token, subj: Token, sent: Span, kind: str, anchor: Token | None = None) -> Iterator[Cue]:
    """The question about what is weighed: a gerund ("running" -> "Will X run?"), a thing one
    takes ("a run" -> "Will X make a run?"), a person as a role ("Kasich as contender")."""
    at = anchor if anchor is not None else head
    gerund = next(
        (c for c in head.children if c.dep_ in ("xcomp", "pcomp", "dobj") and c.tag_ == "VBG"), None
    )
    if gerund is not None:
        q = yes_no(gerund, subject=subj, trim=True)
        if q is not None:
            yield Cue(kind, sent, q, keys_of_clause(gerund) | {stem(at.lemma_)}, char_span(at))
        return
    obj = next((c for c in head.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return
    role = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    role_noun = next((p for p in role.children if p.dep_ == "pobj"), None) if role is not None else None
    if obj.pos_ == "PROPN" and role_noun is not None and role_noun.pos_ == "NOUN":
        what = f"{noun_phrase(obj, trim=True)} as {phrase_text(list(role_noun.subtree))}"
        q = finish(f"Will {noun_phrase(subj, trim=True)} choose {what}")
        yield Cue(kind, sent, q, keys_of(role_noun.subtree) | {stem(at.lemma_)}, char_span(at))
        return
    verb = TAKING.get(obj.lemma_.lower())
    if verb is None or obj.pos_ != "NOUN" or any(c.dep_ in ("relcl", "acl") for c in obj.children):
        return  # "offers to serve as vice president from both ...": too much to carry over
    words = [t for t in obj.subtree if not inside(t, obj, ("appos", "conj", "cc"))]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()  # "a third party run for the White House and": the next clause went
    q = finish(f"Will {noun_phrase(subj, trim=True)} {verb} {phrase_text(words)}")
    yield Cue(kind, sent, q, keys_of(words) | {stem(at.lemma_)}, char_span(at))


def refusing(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Trump refuses to release his tax returns' -> 'Will Trump release his tax returns?': a
    standoff not over. Refusing to say or comment is asked by `unknown` (what is withheld)."""
    if verb.pos_ != "VERB" or negated(verb) or not _holds_out(verb) or not _asserted(verb):
        return
    goal = next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if goal is None or goal.lemma_.lower() in FINDING_OUT | NO_REPLY | {"rule", "do"}:
        return  # "refuses to say": `unknown`; "refuses to do what every candidate has done": what?
    subj = clause_subject(verb)
    if not someone(subj):
        return
    q = yes_no(goal, subject=subj, trim=True)
    yield Cue("refusal", sent, q, keys_of_clause(goal) | {stem("refuse")}, char_span(goal))
