"""Cues where a claim is contested: a denial ("X denied ..."), an accusation ("accused X of ...",
"charges that ...", "allegedly"), a charge awaiting trial, a claim the text marks as disputed
("falsely claimed", "critics say", "despite ...").

What is contested may lie in the past: these cues ask in the clause's own tense ("Did X ...?").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import FIRST_SECOND_PERSON, clause_subject, negated
from .cue import WEAK_KEY, Cue, char_span, keys_of, keys_of_clause
from .forms import did_question
from .phrasing import yes_no
from .wording import SIDE_CLAUSES, finish, inside, noun_phrase, phrase_text, runs_on, without_run_on

DENY_VERBS = {"deny", "dispute", "refute", "rebut", "contest"}
ACCUSE_VERBS = {"accuse", "allege"}
ALLEGATION_NOUNS = {
    "allegation", "accusation", "charge", "claim", "suspicion", "assertion", "rumor", "rumour", "report",
    "idea", "notion", "suggestion", "contention", "theory",
}  # fmt: skip
"""Nouns that carry a contested statement ("charges that its traders manipulated ...")."""
CLAIM_VERBS = {"claim", "insist", "contend", "maintain", "assert"}
REBUTTING = {"counter", "retort", "rebut", "dispute"}
"""Verbs that answer someone else's claim with another."""
"""Verbs by which the story keeps its distance from what is said."""
SAYING_VERBS = {"say", "argue", "warn", "suggest", "tell", "write", "tweet"}
CONTEST_MARKERS = {
    "falsely", "wrongly", "baseless", "unfounded", "unsubstantiated", "dubious", "disputed", "despite",
    "unproven", "misleading", "erroneously", "questionable",
}  # fmt: skip
"""Words by which the story says a claim is in doubt."""
CRITICS = {"critic", "opponent", "skeptic", "sceptic", "detractor"}
VERDICT_WORDS = {"convict", "acquit", "plead", "sentence", "guilty", "dismiss"}
"""Words that report a charge settled in court."""
MAX_CLAIM_WORDS = 16
SUSPECTING = {"suspected", "alleged", "possible", "reported", "apparent", "rumored", "rumoured", "purported"}
RELATIONS = {"tie": "tied to", "link": "linked to", "connection": "connected to"}
"""Links a story may call suspected, and how a question asks about them ("Is X tied to Y?")."""
INVOLVEMENT = {"role", "involvement", "complicity", "hand"}
"""A part in something done, suspected ("his alleged role in the attack"); "possible" may look ahead."""


def denial(verb: Token, sent: Span) -> Iterator[Cue]:
    """'X denied that he leaked the memo' -> 'Did X leak the memo?'; with no content ("denied the
    allegations") a cue that only backs up the accusation it answers."""
    subj = clause_subject(verb)
    if subj is not None and subj.lower_ in FIRST_SECOND_PERSON:
        return
    keys = frozenset({WEAK_KEY + "deny"})
    q = None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            q = yes_no(c, keep_tense=True, trim=True)
            keys |= keys_of_clause(c)
        elif c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG" and subj is not None:
            q = did_question(c, subj)
            keys |= keys_of_clause(c)
        elif c.dep_ == "dobj":
            q = q or _allegation_content(c, subj)
            keys |= _clause_keys(c) if c.lemma_.lower() in ALLEGATION_NOUNS else keys_of([c])
    if negated(verb) and q is None and not any(c.dep_ == "dobj" for c in verb.children):
        return  # "did not deny" alone: nothing said about what
    yield Cue("denial", sent, q, keys, char_span(verb))


def _allegation_content(noun: Token, accused: Token | None) -> str | None:
    """What an allegation says: its "that" clause, or "of" + gerund about the accused."""
    if noun.lemma_.lower() not in ALLEGATION_NOUNS:
        return None
    for c in noun.children:
        if (
            c.dep_ in ("acl", "ccomp")
            and c.pos_ in ("VERB", "AUX")
            and any(m.lower_ == "that" for m in c.children)
        ):
            return yes_no(c, keep_tense=True, trim=True)
        if c.dep_ == "prep" and c.lower_ == "of" and accused is not None:
            g = next((p for p in c.children if p.dep_ == "pcomp" and p.tag_ == "VBG"), None)
            if g is not None:
                return did_question(g, accused)
    if (
        noun.dep_ == "dobj"
    ):  # "settle charges by regulators that its traders ...": the parse hangs it on the verb
        clause = next(
            (
                c
                for c in noun.head.children
                if c.dep_ == "ccomp" and c.i > noun.i and any(m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is not None:
            return yes_no(clause, keep_tense=True, trim=True)
    return None


def accusation(tok: Token, sent: Span) -> Iterator[Cue]:
    """'accused the group of pushing radical themes' -> 'Did the group push radical themes?';
    'charges that its traders had manipulated markets' -> 'Did JPMorgan's traders manipulate
    markets?'; 'X allegedly took bribes' -> 'Did X take bribes?'"""
    lemma = tok.lemma_.lower()
    if tok.lower_ == "allegedly":
        verb = tok.head
        if verb.pos_ != "VERB":
            return
        yield Cue(
            "accusation",
            sent,
            yes_no(verb, keep_tense=True, trim=True),
            keys_of_clause(verb),
            char_span(verb),
        )
        return
    if tok.pos_ == "NOUN":
        if (
            tok.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
            or tok.head.lemma_.lower() in DENY_VERBS
        ):
            return
        q = _allegation_content(tok, None)
        if q is None:
            return
        yield Cue("accusation", sent, q, _clause_keys(tok), char_span(tok))  # not "idea", "report"
        return
    if tok.pos_ != "VERB" or negated(tok) or tok.dep_ in ("amod", "acl"):
        return
    if lemma == "allege":
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            q = yes_no(clause, keep_tense=True, trim=True)
            yield Cue("accusation", sent, q, keys_of_clause(clause), char_span(tok))
        return
    accused = next((c for c in tok.children if c.dep_ in ("dobj",)), None)
    if accused is None and tok.dep_ != "ROOT":
        accused = clause_subject(tok) if any(c.dep_ == "auxpass" for c in tok.children) else None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    g = (
        next((p for p in of.children if p.dep_ == "pcomp" and p.tag_ == "VBG"), None)
        if of is not None
        else None
    )
    if accused is None or g is None or answered(sent, g.idx):
        return
    yield Cue("accusation", sent, did_question(g, accused), keys_of_clause(g), char_span(tok))


def answered(sent: Span, after: int) -> bool:
    """The sentence goes on to answer it: "..., though records show he has been a Republican"."""
    return any(t.lower_ in ("though", "although") and t.dep_ == "mark" and t.idx > after for t in sent)


def _clause_keys(noun: Token) -> frozenset[str]:
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None
    )
    return keys_of_clause(clause) if clause is not None else frozenset()


def charged(verb: Token, sent: Span) -> Iterator[Cue]:
    """'X was charged with murder' -> 'Will X be convicted of murder?' (until a verdict is reported)."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or negated(verb):
        return
    if any(t.lemma_.lower() in VERDICT_WORDS for t in verb.doc):
        return
    subj = clause_subject(verb)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    obj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if subj is None or obj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return
    q = finish(f"Will {noun_phrase(subj, trim=True)} be convicted of {phrase_text(list(obj.subtree))}")
    if len(q.split()) > 18:
        return
    yield Cue("accusation", sent, q, keys_of(obj.subtree), char_span(verb))


def claim(verb: Token, sent: Span) -> Iterator[Cue]:
    """'Dimon warned that banks are under assault', in a sentence that doubts it -> 'Is Dimon's
    claim that banks are under assault true?'"""
    lemma = verb.lemma_.lower()
    subj = clause_subject(verb)
    if subj is None or subj.lower_ in FIRST_SECOND_PERSON or subj.pos_ == "PRON" or negated(verb):
        return
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "some") for c in subj.children):
        return  # "a source said": whose claim, the question cannot say
    critics = subj.lemma_.lower() in CRITICS
    if not (
        lemma in CLAIM_VERBS | REBUTTING
        or critics
        or _rebuts(verb, sent)
        or any(t.lower_ in CONTEST_MARKERS for t in sent)
    ):
        return
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return
    inner = clause_subject(clause)
    if inner is None or inner.pos_ == "PRON" or clause.dep_ == "relcl":
        return
    if clause.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        q = yes_no(clause, trim=True)  # "insisted that Pyongyang stop its escapades": a demand
        yield Cue("demand", sent, q, keys_of_clause(clause), char_span(clause))
        return
    other = {
        t.i for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree
    }
    words = [
        t
        for t in clause.subtree
        if not (t.dep_ in ("mark", "cc") and t.head.i == clause.i)
        and not inside(t, clause, SIDE_CLAUSES)
        and t.i not in other
    ]
    words = without_run_on(words)
    while words and words[-1].dep_ == "cc":
        words.pop()  # "... and" left before a clause that went
    if any(t.lower_ in FIRST_SECOND_PERSON for t in words) or len(words) > MAX_CLAIM_WORDS or runs_on(words):
        return
    owner = "the critics’" if critics else _possessive(noun_phrase(subj, trim=True), subj)
    if len(owner.split()) > 6 or any(d in owner for d in ("—", "–", " - ")):
        return
    said = phrase_text(words).rstrip(" ,;:—–-")
    if words[0].is_sent_start and words[0].pos_ not in ("PROPN",) and words[0].text != "I":
        said = said[:1].lower() + said[1:]  # "Any action by China ..., Carter said"
    q = finish(f"Is {owner} claim that {said} true")
    yield Cue("claim", sent, q, keys_of_clause(clause) | keys_of([inner]), char_span(clause))


def _rebuts(verb: Token, sent: Span) -> bool:
    """A reply to what someone else said: "But Flynn said ...", "..., he said instead"."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    opens = first is not None and first.lower_ in ("but", "however", "yet") and first.i < verb.i
    return opens or any(t.lower_ == "instead" for t in verb.subtree)


def suspected(adj: Token, sent: Span) -> Iterator[Cue]:
    """'Russia's suspected ties to the hacking of Mr. Powell's emails' -> 'Is Russia tied to the
    hacking of Mr. Powell's emails?': a link the story calls suspected, alleged or possible."""
    noun = adj.head
    lemma = noun.lemma_.lower()
    relation = RELATIONS.get(lemma) or (
        "involved in" if lemma in INVOLVEMENT and adj.lower_ != "possible" else None
    )
    if adj.dep_ != "amod" or relation is None:
        return  # "NATO's possible involvement in Kosovo": a prospect, asked by `hedged.possible`
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "with")), None)
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if owner is None or obj is None or owner.pos_ != "PROPN":
        return  # "people with possible ties to ...": whose, the question cannot say
    cut = {t.i for p in obj.subtree if p.dep_ == "prep" and p.lower_ != "of" for t in p.subtree}
    what = phrase_text([t for t in obj.subtree if t.i not in cut and not inside(t, obj, SIDE_CLAUSES)])
    name = phrase_text([t for t in owner.subtree if t.dep_ != "case"])  # "Russia", not "Russia's"
    lead = "Was" if relation == "involved in" else "Is"
    q = finish(f"{lead} {name} {relation} {what}")
    keys = keys_of(obj.subtree) | {f"link:{owner.lemma_.lower()}"}  # the same suspicion, said twice
    yield Cue("suspected", sent, q, keys, char_span(noun))


def _possessive(name: str, tok: Token) -> str:
    return name + ("’" if name.endswith("s") and tok.tag_ in ("NNS", "NNPS") else "’s")
