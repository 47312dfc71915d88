"""Extraction beyond one machine: the same library calls mapped over Dask.

    pip install 'dask==2026.8.0'        # optional: not a dependency of briefings
    .venv/bin/python bench/distributed.py SOURCES_DIR OUT_DIR [--partitions 8]

Extraction is a pure function of one article (plus the model and the code), so a corpus splits
into partitions that any worker can take: each partition loads the model once and runs the
batched extraction over its articles. Here Dask's local process scheduler stands in for a
cluster; with `dask.distributed`, `Client("tcp://scheduler:8786")` before `compute()` sends the
same graph to many machines, each with this package and the model installed. The results are
written here, in one place, so ids stay unique and nothing races on the output folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def extract_partition(paths: list[str]) -> list[dict[str, Any] | str]:
    """One worker's share: read, extract in batches (one model per process), return plain data."""
    from generator import batch, ingest
    from generator.errors import BriefingsError

    articles, out = [], []
    for p in paths:
        try:
            articles.append(ingest.read(p))
        except (BriefingsError, OSError) as exc:
            out.append(str(exc))
    for r in batch.extract_all(articles, progress=False):
        out.append(str(r) if isinstance(r, BriefingsError) else r.to_dict())
    return out


def main() -> None:
    import dask.bag as db

    from generator import sources, store

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    files, _ = sources.sources_in((str(args.src),))
    bag = db.from_sequence(files, npartitions=min(args.partitions, len(files) or 1))
    results = bag.map_partitions(extract_partition).compute(scheduler="processes")
    header = store.header_for(args.out)
    written = 0
    for r in results:
        if isinstance(r, str):
            print(r, file=sys.stderr)
            continue
        written += store.write_if_changed(args.out / f"{r['id']}.yaml", store.dumps(r, header))
    print(f"{written} written, {len(results) - written} not", file=sys.stderr)


if __name__ == "__main__":
    main()
