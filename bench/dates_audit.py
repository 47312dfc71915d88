"""Timelines against the parse: past events dated after publication (and "will" events before it).

    .venv/bin/python bench/dates_audit.py ../shared/corpus/web/pages ../shared/corpus/web/body/pages
    .venv/bin/python bench/dates_audit.py ../shared/corpus/quotes/polnear-dev.jsonl --limit 50

Each argument is a folder of sources (anything `briefings extract` reads) or a JSON Lines corpus
with `text` and `dct` per line (TempEval, PolNeAR). Every source is extracted as `briefings
extract` does, and `generator.extract.dates.audit` reads each dated entry's own verb afresh:
an entry told in the past but dated after publication is a contradiction. Prints each one with
its sentence, then the count over all dated entries; the target is zero. Not a benchmark of
speed: a check of what a reader would see at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.ingest import Article

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles(target: Path, limit: int | None) -> Iterator[Article]:
    from generator import ingest

    if target.suffix == ".jsonl":
        with open(target, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for row in rows[:limit] if limit else rows:
            paras = [p for p in row["text"].split("\n\n") if p.strip()]
            yield ingest.from_paragraphs(
                f"{row.get('id', 'doc')}.md", row.get("title") or "", paras, published=row.get("dct")
            )
        return
    files = sorted(p for p in target.iterdir() if p.is_file())
    for path in files[:limit] if limit else files:
        try:
            yield ingest.read(path)
        except Exception as exc:  # a page the reader refuses is not this audit's business
            print(f"skipped {path.name}: {exc}", file=sys.stderr)


def main() -> int:
    from generator import nlp as nlp_mod
    from generator.extract.dates.audit import contradictions
    from generator.extract.pipeline import from_doc

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("targets", nargs="+", type=Path, help="folders of sources or .jsonl corpora")
    ap.add_argument("--limit", type=int, help="at most N sources from each target")
    args = ap.parse_args()
    nlp = nlp_mod.load()
    dated = found = 0
    for target in args.targets:
        for article in articles(target, args.limit):
            doc = nlp(article.text)
            briefing = from_doc(article, doc)
            dated += sum(1 for t in briefing.timeline if t.date)
            for c in contradictions(doc, briefing.timeline, article.published_date):
                found += 1
                print(f"{article.path}: {c.text!r} = {c.date} ({c.verb}; published {article.published})")
                print(f"    {c.sentence[:240]}")
    print(f"contradictions: {found} of {dated} dated entries")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
