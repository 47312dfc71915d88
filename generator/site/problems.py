"""What the preview shows while a file cannot be published: the problems, where the page would be.

`mkdocs build` refuses a site with an invalid briefing (CI must fail). `mkdocs serve` instead
builds the rest and shows each broken briefing's page as the list of its problems, one
`path:line:column: field: message` line each as `briefings validate` prints them, with a notice
on the home page and every problem at /problems/. The next save that fixes the file brings the
page back. Built from escaped strings, not templates: it must show even when a template is what
broke.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path

from .. import store
from ..errors import Problem
from .page import Page, front_matter
from .urls import Links

PROBLEMS_PAGE = "problems/index.md"


def shown(problem: Problem, root: Path) -> Problem:
    """The problem with its path relative to the project, as an editor types it."""
    path = Path(problem.path)
    if path.is_absolute() and path.is_relative_to(root):
        return Problem(
            path.relative_to(root).as_posix(),
            problem.line,
            problem.field,
            problem.message,
            problem.column,
            problem.severity,
        )
    return problem


def _items(problems: Iterable[Problem]) -> str:
    return "".join(f"<li><code>{escape(str(p))}</code></li>" for p in problems)


def _page(path: str, title: str, body: str) -> Page:
    meta = {"title": title, "search": {"exclude": True}}
    return Page(path, front_matter(meta) + f'<div class="bf-problems" role="alert">\n{body}\n</div>\n')


def briefing_page(file: str, problems: list[Problem]) -> Page:
    """The page of a briefing that cannot be read or checked: its problems instead."""
    stem = Path(file).stem
    body = (
        f'<h1 id="title">{escape(file)} has {_count(problems)}</h1>\n'
        '<p class="bf-lead">The page comes back as soon as the file is saved without them.</p>\n'
        f'<ul class="bf-problems__list">{_items(problems)}</ul>'
    )
    return _page(f"briefings/{stem}/index.md", f"Problems in {file}", body)


def _count(problems: list[Problem]) -> str:
    return "1 problem" if len(problems) == 1 else f"{len(problems)} problems"


def notice(page: Page, problems: list[Problem]) -> Page:
    """`page` (the home page) with a notice of the problems at its top, linking to them all."""
    link = Links(page.path).page(PROBLEMS_PAGE)
    files = sorted({p.path for p in problems})
    box = (
        '<div class="bf-problems bf-problems--notice" role="alert">\n'
        f"<p><strong>Not published:</strong> {len(files)} file{'s' if len(files) != 1 else ''} "
        f'with {_count(problems)} (<a href="{escape(link)}">see them all</a>).</p>\n'
        f'<ul class="bf-problems__list">{_items(problems[:5])}</ul>\n</div>\n\n'
    )
    head, sep, body = page.content.partition("---\n\n")
    if not sep:
        return Page(page.path, box + page.content, page.yaml, page.boost_sections, page.search_text)
    return Page(page.path, head + sep + box + body, page.yaml, page.boost_sections, page.search_text)


def with_problems(pages: Iterable[Page], problems: list[Problem], root: Path) -> Iterator[Page]:
    """The site's pages, and a page for each file with problems (the home page says so)."""
    problems = [shown(p, root) for p in problems]
    if not problems:
        yield from pages
        return
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    for page in pages:
        yield notice(page, problems) if page.path == "index.md" else page
    for file, found in by_file.items():
        if Path(file).suffix in (".yaml", ".yml") and Path(file).name != store.REGISTRY_NAME:
            yield briefing_page(file, found)
    body = (
        f'<h1 id="title">{_count(problems)} in {len(by_file)} file{"s" if len(by_file) != 1 else ""}</h1>\n'
        '<p class="bf-lead">These files are left out of the preview until they are saved without '
        "problems; <code>mkdocs build</code> refuses them.</p>\n"
        f'<ul class="bf-problems__list">{_items(problems)}</ul>'
    )
    yield _page(PROBLEMS_PAGE, "Problems", body)
