"""Which items of two versions of a briefing are the same item: the pairing under a merge.

Actors by id (then name, then first-mention offsets), quotes by normalised text (then offsets,
then mostly the same words), timeline entries by (text, date), questions by question text (then
evidence). `merge` pairs the editor's version, the last machine output and the new one with these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from typing import Any

from .checks import squash

Key = Callable[[dict[str, Any]], Any]


def _norm(text: Any) -> str:
    return squash(str(text or "")).casefold()


def _span(item: dict[str, Any]) -> Any:
    span = item.get("span")
    return tuple(span) if span else None


# Keys tried in order; the later ones only pair an edited item with its machine original.
KEYS: dict[str, tuple[list[Key], list[Key]]] = {
    "actors": ([lambda a: a.get("id")], [lambda a: _norm(a.get("name")), _span]),
    "quotes": ([lambda q: _norm(q.get("text"))], [_span]),
    "timeline": ([lambda t: (_norm(t.get("text")), t.get("date"))], [_span]),
    "questions": (
        [
            lambda q: _norm(q.get("question")),
            lambda q: tuple(_norm(e) for e in q.get("evidence") or ()) or None,
        ],
        [],
    ),
}


def match(left: list[dict[str, Any]], right: list[dict[str, Any]], keys: Iterable[Key]) -> dict[int, int]:
    """Pair items of two lists, each at most once, by the first key function that agrees."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for key in keys:
        index: dict[Any, list[int]] = {}
        for j, item in enumerate(right):
            k = key(item)
            if j not in taken and k not in (None, "", ()):
                index.setdefault(k, []).append(j)
        for i, item in enumerate(left):
            if i in pairs:
                continue
            free = index.get(key(item), [])
            if free:
                j = free.pop(0)
                pairs[i] = j
                taken.add(j)
    return pairs


SIMILAR = 0.6
"""Share of words two quotes must have in common (in order) to be one quote, reworded."""


def similar(left: list[dict[str, Any]], right: list[dict[str, Any]], pairs: dict[int, int]) -> dict[int, int]:
    """Pair quotes the keys left unpaired when most of their words are the same: a quote an editor
    corrected, or that the source reworded, is that quote changed, not a new one to add beside it
    (and an edit meeting a change is a conflict to report)."""
    free = [j for j in range(len(right)) if j not in set(pairs.values())]
    for i, item in enumerate(left):
        if i in pairs or not free:
            continue
        words = _norm(item.get("text")).split()
        score, j = max(
            (SequenceMatcher(None, words, _norm(right[j].get("text")).split()).ratio(), j) for j in free
        )
        if score >= SIMILAR:
            pairs[i] = j
            free.remove(j)
    return pairs
