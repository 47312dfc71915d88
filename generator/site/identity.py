"""One identity per actor across briefings: which actor ids of different briefings are one entity.

Extraction settles identity within one article; across articles the same entity arrives under
several ids ("Trump" and "Donald Trump", "U.S." and "United States", "Fox" and "Fox News"). At
site build the ids are gathered into clusters, in this order, each rule seeing the clusters the
previous ones made:

1. the registry (`briefings/actors.yaml`): an id or name it lists is that entry, and two entries
   never merge;
2. the same spelling: the same `name_key` of a name, or of an alias that is a proper name and
   not just some of the actor's own words ("ISIS" of "Islamic State" counts, "Trump" of "Ivanka
   Trump" and "vice president" of "Joe Biden" do not);
3. a group and its members ("American" and "Americans");
4. a person's name without middle initials or "Jr." ("Donald J. Trump" is "Donald Trump"), when
   only one such variant exists (George W. and George H. W. Bush stay apart);
5. an acronym ("DNC", "N.C.") of exactly one full name of a compatible kind;
6. a name that "X of Y" extends ("United States" of "United States of America");
7. an organization without its designator ("Fox" of "Fox News", "Podesta Group" of "... Inc.");
8. a person's surname, last names or first name matching exactly one full name of a person
   ("Trump", "Wasserman Schultz"): two Clintons keep "Clinton" apart from both.

A rule merges only when exactly one cluster matches and the kinds fit (kinds are what
extraction says of a name, in any briefing); otherwise it records a `Refusal`, which
`briefings actors --suggest` turns into a registry entry for an editor to confirm. A cluster
keeps the id of its fullest, most used name (or the registry's). Journalists named in bylines
(`source.author`) get no actor page. All of it is dictionary look-ups: linear in the number of
actors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..model import Actor, Briefing
from ..names import initials_free, name_key
from ..registry import Entry as RegistryEntry
from .clusters import Merge, Node, Refusal, Resolver, nodes_of


@dataclass
class Identity:
    canonical: dict[str, str]
    """Actor id in a briefing -> id of its actor page."""
    entries: dict[str, RegistryEntry]
    """Canonical id -> name, kind, other names (and the registry's description) of a merged or
    registry-listed actor, for the site index."""
    journalists: set[str]
    """Actor ids of people named in a byline: no actor page."""
    merges: list[Merge]
    refusals: list[Refusal]
    nodes: dict[str, Node]

    def of(self, actor_id: str) -> str:
        return self.canonical.get(actor_id, actor_id)


def bylines(briefings: Iterable[Briefing]) -> set[str]:
    """Name keys of the people in bylines ("By Ana Ruiz and Tom Berg"): two words or more."""
    out: set[str] = set()
    for b in briefings:
        author = (b.source.author or "").replace("&", ",").replace(";", ",")
        for part in author.replace(" and ", ",").split(","):
            part = part.strip()
            part = part[3:] if part.casefold().startswith("by ") else part
            if len(part.split()) >= 2:
                out.add(name_key(part))
    return out


def resolve(briefings: list[Briefing], registry: Mapping[str, RegistryEntry] | None = None) -> Identity:
    """The identity of every actor id in these briefings (see the module's docstring)."""
    nodes = nodes_of(briefings)
    registry = registry or {}
    for listed in registry.values():  # listed, maybe in no briefing now: its names still match
        if listed.id not in nodes:
            nodes[listed.id] = Node(
                listed.id,
                names=Counter({listed.name: 1}),
                kinds=Counter({listed.kind: 1} if listed.kind else {}),
                keys={name_key(n) for n in listed.names},
            )
    r = Resolver(nodes, registry)
    r.run()
    canonical: dict[str, str] = {}
    entries: dict[str, RegistryEntry] = {}
    for root, members in r.c.members.items():
        entry = registry.get(r.c.entry.get(root, ""))
        best = min(members, key=lambda m: _rank(nodes[m], r.short))
        cid = entry.id if entry else best
        for m in members:
            canonical[m] = cid
        if entry is None and len(members) == 1 and cid == members[0]:
            continue
        name = entry.name if entry else nodes[best].name
        seen = nodes[best].kinds or Counter(k for m in members for k in nodes[m].kinds.elements())
        kind = (entry.kind if entry else None) or (seen.most_common(1)[0][0] if seen else None)
        others = {n for m in members for n in nodes[m].names} - {name}
        entries[cid] = RegistryEntry(
            id=cid,
            name=name,
            kind=kind,
            aliases=tuple(sorted(others | set(entry.aliases if entry else ()))),
            description=entry.description if entry else None,
            wikidata=entry.wikidata if entry else None,
        )
    for entry in registry.values():  # listed, but under names the briefings do not use
        entries.setdefault(entry.id, entry)
    press = bylines(briefings)
    journalists = {
        canonical[n.id]
        for n in nodes.values()
        if (n.keys & press or initials_free(n.name) in press) and not r.c.entry.get(r.c.find(n.id))
    }
    return Identity(canonical, entries, journalists, r.merges, r.refusals, nodes)


def _rank(node: Node, short: set[str]) -> tuple[bool, bool, int, int, str]:
    """The id a cluster keeps (smallest first): not a short form of another of its names, a
    name of several words, then the most used, then the shortest (the plainest spelling)."""
    several = len(name_key(node.name).split()) >= 2
    return (node.name in short, not several, -node.briefings, len(node.id), node.id)


def apply(b: Briefing, identity: Identity) -> Briefing:
    """The briefing with canonical actor ids (two of its actors that are one become one, with
    the canonical kind), and without journalists from bylines. Items whose references do not
    change are kept as they are."""
    moved = {a.id: c for a in b.actors if (c := identity.canonical.get(a.id, a.id)) != a.id}
    hidden = {a.id for a in b.actors if moved.get(a.id, a.id) in identity.journalists}
    if not moved and not hidden:
        return b
    actors: dict[str, Actor] = {}
    for a in b.actors:
        if a.id in hidden:
            continue
        cid = moved.get(a.id, a.id)
        if cid in actors:
            actors[cid] = _fold(actors[cid], a)
        elif cid != a.id:
            entry = identity.entries.get(cid)
            actors[cid] = replace(a, id=cid, kind=entry.kind if entry and entry.kind else a.kind)
        else:
            actors[cid] = a
    touched = moved.keys() | hidden

    def ref(aid: str | None) -> str | None:
        return None if aid is None or aid in hidden else moved.get(aid, aid)

    def refs(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for r in map(ref, values) if r))

    return replace(
        b,
        actors=tuple(actors.values()),
        quotes=tuple(replace(q, speaker=ref(q.speaker)) if q.speaker in touched else q for q in b.quotes),
        timeline=tuple(
            replace(t, actors=refs(t.actors)) if touched.intersection(t.actors) else t for t in b.timeline
        ),
        questions=tuple(
            replace(q, actors=refs(q.actors)) if touched.intersection(q.actors) else q for q in b.questions
        ),
    )


def _fold(first: Actor, other: Actor) -> Actor:
    return replace(
        first,
        aliases=tuple(
            n for n in dict.fromkeys((*first.aliases, other.name, *other.aliases)) if n != first.name
        ),
        mentions=first.mentions + other.mentions,
        role=first.role or other.role,
        affiliation=first.affiliation or other.affiliation,
    )
