"""The cast of one article: names found, merged into actors, linked, and every mention of them.

`extract_actors(doc)` returns a `Cast`: the actors plus every mention of them with offsets,
which the quote, timeline and question extractors use to resolve names to actor ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ...model import Actor
from ...names import name_key, slugify
from ..model import Cast, Mention, Name, Unresolved
from .finding import find_names
from .identity import Group, groups_of, id_of, link, located, lone_name, merge, settle_kinds, unique_ids
from .mentions import description_mentions, title_mentions, with_descriptions
from .roles import role_of

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
    owner, ambiguous = merge(groups)
    by_key = {g.key: g for g in groups}
    members: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.key in ambiguous:
            continue
        members[owner.get(g.key, g.key)].append(g)
    built = [_actor(by_key[key], parts) for key, parts in members.items()]
    if registry is not None:
        built = link(registry, built)
    built = unique_ids(built)
    named = [Mention(n.start, n.end, n.text, a.id) for a, ns in built for n in ns]
    titled = title_mentions(doc, [a for a, _ in built], named)
    described = description_mentions(
        doc, [a for a, _ in built], sorted([*named, *titled], key=lambda m: m.start)
    )
    built = [(with_descriptions(a, described), ns) for a, ns in built]
    mentions = tuple(sorted([*named, *titled, *described], key=lambda m: m.start))
    unresolved = tuple(
        Unresolved(n.start, n.end, n.text, tuple(id_of(built, by_key[c]) for c in ambiguous[g]))
        for g in ambiguous
        for n in by_key[g].names
    )
    actors = [a for a, _ in built]
    actors.sort(key=salience)
    return Cast(tuple(actors), mentions, unresolved)


def _actor(main: Group, parts: list[Group]) -> tuple[Actor, list[Name]]:
    """One actor from the group that owns the others (`main`, the fullest name) and its parts."""
    key = main.key
    all_names = sorted((n for p in parts for n in p.names), key=lambda n: n.start)
    best = main.best
    kinds: Counter[str] = Counter()
    for p in parts:
        kinds.update(p.kinds)
    top = kinds.most_common()
    kind = main.kind if len(top) > 1 and top[0][1] == top[1][1] else top[0][0]
    if len(key.split()) > 1:
        kind = main.kind  # the full name is where the model is surest; short forms are often misread
    if kind == "person" and len(parts) == 1 and " " not in key and lone_name(main.names):
        kind = "place" if located(main.names) else "organization"
    aliases = sorted(
        {n.text for n in all_names if name_key(n.text) != name_key(best.text)},
        key=all_names_index(all_names),
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


def all_names_index(names: list[Name]) -> Callable[[str], int]:
    """Sort key for spellings: where the article first writes each one."""
    order: dict[str, int] = {}
    for n in names:
        order.setdefault(n.text, n.start)
    return lambda text: order.get(text, 0)


def salience(actor: Actor) -> tuple[int, int]:
    """More mentions first; among equals, the one the article names first."""
    return (-actor.mentions, actor.span[0] if actor.span else 0)
