"""Cost of reading across briefings as the site grows: identity, stories, follow-ups, digests.

    .venv/bin/python bench/digest.py [--sizes 1000,5000,10000] [--seed DIR] [--repeat 3]

For each N, `make_briefings.py` makes N briefings (read as the site reads them, not timed), then
each stage runs in this process and its best CPU time (`time.process_time`: what other jobs on a
shared machine take is not counted) of `--repeat` runs is kept:

- identity: `identity.resolve` and `identity.apply` (one actor page per entity);
- index: `index.build`, the site index the rest reads (for comparison: it was there before);
- across: `across.build_across`: stories (`stories.weighted`, `stories.link`), questions over
  time (`followups.over_time`), upcoming entries and the weekly digests.

Printed per N: seconds and microseconds per briefing of each stage, and the number of stories,
upcoming entries, follow-ups and weeks made. The target is a cost per briefing that stays about
flat (n log n in all: the sorts): the last line gives the per-briefing cost at the largest N over
that at the smallest.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_briefings  # noqa: E402

from generator.site import across, data, identity, index  # noqa: E402
from generator.site.options import Options  # noqa: E402


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        start = time.process_time()
        out = run()
        times.append(time.process_time() - start)
    return min(times), out


def measure(n: int, seed: Path, repeat: int) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix=f"bench-digest-{n}-"))
    try:
        paths = make_briefings.make(n, root / "briefings", seed)
        briefings = [data.load_briefing(p) for p in paths]  # valid by construction: not checked again
    finally:
        shutil.rmtree(root, ignore_errors=True)

    def unify() -> tuple[list[Any], identity.Identity]:
        ident = identity.resolve(briefings)
        return [identity.apply(b, ident) for b in briefings], ident

    t_identity, (unified, ident) = best(repeat, unify)
    t_index, site = best(repeat, lambda: index.build(unified, ident.entries))
    t_across, reading = best(repeat, lambda: across.build_across(site, Options()))
    r: dict[str, Any] = {
        "n": n,
        "actor_ids": len(ident.nodes),
        "actor_pages": len(site.actors),
        "stories": len(reading.stories.stories),
        "in_stories": len(reading.stories.of),
        "upcoming": len(reading.upcoming),
        "follow_ups": sum(len(q.follow_ups) for q in reading.questions),
        "weeks": len(reading.weeks),
    }
    for name, t in (("identity", t_identity), ("index", t_index), ("across", t_across)):
        r[f"{name}_s"] = round(t, 3)
        r[f"{name}_us_per_briefing"] = round(1e6 * t / n, 1)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated N")
    ap.add_argument("--seed", type=Path, help="folder of real briefings (default: extract sources/)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    seed = args.seed or make_briefings.seeds_folder()
    results = []
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        results.append(measure(n, seed, args.repeat))
        print(json.dumps(results[-1]), flush=True)
    small, big = results[0], results[-1]
    for stage in ("identity", "index", "across"):
        ratio = big[f"{stage}_us_per_briefing"] / max(small[f"{stage}_us_per_briefing"], 1e-9)
        print(f"{stage}: per-briefing cost at {big['n']} over at {small['n']}: {ratio:.2f}")


if __name__ == "__main__":
    main()
