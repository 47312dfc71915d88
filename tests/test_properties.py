"""Property-based tests: random briefings survive YAML, validation and rendering; broken ones are refused.

Briefings are built from the model's dataclasses with text that YAML and HTML find hard: words
YAML 1.1 reads as booleans or numbers, `: ` and `#`, leading spaces, line breaks, quotes, and
markup (`<script>`, Markdown links to `javascript:`). The examples are derandomized (see
conftest.py), so CI runs the same ones every time; the counts are in EXAMPLES.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import checks, fmt, store
from generator.model import ACTOR_KINDS, QUOTE_KINDS, Actor, Briefing, Question, Quote, Source, TimelineEntry
from generator.site import render, text

EXAMPLES = {"round_trip": 150, "fmt": 100, "valid": 150, "render": 50, "source_text": 100, "invalid": 150}
"""Generated examples per property (the README quotes these numbers)."""

TRICKY = [
    *("yes", "No", "on", "off", "y", "012", "0x1F", "1e3", "1_000", "12:30", "null", "~", "true"),
    *("2023-11-03", ": ", "a: b", "#", " # not a comment", "- item", "? key", "!tag", "&anchor", "*alias"),
    *("%YAML", "---", "...", "|", ">", "'", '"', "it's", '"quoted"', "[x, y]", "{y: 1}", "`code`", "\\"),
    *("  leading", "trailing  ", "\t", "line\nbreak", "two\n\nparagraphs", " \n indented\n", "é 中文 😀"),
    *("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "&amp;"),
    *("*md* [a](javascript:alert(2))", "<!-- c -->", "{: onclick=x }", "{{ x }}", "{% raw %}", "]]>"),
]
CHARS = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"))
piece = st.one_of(st.sampled_from(TRICKY), st.text(CHARS, max_size=12))
texts = st.one_of(st.sampled_from(TRICKY), st.lists(piece, min_size=1, max_size=4).map("".join))
words = texts.filter(lambda s: bool(s))
maybe = st.none() | texts
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
days = st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
iso = st.one_of(
    days,
    days.map(lambda d: d[:7]),
    days.map(lambda d: d[:4]),
    st.tuples(st.integers(1900, 2100), st.integers(1, 52)).map(lambda yw: f"{yw[0]}-W{yw[1]:02}"),
)
spans = st.none() | st.tuples(st.integers(0, 5000), st.integers(0, 5000)).map(lambda s: (min(s), max(s)))
paragraphs = st.none() | st.integers(1, 40)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    """A briefing that validation accepts: ids are slugs, references resolve, dates are real."""
    ids = draw(st.lists(slugs, max_size=3, unique=True))
    actors = tuple(
        Actor(
            aid,
            draw(words),
            draw(st.sampled_from(ACTOR_KINDS)),
            role=draw(maybe),
            affiliation=draw(maybe),
            aliases=tuple(draw(st.lists(words, max_size=2))),
            mentions=draw(st.integers(0, 99)),
            span=draw(spans),
        )
        for aid in ids
    )
    refs = st.sampled_from(ids) if ids else st.nothing()
    some_refs = st.lists(refs, max_size=2, unique=True) if ids else st.just([])
    quotes = tuple(
        Quote(
            f"q{i}",
            draw(words),
            draw(st.none() | refs),
            draw(st.sampled_from(QUOTE_KINDS)),
            cue=draw(maybe),
            paragraph=draw(paragraphs),
            span=draw(spans),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    timeline = tuple(
        TimelineEntry(
            draw(words),
            draw(st.none() | iso),
            event=draw(maybe),
            actors=tuple(draw(some_refs)),
            paragraph=draw(paragraphs),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    questions = []
    for _ in range(draw(st.integers(0, 2))):
        status = draw(st.sampled_from(("open", "answered", "dropped")))
        questions.append(
            Question(
                draw(words),
                evidence=tuple(draw(st.lists(words, max_size=2))),
                actors=tuple(draw(some_refs)),
                status=status,
                answer=draw(words) if status == "answered" else None,
            )
        )
    published = draw(days)
    source = Source(
        file=f"sources/{draw(slugs)}.md",
        name=draw(maybe),
        url=draw(
            st.none() | st.sampled_from(["https://example.org/a?b=1&c=<2>", "javascript:alert(1)"]) | texts
        ),
        author=draw(maybe),
        published=published,
        trimmed=tuple(draw(st.lists(words, max_size=2))),
    )
    return Briefing(
        id=f"{published}-{draw(slugs)}",
        title=draw(words),
        source=source,
        reviewed=draw(st.booleans()),
        summary=draw(maybe),
        key_points=tuple(draw(st.lists(texts, max_size=2))),
        tags=tuple(draw(st.lists(words.filter(lambda s: len(s) <= 80), max_size=3, unique=True))),
        actors=actors,
        quotes=quotes,
        timeline=timeline,
        questions=tuple(questions),
    )


def loads_both(text_: str) -> Any:
    """What the round-trip reader (fmt, validate) and the fast reader (the site) both see."""
    slow = store.to_plain(store.loads(text_, "b.yaml"))
    assert store.loads_plain(text_, "b.yaml") == slow
    return slow


@settings(max_examples=EXAMPLES["round_trip"])
@given(briefings())
@example(Briefing("2023-11-03-tab", "\tled by a tab\n indented\n", Source("s.md", published="2023-11-03")))
def test_yaml_round_trip(b: Briefing) -> None:
    data = b.to_dict()
    written = store.dumps(data, store.HEADER_PREFIX + "schema.json\n")
    assert loads_both(written) == data
    assert Briefing.from_dict(loads_both(written)) == b


@settings(max_examples=EXAMPLES["fmt"])
@given(briefings(), st.booleans())
def test_fmt_is_idempotent(b: Briefing, indent: bool) -> None:
    """Any way of writing the same data (here JSON, which is YAML too) formats to one canonical text."""
    path = Path("briefings") / f"{b.id}.yaml"
    other = json.dumps(b.to_dict(), ensure_ascii=False, sort_keys=True, indent=2 if indent else None)
    once = fmt.format_text(other, path)
    assert fmt.format_text(once, path) == once
    assert loads_both(once) == loads_both(other) == b.to_dict()
    assert once == store.dumps(b.to_dict(), store.header_for(path.parent))


@settings(max_examples=EXAMPLES["valid"])
@given(briefings())
def test_valid_briefings_have_no_problems(b: Briefing) -> None:
    written = store.dumps(b.to_dict())
    context = checks.Context(root=Path("/nonexistent"))
    found = checks.check_data(store.loads(written, "b.yaml"), "b.yaml", context)
    # the only thing to say: there is no source text here to check quotes against
    assert [p for p in found if (p.field, p.severity) != ("source.file", "warning")] == []


class _Tags(HTMLParser):
    """Every tag and attribute in a page, as a browser would see them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(page: str, where: str) -> None:
    """No script or image, no event handler, no `javascript:` address: text stays text."""
    for tag, attrs in _Tags(page).tags:
        assert tag not in ("script", "img", "iframe", "object", "embed", "style"), (where, tag)
        assert not [a for a in attrs if a.startswith("on")], (where, tag, attrs)
        for key in ("href", "src", "action"):
            value = re.sub(r"[\s\x00-\x20]", "", attrs.get(key) or "").lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (where, tag, attrs)


@settings(max_examples=EXAMPLES["render"])
@given(briefings())
def test_rendering_escapes_everything(b: Briefing) -> None:
    """No field can open a tag, add an attribute or a link, in the Markdown or in the HTML it becomes."""
    pages = {p.path: p.content for p in render.render_briefings([b])}
    md = markdown.Markdown(extensions=["toc", "admonition", "attr_list", "meta"])
    for path, content in pages.items():
        if path.endswith(".md"):
            html = md.reset().convert(content)
        elif path.endswith(".xml"):
            ET.fromstring(content)
            html = content
        elif path.endswith(".ics"):
            icalendar.Calendar.from_ical(content)  # plain text, RFC 5545 escaped: parses
            continue
        else:
            assert json.loads(content)["briefings"][0] == {"url": "briefings/" + b.id + "/", **b.to_dict()}
            assert not re.search("[<>&]", content)
            continue
        assert_inert(content, path)
        assert_inert(html, path)


@settings(max_examples=EXAMPLES["source_text"])
@given(st.lists(st.lists(piece, min_size=1, max_size=5).map("".join), min_size=1, max_size=4), words)
def test_source_text_is_escaped(paras: list[str], speaker: str) -> None:
    """The article (from the open web) and a speaker's name (in an attribute) stay text."""
    from generator import ingest

    article = ingest.from_paragraphs("a.txt", "T", paras)
    quotes = (Quote("q1", "x", "s", span=(0, min(len(article.text), 12))),)
    for p in text.paragraphs(article, quotes, {"s": speaker}):
        html = str(p.html)
        assert_inert(html, "source text")
        assert (
            re.sub(r'<mark class="bf-mark"( id="quote-q1")? title="[^"<>]*">|</mark>', "", html).count("<")
            == 0
        )


# Invalid briefings: one mutation of a valid one, and the field the problem must name.
def _mutations(b: Briefing) -> st.SearchStrategy[tuple[str, dict[str, Any], str]]:
    data = b.to_dict()

    def setting(field: str, value: Any, path: list[Any]) -> tuple[str, dict[str, Any], str]:
        out = json.loads(json.dumps(data))
        node = out
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
        return "mutated", out, field

    options = [
        st.sampled_from([1, 2.5, True, ["a"], {"a": 1}]).map(lambda v: setting("title", v, ["title"])),
        st.sampled_from(["yes", 1, [], {}]).map(lambda v: setting("reviewed", v, ["reviewed"])),
        st.sampled_from([None, "x", 3]).map(lambda v: setting("actors", v, ["actors"])),
        slugs.map(lambda k: setting(k.replace("-", "_") + "_x", "red", [k.replace("-", "_") + "_x"])),
        st.sampled_from(
            ["../../etc/passwd", "a/b", "A B", "", "-x", "x_y", "é", "No", "0x1F", ": ", "a\nb"]
        ).map(lambda v: setting("id", v, ["id"])),
        st.sampled_from(["2023-02-30", "2023-13", "2023-W60", "soon", "03/11/2023", "2023-1-1"]).map(
            lambda v: setting("source.published", v, ["source", "published"])
        ),
    ]
    if data["actors"]:
        options.append(
            st.sampled_from(["robot", "", None, 7]).map(
                lambda v: setting("actors[0].kind", v, ["actors", 0, "kind"])
            )
        )
        options.append(
            slugs.filter(lambda s: s not in {a.id for a in b.actors}).map(
                lambda v: setting("actors[0].id", v, ["actors", 0, "id"])  # quotes etc. now dangle
            )
            if any(q.speaker == b.actors[0].id for q in b.quotes)
            else st.nothing()
        )
    if data["quotes"]:
        options.append(
            slugs.filter(lambda s: s not in {a.id for a in b.actors}).map(
                lambda v: setting("quotes[0].speaker", v, ["quotes", 0, "speaker"])
            )
        )
    if data["timeline"]:
        options.append(
            st.sampled_from(["2023-02-30", "2023-00", "2023-W60", "2023-W00", "tomorrow", "20230101"]).map(
                lambda v: setting("timeline[0].date", v, ["timeline", 0, "date"])
            )
        )
    return st.one_of(options)


invalid = briefings().flatmap(_mutations)


@settings(max_examples=EXAMPLES["invalid"])
@given(invalid)
def test_invalid_briefings_are_refused_with_a_located_message(case: tuple[str, dict[str, Any], str]) -> None:
    _, data, field = case
    written = store.dumps(data)
    problems = checks.check_data(
        store.loads(written, "b.yaml"), "b.yaml", checks.Context(Path("/nonexistent"))
    )
    errors = [p for p in problems if p.severity == "error"]
    assert errors, written
    for p in errors:
        assert re.fullmatch(r"b\.yaml:\d+(:\d+)?: [^\s:]+: [^\n]+", str(p)), str(p)
    prefixes = (field, field.split(".")[0] if field.startswith("source") else field)
    named = [p for p in errors if p.field and (p.field.startswith(prefixes) or field.startswith(p.field))]
    if field.startswith("actors[0].id"):  # the id is fine; what refers to the old one is not
        named = [p for p in errors if "unknown actor" in p.message]
    assert named, [str(p) for p in errors]


def test_mutated_speaker_is_refused_in_words() -> None:
    """One fixed example of the property above, to read: the message says what is wrong."""
    b = Briefing(
        "2023-11-03-x",
        "T",
        Source("sources/x.md", published="2023-11-03"),
        actors=(Actor("a", "A", "person"),),
        quotes=(Quote("q1", "Hi.", "a"),),
    )
    data = replace(b, quotes=(Quote("q1", "Hi.", "b"),)).to_dict()
    found = checks.check_data(store.loads(store.dumps(data), "b.yaml"), "b.yaml")
    (problem,) = [p for p in found if p.severity == "error"]
    assert str(problem) == "b.yaml:21:5: quotes[0].speaker: unknown actor 'b' (not in this briefing's actors)"
