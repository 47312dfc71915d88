"""Reading sources: formats, encodings, page furniture, publication dates, paragraphs, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ingest
from generator.errors import BriefingsError
from generator.extract import pipeline

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "sources").glob("*.md"))

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Senate passes climate bill after long debate | The Daily Ledger</title>
<meta property="og:title" content="Senate passes climate bill after long debate">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2016-09-12T08:30:00Z">
<meta property="article:modified_time" content="2016-09-14T10:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://ledger.example.com/2016/09/12/senate-climate-bill">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad" id="ad-top">Advertisement: Buy the best mattress today at Mattress World</div>
<main><article>
<h1>Senate passes climate bill after long debate</h1>
<p class="byline">By <span class="author">Jane Doe</span></p>
<p>The Senate on Monday passed a climate bill that sets new targets for emissions, after a debate
that lasted three days and ended with a narrow vote.</p>
<p>“This is a historic day,” said Senator Maria Lopez, who led the negotiations. “We did what people
asked.”</p>
<p>Opponents said the bill would raise energy prices and promised to challenge it in the courts
before the end of the year.</p>
<p>The House is expected to take up the measure next week, according to aides familiar with the
schedule.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Football club sacks manager after defeat</a></li>
<li><a href="/b">Celebrity chef opens new restaurant downtown</a></li></ul></aside>
</main>
<footer><p>Follow us on Twitter</p><p>© 2016 The Daily Ledger. All rights reserved.</p></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_saved_news_page(tmp_path: Path) -> None:
    article = ingest.read(write(tmp_path / "page.html", NEWS_PAGE))
    assert article.format == "html"
    assert article.title == "Senate passes climate bill after long debate"
    assert article.author == "Jane Doe"
    assert article.published == "2016-09-12"
    assert article.name == "The Daily Ledger"
    assert article.url == "https://ledger.example.com/2016/09/12/senate-climate-bill"
    assert article.text.startswith("The Senate on Monday passed a climate bill")
    assert article.text.endswith("according to aides familiar with the schedule.")
    assert len(article.paragraphs) == 4
    assert "“This is a historic day,” said Senator Maria Lopez" in article.text
    for furniture in ("Home", "Mattress", "Football", "Celebrity", "Follow us", "rights reserved", "By Jane"):
        assert furniture not in article.text


def test_html_without_title_keeps_the_first_paragraph(tmp_path: Path) -> None:
    page = """<html><body><div id="content">
<p>The minister said on Friday that the talks<br>would resume next week in Geneva,
after a pause of three months.</p>
<p>Union leaders said they wanted a written guarantee before any return to work and warned of strikes.</p>
<ul><li>First point is about wages and the pension age for teachers.</li>
<li>Second point is about the hours of work in the winter.</li></ul>
<p>Analysts said the government had little room to move before the budget in March.</p>
</div></body></html>"""
    article = ingest.read(write(tmp_path / "notitle.htm", page))
    assert article.title == "The minister said on Friday that the talks would resume next week …"
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "The minister said on Friday that the talks would resume next week in Geneva, after a pause of "
        "three months.",
        "Union leaders said they wanted a written guarantee before any return to work and warned of strikes.",
        "First point is about wages and the pension age for teachers.",
        "Second point is about the hours of work in the winter.",
        "Analysts said the government had little room to move before the budget in March.",
    ]


def test_html_decided_by_content(tmp_path: Path) -> None:
    article = ingest.read(write(tmp_path / "saved.txt", NEWS_PAGE), published="2020-01-01")
    assert article.format == "html"
    assert article.title == "Senate passes climate bill after long debate"
    assert article.published == "2016-09-12", "page metadata comes before --published"
    plain = ingest.read(write(tmp_path / "notes.html", "Budget talks\n\nThe talks <went> on for hours.\n"))
    assert plain.format == "txt"
    assert plain.title == "Budget talks"
    assert plain.text == "The talks <went> on for hours."


def test_cp1252_with_curly_quotes(tmp_path: Path) -> None:
    text = (
        "Caf\u00e9 talks\r\n\r\n"
        + '\u201cWe\u2019re ready,\u201d said Ren\u00e9e \u2013 and "straight" it\'s.\r\n'
    )
    article = ingest.read(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert article.encoding == "cp1252"
    assert article.title == "Caf\u00e9 talks"
    assert article.text == '\u201cWe\u2019re ready,\u201d said Ren\u00e9e \u2013 and "straight" it\'s.'


def test_latin1_without_cp1252_punctuation(tmp_path: Path) -> None:
    article = ingest.read(
        write(tmp_path / "old.txt", "M\u00fcnchen\n\nDie Stra\u00dfe ist gro\u00df.\n".encode("latin-1"))
    )
    assert (article.title, article.text) == ("M\u00fcnchen", "Die Stra\u00dfe ist gro\u00df.")


def test_utf8_with_a_stray_cp1252_quote(tmp_path: Path) -> None:
    data = "Zo\u00eb\u2019s title\n\nShe said \u00e9t\u00e9 ".encode() + b"\x93yes\x94" + b".\n"
    article = ingest.read(write(tmp_path / "mixed.txt", data))
    assert article.title == "Zo\u00eb\u2019s title"
    assert article.text == "She said \u00e9t\u00e9 \u201cyes\u201d."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_unicode_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "\u201cTalks\u201d resume\n\nXie met Kerry in \u5317\u4eac on Friday.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = ingest.read(write(tmp_path / "wide.txt", data))
    assert article.title == "\u201cTalks\u201d resume"
    assert article.text == "Xie met Kerry in \u5317\u4eac on Friday."


def test_utf16_without_bom(tmp_path: Path) -> None:
    article = ingest.read(
        write(tmp_path / "nobom.txt", "Title here\n\nBody text here.\n".encode("utf-16-le"))
    )
    assert (article.title, article.text) == ("Title here", "Body text here.")


def test_crlf_and_control_characters(tmp_path: Path) -> None:
    data = "Title\r\n\r\nFirst\x07 line\u00a0here.\r\n\x0c\r\nSecond\u200b one.\r".encode()
    article = ingest.read(write(tmp_path / "crlf.txt", data))
    assert article.text == "First line here.\n\nSecond one."
    assert [article.text[s:e] for s, e in article.paragraphs] == ["First line here.", "Second one."]


MARKDOWN = """---
title: "Envoys meet: talks resume"
source: Global Times
published: 2023-11-03
url: https://example.com/envoys
author: [Li Wei, Ann Smith]
---

# Envoys meet: talks resume

## Background

The **climate** envoys met in *Sunnylands* on Friday, [the ministry said](https://example.com/x).
The meeting was `closed` to the press.

- Xie Zhenhua led China's delegation
* John Kerry led the US side

> “We made progress,” Xie said.

![a photo](https://example.com/p.jpg)

[ref]: https://example.com/ref
"""


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    article = ingest.read(write(tmp_path / "envoys.md", MARKDOWN), published="1999-01-01")
    assert article.format == "md"
    assert article.title == "Envoys meet: talks resume"
    assert (article.name, article.published, article.url) == (
        "Global Times",
        "2023-11-03",
        "https://example.com/envoys",
    )
    assert article.author == "Li Wei, Ann Smith"
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "Background",
        "The climate envoys met in Sunnylands on Friday, the ministry said. "
        "The meeting was closed to the press.",
        "Xie Zhenhua led China's delegation",
        "John Kerry led the US side",
        "“We made progress,” Xie said.",
    ]


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Bold** and __strong__ words", "Bold and strong words"),
        ("An *emphasised* and _underlined_ word", "An emphasised and underlined word"),
        ("See [the report](https://x.org/a_(b)) now", "See the report now"),
        ("A [reference][r] link", "A reference link"),
        ("Code `x = 1` here", "Code x = 1 here"),
        ("Escaped \\*stars\\* stay", "Escaped *stars* stay"),
        ("Line<br>break and <em>html</em>", "Linebreak and html"),
        # negatives: text that only looks like Markdown keeps every character
        ("5 * 3 * 2 is thirty", "5 * 3 * 2 is thirty"),
        ("snake_case_name and 2*x", "snake_case_name and 2*x"),
        ("A <tweet id=1>pseudo tag</tweet> stays", "A <tweet id=1>pseudo tag</tweet> stays"),
        ("Price: $5 [approx.]", "Price: $5 [approx.]"),
    ],
)
def test_markdown_inline(markdown: str, plain: str) -> None:
    assert ingest.md_inline(markdown) == plain


def test_markdown_title_from_heading_and_ordered_lines(tmp_path: Path) -> None:
    body = "# The vote\n\nIt happened in\n1996. Nobody forgot it.\n\n1. First item\n2. Second item\n"
    article = ingest.read(write(tmp_path / "vote.md", body))
    assert article.title == "The vote"
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "It happened in 1996. Nobody forgot it.",
        "First item",
        "Second item",
    ]


def test_txt_with_front_matter_is_markdown(tmp_path: Path) -> None:
    article = ingest.read(
        write(tmp_path / "a.txt", "---\ntitle: Real title\nsource: AP\n---\nBody **text**.\n")
    )
    assert (article.format, article.title, article.name, article.text) == (
        "md",
        "Real title",
        "AP",
        "Body text.",
    )


@pytest.mark.parametrize(
    ("block", "paragraphs"),
    [
        # CoNLL style: headline, dateline, then one sentence per line
        (
            "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP .\nLONDON 1996-08-30\n"
            "West Indian all-rounder Phil Simmons took four for 38 on Friday .\n"
            "Their stay on top , though , may be short-lived .",
            [
                "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP .",
                "LONDON 1996-08-30",
                "West Indian all-rounder Phil Simmons took four for 38 on Friday .",
                "Their stay on top , though , may be short-lived .",
            ],
        ),
        # a headline without a full stop above a long first sentence
        (
            "Trump keeps up attacks before Super Tuesday\n"
            "Trump, in Kentucky, said Tuesday that his rivals were weak and he would win many states.",
            [
                "Trump keeps up attacks before Super Tuesday",
                "Trump, in Kentucky, said Tuesday that his rivals were weak and he would win many states.",
            ],
        ),
        # negatives: hard-wrapped prose is folded back into one paragraph
        (
            "The minister said on Friday that the talks would continue next week in\n"
            "Geneva, and that both sides had agreed to a timetable. Officials declined\n"
            "to give details of the schedule.",
            [
                "The minister said on Friday that the talks would continue next week in Geneva, and that "
                "both sides had agreed to a timetable. Officials declined to give details of the schedule."
            ],
        ),
        (
            "“Supporters of other candidates have focused largely on paid advertising,” he said, “and on\n"
            "caucuses.”",
            [
                "“Supporters of other candidates have focused largely on paid advertising,” he said, "
                "“and on caucuses.”"
            ],
        ),
    ],
)
def test_unwrap(block: str, paragraphs: list[str]) -> None:
    assert ingest.unwrap(block) == paragraphs


def test_txt_title_on_first_non_empty_line(tmp_path: Path) -> None:
    text = (
        "\n\n  Headline here\nLONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 .\n"
        "Second sentence .\n"
    )
    article = ingest.read(write(tmp_path / "wire.txt", text))
    assert article.title == "Headline here"
    assert article.published == "1996-08-30"
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "LONDON 1996-08-30",
        "West Indian all-rounder Phil Simmons took four for 38 .",
        "Second sentence .",
    ]
    assert article.paragraph_of(article.text.index("Second")) == 3


BODY = [
    "The minister said on Friday that talks with the union would resume next week in the capital.",
    "Union leaders said they wanted a written guarantee before any return to work and warned of strikes.",
    "Uncertainties still persist",
    "Analysts said the government had little room to move before the budget, which is due in March.",
]


@pytest.mark.parametrize(
    ("paras", "kept", "cut"),
    [
        # a marker late in the text takes the teaser after it
        (
            [
                *BODY,
                "Must Read",
                "King Charles takes decisive step",
                "King Charles III has taken a smart step...",
            ],
            BODY,
            ["Must Read / King Charles takes decisive step / King Charles III has taken …"],
        ),
        (
            [*BODY, "Related stories:", "Football club sacks manager", "Chef opens restaurant"],
            BODY,
            ["Related stories: / Football club sacks manager / Chef opens restaurant"],
        ),
        # one-line furniture anywhere
        (["Advertisement", *BODY, "Follow us on Twitter", "© 2023 The Daily Ledger"], BODY, None),
        ([*BODY[:2], "Read more: Strike hits ports", *BODY[2:]], BODY, ["Read more: Strike hits ports"]),
        ([*BODY, "Sign up for our newsletter to get the news in your inbox."], BODY, None),
        ([*BODY, "Copyright 2023 Reuters. All rights reserved."], BODY, None),
        ([BODY[0], ".box { width:100%; padding-top:20px; }", *BODY[1:]], BODY, None),
        # a marker in the middle only takes the teasers right after it, never the prose
        (
            [BODY[0], "Recommended", "Chef opens restaurant", *BODY[1:]],
            BODY,
            ["Recommended / Chef opens restaurant"],
        ),
        # negatives: article text that mentions the same words stays
        (
            [
                *BODY,
                "Related talks with the rail union are also planned, officials said.",
                "Read more books, the minister urged students in a speech on Thursday.",
                "Follow us, the protesters chanted as they marched to parliament.",
                "Copyright law is changing too, the minister added.",
                "Advertisement revenue fell 20 percent, the company said.",
                "She wants to subscribe to a newsletter about “fair pay” for nurses, not just sign up.",
            ],
            None,
            [],
        ),
        # a marker followed by prose is the article's own subheading
        (
            [*BODY[:2], "More from the summit", "The leaders meet again in June, officials said.", *BODY[2:]],
            None,
            [],
        ),
        (
            [*BODY, "Related", "The union said it would appeal against the ruling, which it called unfair."],
            None,
            [],
        ),
        (BODY, BODY, []),
    ],
)
def test_trim(paras: list[str], kept: list[str] | None, cut: list[str] | None) -> None:
    got_kept, got_cut = ingest.trim(paras)
    assert got_kept == (paras if kept is None else kept)
    if cut is None:
        assert len(got_cut) == len(paras) - len(got_kept)
    else:
        assert [c.gist for c in got_cut] == cut


@pytest.mark.parametrize(
    ("paras", "found"),
    [
        (["LONDON 1996-08-30", "Text."], "1996-08-30"),
        (["WASHINGTON, Aug. 30, 1996 — The Senate voted."], "1996-08-30"),
        (["BUFFALO, N.Y. (AP) -- March 3, 2016 -- A doctor was shot."], "2016-03-03"),
        (["Published: 3 March 2016 10:30 GMT", "Text."], "2016-03-03"),
        (["Title line", "Body.", "Body.", "LONDON 1996-08-30"], None),
        (["On March 3, 2016, the senator said no.", "Text."], None),
        (["March 3, 2016 was a day to remember."], None),
        (["Updated March 4, 2016", "Text."], None),
        (["NATO said on 2016-03-03 that it would act."], None),
    ],
)
def test_dateline(paras: list[str], found: str | None) -> None:
    assert ingest.dateline(paras) == found


def test_publication_date_precedence(tmp_path: Path) -> None:
    wire = "Headline\nLONDON 1996-08-30\nA sentence .\n"
    assert ingest.read(write(tmp_path / "a.txt", wire)).published == "1996-08-30"
    assert ingest.read(write(tmp_path / "b.txt", wire), published="2001-02-03").published == "2001-02-03"
    front = "---\ntitle: T\npublished: 1990-01-01\n---\n" + wire
    assert ingest.read(write(tmp_path / "c.md", front), published="2001-02-03").published == "1990-01-01"
    assert ingest.read(write(tmp_path / "d.txt", "Headline\n\nNo date here.\n")).published is None


@pytest.mark.parametrize(
    ("paras", "found"),
    [
        (["By Jane Doe", "Talks resumed."], ("Jane Doe", 0)),
        (
            ["Talks resume", "By Jane Doe and John Roe, Reuters", "Talks resumed."],
            ("Jane Doe and John Roe", 1),
        ),
        (["By JANE DOE | Staff writer", "Talks resumed."], ("JANE DOE", 0)),
        (["By Ana María López-Ruiz", "Talks resumed."], ("Ana María López-Ruiz", 0)),
        # prose that starts with "By", and a credit too far down to be the author line
        (["By the end of the week, talks had stalled."], (None, None)),
        (["By Tuesday Negotiators In Geneva had agreed on a text that both sides could sign."], (None, None)),
        (["Talks resume", "Lead.", "More.", "By Jane Doe"], (None, None)),
    ],
)
def test_author_line(paras: list[str], found: tuple[str | None, int | None]) -> None:
    """Only a short credit line near the top names the author; a sentence starting "By" is prose."""
    assert ingest.byline(paras) == found


def test_byline_becomes_author(tmp_path: Path) -> None:
    article = ingest.read(
        write(tmp_path / "a.txt", "Title\n\nBy Jane Doe, Staff Writer\n\nBy contrast, prices rose.\n")
    )
    assert article.author == "Jane Doe"
    assert article.text == "By contrast, prices rose."
    assert article.trimmed == ("By Jane Doe, Staff Writer",)


def test_seed_article_ends_before_must_read() -> None:
    article = ingest.read(ROOT / "sources" / "2023-11-03-china-confirms-climate-talks.md")
    assert article.text.endswith("the Americans will also fall into greater passivity,” Lü said.")
    assert "Must Read" not in article.text and "King Charles" not in article.text
    assert article.trimmed and article.trimmed[0].startswith("Must Read / King Charles")
    assert "Uncertainties still persist" in article.text
    assert article.published == "2023-11-03" and article.name == "Global Times"


BIG = 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\n \n\t\n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
        ("title-only.txt", b"Just a title\n", "no article text"),
        ("zeros.txt", bytes(range(256)) * 20, "binary file"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file (a PNG image)"),
        ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
        ("paper.pdf", b"%PDF-1.4", "unknown format '.pdf'"),
        ("notes", b"Title\n\nBody.\n", "unknown format '(no extension)'"),
        ("bad16.txt", b"\xff\xfe" + "Title".encode("utf-16-le") + b"\x00\xd8\x41\x00", "unreadable bytes"),
        ("bad8.txt", b"\xef\xbb\xbfTitle\n\nBody \xff\xfe text.\n", "unreadable bytes"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 40, "unreadable bytes"),
        ("broken.md", b"---\ntitle: [oops\nsource: X\n---\n\nBody.\n", "front matter: not valid YAML"),
        ("list.md", b"---\n- a\n- b\n---\n\nBody.\n", "front matter: must be a mapping"),
        ("open.md", b"---\ntitle: T\n\nBody.\n", "never ends"),
        (
            "date.md",
            b"---\ntitle: T\npublished: last Friday\n---\n\nBody.\n",
            "published: 'last Friday' is not a date",
        ),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(BriefingsError) as info:
        ingest.read(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ":"), message
    assert words in message, message


def test_front_matter_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.md", "---\ntitle: ok\nsource: [oops\n---\n\nBody.\n")
    with pytest.raises(BriefingsError) as info:
        ingest.read(path)
    assert str(info.value).startswith(f"{path}:4: front matter:") or str(info.value).startswith(
        f"{path}:3: front matter:"
    )


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(BIG)
    with pytest.raises(BriefingsError, match=r"huge\.txt: file too large \(20\.0 MB; the limit is 10 MB\)"):
        ingest.read(path)


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_sources_quote_offsets(source: Path, nlp: object) -> None:
    article = ingest.read(source)
    assert article.title and article.name and article.published
    assert [article.text[s:e] for s, e in article.paragraphs] == article.text.split("\n\n")
    briefing = pipeline.extract(article, nlp)  # type: ignore[arg-type]
    assert briefing.quotes, "every demo source has quotes"
    for quote in briefing.quotes:
        assert quote.span is not None
        start, end = quote.span
        assert article.text[start:end] == quote.text
        assert quote.paragraph == article.paragraph_of(start)
