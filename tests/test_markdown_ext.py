"""The trusted-HTML fast path must give exactly the HTML Python-Markdown gives without it."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.markdown_ext import CONVERTS_ALIKE, TrustedHtmlExtension, converts_alike, plain_html

EXTENSIONS = ["toc", "admonition", "attr_list", "fenced_code"]


def both(text: str) -> tuple[str, str, int]:
    """HTML without and with the extension, and how many blocks the fast path stashed."""
    reference = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    md = markdown.Markdown(extensions=[*EXTENSIONS, TrustedHtmlExtension()])
    fast = md.convert(text)
    return reference, fast, md.htmlStash.html_counter


CASES = [
    # (markdown, blocks the fast path should stash at least)
    ('<div class="a">\n<p>x &amp; y</p>\n</div>\n\n## Next\n\ntext', 1),
    ("# T\n\n<div>\n<div>inner</div>\n</div>\n\n<ul>\n<li>a</li>\n</ul>", 2),
    ('<figure><svg viewBox="0 0 1 1"><title>1. a &lt;b&gt;</title><circle r="1"/></svg></figure>', 1),
    ('<p class="x">status <!-- briefings:edit --></p>', 1),
    ('<section>\n<h3 id="s">S</h3>\n</section>\n\n*after*', 1),
    # left to Python-Markdown: output must still be the same
    ("<div>\nopen\n\n<p>inside</p>\n\n</div>", 0),
    ("<div>a</div> tail\n\n<p>b</p>", 0),
    ("    <div>indented code</div>\n\n<p>x</p>", 1),
    ("text\n<div>no blank line before</div>", 0),
    ('<div markdown="1">\n*md*\n</div>', 0),
    ("<div><script>if (a < b) {}</script></div>", 0),
    ("<!--\n\n<div>commented</div>\n\n-->", 0),
    ("<div>x</div></div>\n\n<p>y</p>", 0),
    ("<hr>\n\n<div>z</div>", 0),
    ("```\n<div>in a fence</div>\n```\n\n<div>out</div>", 1),
    ("<div>a\n</DIV>", 0),
    ("<span>inline</span>\n\n<div>b</div>", 0),
    ("<div/>x</div>\n\n<p>y</p>", 0),
    ('<div class="a"/>\n<p>x</p>\n</div>', 0),
]


@pytest.mark.parametrize(("text", "stashed"), CASES)
def test_same_html_as_python_markdown(text: str, stashed: int) -> None:
    reference, fast, count = both(text)
    assert fast == reference
    assert count >= stashed


def test_briefing_like_page_is_stashed_block_by_block() -> None:
    page = "\n\n".join(f'<div class="bf-{i}">\n<p>item {i}</p>\n</div>\n\n## Section {i}' for i in range(5))
    reference, fast, count = both(page)
    assert fast == reference
    assert count == 5


PIECES = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<section>",
        "</section>",
        "text",
        "*em*",
        "## H",
        "",
        "\n",
        "    <div>",
        "<!--",
        "-->",
        "<span>",
        "</span>",
        '<div class="x">a</div>',
        "<ul><li>x</li></ul>",
        "<title>t</title>",
        "<br>",
        "&amp;",
        "<div/>",
    ]
)


@given(st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=12).map("\n".join))
def test_any_mix_gives_the_same_html(text: str) -> None:
    reference, fast, _ = both(text)
    assert fast == reference


def markdown_of(text: str) -> tuple[str, list[dict[str, object]]]:
    """What Python-Markdown gives under the settings `plain_html` follows (MkDocs' defaults
    included): the HTML and the table-of-contents tokens MkDocs reads."""
    md = markdown.Markdown(extensions=sorted(CONVERTS_ALIKE), extension_configs={"toc": {"permalink": False}})
    return md.convert(text), md.toc_tokens  # type: ignore[attr-defined]


PLAIN = [
    # (markdown, whether plain_html converts it itself)
    ('<div class="a">\n<p>x &amp; y</p>\n</div>\n\n## Summary\n\n<ul>\n<li>a</li>\n</ul>\n', True),
    ("## 29 May – 4 Jun 2023\n\n<div>a</div>\n\n## Quotes (2)\n\n## Quotes (2)\n\n## Ana Núñez’s", True),
    ('<h1 id="title">T</h1>\n\n<figure><svg><title>1. a</title></svg></figure>', True),
    ("", True),
    ("## Summary\n<div>no blank line between</div>", False),
    ("<div>a</div>\ntext after", False),
    ("text\n\n<div>a</div>", False),
    ("## *em*\n\n<div>a</div>", False),
    ("## snake_case", False),
    ("## A  B", False),
    ("## Fish & chips", False),
    ("## C#", False),
    ("# Title", False),
    ("<div>\ta tab</div>", False),
    ("<div>a</div>\n\n```\ncode\n```", False),
    ("<div>\nopen\n\n</div>", False),
    ('<div markdown="1">\n*md*\n</div>', False),
    ("<div>a</div>\n\xa0\n<div>b</div>", False),
]


@pytest.mark.parametrize(("text", "converted"), PLAIN)
def test_plain_html_is_what_python_markdown_gives(text: str, converted: bool) -> None:
    """Generated pages skip Python-Markdown: only where that gives the very same HTML and table
    of contents (headings, ids made unique, raw blocks as they are); anything else is left to it."""
    ours = plain_html(text)
    assert (ours is not None) == converted
    if ours is not None:
        assert ours == markdown_of(text)


@given(
    st.lists(
        st.lists(PIECES | st.sampled_from(["## Summary", "## Ann Lee", "## 2021 (2)"]), max_size=4).map(
            "".join
        ),
        max_size=12,
    ).map("\n".join)
)
def test_plain_html_of_any_mix_is_what_python_markdown_gives(text: str) -> None:
    ours = plain_html(text)
    if ours is not None:
        assert ours == markdown_of(text)


@pytest.mark.parametrize(
    ("extensions", "configs", "alike"),
    [
        (
            ["toc", "tables", "fenced_code", "admonition", "attr_list", "generator.markdown_ext"],
            {"toc": {"permalink": False}},
            True,
        ),
        (["toc", "tables", "fenced_code"], {}, True),
        (["toc", "pymdownx.superfences"], {}, False),
        (["toc"], {"toc": {"permalink": True}}, False),
        (["toc"], {"toc": {"slugify": str}}, False),
    ],
)
def test_plain_html_only_under_the_settings_it_follows(
    extensions: list[str], configs: dict[str, object], alike: bool
) -> None:
    assert converts_alike(extensions, configs) == alike
