"""Bytes a reader's first search downloads: Material's search against Pagefind.

    .venv/bin/python bench/search.py SITE_DIR [--query clinton]

SITE_DIR is a built site (e.g. from `bench/site.py --keep DIR`). Material's search fetches its
worker and the whole `search/search_index.json` before it can answer. For Pagefind, the site is
indexed (generator/pagefind.py), served on localhost by a server that counts the bytes of every
response, and Pagefind's own `pagefind.js` runs the query in Node (which fetches exactly what a
browser does: entry, wasm, metadata, the index chunks of the query's words, the fragments of
the first five results); `pagefind.js` and our glue script are counted as well. Sizes are given
raw and gzipped (what a server that compresses sends); Pagefind's data files are compressed
already. Where Chromium and Playwright are installed, the same is measured in the browser:
the home page is opened, the query typed into Material's search box, and every byte served for
search counted until the results show (for Pagefind with Material's index emptied and our glue
script, as the plugin option does). Target: under 1 MB for Pagefind at N = 5000.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERY_JS = """
const [,, module, base, query] = process.argv;
const pf = await import(module);
await pf.options({ basePath: base });
const r = await pf.search(query);
const shown = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
console.log(JSON.stringify({ results: r.results.length, shown: shown.length }));
"""


def gz(data: bytes) -> int:
    return min(len(data), len(gzip.compress(data, 6)))


def material(site: Path) -> dict[str, int]:
    index = (site / "search" / "search_index.json").read_bytes()
    worker = b"".join(
        p.read_bytes() for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    )
    return {
        "material_first_query_bytes": len(index) + len(worker),
        "material_first_query_bytes_gzip": gz(index) + gz(worker),
    }


def counting_server(site: Path) -> tuple[http.server.ThreadingHTTPServer, list[tuple[str, bytes]]]:
    """Serve `site` on localhost in a thread, recording every (path, bytes) it sends."""
    fetched: list[tuple[str, bytes]] = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return None

        def copyfile(self, source: Any, outputfile: Any) -> None:
            data = source.read()
            outputfile.write(data)
            fetched.append((self.path, data))

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Counting, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, fetched


def pagefind_query(site: Path, query: str) -> dict[str, Any]:
    """Serve `site`, run one Pagefind query in Node, and count the bytes it fetched."""
    server, fetched = counting_server(site)
    tmp = Path(tempfile.mkdtemp(prefix="bench-pagefind-"))
    try:
        script = tmp / "query.mjs"
        script.write_text(QUERY_JS, encoding="utf-8")
        base = f"http://127.0.0.1:{server.server_address[1]}/pagefind/"
        module = (site / "pagefind" / "pagefind.js").as_uri()
        run = subprocess.run(
            ["node", str(script), module, base, query], capture_output=True, text=True, timeout=300
        )
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-2000:])
        answer = json.loads(run.stdout.strip().splitlines()[-1])
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    # pagefind.js was imported from disk, and the glue script comes with every page: count both.
    extra = [(site / "pagefind" / "pagefind.js").read_bytes()]
    glue = ROOT / "site_assets" / "js" / "pagefind-search.js"
    if glue.is_file():
        extra.append(glue.read_bytes())
    datas = [d for _, d in fetched] + extra
    return {
        "pagefind_query": query,
        "pagefind_results": answer["results"],
        "pagefind_requests": len(fetched) + len(extra),
        "pagefind_first_query_bytes": sum(len(d) for d in datas),
        "pagefind_first_query_bytes_gzip": sum(gz(d) for d in datas),
    }


CHROMIUM = Path("/usr/bin/chromium")
PAGE = "_bench_search.html"


def browser_query(site: Path, page: str, query: str) -> dict[str, Any]:
    """Open `page` in Chromium, type `query` in Material's search box, wait for the results, and
    sum the bytes served for search (Material's index and worker, Pagefind, the glue script)."""
    from playwright.sync_api import sync_playwright

    server, fetched = counting_server(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            tab = browser.new_page()
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}", wait_until="networkidle")
            box = tab.locator('[data-md-component="search-query"]')
            box.click()
            box.type(query, delay=60)
            tab.wait_for_selector(".md-search-result__item", timeout=600_000)
            tab.wait_for_load_state("networkidle")
            meta = tab.locator(".md-search-result__meta").inner_text()
            browser.close()
    finally:
        server.shutdown()
    search = [(u, d) for u, d in fetched if "search" in u or "pagefind" in u]
    return {
        "results": meta,
        "requests": len(search),
        "bytes": sum(len(d) for _, d in search),
        "bytes_gzip": sum(gz(d) for _, d in search),
    }


def measure(site: Path, query: str = "clinton") -> dict[str, Any]:
    """Material first (its full index), then Pagefind (which empties Material's index)."""
    from generator import pagefind

    r: dict[str, Any] = material(site)
    use_browser = CHROMIUM.exists() and importlib.util.find_spec("playwright") is not None
    if use_browser:
        r.update({f"material_browser_{k}": v for k, v in browser_query(site, "index.html", query).items()})
    pagefind.build_index(site)
    files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
    r["pagefind_index_mb"] = sum(f.stat().st_size for f in files) / 1e6
    if shutil.which("node"):
        r.update(pagefind_query(site, query))
    if use_browser:
        pagefind.empty_material_index(site)
        glue = site / pagefind.SCRIPT
        glue.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "site_assets" / pagefind.SCRIPT, glue)
        html = (site / "index.html").read_text(encoding="utf-8")
        if pagefind.SCRIPT not in html:
            html = html.replace("</body>", f'<script src="{pagefind.SCRIPT}"></script></body>', 1)
        (site / PAGE).write_text(html, encoding="utf-8")
        r.update({f"pagefind_browser_{k}": v for k, v in browser_query(site, PAGE, query).items()})
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path)
    ap.add_argument("--query", default="clinton")
    args = ap.parse_args()
    print(json.dumps(measure(args.site, args.query), indent=2))


if __name__ == "__main__":
    main()
