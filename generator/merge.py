"""Re-extraction that keeps editors' work: a three-way merge of briefings.

base   = the last machine output (`writing` keeps it under `.briefings/machine/`),
ours   = the briefing as editors left it (a round-trip node: comments survive),
theirs = the new machine output.

The machine proposes, the editor decides. An item the editor deleted stays deleted; a field the
editor changed keeps the editor's value; a field only the machine changed takes the new value
(offsets that moved, say); an item only the new extraction finds is added; an item the machine no
longer finds is removed only if no editor touched it. When both changed the same field, the
editor's value stays and the clash is reported as a conflict, never resolved silently.

Which items are the same item in the three versions is `pairing`'s to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import comments, store
from .checks import field_name, locate
from .errors import Problem
from .pairing import KEYS, match, similar

FAMILIES = ("actors", "quotes", "timeline", "questions")
_MISSING: Any = object()
NOUNS = {"actors": ("actor", "actors"), "quotes": ("quote", "quotes"), "timeline": ("event", "events")}


def _count(n: int, family: str) -> str:
    """`1 quote`, `2 quotes`, `1 event` (a timeline's items), `3 questions`."""
    one, many = NOUNS.get(family, (family.rstrip("s"), family))
    return f"{n} {one if n == 1 else many}"


@dataclass
class Merge:
    """The outcome of one merge: the merged node and what happened, for the report."""

    node: Any
    path: str
    added: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _pending: list[tuple[list[Any], str]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    """`id()` of the items the merge added or changed: only those get their references checked."""
    fields: list[str] = field(default_factory=list)
    """Top-level fields (title, summary...) the new extraction changed and no editor had."""
    written: bool = False
    """Whether the merged file differs from the one before (set by whoever writes it)."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.fields)

    def summary(self) -> str:
        parts = [f"{_count(len(v), k)} added" for k, v in self.added.items() if v]
        parts += [f"{_count(v, k)} updated" for k, v in self.updated.items() if v]
        parts += [f"{_count(len(v), k)} removed" for k, v in self.removed.items() if v]
        if self.fields:
            parts.append(f"{', '.join(self.fields)} updated")
        conflicts = sum(1 for p in self.problems if p.message.startswith("conflict"))
        if conflicts:
            parts.append(f"{conflicts} conflict{'s' if conflicts > 1 else ''}")
        return ", ".join(parts) or "no changes"

    def _report(self, where: list[Any], message: str) -> None:
        """Note a problem; items are held by reference, since merging moves them about."""
        if len(where) > 1 and where[0] in FAMILIES and isinstance(where[1], int):
            where = [where[0], _Ref(self.node[where[0]][where[1]]), *where[2:]]
        self._pending.append((where, message))

    def settle(self, text: str) -> None:
        """Locate the noted problems in `text`, the merged file as written."""
        root = store.loads(text, self.path)
        for where, message in self._pending:
            path = list(where)
            if len(path) > 1 and isinstance(path[1], _Ref):
                seq = self.node.get(path[0]) or []
                index = next((n for n, x in enumerate(seq) if x is path[1].item), None)
                path = [path[0]] if index is None else [path[0], index, *path[2:]]
            line, col = locate(root, path)
            self.problems.append(Problem(self.path, line, field_name(path), message, col, severity="warning"))
        self._pending.clear()


@dataclass(frozen=True)
class _Ref:
    item: Any


def three_way(
    base: dict[str, Any] | None, ours: Any, theirs: dict[str, Any], path: str = "", header: str = ""
) -> Merge:
    """Merge `theirs` into `ours` in place, using `base` to tell edits from machine changes.

    Problems point at lines of the merged text, `store.dumps(result.node, header)`.

    Without a base (no machine copy kept) and with an unchanged source, nothing tells a deleted
    item from a new one, so the editor's file is kept as is; with a changed source, items only
    the new extraction has are added and each one is reported.
    """
    theirs = store.to_plain(store.loads(store.dumps(theirs), path))
    result = Merge(node=ours, path=path)
    if not isinstance(ours, CommentedMap):
        raise TypeError("ours must be a round-trip mapping (store.load)")
    guessed = base is None
    if base is None:
        same = (ours.get("source") or {}).get("sha256") == (theirs.get("source") or {}).get("sha256")
        base = theirs if same else {}
    rename: dict[str, str] = {}
    for family in FAMILIES:
        _merge_family(result, family, base, theirs, rename, guessed)
    if guessed:
        result._report(
            ["id"], "no machine copy to merge against: kept every field as edited, only added new items"
        )
    else:
        before = {k: store.to_plain(v) for k, v in ours.items() if k not in FAMILIES}
        _merge_fields(result, ours, base, theirs, [], skip={"id", *FAMILIES})
        result.fields = [k for k in ours if k not in FAMILIES and store.to_plain(ours[k]) != before.get(k)]
        result.fields += [k for k in before if k not in ours]
        _drop_unused_actors(result, base, theirs)
    result.settle(store.dumps(ours, header))
    return result


def _items(data: dict[str, Any] | None, family: str) -> list[dict[str, Any]]:
    value = (data or {}).get(family)
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


@dataclass
class _Family:
    """One list of a briefing (actors, quotes...) in its three versions, items paired across them."""

    name: str
    seq: Any
    """Ours: the round-trip list, merged in place."""
    ours: list[dict[str, Any]]
    base: list[dict[str, Any]]
    theirs: list[dict[str, Any]]
    ob: dict[int, int]
    """Index in ours -> index in base of the same item; `bt` base -> theirs, `ot` ours -> theirs."""
    bt: dict[int, int]
    ot: dict[int, int]


def _merge_family(
    result: Merge,
    family: str,
    base: dict[str, Any],
    theirs: dict[str, Any],
    rename: dict[str, str],
    guessed: bool,
) -> None:
    fam = _pair(result.node, family, base, theirs, rename)
    reached = _update(result, fam)
    if family != "actors":  # actors go later, once nothing points at them (`_drop_unused_actors`)
        _remove_gone(result, fam)
    _add_new(result, fam, reached, guessed)
    _check_refs(result, family)


def _pair(
    ours: Any, family: str, base: dict[str, Any], theirs: dict[str, Any], rename: dict[str, str]
) -> _Family:
    """Pair the items of one list across the three versions; note actors an editor renamed."""
    seq = ours.get(family)
    if not isinstance(seq, list):
        seq = ours[family] = CommentedSeq()
    o_items = [store.to_plain(x) for x in seq]
    b_items, t_items = _items(base, family), _items(theirs, family)
    if family != "actors":
        t_items = [_renamed(t, rename) for t in t_items]
    primary, secondary = KEYS[family]
    pair = similar if family == "quotes" else (lambda left, right, pairs: pairs)
    fam = _Family(
        family,
        seq,
        o_items,
        b_items,
        t_items,
        ob=pair(o_items, b_items, match(o_items, b_items, [*primary, *secondary])),
        bt=pair(b_items, t_items, match(b_items, t_items, primary)),
        ot=pair(o_items, t_items, match(o_items, t_items, primary)),
    )
    if family == "actors":
        for i, b in fam.ob.items():
            old, new = b_items[b].get("id"), o_items[i].get("id")
            if old and new and old != new:
                rename[old] = new
    return fam


def _update(result: Merge, fam: _Family) -> dict[int, Any]:
    """Bring the machine's changes into the items both sides still have.

    Returns, for each item of theirs that one of ours stands for, that item of ours.
    """
    reached: dict[int, Any] = {}
    for i in range(len(fam.ours)):
        j = fam.ob.get(i)
        k = _counterpart(fam, i, j)
        if k is not None:
            reached[k] = fam.seq[i]
        if j is None or k is None:
            continue
        if _merge_fields(result, fam.seq[i], fam.base[j], fam.theirs[k], [fam.name, i], skip={"id"}):
            result.touched.add(id(fam.seq[i]))
            result.updated[fam.name] = result.updated.get(fam.name, 0) + 1
    return reached


def _counterpart(fam: _Family, i: int, j: int | None) -> int | None:
    """The item of theirs that item `i` of ours (from item `j` of base) stands for.

    Through its machine original when the new extraction still has that; else directly, by key:
    an item the editor re-identified (a place "humayun" made the person "humayun-khan") is the
    item the new extraction now finds under that id, not a second one to add beside it.
    """
    k = fam.bt.get(j) if j is not None else None
    if k is None:
        k = fam.ot.get(i)
        if k is not None and j is not None and k in fam.bt.values():
            return None  # that item of theirs is another machine item's continuation
    return k


def _remove_gone(result: Merge, fam: _Family) -> None:
    """Items the machine no longer finds go, if no editor changed or commented on them."""
    gone = [
        i
        for i, b in fam.ob.items()
        if fam.bt.get(b) is None and fam.ours[i] == fam.base[b] and not _commented(fam.seq[i])
    ]
    for i in sorted(gone, reverse=True):
        result.removed.setdefault(fam.name, []).append(_label(fam.name, fam.ours[i]))
        del fam.seq[i]


def _add_new(result: Merge, fam: _Family, reached: dict[int, Any], guessed: bool) -> None:
    """Items only the new extraction has go in after the item that precedes them in theirs."""
    seq = fam.seq
    used = {str(x.get("id")) for x in seq if isinstance(x, dict)}
    anchor = -1
    item_schema = store.schema()["properties"][fam.name]["items"]
    for k, item in enumerate(fam.theirs):
        if k in reached:
            anchor = next((n for n, x in enumerate(seq) if x is reached[k]), anchor)
            continue
        if k in fam.bt.values():
            continue  # the editor deleted it
        new = dict(item)
        if fam.name == "quotes" and str(new.get("id")) in used:
            new["id"] = _free_id(used)
        if "id" in new:
            used.add(str(new["id"]))
        anchor += 1
        seq.insert(anchor, store.canonical(new, item_schema))
        result.touched.add(id(seq[anchor]))
        result.added.setdefault(fam.name, []).append(_label(fam.name, new))
        if guessed:
            result._report(
                [fam.name, anchor],
                "added by the new extraction; with no machine copy to compare, it may be one an editor "
                "deleted: delete it again if so",
            )


def _commented(node: Any) -> bool:
    """Whether an editor wrote a comment in (or, as ruamel attaches them, just after) this item."""
    return bool(comments.within(node))


def _free_id(used: set[str]) -> str:
    n = 1
    while f"q{n}" in used:
        n += 1
    return f"q{n}"


def _label(family: str, item: dict[str, Any]) -> str:
    if family == "actors":
        return str(item.get("id"))
    if family == "quotes":
        return str(item.get("id"))
    text = str(item.get("text") if family == "timeline" else item.get("question"))
    return text if len(text) <= 40 else text[:37] + "..."


def _renamed(item: dict[str, Any], rename: dict[str, str]) -> dict[str, Any]:
    if not rename:
        return item
    out = dict(item)
    if out.get("speaker") in rename:
        out["speaker"] = rename[out["speaker"]]
    if isinstance(out.get("actors"), list):
        out["actors"] = [rename.get(a, a) for a in out["actors"]]
    return out


def _merge_fields(
    result: Merge,
    ours: Any,
    base: dict[str, Any],
    theirs: dict[str, Any],
    where: list[Any],
    skip: set[str],
) -> bool:
    """Three-way merge of one mapping's fields into `ours`; True if the machine changed any."""
    changed = False
    keys = [k for k in theirs if k not in skip] + [k for k in base if k not in theirs and k not in skip]
    for key in keys:
        bv, tv = base.get(key, _MISSING), theirs.get(key, _MISSING)
        ov = store.to_plain(ours[key]) if key in ours else _MISSING
        if bv == tv or ov == tv:
            continue
        if isinstance(ov, dict) and isinstance(tv, dict) and isinstance(bv, dict):
            changed |= _merge_fields(result, ours[key], bv, tv, [*where, key], set())
            continue
        if ov == bv or (ov is _MISSING and bv is _MISSING):
            if tv is _MISSING:
                del ours[key]
            else:
                old = ours.get(key)
                ours[key] = store.canonical(tv, {})
                comments.carry(ours, key, old)
            changed = True
            continue
        new = "(removed)" if tv is _MISSING else _show(tv)
        result._report(
            [*where, key],
            f"conflict: edited, and the new extraction changed it too; kept the edit (new: {new})",
        )
    return changed


def _show(value: Any) -> str:
    text = re.sub(r"\s+", " ", str(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _check_refs(result: Merge, family: str) -> None:
    """New or updated items may point at an actor an editor deleted: drop the pointer and say so.

    Items the merge did not touch keep whatever the editor wrote; `validate` reports those.
    """
    if family == "actors":
        return
    ours = result.node
    ids = {a.get("id") for a in ours.get("actors") or [] if isinstance(a, dict)}
    for i, item in enumerate(ours.get(family) or []):
        if not isinstance(item, dict) or id(item) not in result.touched:
            continue
        if family == "quotes" and item.get("speaker") not in (None, *ids):
            old = item["speaker"]
            item["speaker"] = None
            result._report(
                [family, i, "speaker"], f"conflict: speaker {old!r} is no longer an actor; left empty"
            )
        refs = item.get("actors")
        if isinstance(refs, list) and any(a not in ids for a in refs):
            missing = [a for a in refs if a not in ids]
            for j in reversed(range(len(refs))):
                if refs[j] not in ids:
                    del refs[j]
            result._report(
                [family, i, "actors"], f"conflict: dropped {', '.join(map(repr, missing))}: no longer actors"
            )


def _drop_unused_actors(result: Merge, base: dict[str, Any], theirs: dict[str, Any]) -> None:
    """Actors the machine no longer finds go, unless an editor touched them or something points at them."""
    ours = result.node
    seq = ours.get("actors")
    if not isinstance(seq, list):
        return
    b_items, t_items = _items(base, "actors"), _items(theirs, "actors")
    t_ids = {a.get("id") for a in t_items}
    untouched = {a.get("id") for a in b_items if a.get("id") not in t_ids}
    pointed: set[Any] = set()
    for family in ("quotes", "timeline", "questions"):
        for item in ours.get(family) or []:
            if isinstance(item, dict):
                pointed.add(item.get("speaker"))
                pointed.update(item.get("actors") or ())
    by_id = {a.get("id"): a for a in b_items}
    for i in reversed(range(len(seq))):
        actor = store.to_plain(seq[i])
        aid = actor.get("id") if isinstance(actor, dict) else None
        if aid in untouched and aid not in pointed and actor == by_id.get(aid) and not _commented(seq[i]):
            result.removed.setdefault("actors", []).append(str(aid))
            del seq[i]
