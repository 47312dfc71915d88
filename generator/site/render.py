"""Briefings -> pages: `list[Entry]` in, `Page(path, markdown)`s out, via Jinja2 templates.

Values from YAML reach the Markdown only through the autoescaping environment (`templates`) or
escaped front matter: the theme prints `page.meta.title` unescaped. Briefing and actor pages are
most of the work; with `jobs` they are rendered in forked processes (see `forked`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .. import periods
from ..ingest import Article
from ..model import Briefing
from . import feeds, forked, identity, index, keys, svg, text, yaml_view
from .across import Across, across_pages, build_across
from .data import Entry, RegistryEntry
from .memo import Memo
from .options import Options
from .page import Page, front_matter, listing_meta
from .templates import environment, kind_label
from .urls import Links, safe_url

SECTION_ANCHORS = ("quotes",)
"""Sections of a briefing page whose search weight is raised. Actor lists are not indexed: a
name finds the actor's page first (see `actor_page`), and a list of names makes a poor snippet."""


@dataclass
class Renderer:
    site: index.SiteIndex
    options: Options
    env: Environment
    entries: dict[str, Entry] = field(default_factory=dict)
    memo: Memo[Any] | None = None
    """Pages of the previous rebuild of a preview, reused when their key is the same."""
    _event_numbers: dict[int, int] | None = None
    across: Across | None = None
    """Stories, questions over time, upcoming entries and weeks (see `across`)."""

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

    def part(self, name: str, template: str, key: Hashable, here: str, **context: Any) -> Markup:
        """A part of the page at `here` (one speaker on /quotes/), kept by a preview under `key`:
        a save renders again only the parts that show what it changed."""

        def make() -> Markup:
            return Markup(self.render(template, here, **context))

        return make() if self.memo is None else self.memo.get(f"{here}#{name}", key, make)

    def kept(self, path: str, key: Callable[[], Hashable], make: Callable[[], Page]) -> Page:
        """`make()`, or the same page from the previous rebuild if it was made from the same key."""
        return make() if self.memo is None else self.memo.get(path, key(), make)

    def event_numbers(self) -> dict[int, int]:
        """id() of each timeline entry of this build -> its place in its briefing."""
        if self._event_numbers is None:
            self._event_numbers = {id(t): i for b in self.site.briefings for i, t in enumerate(b.timeline)}
        return self._event_numbers

    def tokens(self, briefings: Iterable[Briefing]) -> tuple[str, ...]:
        """What pages showing these briefings depend on (see `data.Entry.token`)."""
        return tuple(self.entries[b.id].token if b.id in self.entries else b.id for b in briefings)


def yaml_page(entry: Entry, back: str) -> Page:
    """The briefing's YAML as a page to read (see `yaml_view`)."""
    file = f"{entry.path.parent.name}/{entry.path.name}"
    text = entry.path.read_text(encoding="utf-8")
    return Page(yaml_view.path(entry.briefing.id), yaml_view.page(text, file, entry.briefing.title, back))


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
    mains = [a.name for a in r.main_actors(b)]
    tags = list(dict.fromkeys([*b.tags, *mains, *map(text.folded, mains)]))  # "Lu" finds "Lü"
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


def briefing_key(r: Renderer, e: Entry) -> Hashable:
    """What a briefing page shows besides its own file: its actors' identities and its story."""
    story = r.across.story_of(e.briefing.id) if r.across else {}
    nav = tuple((x.id, x.title) if x else None for x in (story.get("story_prev"), story.get("story_next")))
    told = story.get("story")
    return (
        e.token,
        tuple(a.id for a in e.briefing.actors),
        (told.id, told.title, len(told.briefings)) if told else None,
        nav,
    )


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
    names = [info.name, *sorted(info.aliases)]
    # escaped, as the theme shows a result's tags as HTML (page tags come escaped from front matter)
    tags = tuple(escape(t) for t in dict.fromkeys([*names, *map(text.folded, names)]))
    return Page(page.path, page.content, search_text=actor_search_text(info), search_tags=tags)


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
        kind_label(info.kind) + also,
        info.description or "",
        "; ".join(roles),
        f"In {len(info.briefings)} briefing{'s' if len(info.briefings) != 1 else ''}",
    ]
    return "".join(f"<p>{escape(p)}</p>" for p in parts if p)


def digest_pages(r: Renderer) -> list[Page]:
    """The home page (the latest weeks), the archive (every month) and one page per month that
    lists every briefing published in it, by week: each briefing is on exactly one month page."""
    weeks = index.by_week(r.site.briefings)
    latest = [(w, bs) for w, bs in weeks if w is not None][: r.options.home_weeks]
    on_home = {b.id for _, bs in latest for b in bs}
    months: dict[str, list[tuple[tuple[int, int] | None, list[Briefing]]]] = defaultdict(list)
    for w, bs in weeks:
        for b in bs:
            d = index.published(b)
            key = f"{d.year:04d}-{d.month:02d}" if d else "undated"
            if not months[key] or months[key][-1][0] != w:
                months[key].append((w, []))
            months[key][-1][1].append(b)
    month_list = [(k, sum(len(bs) for _, bs in ws)) for k, ws in months.items()]
    earlier = [(k, n) for k, n in month_list if any(b.id not in on_home for _, bs in months[k] for b in bs)]
    pages = [
        r.page(
            "index.md",
            {"title": r.options.site_name, "search": {"exclude": True}},
            "home.md.j2",
            weeks=[(text.week_label(w), bs) for w, bs in latest],
            months=earlier,
            week=r.across.weeks[0] if r.across and r.across.weeks else None,
        ),
        r.page("archive/index.md", listing_meta("Archive"), "archive.md.j2", years=index.by_year(month_list)),
    ]
    for key, ws in months.items():
        label = text.month_label(key) if key != "undated" else "Undated"
        shown = [(text.week_label(w), bs) for w, bs in ws]
        path = f"archive/{key}/index.md"
        make = partial(r.page, path, listing_meta(label), "month.md.j2", label=label, weeks=shown)
        pages.append(r.kept(path, partial(keys.weeks, r.tokens, shown), make))
    return pages


def _speaker(r: Renderer, speaker: str | None, rows: list[tuple[Briefing, Any]]) -> Markup:
    info = r.site.actors.get(speaker) if speaker else None
    shown = tuple((r.tokens([b])[0], q.id) for b, q in rows[: r.options.listing_limit])
    key = (info.name if info else None, len(rows), shown)
    context = {"speaker": speaker, "rows": rows, "info": info}
    return r.part(f"speaker-{speaker}", "quotes_speaker.md.j2", key, "quotes/index.md", **context)


def _tag(r: Renderer, tag: str, briefings: list[Briefing]) -> Markup:
    return r.part(f"tag-{tag}", "tags_tag.md.j2", r.tokens(briefings), "tags/index.md", tag=tag, bs=briefings)


def cross_pages(r: Renderer) -> list[Page]:
    months: dict[str, list[Any]] = defaultdict(list)
    for b, t in reversed(r.site.events):
        months[periods.month_key(t.date or "")].append((b, t))
    timeline = [(k, list(reversed(v))) for k, v in months.items()]
    month_pages = [
        r.kept(
            f"timeline/{k}/index.md",
            partial(keys.events, r.tokens, r.event_numbers, rows),
            partial(
                r.page,
                f"timeline/{k}/index.md",
                listing_meta(text.month_label(k)),
                "timeline_month.md.j2",
                key=k,
                rows=rows,
            ),
        )
        for k, rows in timeline
    ]
    latest = timeline[: r.options.timeline_months]
    all_months = [(k, len(rows)) for k, rows in timeline]
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
        r.kept(
            "timeline/index.md",
            partial(keys.timeline, r.tokens, r.event_numbers, latest, all_months),
            partial(
                r.page,
                "timeline/index.md",
                listing_meta("Timeline"),
                "timeline.md.j2",
                months=latest,
                all_months=all_months,
            ),
        ),
        r.page(
            "quotes/index.md", listing_meta("Quotes"), "quotes.md.j2", speaker_quotes=partial(_speaker, r)
        ),
        r.page("tags/index.md", listing_meta("Tags"), "tags.md.j2", tag_section=partial(_tag, r)),
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
    memo: Memo[Any] | None = None,
    env: Environment | None = None,
    stream: bool = False,
) -> Iterator[Page]:
    """The same one page at a time, so that a caller that stores pages compactly (the MkDocs
    plugin) never holds every page's Markdown at once. With `jobs` > 1, briefing and actor pages
    (most of the work) are rendered in that many forked processes, in the same order. With a
    `memo` (a preview's rebuilds), a page whose inputs did not change is the previous build's.
    With `stream`, briefings.json comes as `Page.pieces` (the caller writes it as it comes)."""
    options = options or Options()
    entries = sorted(entries, key=lambda e: e.briefing.id)
    as_written = {e.briefing.id: e.briefing for e in entries}  # briefings.json: the YAML's data
    ident = identity.resolve([e.briefing for e in entries], registry)
    entries = [replace(e, briefing=identity.apply(e.briefing, ident)) for e in entries]
    site = index.build([e.briefing for e in entries], ident.entries)
    env = env or environment(options.templates_dir)
    r = Renderer(site, options, env, {e.briefing.id: e for e in entries}, memo)
    r.across = build_across(site, options)
    actors = list(site.actors.values())
    names = keys.names(site.actors) if memo is not None else None
    if memo is None and forked.can_fork(jobs, len(entries) + len(actors)):
        work: forked.Work = {
            "briefings": (partial(briefing_page, r), entries),
            "actors": (partial(actor_page, r), actors),
        }
        yield from forked.pages(work, jobs)
    else:
        for e in entries:
            yield r.kept(
                f"briefings/{e.briefing.id}/index.md",
                partial(briefing_key, r, e),
                partial(briefing_page, r, e),
            )
        for info in actors:
            yield r.kept(
                f"actors/{info.id}/index.md",
                partial(keys.actor, r.tokens, info, names),
                partial(actor_page, r, info),
            )
    if options.yaml_pages:
        for e in entries:
            view = partial(yaml_page, e, "./" if options.directory_urls else "index.html")
            yield r.kept(yaml_view.path(e.briefing.id), partial(str, e.token), view)
    yield from digest_pages(r)
    yield from cross_pages(r)
    story_key = partial(keys.story, r.tokens, names) if memo is not None else None
    yield from across_pages(r.page, Page, r.across, site, options, r.kept, story_key)
    yield Page("feed.xml", feeds.atom(site.briefings[: options.feed_size], options))
    originals = [as_written[b.id] for b in site.briefings]
    pieces = partial(feeds.json_pieces, originals, options, _json_memo(r))
    yield Page("briefings.json", "", pieces=pieces) if stream else Page("briefings.json", "".join(pieces()))


def _json_memo(r: Renderer) -> Callable[[Briefing], str] | None:
    """Each briefing's part of briefings.json, kept with the pages of a preview."""
    memo = r.memo
    if memo is None:
        return None

    def encode(b: Briefing) -> str:
        make = lambda: feeds.briefing_json(b, r.options)  # noqa: E731
        return str(memo.get(f"json:{b.id}", r.entries[b.id].token, make))

    return encode


def render_briefings(briefings: Iterable[Briefing], options: Options | None = None) -> list[Page]:
    """The same from bare briefings (no source texts), e.g. for a test or another tool."""
    return render_site([Entry(b, Path(f"{b.id}.yaml")) for b in briefings], options)
