"""Roles: a person's role and affiliation, from the words the article puts around the name.

Before it ("Chinese Foreign Ministry spokesperson Wang Wenbin"), set off after it by a comma
("Sanjay Mehrotra, president and CEO of Micron Technology"), or in the other patterns of
`role_patterns` (apposition before the name, "be", "who heads", "as", "named"). Every mention
is read; a form of address ("Mr", "Sir") is never a role, an abbreviated title is spelled out
("Sen." -> "Senator"), and a role that only says little ("a French citizen") gives way to one
that says what the person does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from spacy.tokens import Span, Token

from ..model import Name
from ..spans import join
from ..syntax import DETERMINERS, PEOPLE, PERSON_SUFFIXES
from . import role_patterns as rp
from .repairs import title_chain
from .titles import (
    HONORIFICS,
    NAME_TITLES,
    OFFICE_TITLES,
    WEAK_ROLE_NOUNS,
    bare,
    is_title,
    spelled_out,
)

ROLE_PREPS = rp.ROLE_PREPS
PATTERNS: tuple[Callable[[Span], Any], ...] = (
    rp.apposed,
    rp.appositive,
    rp.copular,
    rp.relative,
    rp.as_role,
    rp.named,
)
"""Role patterns read from the parse, tried after the premodifier and the comma appositive."""
AGE = re.compile(r"\b\d+(?:\s*-\s*|\s+)(?:year|month|week)s?(?:\s*-\s*|\s+)old\b\s*", re.I)
NOT_ROLE = re.compile(r"@|https?:|www\.|\.(?:com|org|net)\b|\d")
"""Emails, web addresses and numbers are never part of a role."""
Raw = tuple[list[Token] | str, list[Token]]
"""A role found in the text (tokens, or words it implies) and the affiliation's tokens."""
LEADING_ADVERBS = {"then", "now", "currently", "formerly", "also", "still", "once"}


def role_of(mentions: list[Name]) -> dict[str, Any]:
    """Role and affiliation from the mentions the article describes: the first that says what the
    person does, else the first at all; an organisation named right after the name
    ("... of the NYPD") completes a role that has none."""
    weak: dict[str, Any] | None = None
    named = {w.lower() for n in mentions for w in n.text.split()}
    for n in mentions:
        if n.span is None:
            continue
        for role, affiliation in _found(n.span):
            info = _clean(role, affiliation)
            if info is None or _part_of_name(info["role"], named):
                continue
            if not info["affiliation"]:
                info["affiliation"] = _text(rp.trailing_affiliation(n.span))
            if not _weak(info["role"]):
                return info
            weak = weak or info
    return weak or {"role": None, "affiliation": _affiliation_only(mentions)}


def _affiliation_only(mentions: list[Name]) -> str | None:
    """ "Robin Biesbroek of the CDF", "BBC's Emily Maitlis": where the text names whom a person
    is with but not what they do, the organisation alone."""
    for n in mentions:
        if n.span is None:
            continue
        found = rp.trailing_affiliation(n.span) or rp.owning_organisation(n.span)
        if found:
            return _text(found)
    return None


def _found(span: Span) -> Iterator[Raw]:
    """Candidate (role, affiliation) pairs for one mention, most direct first."""
    pre = premodifier(span)
    if pre is not None:
        yield pre
    for pattern in PATTERNS:
        got = pattern(span)
        if isinstance(got, rp.Said):
            yield got.role, got.affiliation
        elif got is not None:
            yield got
    after = appositive(span)
    if after is not None:
        yield after


def _part_of_name(role: str, named: set[str]) -> bool:
    """ "Brock" before "Nelson" (the model found the surname only): the rest of the name, not a
    role; "Pope" in "Pope Francis" is one."""
    words = role.lower().split()
    return set(words) <= named and not any(bare(w) in NAME_TITLES or bare(w) in OFFICE_TITLES for w in words)


def _address(tok: Token) -> bool:
    return tok.text[:1].isupper() and bare(tok.text) in HONORIFICS


def _weak(role: str) -> bool:
    return role.split()[-1].lower() in WEAK_ROLE_NOUNS


def _clean(role: list[Token] | str, affiliation: list[Token]) -> dict[str, Any] | None:
    """A role as the briefing shows it: no determiners, ages, forms of address or numbers; titles
    spelled out; None when nothing is left or it reads as an address, a date or a number."""
    if isinstance(role, str):
        text = role
    else:
        toks = [t for t in role if not _age(t)]
        while toks and (toks[-1].text == "." or _address(toks[-1])):
            toks = toks[:-1]  # "Education Secretary Sir": the form of address goes with the name
        if all(_address(t) or t.is_punct for t in toks):
            return None
        while toks and (
            toks[0].lower_ in DETERMINERS
            or toks[0].tag_ in ("PRP$", "POS")
            or toks[0].is_punct
            or toks[0].lower_ in LEADING_ADVERBS
        ):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].pos_ in ("ADP", "CCONJ", "DET")):
            toks = toks[:-1]
        if not toks or any(t.ent_type_ in ("DATE", "TIME") and not t.is_alpha for t in toks):
            return None
        if not (_noun(toks[-1]) or is_title(toks[-1])):
            return None
        text = AGE.sub("", join(toks)).strip(" -,")
    text = spelled_out(text)
    if not text or NOT_ROLE.search(text) or not any(c.isalpha() for c in text):
        return None
    aff = _text(affiliation)
    if aff and NOT_ROLE.search(aff):
        aff = None
    return {"role": text, "affiliation": aff}


def _text(tokens: Sequence[Token]) -> str | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens


HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"}
"""Dependencies only a noun phrase's head takes."""


def _noun(tok: Token) -> bool:
    """A noun, or a word the tagger called an adjective where only a noun can stand ("the
    immunologist De'Broski Herbert", where the name is set in apposition to it)."""
    return tok.pos_ in ("NOUN", "PROPN") or (
        tok.pos_ == "ADJ" and tok.dep_ in HEAD_DEPS and _person_word(tok)
    )


def _person_word(tok: Token) -> bool:
    """A lower-case word for a person by its form ("immunologist", "historian")."""
    w = tok.lower_
    return (
        tok.is_lower and not tok.ent_type_ and (w in PEOPLE or (len(w) > 5 and w.endswith(PERSON_SUFFIXES)))
    )


def _nominal(tokens: Sequence[Token]) -> bool:
    """A role is a noun phrase: it ends in a noun that is not itself part of a name."""
    last = tokens[-1] if tokens else None
    return last is not None and _noun(last) and last.ent_type_ not in ("PERSON", "GPE", "DATE")


def split_role(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Chinese Foreign Ministry spokesperson" -> (spokesperson, Chinese Foreign Ministry): a
    leading organisation, place or nationality is the affiliation, the rest the role."""
    tokens = _strip_det(tokens)
    i = 0
    while (
        i < len(tokens) and tokens[i].ent_type_ in ("ORG", "GPE", "NORP", "LOC") and tokens[i].ent_iob_ != "O"
    ):
        if i and tokens[i].ent_iob_ == "B" and tokens[i - 1].ent_type_ != tokens[i].ent_type_:
            break
        i += 1
    if 0 < i < len(tokens):
        return tokens[i:], tokens[:i]
    return tokens, []


def premodifier_role(span: Span) -> dict[str, Any] | None:
    """ "Chinese Foreign Ministry spokesperson Wang Wenbin", "China's Minister of Commerce Wang
    Wentao", "his US counterpart John Kerry": the words before the name that modify it."""
    raw = premodifier(span)
    return _clean(*raw) if raw is not None else None


def appositive_role(span: Span) -> dict[str, Any] | None:
    """ "Sanjay Mehrotra, president and CEO of Micron Technology", "Lü Xiang, a research fellow
    at the Chinese Academy of Social Sciences": a noun phrase set off by a comma after the name."""
    raw = appositive(span)
    return _clean(*raw) if raw is not None else None


def _age(tok: Token) -> bool:
    """A token of an age ("22-year-old"), which a role may carry and the briefing drops."""
    doc = tok.doc
    window = doc[max(0, tok.i - 4) : tok.i + 5].text
    return bool(AGE.search(window)) and (
        tok.like_num or tok.text == "-" or tok.lower_ in ("year", "old", "years")
    )


def _modifies(tok: Token, span: Span) -> bool:
    """The word hangs (through words after it) from the name: "the party convention Sen. X"
    ends the role at "Sen.", the convention being what the sentence is at."""
    head = tok.head
    doc = tok.doc
    if span.root.head.i == tok.i or (tok.i and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_):
        return True  # "his US counterpart John Kerry" (the name hangs from it), "search-and-rescue"
    if head.i < tok.i:
        return not (head.pos_ in ("VERB", "AUX") or head.pos_ == "ADP" and head.lower_ != "of")
    return head.i < span.end or tok.dep_ in ("punct", "case")


def _glued(tok: Token) -> bool:
    """ "search-and-rescue": a word joined to its neighbours by hyphens without spaces."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "-" and doc[tok.i + 1].text == "-"


def _stops(tok: Token) -> bool:
    """A person's name ends the words before another name, unless it is part of a title
    ("Park Ranger" in "State Park Ranger Supervisor Robert Colligan")."""
    if tok.ent_type_ != "PERSON" or is_title(tok):
        return False
    doc = tok.doc
    start = end = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return not title_chain(doc[start : end + 1])


def premodifier(span: Span) -> Raw | None:
    """The words before the name that modify it, as role and affiliation."""
    doc = span.doc
    i = span.start - 1
    left: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if _stops(tok) or tok.is_sent_end or not _modifies(tok, span):
            break
        if (
            (
                tok.pos_ in ("NOUN", "PROPN", "ADJ")
                or tok.tag_ in ("POS", "HYPH")
                or tok.text in ("-", "’s", "'s")
            )
            or (
                tok.lower_ == "of"
                and left
                and i > 0
                and doc[i - 1].text[:1].isupper()
                and left[0].text[:1].isupper()
            )
            or tok.lower_ == "and"
            and left
            and i > 0
            and (doc[i - 1].pos_ == "NOUN" and left[0].pos_ == "NOUN" or _glued(tok))
        ):
            left.insert(0, tok)
        elif tok.tag_ == "PRP$":
            left.insert(0, tok)
            break
        else:
            break
        i -= 1
    while left and (left[0].is_punct or left[0].tag_ == "HYPH"):  # "WASHINGTON (Reuters) - U.S. ..."
        left.pop(0)
    if not left:
        return None
    owner: list[Token] = []
    poss = [
        j
        for j, t in enumerate(left)
        if (t.tag_ == "POS" or t.text in ("’s", "'s")) and not (t.ent_type_ == "ORG" and t.ent_iob_ == "I")
    ]
    if poss:
        owner, left = left[: poss[-1]], left[poss[-1] + 1 :]
    elif left[0].tag_ == "PRP$":
        owner, left = left[:1], left[1:]
    if (
        not left
        or not _nominal(left)
        or not any(t.pos_ in ("NOUN", "ADJ") and _noun(t) or t.is_title for t in left)
    ):
        return None
    role, affiliation = split_role(left)
    if owner and owner[-1].tag_ != "PRP$":
        role, affiliation = _strip_det(left), owner
    if not role or not _nominal(role):
        return None
    if owner and owner[-1].tag_ == "PRP$" and role[-1].lemma_ == "counterpart":
        theirs = counterpart(span)
        if theirs is not None:
            return theirs, affiliation
    return role, affiliation


def counterpart(span: Span) -> str | None:
    """ "X's envoy A ... with his US counterpart B": B holds the same post on the other side."""
    sent = span.sent
    for other in reversed([e for e in sent.ents if e.label_ == "PERSON" and e.end <= span.start]):
        theirs = premodifier_role(other) or appositive_role(other)
        if theirs and theirs.get("role"):
            return f"{theirs['role']} (counterpart of {other.text})"
    return None


def appositive(span: Span) -> Raw | None:
    """A noun phrase set off by a comma after the name, read token by token (the parse often
    leaves such phrases unattached), as role and affiliation."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    j = span.end + 1
    while j < len(doc) and doc[j].lower_ in LEADING_ADVERBS:
        j += 1
    first = doc[j] if j < len(doc) else doc[-1]
    if first.ent_type_ in ("PERSON", "GPE", "DATE", "CARDINAL") or first.like_num:
        return None
    if not (
        first.lower_ in ("a", "an", "the")
        or first.tag_ == "PRP$"
        or first.pos_ in ("NOUN", "ADJ")
        or first.is_title
    ):
        return None
    phrase: list[Token] = []
    start = j
    while j < len(doc) and len(phrase) < 25:
        tok = doc[j]
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.tag_ != "VBN"
            or tok.lower_ in ("who", "which", "that", "said")
        ):
            break
        if tok.lower_ == "and" and j + 1 < len(doc) and doc[j + 1].lower_ in ("a", "an", "the"):
            break
        if tok.is_sent_start and j > start:
            break
        if (
            tok.text in (";", "(", ")", "“", '"', ".", ":")
            or tok.ent_type_ in ("DATE", "TIME")
            and not _age(tok)
        ):
            break
        if tok.text == ",":
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is None or not (nxt.ent_type_ in ("ORG", "FAC") and nxt.ent_iob_ == "B"):
                break
        phrase.append(tok)
        j += 1
    while phrase and (phrase[-1].pos_ in ("ADP", "CCONJ", "DET") or phrase[-1].is_punct):
        phrase.pop()
    if not phrase:
        return None
    cut = next(
        (k for k, t in enumerate(phrase) if t.lower_ in ROLE_PREPS and k > 0 and k + 1 < len(phrase)),
        None,
    )
    if cut is None:
        role, affiliation = split_role(phrase)
    else:
        role, affiliation = _strip_det(phrase[:cut]), _strip_det(phrase[cut + 1 :])
        affiliation = rp.named_tail(affiliation)
        if not rp.names_something(affiliation):
            role, affiliation = (phrase if len(affiliation) <= rp.SHORT_TAIL else role), []
    role = _strip_det([t for t in role if t.tag_ != "PRP$"])
    if not role or not _nominal(role) or role[0].pos_ == "PROPN" and role[0].ent_type_:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in role):
        return None
    return role, affiliation
