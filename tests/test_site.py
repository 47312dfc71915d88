"""The digest site: a real `mkdocs build --strict` of a small site, plus the pure rendering pieces."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import fields, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import icalendar
import pytest

from generator import ingest, markdown_ext, parallel, store
from generator.config import BriefingsConfig
from generator.model import Actor, Briefing, Question, Quote, Source, TimelineEntry
from generator.site import data, forked, render, svg, templates, text, urls
from generator.site.options import Options, from_settings

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>*md* [a](javascript:alert(2)) {: onclick=x }'

SOURCE_MD = """---
title: Envoys agree to meet again
source: Example Wire
published: 2023-11-03
url: https://example.org/envoys
---
Climate envoy Ana Ruiz will meet Tom Berg in Lisbon on November 6, the ministry said on Friday.

"We will not leave without an agreement," Ruiz told reporters.

Berg said the talks were "a first step" and that a second round was planned for December.
"""


def _span(haystack: str, needle: str) -> tuple[int, int]:
    start = haystack.index(needle)
    return start, start + len(needle)


def briefings(source_text: str, source_sha: str) -> list[Briefing]:
    """Two ordinary briefings sharing actors, and two with an XSS string in every field."""
    ana = Actor("ana-ruiz", "Ana Ruiz", "person", role="climate envoy", affiliation="Ministry", mentions=2)
    tom = Actor("tom-berg", "Tom Berg", "person", role="negotiator", mentions=2)
    lisbon = Actor("lisbon", "Lisbon", "place", mentions=1)
    quote = "We will not leave without an agreement,"
    first = Briefing(
        id="2023-11-03-envoys-agree-to-meet-again",
        title="Envoys agree to meet again",
        source=Source(
            file="sources/envoys.md",
            name="Example Wire",
            url="https://example.org/envoys",
            published="2023-11-03",
            sha256=source_sha,
        ),
        summary="Climate envoy Ana Ruiz will meet Tom Berg in Lisbon on November 6.",
        key_points=("A second round is planned for December.",),
        tags=("climate",),
        actors=(ana, tom, lisbon),
        quotes=(
            Quote("q1", quote, "ana-ruiz", "direct", cue="told", paragraph=2, span=_span(source_text, quote)),
            Quote("q2", "a first step", "tom-berg", "partial", cue="said", paragraph=3),
        ),
        timeline=(
            TimelineEntry(
                "November 6", "2023-11-06", event="Ruiz meets Berg in Lisbon", actors=("ana-ruiz", "tom-berg")
            ),
            TimelineEntry("December", "2023-12", event="Second round of talks", actors=("tom-berg",)),
        ),
        questions=(
            Question(
                "Will the second round take place?", evidence=("a second round was planned for December",)
            ),
            Question("Who chairs?", status="answered", answer="Ruiz", answered_by="2023-10-20-earlier-talks"),
        ),
    )
    # "Ruiz" and the reporter of the byline: one actor page for Ana Ruiz, none for the reporter
    ruiz = Actor("ruiz", "Ruiz", "person", role="head of delegation", mentions=2)
    reporter = Actor("jane-reporter", "Jane Reporter", "person", mentions=1)
    second = Briefing(
        id="2023-10-20-earlier-talks",
        title="Earlier talks in Oslo",
        reviewed=True,
        source=Source(
            file="sources/missing.md", name="Other Paper", author="Jane Reporter", published="2023-10-20"
        ),
        summary="Climate envoy Ana Ruiz opened talks with Tom Berg in Oslo; they agree to meet again.",
        tags=("climate", "oslo"),
        actors=(
            ruiz,
            reporter,
            replace(tom, role=None, mentions=1),
            Actor("jose-nunez", "José Núñez", "person", mentions=1),
        ),
        quotes=(Quote("q1", "Oslo is only the beginning", "ruiz", "direct", paragraph=1),),
        timeline=(
            TimelineEntry("2023", "2023", event="A year of talks", actors=("ruiz",)),
            TimelineEntry("October 25", "2023-10-25", event="Talks resume in Lisbon", actors=("ruiz",)),
        ),
        questions=(
            Question(
                "Will the talks resume in Lisbon on October 25?",
                evidence=("the envoys hope to resume talks in Lisbon on October 25",),
                actors=("ruiz",),
            ),
        ),
    )
    # not the byline's name: a journalist from a byline gets no actor page
    bad = Actor(
        "xss-actor", f"The {XSS}", "organization", role=XSS, affiliation=XSS, aliases=(XSS,), mentions=1
    )
    third = Briefing(
        id="2023-09-01-xss",
        title=XSS,
        source=Source(
            file=XSS, name=XSS, url="javascript:alert(3)", author=XSS, published="2023-09-01", trimmed=(XSS,)
        ),
        summary=XSS,
        key_points=(XSS,),
        tags=("<script>alert(4)</script>",),
        actors=(bad,),
        quotes=(Quote("q1", XSS, "xss-actor", "direct", cue=XSS, paragraph=1),),
        timeline=(TimelineEntry(XSS, "2023-09-01", event=XSS, actors=("xss-actor",)),),
        questions=(Question(XSS, evidence=(XSS,), actors=("xss-actor",)),),
    )
    # the same story a week later, with a date ahead: XSS in stories, upcoming, calendar, digests
    fourth = replace(
        third,
        id="2023-09-08-xss-again",
        source=replace(third.source, published="2023-09-08"),
        timeline=(TimelineEntry(XSS, "2023-12-24", event=XSS, actors=("xss-actor",)),),
    )
    return [first, second, third, fourth]


MKDOCS_YML = """site_name: Test digest
site_url: https://digest.example.org/
repo_url: https://git.example.org/team/digest
edit_uri: edit/main/
docs_dir: site_assets
theme:
  name: material
  font: false
  features: [navigation.tabs, navigation.prune, content.action.edit]
extra_css: [stylesheets/briefings.css]
markdown_extensions: [toc, admonition, attr_list]
plugins:
  - search
  - briefings
validation:
  nav:
    omitted_files: ignore
"""


def make_site(root: Path) -> tuple[Path, list[Briefing]]:
    """A site folder like the project's: sources/, briefings/, site_assets/, mkdocs.yml."""
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "envoys.md").write_text(SOURCE_MD, encoding="utf-8")
    article = ingest.read(root / "sources" / "envoys.md")
    items = briefings(article.text, article.sha256)
    out = root / "briefings"
    for b in items:
        store.write_atomic(out / f"{b.id}.yaml", store.dumps(b.to_dict(), store.header_for(out)))
    registry = "- id: ana-ruiz\n  name: Ana Ruiz\n  kind: person\n  description: Envoy of <b>Ruritania</b>\n"
    (out / "actors.yaml").write_text(registry, encoding="utf-8")
    assets = root / "site_assets" / "stylesheets"
    assets.mkdir(parents=True)
    (assets / "briefings.css").write_text((ROOT / "site_assets/stylesheets/briefings.css").read_text())
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root, items


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Briefing]]:
    root, items = make_site(tmp_path_factory.mktemp("site"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site", items


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_generated_pages_skip_python_markdown_for_the_same_site(
    built: tuple[Path, list[Briefing]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Generated pages are converted without Python-Markdown where that gives the same HTML
    (`mkdocs_pages.GeneratedPage`): the same site, with every page through Python-Markdown (an
    extension that changes nothing here but that the fast path does not follow), is the same
    site, file by file, hostile YAML included."""
    for p in render.render_briefings(built[1]):
        if p.path.startswith("briefings/") and p.path.endswith(".md"):  # these at least skip it
            assert markdown_ext.plain_html(p.content.split("---\n\n", 1)[1]) is not None, p.path
    root, _ = make_site(tmp_path_factory.mktemp("through-markdown"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("attr_list]", "attr_list, abbr]"), encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    ours, theirs = built[0], root / "site"
    files = sorted(str(f.relative_to(ours)) for f in ours.rglob("*") if f.is_file())
    assert files == sorted(str(f.relative_to(theirs)) for f in theirs.rglob("*") if f.is_file())
    assert [f for f in files if (ours / f).read_bytes() != (theirs / f).read_bytes()] == []


def test_briefing_page_shows_every_part(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    html = page(site, "briefings/2023-11-03-envoys-agree-to-meet-again")
    assert "<title>Envoys agree to meet again - Test digest</title>" in html
    assert "Machine-extracted, not yet reviewed" in html
    assert 'class="bf-lead">Climate envoy Ana Ruiz will meet Tom Berg' in html
    assert "<li>A second round is planned for December.</li>" in html
    # actors grouped by kind, with roles, linking to their pages
    assert re.search(r'<h3 id="actors-person">People', html)
    assert re.search(r'<h3 id="actors-place">Place <', html)  # one place: the heading says so
    assert (
        'href="../../actors/ana-ruiz/">Ana Ruiz</a> '
        '<span class="bf-actor__role">climate envoy, Ministry</span>' in html
    )
    # timeline: an SVG drawn at build time and the list
    assert '<svg class="bf-tl bf-tl--wide"' in html and '<svg class="bf-tl bf-tl--tall"' in html
    assert 'href="#event-1"' in html
    assert re.search(r'<li id="event-1">.*6 Nov 2023.*Ruiz meets Berg in Lisbon', html)
    # quotes as block quotes with speaker and a link to the paragraph
    assert re.search(r'<blockquote class="bf-quote bf-quote--direct">\s*<p>We will not leave', html)
    assert 'href="#p2">¶ 2</a>' in html
    # open questions as admonitions, with evidence
    assert '<div class="admonition question bf-question bf-question--open">' in html
    assert "<li>a second round was planned for December</li>" in html
    assert 'href="../2023-10-20-earlier-talks/">see the briefing</a>' in html
    # the source text: numbered paragraphs, the quote highlighted
    assert re.search(r'<p class="bf-para" id="p2"><a class="bf-para__num" href="#p2">2</a>&#34;|"', html)
    assert re.search(r'<mark class="bf-mark" id="quote-q1" title="Ana Ruiz">We will not leave without', html)
    # source metadata and the edit button opening the YAML file
    assert '<a href="https://example.org/envoys" rel="noopener nofollow">' in html
    edit = (
        "https://git.example.org/team/digest/edit/main/briefings/2023-11-03-envoys-agree-to-meet-again.yaml"
    )
    assert f'<a class="md-button bf-edit" href="{edit}" title="Open briefings/' in html
    assert html.count(edit) == 1  # one edit control: not the theme's as well
    # the tab of its section is highlighted, and the feed is announced
    assert re.search(r'md-tabs__item md-tabs__item--active">\s*<a href="../../archive/"', html)
    assert (
        '<link rel="alternate feed" type="application/atom+xml" title="Test digest" href="https://digest.example.org/feed.xml">'
        in html
    )
    # a table of contents for phones, before the first section
    assert html.index('<nav class="bf-toc"') < html.index('id="summary"')


def test_reviewed_briefing_and_missing_source(built: tuple[Path, list[Briefing]]) -> None:
    html = page(built[0], "briefings/2023-10-20-earlier-talks")
    assert "Reviewed by an editor" in html and "Machine-extracted, not yet reviewed" not in html
    assert "The source file is not available to this site." in html
    assert 'id="p1"' not in html


def test_actor_page_connects_briefings(built: tuple[Path, list[Briefing]]) -> None:
    html = page(built[0], "actors/ana-ruiz")
    assert '<h1 id="title">Ana Ruiz</h1>' in html
    assert "In 2 briefings" in html and "Unattributed" not in html
    assert '<p class="bf-lead">Envoy of &lt;b&gt;Ruritania&lt;/b&gt;</p>' in html
    assert (
        'href="../../briefings/2023-11-03-envoys-agree-to-meet-again/">Envoys agree to meet again</a>' in html
    )
    assert 'href="../../briefings/2023-10-20-earlier-talks/">Earlier talks in Oslo</a>' in html
    # quotes across briefings, roles, events, co-actors
    assert "We will not leave without an agreement," in html and "Oslo is only the beginning" in html
    assert "head of delegation" in html and "climate envoy, Ministry" in html
    assert "Ruiz meets Berg in Lisbon" in html and "A year of talks" in html
    assert re.search(r'href="../tom-berg/">Tom Berg</a> <span class="bf-muted">2 briefings', html)
    assert "Second round of talks" not in html


def test_home_and_cross_pages(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    home = page(site, ".")
    cards = home[home.index('class="bf-cards"') :]
    assert cards.index("Envoys agree to meet again") < cards.index("Earlier talks in Oslo")
    assert "30 Oct – 5 Nov 2023" in home and "1 quote" in home and "1 open question" in home
    assert "Second round of talks" in page(site, "timeline")
    assert page(site, "timeline").index("December 2023") < page(site, "timeline").index("November 2023")
    assert "Ruiz meets Berg in Lisbon" in page(site, "timeline/2023-11")
    assert "Second round of talks" not in page(site, "timeline/2023-11")
    quotes = page(site, "quotes")
    assert quotes.index("Ana Ruiz") < quotes.index("Tom Berg")
    questions = page(site, "questions")
    assert questions.index("Will the second round take place?") < questions.index("Who chairs?")
    assert 'href="../briefings/2023-10-20-earlier-talks/">Earlier talks in Oslo</a>' in questions
    tags = page(site, "tags")
    assert (
        'id="tag-climate"' in tags
        and tags.count("Earlier talks in Oslo") == 2
        and tags.count("Envoys agree") == 1
    )


def test_navigation_stays_small(built: tuple[Path, list[Briefing]]) -> None:
    html = page(built[0], "briefings/2023-11-03-envoys-agree-to-meet-again")
    nav = html[html.index('<nav class="md-tabs"') : html.index("</nav>", html.index('<nav class="md-tabs"'))]
    assert "Timeline" in nav and "Envoys agree" not in nav and "Ana Ruiz" not in nav


def test_feeds(built: tuple[Path, list[Briefing]]) -> None:
    site, items = built
    feed = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries][:2] == [items[0].title, items[1].title]
    link = entries[0].find("a:link[@rel='alternate']", ns)
    assert link is not None
    assert link.get("href") == "https://digest.example.org/briefings/2023-11-03-envoys-agree-to-meet-again/"
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert data["count"] == 4 and {b["id"] for b in data["briefings"]} == {b.id for b in items}
    assert (site / "briefings" / "2023-10-20-earlier-talks.yaml").is_file()


def test_one_actor_page_per_entity_and_none_for_the_byline(built: tuple[Path, list[Briefing]]) -> None:
    """ "Ruiz" of one briefing is Ana Ruiz of the other; the reporter of the byline is no actor."""
    site, _ = built
    assert not (site / "actors/ruiz").exists() and not (site / "actors/jane-reporter").exists()
    second = page(site, "briefings/2023-10-20-earlier-talks")
    assert 'href="../../actors/ana-ruiz/">Ruiz</a>' in second
    assert "Jane Reporter" in second and "actors/jane-reporter" not in second
    actors = page(site, "actors")
    assert actors.count(">Ana Ruiz</a>") == 1 and ">Ruiz</a>" not in actors


def test_story_pages_link_the_briefings_of_a_story(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    assert 'href="2023-10-20-earlier-talks/">Earlier talks in Oslo</a>' in page(site, "stories")
    story = page(site, "stories/2023-10-20-earlier-talks")
    assert '<h1 id="title">Earlier talks in Oslo</h1>' in story
    assert story.index(">Earlier talks in Oslo</a>") < story.index(">Envoys agree to meet again</a>")
    # the merged timeline in date order, the actors, quotes by speaker, the open questions
    events = [story.index(e) for e in ("Talks resume in Lisbon", "Ruiz meets Berg in Lisbon", "Second round")]
    assert events == sorted(events)
    assert 'href="../../actors/ana-ruiz/">Ana Ruiz</a> <span class="bf-count">2</span>' in story
    assert "Oslo is only the beginning" in story and "We will not leave without an agreement," in story
    assert "Will the second round take place?" in story and "Who chairs?" not in story
    # each briefing page shows its story, with the briefings before and after it
    first = page(site, "briefings/2023-11-03-envoys-agree-to-meet-again")
    assert 'href="../../stories/2023-10-20-earlier-talks/">Earlier talks in Oslo</a>' in first
    assert 'href="../2023-10-20-earlier-talks/" rel="prev">← Earlier talks in Oslo</a>' in first
    second = page(site, "briefings/2023-10-20-earlier-talks")
    assert (
        'href="../2023-11-03-envoys-agree-to-meet-again/" rel="next">Envoys agree to meet again →' in second
    )
    assert 'rel="prev"' not in second


def test_upcoming_page_and_calendar(built: tuple[Path, list[Briefing]]) -> None:
    """Dated after the newest briefing (3 November 2023), by week; one all-day event each."""
    site, _ = built
    html = page(site, "upcoming")
    assert "coming after 3 November 2023" in html and 'href="../calendar.ics"' in html
    assert html.index("6–12 Nov 2023") < html.index("Ruiz meets Berg in Lisbon")
    assert html.index("Ruiz meets Berg in Lisbon") < html.index("Second round of talks")
    assert "Talks resume in Lisbon" not in html  # 25 October: past
    assert 'href="../briefings/2023-11-03-envoys-agree-to-meet-again/#event-1"' in html
    cal = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 3 and len({str(e["UID"]) for e in events.values()}) == 3
    day = events["Ruiz meets Berg in Lisbon"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2023, 11, 6), date(2023, 11, 7))
    assert (
        str(day["URL"])
        == "https://digest.example.org/briefings/2023-11-03-envoys-agree-to-meet-again/#event-1"
    )
    assert "Who: Ana Ruiz, Tom Berg" in str(day["DESCRIPTION"])
    month = events["Second round of talks"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (date(2023, 12, 1), date(2024, 1, 1))


def test_weekly_digest_pages_and_feed(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    week = page(site, "digest/2023-W44")
    assert '<h1 id="title">30 Oct – 5 Nov 2023</h1>' in week
    assert 'href="../../stories/2023-10-20-earlier-talks/">Earlier talks in Oslo</a>' in week
    assert (
        'href="../../briefings/2023-11-03-envoys-agree-to-meet-again/">Envoys agree to meet again</a>' in week
    )
    assert "Will the second round take place?" in week  # raised this week
    assert re.search(
        r'Most quoted: <a class="bf-chip bf-chip--person" href="../../actors/ana-ruiz/">Ana Ruiz', week
    )
    ahead = [week.index(e) for e in ("Ruiz meets Berg in Lisbon", "Second round of talks")]
    assert ahead == sorted(ahead)
    assert 'href="../2023-W42/" rel="prev">← 16–22 Oct 2023' in week and 'rel="next"' not in week
    answered = page(site, "digest/2023-W42")  # the week of the briefing that answered "Who chairs?"
    assert "Who chairs?" in answered and "<strong>Answer:</strong> Ruiz" in answered
    home = page(site, ".")
    assert home.index("This week · 30 Oct – 5 Nov 2023") < home.index('class="bf-cards"')
    assert 'href="digest/2023-W44/">Read the weekly digest</a>' in home
    assert [w in page(site, "digest") for w in ("2023-W44", "2023-W42", "2023-W36", "2023-W35")] == [True] * 4
    feed = ET.parse(site / "digest.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.find("a:link", ns) for e in feed.findall("a:entry", ns)]
    assert [link.get("href") for link in links if link is not None][:2] == [
        "https://digest.example.org/digest/2023-W44/",
        "https://digest.example.org/digest/2023-W42/",
    ]


def test_questions_by_status_with_age_follow_ups_and_review(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    html = page(site, "questions")
    assert html.index('<h2 id="open">Open') < html.index('<h2 id="answered">Answered')
    talks = html[html.index("Will the talks resume in Lisbon on October 25?") :]
    talks = talks[: talks.index("</div>")]
    assert "Open since <time" in talks and "20 Oct 2023</time> · 2 weeks" in talks
    assert "Due for review" in talks and "25 October 2023" in talks
    assert "Possible follow-ups" in talks and ">Envoys agree to meet again</a>" in talks
    second_round = html[html.index("Will the second round take place?") :]
    assert "Due for review" not in second_round[: second_round.index("</div>")]
    assert "<strong>Answer:</strong> Ruiz — <a" in html


def test_schema_is_published_for_editors(built: tuple[Path, list[Briefing]]) -> None:
    published = json.loads((built[0] / "schema" / "briefing.schema.json").read_text(encoding="utf-8"))
    assert published["title"] == "Briefing" and "quotes" in published["properties"]


def test_search_index_weights_quotes_and_leaves_out_lists(built: tuple[Path, list[Briefing]]) -> None:
    """Quotes weigh more; lists of names, the picture's labels and the page's furniture are not
    indexed (a result's snippet would be a list of people, or "2017 30 Oct 2023 published")."""
    docs = json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_loc = {d["location"]: d for d in docs}
    base = "briefings/2023-11-03-envoys-agree-to-meet-again/"
    assert by_loc[base + "#quotes"]["boost"] > by_loc[base + "#summary"]["boost"] > 1
    assert by_loc[base + "#actors-person"]["text"] == ""
    assert "published" not in by_loc[base + "#timeline"]["text"]
    assert "Edit YAML" not in by_loc[base + "#title"]["text"]
    assert "Ana Ruiz" in by_loc[base]["tags"]
    assert not any(d["location"].startswith(("quotes/", "timeline/")) for d in docs)
    assert not any("bf-para" in d["text"] or "Lisbon on November 6, the ministry" in d["text"] for d in docs)


def test_actor_pages_are_one_search_entry_from_data(built: tuple[Path, list[Briefing]]) -> None:
    """Found by name, kind, roles and registry description; their quotes are indexed on briefings."""
    docs = json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    actor = [d for d in docs if d["location"].startswith("actors/ana-ruiz/")]
    assert [d["location"] for d in actor] == ["actors/ana-ruiz/"]
    text = actor[0]["text"]
    assert actor[0]["title"] == "Ana Ruiz" and actor[0]["tags"] == [
        "Ana Ruiz",
        "Ruiz",
    ]  # "Ruiz" of another briefing
    assert actor[0]["boost"] > max(d.get("boost", 1) for d in docs if d["location"].startswith("briefings/"))
    assert "Person" in text and "In 2 briefings" in text
    assert "climate envoy, Ministry" in text and "head of delegation" in text
    assert "Envoy of &lt;b&gt;Ruritania&lt;/b&gt;" in text  # registry text, escaped
    xss = next(d for d in docs if d["location"] == "actors/xss-actor/")
    assert "<script" not in xss["text"] and "<script" not in xss["title"]
    assert not any("<" in tag for tag in xss["tags"]) and "&lt;script&gt;" in xss["tags"][0]


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "script" and not a.get("src"):
            self.scripts.append("inline")
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append(a[key] or "")


def test_every_internal_link_resolves_and_nothing_is_external(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        parser = _Refs()
        parser.feed(html_file.read_text(encoding="utf-8"))
        here = "file://" + html_file.as_posix()
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https"):
                assert parts.netloc in (
                    "example.org",
                    "git.example.org",
                    "digest.example.org",
                    "squidfunk.github.io",
                )
                continue
            if parts.scheme or ref.startswith("#"):
                continue
            target = Path(unquote(urlsplit(urljoin(here, ref)).path))
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{html_file}: {ref}"
            if parts.fragment and target.suffix == ".html" and target != html_file:
                ids = _Refs()
                ids.feed(target.read_text(encoding="utf-8"))
                assert parts.fragment in ids.ids, f"{html_file}: {ref}"
        assert "fonts.googleapis" not in html_file.read_text(encoding="utf-8")


def test_xss_in_every_field_is_escaped(built: tuple[Path, list[Briefing]]) -> None:
    site, _ = built
    pages = [site / "briefings/2023-09-01-xss/index.html", site / "actors/xss-actor/index.html"]
    pages += [
        site / p / "index.html" for p in ("", "quotes", "questions", "timeline", "tags", "actors", "archive")
    ]
    pages += [  # reading across briefings: the XSS briefings make a story, a date ahead, digests
        site / p / "index.html"
        for p in (
            "stories",
            "stories/2023-09-01-xss",
            "upcoming",
            "digest",
            "digest/2023-W35",
            "digest/2023-W36",
        )
    ]
    for f in pages:
        html = f.read_text(encoding="utf-8")
        assert "<script>alert" not in html, f
        assert "<img src=x" not in html, f
        assert 'href="javascript:' not in html.lower(), f
        assert "onclick=x" not in html.replace("{: onclick=x }", ""), f
        assert "<em>md</em>" not in html, f
    html = pages[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<title>&lt;script&gt;" in html
    assert "<code>javascript:alert(3)</code> (not a web address)" in html
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    assert 'href="javascript:' not in feed
    ET.fromstring(feed)
    digest = (site / "digest.xml").read_text(encoding="utf-8")
    assert "<script>" not in digest and "&lt;script&gt;" in digest
    ET.fromstring(digest)
    cal = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    assert XSS in [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]  # plain text, as written
    raw = (site / "briefings.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    assert XSS in [b["title"] for b in json.loads(raw)["briefings"]]


def test_edit_link_falls_back_to_the_published_yaml(tmp_path: Path) -> None:
    root, _ = make_site(tmp_path)
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text().replace("repo_url: https://git.example.org/team/digest\nedit_uri: edit/main/\n", "")
    )
    assert mkdocs_build(root).returncode == 0
    html = page(root / "site", "briefings/2023-10-20-earlier-talks")
    assert '<a class="md-button bf-edit" href="yaml.html" title="Show briefings/' in html
    assert "md-content__button" not in html  # the theme's edit icon is not shown as well
    view = (root / "site" / "briefings" / "2023-10-20-earlier-talks" / "yaml.html").read_text(
        encoding="utf-8"
    )
    assert "<title>briefings/2023-10-20-earlier-talks.yaml</title>" in view
    assert '<span id="L3"><a href="#L3">3</a>id: 2023-10-20-earlier-talks</span>' in view
    assert '<a href="./">← Earlier talks in Oslo</a>' in view
    xss = (root / "site" / "briefings" / "2023-09-01-xss" / "yaml.html").read_text(encoding="utf-8")
    assert "<script>" not in xss and "&lt;script&gt;" in xss


# The pure pieces, without MkDocs.


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.org/a", None),
        ("example.org", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert urls.safe_url(url) == expected


@pytest.mark.parametrize(
    ("here", "target", "directory_urls", "expected"),
    [
        ("briefings/x/index.md", "actors/y/index.md", True, "../../actors/y/"),
        ("briefings/x/index.md", "index.md", True, "../../"),
        ("index.md", "index.md", True, "./"),
        ("index.md", "feed.xml", True, "feed.xml"),
        ("quotes/index.md", "briefings/x/index.md", True, "../briefings/x/"),
        ("briefings/x/index.md", "actors/y/index.md", False, "../../actors/y/index.html"),
        ("index.md", "tags/index.md", False, "tags/index.html"),
        ("archive/2021-01/index.md", "archive/index.md", True, "../"),
        ("actors/a/index.md", "actors/ab/index.md", True, "../ab/"),
        ("archive/2021-01/index.md", "archive/2021-01/index.md", True, "./"),
        ("archive/2021-01/index.md", "archive/2021-02/index.md", False, "../2021-02/index.html"),
    ],
)
def test_links(here: str, target: str, directory_urls: bool, expected: str) -> None:
    assert urls.Links(here, directory_urls).page(target) == expected


def test_timeline_svg_spreads_clustered_events_and_escapes_labels() -> None:
    rows = [("2017-11-03", None, "<b>old</b>", "event-1")]
    rows += [(f"2023-11-0{d}", None, f"day {d}", f"event-{d + 1}") for d in range(1, 6)]
    out = str(svg.timeline_svg(svg.marks(rows), date(2023, 11, 3)))
    wide = out[: out.index('<svg class="bf-tl bf-tl--tall"')]
    xs = [float(x) for x in re.findall(r'<text class="bf-tl-num" x="([\d.]+)"', wide)]
    assert len(xs) == 6 and min(b - a for a, b in zip(xs, xs[1:], strict=False)) > 20
    assert "<b>" not in out and "&lt;b&gt;old" in out
    assert 'class="bf-tl-break"' in out and "published" in out
    assert str(svg.timeline_svg([])) == ""


def test_source_paragraphs_highlight_quotes_and_skip_bad_spans() -> None:
    article = ingest.from_paragraphs("a.txt", "T", ["He said <b>no</b> today.", "Second one."])
    quotes = (
        Quote("q1", "<b>no</b>", "he", span=_span(article.text, "<b>no</b>")),
        Quote("q2", "x", None, span=(3, 9999)),
        Quote("q3", "overlap", None, span=(10, 14)),
    )
    paras = text.paragraphs(article, quotes, {"he": "Him"})
    assert [p.number for p in paras] == [1, 2]
    assert (
        str(paras[0].html)
        == 'He said <mark class="bf-mark" id="quote-q1" title="Him">&lt;b&gt;no&lt;/b&gt;</mark> today.'
    )
    assert str(paras[1].html) == "Second one."


def test_render_core_does_not_import_mkdocs() -> None:
    code = "import sys, generator.site.render, generator.site.feeds; print('mkdocs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_markdown_in_yaml_cannot_reach_markdown() -> None:
    b = Briefing(
        id="x", title="**bold** <i>x</i>", source=Source(file="a.md"), summary="[link](javascript:x)"
    )
    pages = {p.path: p.content for p in render.render_briefings([b])}
    body = pages["briefings/x/index.md"]
    assert "**bold** &lt;i&gt;x&lt;/i&gt;</h1>" in body
    assert 'title: "**bold** &lt;i&gt;x&lt;/i&gt;"' in body
    assert '<p class="bf-lead">[link](javascript:x)</p>' in body


def test_site_templates_override_builtin_ones_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "home.md.j2").write_text("<p>{{ site.briefings | length }} on {{ opts.site_name }}</p>\n")
    b = Briefing(id="x", title="<T>", source=Source(file="a.md", published="2023-01-02"))
    options = Options(site_name="<Site>", templates_dir=tmp_path)
    pages = {p.path: p.content for p in render.render_briefings([b], options)}
    assert pages["index.md"].endswith("<p>1 on &lt;Site&gt;</p>\n")
    assert "&lt;T&gt;</h1>" in pages["briefings/x/index.md"]


def test_builtin_templates_are_found_installed_and_in_a_checkout(tmp_path: Path) -> None:
    """A wheel ships them as `generator/_templates`; a checkout keeps them at the top level."""
    assert templates.BUILTIN_TEMPLATES == ROOT / "templates"
    assert (templates.BUILTIN_TEMPLATES / "briefing.md.j2").is_file()
    package = tmp_path / "generator"
    package.mkdir()
    assert templates.builtin_templates(package) == tmp_path / "templates"
    (package / "_templates").mkdir()
    assert templates.builtin_templates(package) == package / "_templates"


def test_rendering_options_have_one_default_and_reach_the_renderer_by_name() -> None:
    """mkdocs.yml's rendering options are `Options` fields: the schema takes their defaults from
    there and `from_settings` passes each on, so a new option cannot be forgotten on the way."""
    config = BriefingsConfig()
    config.load_dict({"home_weeks": 7, "feed_size": 9, "templates_dir": "mine"})
    failed, warnings = config.validate()
    assert failed == [] and warnings == []
    site = {
        "site_name": "S",
        "site_url": "https://x.org/",
        "directory_urls": False,
        "templates_dir": None,
        "yaml_pages": True,
    }
    assert from_settings(config, **site) == replace(Options(**site), home_weeks=7, feed_size=9)
    defaults = BriefingsConfig()
    defaults.load_dict({})
    assert defaults.validate() == ([], [])
    for f in fields(Options):
        assert f.name in site or defaults[f.name] == f.default, f.name


class _Active(HTMLParser):
    """What in a page can run: event handler attributes, script addresses, inline script text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script = ""
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key.startswith("on"):
                self.found.append(f"<{tag} {key}=...>")
            compact = re.sub(r"[\s\x00-\x20]", "", value or "").lower()
            if key in ("href", "src", "action") and compact.startswith(("javascript:", "data:")):
                self.found.append(f"<{tag} {key}={value}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script += data


def test_no_field_reaches_an_attribute_a_url_or_a_script(built: tuple[Path, list[Briefing]]) -> None:
    """Parsed as a browser would: every page of the site, not only the ones that show the XSS briefing."""
    site, _ = built
    for f in site.rglob("*.html"):
        parser = _Active()
        parser.feed(f.read_text(encoding="utf-8"))
        assert parser.found == [], f
        assert "alert(" not in parser.script, f


def test_speaker_name_in_an_attribute_is_escaped() -> None:
    article = ingest.from_paragraphs("a.txt", "T", ["He said no today."])
    quotes = (Quote("q1", "no", "he", span=_span(article.text, "no")),)
    (para,) = text.paragraphs(article, quotes, {"he": '"><script>alert(1)</script><b x="'})
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b x=&quot;">no</mark>' in str(para.html)


def test_actor_page_shows_the_latest_quotes_and_every_briefing(tmp_path: Path) -> None:
    """An actor in thousands of briefings must not get a page that grows with all they said."""
    (tmp_path / "envoys.md").write_text(SOURCE_MD, encoding="utf-8")
    article = ingest.read(tmp_path / "envoys.md")
    items = briefings(article.text, article.sha256)
    pages = {p.path: p.content for p in render.render_briefings(items, Options(listing_limit=1))}
    ana = pages["actors/ana-ruiz/index.md"]
    assert "The latest 1 of 2 quotes" in ana
    assert "We will not leave without an agreement," in ana  # the newest briefing's quote
    assert "Oslo is only the beginning" not in ana
    assert "Earlier talks in Oslo" in ana and "Envoys agree to meet again" in ana  # both briefings
    full = {p.path: p.content for p in render.render_briefings(items, Options(listing_limit=25))}
    assert "The latest" not in full["actors/ana-ruiz/index.md"]
    assert "Oslo is only the beginning" in full["actors/ana-ruiz/index.md"]


def test_forked_rendering_gives_the_same_pages_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "envoys.md").write_text(SOURCE_MD, encoding="utf-8")
    article = ingest.read(tmp_path / "envoys.md")
    entries = [
        data.Entry(b, tmp_path / f"{b.id}.yaml", article) for b in briefings(article.text, article.sha256)
    ]
    serial = list(render.iter_site(entries, Options(), jobs=1))
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    assert forked.can_fork(2, 5)
    assert list(render.iter_site(entries, Options(), jobs=2)) == serial
    # briefings.json may come in pieces (the plugin packs it as they come): the same text
    streamed = {p.path: p for p in render.iter_site(entries, Options(), jobs=2, stream=True)}
    whole = {p.path: p.content for p in serial}
    feed = streamed["briefings.json"]
    assert (
        feed.content == "" and feed.pieces is not None and "".join(feed.pieces()) == whole["briefings.json"]
    )
    assert {
        path: p.content for path, p in streamed.items() if path != "briefings.json"
    }.items() <= whole.items()


def test_dirty_rebuild_rewrites_only_changed_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make serve` runs `mkdocs serve --dirty`: a save converts and writes only the pages whose
    Markdown changed, and the preview's search index keeps one copy of each page."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root, _ = make_site(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config)
    site = root / "site"
    changed = site / "briefings/2023-11-03-envoys-agree-to-meet-again/index.html"
    untouched = (
        site / "briefings/2023-09-01-xss/index.html"
    )  # the other briefings of its story show the title
    stamp = untouched.stat().st_mtime_ns
    path = root / "briefings/2023-11-03-envoys-agree-to-meet-again.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Envoys agree", "title: Envoys now agree")
    )
    # `mkdocs serve` loads the config again for every rebuild; the plugin object must survive it
    again = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    assert again.plugins["briefings"] is config.plugins["briefings"]
    build(again, dirty=True)
    assert "Envoys now agree to meet again" in changed.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == stamp
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations))
    assert any(d["title"] == "Envoys now agree to meet again" for d in docs)
    assert not any(d["title"] == "Envoys agree to meet again" for d in docs)
