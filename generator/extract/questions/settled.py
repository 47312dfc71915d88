"""Settled: what the article reports as done, so that no question asks whether it will happen.

A clause in the past, not negated, not a condition ("the bill passed", "NASA received"), and a
process the article reports over ("the inquiry found", "the trial ended"). Both are read once
per article and remembered on the Doc.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from ..syntax import is_past_clause, negated, own_subject

ENDING_VERBS = {
    "find", "conclude", "complete", "end", "close", "drop", "dismiss", "clear", "acquit", "convict",
    "pass", "approve", "reject", "fail", "collapse", "wrap", "settle", "finish", "rule", "decide",
}  # fmt: skip
"""Verbs that report a process over ("the inquiry found", "the bill passed")."""


def reported_done(verb: Token, subj: Token) -> bool:
    """Whether the article reports, in the past and not negated, the same verb with the same
    subject or object ("Will the bill pass?" when it says "the bill passed")."""
    done = verb.doc.user_data.get("briefings.done")
    if not isinstance(done, dict):
        done = verb.doc.user_data["briefings.done"] = _done_index(verb.doc)
    obj = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)
    if any(c.dep_ == "auxpass" for c in verb.children):
        subj_lemma, obj = None, subj.lemma_.lower()
    else:
        subj_lemma = subj.lemma_.lower()
    for i, s, o in done.get(verb.lemma_.lower(), ()):
        if i == verb.i:
            continue
        same_s = s is not None and s == subj_lemma
        same_o = obj is not None and obj in o
        if (
            (same_s or same_o)
            and not (s and subj_lemma and s != subj_lemma)
            and not (o and obj and obj not in o)
        ):
            return True
    return False


def _bare_participle(tok: Token) -> bool:
    """'The bridge reopened on Monday' tagged as a participle with no auxiliary: a past tense."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("ROOT", "conj")
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )


def _done_index(doc: Doc) -> dict[str, list[tuple[int, str | None, frozenset[str]]]]:
    """verb lemma -> (token, subject lemma, object lemmas) of every clause the article reports
    done. The object's names count too: "endorsed the re-election of Paul Ryan" settles "Will
    Trump endorse Ryan?"."""
    index: dict[str, list[tuple[int, str | None, frozenset[str]]]] = {}
    for tok in past_verbs(doc):
        if (
            tok.pos_ != "VERB"
            or not (is_past_clause(tok) or _bare_participle(tok))
            or any(c.dep_ == "neg" or c.lower_ in ("if", "whether") for c in tok.children)
        ):
            continue
        subj = own_subject(tok)
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if subj is not None and subj.dep_ == "nsubjpass":
            subj, obj = None, subj
        index.setdefault(tok.lemma_.lower(), []).append(
            (
                tok.i,
                subj.lemma_.lower() if subj is not None else None,
                _object_lemmas(tok, obj),
            )
        )
    return index


def _object_lemmas(verb: Token, obj: Token | None) -> frozenset[str]:
    """The object's head, and the names after the verb ("endorsed the re-election of House
    Speaker Paul Ryan", however the parse splits "re-election")."""
    names = {
        t.lemma_.lower()
        for c in verb.children
        if c.i > verb.i and c.dep_ in ("dobj", "prep", "dative", "attr", "npadvmod")
        for t in c.subtree
        if t.pos_ == "PROPN" and t.dep_ != "compound"
    }
    return frozenset(names | ({obj.lemma_.lower()} if obj is not None else set()))


def settled(doc: Doc) -> frozenset[str]:
    """Process nouns the article reports over: subject of "found", "concluded", "passed"...
    (remembered on the Doc: every process noun asks)."""
    done = doc.user_data.get("briefings.settled")
    if isinstance(done, frozenset):
        return done
    found = set()
    for tok in past_verbs(doc):
        if (
            tok.lemma_.lower() in ENDING_VERBS
            and tok.pos_ == "VERB"
            and is_past_clause(tok)
            and not negated(tok)
        ):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN":
                    found.add(c.lemma_.lower())
    done = doc.user_data["briefings.settled"] = frozenset(found)
    return done


def past_verbs(doc: Doc) -> Iterator[Token]:
    """The tokens tagged as a past tense or participle, found from the Doc's tag ids without
    building a token for every word."""
    tags = doc.to_array([TAG])
    for i in numpy.nonzero(numpy.isin(tags, PAST_TAGS))[0]:
        yield doc[int(i)]


_IDS = StringStore()
PAST_TAGS = numpy.array([_IDS.add("VBD"), _IDS.add("VBN")], dtype="uint64")
