"""Worker processes: when forking is safe (site build, extraction) and how many cores there are."""

from __future__ import annotations

import multiprocessing
import os
import threading

PARALLEL_MIN = 200
"""Below this many files or pages, work stays in the build's process: starting workers costs more."""


def fork_is_safe() -> bool:
    """Fork is quick and lets workers share what is already loaded, but a process with another
    thread running (`mkdocs serve` has its server thread) may fork holding that thread's locks."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """The CPUs this process may run on (its affinity mask, where the system has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1
