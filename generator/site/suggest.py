"""Registry entries proposed from the site's identity decisions, for editors to confirm.

The site merges spellings of one actor by itself (`identity`), and refuses what it cannot
settle. Both are worth an editor's look: a merge made by a rule holds only while the briefings
say what they say now, and a refusal leaves two actor pages that may be one entity. Each becomes
a `briefings/actors.yaml` entry to paste, edit or drop in a pull request; an ambiguous short form
("Clinton": Hillary, Bill or Chelsea) becomes a comment, since no entry is right for all of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from ..names import name_key
from ..registry import Entry as RegistryEntry
from .identity import Identity


@dataclass(frozen=True)
class Suggestion:
    entry: RegistryEntry
    why: str
    """A comment for the editor: the rules that merged it, or the refusal it settles."""


def suggestions(ident: Identity, registry: Mapping[str, RegistryEntry]) -> tuple[list[Suggestion], list[str]]:
    """Entries for merges made (unless the registry says them all already) and for refusals
    with one candidate; and a note for each ambiguous refusal."""
    rules: dict[str, set[str]] = defaultdict(set)
    for m in ident.merges:
        if m.rule != "registry":
            rules[ident.of(m.into)].add(m.rule)
    out: list[Suggestion] = []
    for cid in sorted(rules):
        merged = ident.entries.get(cid)
        listed = registry.get(cid)
        known = {name_key(n) for n in listed.names} if listed else set()
        if merged is None or {name_key(n) for n in merged.names} <= known:
            continue
        why = f"merged by the site ({', '.join(sorted(rules[cid]))}): listing it keeps the merge"
        out.append(Suggestion(merged, why))
    notes: list[str] = []
    seen: set[tuple[str, str]] = set()
    for r in ident.refusals:
        candidates = sorted({ident.of(c) for c in r.candidates} - {ident.of(r.id)})
        if not candidates or (r.name, candidates[0]) in seen:
            continue
        seen.add((r.name, candidates[0]))
        names = [ident.entries[c].name if c in ident.entries else ident.nodes[c].name for c in candidates]
        if len(candidates) > 1:
            notes.append(f"{r.name!r} could be {', '.join(names)}: left apart ({r.reason})")
            continue
        target = ident.entries.get(candidates[0]) or _plain(ident, candidates[0])
        entry = RegistryEntry(
            target.id, target.name, target.kind, tuple(sorted({*target.aliases, r.name})), target.description
        )
        out.append(Suggestion(entry, f"{r.name!r} is {target.name!r}? refused by the site: {r.reason}"))
    return out, notes


def _plain(ident: Identity, cid: str) -> RegistryEntry:
    node = ident.nodes[cid]
    return RegistryEntry(cid, node.name, node.kinds.most_common(1)[0][0] if node.kinds else None)


def as_yaml(found: list[Suggestion], notes: list[str], briefings: int) -> str:
    """The proposals as registry YAML, each entry under its reason."""
    lines = [
        f"# Proposed by `briefings actors --suggest` from {briefings} briefings. Confirm, edit or",
        "# drop each entry, then add it to briefings/actors.yaml in a pull request.",
    ]
    for s in found:
        item = {
            "name": s.entry.name,
            "id": s.entry.id,
            "kind": s.entry.kind,
            "aliases": list(s.entry.aliases),
        }
        if s.entry.description:
            item["description"] = s.entry.description
        text = yaml.safe_dump(
            [{k: v for k, v in item.items() if v}],
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
        )
        lines += ["", f"# {s.why}", text.rstrip("\n")]
    if notes:
        lines += ["", "# Left apart, since no single entry is right for them:"]
        lines += [f"#   {n}" for n in notes]
    return "\n".join(lines) + "\n"
