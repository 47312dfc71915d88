"""Cues where a prediction or a plan leaves the outcome open: "X will find it difficult to", "it
will be tough for X to", "X won't be able to", "will not necessarily", "his promise to ...", and a
poll lead, which the vote may or may not bear out.

Columns and analysis argue by predicting; the reader's question is whether the prediction comes
true. Only the future counts ("will", "'ll", "won't"): "would be hard" is a hypothesis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..spans import entity_of
from ..syntax import FIRST_SECOND_PERSON, clause_subject, negated
from .cue import Cue, char_span, keys_of_clause, stem
from .phrasing import UNCLEAR_SUBJECTS, yes_no
from .unknown import FINDING_OUT, NO_REPLY
from .weighing import someone
from .wording import finish, noun_phrase, owner_of, undateline

DIFFICULT = {"difficult", "hard", "tough", "impossible", "unable"}
"""What a prediction says someone will find hard: whether they manage it is the question."""
FUTURE = {"will", "'ll", "wo", "shall"}
LEAD_VERBS = {"lead", "beat", "top", "trail", "edge", "leads", "beats", "tops", "trails", "edges"}
"""Verbs a poll reports a lead with ("Clinton leads Trump by 43 percent to 38 percent")."""
LEAD_NOUNS = {"lead", "advantage", "edge"}
POLLS = {"poll", "survey", "polling"}
FIGURES = ("PERCENT", "CARDINAL")
PLANS = {"plan", "pledge", "promise", "vow", "threat", "intention", "bid", "refusal"}
"""Nouns for what someone means to do ("his promise to repeal ...") or will not ("his refusal to
use the words ..."): whether they will is open."""
SETTLING = {
    "abandon", "drop", "scrap", "shelve", "cancel", "withdraw", "reverse", "break", "fulfill", "fulfil",
    "keep", "honor", "honour", "complete", "kill", "block", "reject", "defeat", "renege", "carry",
}  # fmt: skip
"""Verbs that settle a plan one way or the other ("kept his promise", "scrapped the plan")."""
CHANCES = {"chance": "prospect", "shot": "prospect", "danger": "risk", "risk": "risk"}
"""'has a chance to win', 'is in danger of losing': what may come, and the cue kind it is."""
OWNERS = {"his": "he", "her": "she"}
POSSESSIVE_S = re.compile(r"\s*['’]s?$")


def _future(verb: Token) -> bool:
    return any(c.lower_ in FUTURE and c.dep_ == "aux" for c in verb.children)


def ability(adj: Token, sent: Span) -> Iterator[Cue]:
    """'Trump will find it difficult to repeat his attacks on moderators', 'it will be tough for
    Trump to gather enough delegates', 'he won't be able to brag about ...' -> 'Will Trump be
    able to repeat his attacks on moderators?'"""
    head = adj.head
    if adj.lower_ == "able" and not negated(head):
        return  # "will be able to": a claim of success, nothing predicted against
    if adj.dep_ not in ("acomp", "ccomp", "oprd") or not _future(head):
        return
    if head.dep_ in ("relcl", "acl", "advcl"):
        return
    if any(c.lower_ in ("more", "less", "too", "as") or c.tag_ == "JJR" for c in adj.children):
        return  # "harder than", "too hard to tell": a comparison, a manner of speaking
    goal = next(
        (
            c
            for t in (adj, head)
            for c in t.children
            if c.dep_ in ("xcomp", "advcl", "ccomp")
            and c.pos_ == "VERB"
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ),
        None,
    )
    if goal is None or negated(goal):
        return
    subject = clause_subject(head)
    if (
        head.lemma_ == "be"
        and adj.lower_ not in ("able", "unable")
        and (subject is None or subject.lower_ != "it")
    ):
        return  # "the tactics will be hard to replicate": the subject is what is done, not who does it
    agent = next((c for c in goal.children if c.dep_ == "nsubj"), None)  # "for Trump to gather"
    if agent is None:
        if head.lemma_ == "make" or (subject is not None and subject.lower_ == "it"):
            return  # "will make it hard to ...", "it will be hard to ...": for whom, unsaid
        agent = subject
    if agent is None or agent.lower_ in UNCLEAR_SUBJECTS:
        return
    q = yes_no(goal, subject=agent, trim=True)
    who = undateline(noun_phrase(agent, trim=True))
    if q is None or not q.startswith(f"Will {who} "):
        return
    q = f"Will {who} be able to {q[len(who) + 6 :]}"
    yield Cue("predicted", sent, q, keys_of_clause(goal), char_span(goal))


def not_necessarily(adv: Token, sent: Span) -> Iterator[Cue]:
    """'Trump's success in the primaries will not necessarily translate into success against
    Clinton' -> 'Will Trump's success in the primaries translate into success against Clinton?'"""
    verb = adv.head
    if adv.dep_ != "advmod" or verb.pos_ != "VERB" or not _future(verb) or not negated(adv):
        return
    if verb.dep_ in ("relcl", "acl", "advcl"):
        return
    yield Cue("predicted", sent, yes_no(verb, trim=True), keys_of_clause(verb), char_span(verb))


def plan(noun: Token, sent: Span) -> Iterator[Cue]:
    """'Cruz repeated his promise to repeal all of Obama's executive actions' -> 'Will Cruz repeal
    all of Obama's executive actions?': what someone has said they mean to do."""
    action = next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl"
            and c.pos_ == "VERB"
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ),
        None,
    )
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if action is None or owner is None or negated(action) or noun.head.lemma_.lower() in SETTLING:
        return  # "abandoned his plan to ...", "kept his promise to ...": settled either way
    if noun.lemma_.lower() == "refusal" and action.lemma_.lower() in FINDING_OUT | NO_REPLY:
        return  # "his refusal to say ...": what is withheld, asked by `unknown`
    if owner.tag_ == "PRP$" and owner.lower_ not in OWNERS:
        return  # "their plans": whose, the question alone cannot say
    if owner.tag_ != "PRP$" and not (_named(owner) or any(c.dep_ == "det" for c in owner.children)):
        return  # "Trump's plan", "the administration's plans"; not "voters' hopes"
    q = yes_no(action, subject=owner, trim=True)
    if q is None or any(t.lower_ in ("its", "their") and not owner_of(t) for t in action.subtree):
        return  # "to host its coverage": whose, lost once the question stands alone
    said = noun_phrase(owner, trim=True)  # "his" (resolved in `grouping`), "Mr. Trump's", or whom "his" means
    who = OWNERS.get(said.lower()) or re.sub(POSSESSIVE_S, "", said)
    q = q.replace(f"Will {said} ", f"Will {who} ", 1)  # "Mr. Trump's" -> "Mr. Trump"
    yield Cue("prospect", sent, q, keys_of_clause(action) | {stem(noun.lemma_)}, char_span(action))


def poll_lead(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Clinton leads Trump by 43 percent to 38 percent' in a poll story -> 'Will Clinton's lead
    over Trump hold?'; 'polls showing Trump leading nationally' -> 'Will Trump's lead in the polls
    hold?'; 'In hypothetical match-ups, Clinton would beat Trump' likewise: a snapshot the vote may
    not bear out."""
    if verb.dep_ == "aux" and verb.tag_ == "VBZ" and _named(verb.head):
        leader = next((c for c in (*verb.children, *verb.head.children) if c.dep_ == "nsubj"), None)
        if leader is not None and _named(leader) and _polled(sent):  # "Clinton beats Trump", misread
            yield _lead(leader, verb.head, sent, verb)
        return
    hypothetical = verb.tag_ == "VB" and any(c.lower_ == "would" for c in verb.children if c.dep_ == "aux")
    if verb.pos_ != "VERB" or not (verb.tag_ in ("VBZ", "VBP", "VBG") or hypothetical) or negated(verb):
        return  # "would beat Trump" in a poll's match-up counts, "beat Trump" in the primary does not
    if verb.tag_ == "VBG" and not (
        verb.dep_ in ("ccomp", "xcomp", "oprd", "dobj")
        or any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in verb.children if a.dep_ == "aux")
    ):
        return  # "leading the charge": no lead in a race
    if verb.dep_ in ("relcl", "acl", "amod", "advcl") or not _polled(sent):
        return
    leader = clause_subject(verb) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    other = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lower_.startswith("trail") and other is None:
        against = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "behind")), None
        )
        other = next((p for p in against.children if p.dep_ == "pobj"), None) if against is not None else None
        if other is None:
            return  # "Sanders is trailing by two points": whose lead, the question cannot say
    if leader is None or not _named(leader) or (other is not None and not _named(other)):
        return  # a race between named rivals, not "leads the field in fundraising"
    yield _lead(leader, other, sent, verb)


def poll_lead_noun(noun: Token, sent: Span) -> Iterator[Cue]:
    """'Trump has a decisive lead in the polls' -> 'Will Trump's lead in the polls hold?'"""
    have = noun.head
    if noun.dep_ != "dobj" or have.lemma_ not in ("have", "hold") or have.tag_ not in ("VBZ", "VBP"):
        return
    leader = clause_subject(have)
    if leader is None or not _named(leader) or negated(have) or not _polled(sent):
        return
    over = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "over"), None)
    other = next((p for p in over.children if p.dep_ == "pobj"), None) if over is not None else None
    yield _lead(leader, other if other is not None and _named(other) else None, sent, have)


def _lead(leader: Token, other: Token | None, sent: Span, verb: Token) -> Cue:
    first = _name(leader)
    second = _name(other) if other is not None else None
    if verb.lower_.startswith("trail") and second is not None:
        first, second = second, first
    mark = "’" if first.endswith("s") else "’s"
    q = finish(
        f"Will {first}{mark} lead over {second} hold"
        if second
        else f"Will {first}{mark} lead in the polls hold"
    )
    end = other if other is not None else verb
    return Cue(
        "forecast", sent, q, frozenset({stem("lead")}), (min(leader.idx, verb.idx), end.idx + len(end))
    )


def _name(tok: Token) -> str:
    ent = entity_of(tok)
    return ent.text if ent is not None else noun_phrase(tok, trim=True)


def _named(tok: Token) -> bool:
    """A rival named (the small model tags "Trump" as a noun at times, but as a name)."""
    return tok.pos_ == "PROPN" or (tok.ent_type_ in ("PERSON", "ORG") and tok.text[:1].isupper())


def _polled(sent: Span) -> bool:
    """A sentence about a poll: one that names it, or gives its figures (a percentage or points)
    just after a sentence that names it ("The poll shows ... Clinton leads Trump by ...")."""
    if any(t.lemma_.lower() in POLLS for t in sent):
        return True
    if not any(t.ent_type_ in FIGURES and t.lower_ in ("percent", "%", "points", "point") for t in sent):
        return False
    return any(t.lemma_.lower() in POLLS for t in sent.doc[max(0, sent.start - 40) : sent.start])


def chance(noun: Token, sent: Span) -> Iterator[Cue]:
    """'Clinton still has a chance to keep young black voters from sitting out the election' ->
    'Will Clinton keep young black voters from sitting out the election?'; 'she is in danger of
    losing the support of members' -> 'Will she lose the support of members?'"""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at") else noun.head
    if noun.dep_ == "dobj" and head.lemma_ not in ("have", "stand"):
        return  # "gave him a chance to", "took the risk of": not whose prospect it is
    if noun.dep_ not in ("dobj", "pobj") or head.pos_ not in ("VERB", "AUX") or negated(head):
        return
    if noun.dep_ == "pobj" and head.lemma_ not in ("be", "remain", "stay"):
        return
    if any(c.lower_ in ("no", "little", "any") for c in noun.children):
        return  # "has no chance of winning": nothing left open
    if not _now(head) or head.dep_ in ("relcl", "acl", "advcl") or _supposed(head):
        return
    goal = next(
        (c for c in noun.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)), None
    )
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if goal is None and of is not None:  # "of losing"
        goal = next((c for c in of.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    subj = clause_subject(head)
    if goal is None or goal.pos_ != "VERB" or subj is None or not someone(subj):
        return
    q = yes_no(goal, subject=subj, trim=True)
    yield Cue(CHANCES[noun.lemma_.lower()], sent, q, keys_of_clause(goal), char_span(goal))


def _now(verb: Token) -> bool:
    """Present or progressive, not past ("had a chance to" is gone)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _supposed(verb: Token) -> bool:
    """Under a first-person guess ("I think Donald has a real chance to win"): whose, lost."""
    return any(s is not None and s.lower_ in FIRST_SECOND_PERSON for s in map(clause_subject, verb.ancestors))
