"""Every date error on a TempEval-style corpus, with its sentence: the error analysis behind the
Dates figures in the README.

    .venv/bin/python bench/timex_errors.py ../shared/corpus/timex/tbaq-train.jsonl --half even
    .venv/bin/python bench/timex_errors.py ../shared/corpus/timex/tbaq-train.jsonl --half odd --quiet
    .venv/bin/python bench/timex_errors.py ../shared/corpus/timex/tbaq-train.jsonl --only "year (ago|earlier)"

Documents are read and parsed as `briefings extract` does (the parse is cached in `--cache`, so
a second run only re-runs the date rules), dates are found with `extract_dates`, and each
document is scored with the matching of `score.py corpus timex` (imported from `--scorer`, so
the numbers are the scorer's own; the run stops if they ever differ). Errors are listed by
position, one line each with its sentence: FN (a gold date nothing of ours covers), WRONG (ours
covers it with another value), RANGE (one entry of ours holds two gold dates: the scorer credits
one) and FP (ours covers no gold expression at all), then P/R/F1 for the half asked for.
`--half even` is the documents at even positions in the file (0, 2, ...), the development half;
`odd` the other, for confirming. `--only REGEX` lists every gold expression whose text matches,
right or wrong: how the annotators wrote one construction across the corpus. `--conventions`
also scores our dates as TimeML writes them (each end of a range its own expression, the
dateline's date kept): the part of the gap to the gold that is those two conventions alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
RANGE_GAP = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*", re.I)
"""What joins the two ends of one of our ranges (finding.py's joints)."""
sys.path.insert(0, str(ROOT))


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer as a module, so its matching is used as it is, never copied."""
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot import the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parsed(rows: list[dict], cache: Path) -> list[tuple[dict, object, object]]:
    """(row, article, doc) per document; the parse is kept in `cache` between runs."""
    import tempfile

    from spacy.tokens import DocBin

    from generator import ingest
    from generator import nlp as nlp_mod

    articles = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            meta = f"---\ntitle: {row['id']}\nsource: corpus\npublished: '{row['dct']}'\n---\n\n"
            path = Path(tmp) / f"{row['id']}.md"
            path.write_text(meta + row["text"] + "\n", encoding="utf-8")
            articles.append(ingest.read(path))
    nlp = nlp_mod.load()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(rows) and all(d.text == a.text for d, a in zip(docs, articles, strict=True)):
            return list(zip(rows, articles, docs, strict=True))
    docs = list(nlp.pipe([a.text for a in articles]))
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return list(zip(rows, articles, docs, strict=True))


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end), the expression marked."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return re.sub(r"\s+", " ", f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}").strip()


def located(text: str, g: dict) -> tuple[int, int]:
    """Where a gold expression is in the article text (the reader may have moved it a little:
    the nearest copy of its words to its corpus offset)."""
    hits = [m.start() for m in re.finditer(re.escape(g["text"]), text)]
    if not hits:
        return g["start"], g["end"]
    at = min(hits, key=lambda h: abs(h - g["start"]))
    return at, at + len(g["text"])


def main() -> int:
    from generator.extract.dates import extract_dates
    from generator.periods import sort_key

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("--half", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--cache", type=Path, help="parse cache (default: /tmp/<corpus>.spacy)")
    ap.add_argument("--quiet", action="store_true", help="scores only")
    ap.add_argument("--only", help="list every gold expression matching this regex, right or not")
    ap.add_argument("--conventions", action="store_true", help="also score as TimeML writes dates")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    rows = [json.loads(line) for line in args.jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    cache = args.cache or Path("/tmp") / f"{args.jsonl.stem}.spacy"
    halves = {"even": 0, "odd": 1}
    docs = parsed(rows, cache)
    tally = score.Tally()
    found: dict[str, dict] = {}
    timeml: dict[str, dict] = {}
    chosen: list[dict] = []
    for i, (row, article, doc) in enumerate(docs):
        if args.half != "all" and i % 2 != halves[args.half]:
            continue
        published = date.fromisoformat(row["dct"])
        pred = [
            {"text": x.text, "date": x.date, "end": x.end, "start": x.start_char, "stop": x.end_char}
            for x in extract_dates(doc, published)
        ]
        pred.sort(key=lambda p: (p["date"] is None, sort_key(p["date"])))  # the timeline's order
        found[f"{row['id']}.md"] = {"timeline": pred}
        timeml[f"{row['id']}.md"] = {"timeline": as_timeml(article.text, pred, published)}
        chosen.append(row)
        if args.only:
            listing(score, row, article.text, pred, re.compile(args.only, re.I))
            continue
        tally.add(*report(score, row, article.text, pred, args.quiet))
    if args.only:
        return 0
    result = tally.result()
    assert result == score.score_timex(chosen, found)["dates"], "out of step with the scorer"
    counts = f"pred {result['pred']}, gold {result['gold']}"
    print(f"{args.half}: P={result['p']} R={result['r']} F1={result['f1']} ({counts})")
    if args.conventions:
        other = score.score_timex(chosen, timeml)["dates"]
        counts = f"pred {other['pred']}, gold {other['gold']}"
        scores = f"P={other['p']} R={other['r']} F1={other['f1']} ({counts})"
        print(f"{args.half}, ranges split and datelines kept: {scores}")
    return 0


def as_timeml(text: str, pred: list[dict], published: date) -> list[dict]:
    """Our entries as TimeML writes them: a range's ends as two expressions ("from 1991 to 1997"
    is "1991" and "1997"), and the date of a dateline ("BRUSSELS, December 2 (Xinhua) --"),
    which the product leaves out of the timeline, resolved by our own rules."""
    from generator.extract.dates.anchors import Anchors
    from generator.extract.dates.rules import candidates, resolve
    from generator.extract.sentences import DATELINE
    from generator.extract.syntax import PAST

    out: list[dict] = []
    for p in pred:
        gap = RANGE_GAP.search(p["text"]) if p["end"] is not None else None
        ends = (p["text"][: gap.start()], p["text"][gap.end() :]) if gap else ("", "")
        if not all(re.search(r"\d|day\b", end, re.I) for end in ends):
            out.append(p)  # one expression ("the mid-1990s", "this week"), not two joined
            continue
        out.append({**p, "text": ends[0], "end": None})
        out.append({**p, "text": ends[1], "date": p["end"], "end": None})
    start = 0
    for _ in range(3):  # datelines open one of the first paragraphs, as finding.py reads them
        m = DATELINE.match(text[start : start + 200])
        for rule, dm in candidates(m.group(0)) if m else []:
            value = resolve(rule, dm, Anchors(published), PAST)
            if value is not None and value[0]:
                out.append({"text": dm.group(0), "date": value[0], "end": value[1]})
        start = text.find("\n\n", start) + 2
        if start < 2:
            break
    return out


def report(
    score: ModuleType, row: dict, text: str, pred: list[dict], quiet: bool
) -> tuple[int, int, int, int]:
    """The document's (hit_pred, n_pred, hit_gold, n_gold) by the scorer's own matching; unless
    `quiet`, each error found by position (which expression of ours lies over which gold one, so
    that a value the scorer pairs with another phrase of the same words is not hidden)."""
    gold, neutral = [], []
    for x in row["timexes"]:
        calendar = x["type"] in ("DATE", "TIME") and score.ISO_VALUE.match(score.day_part(x["value"]))
        (gold if calendar else neutral).append(x)
    used: set[int] = set()
    n_pred = 0
    for p in pred:
        values, ptext = score.timex_values(p), score.norm(p.get("text"))
        j = next(
            (j for j, g in enumerate(gold) if j not in used and score.day_part(g["value"]) in values
             and score.same_phrase(ptext, score.norm(g["text"]))),
            None,
        )  # fmt: skip
        if j is not None:
            used.add(j)
        n_pred += j is not None or not any(score.same_phrase(ptext, score.norm(x["text"])) for x in neutral)
    if not quiet:
        by_position(score, row, text, pred, gold, neutral)
    return len(used), n_pred, len(used), len(gold)


def listing(score: ModuleType, row: dict, text: str, pred: list[dict], only: re.Pattern[str]) -> None:
    """Every gold expression whose text matches `only`, with ours over it: a convention checked
    across the corpus, not one error at a time."""
    for g in row["timexes"]:
        if not only.search(g["text"]):
            continue
        start, end = located(text, g)
        over = [p for p in pred if p["start"] < end and start < p["stop"]]
        ok = any(score.day_part(g["value"]) in score.timex_values(p) for p in over)
        ours = "; ".join(f"{p['text']!r}={score.date_value(p)}" for p in over) or "-"
        gold, ctx = f"{g['type']} {g['text']!r}={g['value']}", sentence(text, start, end)
        print(f"{'ok' if ok else 'XX'}\t{row['id']} {row['dct']}\t{gold}\tours {ours}\t{ctx}")


def by_position(
    score: ModuleType, row: dict, text: str, pred: list[dict], gold: list[dict], neutral: list[dict]
) -> None:
    """FN: a gold date no expression of ours covers; WRONG: ours covers it with another value
    (or as one end of a range); FP: ours covers no gold expression, calendar or not."""
    head = f"{row['id']} dct={row['dct']}"
    placed = [(located(text, g), g) for g in gold]
    covered: set[int] = set()
    hits: dict[int, list[str]] = {}
    for (start, end), g in placed:
        over = [i for i, p in enumerate(pred) if p["start"] < end and start < p["stop"]]
        covered.update(over)
        right = [i for i in over if score.day_part(g["value"]) in score.timex_values(pred[i])]
        for i in right[:1]:
            hits.setdefault(i, []).append(f"{g['text']!r}={g['value']}")
        if right:
            continue
        ours = "; ".join(f"{pred[i]['text']!r}={score.date_value(pred[i])}" for i in over) or "-"
        kind = "WRONG" if over else "FN"
        print(f"{kind}\t{head}\tgold {g['text']!r}={g['value']}\tours {ours}\t{sentence(text, start, end)}")
    for i, golds in hits.items():
        if len(golds) > 1:  # the scorer credits one expression of ours once
            p = pred[i]
            ctx = sentence(text, p["start"], p["stop"])
            print(f"RANGE\t{head}\tgold {' + '.join(golds)}\tours {p['text']!r}={score.date_value(p)}\t{ctx}")
    for i, p in enumerate(pred):
        if i in covered:
            continue
        if any(p["start"] < e and s < p["stop"] for (s, e) in (located(text, x) for x in neutral)):
            continue
        ctx = sentence(text, p["start"], p["stop"])
        print(f"FP\t{head}\tours {p['text']!r}={score.date_value(p)}\t{ctx}")


if __name__ == "__main__":
    raise SystemExit(main())
