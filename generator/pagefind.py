"""Pagefind search: an index the browser loads in small chunks, built offline after the site.

Material's own search downloads its whole index before the first result (49 MB at 5000
briefings in bench/site.py); Pagefind splits its index by word and loads only the chunks a
query needs, plus the snippets of the results it shows (under 0.5 MB there). With the plugin
option `pagefind: true`, `post_build` runs the `pagefind` binary (from the `pagefind[bin]`
package: nothing is downloaded) over the built site and empties Material's index so the browser
does not fetch it too; `SCRIPT` (in site_assets/) answers Material's search box from Pagefind.
No MkDocs import here: the plugin calls these.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from .errors import BriefingsError, Problem

REQUIREMENT = "pagefind[bin]==1.5.2"
OUTPUT = "pagefind"
"""Folder of the index inside the site (`<site>/pagefind/`), where the script looks for it."""
SCRIPT = "js/pagefind-search.js"
"""The glue between Material's search box and Pagefind, relative to docs_dir."""
ROOT_SELECTOR = "article.md-content__inner"
"""Only the page's article is indexed: not the navigation, header or footer of every page."""
EXCLUDE = (".headerlink", ".md-content__button", ".bf-edit", ".md-source-file")


def available() -> bool:
    return (
        importlib.util.find_spec("pagefind") is not None
        and importlib.util.find_spec("pagefind_bin") is not None
    )


def build_index(site_dir: Path, timeout: float = 1800) -> Path:
    """Index the built HTML under `site_dir` into `site_dir/pagefind/`; BriefingsError on failure."""
    if not available():
        raise BriefingsError(
            Problem(
                "pagefind", None, None, f"not installed; run `pip install '{REQUIREMENT}'` or turn it off"
            )
        )
    cmd = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        ",".join(EXCLUDE),
        "--force-language",
        "en",
        "--quiet",
    ]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BriefingsError(Problem("pagefind", None, None, f"could not run: {exc}")) from None
    if run.returncode != 0:
        last = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BriefingsError(Problem("pagefind", None, None, f"indexing failed: {last[0]}"))
    return site_dir / OUTPUT


def empty_material_index(site_dir: Path) -> None:
    """Keep Material's index file (its search box needs one) but with no documents in it."""
    path = site_dir / "search" / "search_index.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict):
        data["docs"] = []
        from .store import write_atomic

        write_atomic(path, json.dumps(data, separators=(",", ":")), durable=False)


def post_build(site_dir: Path) -> Path:
    """What the plugin runs after the build when the option is on."""
    out = build_index(site_dir)
    empty_material_index(site_dir)
    return out
