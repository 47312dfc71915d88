"""Sources on disk: which files under the paths given are articles, and reading them all.

What `briefings extract` starts from, usable without it: `bench/` and the Dask example in the
README list a corpus with `sources_in` and read it with `ingest.read`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import ingest
from .errors import BriefingsError, Problem


def sources_in(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Expand folders to the source files inside them (sorted), keeping paths as given.

    Hidden files and files of other formats inside folders are skipped, and so is the resources
    folder of a page saved "complete" (`page_files/` beside `page.html`: its frames and ads are
    not articles); a file named directly is kept whatever its suffix, so reading it can say what
    is wrong with it.
    """
    found: list[str] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found += sorted(str(Path(raw) / f.relative_to(p)) for f in _files(p))
        elif p.is_file():
            found.append(raw)
        else:
            problems.append(Problem(raw, None, None, "no such file or folder"))
    return found, problems


def _files(folder: Path) -> Iterable[Path]:
    """Source files under `folder`, not descending into hidden folders or saved pages' resources."""
    for f in sorted(folder.iterdir()):
        if f.name.startswith("."):
            continue
        if f.is_dir():
            if not ingest.is_page_resources(f):
                yield from _files(f)
        elif f.is_file() and ingest.is_source(f):
            yield f


def read_all(
    files: Iterable[str], published: str | None = None
) -> tuple[list[ingest.Article], list[Problem]]:
    """Every file read as an article, in order; the ones that cannot be read as problems.

    `published` is the date for sources that carry none. One bad file never stops the others.
    """
    articles: list[ingest.Article] = []
    problems: list[Problem] = []
    for f in files:
        try:
            articles.append(ingest.read(f, published=published))
        except BriefingsError as exc:
            problems += exc.problems
        except OSError as exc:
            problems.append(Problem(f, None, None, f"cannot read: {exc.strerror or exc}"))
    return articles, problems
