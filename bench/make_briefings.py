"""Make N briefings from a few real ones, for the site benchmarks.

    .venv/bin/python bench/make_briefings.py N OUT [--seed DIR]

Each generated briefing is a real one (from `--seed`, default: `briefings extract sources/` into
a scratch folder) with a new id, title and publication date (spread over three years, a few a
day, so month and week listings fill as they would), and its people renamed from a pool that
grows with N, so that actors recur across briefings the way they do in a real digest. References
to renamed actors (speakers, timeline and question actors) follow, and timeline dates move with
the publication date (so the newest briefings have upcoming events, and copies of one seed a few
days apart make stories). The text is left as it is.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.periods import Period  # noqa: E402

FIRST = [
    "Ada",
    "Ben",
    "Chen",
    "Dara",
    "Eli",
    "Farah",
    "Gus",
    "Hana",
    "Ivan",
    "Jia",
    "Kofi",
    "Lena",
    "Mateo",
    "Nia",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Xavi",
    "Yara",
    "Zoe",
    "Amir",
    "Bea",
    "Carl",
    "Dina",
    "Emil",
    "Fay",
    "Gabe",
    "Hugo",
    "Iris",
    "Jon",
    "Kai",
    "Lia",
    "Max",
    "Noor",
]
LAST = [
    "Abe",
    "Baker",
    "Costa",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kim",
    "Lopez",
    "Mensah",
    "Novak",
    "Okafor",
    "Patel",
    "Quist",
    "Rossi",
    "Sato",
    "Tanaka",
    "Usman",
    "Vogel",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Alvarez",
    "Brandt",
    "Cohen",
    "Dubois",
    "Eze",
    "Fontaine",
    "Gupta",
    "Holm",
    "Ibrahim",
    "Jovanovic",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Olsen",
    "Petrov",
    "Reyes",
    "Santos",
    "Torres",
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def seeds_folder() -> Path:
    """The repository's sources/ extracted into a scratch folder: the real briefings to vary."""
    folder = Path(tempfile.mkdtemp(prefix="bench-seed-")) / "briefings"
    cmd = [sys.executable, "-m", "generator.cli", "extract", "sources", "--out", str(folder)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return folder


def seeds(folder: Path | None) -> list[dict[str, Any]]:
    """The real briefings to vary; extracted from sources/ when no folder is given."""
    if folder is None:
        folder = seeds_folder()
    found = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]
    found = [b for b in found if isinstance(b, dict) and b.get("id")]
    if not found:
        sys.exit(f"no briefings in {folder}")
    return found


def shift(value: Any, days: int) -> Any:
    """An ISO period moved by `days` at its own granularity, so that timeline entries keep their
    distance to the (new) publication date: the newest briefings have upcoming events."""
    if not isinstance(value, str):
        return value
    try:
        p = Period.parse(value)
    except ValueError:
        return value
    moved = p.first + timedelta(days=days)
    if p.kind == "day":
        return moved.isoformat()
    if p.kind == "week":
        iso = moved.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if p.kind == "month":
        return moved.isoformat()[:7]
    return f"{moved.year:04d}{value[4:]}"


def copy_day(i: int, n: int) -> date:
    return date(2021, 1, 1) + timedelta(days=(i * 3 * 365) // max(n, 1))


def copy_id(seed: dict[str, Any], i: int, n: int) -> str:
    return f"{copy_day(i, n).isoformat()}-{slug(seed['title'])[:50].rstrip('-')}-{i + 1}"


def answered_by(real: list[dict[str, Any]], i: int, n: int, old: str) -> str | None:
    """The copy of the answering seed in the same round as copy `i` (None past the last copy),
    so that a closed question stays closed by a briefing of the generated set."""
    ids = [str(r.get("id")) for r in real]
    if old not in ids:
        return None
    j = i - i % len(real) + ids.index(old)
    return copy_id(real[j % len(real)], j, n) if j < n else None


def vary(seed: dict[str, Any], i: int, n: int, real: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    b = copy.deepcopy(seed)
    b.pop("story", None)  # an editor's story link would put every copy in one story
    day = copy_day(i, n)
    b["title"] = f"{seed['title']} ({i + 1})"
    b["id"] = copy_id(seed, i, n)
    source = b.setdefault("source", {})
    try:
        delta = (day - date.fromisoformat(str(source.get("published"))[:10])).days
    except ValueError:
        delta = 0
    source["published"] = day.isoformat()
    for t in b.get("timeline") or []:
        t["date"], t["end"] = shift(t.get("date"), delta), shift(t.get("end"), delta)
    pool = max(40, n // 4)
    rename: dict[str, str] = {}
    used: set[str] = set()
    for k, actor in enumerate(b.get("actors") or []):
        if actor.get("kind") != "person":
            used.add(actor["id"])
            continue
        j = (i * 7 + k * 13) % pool
        name = f"{FIRST[j % len(FIRST)]} {LAST[(j // len(FIRST)) % len(LAST)]}"
        if j >= len(FIRST) * len(LAST):
            name += f" {j // (len(FIRST) * len(LAST)) + 1}"
        new_id = slug(name)
        if new_id in used:
            used.add(actor["id"])
            continue
        used.add(new_id)
        rename[actor["id"]] = new_id
        actor["id"], actor["name"], actor["aliases"] = new_id, name, [name.split()[-1]]
    for q in b.get("quotes") or []:
        q["speaker"] = rename.get(q.get("speaker"), q.get("speaker"))
    for family in ("timeline", "questions"):
        for item in b.get(family) or []:
            item["actors"] = [rename.get(a, a) for a in item.get("actors") or []]
            if item.get("answered_by"):
                closer = answered_by(real or [seed], i, n, str(item["answered_by"]))
                if closer is None:  # its answering briefing has no copy: the question stays open
                    for key in ("status", "answer", "answered_by"):
                        item.pop(key, None)
                else:
                    item["answered_by"] = closer
    return b


def make(n: int, out: Path, seed_dir: Path | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    real = seeds(seed_dir)
    paths = []
    for i in range(n):
        b = vary(real[i % len(real)], i, n, real)
        path = out / f"{b['id']}.yaml"
        path.write_text(yaml.safe_dump(b, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
        paths.append(path)
    return paths


def mkdocs_config() -> dict[str, Any]:
    """This repository's mkdocs.yml."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml_load(fh)  # MkDocs' reader: `!ENV` values resolved
    return data


def site_folder(n: int, root: Path, seed: Path | None = None) -> Path:
    """A folder ready for `mkdocs build`: this repository's mkdocs.yml, docs, templates and
    sources, and N generated briefings."""
    cfg = mkdocs_config()
    docs = cfg.get("docs_dir", "docs")
    shutil.copytree(ROOT / docs, root / docs)
    for folder in ("sources", "templates"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, root / folder)
    make(n, root / "briefings", seed)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=Path, help="folder of real briefings (default: extract sources/)")
    args = ap.parse_args()
    print(f"{len(make(args.n, args.out, args.seed))} briefings in {args.out}")


if __name__ == "__main__":
    main()
