"""Briefing and actor pages rendered in forked processes, in the order a serial run gives.

The workers share the loaded site by fork: what they render from is set in a module global
before the pool starts, so nothing is pickled to them (see `parallel`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .. import parallel
from .page import Page

CHUNK = 50
"""Pages per task: large enough that a task's overhead is small, small enough to balance."""

Work = dict[str, tuple[Callable[[Any], Page], Sequence[Any]]]
"""Per kind of page, the function that renders one and the items to render."""

_FORKED: Work | None = None
"""What forked workers read: per kind, the page function and the items it renders."""


def can_fork(jobs: int, pages: int) -> bool:
    """Whether forking pays and is safe here: enough pages, and a platform that forks cleanly."""
    return jobs > 1 and pages >= parallel.PARALLEL_MIN and parallel.fork_is_safe()


def _render_part(task: tuple[str, int, int]) -> list[Page]:
    assert _FORKED is not None, "only called in a forked render worker"
    kind, lo, hi = task
    render, items = _FORKED[kind]
    return [render(item) for item in items[lo:hi]]


def pages(work: Work, jobs: int) -> Iterator[Page]:
    """Each kind's pages (`work`: kind -> (page function, items)), in that order, from `jobs`
    forked workers."""
    global _FORKED
    tasks = [(kind, i, i + CHUNK) for kind, (_, items) in work.items() for i in range(0, len(items), CHUNK)]
    _FORKED = work
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_render_part, tasks):
                yield from part
    finally:
        _FORKED = None
