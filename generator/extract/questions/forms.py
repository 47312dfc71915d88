"""Question forms besides the yes/no question from a clause: a wh-question from an indirect one
("when the vote will take place" -> "When will the vote take place?"), "Did X ...?" about what
someone is accused of, a question from a first word and verb a detector chose.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..spans import join_names_whole
from ..syntax import FIRST_SECOND_PERSON, clause_subject, is_past_clause
from .cue import LIGHT_VERBS
from .phrasing import OBJECT_PRONOUNS, UNCLEAR_SUBJECTS, complete, plural, predicate, vague, yes_no
from .wording import clean_question, finish, inside, noun_phrase, phrase_text


def looks_back(verb: Token) -> bool:
    """A clause about the past ("had an accomplice"), not a semi-modal about what comes next
    ("needed to be changed")."""
    if verb.lemma_ in ("need", "have") and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return is_past_clause(verb)


def wh_question(clause: Token) -> str | None:
    """'when the vote will take place' -> 'When will the vote take place?';
    'why the jet flew into the storm' -> 'Why did the jet fly into the storm?'"""
    wh = next((t for t in clause.subtree if t.tag_ in ("WRB", "WP", "WDT", "WP$") and t.i <= clause.i), None)
    if wh is None:
        return yes_no(clause, keep_tense=True)
    subj = clause_subject(clause)
    if wh.lower_ in ("whom", "whose"):
        return None
    if subj is None or wh.i in {t.i for t in subj.subtree}:
        words = [t for t in clause.subtree if t.i >= wh.i and not inside(t, clause, ("relcl", "appos"))]
        if any(t.lower_ in FIRST_SECOND_PERSON for t in words) or len(words) < 3:
            return None
        return finish(phrase_text(words))
    yn = yes_no(clause, keep_tense=True)
    if yn is None:
        return None
    first = min(t.i for t in subj.subtree)
    wh_words = join_names_whole(t for t in clause.subtree if t.i < first and t.i >= wh.i and t.dep_ != "mark")
    if not wh_words:
        return None
    rest = yn[0].lower() + yn[1:]
    return clean_question(f"{wh_words.capitalize()} {rest}")


def did_question(verb: Token, subj: Token, trim: bool = True) -> str | None:
    """A gerund or a past clause asked about with a named subject: 'accused the group of pushing
    radical themes' -> 'Did the group push radical themes?'; 'of being provocative' -> 'Is the
    group provocative?'"""
    if (
        subj.lower_ in UNCLEAR_SUBJECTS
        or subj.lower_ in FIRST_SECOND_PERSON
        or subj.pos_ not in ("NOUN", "PROPN", "PRON")
    ):
        return None
    rest, _ = predicate(verb, subj, trim)
    if any(t.lower_ in FIRST_SECOND_PERSON | OBJECT_PRONOUNS for t in rest) or not complete(verb, rest):
        return None
    if vague(subj, list(subj.subtree)):
        return None
    if verb.lemma_ == "be":
        lead, head = ("Are" if plural(subj) else "Is"), ""
    else:
        lead, head = "Did", verb.lemma_
    if not rest and verb.lemma_ in LIGHT_VERBS:
        return None
    return finish(" ".join(p for p in (lead, noun_phrase(subj, trim=True), head, phrase_text(rest)) if p))


def ask_with(lead: str, subj: Token, head: str, verb: Token) -> str | None:
    """A question from its first word, the subject, the verb as given and what follows the verb."""
    if subj.lower_ in UNCLEAR_SUBJECTS or subj.lower_ in FIRST_SECOND_PERSON:
        return None
    words = list(subj.subtree)
    if vague(subj, words) or (words[0].tag_ == "PRP$" and words[0].lower_ not in ("his", "her")):
        return None
    rest, _ = predicate(verb, subj, True)
    if any(t.lower_ in FIRST_SECOND_PERSON for t in rest) or not (complete(verb, rest) or " " in head):
        return None
    return finish(" ".join(p for p in (lead, noun_phrase(subj, trim=True), head, phrase_text(rest)) if p))
