"""What the site's pages say and where readers find things: the archive, labels, publishing with
and without a site_url. Rendered without MkDocs where that is enough, else a real build."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_site import make_site, mkdocs_build, page

from generator.model import Actor, Briefing, Source, TimelineEntry
from generator.site import render
from generator.site.options import Options

DAYS = [
    "2016-06-26",
    "2016-07-31",
    "2016-08-10",
    "2016-08-11",
    "2016-08-15",
    "2016-09-03",
    "2023-11-03",
]
"""The demo site's publication dates: three August 2016 briefings in two weeks, and the latest
weeks (the home page's) in three different months."""


def _briefing(day: str, n: int, **kw: object) -> Briefing:
    return Briefing(id=f"{day}-b{n}", title=f"Briefing {n}", source=Source(file="a.md", published=day), **kw)  # type: ignore[arg-type]


def _pages(briefings: list[Briefing], **options: object) -> dict[str, str]:
    return {p.path: p.content for p in render.render_briefings(briefings, Options(**options))}  # type: ignore[arg-type]


def _linked(html: str) -> list[str]:
    return re.findall(r'href="(?:\.\./)*briefings/([^/"]+)/"', html)


@pytest.mark.parametrize("home_weeks", [1, 3, 10])
def test_month_pages_list_every_briefing_exactly_once(home_weeks: int) -> None:
    """Also those on the home page: the archive is complete whatever the home page shows."""
    briefings = [_briefing(d, i) for i, d in enumerate(DAYS)]
    pages = _pages(briefings, home_weeks=home_weeks)
    archive = pages["archive/index.md"]
    months = re.findall(r'href="(\d{4}-\d{2})/"', archive)
    assert months == ["2023-11", "2016-09", "2016-08", "2016-07", "2016-06"]
    assert "All 7 briefings" in archive and "## 2016" in archive and "## 2023" in archive
    listed = [bid for m in months for bid in _linked(pages[f"archive/{m}/index.md"])]
    assert sorted(listed) == sorted(b.id for b in briefings)
    assert "3 briefings" in archive  # August 2016, in two weeks
    august = pages["archive/2016-08/index.md"]
    assert "8–14 Aug 2016" in august and "15–21 Aug 2016" in august


def test_home_page_links_the_months_it_does_not_show_in_full() -> None:
    briefings = [_briefing(d, i) for i, d in enumerate(DAYS)]
    home = _pages(briefings, home_weeks=3)["index.md"]
    shown = _linked(home)
    assert sorted(shown) == sorted(b.id for b in briefings[-3:])  # the latest three weeks
    earlier = home[home.index("## Earlier") :]
    assert re.findall(r'href="archive/(\d{4}-\d{2})/"', earlier) == ["2016-08", "2016-07", "2016-06"]


def test_kind_headings_count_their_actors() -> None:
    one = Actor("a", "Ann", "person")
    two = [Actor("b", "Bo", "place"), Actor("c", "Cy", "place")]
    body = _pages([_briefing("2023-01-02", 1, actors=(one, *two))])["briefings/2023-01-02-b1/index.md"]
    assert re.search(r'id="actors-person">Person <', body)
    assert re.search(r'id="actors-place">Places <', body)
    actor = _pages([_briefing("2023-01-02", 1, actors=(one,))])["actors/a/index.md"]
    assert 'class="bf-chip bf-chip--person">Person</span>' in actor


def test_tags_that_differ_in_case_are_one_tag() -> None:
    """ "HIllary Clinton" (a typo in one article) is listed with "Hillary Clinton"."""
    briefings = [
        _briefing("2016-08-01", 1, tags=("Hillary Clinton",)),
        _briefing("2016-08-02", 2, tags=("Hillary Clinton",)),
        _briefing("2016-08-03", 3, tags=("HIllary Clinton", "hillary clinton")),
    ]
    tags = _pages(briefings)["tags/index.md"]
    assert "HIllary" not in tags and tags.count('id="tag-hillary-clinton"') == 1
    assert re.search(r'<h2 id="tag-hillary-clinton">Hillary Clinton <span class="bf-count">3</span>', tags)


def test_an_actors_roles_have_no_empty_column_and_no_leading_dash() -> None:
    ann = Actor("a", "Ann", "person", role="envoy", affiliation="Ministry")
    actor = _pages([_briefing("2023-01-02", 1, actors=(ann,))])["actors/a/index.md"]
    roles = actor[actor.index("## Roles") : actor.index("## Timeline")]
    assert '<ul class="bf-list bf-list--roles">' in roles and "envoy, Ministry" in roles


def test_timeline_page_says_what_it_shows_and_links_every_month() -> None:
    events = [TimelineEntry(f"e{i}", d, event=f"event {i}") for i, d in enumerate(DAYS)]
    timeline = _pages([_briefing("2023-11-03", 1, timeline=tuple(events))], timeline_months=3)[
        "timeline/index.md"
    ]
    assert "7 dated events" in timeline and "the latest 3 of them follow in full" in timeline
    assert timeline.index("## Every month") < timeline.index("## November 2023")
    assert len(re.findall(r'href="(\d{4}-\d{2})/"', timeline)) == 5  # 2016 is one click away


def test_event_ranges_read_naturally() -> None:
    event = TimelineEntry("from November 4 to 7", "2023-11-04", end="2023-11-07", event="talks")
    body = _pages([_briefing("2023-11-03", 1, timeline=(event,))])["briefings/2023-11-03-b1/index.md"]
    assert ">4–7 Nov 2023</time>" in body


def test_a_hand_typed_briefing_is_not_called_machine_extracted() -> None:
    """`briefings new` writes `origin: hand`: the badge says who wrote it."""
    typed = replace(_briefing("2023-11-03", 1), origin="hand")
    pages = _pages([typed])
    body = pages["briefings/2023-11-03-b1/index.md"]
    assert "Written by an editor" in body and "achine-extracted" not in body
    assert "achine-extracted" not in pages["index.md"]
    extracted = _pages([_briefing("2023-11-03", 1)])
    assert "Machine-extracted, not yet reviewed" in extracted["briefings/2023-11-03-b1/index.md"]


def test_cards_have_no_separator_to_leave_at_a_line_end() -> None:
    """On a phone the badge wraps: a "·" before it would be left dangling at the line's end."""
    b = replace(_briefing("2023-11-03", 1), source=Source(file="a.md", name="Wire", published="2023-11-03"))
    home = _pages([b])["index.md"]
    meta = re.search(r'<p class="bf-card__meta">.*?</p>', home)
    assert meta and "·" not in meta.group(0) and 'class="bf-card__source">Wire' in meta.group(0)


def _site_without(root: Path, *keys: str) -> None:
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    for key in keys:
        text = re.sub(rf"^{key}: .*\n", "", text, flags=re.MULTILINE)
    yml.write_text(text, encoding="utf-8")


def test_every_page_is_html_blocks_markdown_need_not_parse(tmp_path: Path) -> None:
    """Python-Markdown's own HTML parsing of a page was a third of a build (`markdown_ext`): every
    raw block of every generated page must be one the fast path stashes whole."""
    from markdown import Markdown

    from generator.markdown_ext import TrustedHtmlBlocks

    root, items = make_site(tmp_path)
    for p in render.render_briefings(
        [*items, *(_briefing(d, i, tags=("x", "y")) for i, d in enumerate(DAYS))]
    ):
        if not p.path.endswith(".md"):
            continue
        body = p.content.split("---\n\n", 1)[1]
        left = [line for line in TrustedHtmlBlocks(Markdown()).run(body.split("\n")) if line.startswith("<")]
        assert left == [], (p.path, left[:1])


def test_publishing_with_a_site_url(tmp_path: Path) -> None:
    """Absolute feed links, a sitemap of every page, a 404 page in the theme whose paths start
    from the site's address (a project site lives under /<repo>/)."""
    root, _ = make_site(tmp_path)
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("https://digest.example.org/", "https://team.example.org/digest/"))
    assert mkdocs_build(root).returncode == 0
    site = root / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://team.example.org/digest/briefings/2023-10-20-earlier-talks/</loc>" in sitemap
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/digest/assets/stylesheets/' in missing and 'href="/assets/' not in missing
    assert "Page not found" in missing and 'href="/digest/archive/"' in missing
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert 'href="https://team.example.org/digest/briefings/2023-10-20-earlier-talks/"' in feed
    link = '<link rel="alternate feed" type="application/atom+xml" title="Test digest" href="https://team.example.org/digest/feed.xml">'
    assert link in page(site, "actors/ana-ruiz")


def test_publishing_without_a_site_url(tmp_path: Path) -> None:
    """No empty sitemap; a 404 page that loads nothing from paths it cannot know; relative links."""
    root, _ = make_site(tmp_path)
    _site_without(root, "site_url")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in missing and not re.search(r'(?:href|src)="/', missing)
    assert 'href="../../feed.xml"' in page(site, "actors/ana-ruiz")
    assert 'href="feed.xml"' in page(site, ".")
    assert 'href="briefings/2023-10-20-earlier-talks/"' in (site / "feed.xml").read_text(encoding="utf-8")


def test_quotes_and_tags_pages_have_a_table_of_contents(tmp_path: Path) -> None:
    root, _ = make_site(tmp_path)
    assert mkdocs_build(root).returncode == 0
    quotes = page(root / "site", "quotes")
    toc = quotes[quotes.index('data-md-component="toc"') :]
    assert 'href="#speaker-ana-ruiz"' in toc and 'href="#speaker-tom-berg"' in toc
    assert '<nav class="bf-toc"' in quotes
    tags = page(root / "site", "tags")
    assert 'href="#tag-climate"' in tags[tags.index('data-md-component="toc"') :]
