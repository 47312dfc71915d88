"""Role patterns read from the parse: where news puts what a person does around the name.

Each function takes the tokens of one mention and returns the role's tokens and the
affiliation's (either may be empty), or None when its pattern is absent:

- `apposed`: the name set after a description ("The captain, Iriyanto", "his wife, Joyce").
- `appositive`: a description set after the name ("Sharon Holland, the head of the LCWR").
- `copular`: "The co-pilot was Rémi Plesel", "X is the chief executive of Y".
- `relative`: "X, who heads Y" (head of Y), "X, who was education secretary".
- `as_role`: "As the founder of X, George Wein ...", "with Kenneth Baker as education secretary".
- `named`: "a Tulane University student named Quint Davis"; "identified the surfer as X".
- `trailing_affiliation`: "Patrol Chief James Hall of the NYPD".
- `owning_organisation`: "BBC's Emily Maitlis".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..spans import entity_of
from .titles import person_noun

ROLE_PREPS = {"of", "at", "for", "with", "in"}
"""Prepositions between a role and its affiliation ("a research fellow at the Academy")."""
HEAD_VERBS = {
    "head": "head", "lead": "leader", "run": "head", "chair": "chair", "direct": "director",
    "found": "founder", "co-found": "co-founder", "cofound": "co-founder", "manage": "manager",
    "own": "owner", "coach": "coach", "edit": "editor", "represent": "representative",
    "command": "commander", "oversee": "head", "captain": "captain", "host": "host",
}  # fmt: skip
"""Verbs of a relative clause that name a post ("who heads the agency" -> head)."""
LIFE_STAGES = {
    "child",
    "kid",
    "teenager",
    "teen",
    "youngster",
    "baby",
    "adult",
    "boy",
    "girl",
    "man",
    "woman",
}
"""What "as a child" says is when, not what the person does."""
SHORT_TAIL = 4
"""A prepositional tail with no name in it stays in the role when it is this short ("private
secretary for home affairs"); longer ones are dropped."""

Pieces = tuple[list[Token], list[Token]]
"""Role tokens and affiliation tokens."""


@dataclass(frozen=True)
class Said:
    """A role the text implies with a verb rather than writes ("who heads Y" -> head of Y)."""

    role: str
    affiliation: list[Token]


def names_something(tokens: list[Token]) -> bool:
    """Whether tokens hold a name the model recognised (an organisation, place, group or person);
    a capitalised word alone is part of a title ("Secretary of State")."""
    return any(t.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "PERSON") for t in tokens)


def _left(head: Token) -> tuple[list[Token], list[Token]]:
    """Modifiers before a noun, and its possessor when the possessor is named ("the Jazz &
    Heritage Foundation's executive director" -> executive director / the foundation)."""
    mods: list[Token] = []
    owner: list[Token] = []
    for c in head.lefts:
        sub = list(c.subtree)
        if c.dep_ == "poss" or (c.dep_ in ("nmod", "compound") and sub[-1].tag_ == "POS"):
            if c.tag_ != "PRP$":
                owner = [t for t in sub if t.tag_ != "POS" and t.dep_ != "case" and t.lower_ != "the"]
            continue
        if c.dep_ in ("det", "predet", "punct", "case", "advmod", "nummod"):
            continue
        mods.extend(t for t in c.subtree if t.tag_ != "PRP$" and t.dep_ not in ("det", "poss", "case"))
    return sorted(mods, key=lambda t: t.i), owner if names_something(owner) else []


def noun_phrase(head: Token) -> Pieces:
    """A role noun phrase as role and affiliation: modifiers, the head, conjoined heads ("president
    and CEO"), and an "of/at/for" phrase that names an organisation as the affiliation."""
    mods, owner = _left(head)
    k = 0
    while k < len(mods) and mods[k].ent_type_ in ("ORG", "GPE", "NORP", "FAC") and mods[k].ent_iob_ != "O":
        k += 1  # "a Tulane University student": the organisation first is the affiliation
    if k and not owner:
        owner, mods = mods[:k], mods[k:]
    role = [*mods, head]
    last = head
    for c in head.children:
        if (
            c.dep_ == "conj"
            and c.pos_ in ("NOUN", "PROPN")
            and not c.ent_type_
            and c.i > head.i
            and not any(d.lower_ in ("a", "an") for d in c.lefts)
        ):
            cm, _ = _left(c)
            cc = [t for t in head.children if t.dep_ == "cc" and head.i < t.i < c.i]
            role += [*cc[:1], *cm, c]
            last = c
    affiliation = owner
    for holder in (last, head):
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or obj is None:
            continue
        tail = [t for t in obj.subtree if t.dep_ not in ("relcl", "acl") and t.lower_ != "the"]
        stop = next((t.i for t in tail if t.text in (",", "(", ";", "—", "–") and t.i > obj.i), None)
        tail = [t for t in tail if stop is None or t.i < stop]
        if names_something(tail):
            affiliation = affiliation or named_tail(tail)
        elif len(tail) <= SHORT_TAIL:
            role = [*role, prep, *tail]
        break
    return _filled(sorted(set(role), key=lambda t: t.i)), affiliation


def _filled(tokens: list[Token]) -> list[Token]:
    """Role tokens with the marks that join them put back ("producer/director", "co-pilot")."""
    out: list[Token] = []
    for t in tokens:
        if out and t.i > out[-1].i + 1:
            gap = t.doc[out[-1].i + 1 : t.i]
            if all(g.text in ("/", "-", "&") for g in gap):
                out.extend(gap)
        out.append(t)
    return out


def climb_conj(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def apposed(span: Span) -> Pieces | None:
    """ "The captain, Iriyanto," / "his accomplished offspring, Kent, Stephanie and Rachel Jordan":
    the name set in apposition after a noun for a person."""
    root = climb_conj(span.root)
    head = root.head
    if root.dep_ != "appos" or head.i >= root.i or head.pos_ != "NOUN" or not person_noun(head):
        return None
    return noun_phrase(head)


def appositive(span: Span) -> Pieces | Said | None:
    """ "Sharon Holland, the head of the LCWR," / "Tim Flesher, another of her private secretaries":
    a noun phrase the parse sets in apposition after the name."""
    root = span.root
    clauses = [r.i for r in root.children if r.dep_ == "relcl" and r.i >= span.end]
    for c in root.children:
        if c.dep_ != "appos" or c.i < span.end or c.ent_type_:
            continue
        if any(r < c.i for r in clauses):
            return None  # "X, who heads Y, a group that ...": the description is Y's
        if c.lower_ in ("one", "another", "some"):
            of = next((p for p in c.children if p.lower_ == "of"), None)
            obj = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
            if obj is None or obj.pos_ != "NOUN":
                return None
            role, affiliation = noun_phrase(obj)
            words = [t.text if t.i != obj.i else obj.lemma_ for t in role if t.tag_ != "PRP$"]
            return Said(" ".join(words), affiliation)
        if c.pos_ == "NOUN":
            return noun_phrase(c)
    return None


def copular(span: Span) -> Pieces | None:
    """ "The co-pilot was Rémi Plesel" / "Plesel is the co-pilot": a name and a role noun on the two
    sides of "be"."""
    root = span.root
    verb = root.head
    if (
        verb.lemma_ != "be"
        or root.dep_ not in ("nsubj", "attr")
        or any(c.dep_ == "neg" for c in verb.children)
    ):
        return None
    other = "attr" if root.dep_ == "nsubj" else "nsubj"
    sides = [c for c in verb.children if c.dep_ == other and c.i != root.i]
    noun = sides[-1] if sides else None
    if noun is None or noun.pos_ != "NOUN" or not person_noun(noun):
        return None
    if other == "nsubj" and span.doc[sides[0].left_edge.i].lower_ != "the":
        return None
    role, affiliation = noun_phrase(noun)
    return _filled(sorted({*role, *(c for c in sides if c.lower_ != "the")}, key=lambda t: t.i)), affiliation


def relative(span: Span) -> Pieces | Said | None:
    """ "X, who heads Y" -> head / Y; "X, who was education secretary until the summer" ->
    education secretary."""
    root = span.root
    clause = next((c for c in root.children if c.dep_ == "relcl" and c.i > root.i), None)
    if clause is None or not any(c.lower_ in ("who", "that") and c.dep_ == "nsubj" for c in clause.children):
        return None
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    if clause.lemma_ == "be":
        attr = next((c for c in clause.children if c.dep_ == "attr"), None)
        if attr is not None and attr.pos_ == "NOUN" and person_noun(attr):
            return noun_phrase(attr)
        return None
    post = HEAD_VERBS.get(clause.lemma_.lower())
    obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
    if post is None or obj is None:
        return None
    return Said(post, _organisation(obj))


def _organisation(obj: Token) -> list[Token]:
    """The named organisation an object stands for: the entity it is part of, or its named owner
    ("heads the agency" -> nothing; "heads Clinton's campaign" -> Clinton)."""
    if obj.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
        ent = entity_of(obj)
        return [t for t in ent if t.lower_ != "the"] if ent is not None else [obj]
    _, owner = _left(obj)
    return owner


def as_role(span: Span) -> Pieces | None:
    """ "As the founder of the festival, George Wein has ..." / "with Kenneth Baker, now Lord Baker,
    as education secretary": an "as" phrase on the name or on the clause it is the subject of."""
    root = span.root
    holders = [root]
    if root.dep_ in ("nsubj", "nsubjpass"):
        holders.append(root.head)
    for h in holders:
        for c in h.children:
            if c.lower_ != "as" or c.dep_ != "prep":
                continue
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and person_noun(obj) and obj.lemma_ not in LIFE_STAGES:
                return noun_phrase(obj)
    return None


def named(span: Span) -> Pieces | None:
    """ "a Tulane University student named Quint Davis" / "identified the surfer as Kevin Swanson":
    the noun the name is given to."""
    root = span.root
    verb = root.head
    if root.dep_ in ("oprd", "dobj", "attr") and verb.lemma_ in ("name", "call") and verb.dep_ == "acl":
        head = verb.head
        if head.pos_ == "NOUN" and person_noun(head):
            return noun_phrase(head)
    if root.dep_ == "pobj" and verb.lower_ == "as":
        outer = verb.head
        if outer.lemma_ in ("identify", "name", "describe"):
            obj = next((c for c in outer.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and person_noun(obj):
                return noun_phrase(obj)
    return None


def trailing_affiliation(span: Span) -> list[Token]:
    """ "Patrol Chief James Hall of the NYPD": an organisation named right after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("of", "at", "from"):
        return []
    prep = doc[span.end]
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ != "ORG":
        return []
    sub = [t for t in obj.subtree if t.lower_ != "the" and t.dep_ not in ("relcl", "acl", "punct")]
    ent = entity_of(obj)
    if ent is not None and ent.start > span.end and ent.end > sub[-1].i + 1:
        return _unowned([t for t in ent if t.lower_ != "the"])  # "the Pittsburgh Post-Gazette", whole
    return sub


def named_tail(tokens: list[Token]) -> list[Token]:
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


def owning_organisation(span: Span) -> list[Token]:
    """ "BBC's Emily Maitlis": an organisation whose possessive is set right before the name."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or doc[k].tag_ != "POS" or doc[k - 1].ent_type_ != "ORG":
        return []
    ent = entity_of(doc[k - 1])
    return _unowned([t for t in ent if t.lower_ != "the"]) if ent is not None else []


def _unowned(tokens: list[Token]) -> list[Token]:
    """An organisation's name without the possessive the model took into it ("Fox News'")."""
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'", "’", "'s", "’s")):
        tokens = tokens[:-1]
    return tokens
