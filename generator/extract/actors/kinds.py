"""Kinds: what each actor is, from the model's votes corrected by what the text shows.

The full name is where the model is surest; a head word overrules it ("JFK Airport" is a place,
"Moody's Analytics Inc." an organisation); a noun only a person can be, set beside the name, makes
a person ("The captain, Iriyanto"); a lone "person" the text never treats as one is a team or a
place; a name spelled like a brand ("AirAsia", "MetroTV") or one that employs people ("AirAsia
chief executive Tony Fernandes") is an organisation. What the text shows of a person is read
before names are merged too (`people_first`), so that "Braun" joins "Scooter Braun" even when the
model calls both an organisation at every mention.
"""

from __future__ import annotations

import re
from collections import Counter

from ...model import Actor
from ...names import name_key
from ..model import Name
from . import role_patterns as rp
from .gender import gender_of
from .heads import NEVER_PEOPLE, SHARED_HEADS, head_kind
from .identity import Group, located, lone_name, personal
from .mentions import role_heads
from .tables import TEAM
from .titles import AGENT_NOUNS, bare, is_title, only_person_noun

BRAND = re.compile(r"^(?!Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)[A-Z][a-z]+[A-Z][A-Za-z]*$")
"""A single word with a capital inside it ("AirAsia", "MetroTV"), not a surname ("McCarthy")."""
EMPLOYING_ROLES = {
    "ceo", "cfo", "coo", "cto", "executive", "founder", "co-founder", "cofounder", "chairman",
    "chairwoman", "chairperson", "employee", "economist", "analyst", "spokesman", "spokeswoman",
    "spokesperson", "owner",
}  # fmt: skip
"""Roles held in an organisation: their affiliation is one, even when the model said place."""


def settle_kind(main: Group, parts: list[Group], names: list[Name]) -> str:
    """The kind of the actor whose fullest name is `main`'s and whose names are `names`."""
    votes: Counter[str] = Counter()
    for p in parts:
        votes.update(p.kinds)
    top = votes.most_common()
    kind = main.kind if len(top) > 1 and top[0][1] == top[1][1] else top[0][0]
    if len(main.key.split()) > 1:
        kind = main.kind  # the full name is where the model is surest; short forms are often misread
    if any(n.label == TEAM for n in names):
        return "organization"
    text = main.best.text
    heads = head_kind(text)
    last = text.replace(".", " ").lower().split()[-1]
    if (
        heads in ("organization", "place")
        and (kind != "person" or last in NEVER_PEOPLE)
        and not (kind == "place" and last in SHARED_HEADS)
    ):
        return heads
    if described_as_person(names):
        return "person"
    if kind != "person" and votes["person"] and " " not in main.key and personal(names):
        return "person"  # "Trump" read as an organisation where the text gives him "his" call
    if kind != "person" and aged(names):
        return "person"
    if (
        kind == "person"
        and len(parts) == 1
        and " " not in main.key
        and lone_name(main.names)
        and not gender_of(names)
    ):
        return "place" if located(main.names) else "organization"
    if kind != "person" and BRAND.match(text):
        return "organization"
    return kind


def employers(actors: list[Actor]) -> set[str]:
    """Keys of the names people's roles are held in ("AirAsia" in "AirAsia chief executive")."""
    return {
        name_key(a.affiliation)
        for a in actors
        if a.kind == "person" and a.role and a.affiliation and role_heads(a.role) & EMPLOYING_ROLES
    }


AGE = re.compile(r"\d{1,3}")
"""An age as news prints it after a name: "Braun, 38 –", "Swift, 29, however"."""
AFTER_AGE = frozenset([",", "–", "—", "-", ".", ")", ";", ":"])


def people_first(groups: list[Group]) -> None:
    """Names the text shows to be people, whatever the model called them, voted people before
    merging: an age after the name, a noun only a person can be beside it. Not where a head word
    makes an organisation or a place. ("His" in its clause is weaker: "Big Machine Records issued
    a statement ... for Swift to perform her songs"; so is a list of people it stands in: "Goldman
    Sachs, Jamie Dimon and Lloyd Blankfein".)"""
    for g in groups:
        if g.kind == "person" or head_kind(g.best.text) in ("organization", "place"):
            continue
        if aged(g.names) or described_as_person(g.names):
            g.kinds["person"] = max(g.kinds.values()) + 1


def aged(names: list[Name]) -> bool:
    """Whether a mention is followed by an age set off by commas or a dash ("Braun, 38 – who
    reps", "Swift, 29, however"): a number of years only a person is given. Not "Texas, 38
    percent" (a noun follows), a team's record ("the Eagles, 10-3,"), a place's count (the model's
    place: "Texas, 38, and Ohio, 20"), nor a year or a day ("Oct. 3, 2019")."""
    for n in names:
        span = n.span
        if span is None or span.end + 3 >= len(span.doc) or n.kind == "place":
            continue
        doc = span.doc
        comma, number, after = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        record = after.text in ("-", "–") and doc[span.end + 3].like_num
        if (
            comma.text == ","
            and AGE.fullmatch(number.text)
            and 0 < int(number.text) <= 110
            and after.text in AFTER_AGE
            and not record
            and span.root.ent_type_ != "DATE"
        ):
            return True
    return False


def described_as_person(mentions: list[Name]) -> bool:
    """Whether the text describes a name the model took for a place or organisation as a person:
    set beside a noun only a person can be ("The captain, Iriyanto", "Hadi Tjahnanto, a senior
    air-force officer") or after an office, a form of address or a noun only a person can be
    ("Mayor X", "Mrs X", "rapper X")."""
    for n in mentions:
        span = n.span
        if span is None or len(span) > 4:
            continue
        root = rp.climb_conj(span.root)
        heads = [c for c in root.children if c.dep_ == "appos" and c.i > span.end]
        if root.dep_ == "appos" and root.head.i < span.start:
            heads.append(root.head)
        if root.dep_ == "attr" and root.head.lemma_ == "be":
            heads += [c for c in root.head.children if c.dep_ == "nsubj"][-1:]
        if any(h.pos_ == "NOUN" and only_person_noun(h) for h in heads):
            return True
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and is_title(before) and bare(before.text) not in AGENT_NOUNS:
            return True
        modifier = span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i >= span.end
        if (
            before is not None
            and before.is_lower
            and before.pos_ == "NOUN"
            and only_person_noun(before)
            and not modifier
        ):
            return True  # "executive chair Marcelo Claure", "rapper Drake", "quarterback Mason Rudolph"
    return False
