"""Cues where the text says outright that something is not known: "it is unclear", "not yet
known", "investigators are trying to determine", "declined to say", "no rationale for",
"questions about why", "did not respond to requests for comment".

What is not known may lie in the past ("whether she had an accomplice"): the frame that says it
is unknown must speak of now (present, progressive, future, a refusal or an inability), not of a
question someone once asked and the story has since answered ("asked whether ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..syntax import FIRST_SECOND_PERSON, clause_subject, negated
from .cue import UNCERTAIN_ADJ, WEAK_KEY, Cue, char_span, keys_of, keys_of_clause, stem
from .forms import looks_back, wh_question
from .phrasing import yes_no
from .wording import finish, noun_phrase, phrase_text

UNKNOWN_ADJ = UNCERTAIN_ADJ | {
    "unexplained",
    "mysterious",
    "murky",
    "perplexing",
    "unconfirmed",
    "unanswered",
}
"""Adjectives that say a thing is not known ("the cause remains unexplained")."""
KNOWN_ADJ = {"clear", "certain", "sure", "known", "evident", "apparent", "obvious", "immediately"}
"""Adjectives that say it is known; negated ("not clear") they say the opposite."""
SEEKING = {
    "determine", "establish", "ascertain", "investigate", "examine", "probe", "check", "figure",
    "assess", "evaluate", "analyze", "analyse", "study", "review", "verify", "pinpoint", "decide",
    "consider", "weigh", "debate", "discuss", "speculate", "wonder", "ask",
}  # fmt: skip
"""Verbs of finding out: open while someone is still at it ("are trying to determine")."""
TELLING = {
    "know", "tell", "say", "predict", "recall", "disclose", "reveal", "specify", "answer",
    "understand", "find", "see", "learn", "discover", "identify", "explain", "confirm",
}  # fmt: skip
"""Verbs of knowing or telling: open only when someone cannot or will not ("declined to say")."""
FINDING_OUT = SEEKING | TELLING
REFUSING = {"decline", "refuse", "fail", "unable", "hesitate", "reluctant"}
"""Words that frame a finding-out verb as not done ("declined to say", "unable to recall")."""
STILL_AT_IT = {
    "try",
    "attempt",
    "work",
    "seek",
    "struggle",
    "scramble",
    "race",
    "wait",
    "hope",
    "need",
    "want",
    "aim",
}
"""Verbs whose "to" complement is under way ("are still trying to determine")."""
MYSTERY_NOUNS = {"question", "mystery", "clue", "doubt", "uncertainty", "speculation", "debate", "confusion"}
"""Nouns that name what is not known ("questions about whether", "clues as to why")."""
LACKING_NOUNS = {
    "idea", "word", "answer", "indication", "sign", "explanation", "rationale", "reason", "direction",
    "guidance", "detail", "details", "decision", "progress", "plan", "timetable", "timeline", "date",
}  # fmt: skip
"""Nouns that name what is not known when the text says there is none ("no rationale for")."""
LACKING = {"no", "little", "less", "few", "nor", "neither"}
AGENTS = {
    "investigator", "official", "police", "authority", "court", "judge", "jury", "committee", "panel",
    "board", "prosecutor", "regulator", "expert", "scientist", "researcher", "analyst", "agency",
    "government", "administration", "lawmaker", "voter", "detective", "doctor", "company", "team",
}  # fmt: skip
"""Nouns for people who find things out ("investigators determine")."""
GIVING = {"give", "offer", "provide", "cite", "present", "state", "disclose", "share", "have"}
"""Verbs by which someone gives (or gives no) reason for something."""
REASON_NOUNS = {"rationale", "reason", "explanation", "motive", "justification"}
SUBJECT_QUESTIONS = {
    "cause": "What caused {x}?",
    "identity": "Who {be} {x}?",
    "whereabouts": "Where {be} {x}?",
    "fate": "What happened to {x}?",
    "motive": "What was the motive for {x}?",
    "reason": "What is the reason for {x}?",
}
"""'The cause of the crash is not known' -> 'What caused the crash?'"""
OUTCOMES = {"impact", "outcome", "future", "effect", "extent", "cost", "timing", "result", "scope", "size"}
"""Nouns that are themselves what is unknown: "the outcome is uncertain" asks what it will be."""
NO_REPLY = {"respond", "reply", "return", "comment", "reach"}
NONE_DEPS = ("nsubj", "nsubjpass", "dobj")
"""Where a lacking noun stands in the clause a question hangs from ("no decision had been made")."""
"""'did not respond to requests for comment', 'could not be reached': who is silent, about what."""


def is_trigger(tok: Token) -> bool:
    """A word that says something is not known."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "ADJ" and low in UNKNOWN_ADJ:
        return True
    if low in KNOWN_ADJ and tok.pos_ in ("ADJ", "VERB", "ADV") and negated(tok):
        return tok.pos_ != "ADV" or tok.head.pos_ == "ADJ"
    if lemma in FINDING_OUT and tok.pos_ == "VERB":
        return True
    if tok.pos_ == "NOUN" and (lemma in MYSTERY_NOUNS or (lemma in LACKING_NOUNS and lacking(tok))):
        return any(c.dep_ == "prep" for c in tok.children) or tok.dep_ in ("nsubj", "nsubjpass")
    return False


def lacking(noun: Token) -> bool:
    """'no rationale', 'less progress', '..., nor direction on how to': none of it there."""
    if any(c.lower_ in LACKING for c in noun.children if c.dep_ in ("det", "amod", "cc")):
        return True
    if noun.dep_ == "conj" and any(c.lower_ in ("nor", "neither") for c in noun.head.children):
        return True
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        return lacking(noun.head)
    return noun.dep_ in ("dobj", "attr") and negated(noun.head)


def open_frame(verb: Token) -> bool:
    """Whether the frame above a finding-out verb says it is not done yet: "are still trying to
    determine", "won't be able to determine", "declined to say", "will decide"; not "asked
    whether", "knows what", "spent years deciding what"."""
    seeking = verb.lemma_.lower() in SEEKING
    tok = verb
    for _ in range(5):
        lemma = tok.lemma_.lower()
        if lemma in REFUSING or (negated(tok) and lemma != "wonder"):
            return True
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("will", "'ll", "wo", "shall") for a in auxes):
            return True
        if lemma in STILL_AT_IT and tok.i != verb.i:
            seeking = True  # "trying to learn", "hopes to find out"
        progressive = (tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes)) or any(
            a.lower_ == "being" for a in auxes
        )
        if progressive:
            return seeking
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return False
        if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return seeking
        if tok.dep_ not in ("xcomp", "advcl", "acomp", "pcomp", "conj", "ccomp") or tok.head.i == tok.i:
            return False
        head_auxes = [a for a in tok.head.children if a.dep_ in ("aux", "auxpass")]
        going_on = any(a.lower_ == "being" or a.tag_ in ("VBZ", "VBP") for a in head_auxes)
        framed = tok.head.lemma_.lower() in STILL_AT_IT | REFUSING | {"able", "be"}
        if tok.dep_ == "xcomp" and not framed and not going_on:
            return False  # "spent years deciding what to do": the frame settles it
        tok = tok.head
    return False


def not_known(tok: Token, sent: Span) -> Iterator[Cue]:
    """The clause that is not known, asked as the text would ask it."""
    clause = _asked_clause(tok)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in FINDING_OUT and not open_frame(tok):
        return
    knower = clause_subject(tok if tok.pos_ == "VERB" else tok.head) if tok.pos_ != "ADJ" else None
    if knower is not None and knower.lower_ in FIRST_SECOND_PERSON:
        return  # "I don't know what flunky put this up there": a speaker's aside
    if tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP") and knower is not None and not _agent(knower):
        return  # "race determines how people are treated": a cause, not someone finding out
    if clause is None:
        if tok.lemma_.lower() == "know" and any(c.dep_ == "auxpass" for c in tok.children):
            yield from _unknown_subject(tok, sent)  # "the cause of the fire is not yet known"
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in FINDING_OUT:
            yield from _wh_object(tok, sent)
        elif tok.pos_ == "NOUN":
            yield from _lacking_noun(tok, sent)
        else:
            yield from _unknown_subject(tok, sent)
        return
    if any(m.lower_ in ("whether", "if") for m in clause.children if m.dep_ == "mark"):
        return  # phrased by the "whether" cue, which reads this frame too
    wh = next((t for t in clause.subtree if t.tag_ in ("WRB", "WP", "WDT", "WP$") and t.i <= clause.i), None)
    if wh is None:
        if tok.pos_ == "ADJ" and clause.dep_ == "ccomp" and not looks_back(clause):
            yield Cue("unknown", sent, yes_no(clause, trim=True), keys_of_clause(clause), char_span(clause))
        return
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in TELLING:
            return  # "never told them what to say": an instruction, not an unknown
        q = wh_infinitive(clause, wh, tok)
    else:
        q = wh_question(clause)
    yield Cue(
        "unknown", sent, q, keys_of_clause(clause) | _head_keys(tok), char_span(clause), bonus=_still(tok)
    )


def _asked_clause(tok: Token) -> Token | None:
    """The clause that says what is not known: the word's complement, or the copula's."""
    deps = ("ccomp", "xcomp", "csubj") if tok.pos_ == "VERB" else ("ccomp", "xcomp", "csubj", "advcl")
    for c in tok.children:
        if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and _asks(c):
            return c
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ in ("pcomp", "pobj") and p.pos_ in ("VERB", "AUX") and _asks(p):
                    return p
                if p.dep_ == "prep":  # "as to why"
                    inner = next((x for x in p.children if x.dep_ in ("pcomp", "pobj") and _asks(x)), None)
                    if inner is not None:
                        return inner
    if tok.pos_ == "ADJ":  # "not sure (that) she can vote for Clinton"
        plain = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if plain is not None:
            return plain
    head = tok.head
    if tok.dep_ in ("acomp", "oprd", "attr") or (tok.dep_ == "ROOT" and tok.tag_ == "VBN"):
        base = head if tok.dep_ != "ROOT" else tok
        return next(
            (c for c in base.children if c.dep_ in ("ccomp", "csubj", "advcl") and c.i > tok.i and _asks(c)),
            None,
        )
    return None


def _asks(clause: Token) -> bool:
    """A clause opened by a question word or by whether/if: an indirect question."""
    return any(
        c.tag_ in ("WRB", "WP", "WDT", "WP$") or c.lower_ in ("whether", "if")
        for c in clause.subtree
        if c.i < clause.i and (c.head.i == clause.i or c.head.head.i == clause.i)
    )


def wh_infinitive(clause: Token, wh: Token, trigger: Token) -> str | None:
    """'progress on how to fill the gap' -> 'How will <the one making progress> fill the gap?'"""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = clause_subject(verb)
    if subj is None or subj.lower_ in FIRST_SECOND_PERSON | {"it", "this", "that", "which", "who"}:
        return None
    words = [t for t in clause.subtree if t.i > clause.i]
    rest = phrase_text(words)
    return finish(f"{wh.text.capitalize()} will {noun_phrase(subj, trim=True)} {clause.text} {rest}")


def _wh_object(verb: Token, sent: Span) -> Iterator[Cue]:
    """'unable to recall just how many nuns refused': the words from the question word on."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp")), None)
    if obj is None:
        return
    words = list(obj.subtree)
    wh = next((t for t in words[:3] if t.tag_ in ("WRB", "WP", "WDT")), None)
    if wh is None or wh.head.dep_ == "relcl" or not any(t.pos_ == "VERB" for t in words if t.i > wh.i):
        return
    kept = [t for t in words if t.i >= wh.i]
    yield Cue("unknown", sent, finish(phrase_text(kept)), keys_of(kept), char_span(obj), bonus=_still(verb))


def _unknown_subject(tok: Token, sent: Span) -> Iterator[Cue]:
    """'The cause of the crash is not yet known' -> 'What caused the crash?'"""
    head = tok if tok.tag_ == "VBN" else tok.head
    if tok.dep_ not in ("acomp", "oprd") and tok.tag_ != "VBN":
        return
    if head.tag_ == "VBD" and not negated(tok):
        return
    subj = clause_subject(head)
    if subj is None or subj.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in subj.children):
        return
    q = subject_question(subj)
    yield Cue("uncertain", sent, q, keys_of(subj.subtree), char_span(head), bonus=_still(tok))


def subject_question(subj: Token) -> str | None:
    lemma = subj.lemma_.lower()
    of = next(
        (
            p
            for c in subj.children
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "behind")
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    if lemma in SUBJECT_QUESTIONS and of is not None:
        be = "are" if of.tag_ in ("NNS", "NNPS") else "is"
        return finish(SUBJECT_QUESTIONS[lemma].format(x=noun_phrase(of, trim=True), be=be))
    if lemma in OUTCOMES:
        return finish(f"What will {noun_phrase(subj, trim=True)} be")
    return None


def _lacking_noun(noun: Token, sent: Span) -> Iterator[Cue]:
    """'offered no specific rationale for the cut' -> 'What is the rationale for the cut?'"""
    if (
        noun.lemma_.lower() not in REASON_NOUNS
        or noun.dep_ != "dobj"
        or noun.head.lemma_.lower() not in GIVING
    ):
        return  # "little reason for overconfidence" says it is unfounded, not unexplained
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "behind", "of")), None)
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if prep is None or obj is None:
        return
    q = finish(
        f"What is the {noun.lemma_.lower()} {prep.lower_} {noun_phrase(obj, trim=True, definite=True)}"
    )
    yield Cue("unknown", sent, q, frozenset({stem(obj.lemma_)}) | keys_of(obj.subtree), char_span(noun))


def no_reply(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X did not respond to requests for comment', 'declined to comment', 'could not be reached'."""
    lemma = tok.lemma_.lower()
    if lemma == "comment" and tok.pos_ == "VERB" and tok.head.lemma_.lower() in REFUSING:
        verb = tok.head
    elif lemma in NO_REPLY and tok.pos_ == "VERB" and negated(tok):
        verb = tok
    else:
        return
    subj = clause_subject(verb)
    if subj is None:
        return
    keys = frozenset({WEAK_KEY + "reply"})
    yield Cue("noreply", sent, None, keys, char_span(verb))


def _none_of(noun: Token) -> bool:
    """'no decision', 'no plan', 'no word': a lacking noun that a question hangs from."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in LACKING_NOUNS and lacking(noun)


def _agent(tok: Token) -> bool:
    """Someone who can find out or tell: a name, a pronoun, a body of people."""
    return tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_) or tok.lemma_.lower() in AGENTS


def _head_keys(tok: Token) -> frozenset[str]:
    """The finding-out noun's own words ("the review of procedures") as grouping keys."""
    return keys_of([tok]) if tok.pos_ == "NOUN" and tok.lemma_.lower() not in MYSTERY_NOUNS else frozenset()


def _still(tok: Token) -> float:
    """'still', 'yet', 'currently': the text says the matter is open now."""
    near = [*tok.children, *tok.head.children]
    return 0.25 if any(t.lower_ in ("still", "yet", "currently", "immediately") for t in near) else 0.0


def frame_of(clause: Token) -> Token | None:
    """The word above an indirect question that says its answer is not known now, if any:
    "unclear whether", "trying to determine if", "questions on whether", "declined to say what"."""
    tok = clause
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if is_trigger(head):
            if head.pos_ == "VERB" and head.lemma_.lower() in FINDING_OUT:
                return head if open_frame(head) else None
            return head
        if head.pos_ != "ADP" and tok.dep_ not in ("pobj", "pcomp", "prep"):
            return next(
                (c for c in head.children if c.dep_ in ("acomp", "oprd", "attr") and is_trigger(c)), None
            )
        none = next((c for c in head.children if c.dep_ in NONE_DEPS and _none_of(c)), None)
        if none is not None:
            return none  # "no decision had been made about whether to appeal"
        tok = head
    return None
