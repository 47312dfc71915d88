"""Making many objects that stay alive, without the cyclic garbage collector walking them each time.

Python's collector walks every tracked object whenever those that survived its young generations
have grown by a quarter. Reading a thousand briefings promotes every file's YAML node tree (each
outlives a few young collections while it is built) and keeps the data read, so the collector
walked the whole heap some 25 times, a fifth of the reading. Reading makes no reference cycles
(the YAML loader is disposed of, data is plain dicts and lists), so while it runs the collector
can rest: reference counting frees everything it would.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (as it was after it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
