"""Web pages in, only the article out: tables, loose text, what the page's structure shows is
not article (headline and standfirst repeated, captions, teaser cards and link lists), the
fallbacks when trafilatura keeps too little, declared charsets, saved-page forms, language."""

from __future__ import annotations

import gzip
import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import batch, ingest, sources
from generator.cli import cli
from generator.errors import BriefingsError
from generator.ingest.language import detect
from generator.ingest.page import Block, doubtful

PROSE = [
    "Dock workers voted on Tuesday to end a strike that had stopped the port for nine days, after the "
    "operator agreed to raise night-shift pay and to hire two hundred more crane drivers.",
    "The union said the agreement met its main demands. The operator said ships would be unloaded again "
    "from Wednesday morning and that the backlog would be cleared within a week.",
    "Shipping lines had diverted more than forty vessels to other ports since the strike began, and "
    "exporters said the delays had cost them several million euros in penalties.",
]


def page(body: str, head: str = "", title: str = "Port strike ends after nine days") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Times</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="Harbour Times">'
        f"{head}</head><body><header><nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>Ports</a></li>"
        f"</ul></nav></header><main><article>{body}</article></main>"
        "<footer><p>© 2021 Harbour Times. All rights reserved.</p></footer></body></html>"
    )


def read(tmp_path: Path, html: str, name: str = "page.html") -> ingest.Article:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return ingest.read(path)


def paras(article: ingest.Article) -> list[str]:
    return [article.text[s:e] for s, e in article.paragraphs]


def test_headline_standfirst_byline_and_date_at_the_top_are_cut(tmp_path: Path) -> None:
    dek = "Workers win higher night pay and more crane drivers"
    body = (
        f"<p class='kicker'>Ports</p><h1>Port strike ends after nine days</h1><h2>{dek}</h2>"
        "<p class='byline'>By <a href='/ana'>Ana Ruiz</a></p><p class='date'>March 2, 2021 07:00</p>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
    )
    article = read(tmp_path, page(body, f'<meta property="og:description" content="{dek}.">'))
    assert paras(article) == PROSE
    assert article.author == "Ana Ruiz"
    whys = {c.text: c.why for c in article.cuts}
    assert whys["Port strike ends after nine days"] == "headline"
    assert whys[dek] == "standfirst"


def test_tables_keep_their_rows_and_cells_apart(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>{name}</td><td>{pts}</td></tr>"
        for i, (name, pts) in enumerate(
            [("Kyle Busch", 5040), ("Martin Truex Jr.", 5035), ("Kevin Harvick", 5033)], 1
        )
    )
    body = (
        f"<p>{PROSE[0]}</p><table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>{rows}</table>"
        f"<p>{PROSE[1]}</p>"
    )
    text = read(tmp_path, page(body)).text
    assert "Pos. | Driver | Points" in text
    assert "2 | Martin Truex Jr. | 5035" in text
    assert "PosDriver" not in text and "Pos.Driver" not in text


def test_loose_text_between_elements_is_kept(tmp_path: Path) -> None:
    loose = "This sponsored deal ends on Friday at noon."
    body = f"<p>{PROSE[0]}</p><h3>Deal of the day</h3>{loose}<p>{PROSE[1]}</p>"
    assert "This sponsored deal ends on Friday at noon." in read(tmp_path, page(body)).text


def test_teaser_cards_captions_and_credits_are_cut(tmp_path: Path) -> None:
    caption = "Cranes stand idle at the container terminal on Monday."
    cards = "".join(
        f"<li><a href='/s{i}'>Story {i} about something else entirely</a><h4>Its summary line {i}</h4></li>"
        for i in range(4)
    )
    body = (
        f"<p>{PROSE[0]}</p><figure><img src='c.jpg' alt='{caption}'>"
        f"<figcaption>{caption}</figcaption></figure>"
        f"<p>{caption}</p><p>{PROSE[1]}</p><p>{PROSE[2]} (Reporting by Ana Ruiz; Editing by Tom Lee)</p>"
        f"<ul>{cards}</ul>"
    )
    article = read(tmp_path, page(body))
    assert paras(article) == PROSE
    whys = [c.why for c in article.cuts]
    assert "caption" in whys and "credit line" in whys and "teaser" in whys


def test_an_article_list_is_kept(tmp_path: Path) -> None:
    """A list inside the article (no headings in its items, no links leading them) is article text."""
    items = [
        "Night-shift pay rises by 12 percent.",
        "Two hundred crane drivers are hired.",
        "No one is fired.",
    ]
    body = f"<p>{PROSE[0]}</p><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul><p>{PROSE[1]}</p>"
    assert paras(read(tmp_path, page(body))) == [PROSE[0], *items, PROSE[1]]


def test_byline_element_with_a_script_inside(tmp_path: Path) -> None:
    body = (
        "<div class='byline'>By Ana Ruiz"
        "<script>googletag.cmd.push(function() { Dfp.ad('x'); });</script></div>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
    )
    assert read(tmp_path, page(body)).author == "Ana Ruiz"


@pytest.mark.parametrize(
    ("blocks", "page_chars", "doubt"),
    [
        ([Block(PROSE[0]), Block(PROSE[1])], 400, False),
        ([Block("Too short to be the article.")], 30, True),
        ([Block(PROSE[0]), Block(PROSE[1])], 5000, True),  # less than half the page's paragraphs
        ([Block(PROSE[0], "row"), Block(PROSE[1], "row"), Block(PROSE[2])], 400, True),  # mostly table rows
        ([Block(PROSE[0], "head"), Block(PROSE[1], "item")], 400, True),  # no paragraph at all
    ],
)
def test_doubtful_fast_extraction(blocks: list[Block], page_chars: int, doubt: bool) -> None:
    assert doubtful(blocks, page_chars) is doubt


def test_fallback_when_the_page_says_its_article_is_longer(tmp_path: Path) -> None:
    """A page that shows one paragraph of an article its JSON-LD holds whole: the reader does
    not publish the stub, it falls back until it has the article."""
    extra = [f"{p} ({i})" for i in range(4) for p in PROSE]
    ld = json.dumps({"@type": "NewsArticle", "headline": "Port strike ends", "articleBody": "\n".join(extra)})
    html = page(f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>", f'<script type="application/ld+json">{ld}</script>')
    article = read(tmp_path, html)
    assert article.meta["extraction"] in ("recall", "baseline")
    assert f"{PROSE[2]} (3)" in article.text


def test_short_body_is_a_warning(tmp_path: Path) -> None:
    article = read(tmp_path, page("<p>Dock workers voted on Tuesday to end the strike.</p>"))
    assert article.short_body() is not None and "only" in str(article.short_body())
    assert read(tmp_path, page("".join(f"<p>{p}</p>" for p in PROSE))).short_body() is None
    text = tmp_path / "short.txt"
    text.write_text("Talks\n\nThey met.\n", encoding="utf-8")
    assert ingest.read(text).short_body() is None, "a text file is what its editor wrote"


CYRILLIC = "Президент заявил в понедельник, что переговоры продолжатся на следующей неделе в Женеве."
PAGES = {
    "windows-1251": ("Переговоры продолжатся", CYRILLIC, "ru"),
    "koi8-r": ("Переговоры продолжатся", CYRILLIC, "ru"),
    "shift_jis": (
        "交渉は来週も続く",
        "東京の首相官邸で月曜日、記者会見が開かれた。首相は交渉が来週ジュネーブで続くと述べた。",
        "ja",
    ),
    "gb18030": (
        "会谈将继续",
        "中国外交部发言人周一表示，双方将于下周在日内瓦继续举行会谈，并讨论贸易问题。",
        "zh",
    ),
}


@pytest.mark.parametrize("encoding", sorted(PAGES))
def test_declared_charsets(tmp_path: Path, encoding: str) -> None:
    title, sentence, lang = PAGES[encoding]
    body = "".join(f"<p>{sentence} ({i})</p>" for i in range(8))
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    article = ingest.read(path)
    assert article.title == title
    assert sentence in article.text
    assert article.language == lang


def test_a_utf8_page_declaring_another_charset_is_read_as_utf8(tmp_path: Path) -> None:
    html = page("".join(f"<p>{p} Café ½.</p>" for p in PROSE), '<meta charset="windows-1251">')
    assert "Café ½." in read(tmp_path, html).text


def test_a_wrong_declared_charset_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    head = b'<html><head><meta charset="shift_jis"></head><body><p>'
    path.write_bytes(head + bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(BriefingsError, match="declares"):
        ingest.read(path)


def test_saved_page_forms(tmp_path: Path) -> None:
    html = page("".join(f"<p>{p}</p>" for p in PROSE))
    (tmp_path / "story.html").write_text(html, encoding="utf-8")
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "ad.html").write_text(page("<p>Buy the best mattress today.</p>"), "utf-8")
    (tmp_path / "zipped.html.gz").write_bytes(gzip.compress(html.encode()))
    archive = EmailMessage()
    archive.set_content(html, subtype="html", cte="quoted-printable")
    (tmp_path / "archived.mhtml").write_bytes(archive.as_bytes())
    (tmp_path / "other_files").mkdir()  # no other.html beside it: an ordinary folder
    (tmp_path / "other_files" / "note.txt").write_text("Note\n\nKept as a source.\n", "utf-8")
    (tmp_path / "safari.webarchive").write_bytes(b"bplist00")
    files, _ = sources.sources_in([str(tmp_path)])
    assert sorted(Path(f).name for f in files) == [
        "archived.mhtml", "note.txt", "safari.webarchive", "story.html", "zipped.html.gz",
    ]  # fmt: skip
    for name in ("story.html", "zipped.html.gz", "archived.mhtml"):
        assert paras(ingest.read(tmp_path / name)) == PROSE, name
    with pytest.raises(BriefingsError, match="Safari web archive"):
        ingest.read(tmp_path / "safari.webarchive")
    (tmp_path / "data.csv.gz").write_bytes(gzip.compress(b"a,b\n"))
    with pytest.raises(BriefingsError, match="only compressed web pages"):
        ingest.read(tmp_path / "data.csv.gz")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said on Monday that the talks would resume next week in Geneva.", "en"),
        ("Der Minister sagte am Montag, die Gespräche würden nächste Woche in Genf fortgesetzt.", "de"),
        ("Nesta página você terá sempre a classificação atualizada da NASCAR até a última corrida!", "pt"),
        (CYRILLIC, "ru"),
        ("Too short", None),
    ],
)
def test_language(text: str, lang: str | None) -> None:
    assert detect(text) == lang


def test_extraction_refuses_a_language_it_cannot_read(tmp_path: Path) -> None:
    """One line naming the language, never garbage actors; English and unknown are extracted."""
    html = page("".join(f"<p>{CYRILLIC} {i}</p>" for i in range(6)), title="Переговоры")
    refusal = batch.refusal(read(tmp_path, html))
    assert refusal is not None and "Russian (ru)" in str(refusal) and "English only" in str(refusal)
    assert batch.refusal(read(tmp_path, page("".join(f"<p>{p}</p>" for p in PROSE)))) is None


def test_read_command(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in PROSE) + "<p>Follow us on Twitter @harbour</p>"
    path.write_text(page(body), "utf-8")
    runner = CliRunner()
    done = runner.invoke(cli, ["read", str(path), "--format", "json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert {"title", "name", "url", "author", "published", "language", "text", "trimmed"} <= set(data)
    assert data["text"] == "\n\n".join(PROSE)
    assert data["language"] == "en" and data["name"] == "Harbour Times"
    assert {"text": "Follow us on Twitter @harbour", "why": "page furniture"} in data["trimmed"]
    plain = runner.invoke(cli, ["read", str(path)])
    assert plain.exit_code == 0 and "title: Port strike ends after nine days" in plain.stdout
    assert "[page furniture] Follow us on Twitter @harbour" in plain.stdout
    missing = runner.invoke(cli, ["read", str(tmp_path / "nope.html")])
    assert missing.exit_code == 1 and "nope.html" in missing.stderr
    assert "Example:" in runner.invoke(cli, ["read", "--help"]).stdout


def test_read_command_reads_any_language(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    path.write_text(page("".join(f"<p>{CYRILLIC} {i}</p>" for i in range(6)), title="Переговоры"), "utf-8")
    done = CliRunner().invoke(cli, ["read", str(path), "--format", "json"])
    assert done.exit_code == 0 and json.loads(done.stdout)["language"] == "ru"


def test_validate_warns_about_a_short_web_page_body(tmp_path: Path) -> None:
    from generator import writing
    from generator.validate import validate_paths

    (tmp_path / "sources").mkdir()
    short = tmp_path / "sources" / "stub.html"
    short.write_text(page("<p>Dock workers voted on Tuesday to end the strike.</p>"), encoding="utf-8")
    full = tmp_path / "sources" / "full.html"
    full.write_text(page("".join(f"<p>{p}</p>" for p in PROSE), title="Port strike over"), encoding="utf-8")
    for title, file in (("Port strike ends", "sources/stub.html"), ("Port strike over", "sources/full.html")):
        writing.start_briefing(tmp_path / "briefings", title, "2021-03-02", file=str(tmp_path / file))
        target = next((tmp_path / "briefings").glob(f"*{title.lower().replace(' ', '-')}.yaml"))
        target.write_text(target.read_text(encoding="utf-8").replace(str(tmp_path / file), file), "utf-8")
    problems = validate_paths([tmp_path / "briefings"], root=tmp_path).problems
    assert [(Path(p.path).name, p.field, p.severity) for p in problems] == [
        ("2021-03-02-port-strike-ends.yaml", "source.file", "warning")
    ]
    assert "words of article text: a stub" in problems[0].message


def test_a_body_split_by_ad_rows_is_read_whole(tmp_path: Path) -> None:
    """Some pages cut the article into several containers of one kind with ads between them;
    trafilatura keeps the first. The others' paragraphs join it, in page order."""
    more = [f"{p} Part two, paragraph {i}." for i, p in enumerate(PROSE * 2)]
    box = "<div class='body article__body'>{}</div>"
    ad = "<div class='ad-row'><span>Advertisement</span></div><aside><p>Most popular today</p></aside>"
    first, second = ("".join(f"<p>{p}</p>" for p in part) for part in (PROSE, more))
    body = box.format(first) + ad + box.format(second)
    article = read(tmp_path, page(body))
    texts = paras(article)
    assert texts[: len(PROSE)] == PROSE
    assert texts[-1] == more[-1]
    assert "Most popular today" not in article.text
