"""Phrasing: a hedged clause turned into a question a reader can take on its own.

"whether the meeting finally materializes" -> "Will the meeting finally materialize?";
"when the vote will take place" -> "When will the vote take place?". A clause whose subject or
words would leave the question unreadable out of context gives none.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..sentences import DATELINE
from ..syntax import FIRST_SECOND_PERSON, clause_subject, is_past_clause, join_names_whole, own_subject
from .cue import DOUBLE_QUOTES, LIGHT_VERBS

ANAPHORIC_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those"}
UNCLEAR_SUBJECTS = ANAPHORIC_PRONOUNS - {"he", "she"} | {
    "which",
    "what",
    "who",
    "whom",
    "one",
    "many",
    "some",
    "most",
    "few",
}
"""Subjects that leave a stand-alone question unreadable; "he"/"she" are resolved to a person."""
SIDE_CLAUSES = ("advcl", "parataxis", "npadvmod", "dep", "relcl", "appos", "prn")
MAX_QUESTION_WORDS = 22
LEADS = {"can": "Can", "ca": "Can", "should": "Should", "must": "Must"}
"""Modals a question keeps ("Can X ...?"); every other clause asks "Will X ...?"."""


def yes_no(
    verb: Token, subject: Token | None = None, trim: bool = False, present: bool = False
) -> str | None:
    """'the meeting finally materializes' -> 'Will the meeting finally materialize?'

    `present` keeps a present-tense copula ("whether there is a chance" -> "Is there a chance?");
    `trim` drops side clauses (relative, adverbial, appositive) to keep the question short.
    """
    subj = subject if subject is not None else clause_subject(verb)
    if subj is None or subj.lower_ in UNCLEAR_SUBJECTS or verb.dep_ == "relcl":
        return None
    words = list(subj.subtree)
    if words[0].tag_ == "PRP$":
        return None  # "his country": whose, the question alone cannot say
    if len(words) > 1 and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        return None  # "the birth of": the rest of the subject went elsewhere in the parse
    if subject is None and sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) > 1:
        return None  # two subjects: the parse is broken here
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.lower_ != "to"]
    rest, middle = _predicate(verb, subj, trim)
    used = [*subj.subtree, verb, *rest]
    lo, hi = min(t.i for t in used), max(t.i for t in used)
    if any("\n" in t.text or "\n" in t.whitespace_ for t in verb.doc[lo:hi]):
        return None  # the parse ran across a paragraph break
    if any(t.lower_ in FIRST_SECOND_PERSON or t.text == "us" or t.lower_ == "ourselves" for t in used):
        return None  # "we"/"you" inside a quote: whose question it is gets lost
    lead, head = _verb_form(verb, aux, present)
    if not rest and verb.lemma_ in LIGHT_VERBS | {"hold", "give", "put", "keep"}:
        return None  # "Will the acquisition make?": the parse lost the object
    parts = [lead, undateline(noun_phrase(subj, trim=trim))]
    if middle:
        parts.append(join_names_whole(middle))
    parts.append(head)
    if rest:
        parts.append(join_names_whole(rest))
    q = " ".join(p for p in parts if p).strip()
    q = clean_question(re.sub(r"[\s,;:.\-–—'\"”’]+$", "", q)) + "?"
    if not trim and len(q.split()) > MAX_QUESTION_WORDS:
        return yes_no(verb, subject, trim=True, present=present) or q
    return q


def _predicate(verb: Token, subj: Token, trim: bool) -> tuple[list[Token], list[Token]]:
    """The words after the verb that the question keeps, and adverbs between subject and verb.
    Another clause conjoined to the verb (another subject, another tense) is left out."""
    skip = {
        c.i for c in verb.children if c.dep_ in ("neg", "mark", "aux", "auxpass", "punct") and c.i < verb.i
    }
    skip |= {t.i for t in subj.subtree}
    skip |= {t.i for c in verb.children if c.dep_ in ("advmod",) and c.i < subj.i for t in c.subtree}
    drop = SIDE_CLAUSES if trim else ("parataxis", "dep")
    for c in verb.children:
        other_clause = c.dep_ == "conj" and (own_subject(c) is not None or is_past_clause(c))
        if other_clause or _remains_to_be_seen(c):
            skip |= {t.i for t in c.subtree}  # "..., and took a loss": another clause, another tense
            skip |= {x.i for x in verb.children if x.dep_ == "cc" and c.dep_ == "conj" and x.i < c.i}
    rest = [t for t in verb.subtree if t.i > verb.i and t.i not in skip and not inside(t, verb, drop)]
    middle = [t for t in verb.subtree if subj.i < t.i < verb.i and t.i not in skip and t.dep_ == "advmod"]
    return rest, middle


def _verb_form(verb: Token, aux: list[Token], present: bool) -> tuple[str, str]:
    """The question's first word and the verb as it follows the subject ("Will" ... "be held")."""
    modal = next((a.lower_ for a in aux if a.tag_ == "MD"), None)
    lead = LEADS.get(modal or "", "Will")
    passive = any(a.dep_ == "auxpass" for a in aux) or any(
        a.lemma_ == "be" and verb.tag_ == "VBG" for a in aux
    )
    if verb.lemma_ == "be" and not aux and present and verb.tag_ in ("VBZ", "VBP"):
        return ("Is" if verb.tag_ == "VBZ" or verb.lower_ in ("is", "'s") else "Are"), ""
    if verb.lemma_ == "be" and not aux:
        return lead, "be"
    if present and aux and all(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return ("Is" if aux[0].tag_ == "VBZ" else "Are"), verb.text
    if passive:
        return lead, "be " + verb.text
    return lead, verb.lemma_ if verb.tag_ not in ("VB",) else verb.text


def wh_question(clause: Token) -> str | None:
    """'when the vote will take place' -> 'When will the vote take place?'"""
    wh = next((t for t in clause.subtree if t.tag_ in ("WRB", "WP", "WDT") and t.i <= clause.i), None)
    if wh is None:
        return yes_no(clause)
    subj = clause_subject(clause)
    if subj is None or subj.i == wh.i:
        words = [t for t in clause.subtree if t.i >= wh.i]
        return clean_question(join_names_whole(words)).capitalize() + "?"
    yn = yes_no(clause)
    if yn is None:
        return None
    first = min(t.i for t in subj.subtree)
    wh_words = join_names_whole(t for t in clause.subtree if t.i < first and t.i >= wh.i and t.dep_ != "mark")
    rest = yn[0].lower() + yn[1:]
    return clean_question(f"{wh_words.capitalize()} {rest}")


def _remains_to_be_seen(tok: Token) -> bool:
    return tok.lemma_ == "remain" and any(t.lower_ == "seen" for t in tok.subtree)


def undateline(text: str) -> str:
    m = DATELINE.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def noun_phrase(tok: Token, keep_det: bool = True, trim: bool = False) -> str:
    words = [t for t in tok.subtree if keep_det or not (t.dep_ == "det" and t.head.i == tok.i)]
    if trim:
        words = [t for t in words if not inside(t, tok, SIDE_CLAUSES)]
    text = join_names_whole(words)
    if tok.pos_ != "PROPN" and text[:1].isupper() and not (len(text) > 1 and text[1].isupper()):
        first = words[0]
        if first.pos_ != "PROPN" and first.text != "I":
            text = text[0].lower() + text[1:]
    return text


def clean_question(text: str) -> str:
    text = re.sub(r"\s+([,.;:?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = text.replace(DOUBLE_QUOTES[0], "").replace("“", "").replace("”", "")
    return re.sub(r"\s+", " ", text).strip(" ,")


def inside(tok: Token, root: Token, deps: tuple[str, ...]) -> bool:
    while tok.i != root.i:
        if tok.dep_ in deps:
            return True
        tok = tok.head
    return False
