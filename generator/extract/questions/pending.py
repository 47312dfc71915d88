"""Cues where something is asked for or announced: a demand ("X urged Y to ..."), a stated
concern, an event scheduled after publication."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Span, Token

from ...model import TimelineEntry
from ..spans import join_names_whole
from ..syntax import FIRST_SECOND_PERSON, clause_subject, is_past_clause, is_reporting, negated, own_subject
from .cue import LIGHT_VERBS, WEAK_KEY, Cue, char_span, end_of, keys_of, keys_of_clause, past_hypothesis, stem
from .hedged import EVENT_NOUNS
from .phrasing import yes_no
from .processes import OUTCOME_OF
from .wording import finish, inside, noun_phrase

COMMITTING = {"say", "tell", "announce", "add", "insist", "pledge", "promise", "vow", "state", "declare"}
"""Reporting verbs whose "will" clause is a commitment when the speaker speaks of themself."""
OPEN_OUTCOME = {
    "vote", "decide", "rule", "consider", "review", "hear", "meet", "debate", "discuss", "negotiate",
    "elect", "choose", "select", "determine", "weigh", "sentence", "testify", "face", "compete",
    "play", "race", "run", "talk", "announce", "resume", "try", "seek", "attempt", "contest",
}  # fmt: skip
"""Verbs of events whose result a date does not settle: a vote, a hearing, a meeting, a game."""
MAX_THING_WORDS = 5
"""A thing whose "should" is a prediction is named in a few words ("Pence's performance")."""
VAGUE_CONCERNS = {"future", "situation", "thing", "this", "that", "it", "matter", "issue"}
"""Concerns too vague to ask about ("concerned about the future")."""


def demand(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X calls on Y to VP', 'X urged Y to VP', 'X demanded that Y VP', 'X lobbied for Y to VP',
    'the bill requires Y to VP': will Y do it? 'X called for an investigation': will there be one?"""
    if (
        tok.dep_ in ("acl", "relcl", "amod")
        or negated(tok)
        or any(a.dep_ in ("relcl", "acl") for a in tok.ancestors)
    ):
        return  # "a policy urging employees to ...": describes a thing, raises no issue
    if clause_subject(tok) is None or any(c.tag_ == "MD" and c.lower_ != "will" for c in tok.children):
        return  # "..., instead calling on the spouse to", "they would push students to": no one demands
    if tok.lemma_ in ("ask", "require") and (
        tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in tok.children if c.dep_ == "aux")
    ):
        return  # "asked the congregation to stand": a request met there and then
    target: Token | None = None
    action: Token | None = None
    wanted: Token | None = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            target = next((p for p in c.children if p.dep_ == "pobj"), target)
        elif c.dep_ == "prep" and c.lower_ == "for":
            wanted = next((p for p in c.children if p.dep_ == "pobj"), None)
        elif c.dep_ == "dobj" and tok.lemma_ != "call":
            target = c
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            action = c
        elif c.dep_ == "advcl" and c.pos_ == "VERB" and any(m.lower_ == "for" for m in c.children):
            action = c  # "lobbied for Congress to loosen the rules"
    if action is None and wanted is not None:
        yield from _wanted(tok, wanted, sent)
        return
    if action is None:
        return
    if action.dep_ == "ccomp" and not any(m.lower_ == "that" for m in action.children):
        return
    if negated(action):
        return  # "warned X not to ...": asked the other way round it means the opposite
    if action.dep_ == "xcomp" and (target is None or target.pos_ == "PRON"):
        return
    if tok.lemma_ == "ask" and action.dep_ != "xcomp":
        return
    q = yes_no(action, subject=target if action.dep_ == "xcomp" else None, trim=True)
    keys = keys_of_clause(action)
    if target is not None and target.pos_ == "PROPN":
        keys |= {WEAK_KEY + target.lemma_.lower()}  # the same demand on the same person, said twice
    yield Cue("demand", sent, q, keys, (tok.idx, end_of(action)))


def demand_noun(noun: Token, sent: Span) -> Iterator[Cue]:
    """'sounded a call for the United States to accept more refugees' -> 'Will the United States
    accept more refugees?'"""
    action = next(
        (
            c
            for c in noun.children
            if c.pos_ == "VERB" and c.dep_ in ("advcl", "acl") and any(m.lower_ == "for" for m in c.children)
        ),
        None,
    )
    if action is None or negated(action) or not own_subject(action):
        return
    yield Cue("demand", sent, yes_no(action, trim=True), keys_of_clause(action), (noun.idx, end_of(action)))


def time_for(noun: Token, sent: Span) -> Iterator[Cue]:
    """'It is time for America to go on offense' -> 'Will America go on offense?': a call to act."""
    be = noun.head
    if noun.dep_ != "attr" or be.lemma_ != "be" or be.tag_ not in ("VBZ", "VBP") or negated(be):
        return  # "it was time for ...": told of the past; "it is not time for ...": no call
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return  # "there is time for Trump to master the issues": room to act, not a call to
    action = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    if action is None or not any(m.lower_ == "for" for m in action.children) or negated(action):
        return
    agent = own_subject(action)
    if agent is None or agent.pos_ not in ("PROPN", "NOUN") or agent.lower_ in FIRST_SECOND_PERSON:
        return
    yield Cue(
        "demand", sent, yes_no(action, subject=agent, trim=True), keys_of_clause(action), char_span(action)
    )


def _wanted(tok: Token, noun: Token, sent: Span) -> Iterator[Cue]:
    """'called for an independent investigation into X' -> 'Will there be an independent
    investigation into X?'"""
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    lemma = noun.lemma_.lower()
    if (
        lemma not in EVENT_NOUNS
        and lemma not in OUTCOME_OF
        or (det is not None and det.lower_ not in ("a", "an"))
    ):
        return
    if any(c.dep_ == "poss" for c in noun.children):
        return
    np = noun_phrase(noun, trim=True)
    if len(np.split()) > 12:
        return
    keys = frozenset({stem(noun.lemma_)}) | keys_of(noun.subtree)
    yield Cue("demand", sent, finish(f"Will there be {np}"), keys, (tok.idx, end_of(noun)))


def concern(tok: Token, sent: Span) -> Iterator[Cue]:
    """'China is concerned about the tariffs' -> 'Will China's concerns about the tariffs be
    addressed?'; 'fears that the truce will collapse' -> 'Will the truce collapse?'"""
    if negated(tok) or negated(tok.head):
        return  # "did not seem to be worried about division": no concern
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")), None)
    if clause is not None:
        if (
            _past(tok)
            or past_hypothesis(clause)
            or not any(a.lower_ in ("will", "would", "could", "might", "may", "'ll") for a in clause.children)
        ):
            return
        yield Cue("concern", sent, yes_no(clause), keys_of_clause(clause), char_span(clause))
        return
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "by")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or _past(tok) or tok.pos_ == "NOUN":
        return
    subj = clause_subject(tok.head)
    if subj is not None and subj.pos_ == "PRON":
        return  # "I am concerned about his stance": whose concern and stance is lost
    about = join_names_whole(t for t in obj.subtree if not inside(t, obj, ("relcl", "appos")))
    about = re.sub(r",?\s*(as well as|and)\s+", " and ", about).rstrip(", ")
    if not any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in VAGUE_CONCERNS for t in obj.subtree):
        return
    if subj is None:
        return  # "people ... worried about outsiders": whose concern, the question cannot say
    owner = noun_phrase(subj, keep_det=subj.pos_ == "NOUN", trim=True)
    if subj.pos_ in ("PROPN", "NOUN") and len(owner.split()) <= 3:
        mark = "’" if owner.endswith("s") and subj.tag_ in ("NNS", "NNPS", "NNP") else "’s"
        q = f"Will {owner}{mark} concerns about {about} be addressed?"
    else:
        q = f"Will the concerns about {about} be addressed?"
    keys = frozenset({stem(t.lemma_) for t in obj.subtree if t.pos_ == "NOUN" and not t.is_stop})
    yield Cue("concern", sent, q, keys, char_span(tok.head))


def _past(tok: Token) -> bool:
    verb = tok if tok.pos_ == "VERB" else tok.head
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))


def scheduled(
    tok: Token, sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    """An event announced for a date after publication: will it happen, and what will it bring?"""
    if published is None:
        return
    verb = tok.head if tok.lower_ == "will" else next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if verb is None or verb.pos_ != "VERB" or (tok.lower_ != "will" and is_past_clause(tok)):
        return
    if verb.lemma_ in LIGHT_VERBS or verb.dep_ in ("relcl", "acl"):
        return
    if tok.lower_ == "will" and verb.lemma_.lower() not in OPEN_OUTCOME:
        return  # "NASA will receive $18 billion": announced, nothing left open
    lo = min(t.idx for t in verb.subtree)
    hi = max(t.idx + len(t) for t in verb.subtree)
    future = [
        e
        for e in timeline
        if e.span and e.date and lo <= e.span[0] < hi and e.date[:10] > published.isoformat()
    ]
    if not future:
        return
    subj = clause_subject(verb) or clause_subject(tok.head)
    if subj is None or subj.pos_ == "PRON":
        return
    # No grouping keys: two announced events share verbs ("hold") but are different issues.
    yield Cue("scheduled", sent, yes_no(verb, subject=subj), frozenset(), (lo, hi))


def _same_person(verb: Token, clause: Token) -> bool:
    """'Trump said he will release his returns': the speaker commits himself."""
    speaker, subj = clause_subject(verb), clause_subject(clause)
    if speaker is None or subj is None:
        return False
    if subj.lower_ in ("he", "she", "they", "we"):
        return speaker.pos_ in ("PROPN", "NOUN") or speaker.lower_ in ("he", "she", "they")
    return subj.lemma_ == speaker.lemma_


def _subordinate(verb: Token, reported: bool = False) -> bool:
    """A clause that is not what the sentence asserts: relative, adverbial, under a question word
    or a past report ("had never suggested the U.S. should ..."). `reported`: a report in the
    simple past ("Matthews said the performance should boost ...") still asserts it."""
    said = -1
    for tok in [verb, *verb.ancestors]:
        if tok.dep_ in ("relcl", "acl", "advcl", "csubj", "pcomp", "pobj") or any(
            c.tag_ in ("WRB", "WP", "WDT") or c.lower_ in ("if", "whether")
            for c in tok.children
            if c.i < tok.i
        ):
            return True
        if reported and tok.dep_ == "ccomp" and is_reporting(tok.head) and tok.head.tag_ == "VBD":
            said = tok.head.i
        elif tok.dep_ == "ccomp" and (tok.head.tag_ == "VBD" or negated(tok.head)):
            return True
        if tok.i != said and (
            tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in tok.children if a.dep_ == "aux")
        ):
            return True  # "Eight years ago, both men had the position: Congress should ...": history
    return False


def _definite_thing(subj: Token) -> bool:
    """'Pence's performance', 'the video': a particular thing, named in a few words, whose
    "should" is a prediction; not one a speaker ventures ("I think the plan should ...")."""
    if subj.pos_ != "NOUN" or len(list(subj.subtree)) > MAX_THING_WORDS:
        return False
    if any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
        for c in subj.head.children
    ):
        return False  # "If it weren't Cuba, the child should go ...": a hypothesis
    if any(
        s is not None and s.lower_ in FIRST_SECOND_PERSON for s in map(clause_subject, subj.head.ancestors)
    ):
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in subj.children
    )


def forecast(verb: Token, sent: Span) -> Iterator[Cue]:
    """'He complained that this wrinkle will ensure a muddled market' -> 'Will the wrinkle ensure a
    muddled market?': what someone says will happen."""
    speaker = clause_subject(verb)
    if (
        negated(verb)
        or verb.dep_ in ("relcl", "acl", "amod")
        or speaker is None
        or speaker.lower_ in FIRST_SECOND_PERSON
    ):
        return  # "I think the winner will be ...": a speaker's guess, whose it is gets lost
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not {"will", "'ll", "would"} & set(auxes) or "have" in auxes or clause.lemma_ in LIGHT_VERBS:
        return
    past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ == "aux")
    committed = verb.lemma_.lower() in COMMITTING and _same_person(verb, clause)
    if "would" in auxes and past and not committed:
        return  # "she feared the exams would ...": a prediction from the past, often history by now
    if verb.lemma_.lower() in COMMITTING and not _same_person(verb, clause):
        return  # "officials said signs will be posted": an announcement, not a commitment to watch
    yield Cue("forecast", sent, yes_no(clause, trim=True), keys_of_clause(clause), char_span(clause))


def should(tok: Token, sent: Span) -> Iterator[Cue]:
    """'Trump should release his tax returns', 'Clinton needs to explain', 'Pence's performance
    should boost Trump's poll numbers': will they, will it?"""
    verb: Token | None
    if tok.lower_ in ("should", "must"):
        verb = tok.head
        if verb.i < tok.i or any(
            c.lower_ in ("have", "'ve", "not", "n't", "never") for c in verb.children if c.i > tok.i
        ):
            return
    else:
        verb = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if verb is None or negated(tok) or tok.tag_ not in ("VBZ", "VBP"):
            return
    if verb is None:
        return
    clause = verb if tok.lower_ in ("should", "must") else tok
    subj = clause_subject(clause)
    thing = tok.lower_ == "should" and subj is not None and _definite_thing(subj)
    if _subordinate(clause, reported=thing):
        return  # "why Mrs. Clinton should be president", "the motivation Democrats need to": not a demand
    if subj is None or not (subj.pos_ == "PROPN" or thing) or verb.dep_ in ("relcl", "acl"):
        return  # "we should", "people must": no one in particular
    q = yes_no(verb, subject=subj, trim=True)
    q = re.sub(r"^(Should|Must) ", "Will ", q) if q else None  # not whether they ought to: whether they will
    yield Cue("should", sent, q, keys_of_clause(verb), char_span(verb))
