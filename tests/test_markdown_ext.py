"""The trusted-HTML fast path must give exactly the HTML Python-Markdown gives without it."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.markdown_ext import TrustedHtmlExtension

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
