"""Preview latency: from saving a briefing's YAML to `mkdocs serve` serving the rebuilt page.

    .venv/bin/python bench/preview.py [--sizes 100,1000] [--edits 3] [--full]

For each N, a site of N generated briefings (make_briefings.py) is served by `mkdocs serve
--dirty` on localhost, as `make serve` does (`--full`: plain `mkdocs serve`, every save
rebuilding every page). Once the first build is served, one briefing's title is changed and the file saved;
the page is then polled every 50 ms until it shows the new title. Printed per N: the first build
and each edit's latency (median of `--edits`), in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_briefings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - t0
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def run(
    n: int, root: Path, seed: Path | None, edits: int, timeout: float, dirty: bool = True
) -> dict[str, Any]:
    site = make_briefings.site_folder(n, root, seed)
    target = sorted((site / "briefings").glob("*.yaml"))[n // 2]
    port = free_port()
    url = f"http://127.0.0.1:{port}/briefings/{target.stem}/"
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-q",
        "-a",
        f"127.0.0.1:{port}",
        *(["--dirty"] if dirty else []),
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        wait_for(url, str(data["id"]), timeout)
        first = time.perf_counter() - t0
        took = []
        for i in range(edits):
            mark = f"edited{i + 1}x{port}"  # plain letters: found as is in the HTML
            data["title"] = f"{data['title']} {mark}"
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
            time.sleep(1.0)  # let the watcher settle after the previous build
            target.write_text(text, encoding="utf-8")
            took.append(wait_for(url, mark, timeout))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, 9)
    return {
        "n": n,
        "dirty": dirty,
        "first_build_seconds": first,
        "edit_seconds": statistics.median(took),
        "edits": took,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--seed", type=Path, help="folder of real briefings (default: extract sources/)")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--full", action="store_true", help="plain `mkdocs serve` (no --dirty)")
    args = ap.parse_args()
    seed = args.seed or make_briefings.seeds_folder()
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        root = Path(tempfile.mkdtemp(prefix=f"bench-preview-{n}-"))
        try:
            print(json.dumps(run(n, root, seed, args.edits, args.timeout, not args.full)), flush=True)
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
