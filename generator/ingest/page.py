"""A web page's main text: trafilatura's body tree, with fallbacks, turned into `Block`s.

trafilatura finds the article in the page (balanced settings: its own comparison with
readability and jusText, and its recall retry, run only when the first pass looks short). When
what it keeps is still far shorter than the page says its article is (the `articleBody` of the
page's JSON-LD), the reader tries recall-oriented settings, then trafilatura's baseline, and
keeps the longest. The tree becomes one `Block` per paragraph, heading, list item or table row,
text that trails an element included, with what the structure says about it (how much of it is
link text, whether it is a card with its own heading), for `html` to judge the furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .decode import normalise

BLOCK_TAGS = frozenset({"p", "head", "quote", "code", "list", "table", "item", "row", "div", "graphic"})
FAST_ENOUGH = 300
"""A fast extraction shorter than this many characters is checked again (trafilatura itself asks
jusText below 250)."""
SHORT_SHARE = 0.5
"""A body with less than this share of the words the page's JSON-LD `articleBody` has is short:
the reader tries the fallbacks."""


@dataclass(frozen=True)
class Block:
    """One paragraph of the body as trafilatura kept it."""

    text: str
    kind: str = "p"
    """p, head, item (of a list), row (of a table), quote, or tail (loose text between blocks)."""
    links: float = 0.0
    """Share of the characters that are link text."""
    lead_link: bool = False
    """The block starts with a link (a teaser's headline usually does)."""
    card: bool = False
    """A list item holding its own heading: a teaser card, not an article's list."""

    @property
    def words(self) -> int:
        return len(self.text.split())


def _squash(text: str) -> str:
    """One line of normalised text (the page itself is not normalised, only what is read from it)."""
    return re.sub(r"\s+", " ", normalise(text)).strip()


def _text(el: Any) -> str:
    """All text of an element, line breaks as spaces, without its own tail."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append(" ")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _link_chars(el: Any) -> int:
    return sum(len(_squash(_text(r))) for r in el.iter("ref"))


def _lead_link(el: Any) -> bool:
    """Whether the first words of `el` are link text."""
    if (el.text or "").strip():
        return False
    for child in el:
        if child.tag == "ref":
            return bool(_squash(_text(child)))
        if _squash(_text(child)):
            return _lead_link(child)
        if (child.tail or "").strip():
            return False
    return False


def _block(el: Any, kind: str, text: str | None = None) -> Block | None:
    text = _squash(_text(el) if text is None else text)
    if not text:
        return None
    return Block(
        text=text,
        kind=kind,
        links=min(1.0, _link_chars(el) / len(text)),
        lead_link=_lead_link(el),
        card=kind == "item" and el.find(".//head") is not None,
    )


def _row_text(row: Any) -> str:
    """Cells separated by " | ", so that a row reads as one line and cells never glue."""
    return " | ".join(c for c in (_squash(_text(cell)) for cell in row.iter("cell")) if c)


def blocks(body: Any) -> list[Block]:
    """The body tree as blocks, in order; text between blocks becomes a block of its own."""
    out: list[Block] = []

    def add(b: Block | None) -> None:
        if b is not None:
            out.append(b)

    if body is None:
        return out
    if (body.text or "").strip():
        out.append(Block(_squash(body.text), "tail"))
    for el in body:
        if el.tag == "list":
            for item in el.iter("item"):
                if item.getparent() is el:
                    add(_block(item, "item"))
        elif el.tag == "table":
            for row in el.iter("row"):
                add(_block(row, "row", _row_text(row)))
        elif el.tag not in ("lb", "graphic"):
            add(_block(el, el.tag if el.tag in ("head", "quote") else "p"))
        if (el.tail or "").strip():
            out.append(Block(_squash(el.tail), "tail"))
    return out


def word_total(items: list[Block]) -> int:
    return sum(b.words for b in items)


def _extract(tree: Any, **settings: Any) -> list[Block]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        url=None,  # links are kept to measure them, never followed: no address to resolve
        include_comments=False,
        include_tables=True,
        include_links=True,
        deduplicate=False,
        with_metadata=False,
        **settings,
    )
    return blocks(getattr(doc, "body", None))


def _baseline(tree: Any) -> list[Block]:
    from trafilatura.baseline import baseline

    body, _, _ = baseline(tree)
    return blocks(body)


def paragraph_chars(tree: Any) -> int:
    """Characters of text in the page's <p> elements: about how much prose the page holds."""
    return sum(len(t.strip()) for t in tree.xpath("//p//text()"))


def doubtful(found: list[Block], page_chars: int) -> bool:
    """Whether a fast extraction may have missed the article: it is short, holds no paragraph or
    mostly table rows, or less than half the prose the page holds in paragraphs. (What makes
    trafilatura's own comparison with readability and jusText take their text instead.)"""
    chars = sum(len(b.text) for b in found)
    paras = sum(1 for b in found if b.kind == "p")
    rows = sum(1 for b in found if b.kind == "row")
    return chars < FAST_ENOUGH or paras == 0 or rows > paras or chars < SHORT_SHARE * page_chars


def main_text(tree: Any, expected_words: int) -> tuple[list[Block], str]:
    """The body blocks and the settings that found them ("fast", "balanced", "recall" or
    "baseline").

    trafilatura runs first without its comparison with other extractors (`fast`), which costs a
    third of its time and changes nothing on a page where its result is plausible; when the result
    is doubtful it runs again with the comparison. `expected_words`: how long the page says its
    article is (0 when it does not say).
    """
    found = _extract(tree, fast=True)
    how = "fast"
    if doubtful(found, paragraph_chars(tree)):
        found, how = _extract(tree), "balanced"
    if expected_words and word_total(found) < SHORT_SHARE * expected_words:
        for name, attempt in (
            ("recall", lambda: _extract(tree, favor_recall=True)),
            ("baseline", lambda: _baseline(tree)),
        ):
            other = attempt()
            if word_total(other) > word_total(found):
                found, how = other, name
            if word_total(found) >= SHORT_SHARE * expected_words:
                break
    return found, how
