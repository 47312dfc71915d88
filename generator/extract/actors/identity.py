"""Identity: the names of one article merged into one actor each, and linked to the registry.

Names that share a key are one group; a short name joins the one fuller name it fits (a surname,
a first name, an acronym); a name that fits several stays unresolved. What kind each actor is
comes from the model's votes, corrected by what the text does with the name (a lone "person" in
a results list is a team or a place).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ...model import Actor
from ...names import acronym, name_key, slugify
from ..model import Name
from ..syntax import DASHES, SPEAKING_VERBS
from .heads import OFFICES
from .titles import HONORIFICS, bare

if TYPE_CHECKING:
    from ...registry import Entry, Registry


@dataclass
class Group:
    """The names of one article that share a key (case, dots and spacing ignored)."""

    key: str
    names: list[Name]
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def first(self) -> Name:
        return self.names[0]

    @property
    def words(self) -> list[str]:
        return self.best.text.split()

    @property
    def best(self) -> Name:
        """The fullest spelling: most words, then most frequent, then first."""
        counts = Counter(n.text for n in self.names)
        return max(
            self.names, key=lambda n: (not n.text.isupper(), len(n.text.split()), counts[n.text], -n.start)
        )

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]


def groups_of(names: Iterable[Name]) -> list[Group]:
    """Names grouped by key, with the model's votes for each group's kind."""
    groups: dict[str, Group] = {}
    for n in names:
        key = name_key(n.text)
        g = groups.setdefault(key, Group(key, []))
        g.names.append(n)
        g.kinds["person" if holds_office(n) else n.kind] += 1
    return list(groups.values())


def holds_office(name: Name) -> bool:
    """A bare name the parse sets before an office it names ("the Obama administration", "the
    Dole campaign"): the holder, a person, though the model often reads the pair as an
    organisation. Capitalised words only: "the EU presidency" is no one's."""
    span = name.span
    if span is None or span.end >= len(span.doc) or name.text.isupper():
        return False
    office = span.doc[span.end]
    return (
        office.lower_ in OFFICES
        and office.is_lower
        and span.root.dep_ == "compound"
        and span.root.head.i == office.i
        and all(t.is_title and t.is_alpha for t in span)
    )


def settle_kinds(groups: list[Group]) -> None:
    """A multi-word name the model calls a person as often as something else is a person: full
    names are where the model is surest about people."""
    for g in groups:
        if len(g.kinds) > 1:
            top = g.kinds.most_common()
            if top[0][1] == top[1][1] and "person" in (top[0][0], top[1][0]) and len(g.key.split()) > 1:
                g.kinds["person"] += 1


def merge(groups: list[Group]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Alias -> owner key for short names that belong to exactly one fuller name; and the names
    that fit several owners (left unresolved)."""
    owner: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    people = [g for g in groups if g.kind == "person" and len(g.key.split()) > 1]
    orgs = [g for g in groups if g.kind in ("organization", "place") and len(g.key.split()) > 1]
    for g in groups:
        words = g.key.split()
        if len(words) == 1:
            hits = [p.key for p in people if same_word(words[0], p.key.split()[0], p.key.split()[-1])]
            if not hits:  # "Salinas" in "Guadalupe Salinas Hernández": a first of two surnames
                hits = [
                    p.key
                    for p in people
                    if len(p.key.split()) > 2 and same_word(words[0], *p.key.split()[1:-1])
                ]
            if not hits and g.kind == "person":
                hits = [o.key for o in orgs if words[0] == o.key.split()[-1] and not o.first.text.isupper()]
            if not hits and g.kind == "organization":
                hits = [o.key for o in orgs if o.kind == "organization" and o.key.split()[0] == words[0]]
            if not hits and g.first.text.replace(".", "").isupper():
                letters = g.key.replace(" ", "")
                hits = [o.key for o in groups if o is not g and spelled_out_as(letters, o.words)]
            if len(hits) == 1:
                owner[g.key] = hits[0]
            elif len(hits) > 1 and g.kind in ("person", "organization"):
                ambiguous[g.key] = tuple(hits)
        elif g.kind == "person" and len(words) == 2:
            longer = [
                p.key for p in people if p is not g and len(p.key.split()) > 2 and p.key.endswith(g.key)
            ]
            if len(longer) == 1:
                owner[g.key] = longer[0]
    _resolve_chains(owner)
    for key, fits in list(ambiguous.items()):
        final = {owner.get(h, h) for h in fits}
        if len(final) == 1:  # "Trump" fits "Donald Trump" and "billionaire Donald Trump": one person
            owner[key] = final.pop()
            del ambiguous[key]
    return owner, ambiguous


GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def spellings(word: str) -> set[str]:
    """A word and its transliterations ("müller" -> müller, muller, mueller)."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return {word, plain, word.translate(GERMAN)}


def same_word(word: str, *others: str) -> bool:
    """Whether `word` is one of `others`, as written or transliterated ("Mueller" = "Müller")."""
    mine = spellings(word)
    return any(mine & spellings(o) for o in others)


def spelled_out_as(letters: str, words: list[str]) -> bool:
    """ "US" = "United States", "LCWR" = "Leadership Conference of Women Religious": the initials
    of the capitalised words of a name in mixed case; a name with a word in capitals of its own
    ("USS Sampson") spells no acronym."""
    capital = [w for w in words if w[:1].isupper()]
    return (
        len(letters) > 1
        and len(words) > 1
        and not any(w.replace(".", "").isupper() and len(w) > 1 for w in capital)
        and acronym(words) == letters
    )


def _resolve_chains(owner: dict[str, str]) -> None:
    for k, v in list(owner.items()):
        while v in owner and owner[v] != k:
            v = owner[v]
        owner[k] = v


def lone_name(names: list[Name]) -> bool:
    """A one-word "person" the article never gives a first name, title or voice: in prose the
    model is right about such names, but in lists and tables they are mostly teams and places."""
    glued = any(re.search(r"[A-Z]\w*-[A-Z]", n.text) for n in names)
    return not glued and not any(_paired(n) for n in names) and not person_evidence(names)


def _paired(name: Name) -> bool:
    """Half of a glued pair ("Xi" in "Xi-Biden"): the pair says what kind it is."""
    span = name.span
    if span is None:
        return False
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].text in DASHES and not doc[span.start - 1].whitespace_
    after = span.end < len(doc) and doc[span.end].text in DASHES and not doc[span.end - 1].whitespace_
    return bool(before or after)


def located(names: list[Name]) -> bool:
    """A name that the text puts things "in" or "at" is a place."""
    for n in names:
        if n.span is not None and n.span.start > 0:
            doc = n.span.doc
            prev = doc[n.span.start - 1]
            owner = n.span.end < len(doc) and doc[n.span.end].tag_ == "POS"  # "in Obama's cabinet"
            if prev.lower_ in ("in", "at", "near") and not owner:
                return True
    return False


def speaks(names: list[Name]) -> bool:
    """Whether the text has a name speak: the subject of a verb of saying."""
    return any(
        n.span is not None and n.span.root.dep_ == "nsubj" and n.span.root.head.lemma_ in SPEAKING_VERBS
        for n in names
    )


def person_evidence(names: list[Name]) -> bool:
    """Whether the text treats a lone name as a person: it speaks, holds an office ("the Truman
    presidency"), or a title or honorific stands before it ("Mr Such", "captain Lewis")."""
    for n in names:
        if n.span is None:
            continue
        root = n.span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEAKING_VERBS or holds_office(n):
            return True
        doc = n.span.doc
        if n.span.start > 0:
            prev = doc[n.span.start - 1]
            if bare(prev.text) in HONORIFICS:
                return True
            if (
                prev.is_lower
                and prev.pos_ == "NOUN"
                and prev.dep_ == "compound"
                and prev.head.i >= n.span.start
            ):
                return True
        if any(t.lower_ in ("he", "she", "his", "her") for t in doc[n.span.end : n.span.end + 3]):
            return True
    return False


def id_of(owners: dict[Name, str], group: Group) -> str:
    """Id of the actor the group's names went to (a candidate of an unresolved name); `owners`
    maps each name to its actor's id."""
    return next((owners[n] for n in group.names if n in owners), slugify(group.best.text))


def unique_ids(built: list[tuple[Actor, list[Name]]]) -> list[tuple[Actor, list[Name]]]:
    """Two actors with one slug (two spellings that slug alike) get "-2", "-3"."""
    seen: Counter[str] = Counter()
    out = []
    for a, ns in built:
        seen[a.id] += 1
        out.append((a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"), ns))
    return out


def link(registry: Registry, built: list[tuple[Actor, list[Name]]]) -> list[tuple[Actor, list[Name]]]:
    """Give actors found in an article their registry identity; actors that turn out to be one
    (the article's "US" and "United States") become one, with the article's spellings kept."""
    out: list[tuple[Actor, list[Name]]] = []
    index: dict[str, int] = {}
    for actor, names in built:
        entry = _entry_for(registry, actor)
        if entry is None:
            out.append((actor, names))
            continue
        spellings = [n for n in (actor.name, *actor.aliases) if name_key(n) != name_key(entry.name)]
        linked = replace(
            actor,
            id=entry.id,
            name=entry.name,
            kind=entry.kind or actor.kind,
            aliases=tuple(dict.fromkeys(spellings)),
        )
        if entry.id not in index:
            index[entry.id] = len(out)
            out.append((linked, list(names)))
            continue
        first, first_names = out[index[entry.id]]
        merged = replace(
            first,
            aliases=tuple(dict.fromkeys((*first.aliases, *linked.aliases))),
            mentions=first.mentions + linked.mentions,
            role=first.role or linked.role,
            affiliation=first.affiliation or linked.affiliation,
            span=min(s for s in (first.span, linked.span) if s is not None)
            if first.span or linked.span
            else None,
        )
        out[index[entry.id]] = (merged, sorted(first_names + list(names), key=lambda n: n.start))
    return out


def _entry_for(registry: Registry, actor: Actor) -> Entry | None:
    """The one registry entry the actor's names point to, unless its kind says otherwise: a
    person is never a place or a body ("Jordan" the player, "Jordan" the country), while which
    of place, organization or group a body is ("the self-described Islamic State" read as a
    group) is the editor's call the entry records."""
    found = {e.id: e for e in (registry.lookup(n) for n in (actor.name, *actor.aliases)) if e is not None}
    if len(found) != 1:
        return None
    entry = next(iter(found.values()))
    if entry.kind and actor.kind != entry.kind and "person" in (actor.kind, entry.kind):
        return None
    return entry
