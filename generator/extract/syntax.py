"""Word sets and parse helpers that more than one extractor reads the same way.

Reporting verbs (who says what), subjects and antecedents (who a clause or a he/she is about),
and tense (whether a clause looks back or ahead); joins and entities are in `spans`. Each word
set is named for what it holds; lists that only one extractor uses stay with that extractor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

import numpy
from spacy.attrs import LEMMA, POS
from spacy.symbols import IDS
from spacy.tokens import Doc, Token

from .model import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- word sets ------------------------------------------------------------------------------------

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
"""Words that open a noun phrase and belong to no name or role ("the", "these")."""
DASHES = {"-", "–", "—", "--"}
"""Dash tokens: glued they join a compound ("Xi-Biden"), spaced they separate two names."""
HE_SHE = {"he", "she"}
"""Subject pronouns that stand for a person the text has named."""
THIRD_PERSON_SINGULAR = {"he", "she", "his", "her", "him", "himself", "herself"}
"""Every form of he/she: a sign that the words before are about a person."""
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "our", "your", "my", "you'd", "yourself"}
"""Words of someone speaking to someone: whose question or claim it is gets lost out of context."""
MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Month names and abbreviations (lower case) -> month number."""
WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
"""Weekday names (lower case) -> `date.weekday()`."""
CALENDAR_WORDS = frozenset(MONTH_NUMBERS) | frozenset(WEEKDAY_NUMBERS)
"""Month and weekday names: words that start a date, not a name ("Monday Donald Trump said")."""

PEOPLE = _words(
    """
    man woman boy girl person wife husband widow widower son daughter mother father brother sister
    child children offspring kid parent grandmother grandfather grandson granddaughter uncle aunt nephew niece
    cousin fiancee fiance girlfriend boyfriend partner friend neighbour neighbor colleague
    official spokesperson aide adviser advisor assistant staffer lawyer doctor nurse teacher student
    resident citizen native national survivor victim witness suspect killer driver passenger
    pilot co-pilot copilot crew surfer player striker goalkeeper defender midfielder quarterback
    tackle pitcher batsman bowler rider runner swimmer boxer actor actress singer rapper musician
    saxophonist artist writer author poet novelist journalist reporter columnist photographer
    economist analyst scientist researcher fellow expert historian professor lecturer engineer
    entrepreneur businessman businesswoman investor banker trader farmer worker employee owner
    candidate nominee politician lawmaker legislator activist campaigner protester demonstrator
    priest nun monk sister cleric bishop founder cofounder co-founder director executive
    chief member referee umpire manager coach insider source critic opponent supporter voter
    spokesman spokeswoman senator representative president governor mayor minister secretary
    """
)
"""Nouns for people ("official", "wife", "surfer"): who can say or be said to do something."""
PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person")
"""Endings of nouns for people ("economist", "historian", "spokeswoman")."""


def is_person_noun(tok: Token) -> bool:
    """A noun for a person ("official", "saxophonist", "chairwoman"), not part of a name of
    another kind."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("ORG", "GPE", "LOC", "FAC"):
        return False
    lemma = tok.lemma_.lower()
    return (
        lemma in PEOPLE
        or tok.lower_.rstrip(".") in PEOPLE
        or (tok.pos_ == "NOUN" and len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES))
    )


# --- reporting verbs ------------------------------------------------------------------------------

REPORTING_VERBS = _words(
    """
    say tell add note warn remark state claim argue insist write tweet post email text announce declare
    explain continue respond reply answer ask conclude report describe call dub label brand term name
    pledge promise vow admit acknowledge concede confess recall recount cite quote suggest imply
    propose urge demand complain lament accuse blame charge criticize criticise slam blast mock praise
    thank hail predict assert contend maintain observe stress emphasize emphasise point comment
    boast joke quip shout yell scream chant exclaim whisper bark muse wonder caution confirm deny
    reveal testify counter retort interject agree disagree assure reassure tout deride decry
    denounce dismiss proclaim pronounce read echo plead beg implore cry sob sigh snap murmur mutter
    gasp rant reiterate repeat affirm concur clarify elaborate condemn
    """
)
"""Verbs that introduce what someone said (lemmas): the frames of quotations."""
REPORTED_SPEECH_VERBS = _words(
    "say tell add note warn remark state claim argue insist write tweet announce declare explain "
    "respond reply answer conclude report suggest admit acknowledge concede predict assert contend "
    "maintain observe stress emphasize emphasise confirm deny reveal testify promise pledge vow"
)
"""Reporting verbs whose complement clause is reported speech (`X said that ...`)."""
PHRASAL_REPORTING = {
    "go": "on",
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "chime": "in",
    "point": "out",
}
"""Phrasal verbs that report speech only with their particle ("went on", "shot back")."""
SPEAKING_VERBS = {"say", "tell", "add", "ask", "note", "explain", "remark", "insist", "claim", "write"}
"""Verbs whose subject the text treats as someone speaking: a lone name that speaks is a person."""
DESCRIBED_SPEAKER_VERBS = SPEAKING_VERBS | _words(
    "state vow wonder argue warn announce declare respond reply tweet stress"
)
"""Verbs after which a description ("the presumptive nominee wrote") stands for a person."""
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
"""Dependencies of a verb's subject, clausal subjects included."""


def is_reporting(tok: Token) -> bool:
    """A verb that frames what someone said ("said", "went on")."""
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL_REPORTING:
        return tok.pos_ == "VERB" and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == PHRASAL_REPORTING[lemma] for c in tok.children
        )
    return lemma in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX")


def according_to(tok: Token) -> Token | None:
    """The object of `according to`, the one reporting frame without a verb."""
    if tok.lower_ == "according":
        for c in tok.children:
            if c.lower_ == "to":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def reporting_subject(verb: Token, depth: int = 0) -> Token | None:
    """Who does the reporting: the verb's subject, or that of the clause it hangs from
    ("X met Y, noting that ...", "X tweeted, saying ...")."""
    obj = according_to(verb)
    if obj is not None:
        return obj
    for c in verb.children:
        if (
            c.dep_ in SUBJECT_DEPS
            and c.lower_ not in ("that", "which", "what")
            and any(ch.isalnum() for ch in c.text)
            and c.ent_type_ not in ("DATE", "TIME")  # "Saturday at the convention X said": a misparse
        ):
            return c
    named = [
        c
        for c in verb.lefts
        if c.pos_ == "PROPN"
        and c.dep_ in ("compound", "npadvmod", "dep", "nmod")
        and c.ent_type_ not in ("DATE", "TIME")  # "Saturday at the convention X said"
    ]
    if named:
        return named[-1]
    if verb.dep_ == "agent" or depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "relcl":
        return verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    while head.pos_ in ("ADV", "ADJ") and head.dep_ in ("advmod", "acomp") and head.head.i != head.i:
        head = head.head  # "going so far as to call": the clause the adverb belongs to
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and head.pos_ in ("VERB", "AUX"):
        return reporting_subject(head, depth + 1)
    return None


def candidates(doc: Doc, lemmas: Iterable[str], pos: str) -> list[Token]:
    """Tokens with one of these lemmas (lower case) and this part of speech, found from the Doc's
    arrays: a scan that makes no Python object per token (that is most of a per-token loop's
    cost on long articles)."""
    wanted = numpy.array([doc.vocab.strings.add(w) for w in lemmas], dtype="uint64")
    arr = doc.to_array([LEMMA, POS])
    hits = numpy.nonzero(numpy.isin(arr[:, 0], wanted) & (arr[:, 1] == IDS[pos]))[0]
    return [doc[int(i)] for i in hits]


# --- subjects and antecedents ---------------------------------------------------------------------


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject (an expletive "there" included), without borrowing one."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is conjoined to or completes
    ("X met Y and agreed", "X wants to leave")."""
    subj = own_subject(verb)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return clause_subject(verb.head)
    return subj


def antecedent(
    mentions: Sequence[Mention],
    starts: Sequence[int],
    kinds: dict[str, str],
    before: int,
    salient: Callable[[Mention], bool],
    within: int = 1500,
    *,
    accept: Callable[[Mention], bool] | None = None,
    main: Callable[[Mention], bool] | None = None,
) -> str | None:
    """The person a he/she (or a description) before `before` refers to: the nearest preceding
    person `main` accepts (the subject the discourse is about), else the nearest `salient` accepts
    (a grammatical subject), else the nearest person at all. `accept` rules candidates out (a
    person only named inside a quotation, a man for "she"). `mentions` are in text order and
    `starts` their start offsets."""
    i = bisect_left(starts, before) - 1
    nearest = subject = None
    while i >= 0 and mentions[i].start > before - within:
        m = mentions[i]
        if m.end <= before and kinds.get(m.actor) == "person" and (accept is None or accept(m)):
            nearest = nearest or m.actor
            if main is None and salient(m):
                return m.actor
            if main is not None and main(m):
                return m.actor
            if subject is None and salient(m):
                subject = m.actor
        i -= 1
    return subject or nearest


INDEFINITE = {"a", "an", "one", "another"}
"""Determiners that bring in someone new ("a witness", "one official"): nobody named before."""


def introduced_unnamed(noun: Token, within: int = 1500) -> bool:
    """ "an insider told ... the insider added": the noun was brought in shortly before as someone
    new ("a/an/one/another <noun>"), never set beside a name ("Colligan, a spokesman", "spokesman
    Wang"), so "the <noun>" takes up that unnamed person."""
    for t in candidates(noun.doc, [noun.lemma_.lower()], "NOUN"):
        det = next((c.lower_ for c in t.lefts if c.dep_ in ("det", "nummod")), None)
        near = noun.idx - within <= t.idx and t.i < noun.i
        if not near or det not in INDEFINITE or t.dep_ in ("attr", "compound"):
            continue
        if not (t.dep_ == "appos" and t.head.pos_ == "PROPN") and not any(
            c.ent_type_ == "PERSON" for c in t.children
        ):
            return True
    return False


# --- tense ----------------------------------------------------------------------------------------

PAST, UNKNOWN, FUTURE, PRESENT, PLUPERFECT = -1, 0, 1, 2, -2
"""Where a verb group points in time; PRESENT is a schedule or a state, PLUPERFECT a past before
the past."""
PROSPECTIVE = _words("plan schedule expect due intend propose prepare effective slate deadline")
"""Words whose complement lies ahead even in a past-tense clause ("planned a rally on Saturday")."""
PROSPECTIVE_TO = PROSPECTIVE | _words("set aim hope promise vow pledge threaten about")
"""Words whose `to` complement lies ahead ("set to meet", "aims to finish")."""
FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must"}


def governing_verb(tok: Token) -> Token | None:
    """The verb a token hangs from (itself if it is one), not an auxiliary; None past 7 steps."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        if tok.head.i == tok.i or steps > 6:
            return None
        tok = tok.head
        steps += 1
    return tok


def verb_tense(verb: Token) -> int | None:
    """Tense of one verb group (PAST, FUTURE, ...); None for a non-finite verb whose head should
    decide."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if verb.tag_ == "VBD":
        return PAST  # a modal governs a base form: "May said" is Theresa May, not a modal
    if lowers & FUTURE_AUXILIARIES and lowers & {"have", "'ve"} and verb.tag_ == "VBN":
        return PAST  # "may have been responsible": a guess about the past
    if verb.tag_ == "VBP" and not auxes and _singular_subject(verb):
        return PAST  # "weakness hurt the index": a present would be "hurts"
    if lowers & FUTURE_AUXILIARIES:
        return FUTURE
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return PLUPERFECT
    if any(a.lemma_ == "have" for a in auxes) or any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if "to" in lowers:
        return _infinitive_tense(verb)
    if lowers & {"can", "could"}:
        return UNKNOWN
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.tag_ == "VBG":
        return FUTURE
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) or verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl"):
        return PAST
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ != "ROOT":
        return None
    return UNKNOWN


def _singular_subject(verb: Token) -> bool:
    """Whether the verb's subject is a singular noun or he/she/it: with such a subject a present
    tense has an -s, so a bare form ("cut", "hurt", "set") is a past."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ == "conj" for c in subj.children):
        return False  # "He and Arafat meet Monday"
    if subj.tag_ == "PRP":
        return subj.lower_ in ("he", "she", "it")
    return subj.tag_ in ("NN", "NNP")


def _infinitive_tense(verb: Token) -> int:
    """A `to` infinitive looks ahead unless the verb it completes is settled in the past."""
    head = governing_verb(verb.head) if verb.head.i != verb.i else None
    parent = verb_tense(head) if head is not None and head.i != verb.i else None
    if parent == PLUPERFECT:
        return PLUPERFECT
    if head is None or head.lemma_.lower() in PROSPECTIVE_TO or verb.head.lemma_.lower() in PROSPECTIVE_TO:
        return FUTURE
    return FUTURE if parent in (None, FUTURE, PRESENT) else UNKNOWN


def is_past_clause(verb: Token) -> bool:
    """Past tense without a modal: a settled fact, not an open question."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return any(t.lower_ in ("have", "'ve") for t in auxes)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def negated(tok: Token) -> bool:
    """Whether the word or the word it hangs from is negated ("not clear", "isn't expected")."""
    return any(c.dep_ == "neg" for c in tok.head.children) or any(c.dep_ == "neg" for c in tok.children)
