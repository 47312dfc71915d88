"""Reading a web page against plain trafilatura on the same page.

    .venv/bin/python bench/read.py [PAGES...] [--rounds 3]

For every saved page (default: the body benchmark's and the annotated news pages in
../shared/corpus/web), times `ingest.read(path)` (file to `Article`: decoding, metadata, main
text, furniture, language) against `trafilatura.extract(<the file's bytes>,
include_comments=False)`, which reads the same file and finds only the main text. The two are
timed alternately, page by page and round by round, in CPU time of this process (so that load
from other processes on a shared machine counts for neither); imports and the language model
are loaded before timing.
Prints the ratio of the totals and the median of the per-page ratios. Target <= 1.3.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT.parent / "shared" / "corpus" / "web"
sys.path.insert(0, str(ROOT))


def pages(given: list[str]) -> list[Path]:
    if given:
        found: list[Path] = []
        for g in given:
            p = Path(g)
            found += sorted(p.glob("*.htm*")) if p.is_dir() else [p]
        return found
    return sorted((WEB / "body" / "pages").glob("*.html")) + sorted((WEB / "pages").glob("*.html"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", help="saved pages or folders of them")
    ap.add_argument("--rounds", type=int, default=3, help="times each page is read by each")
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # dateutil's time zone warnings on odd pages

    import trafilatura

    from generator import ingest

    files = pages(args.pages)
    if not files:
        sys.exit("no pages found")
    ingest.read(files[0])  # imports, the language model
    trafilatura.extract(files[0].read_bytes(), include_comments=False)
    ours = {f: 0.0 for f in files}
    theirs = {f: 0.0 for f in files}
    for r in range(args.rounds):
        for f in files if r % 2 == 0 else reversed(files):
            t0 = time.process_time()
            trafilatura.extract(f.read_bytes(), include_comments=False)
            t1 = time.process_time()
            try:
                ingest.read(f)
            except Exception as exc:  # a page the reader refuses still costs what it cost
                print(f"{f.name}: {exc}", file=sys.stderr)
            t2 = time.process_time()
            theirs[f] += t1 - t0
            ours[f] += t2 - t1
    total_ours, total_theirs = sum(ours.values()), sum(theirs.values())
    ratios = [ours[f] / theirs[f] for f in files if theirs[f] > 0]
    print(f"pages: {len(files)}, rounds: {args.rounds}")
    print(f"CPU time: ingest.read {total_ours:.2f} s, trafilatura.extract {total_theirs:.2f} s")
    print(f"ratio of totals: {total_ours / total_theirs:.2f}  (target <= 1.3)")
    print(f"median per-page ratio: {statistics.median(ratios):.2f}, worst: {max(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
