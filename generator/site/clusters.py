"""Which actor ids of different briefings are one entity: the rules, over clusters of ids.

`identity.resolve` runs them; see its module for the order and the reasons. Every rule merges a
cluster into exactly one other that its names match, and records a `Refusal` otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Briefing
from ..names import DESIGNATORS, acronym, acronym_like, initials_free, name_key, slugify, words
from ..registry import Entry as RegistryEntry

SHORT_FORM_RULES = {"plural", "acronym", "short form"}
"""Rules whose matching name is a short form: the cluster keeps the id of a longer name."""


@dataclass
class Node:
    """One actor id as the briefings give it."""

    id: str
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    """Name keys that identify it: its names (when the id is the slug of the name) and the
    aliases that are not mere parts of its name."""
    briefings: int = 0

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0] if self.names else self.id


@dataclass(frozen=True)
class Merge:
    rule: str
    name: str
    """The name (of the merged id) that matched."""
    id: str
    into: str
    """An id of the cluster it joined (`Identity.of` gives the canonical id)."""


@dataclass(frozen=True)
class Refusal:
    rule: str
    name: str
    id: str
    candidates: tuple[str, ...]
    """Ids of the clusters it could be (several: ambiguous; one: kinds or registry entries
    differ); `Identity.of` gives their canonical ids."""
    reason: str


class Clusters:
    """Union-find over actor ids; a cluster remembers its registry entry, if any."""

    def __init__(self, nodes: Mapping[str, Node]) -> None:
        self.nodes = nodes
        self.parent = {n: n for n in nodes}
        self.entry: dict[str, str] = {}
        self.members: dict[str, list[str]] = {n: [n] for n in nodes}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of `a` and `b`, unless they belong to two registry entries."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ea, eb = self.entry.get(ra), self.entry.get(rb)
        if ea and eb and ea != eb:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        if eb and not ea:
            self.entry[ra] = eb
        self.entry.pop(rb, None)
        return True

    def roots(self) -> list[str]:
        return sorted(self.members)

    def kinds(self, root: str) -> set[str]:
        return {k for m in self.members[root] for k in self.nodes[m].kinds}

    def names(self, root: str) -> set[str]:
        return {n for m in self.members[root] for n in self.nodes[m].names}


def _part_of(alias: str, name: str) -> bool:
    """Whether `alias` is only some of `name`'s words ("Trump" of "Ivanka Trump")."""
    short, full = name_key(alias).split(), name_key(name).split()
    return len(short) < len(full) and all(w in full for w in short)


def _evidence(alias: str, name: str) -> bool:
    """Whether an alias says who the actor is: a proper name ("ISIS", "U.S."), not a description
    ("vice president") nor some of the actor's own words."""
    return any(c.isupper() for c in alias) and not _part_of(alias, name)


def nodes_of(briefings: Iterable[Briefing]) -> dict[str, Node]:
    """Every actor id with its names, kinds and keys. The same spellings recur in thousands of
    briefings, so each (id, name, aliases) is read once."""
    nodes: dict[str, Node] = {}
    seen: dict[tuple[str, str, tuple[str, ...]], set[str]] = {}
    for b in briefings:
        for a in b.actors:
            node = nodes.get(a.id)
            if node is None:
                node = nodes[a.id] = Node(a.id)
            node.names[a.name] += 1
            node.kinds[a.kind] += 1
            node.briefings += 1
            spelling = (a.id, a.name, a.aliases)
            keys = seen.get(spelling)
            if keys is None:
                keys = seen[spelling] = {name_key(x) for x in a.aliases if _evidence(x, a.name)}
                if slugify(a.name) == a.id:  # an editor who set another id decided the identity
                    keys.add(name_key(a.name))
            node.keys |= keys
    return nodes


def _compatible(a: set[str], b: set[str]) -> bool:
    """Kinds fit: a common kind, or a place and an organization (a country, its government)."""
    return bool(a & b) or ("place" in a and "organization" in b) or ("organization" in a and "place" in b)


def _same_kind(a: set[str], b: set[str]) -> bool:
    return bool(a & b)


def _both_people(a: set[str], b: set[str]) -> bool:
    return "person" in a and "person" in b


def _both_groups(a: set[str], b: set[str]) -> bool:
    return "group" in a and "group" in b


@dataclass
class Resolver:
    nodes: dict[str, Node]
    registry: Mapping[str, RegistryEntry]
    merges: list[Merge] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.c = Clusters(self.nodes)
        self.short: set[str] = set()
        """Names that joined a cluster as the short form of another name in it."""

    def join(self, rule: str, name: str, node: str, other: str) -> None:
        if self.c.find(node) == self.c.find(other):
            return
        if self.c.union(node, other):
            self.merges.append(Merge(rule, name, node, other))
            if rule in SHORT_FORM_RULES and len(name_key(name).split()) == 1:
                self.short.add(name)
        else:
            self.refusals.append(
                Refusal(rule, name, node, (other,), "listed as another actor in the registry")
            )

    def bind_registry(self) -> None:
        by_key = {name_key(n): e.id for e in self.registry.values() for n in e.names}
        for node in self.nodes.values():
            entry = node.id if node.id in self.registry else None
            primary = by_key.get(name_key(node.name)) if node.id == slugify(node.name) else None
            hits = {by_key[k] for k in node.keys if k in by_key}
            entry = entry or primary or (hits.pop() if len(hits) == 1 else None)
            if entry:
                root = self.c.find(node.id)
                if self.c.entry.get(root, entry) == entry:
                    self.c.entry[root] = entry
        first: dict[str, str] = {}
        for root in self.c.roots():
            entry = self.c.entry.get(root)
            if entry:
                self.join("registry", self.nodes[root].name, root, first.setdefault(entry, root))

    def same_keys(self) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        for node in self.nodes.values():
            for key in sorted(node.keys):
                owners[key].append(node.id)
        for key, ids in owners.items():
            for other in ids[1:]:
                self.join("same name", key, other, ids[0])

    def by_index(
        self,
        rule: str,
        index: Callable[[str, str], Iterable[str]],
        probes: Callable[[str, str], Iterable[str]],
        fits: Callable[[set[str], set[str]], bool],
    ) -> None:
        """Merge a cluster into the one other cluster whose names `index` files under a key that
        one of its fullest names `probes` for, longer names first; record a refusal when several
        clusters match, or one whose kind does not fit."""
        table: dict[str, set[str]] = defaultdict(set)
        for root in self.c.roots():
            for name in self.c.names(root):
                for key in index(name, root):
                    table[key].add(root)
        probing = sorted(
            ((name, root) for root in self.c.roots() for name in self.c.names(root)),
            key=lambda nr: (-len(nr[0]), nr[0], nr[1]),
        )
        done: set[str] = set()
        for name, first in probing:
            root = self.c.find(first)
            if root in done or len(name.split()) < max(len(n.split()) for n in self.c.names(root)):
                continue  # a short name of a cluster that has a fuller one says nothing more
            for key in probes(name, root):
                found = {self.c.find(r) for r in table.get(key, ())} - {root}
                if not found:
                    continue
                done.add(root)
                fitting = sorted(r for r in found if fits(self.c.kinds(root), self.c.kinds(r)))
                if len(fitting) == 1:
                    self.join(rule, name, root, fitting[0])
                else:
                    reason = "ambiguous" if fitting else "kinds differ"
                    self.refusals.append(Refusal(rule, name, root, tuple(fitting or sorted(found)), reason))
                break

    def run(self) -> None:
        self.bind_registry()
        self.same_keys()
        self.by_index("plural", self._plural, self._singular, _both_groups)
        self.by_index("initials", self._initialed, self._bare, _both_people)
        self.by_index("acronym", self._acronyms, self._acronym_probe, _compatible)
        self.by_index("of", self._of_prefix, self._multiword, _same_kind)
        self.by_index("designator", self._undesignated, self._org_probe, _same_kind)
        self.by_index("short form", self._person_parts, self._short_probe, _both_people)

    def _plural(self, name: str, root: str) -> Iterable[str]:
        """ "Americans" -> "american": the members of a group and the group are one actor."""
        key = name_key(name)
        return [key[:-1]] if "group" in self.c.kinds(root) and key.endswith("s") and len(key) > 3 else []

    def _singular(self, name: str, root: str) -> Iterable[str]:
        key = name_key(name)
        return [key] if "group" in self.c.kinds(root) and not key.endswith("s") else []

    def _initialed(self, name: str, root: str) -> Iterable[str]:
        plain = initials_free(name)
        return [plain] if plain != name_key(name) and "person" in self.c.kinds(root) else []

    def _bare(self, name: str, root: str) -> Iterable[str]:
        """A person's name of two words or more written without initials probes for them."""
        key = name_key(name)
        if "person" not in self.c.kinds(root) or len(key.split()) < 2 or initials_free(name) != key:
            return []
        return [key]

    @staticmethod
    def _acronyms(name: str, root: str) -> Iterable[str]:
        ws = words(name)
        return [acronym(ws)] if len(ws) >= 2 else []

    @staticmethod
    def _acronym_probe(name: str, root: str) -> Iterable[str]:
        return [name_key(name)] if acronym_like(name) else []

    @staticmethod
    def _of_prefix(name: str, root: str) -> Iterable[str]:
        ws = name_key(name).split()
        cut = ws.index("of") if "of" in ws else 0
        return [" ".join(ws[:cut])] if cut >= 2 else []

    @staticmethod
    def _multiword(name: str, root: str) -> Iterable[str]:
        key = name_key(name)
        return [key] if len(key.split()) >= 2 else []

    def _undesignated(self, name: str, root: str) -> Iterable[str]:
        """ "Breitbart News LLC" -> "breitbart news", "breitbart"."""
        ws = name_key(name).split()
        cores = []
        while "organization" in self.c.kinds(root) and len(ws) >= 2 and ws[-1] in DESIGNATORS:
            ws = ws[:-1]
            cores.append(" ".join(ws))
        return cores

    def _org_probe(self, name: str, root: str) -> Iterable[str]:
        return [name_key(name)] if "organization" in self.c.kinds(root) else []

    def _person_parts(self, name: str, root: str) -> Iterable[str]:
        """Its last name or names and its first name, with and without initials and "Jr."."""
        if "person" not in self.c.kinds(root):
            return []
        out: set[str] = set()
        for ws in (name_key(name).split(), initials_free(name).split()):
            if len(ws) >= 2:
                out.update(" ".join(ws[i:]) for i in range(1, len(ws)))
                out.add("first:" + ws[0])
        return sorted(out)

    def _short_probe(self, name: str, root: str) -> Iterable[str]:
        ws = name_key(name).split()
        if len(ws) >= 3 or not ws:
            return []
        return [" ".join(ws)] if len(ws) == 2 else [ws[0], "first:" + ws[0]]
