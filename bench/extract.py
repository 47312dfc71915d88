"""Extraction speed against its limit, and the cost of re-running on unchanged sources.

    .venv/bin/python bench/extract.py [--limit 200] [--rerun 1000] [--jobs 2]
    .venv/bin/python bench/extract.py --whole [--repeat 3]     # only the whole-process timings
    .venv/bin/python bench/extract.py --phases 150              # only where one run's time goes

1. Throughput. Our words per second over a raw `nlp.pipe` over the same texts with the same
   model, in the same process, single process. The texts are cut into chunks and the two are
   timed alternately, chunk by chunk, so that load from other processes on a shared machine
   falls on both alike. "extraction" is source files -> `Briefing`s (reading, parsing, every
   extractor); "end to end" adds writing the YAML as `briefings extract` does. Target >= 0.8.
2. Whole processes (`--whole`), timed as a user runs them, each a fresh process in a fresh folder:
   a raw `nlp.pipe` process (load the model, read the texts, pipe them; nothing else) against
   `briefings extract --jobs 1` (model, reading, extraction, YAML, cache, writing) on the same
   `--whole-texts` sources: raw seconds over ours, target >= 0.85. Then `--jobs 0` against
   `--jobs 1` on `--jobs-texts` sources: single-process seconds over parallel ones, target >= 1.6
   on 2 cores. The two sides of each pair run back to back, in alternating order (ABBA), and
   `--repeat` pairs are timed: each pair gives a ratio, and the median, minimum and maximum of
   those ratios are printed with the load average, so that load from other processes on a shared
   machine, which falls on both sides of a pair alike, shows as spread rather than as a bias.
   CPU seconds (user + system, of the process and its workers) are given beside wall seconds,
   and how many cores other processes kept busy during each run (from /proc/stat). Where the
   kernel shares CPU time between sessions rather than processes (Linux autogroup scheduling,
   `/proc/sys/kernel/sched_autogroup_enabled`), a second worker gets a second core only while
   the machine has one idle: with other sessions busy, `--jobs 0` cannot beat `--jobs 1` and
   the ratio says so; read it with the other processes' cores beside it.
3. Stages (`--phases N`): one process runs each stage of a single-process `briefings extract` over
   N sources to the end before the next (import, model, reading, cache keys, parse, extraction,
   cache entries, YAML and files) and prints the CPU and wall seconds of each: where the time goes.
4. Re-run. `briefings extract` over `--rerun` sources (PolNeAR train + dev texts, repeated with
   a numbered title when more are asked for) into an empty folder, then again with nothing
   changed: plain (existing briefings are kept), `--force` and `--update` (both answered from
   the cache). Each run is its own process, as a user would run it, on a frozen copy of the
   package so that edits made meanwhile cannot invalidate the cache. Target < 5% of the first.

The PolNeAR texts come from ../shared/corpus/quotes/ (see its README); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "quotes"
sys.path.insert(0, str(ROOT))


def corpus(limit: int | None, files: tuple[str, ...] = ("polnear-train.jsonl",)) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in files:
        with open(CORPUS / name, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def write_sources(rows: list[dict[str, str]], folder: Path, n: int | None = None) -> list[Path]:
    """One Markdown source per text (front matter like the scorer's); repeats get a numbered title."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n or len(rows)):
        row = rows[i % len(rows)]
        title = row["title"] if i < len(rows) else f"{row['title']} ({i // len(rows) + 1})"
        path = folder / f"{i:05d}.md"
        front = (
            f"---\ntitle: {json.dumps(title)}\npublished: {row['dct']}\nsource: {row['publisher']}\n---\n\n"
        )
        path.write_text(front + row["text"] + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def throughput(limit: int, chunk: int, model: str | None, jobs: int) -> dict[str, float]:
    import spacy

    from generator import batch, ingest, nlp, writing

    rows = corpus(limit)
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        paths = write_sources(rows, tmp / "src")
        out = tmp / "out"
        raw_nlp = spacy.load(nlp.model_name(model))
        ours_nlp = nlp.load(model)
        warm = [ingest.read(p) for p in paths[:2]]
        list(raw_nlp.pipe([a.text for a in warm]))
        list(batch.extract_all(warm, model=model, jobs=1, progress=False))
        t = {"raw": 0.0, "read": 0.0, "extract": 0.0, "write": 0.0}
        words = 0
        for n, i in enumerate(range(0, len(paths), chunk)):
            part = paths[i : i + chunk]

            def raw(part: list[Path] = part) -> None:
                texts = [ingest.read(p).text for p in part]
                t0 = time.perf_counter()
                for _ in raw_nlp.pipe(texts, batch_size=batch.BATCH_SIZE):
                    pass
                t["raw"] += time.perf_counter() - t0

            def ours(part: list[Path] = part) -> int:
                t0 = time.perf_counter()
                articles = [ingest.read(p) for p in part]
                t1 = time.perf_counter()
                results = list(batch.extract_all(articles, model=model, jobs=1, progress=False))
                t2 = time.perf_counter()
                for r in results:
                    assert isinstance(r, batch.Briefing), r
                    writing.write_fresh(out / f"{r.id}.yaml", r.to_dict())
                t3 = time.perf_counter()
                t["read"] += t1 - t0
                t["extract"] += t2 - t1
                t["write"] += t3 - t2
                return sum(len(a.text.split()) for a in articles)

            if n % 2:
                words += ours()
                raw()
            else:
                raw()
                words += ours()
        del ours_nlp
        result = {
            "articles": len(paths),
            "words": words,
            "raw_words_per_s": words / t["raw"],
            "ours_extraction_words_per_s": words / (t["read"] + t["extract"]),
            "ours_end_to_end_words_per_s": words / (t["read"] + t["extract"] + t["write"]),
            **{f"seconds_{k}": v for k, v in t.items()},
        }
        result["ratio_extraction"] = result["ours_extraction_words_per_s"] / result["raw_words_per_s"]
        result["ratio_end_to_end"] = result["ours_end_to_end_words_per_s"] / result["raw_words_per_s"]
        if jobs > 1:
            articles = [ingest.read(p) for p in paths]
            t0 = time.perf_counter()
            list(batch.extract_all(articles, model=model, jobs=1, progress=False))
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            list(batch.extract_all(articles, model=model, jobs=jobs, progress=False))
            many = time.perf_counter() - t0
            result[f"speedup_jobs_{jobs}"] = one / many
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def rerun(n: int, model: str | None, jobs: int) -> dict[str, float]:
    """Time whole `briefings extract` processes on a frozen copy of the package."""
    rows = corpus(None, ("polnear-train.jsonl", "polnear-dev.jsonl"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-rerun-"))
    try:
        env = frozen(tmp, model)
        write_sources(rows, tmp / "src", n)
        base = [sys.executable, "-m", "generator.cli", "extract", "src", "--out", "out", "--jobs", str(jobs)]

        def run(*extra: str) -> float:
            t0 = time.perf_counter()
            proc = subprocess.run([*base, *extra], cwd=tmp, env=env, capture_output=True, text=True)
            took = time.perf_counter() - t0
            if proc.returncode != 0:
                sys.exit(f"extract {' '.join(extra)} failed:\n{proc.stderr[-2000:]}")
            return took

        first = run()
        result = {"sources": n, "jobs": jobs, "seconds_first": first}
        for name, extra in (("plain", ()), ("force", ("--force",)), ("update", ("--update",))):
            took = run(*extra)
            result[f"seconds_{name}"] = took
            result[f"ratio_{name}"] = took / first
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


RAW = """
import sys
from pathlib import Path

import spacy

nlp = spacy.load(sys.argv[1])
files = sorted(Path(sys.argv[3]).glob("*.md"))
texts = [p.read_text(encoding="utf-8").split("\\n---\\n", 1)[1] for p in files]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""
"""The raw process: the model as shipped (all its enabled components), the texts after the front
matter, one `nlp.pipe` at our batch size (the fastest; spaCy's default of 1000 is slower)."""


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot (all processes, all cores), or 0
    where /proc/stat is missing."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(f) for f in fields]
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # minus idle, iowait


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall and CPU seconds (user + system, with the workers it waited for) of one process, and
    how many cores everything else on the machine kept busy meanwhile, on average."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy, t0 = busy_seconds(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd[:6])} failed:\n{proc.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, max(0.0, busy_seconds() - busy - cpu) / wall


def pairs(a: Any, b: Any, repeat: int) -> list[dict[str, float]]:
    """`repeat` pairs of runs of `a` and `b` (callables giving wall, CPU, others), in ABBA order."""
    out = []
    for i in range(repeat):
        first, second = (a, b) if i % 2 == 0 else (b, a)
        r1, r2 = first(), second()
        (aw, ac, ao), (bw, bc, bo) = (r1, r2) if i % 2 == 0 else (r2, r1)
        out.append({"a_wall": aw, "a_cpu": ac, "b_wall": bw, "b_cpu": bc, "a_others": ao, "b_others": bo})
        print(
            f"  pair {i + 1}: {aw:.1f} s / {bw:.1f} s wall = {aw / bw:.2f}; cpu {ac / bc:.2f}; "
            f"other processes kept {ao:.1f} / {bo:.1f} cores busy; load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return out


def spread(runs: list[dict[str, float]], kind: str) -> dict[str, float]:
    ratios = sorted(r[f"a_{kind}"] / r[f"b_{kind}"] for r in runs)
    return {"median": statistics.median(ratios), "min": ratios[0], "max": ratios[-1]}


def frozen(tmp: Path, model: str | None) -> dict[str, str]:
    """The environment of a process that runs a copy of the package made now, so that edits made
    while a benchmark runs cannot change what it measures."""
    shutil.copytree(
        ROOT / "generator", tmp / "pkg" / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {**os.environ, "PYTHONPATH": str(tmp / "pkg")}
    if model:
        env["BRIEFINGS_MODEL"] = model
    return env


def whole(n_ratio: int, n_jobs: int, model: str | None, repeat: int) -> dict[str, Any]:
    """Whole processes: raw `nlp.pipe` against `briefings extract`, and `--jobs 0` against 1."""
    from generator import batch, nlp

    rows = corpus(None, ("polnear-train.jsonl", "polnear-dev.jsonl"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-whole-"))
    env = frozen(tmp, model)
    runs = 0

    def ours(src: Path, jobs: int) -> Any:
        def run() -> tuple[float, float, float]:
            nonlocal runs
            runs += 1
            here = tmp / f"run{runs}"
            here.mkdir()
            cmd = [sys.executable, "-m", "generator.cli", "extract", str(src), "--out", "out"]
            took = timed([*cmd, "--jobs", str(jobs)], here, env)
            shutil.rmtree(here, ignore_errors=True)
            return took

        return run

    try:
        small, large = tmp / "small", tmp / "large"
        write_sources(rows, small, n_ratio)
        if n_jobs:
            write_sources(rows, large, n_jobs)
        raw_cmd = [sys.executable, "-c", RAW, nlp.model_name(model), str(batch.BATCH_SIZE), str(small)]
        timed([*raw_cmd[:-1], str(ROOT / "sources")], tmp, env)  # warms the disk cache (model files)
        result: dict[str, Any] = {"load_before": os.getloadavg()}
        print(f"raw nlp.pipe process / briefings extract --jobs 1, {n_ratio} texts:", flush=True)
        result["raw_vs_ours"] = runs_ = pairs(lambda: timed(raw_cmd, tmp, env), ours(small, 1), repeat)
        result["ratio_raw_over_ours"] = spread(runs_, "wall")
        result["ratio_raw_over_ours_cpu"] = spread(runs_, "cpu")
        if n_jobs:
            print(f"--jobs 1 / --jobs 0 ({batch.workers(0, n_jobs)} workers), {n_jobs} texts:", flush=True)
            result["single_vs_jobs0"] = runs_ = pairs(ours(large, 1), ours(large, 0), repeat)
            result["speedup_jobs0"] = spread(runs_, "wall")
        result["load_after"] = os.getloadavg()
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


PHASES = """
import sys, time
marks = [("start", time.process_time(), time.perf_counter())]
def mark(name):
    marks.append((name, time.process_time(), time.perf_counter()))
import spacy
mark("import spacy")
from pathlib import Path
from generator import batch, nlp, sources, writing
from generator.extract import pipeline
mark("import generator")
model = nlp.load()
mark("load model")
files, _ = sources.sources_in([sys.argv[1]])
articles, _ = sources.read_all(files)
mark("read sources")
cache = batch.Cache(Path("cache"))
keys = [cache.key(a) for a in articles]
mark("cache keys")
docs = list(model.pipe([a.text for a in articles], batch_size=batch.BATCH_SIZE))
mark("parse (nlp.pipe)")
found = [pipeline.from_doc(a, d, nlp=model) for a, d in zip(articles, docs)]
mark("extract")
data = [b.to_dict() for b in found]
mark("to_dict")
for k, b in zip(keys, found):
    cache.put(k, b)
mark("cache entries")
for d in data:
    writing.write_fresh(Path("out") / (d["id"] + ".yaml"), d)
mark("YAML and files")
for (name, cpu, wall), (_, cpu0, wall0) in zip(marks[1:], marks):
    print(f"{name}\t{cpu - cpu0:.3f}\t{wall - wall0:.3f}")
"""
"""Each stage of `briefings extract --jobs 1`, one after another in one process: CPU and wall s."""


def phases(n: int) -> list[tuple[str, float, float]]:
    """Where a whole single-process run spends its time, stage by stage (`--phases`)."""
    rows = corpus(None, ("polnear-train.jsonl", "polnear-dev.jsonl"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-phases-"))
    try:
        write_sources(rows, tmp / "src", n)
        env = frozen(tmp, None)
        proc = subprocess.run(
            [sys.executable, "-c", PHASES, str(tmp / "src")], cwd=tmp, env=env, capture_output=True, text=True
        )
        if proc.returncode != 0:
            sys.exit(proc.stderr[-2000:])
        return [
            (name, float(c), float(w)) for name, c, w in (ln.split("\t") for ln in proc.stdout.splitlines())
        ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--limit", type=int, default=200, help="PolNeAR training texts for throughput (0 = all 840)"
    )
    ap.add_argument("--chunk", type=int, default=20, help="texts per alternately timed chunk")
    ap.add_argument("--rerun", type=int, help="sources for the re-run test (default 1000; 0 = skip)")
    ap.add_argument("--jobs", type=int, default=1, help="also time --jobs N (throughput) / use it (re-run)")
    ap.add_argument("--model", help="spaCy model (default: $BRIEFINGS_MODEL or the pinned one)")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--whole", action="store_true", help="time whole processes (see 2. above)")
    ap.add_argument("--whole-texts", type=int, default=150, help="sources for raw vs ours")
    ap.add_argument("--jobs-texts", type=int, default=300, help="sources for --jobs 0 vs --jobs 1 (0 = skip)")
    ap.add_argument("--repeat", type=int, default=3, help="pairs of whole runs to time")
    ap.add_argument("--phases", type=int, default=0, help="time each stage of a run over N sources")
    args = ap.parse_args()
    only = args.whole or args.phases  # these alone, unless the others are asked for
    rerun_n = args.rerun if args.rerun is not None else (0 if only else 1000)
    if args.phases:
        stages = phases(args.phases)
        cpu = sum(c for _, c, _ in stages)
        print(f"{'stage':20} {'cpu s':>7} {'share':>6} {'wall s':>7}")
        for name, c, w in stages:
            print(f"{name:20} {c:7.2f} {c / cpu:6.1%} {w:7.2f}")
        wall = sum(w for _, _, w in stages)
        print(f"{'total':20} {cpu:7.2f} {'':6} {wall:7.2f}  (load average {os.getloadavg()[0]:.1f})")
    if not args.skip_throughput and not only:
        r = throughput(args.limit, args.chunk, args.model, args.jobs)
        print(json.dumps({"throughput": r}, indent=2))
        print(
            f"extraction: {r['ratio_extraction']:.2f} of raw nlp.pipe words/s "
            f"({r['ours_extraction_words_per_s']:.0f} vs {r['raw_words_per_s']:.0f}; target >= 0.8); "
            f"end to end with YAML: {r['ratio_end_to_end']:.2f}",
            flush=True,
        )
    if args.whole:
        w = whole(args.whole_texts, args.jobs_texts, args.model, args.repeat)
        print(json.dumps({"whole": w}, indent=2))
        r1, cpu = w["ratio_raw_over_ours"], w["ratio_raw_over_ours_cpu"]
        line = (
            f"whole run: ours at {r1['median']:.2f} of a raw nlp.pipe process (min {r1['min']:.2f}, "
            f"max {r1['max']:.2f}; cpu {cpu['median']:.2f}; target >= 0.85)"
        )
        if "speedup_jobs0" in w:
            r2 = w["speedup_jobs0"]
            line += (
                f"; --jobs 0: {r2['median']:.2f}x --jobs 1 (min {r2['min']:.2f}, max {r2['max']:.2f}; "
                "target >= 1.6)"
            )
        print(f"{line}; load average {w['load_before'][0]:.1f} -> {w['load_after'][0]:.1f}", flush=True)
    if rerun_n:
        r = rerun(rerun_n, args.model, args.jobs)
        print(json.dumps({"rerun": r}, indent=2))
        print(
            f"re-run on {r['sources']} unchanged sources: plain {r['ratio_plain']:.1%}, "
            f"--force {r['ratio_force']:.1%}, --update {r['ratio_update']:.1%} of the first run "
            f"({r['seconds_first']:.0f} s; target < 5%)"
        )


if __name__ == "__main__":
    main()
