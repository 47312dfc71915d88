"""A web page's metadata: the headline without the site's name, bylines as people, the
publication date as readers saw it. Cases modelled on real pages (site names, glued buttons and
dates, desks in bylines, UTC timestamps); each rule has its negatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ingest
from generator.ingest.bylines import choose_authors, is_person, names_in
from generator.ingest.dates import publication_date
from generator.ingest.headline import choose_headline, strip_site


@pytest.mark.parametrize(
    ("title", "sites", "host", "expected"),
    [
        ("Margaret Thatcher feared GCSEs - Telegraph", ["Telegraph.co.uk"], "www.telegraph.co.uk",
         "Margaret Thatcher feared GCSEs"),
        ("The Future of Banking Is … You're Broke | WIRED", [], "www.wired.com",
         "The Future of Banking Is … You're Broke"),
        ("Germany passes climate law | DW | 19.01.2020", [], "www.dw.com", "Germany passes climate law"),
        ("Tracking the 2016 Presidential Candidates - US News", ["US News & World Report"],
         "www.usnews.com", "Tracking the 2016 Presidential Candidates"),
        ("Nelson's OT goal lifts Isles - Times Union", ["Times Union"], "www.timesunion.com",
         "Nelson's OT goal lifts Isles"),
        # negatives: a separator inside the headline, a segment that is not the site
        ("Xi-Biden talks - what to expect", ["Global Times"], "www.globaltimes.cn",
         "Xi-Biden talks - what to expect"),
        ("Hong Kong chaos: China deploys troops", ["Express.co.uk"], "www.express.co.uk",
         "Hong Kong chaos: China deploys troops"),
        ("Senate passes budget | Opinion", [], "example.com", "Senate passes budget | Opinion"),
    ],
)  # fmt: skip
def test_strip_site(title: str, sites: list[str], host: str, expected: str) -> None:
    assert strip_site(title, sites, host, set()) == expected


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        # the site and its sections glued to <title>; og:title and <h1> agree
        (
            [("og:title", "Bubonic plague: third case in "
                          "China"), ("h1", "Bubonic plague: third case in China"),
             ("title", "Bubonic plague: third case in China | Science | News | Express.co.uk")],
            "Bubonic plague: third case in China",
        ),
        # an <h1> with a button's text glued on: the shorter agreeing version wins
        (
            [("og:title", "Final manoeuvre of AirAsia flight raises questions"),
             ("h1", "Final manoeuvre of AirAsia flight raises questions Add to ..."),
             ("title", "Final manoeuvre of AirAsia flight raises questions - The Globe and Mail")],
            "Final manoeuvre of AirAsia flight raises questions",
        ),
        # the <title> is an older headline: the two that agree win
        (
            [("og:title", "Cuomo's cap solves only part of the problem"),
             ("h1", "Cuomo's cap solves only part of the problem"),
             ("title", "Cuomo's cap won't solve the real problem - Businessweek")],
            "Cuomo's cap solves only part of the problem",
        ),
        # one title only: kept as it is
        ([("title", "Spiced Honey Pear Jam Recipe")], "Spiced Honey Pear Jam Recipe"),
    ],
)  # fmt: skip
def test_choose_headline(titles: list[tuple[str, str]], expected: str) -> None:
    assert choose_headline(titles, ["The Globe and Mail", "Businessweek.com"], "example.com") == expected


@pytest.mark.parametrize(
    ("byline", "people", "others"),
    [
        ("By Keith J. Kelly", ["Keith J. Kelly"], []),
        ("Keith Spera, NOLA.com | The Times-Picayune", ["Keith Spera"], ["NOLA.com", "The Times-Picayune"]),
        ("Kyle Meinke | kmeinke@mlive.com", ["Kyle Meinke"], []),
        ("Lucy Berry; Lberry Com", ["Lucy Berry"], ["Lberry Com"]),
        ("By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019, 04:05 pm PT",
         ["Mike Wuerthele", "Malcolm Owen"], []),
        ("by Jeff Foust, SpaceNews Writer | December 12, 2014", ["Jeff Foust"], ["SpaceNews Writer"]),
        ("David Catanese, Lindsey Cook", ["David Catanese", "Lindsey Cook"], []),
        ("Barbie Latza Nadeau", ["Barbie Latza Nadeau"], []),
        # negatives: a publication, a desk, page buttons
        ("By Fox News", [], ["Fox News"]),
        ("Post Staff Report", [], ["Post Staff Report"]),
        ("View author archive Get author RSS feed", [], ["View author archive Get author RSS feed"]),
    ],
)  # fmt: skip
def test_names_in_byline(byline: str, people: list[str], others: list[str]) -> None:
    assert names_in(byline) == (people, others)


@pytest.mark.parametrize(
    ("name", "person"),
    [("Al Root", True), ("Ludwig van Beethoven", True), ("Zhang San", True), ("Андрей Рудьков", True),
     ("Reuters", False), ("The Associated Press", False), ("van Gogh", False), ("Jane Doe 2019", False)],
)  # fmt: skip
def test_is_person(name: str, person: bool) -> None:
    assert is_person(name) is person


@pytest.mark.parametrize(
    ("bylines", "expected"),
    [
        ([("author", "Jane Doe")], ("Jane Doe", None)),
        # the most trusted byline that names a person wins
        ([("author", "The Daily Ledger"), ("byline", "By Jane Doe")], ("Jane Doe", None)),
        # a wire or partner instead of a person: the article's source
        ([("byline", "By Fox News"), ("byline", "View author archive")], (None, "Fox News")),
        # the site's own name is neither
        ([("author", "Daily Ledger")], (None, None)),
        ([("byline", "By Post Staff")], (None, None)),
    ],
)
def test_choose_authors(bylines: list[tuple[str, str]], expected: tuple[str | None, str | None]) -> None:
    assert choose_authors(bylines, ["Daily Ledger"]) == expected


@pytest.mark.parametrize(
    ("published", "modified", "expected"),
    [
        # a UTC timestamp after midnight: the page's local time says the day before
        ([("article:published_time", "2014-12-19T04:38:49+00:00"), ("sailthru.date", "2014-12-18 23:38:49")],
         [], "2014-12-18"),
        # ... or the date the page shows
        ([("article:published_time", "2014-12-19T04:38:49Z"), ("visible", "December 18, 2014 | 11:38pm")],
         [], "2014-12-18"),
        # a timestamp with its own offset is local already
        ([("ld:datePublished", "2014-12-22T09:54:09-05:00"), ("visible", "December 21, 2014")], [],
         "2014-12-22"),
        # the publication date, never the revision
        ([("date", "2020-03-05"), ("ld:datePublished", "2020-03-01")], ["2020-03-05"], "2020-03-01"),
        ([("visible", "Updated March 5, 2020"), ("visible", "March 1, 2020")], [], "2020-03-01"),
        # an e-mail style date; a date in words; a European date
        ([("sailthru.date", "Wed, 14 Jan 2015 09:42:15 -0500")], [], "2015-01-14"),
        ([("visible", "Monday, Dec. 29 2014, 6:00 AM EST")], [], "2014-12-29"),
        ([("visible", "19.01.2020")], [], "2020-01-19"),
        # a UTC date far from any local one stays; nothing readable
        ([("article:published_time", "2016-12-16T18:27:00.000Z"), ("visible", "June 3, 2016")], [],
         "2016-12-16"),
        ([("visible", "Next"), ("date", "soon")], [], None),
    ],
)  # fmt: skip
def test_publication_date(
    published: list[tuple[str, str]], modified: list[str], expected: str | None
) -> None:
    assert publication_date(published, modified) == expected


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port strike ends after nine days | The Harbour Times</title>
<meta property="og:title" content="Port strike ends after nine days">
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:url" content="https://harbour.example.com/port-strike?utm=1">
<link rel="canonical" href="https://harbour.example.com/2021/03/02/port-strike">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Port strike ends after nine days",
  "datePublished": "2021-03-02T07:00:00+01:00", "dateModified": "2021-03-04T10:00:00+01:00",
  "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Organization", "name": "Harbour Wire"}]}]}
</script></head><body>
<div class="teasers" itemscope itemtype="https://schema.org/ItemList">
<meta itemprop="datePublished" content="2019-01-01T00:00:00Z"></div>
<article><h1>Port strike ends after nine days</h1>
<p class="byline">By Ana Ruiz, Harbour Wire<script>googletag.cmd.push(function() {})</script></p>
<p>Dock workers voted on Tuesday to end a strike that had stopped the port for nine days, after the
operator agreed to raise night-shift pay and to hire two hundred more crane drivers.</p>
<p>The union said the agreement met its main demands. The operator said ships would be unloaded
again from Wednesday morning and that the backlog would be cleared within a week.</p>
<p>Shipping lines had diverted more than forty vessels to other ports since the strike began.</p>
</article></body></html>"""


def test_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = ingest.read(path)
    assert article.title == "Port strike ends after nine days"
    assert article.author == "Ana Ruiz"
    assert article.published == "2021-03-02", "datePublished, not dateModified nor a teaser's date"
    assert article.url == "https://harbour.example.com/2021/03/02/port-strike", "the canonical address"
    assert article.name == "The Harbour Times"
    assert article.language == "en"
    assert article.text.startswith("Dock workers voted on Tuesday")
    assert "Ana Ruiz" not in article.text
