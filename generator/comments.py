"""Editors' comments in round-trip YAML: keep them when the nodes they hang on change shape or go.

ruamel attaches a comment to the key or item before it (a comment on the line after a list
belongs to the list's last item), so reformatting a list onto one line or replacing a value in a
merge would drop or misplace it; these move the comment tokens to where they still read right.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq


def lift(parent: CommentedMap, key: Any, seq: CommentedSeq) -> None:
    """Comments inside a sequence that becomes `[a, b]` go after it, instead of breaking it."""
    tokens = [t for slot in seq.ca.items.values() for t in _flatten(slot)]
    seq.ca.items.clear()
    _attach(parent.ca.items.setdefault(key, [None, None, None, None]), 2, tokens)


def carry(parent: CommentedMap, key: Any, old: Any) -> None:
    """After `parent[key]` replaced `old`, put the comments from inside `old` at the end of the new value.

    An editor's comment on the line after a list belongs, for ruamel, to the list's last item; a
    merge that replaces the list must not drop it.
    """
    tokens = within(old)
    if not tokens:
        return
    value = parent[key]
    keys = list(parent)
    following = keys[keys.index(key) + 1] if keys.index(key) + 1 < len(keys) else None
    if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
        _attach(value.ca.items.setdefault(len(value) - 1, [None, None, None, None]), 0, tokens)
    elif isinstance(value, CommentedMap) and value and not value.fa.flow_style():
        _attach(value.ca.items.setdefault(list(value)[-1], [None, None, None, None]), 2, tokens)
    elif isinstance(value, CommentedMap | CommentedSeq) and following is not None:
        # after `key: []` ruamel keeps full-line comments before the next key
        slot = parent.ca.items.setdefault(following, [None, None, None, None])
        text = "".join(t.value.partition("\n")[2] if not t.value.startswith("#") else t.value for t in tokens)
        token = tokens[0]
        token.value = "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
        slot[1] = [token, *(slot[1] or [])]
    else:
        _attach(parent.ca.items.setdefault(key, [None, None, None, None]), 2, tokens)


def within(node: Any) -> list[Any]:
    """Every comment token attached inside `node` (an editor's comments there), depth first."""
    if not isinstance(node, CommentedMap | CommentedSeq):
        return []
    tokens = [t for slot in node.ca.items.values() for t in _flatten(slot)]
    for child in node.values() if isinstance(node, CommentedMap) else node:
        tokens += within(child)
    return tokens


def _attach(slot: list[Any], index: int, tokens: list[Any]) -> None:
    """Add comment tokens' text to `slot[index]`: same-line parts joined, full lines below kept."""
    same_line: list[str] = []
    below = ""
    for token in tokens:
        first, _, rest = token.value.partition("\n")
        if first.strip():
            same_line.append(first.strip())
        below += rest
    text = "  ".join(same_line) + "\n" + below
    if not text.strip():
        return
    if slot[index] is not None:
        extra = "  " + "  ".join(same_line) if same_line else ""
        slot[index].value = slot[index].value.rstrip("\n") + extra + "\n" + below
    else:
        token = tokens[0]
        token.value = text
        slot[index] = token


def _flatten(slot: Any) -> list[Any]:
    if slot is None:
        return []
    if isinstance(slot, list):
        return [t for s in slot for t in _flatten(s)]
    return [slot] if hasattr(slot, "value") else []
