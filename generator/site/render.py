"""Briefings -> pages: `list[Entry]` in, `Page(path, markdown)`s out, via Jinja2 templates.

Values from YAML reach the Markdown only through the autoescaping environment (`templates`) or
escaped front matter: the theme prints `page.meta.title` unescaped. Briefing and actor pages are
most of the work; with `jobs` they are rendered in forked processes (see `parallel`).
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .. import parallel, periods
from ..ingest import Article
from ..model import ACTOR_KINDS, Briefing
from . import feeds, identity, index, svg, text
from .across import Across, across_pages, build_across
from .data import Entry, RegistryEntry
from .options import Options
from .templates import KIND_LABELS, environment
from .urls import Links, safe_url

SECTION_ANCHORS = ("quotes", "actors", *(f"actors-{k}" for k in ACTOR_KINDS))
"""Sections of a briefing page whose search weight is raised (quotes and actor names)."""


@dataclass(frozen=True)
class Page:
    """A generated file: Markdown for pages, text for feeds. `yaml` is the briefing's file."""

    path: str
    content: str
    yaml: Path | None = None
    boost_sections: tuple[str, ...] = ()
    search_text: str | None = None
    """HTML of the page's one search entry, when the page is indexed from data rather than by
    parsing it (actor pages: their body repeats what briefing pages say)."""


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter from JSON-encoded values (always valid YAML), strings HTML-escaped."""

    def clean(v: Any) -> Any:
        if isinstance(v, str):
            return escape(re.sub(r"\s+", " ", v).strip(), quote=True)
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        return v

    meta = {**meta, "hide": ["navigation"]}
    lines = [f"{k}: {json.dumps(clean(v), ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@dataclass
class Renderer:
    site: index.SiteIndex
    options: Options
    env: Environment
    entries: dict[str, Entry] = field(default_factory=dict)
    across: Across | None = None

    def render(self, template: str, here: str, **context: Any) -> str:
        links = Links(here, self.options.directory_urls)
        return self.env.get_template(template).render(
            u=links,
            site=self.site,
            opts=self.options,
            main_actors=self.main_actors,
            quote_href=lambda b, q: links.briefing(b.id) + self.quote_anchor(b, q),
            **context,
        )

    def quote_anchor(self, b: Briefing, q: Any) -> str:
        """The quote's paragraph in the source text, when the page shows that text."""
        entry = self.entries.get(b.id)
        return f"#p{q.paragraph}" if q.paragraph and entry and entry.article else "#quotes"

    def main_actors(self, b: Briefing) -> list[Any]:
        return index.main_actors(b, self.options.main_actors)

    def page(self, path: str, meta: dict[str, Any], template: str, **context: Any) -> Page:
        return Page(path, front_matter(meta) + self.render(template, path, **context))


def _week_label(week: tuple[int, int] | None) -> str:
    return text.week_label(week)


def briefing_page(r: Renderer, entry: Entry) -> Page:
    b = entry.briefing
    path = f"briefings/{b.id}/index.md"
    names = {a.id: a.name for a in b.actors}
    groups = [(k, [a for a in b.actors if a.kind == k]) for k in index.KIND_ORDER]
    groups = [(k, actors) for k, actors in groups if actors]
    pub = index.published(b)
    rows = [(t.date or "", t.end, t.event or t.text, f"event-{i}") for i, t in enumerate(b.timeline, start=1)]
    article: Article | None = entry.article
    paras = text.paragraphs(article, b.quotes, names) if article else []
    tags = list(dict.fromkeys([*b.tags, *(a.name for a in r.main_actors(b))]))
    meta = {
        "title": b.title,
        "description": b.summary or b.title,
        "tags": tags,
        "search": {"boost": r.options.search_boost},
    }
    body = r.render(
        "briefing.md.j2",
        path,
        b=b,
        names=names,
        groups=groups,
        published=pub,
        timeline_svg=svg.timeline_svg(svg.marks(rows), pub, title=f"Timeline of {b.title}"),
        paragraphs=paras,
        source_note=entry.source_note if not article else None,
        open_count=len(index.open_questions(b)),
        source_url=safe_url(b.source.url),
        index_source=r.options.search_source_text,
        **(r.across.story_of(b.id) if r.across else {"story": None, "story_prev": None, "story_next": None}),
    )
    return Page(path, front_matter(meta) + body, yaml=entry.path, boost_sections=SECTION_ANCHORS)


def actor_page(r: Renderer, info: index.ActorInfo) -> Page:
    """Every briefing the actor is in; the latest quotes and events (the rest are on those
    briefings' pages), so that a page stays small for an actor in thousands of briefings."""
    path = f"actors/{info.id}/index.md"
    limit = r.options.listing_limit
    events = info.events[-2 * limit :]
    first = len(info.events) - len(events) + 1
    rows = [
        (t.date or "", t.end, f"{t.event or t.text} ({b.title})", f"event-{i}")
        for i, (b, t) in enumerate(events, start=first)
    ]
    together = [(r.site.actors[a], n) for a, n in info.together.most_common(10) if a in r.site.actors]
    page = r.page(
        path,
        {
            "title": info.name,
            "description": f"{info.name} across {len(info.briefings)} briefings",
            "search": {"exclude": True},
        },
        "actor.md.j2",
        a=info,
        quotes=info.quotes[:limit],
        events=events,
        first_event=first,
        roles=actor_roles(info),
        together=together,
        timeline_svg=svg.timeline_svg(svg.marks(rows), None, title=f"Timeline of {info.name}"),
    )
    return Page(page.path, page.content, search_text=actor_search_text(info))


def actor_roles(info: index.ActorInfo) -> list[tuple[str, int, Briefing]]:
    """Each distinct role once: (role, how many briefings give it, the latest of them)."""
    seen: dict[str, list[Any]] = {}
    for b, a in info.roles:
        text = ", ".join(filter(None, (a.role, a.affiliation)))
        if text in seen:
            seen[text][1] += 1
        else:
            seen[text] = [text, 1, b]
    return [(t, n, b) for t, n, b in seen.values()]


def actor_search_text(info: index.ActorInfo) -> str:
    """What search finds an actor by: kind, other names, description and roles (not the quotes
    and events, which briefing pages index already)."""
    roles = dict.fromkeys(", ".join(filter(None, (a.role, a.affiliation))) for _, a in info.roles)
    also = f" · also {', '.join(sorted(info.aliases))}" if info.aliases else ""
    parts = [
        KIND_LABELS.get(info.kind, info.kind) + also,
        info.description or "",
        "; ".join(roles),
        f"In {len(info.briefings)} briefings",
    ]
    return "".join(f"<p>{escape(p)}</p>" for p in parts if p)


def listing_meta(title: str) -> dict[str, Any]:
    """Listing pages repeat what briefing pages say, so they stay out of search."""
    return {"title": title, "search": {"exclude": True}}


def digest_pages(r: Renderer) -> list[Page]:
    weeks = index.by_week(r.site.briefings)
    dated = [(w, bs) for w, bs in weeks if w is not None]
    latest = dated[: r.options.home_weeks]
    older = dated[r.options.home_weeks :] + [(w, bs) for w, bs in weeks if w is None]
    months: dict[str, list[tuple[tuple[int, int] | None, list[Briefing]]]] = defaultdict(list)
    for w, bs in older:
        for b in bs:
            d = index.published(b)
            key = f"{d.year:04d}-{d.month:02d}" if d else "undated"
            if not months[key] or months[key][-1][0] != w:
                months[key].append((w, []))
            months[key][-1][1].append(b)
    month_list = [(k, sum(len(bs) for _, bs in ws)) for k, ws in months.items()]
    pages = [
        r.page(
            "index.md",
            {"title": r.options.site_name, "search": {"exclude": True}},
            "home.md.j2",
            weeks=[(_week_label(w), bs) for w, bs in latest],
            months=month_list,
            week=r.across.weeks[0] if r.across and r.across.weeks else None,
        ),
        r.page("archive/index.md", listing_meta("Archive"), "archive.md.j2", months=month_list),
    ]
    for key, ws in months.items():
        label = text.month_label(key) if key != "undated" else "Undated"
        pages.append(
            r.page(
                f"archive/{key}/index.md",
                listing_meta(label),
                "month.md.j2",
                label=label,
                weeks=[(_week_label(w), bs) for w, bs in ws],
            )
        )
    return pages


def cross_pages(r: Renderer) -> list[Page]:
    months: dict[str, list[Any]] = defaultdict(list)
    for b, t in reversed(r.site.events):
        months[periods.month_key(t.date or "")].append((b, t))
    timeline = [(k, list(reversed(v))) for k, v in months.items()]
    month_pages = [
        r.page(
            f"timeline/{k}/index.md",
            listing_meta(text.month_label(k)),
            "timeline_month.md.j2",
            key=k,
            rows=rows,
        )
        for k, rows in timeline
    ]
    kinds = [
        (
            k,
            sorted(
                (a for a in r.site.actors.values() if a.kind == k), key=lambda a: (-len(a.briefings), a.name)
            ),
        )
        for k in index.KIND_ORDER
    ]
    return [
        *month_pages,
        r.page(
            "timeline/index.md",
            listing_meta("Timeline"),
            "timeline.md.j2",
            months=timeline[: r.options.timeline_months],
            all_months=[(k, len(rows)) for k, rows in timeline],
        ),
        r.page("quotes/index.md", listing_meta("Quotes"), "quotes.md.j2"),
        r.page("tags/index.md", listing_meta("Tags"), "tags.md.j2"),
        r.page("actors/index.md", listing_meta("Actors"), "actors.md.j2", kinds=[k for k in kinds if k[1]]),
    ]


def render_site(
    entries: Iterable[Entry],
    options: Options | None = None,
    registry: dict[str, RegistryEntry] | None = None,
) -> list[Page]:
    """Every generated page and feed for these briefings."""
    return list(iter_site(entries, options, registry))


def iter_site(
    entries: Iterable[Entry],
    options: Options | None = None,
    registry: dict[str, RegistryEntry] | None = None,
    jobs: int = 1,
) -> Iterator[Page]:
    """The same one page at a time, so that a caller that stores pages compactly (the MkDocs
    plugin) never holds every page's Markdown at once. With `jobs` > 1, briefing and actor pages
    (most of the work) are rendered in that many forked processes, in the same order."""
    options = options or Options()
    entries = sorted(entries, key=lambda e: e.briefing.id)
    ident = identity.resolve([e.briefing for e in entries], registry)
    entries = [replace(e, briefing=identity.apply(e.briefing, ident)) for e in entries]
    site = index.build([e.briefing for e in entries], ident.entries)
    r = Renderer(site, options, environment(options.templates_dir), {e.briefing.id: e for e in entries})
    r.across = build_across(site, options)
    actors = list(site.actors.values())
    if _can_fork(jobs, len(entries) + len(actors)):
        yield from _forked_pages(r, entries, actors, jobs)
    else:
        for e in entries:
            yield briefing_page(r, e)
        for info in actors:
            yield actor_page(r, info)
    yield from digest_pages(r)
    yield from cross_pages(r)
    yield from across_pages(r.page, Page, r.across, site, options)
    yield Page("feed.xml", feeds.atom(site.briefings[: options.feed_size], options))
    yield Page("briefings.json", feeds.json_feed(site.briefings, options))


_FORKED: tuple[Renderer, list[Entry], list[index.ActorInfo]] | None = None
"""What forked render workers read: set before the pool forks, so nothing is pickled to them."""


def _can_fork(jobs: int, pages: int) -> bool:
    """Forked workers share the loaded site (nothing is pickled to them); see `parallel`."""
    return jobs > 1 and pages >= parallel.PARALLEL_MIN and parallel.fork_is_safe()


def _render_part(task: tuple[str, int, int]) -> list[Page]:
    assert _FORKED is not None, "only called in a forked render worker"
    r, entries, actors = _FORKED
    kind, lo, hi = task
    if kind == "briefings":
        return [briefing_page(r, e) for e in entries[lo:hi]]
    return [actor_page(r, info) for info in actors[lo:hi]]


def _forked_pages(
    r: Renderer, entries: list[Entry], actors: list[index.ActorInfo], jobs: int
) -> Iterator[Page]:
    global _FORKED
    size = 50
    tasks = [("briefings", i, i + size) for i in range(0, len(entries), size)]
    tasks += [("actors", i, i + size) for i in range(0, len(actors), size)]
    _FORKED = (r, entries, actors)
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for pages in pool.map(_render_part, tasks):
                yield from pages
    finally:
        _FORKED = None


def render_briefings(briefings: Iterable[Briefing], options: Options | None = None) -> list[Page]:
    """The same from bare briefings (no source texts), e.g. for a test or another tool."""
    return render_site([Entry(b, Path(f"{b.id}.yaml")) for b in briefings], options)
