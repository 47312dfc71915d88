"""Phrasing: a hedged clause turned into a yes/no question a reader can take on its own (other
forms in `forms`).

"whether the meeting finally materializes" -> "Will the meeting finally materialize?";
"when the vote will take place" -> "When will the vote take place?"; "whether the abortion was
intentional" -> "Was the abortion intentional?" (`keep_tense`: what is unknown may lie in the
past). A clause whose subject or words would leave the question unreadable out of context gives
none; "he", "she" and "they" are left for `grouping` to resolve against the cast.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..sentences import doc_text
from ..spans import join_names_whole
from ..syntax import FIRST_SECOND_PERSON, WEEKDAY_NUMBERS, clause_subject, is_past_clause, own_subject
from .cue import LIGHT_VERBS
from .settled import reported_done
from .wording import (
    DEMONSTRATIVES,
    SIDE_CLAUSES,
    finish,
    inside,
    noun_phrase,
    owner_of,
    phrase_text,
    runs_on,
    set_off,
    swapped_possessive,
    undateline,
    without_run_on,
)

ANAPHORIC_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those"}


RESOLVABLE = {"he", "she", "they"}
"""Subject pronouns a question may keep for now: `grouping` puts the name in, or drops it."""


UNCLEAR_SUBJECTS = ANAPHORIC_PRONOUNS - RESOLVABLE | {
    "which",
    "what",
    "who",
    "whom",
    "one",
    "many",
    "some",
    "most",
    "few",
    "there",
}
"""Subjects that leave a stand-alone question unreadable."""


MAX_QUESTION_WORDS = 22


LEADS = {"can": "Can", "ca": "Can", "should": "Should", "must": "Must"}
"""Modals a question keeps ("Can X ...?"); every other clause asks "Will X ...?"."""


OBJECT_PRONOUNS = {"him", "her", "them"}
HEADLINE_WORDS = 25
"""A line this short right after the headline is a deck (a second headline), in headline English."""


INDEFINITE = {
    "a", "an", "one", "some", "nearly", "several", "many", "most", "few", "any", "others", "another",
    "either", "neither", "both", "each", "all", "nobody", "everybody", "everyone", "anyone", "someone",
    "somebody", "anybody", "no",
}  # fmt: skip
"""First words of a subject that names no one in particular."""


INTRANSITIVE = {
    "happen", "occur", "survive", "succeed", "fail", "resign", "win", "lose", "collapse", "materialize",
    "materialise", "recover", "return", "retire", "quit", "continue", "end", "close", "reopen", "pass",
    "die", "vote", "testify", "apologize", "apologise", "comply", "cooperate", "relent", "rise", "fall",
    "improve", "worsen", "last", "spread", "escalate", "agree", "proceed", "resume", "stop", "change",
    "respond", "retaliate", "participate", "compromise", "settle", "concede", "withdraw", "intervene",
    "appeal", "sue", "act", "strike", "attend", "leave", "stay", "speak", "run", "react", "move",
    "endorse", "rebound", "pay",
}  # fmt: skip
"""Verbs a question may end on ("Will the truce last?"); any other needs what follows it."""


HEDGES = {
    "not", "never", "probably", "likely", "possibly", "perhaps", "maybe", "certainly", "definitely",
    "also", "too", "undoubtedly", "surely", "inevitably", "allegedly", "reportedly", "apparently",
    "supposedly", "actually", "really", "very", "well", "necessarily",
}  # fmt: skip
"""Adverbs a question leaves out: the hedge is what it asks about ("Will X be suspended?")."""


def yes_no(
    verb: Token,
    subject: Token | None = None,
    trim: bool = False,
    present: bool = False,
    keep_tense: bool = False,
) -> str | None:
    """'the meeting finally materializes' -> 'Will the meeting finally materialize?'

    `present` keeps a present-tense copula ("whether there is a chance" -> "Is there a chance?");
    `keep_tense` keeps a past or perfect ("whether she had an accomplice" -> "Did she have an
    accomplice?"); `trim` drops side clauses (relative, adverbial, appositive).
    """
    subj = _subject_of(verb, subject, present or keep_tense)
    if subj is None:
        return None
    antecedent = subj.i == verb.head.i
    words = [t for t in subj.subtree if not (antecedent and inside(t, subj, ("relcl",)))]
    if not _readable_subject(subj, words) or (
        subject is None and sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) > 1
    ):
        return None  # two subjects: the parse is broken here
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.lower_ != "to"]
    rest, middle = predicate(verb, subj, trim)
    rest = without_run_on(rest)
    used = [*words, verb, *rest]
    lo, hi = min(t.i for t in used), max(t.i for t in used)
    if any("\n" in t.text or "\n" in t.whitespace_ for t in verb.doc[lo:hi]):
        return None  # the parse ran across a paragraph break
    if any(
        (t.lower_ in FIRST_SECOND_PERSON and not swapped_possessive(t))
        or t.text == "us"
        or t.lower_ == "ourselves"
        for t in used
    ):
        return None  # "we"/"you" inside a quote: whose question it is gets lost
    if not complete(verb, rest):
        return None
    lead, head = _verb_form(verb, aux, subj, present, keep_tense)
    if not rest and verb.lemma_ in LIGHT_VERBS | {"hold", "give", "put", "keep"}:
        return None  # "Will the acquisition make?": the parse lost the object
    if lead == "Will" and reported_done(verb, subj):
        return None  # the article says it happened: nothing left to ask
    parts = [lead, undateline(noun_phrase(subj, trim=True))]
    if middle:
        parts.append(join_names_whole(middle))
    parts.append(head)
    if rest:
        parts.append(phrase_text(rest))
    q = finish(" ".join(p for p in parts if p))
    if not trim and len(q.split()) > MAX_QUESTION_WORDS:
        return yes_no(verb, subject, trim=True, present=present, keep_tense=keep_tense) or q
    return q


def _subject_of(verb: Token, given: Token | None, there_ok: bool) -> Token | None:
    """The clause's subject, a relative clause's antecedent ("comments which are likely to be
    seen as ..."), or None when no readable subject can be had."""
    subj = given if given is not None else clause_subject(verb)
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ == "NOUN" else None
    if (verb.dep_ == "relcl" and given is None) or subj is None or subj.lower_ in UNCLEAR_SUBJECTS:
        return None
    return None if subj.lower_ == "there" and not there_ok else subj


def _readable_subject(subj: Token, words: list[Token]) -> bool:
    """Whether the subject reads on its own: no unresolved "their", no one in particular, not cut
    off by the parse ("the birth of")."""
    if words[0].tag_ == "PRP$" and not owner_of(words[0]) and words[0].lower_ not in ("his", "her"):
        return False  # "their country": whose, the question alone cannot say
    if vague(subj, words):
        return False
    core = [t for t in words if not inside(t, subj, ("relcl", "appos", "prn", "acl"))]
    while len(core) > 1 and core[-1].is_punct:
        core.pop()
    if any(t.text == "," for t in core) and not any(t.dep_ == "conj" for t in core):
        return False  # "Politico, Democratic party insiders": the parse glued two phrases
    return not (len(core) > 1 and core[-1].pos_ in ("ADP", "DET", "CCONJ"))


def predicate(verb: Token, subj: Token, trim: bool) -> tuple[list[Token], list[Token]]:
    """The words after the verb that the question keeps, and adverbs between subject and verb.
    Another clause conjoined to the verb (another subject, another tense) is left out."""
    skip = {
        c.i for c in verb.children if c.dep_ in ("neg", "mark", "aux", "auxpass", "punct") and c.i < verb.i
    }
    own = {t.i for t in verb.subtree}
    skip |= {
        t.i for t in subj.subtree if t.i not in own
    }  # a relative clause's antecedent: its own words stay
    skip |= {t.i for c in verb.children if c.dep_ in ("advmod",) and c.i < subj.i for t in c.subtree}
    skip |= {c.i for c in verb.children if c.dep_ == "neg"}
    drop = SIDE_CLAUSES if trim else ("parataxis", "dep")
    for c in verb.subtree:
        if c.i > verb.i and (c.lower_ == "according" or (c.dep_ in SIDE_CLAUSES and set_off(c))):
            skip |= {t.i for t in c.subtree}  # "according to X", ", drawing boos", ", which passed": asides
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and (c.tag_ in ("VBZ", "VBP", "VBD") or any(a.dep_ in ("aux", "auxpass") for a in c.children))
        ):
            skip |= {t.i for t in c.subtree}  # "... and is aimed at": another verb group
            skip |= {x.i for x in verb.children if x.dep_ == "cc" and x.i < c.i}
        other_clause = c.dep_ == "conj" and (
            own_subject(c) is not None or is_past_clause(c) or (c.tag_ == "VBG" and _gerund(verb))
        )  # "accused of taking cues and [using ...]": only the first is re-inflected
        if other_clause or _remains_to_be_seen(c):
            skip |= {t.i for t in c.subtree}  # "..., and took a loss": another clause, another tense
            skip |= {x.i for x in verb.children if x.dep_ == "cc" and c.dep_ == "conj" and x.i < c.i}
    skip |= _date_of_call(verb)
    keep = {t.i for c in verb.children if c.dep_ == "advcl" and _infinitive(c) for t in c.subtree}
    rest = [
        t
        for t in verb.subtree
        if t.i > verb.i and t.i not in skip and (t.i in keep or not inside(t, verb, drop))
    ]
    cut = next(
        (
            n
            for n, t in enumerate(rest)
            if n > 0 and (t.text in (":", ";", "—", "–", "--") or (t.text == "-" and t.whitespace_))
        ),
        None,
    )
    if cut is not None and trim:
        rest = rest[:cut]  # "in nine states: Ohio, ...": the list is the article's, not the question's
    middle = [
        t
        for t in verb.subtree
        if subj.i < t.i < verb.i
        and t.i not in skip
        and t.dep_ == "advmod"
        and t.lower_ not in HEDGES
        and t.head.lower_ not in HEDGES
    ]
    return rest, middle


def _gerund(verb: Token) -> bool:
    """'of taking cues', 'considering abandoning': an -ing form a question re-inflects; not the
    progressive "were shelling and advancing on ...", which it keeps as it is."""
    return verb.tag_ == "VBG" and not any(a.lemma_ == "be" for a in verb.children if a.dep_ == "aux")


def _infinitive(clause: Token) -> bool:
    """'to be taken', 'to find a middle ground': a complement the verb needs, not an aside."""
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ == "to" and first.head.i == clause.i


def _date_of_call(verb: Token) -> set[int]:
    """'sounded a call for the United States to accept more refugees on Monday': the weekday
    dates the call, told in the past, not the act called for (the parse hangs it on the act)."""
    above = verb.head.head if verb.head.pos_ == "NOUN" else verb.head
    if not (any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and above.tag_ == "VBD"):
        return set()
    return {
        t.i
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "on" and c.i > verb.i
        for p in c.children
        if p.dep_ == "pobj" and p.lower_ in WEEKDAY_NUMBERS
        for t in c.subtree
    }


def complete(verb: Token, rest: list[Token]) -> bool:
    """Whether the words after the verb make a whole predicate: no "him" or "those" whose
    referent is lost, no negative ("learn nothing"), no verb left without its object."""
    if any(
        (t.lower_ in OBJECT_PRONOUNS | DEMONSTRATIVES | {"it"} and t.dep_ in ("dobj", "pobj", "dative"))
        or (t.lower_ == "it" and t.dep_ == "nsubj" and t.head.tag_ == "VB")  # "help it meet new standards"
        for t in rest
    ):
        return False  # "Will Kasich beat him?", "stand up to those": whom, the question cannot say
    if any(
        t.lower_ in ("same", "so") and t.head.lemma_ == "do" and t.dep_ in ("dobj", "advmod") for t in rest
    ):
        return False  # "Will coal companies do the same?": the same as what, the question cannot say
    if runs_on(rest):
        return False
    if any(
        t.lower_ in ("nothing", "nobody", "none", "anything", "something")
        or (t.dep_ == "det" and t.lower_ == "no")
        or (t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX"))
        for t in rest
    ):
        return False  # "Will people learn nothing?": asked the other way round, it means the opposite
    rest = [t for t in rest if not t.is_punct]
    if not rest:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        return passive or verb.lemma_.lower() in INTRANSITIVE
    last = rest[-1]
    kept = {t.i for t in rest}
    if (
        last.pos_ in ("VERB", "AUX")
        and last.lemma_.lower() not in INTRANSITIVE
        and not any(c.i in kept for c in last.children if c.i > last.i)
    ):
        return False  # "Did anybody attempt to access?": the object went elsewhere in the parse
    return not (last.pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or last.tag_ == "TO")


def vague(subj: Token, words: list[Token]) -> bool:
    """A subject that names no one in particular: "one Republican", "nearly eight of 10 voters",
    "what information", or headline English without an article ("bloc")."""
    words = [t for t in words if not inside(t, subj, ("relcl", "appos", "acl", "prn"))]
    first = words[0]
    if first.lower_ in INDEFINITE or any(t.tag_ in ("WDT", "WP", "WP$") for t in words):
        return True
    if (subj.ent_type_ in ("DATE", "TIME") and subj.pos_ == "PROPN") or sum(
        t.is_upper and len(t) > 1 for t in words
    ) >= 2:
        return True  # "Monday begin taking ...": a parse error; "OBAMA'S LAST STATE ...": a header
    bare = subj.tag_ in ("NN", "NNP") and not any(
        c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in subj.children
    )  # "bloc aims to ..." (the small model tags it a name at times)
    return bare and subj.text[:1].islower() and _headline(subj)


def _headline(tok: Token) -> bool:
    """In the headline repeated as the first line, or a short deck line after it ("After Brexit
    and Trump's threats, bloc aims to rely less on U.S. support.")."""
    text = doc_text(tok.doc)
    before = [line for line in text[: tok.idx].split("\n") if line.strip()]
    if len(before) <= 1 and "\n" not in text[: tok.idx]:
        return True
    end = text.find("\n", tok.idx)
    line = text[text.rfind("\n", 0, tok.idx) + 1 : end if end >= 0 else len(text)]
    return len(before) <= 2 and len(line.split()) <= HEADLINE_WORDS


def plural(subj: Token) -> bool:
    return (
        subj.tag_ in ("NNS", "NNPS") or subj.lower_ == "they" or any(c.dep_ == "conj" for c in subj.children)
    )


def _verb_form(
    verb: Token, aux: list[Token], subj: Token, present: bool, keep_tense: bool
) -> tuple[str, str]:
    """The question's first word and the verb as it follows the subject ("Will" ... "be held")."""
    modal = next((a.lower_ for a in aux if a.tag_ == "MD"), None)
    lead = LEADS.get(modal or "", "Will")
    if modal and any(a.lower_ in ("have", "'ve") for a in aux):  # "may have been murdered": the past
        passive = any(a.dep_ == "auxpass" for a in aux) or verb.lemma_ == "be"
        many = plural(subj)
        if passive:
            return ("Were" if many else "Was"), ("" if verb.lemma_ == "be" else verb.text)
        return "Did", verb.lemma_
    many = plural(subj)
    if keep_tense and modal is None:
        past = _past_form(verb, aux, many)
        if past is not None:
            return past
    passive = any(a.dep_ == "auxpass" for a in aux) or any(
        a.lemma_ == "be" and verb.tag_ == "VBG" for a in aux
    )
    if verb.lower_ in ("'re", "’re"):
        return ("Are" if present or keep_tense else lead), "" if present or keep_tense else "be"
    if verb.lemma_ == "be" and not aux and (present or keep_tense) and verb.tag_ in ("VBZ", "VBP"):
        return ("Are" if many else "Is"), ""
    if verb.lemma_ == "be" and not aux:
        return lead, "be"
    if (present or keep_tense) and aux and all(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return ("Are" if many else "Is"), verb.text
    if modal == "would" and verb.lemma_ in ("like", "prefer", "love", "want", "rather"):
        return "Would", verb.lemma_  # "would like to see": a wish, not a future
    if passive:
        return lead, "be " + verb.text
    return lead, verb.lemma_ if verb.tag_ not in ("VB",) else verb.text


def _past_form(verb: Token, aux: list[Token], many: bool) -> tuple[str, str] | None:
    """'has been found' -> ('Has', 'been found'); 'was intentional' -> ('Was', ''); 'flew' ->
    ('Did', 'fly'); 'had manipulated' -> ('Did', 'manipulate')."""
    have = next((a for a in aux if a.lemma_ == "have"), None)
    if have is not None and have.tag_ == "VBD":  # "had manipulated" -> "Did ... manipulate"
        if any(a.dep_ == "auxpass" for a in aux):
            return ("Were" if many else "Was"), verb.text
        return "Did", verb.lemma_
    if have is not None:
        rest = " ".join(a.text for a in aux if a.i > have.i)
        return ("Have" if many else "Has"), f"{rest} {verb.text}".strip()
    be = next((a for a in aux if a.lemma_ == "be" and a.tag_ == "VBD"), None)
    if be is not None:
        return ("Were" if many else "Was"), verb.text
    if verb.tag_ != "VBD":
        return None
    if verb.lemma_ == "be":
        return ("Were" if many else "Was"), ""
    if verb.lemma_ in ("need", "have") and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "needed to be changed": asked about what comes next
    return "Did", verb.lemma_


def _remains_to_be_seen(tok: Token) -> bool:
    return tok.lemma_ == "remain" and any(t.lower_ == "seen" for t in tok.subtree)
