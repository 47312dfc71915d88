"""`briefings extract` as a library call: ids, the write policy, and what a run reports.

Policy for a briefing that already exists: "keep" leaves it alone (the default: editors' work is
never overwritten), "force" replaces it, "update" merges the new extraction into it (`merge`).
All three apply only to the briefing of the same source (the same file, address or text): a
different article whose title makes the same id gets the next free suffix instead (`place`).
Every write leaves an identical file untouched, so `mkdocs serve` does not wake for it, and keeps
the machine output beside the folder as the base of the next merge.
"""

from __future__ import annotations

import os
import re
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from ruamel.yaml.comments import CommentedMap

from . import batch, ingest, merge, names, registry, sources, store
from .errors import BriefingsError, Problem
from .ingest import Article
from .model import Briefing

Policy = Literal["keep", "force", "update"]
MACHINE_DIR = Path(".briefings") / "machine"


def assign_ids(articles: Sequence[Article], out: Path | None = None) -> list[str]:
    """One briefing id per article, unique in the batch: a repeated id gets `-2`, `-3`...; with
    `out`, an id whose briefing there belongs to another article is skipped too (`place`)."""
    return [p.id for p in place(articles, out)]


@dataclass(frozen=True)
class Placement:
    """The id an article's briefing gets, and what held the plain id when it got a suffix."""

    id: str
    clash: str | None = None


def place(articles: Sequence[Article], out: Path | None = None) -> list[Placement]:
    """Ids for `articles`: `<date>-<title slug>`, with the next free `-2`, `-3`... when another
    article of the batch, or (in `out`) the briefing of another source, holds it. Two different
    articles never share a briefing; an article's own briefing keeps its id run after run."""
    taken: dict[str, str] = {}
    placed: list[Placement] = []
    for article in articles:
        base = bid = names.briefing_id(article.title, article.published)
        n, clash = 2, None
        while True:
            holder = taken.get(bid) or (_other_source(out / f"{bid}.yaml", article) if out else None)
            if holder is None:
                break
            clash = clash or f"{bid} is the briefing of {holder}"
            bid, n = f"{base}-{n}", n + 1
        taken[bid] = article.path
        placed.append(Placement(bid, clash))
    return placed


SOURCE_KEYS = re.compile(r"^ {2}(file|url|sha256):[ \t]*(.*)$", re.M)


def recorded_source(target: Path) -> dict[str, str] | None:
    """`source.file`, `url` and `sha256` of an existing briefing, read from its first lines (the
    whole file need not be parsed); None when it cannot be read."""
    try:
        with target.open(encoding="utf-8") as fh:
            head = fh.read(8192)
    except (OSError, UnicodeDecodeError):
        return None
    block = re.search(r"^source:[ \t]*\n((?:[ \t]+.*\n?|[ \t]*\n)*)", head, re.M)
    found: dict[str, str] = {}
    for key, raw in SOURCE_KEYS.findall(block.group(1) if block else ""):
        try:
            value = yaml.safe_load(raw) if raw.strip() else None
        except yaml.YAMLError:
            value = raw.strip()
        if value:
            found[key] = str(value)
    return found


def same_source(recorded: dict[str, str], article: Article) -> bool:
    """Whether a briefing's recorded source is this article: the same file, address or text."""
    file = recorded.get("file")
    if file and (
        os.path.normpath(file) == os.path.normpath(article.path)
        or Path(file).resolve() == Path(article.path).resolve()
    ):
        return True
    if recorded.get("url") and recorded.get("url") == article.url:
        return True
    return bool(recorded.get("sha256")) and recorded.get("sha256") == article.sha256


def _other_source(target: Path, article: Article) -> str | None:
    """Which other article `target` is the briefing of (its source file or address), else None."""
    if not target.exists():
        return None
    recorded = recorded_source(target)
    if not recorded or same_source(recorded, article):
        return None  # unreadable or no source recorded: the policy decides, as for the same source
    return recorded.get("file") or recorded.get("url") or "another article"


def machine_copy(target: Path) -> Path:
    """Where the last machine output of `target` (`<out>/<id>.yaml`) is kept: `<out>/../.briefings/machine/`.

    Beside the output folder rather than inside it, so nothing that reads the briefings folder
    (validate, fmt, the site) ever mistakes it for a briefing.
    """
    return target.parent.parent / MACHINE_DIR / target.name


def update(target: Path, data: dict[str, Any]) -> merge.Merge:
    """Merge a new extraction into the briefing at `target`, which editors may have changed;
    `Merge.written` says whether the file changed.

    Raises BriefingsError if the editor's file cannot be read or parsed: an unreadable edit is
    never replaced.
    """
    ours = store.load(target)
    if not isinstance(ours, CommentedMap):
        raise BriefingsError(Problem(str(target), 1, None, "not a briefing (a mapping of keys to values)"))
    base_path = machine_copy(target)
    base = store.to_plain(store.load(base_path)) if base_path.is_file() else None
    header = store.header_for(target.parent)
    result = merge.three_way(base, ours, data, str(target), header)
    text = store.dumps(result.node, header)
    result.written = store.write_if_changed(target, text)
    store.write_if_changed(base_path, store.dumps(data))
    return result


def write_fresh(target: Path, data: dict[str, Any]) -> bool:
    """Write a new machine briefing, and keep a copy as the base of later merges; True if
    `target` changed. The YAML is rendered once: the briefing is the machine copy plus the
    schema header."""
    body = store.dumps(data)
    header = store.header_for(target.parent)
    changed = store.write_if_changed(target, body if body.startswith(store.HEADER_PREFIX) else header + body)
    store.write_if_changed(machine_copy(target), body)
    return changed


def machine_unchanged(target: Path, data: dict[str, Any]) -> bool:
    """Whether `data` is exactly the machine output kept from the last run for `target`.

    Then a three-way merge has nothing to bring in (every difference between the file and the
    machine output is the editor's), so `--update` can skip the merge and leave the file alone.
    """
    try:
        kept = machine_copy(target).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return kept == store.dumps(data)


@dataclass
class Report:
    """What one run did: counts for the summary line, failures for the exit status."""

    written: int = 0
    """New briefings, and briefings replaced with other text (--force)."""
    updated: int = 0
    """Briefings a merge changed (--update)."""
    unchanged: int = 0
    """Briefings extracted again to the same file (--update, --force): left untouched."""
    kept: int = 0
    failed: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        counts = ((self.written, "written"), (self.updated, "updated"), (self.unchanged, "unchanged"))
        parts = [f"{n} {what}" for n, what in counts if n] or ["0 written"]
        if self.kept:
            parts.append(f"{self.kept} kept (already there; --update to merge, --force to overwrite)")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@dataclass
class Writer:
    """Writes extracted briefings into `out` under one policy, counting what happened in `report`."""

    out: Path
    policy: Policy = "keep"
    cache: batch.Cache | None = None
    """The extraction cache; `extract_into` sets it (or not, without the cache)."""
    report: Report = field(default_factory=Report)
    notes: list[str] = field(default_factory=list)
    """Lines for the user that are not failures: ids that took a suffix."""

    def targets(self, articles: Sequence[Article]) -> list[tuple[Article, Path]]:
        """Where each article's briefing goes; under "keep", existing ones are left out (and counted).

        An id held by another article gets a suffix (`place`), noted in `notes` for the user."""
        todo: list[tuple[Article, Path]] = []
        for article, placed in zip(articles, place(articles, self.out), strict=True):
            target = self.out / f"{placed.id}.yaml"
            if placed.clash:
                self.notes.append(f"{article.path}: written as {placed.id} ({placed.clash})")
            if target.exists() and self.policy == "keep":
                self.report.kept += 1
            else:
                todo.append((article, target))
        return todo

    def write(self, target: Path, briefing: Briefing) -> Iterator[str]:
        """Write or merge one briefing; yields lines for the user (merge summary, conflicts, failure)."""
        data = replace(briefing, id=target.stem).to_dict()
        try:
            if self.policy == "update" and target.exists():
                changed = yield from self._update(target, data)
                outcome = "updated" if changed else "unchanged"
            else:
                outcome = "written" if write_fresh(target, data) else "unchanged"
        except BriefingsError as exc:
            yield from self.fail(exc.problems)
            return
        except OSError as exc:
            yield from self.fail([Problem(str(target), None, None, f"cannot write: {exc.strerror or exc}")])
            return
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)

    def _update(self, target: Path, data: dict[str, Any]) -> Generator[str, None, bool]:
        """Merge into `target`; yields what the merge did, returns whether the file changed."""
        if machine_unchanged(target, data):
            yield f"{target}: no changes (same machine output as last time)"
            return False
        result = update(target, data)
        yield f"{target}: {result.summary()}"
        yield from map(str, result.problems)  # conflicts: warnings, the briefing is written
        return result.written

    def fail(self, problems: list[Problem]) -> Iterator[str]:
        self.report.failed += problems
        yield from map(str, problems)


def extract_into(
    paths: Sequence[str],
    writer: Writer,
    *,
    published: str | None = None,
    model: str | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
) -> Iterator[str]:
    """Extract every source under `paths` into `writer.out`; yields a line for the user as each
    briefing is done (the counts are in `writer.report`).

    A file that cannot be read or extracted is reported and the batch goes on. Raises
    BriefingsError when nothing can be extracted: a broken actor registry, a missing model.
    """
    files, missing = sources.sources_in(paths)
    articles, unread = sources.read_all(files, published)
    refused = [batch.refusal(a) for a in articles]
    yield from writer.fail([*missing, *unread, *(p for r in refused if r for p in r.problems)])
    articles = [a for a, r in zip(articles, refused, strict=True) if r is None]
    todo = writer.targets(articles)
    yield from writer.notes
    for article, _ in todo:
        warning = article.short_body()
        if warning:
            yield str(Problem(article.path, None, None, warning, severity="warning"))
    if not todo:
        return
    writer.cache = batch.Cache(model=model) if use_cache else None
    actors = registry.load(writer.out / store.REGISTRY_NAME)
    results = batch.extract_all(
        [a for a, _ in todo], model=model, jobs=jobs, cache=writer.cache, registry=actors
    )
    for (_, target), result in zip(todo, results, strict=True):
        if isinstance(result, BriefingsError):
            yield from writer.fail(result.problems)
        else:
            yield from writer.write(target, result)


def start_briefing(
    out: Path,
    title: str,
    published: str,
    *,
    name: str | None = None,
    url: str | None = None,
    author: str | None = None,
    file: str | None = None,
) -> Path:
    """Write an empty, valid briefing for an article typed by hand (`briefings new`); its path.

    `file` is the article's text in the repository, if any (its hash is recorded when it can be
    read; default `sources/<id>.md`). Raises BriefingsError rather than overwrite a briefing.
    """
    bid = names.briefing_id(title, published)
    sha = None
    if file and Path(file).is_file():
        try:
            sha = ingest.read(file, published=published).sha256
        except BriefingsError:
            sha = None
    target = out / f"{bid}.yaml"
    if target.exists():
        raise BriefingsError(
            Problem(str(target), None, None, "already exists; edit it, or choose another title")
        )
    data = store.skeleton(
        bid,
        title,
        file or f"sources/{bid}.md",
        name=name,
        url=url,
        author=author,
        published=published,
        sha256=sha,
    )
    store.write_atomic(target, store.dumps(data, store.header_for(target.parent)))
    return target
