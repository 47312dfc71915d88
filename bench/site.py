"""Site build at scale: our plugin against a plain Material build of the same pages.

    .venv/bin/python bench/site.py [--sizes 100,500,1000,5000] [--pagefind] [--keep DIR] [--jobs N]

For each N, `make_briefings.py` makes N briefings from real ones, and two sites are built, each
by its own `mkdocs build` process (wall time and peak memory of that process):

- ours: mkdocs.yml of this repository (theme, features, markdown extensions, search settings),
  the `briefings` plugin over the N YAML files;
- plain: the same mkdocs.yml without the plugin, over N Markdown files holding the very pages the
  plugin generates for the briefings, plus its navigation pages, with the same `nav`.

Printed: build time of ours over plain per N (target <= 1.3 at 5000; also in CPU seconds, which
a loaded machine does not distort as it does wall time: the plugin's second core helps only when
it is free), per-briefing cost at the
largest N over that at 500 (target <= 1.3; both plain `time / N` and the marginal cost above the
smallest N), peak memory (target < 1 GB), size of the site and of Material's search index, and
with `--pagefind`, Pagefind's index and the bytes its first query downloads (see search.py).
The two builds of each N run back to back, so load from other processes on a shared machine
falls on both alike. `--jobs 1` makes the plugin read, check and render in the build's own
process only (its default uses every core; MkDocs itself uses one either way).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_briefings  # noqa: E402

WRAP = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "took = time.perf_counter() - t\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(took, use.ru_maxrss, use.ru_utime + use.ru_stime, r.returncode)\n"
    "sys.stderr.write(r.stderr[-3000:] if r.returncode else '')\n"
)


def measure(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Wall seconds, CPU seconds (of the process and every process it started) and peak RSS (MB)
    of one process, measured by a fresh wrapper process. On a shared machine the CPU seconds
    hold still where wall time follows the load."""
    out = subprocess.run(
        [sys.executable, "-c", WRAP, *cmd], cwd=cwd, capture_output=True, text=True, check=True
    )
    took, rss, cpu, code = out.stdout.split()
    if code != "0":
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{out.stderr}")
    return {"seconds": float(took), "cpu_seconds": float(cpu), "peak_mb": int(rss) / 1024}


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def prepare(n: int, root: Path, seed: Path | None) -> tuple[Path, Path]:
    """Both sites for N briefings: `root/ours` (plugin over YAML) and `root/plain` (Markdown)."""
    from generator import mkdocs_plugin
    from generator.site import data, render

    ours = make_briefings.site_folder(n, root / "ours", seed)
    plain = root / "plain"
    cfg = make_briefings.mkdocs_config()
    docs = cfg.get("docs_dir", "docs")

    loaded = data.load_site(ours / "briefings", ours)
    options = render.Options(templates_dir=ours / "templates")
    pages = render.render_site(loaded.entries, options, loaded.registry)
    nav_pages = {p for item in mkdocs_plugin.NAV for p in item.values()}
    shutil.copytree(ROOT / docs, plain / docs)
    for page in pages:
        if page.yaml is not None or page.path in nav_pages:
            target = plain / docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.content, encoding="utf-8")
    plain_cfg = dict(cfg)
    plain_cfg["plugins"] = [
        p for p in cfg.get("plugins", []) if not (isinstance(p, dict) and "briefings" in p)
    ]
    plain_cfg["nav"] = mkdocs_plugin.NAV
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_cfg, sort_keys=False), encoding="utf-8")
    return ours, plain


def build(site: Path) -> dict[str, float]:
    return measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"], site)


def set_jobs(site: Path, jobs: int) -> None:
    """The plugin's `jobs` option in the site's mkdocs.yml."""
    cfg = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    for i, plugin in enumerate(cfg.get("plugins", [])):
        if plugin == "briefings":
            cfg["plugins"][i] = plugin = {"briefings": {}}
        if isinstance(plugin, dict) and "briefings" in plugin:
            plugin["briefings"] = {**(plugin["briefings"] or {}), "jobs": jobs}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")


def run(n: int, root: Path, seed: Path | None, pagefind: bool, jobs: int | None = None) -> dict[str, Any]:
    ours, plain = prepare(n, root, seed)
    if jobs is not None:
        set_jobs(ours, jobs)
    r: dict[str, Any] = {"n": n, "jobs": jobs or "all cores"}
    for name, site in (("plain", plain), ("ours", ours)):
        b = build(site)
        r[f"{name}_seconds"] = b["seconds"]
        r[f"{name}_cpu_seconds"] = b["cpu_seconds"]
        r[f"{name}_peak_mb"] = b["peak_mb"]
        r[f"{name}_site_mb"] = size(site / "site") / 1e6
        r[f"{name}_search_index_mb"] = size(site / "site" / "search" / "search_index.json") / 1e6
    r["ratio_ours_over_plain"] = r["ours_seconds"] / r["plain_seconds"]
    r["cpu_ratio_ours_over_plain"] = r["ours_cpu_seconds"] / r["plain_cpu_seconds"]
    if pagefind:
        import search

        r.update(search.measure(ours / "site"))
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,500,1000", help="comma-separated N (e.g. 100,500,1000,5000)")
    ap.add_argument("--seed", type=Path, help="folder of real briefings (default: extract sources/)")
    ap.add_argument(
        "--pagefind", action="store_true", help="also index with Pagefind and measure a first query"
    )
    ap.add_argument("--keep", type=Path, help="keep the built sites under this folder")
    ap.add_argument("--jobs", type=int, help="the plugin's `jobs` option (default: every core)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    seed = args.seed or make_briefings.seeds_folder()
    results = []
    for n in sizes:
        root = (args.keep / str(n)) if args.keep else Path(tempfile.mkdtemp(prefix=f"bench-site-{n}-"))
        if root.exists() and args.keep:
            shutil.rmtree(root)
        try:
            r = run(n, root, seed, args.pagefind, args.jobs)
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        results.append(r)
        print(json.dumps(r), flush=True)
    print(summary(results))


def summary(results: list[dict[str, Any]]) -> str:
    lines = [
        "| N | ours s | plain s | ours/plain | CPU s ours / plain | ours peak MB | site MB | index MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['n']} | {r['ours_seconds']:.1f} | {r['plain_seconds']:.1f} "
            f"| {r['ratio_ours_over_plain']:.2f} "
            f"| {r['ours_cpu_seconds']:.1f} / {r['plain_cpu_seconds']:.1f} "
            f"| {r['ours_peak_mb']:.0f} | {r['ours_site_mb']:.1f} | {r['ours_search_index_mb']:.1f} |"
        )
    by_n = {r["n"]: r for r in results}
    big, small = max(by_n), min(by_n)
    if 500 in by_n and big > 500:
        for name in ("ours", "plain"):
            per = (by_n[big][f"{name}_seconds"] / big) / (by_n[500][f"{name}_seconds"] / 500)
            lines.append(f"{name}: per-briefing cost at {big} over at 500: {per:.2f} (time / N)")
            if small < 500:
                a = (by_n[big][f"{name}_seconds"] - by_n[small][f"{name}_seconds"]) / (big - small)
                b = (by_n[500][f"{name}_seconds"] - by_n[small][f"{name}_seconds"]) / (500 - small)
                lines.append(
                    f"{name}: marginal cost per briefing above N={small}, {big} over 500: {a / b:.2f}"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
