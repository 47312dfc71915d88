"""Resolving: the "he", "she" or "they" a question was phrased with, replaced by who is meant.

"Did she have an accomplice?" -> "Did Salinas have an accomplice?". A pronoun that cannot be
resolved leaves no question: out of context nobody could tell whom it asks about.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..model import Cast, Mention
from ..syntax import antecedent
from .cue import Cue
from .wording import noun_phrase

PRONOUN = re.compile(r"\b(he|she|they|his|her)\b", re.I)
POSSESSIVE = {"his", "her"}
HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m", "dame": "f",
    "madam": "f", "madame": "f", "mme": "f", "monsieur": "m",
}  # fmt: skip
"""Titles that say whether the article will call someone "he" or "she"."""
GENDER = {"he": "m", "his": "m", "she": "f", "her": "f", "they": None}
AUXILIARIES = {
    "will", "can", "should", "must", "did", "does", "do", "is", "are", "was", "were", "has", "have",
    "had", "would", "could",
}  # fmt: skip
"""Words a question's subject follows ("Will she ...", "What techniques will he ...")."""
NOT_PEOPLE = ("GPE", "LOC", "NORP", "DATE", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
"""Entity labels a he or she cannot stand for; a person may be tagged ORG by the small model."""
ENTOURAGE = {
    "team", "campaign", "staff", "aide", "aides", "spokesman", "spokeswoman", "lawyer", "lawyers",
    "attorney", "attorneys", "office", "family", "doctor", "physician", "adviser", "advisers",
}  # fmt: skip
"""People who act for someone: what they do to "her" is done to the one they act for."""
WINDOW = 1500
"""How far back (characters) a person named before the cue may be what "he" or "she" means."""


def resolve(cue: Cue, cast: Cast) -> str | None:
    """The cue's question with its subject pronoun replaced by who it stands for; None when it
    cannot be, or when a "he" stands somewhere other than as the subject ("... if he loses"): out
    of context nobody could tell whom it means. A "his" or "her" after the named subject stays."""
    q = cue.question or ""
    words = q.split(" ")
    found = [i for i, w in enumerate(words) if PRONOUN.fullmatch(w)]
    if not found:
        return q
    first = words[found[0]].lower()
    subject = found[0] > 0 and words[found[0] - 1].lower() in AUXILIARIES
    named_before = any(w[:1].isupper() for w in words[1 : found[0]])
    if first in POSSESSIVE and named_before:
        return q if all(words[i].lower() in POSSESSIVE for i in found) else None
    if not subject and first not in POSSESSIVE:
        return None
    if any(
        words[i].lower() not in POSSESSIVE or GENDER.get(words[i].lower()) != GENDER.get(first)
        for i in found[1:]
    ):
        return None  # "Will Rubio support Trump if he ...": two people, or one we cannot tell
    if first in POSSESSIVE and subject:
        name = _person(cue, cast, first, governing_only=True)  # "his wife": only whom the sentence names
    else:
        name = _plural(cue, first) if first == "they" else _person(cue, cast, first)
    if not name:
        return None
    words[found[0]] = name + "’s" if first in POSSESSIVE else name
    return " ".join(words)


def _person(cue: Cue, cast: Cast, pronoun: str, governing_only: bool = False) -> str | None:
    """The named subject of a clause above the pronoun, else the nearest person before it who is a
    grammatical subject ("Carly Fiorina says she plans to ...": Fiorina)."""
    tok = _pronoun_token(cue, pronoun)
    governor = _governing(tok, _names_someone) if tok is not None else None
    if governor is not None:
        parts = [t for t in governor.subtree if t.dep_ == "compound" or t.i == governor.i]
        start, end = parts[0].idx, governor.idx + len(governor)
        actor = cast.get(cast.at(start, end) or cast.resolve(governor.text))
        return _called(cast, actor.id) if actor else governor.text
    before = tok.idx if tok is not None else cue.focus[0]
    mentions = sorted(cast.mentions, key=lambda m: m.start)
    kinds = {
        a.id: "person"
        if (a.kind == "person" or _named_person(cue, cast, a.id))
        and _fits(cue, cast, a.id, pronoun, governing_only)
        else a.kind
        for a in cast.actors
    }
    found = antecedent(
        mentions, [m.start for m in mentions], kinds, before, lambda m: _subject(cue, m), WINDOW
    )
    actor = cast.get(found)
    if actor is None or (governing_only and not _fits(cue, cast, actor.id, pronoun, strict=True)):
        return None
    return _called(cast, actor.id)


def _fits(cue: Cue, cast: Cast, actor: str, pronoun: str, strict: bool = False) -> bool:
    """Whether the article speaks of the actor as "he" or "she" as the pronoun does: in sentences
    that name the actor and no other person, which pronouns come up more. `strict`: some must."""
    want = GENDER.get(pronoun)
    if want is None:
        return True
    counts = _pronoun_counts(cue.sent.doc, cast).get(actor, {"m": 0, "f": 0})
    other = "f" if want == "m" else "m"
    return counts[want] > counts[other] if strict else counts[want] >= counts[other]


def _pronoun_counts(doc: Doc, cast: Cast) -> dict[str, dict[str, int]]:
    """Actor id -> evidence that the article calls them "he" (m) or "she" (f): an honorific at a
    mention ("Mrs Thatcher", "Mr. Joseph") counts most; else a subject "he"/"she" or a "his"/"her"
    after the actor's name in a sentence that names no other person. Read once per article, kept
    on the Doc."""
    known = doc.user_data.get("briefings.pronouns")
    if isinstance(known, dict):
        return known
    counts: dict[str, dict[str, int]] = {a.id: {"m": 0, "f": 0} for a in cast.actors}
    for m in cast.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.actor not in counts:
            continue
        words = [t.lower_.rstrip(".") for t in span[:2]]
        if span.start > 0:
            words.append(doc[span.start - 1].lower_.rstrip("."))
        for w in words:
            if w in HONORIFICS:
                counts[m.actor][HONORIFICS[w]] += 5
    people = {a.id for a in cast.actors if a.kind == "person"}
    for sent in doc.sents:
        named = set(cast.in_span(sent.start_char, sent.end_char)) & people
        if len(named) != 1:
            continue
        actor = named.pop()
        first = min(m.start for m in cast.mentions if m.actor == actor and sent.start_char <= m.start)
        for t in sent:
            g = GENDER.get(t.lower_)
            if g and t.idx > first and t.dep_ in ("nsubj", "nsubjpass", "poss"):
                counts[actor][g] += 1
    doc.user_data["briefings.pronouns"] = counts
    return counts


def _called(cast: Cast, actor: str) -> str:
    """How the article names the actor most often in full (its commonest mention of two words or
    more, else its commonest): the words the story uses, not a name pieced from a headline."""
    texts = [m.text for m in cast.mentions if m.actor == actor and m.kind == "name"]
    full = [t for t in texts if len(t.split()) > 1] or texts
    if not full:
        found = cast.get(actor)
        return found.name if found is not None else actor
    return max(set(full), key=lambda t: (full.count(t), len(t)))


def _names_someone(tok: Token) -> Token | None:
    """The person a subject names: a person's name, the name set beside a description, or the
    person whose people it is ("Hillary Clinton's team avoided taking her": Clinton)."""
    if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_PEOPLE:
        return tok
    return next(
        (
            c
            for c in tok.children
            if (
                c.dep_ == "appos"
                or (c.dep_ == "poss" and tok.pos_ == "NOUN" and tok.lemma_.lower() in ENTOURAGE)
            )
            and c.pos_ == "PROPN"
            and c.ent_type_ not in NOT_PEOPLE
        ),
        None,
    )


def _subject(cue: Cue, m: Mention) -> bool:
    span = cue.sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _named_person(cue: Cue, cast: Cast, actor: str) -> bool:
    """An actor the parser tagged as a person where it is named, whatever kind the cast settled on."""
    doc = cue.sent.doc
    for m in cast.mentions:
        if m.actor == actor:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            return span is not None and any(t.ent_type_ == "PERSON" for t in span)
    return False


def _plural(cue: Cue, pronoun: str) -> str | None:
    """'the samples were analyzed to determine if they came from ...': the plural subject above."""
    tok = _pronoun_token(cue, pronoun)
    if tok is None:
        return None
    governor = _governing(tok, lambda c: c if c.pos_ == "NOUN" and c.tag_ == "NNS" else None)
    return noun_phrase(governor, trim=True) if governor is not None else None


def _pronoun_token(cue: Cue, pronoun: str) -> Token | None:
    """The pronoun in the cue's sentence nearest the hedged words (inside them, else before)."""
    found = [t for t in cue.sent if t.lower_ == pronoun or GENDER.get(t.lower_, "-") == GENDER.get(pronoun)]
    inside = [t for t in found if cue.focus[0] <= t.idx < cue.focus[1]]
    before = [t for t in found if t.idx < cue.focus[0]]
    return inside[0] if inside else before[-1] if before else found[0] if found else None


def _governing(pronoun: Token, fits: Callable[[Token], Token | None]) -> Token | None:
    """What `fits` finds in the subject of a clause above the pronoun, before it in the sentence."""
    tok = pronoun.head
    while True:
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i:
                found = fits(c)
                if found is not None:
                    return found
        if tok.head.i == tok.i:
            return None
        tok = tok.head
