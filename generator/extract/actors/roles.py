"""Roles: a person's role and affiliation, from the words the article puts around the name.

Before it ("Chinese Foreign Ministry spokesperson Wang Wenbin") or set off after it by a comma
("Sanjay Mehrotra, president and CEO of Micron Technology").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from ..model import Name
from ..syntax import DETERMINERS

ROLE_PREPS = {"of", "at", "for", "with", "in"}
"""Prepositions between a role and its affiliation ("a research fellow at the Academy")."""


def role_of(mentions: list[Name]) -> dict[str, Any]:
    """Role and affiliation from the first mention the article describes."""
    for n in mentions:
        if n.span is None:
            continue
        found = premodifier_role(n.span) or appositive_role(n.span)
        if found:
            return found
    return {"role": None, "affiliation": None}


def _text(tokens: Sequence[Token]) -> str | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def _nominal(tokens: Sequence[Token]) -> bool:
    """A role is a noun phrase: it ends in a noun that is not itself part of a name."""
    last = tokens[-1] if tokens else None
    return (
        last is not None
        and last.pos_ in ("NOUN", "PROPN")
        and last.ent_type_ not in ("PERSON", "GPE", "DATE")
    )


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
    doc = span.doc
    i = span.start - 1
    left: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or tok.is_sent_end:
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
            and doc[i - 1].pos_ == "NOUN"
            and left[0].pos_ == "NOUN"
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
    poss = [j for j, t in enumerate(left) if t.tag_ == "POS" or t.text in ("’s", "'s")]
    if poss:
        owner, left = left[: poss[-1]], left[poss[-1] + 1 :]
    elif left[0].tag_ == "PRP$":
        owner, left = left[:1], left[1:]
    if not left or not _nominal(left) or not any(t.pos_ == "NOUN" or t.is_title for t in left):
        return None
    role, affiliation = split_role(left)
    if owner and owner[-1].tag_ != "PRP$":
        role, affiliation = _strip_det(left), owner
    if not role or not _nominal(role):
        return None
    info: dict[str, Any] = {"role": _text(role), "affiliation": _text(affiliation)}
    if owner and owner[-1].tag_ == "PRP$" and role[-1].lemma_ == "counterpart":
        info = counterpart(span, info)
    return info


def counterpart(span: Span, info: dict[str, Any]) -> dict[str, Any]:
    """ "X's envoy A ... with his US counterpart B": B holds the same post on the other side."""
    sent = span.sent
    for other in reversed([e for e in sent.ents if e.label_ == "PERSON" and e.end <= span.start]):
        theirs = premodifier_role(other) or appositive_role(other)
        if theirs and theirs.get("role"):
            return {
                "role": f"{theirs['role']} (counterpart of {other.text})",
                "affiliation": info["affiliation"],
            }
    return info


def appositive_role(span: Span) -> dict[str, Any] | None:
    """ "Sanjay Mehrotra, president and CEO of Micron Technology", "Lü Xiang, a research fellow
    at the Chinese Academy of Social Sciences": a noun phrase set off by a comma after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    first = doc[span.end + 1]
    if first.ent_type_ in ("PERSON", "GPE", "DATE", "CARDINAL") or first.like_num:
        return None
    if not (first.lower_ in ("a", "an", "the") or first.pos_ in ("NOUN", "ADJ") or first.is_title):
        return None
    phrase: list[Token] = []
    j = span.end + 1
    while j < len(doc) and len(phrase) < 25:
        tok = doc[j]
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.tag_ != "VBN"
            or tok.lower_ in ("who", "which", "that", "said")
        ):
            break
        if tok.is_sent_start and j > span.end + 1:
            break
        if tok.text in (";", "(", ")", "“", '"', ".", ":") or tok.ent_type_ in ("DATE", "TIME"):
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
        affiliation = _named_tail(affiliation)
    if not role or not _nominal(role) or role[0].pos_ == "PROPN" and role[0].ent_type_:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in role):
        return None
    return {"role": _text(role), "affiliation": _text(affiliation)}


def _named_tail(tokens: list[Token]) -> list[Token]:
    """ "US chip giant Micron Technology" -> "Micron Technology": the organisation named at the end
    of a descriptive phrase."""
    if not tokens or tokens[-1].ent_type_ != "ORG":
        return tokens
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1].ent_type_ == "ORG" and tokens[k].ent_iob_ != "B":
        k -= 1
    if k > 0 and all(t.lower_ != "of" for t in tokens[:k]) and any(t.is_lower for t in tokens[:k]):
        return tokens[k:]
    return tokens
