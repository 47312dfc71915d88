"""The cast of one article: names found, merged into actors, linked, and every mention of them.

`extract_actors(doc)` returns a `Cast`: the actors plus every mention of them with offsets,
which the quote, timeline and question extractors use to resolve names to actor ids.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ...model import Actor
from ...names import name_key, slugify
from ..model import Cast, Mention, Name, Unresolved
from ..sentences import doc_text
from .finding import find_names
from .gender import gender_of
from .heads import head_kind
from .identity import (
    Group,
    groups_of,
    id_of,
    link,
    merge,
    settle_kinds,
    speaks,
    unique_ids,
)
from .kinds import employers, people_first, settle_kind
from .mentions import (
    description_mentions,
    repeated_mentions,
    title_mentions,
    with_descriptions,
    with_spellings,
)
from .roles import role_of
from .titles import HONORIFICS, OFFICE_TITLES, PERSONAL_POSTS, bare

if TYPE_CHECKING:
    from spacy.language import Language

    from ...registry import Registry


def extract_actors(doc: Doc, nlp: Language | None = None, registry: Registry | None = None) -> Cast:
    """Actors of one article, most important first.

    `nlp` (the pipeline that made `doc`) lets ALL-CAPS headlines be re-read with restored case;
    `registry` links names to curated identities so ids agree across briefings.
    """
    groups = groups_of(find_names(doc, nlp))
    settle_kinds(groups)
    people_first(groups)
    owner, ambiguous = merge(groups)
    by_key = {g.key: g for g in groups}
    members: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.key in ambiguous:
            continue
        members[owner.get(g.key, g.key)].append(g)
    built = [_actor(by_key[key], parts) for key, parts in members.items() if not _no_actor(by_key[key])]
    hired = employers([a for a, _ in built])
    built = [
        (replace(a, kind="organization") if a.kind == "place" and name_key(a.name) in hired else a, ns)
        for a, ns in built
    ]
    built = people_owned(built)
    if registry is not None:
        built = link(registry, built)
    built = unique_ids(built)
    named = [Mention(n.start, n.end, n.text, a.id) for a, ns in built for n in ns]
    repeated = repeated_mentions(doc_text(doc), [a for a, _ in built], named)
    built = [(with_spellings(a, repeated), ns) for a, ns in built]
    named += repeated
    titled = title_mentions(doc, [a for a, _ in built], named)
    described = description_mentions(
        doc, [a for a, _ in built], sorted([*named, *titled], key=lambda m: m.start)
    )
    built = [(with_descriptions(a, described), ns) for a, ns in built]
    mentions = tuple(sorted([*named, *titled, *described], key=lambda m: m.start))
    owners = {n: a.id for a, ns in reversed(built) for n in ns}  # the first actor holding a name
    unresolved = tuple(
        Unresolved(n.start, n.end, n.text, tuple(id_of(owners, by_key[c]) for c in ambiguous[g]))
        for g in ambiguous
        for n in by_key[g].names
    )
    actors = [a for a, _ in built]
    actors.sort(key=salience)
    genders = tuple(
        (a.id, sex) for a, ns in built if a.kind == "person" and (sex := gender_of(ns)) is not None
    )
    return Cast(tuple(actors), mentions, unresolved, genders)


def people_owned(built: list[tuple[Actor, list[Name]]]) -> list[tuple[Actor, list[Name]]]:
    """ "Joe Biden, Trump's leading rival", "Andrew, the Queen's third child": a person is no
    affiliation; the role says whose it is ("third child of Queen Elizabeth II")."""
    people = {name_key(t) for a, _ in built if a.kind == "person" for t in (a.name, *a.aliases)}

    def a_person(text: str) -> bool:  # "Queen Elizabeth II" names the person "Elizabeth II"
        key = name_key(text)
        return key in people or any(" " in k and key.endswith(" " + k) for k in people)

    return [
        (replace(a, role=f"{a.role} of {a.affiliation}", affiliation=None), ns)
        if a.role and a.affiliation and a_person(a.affiliation) and not _office(a.role)
        else (a, ns)
        for a, ns in built
    ]


def _office(role: str) -> bool:
    """ "treasurer", "executive vice president": a post held in an organisation, whose name the
    model may have read as a person's ("Milton Roy"); kin and aides are a person's."""
    return bare(role.split(" of ")[0].split()[-1]) in OFFICE_TITLES - PERSONAL_POSTS


def _no_actor(group: Group) -> bool:
    """A law, plan, disease or ship: named, but no actor unless the text has it speak."""
    kind = head_kind(group.best.text)
    return (kind == "never" or kind == "thing" and group.kind != "person") and not speaks(group.names)


def _actor(main: Group, parts: list[Group]) -> tuple[Actor, list[Name]]:
    """One actor from the group that owns the others (`main`, the fullest name) and its parts."""
    all_names = sorted((n for p in parts for n in p.names), key=lambda n: n.start)
    best = main.best
    kind = settle_kind(main, parts, all_names)
    spellings = {n.text: n.start for n in all_names}
    if kind == "person":
        for n, text in addressed(all_names):
            spellings.setdefault(text, n.start)
    aliases = sorted(  # from the dict, not a set: ties keep text order whatever the hash seed
        (t for t in spellings if name_key(t) != name_key(best.text)),
        key=lambda t: spellings[t],
    )
    info: dict[str, Any] = {"role": None, "affiliation": None}
    if kind == "person":
        info = role_of(all_names)
    actor = Actor(
        id=slugify(best.text),
        name=best.text,
        kind=kind,
        role=info["role"],
        affiliation=info["affiliation"],
        aliases=tuple(aliases),
        mentions=len(all_names),
        span=(all_names[0].start, all_names[0].end),
    )
    return actor, all_names


def addressed(names: list[Name]) -> list[tuple[Name, str]]:
    """ "Mrs Thatcher", "Sir Keith Joseph": the name as the article writes it with a form of
    address, one of the spellings an editor looks for."""
    out = []
    for n in names:
        span = n.span
        if span is None or span.start == 0:
            continue
        doc = span.doc
        k = span.start
        while k > 0 and span.start - k < 3:
            if bare(doc[k - 1].text) in HONORIFICS:
                k -= 1
            elif doc[k - 1].text == "." and k > 1 and bare(doc[k - 2].text) in HONORIFICS:
                k -= 1  # "Mr ." written apart; a full stop that ends a sentence is no part of it
            else:
                break
        if k < span.start and doc[k].text[:1].isupper() and bare(doc[k].text) in HONORIFICS:
            out.append((n, doc[k : span.end].text))
    return out


def salience(actor: Actor) -> tuple[int, int]:
    """More mentions first; among equals, the one the article names first."""
    return (-actor.mentions, actor.span[0] if actor.span else 0)
