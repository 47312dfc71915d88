"""Rendered pages kept between the rebuilds of one `mkdocs serve`, each under the key of its inputs.

A key is whatever the page is made from, as plain values (the tokens of the briefings it shows,
the names it prints): if the key is the same, so is the page, and it is not rendered again. One
build's pages replace the previous build's, so a page that is gone does not linger. Anything not
in a key (templates, options, code) is the same between the rebuilds that share a memo: the
caller starts a new one when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    def __init__(self) -> None:
        self._kept: dict[str, tuple[Hashable, T]] = {}
        self._next: dict[str, tuple[Hashable, T]] = {}
        self.made = 0
        self.reused = 0

    def get(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept under `name` if it was made from `key`, else `make()` (kept for next time)."""
        hit = self._kept.get(name)
        if hit is not None and hit[0] == key:
            self.reused += 1
            value = hit[1]
        else:
            self.made += 1
            value = make()
        self._next[name] = (key, value)
        return value

    def finish(self) -> None:
        """End of a build: what it used is what the next build may reuse."""
        self._kept, self._next = self._next, {}
        self.made = self.reused = 0
