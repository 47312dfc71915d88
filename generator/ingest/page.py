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
from .furniture import TERMINAL

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


CONTAINERS = frozenset({"div", "section", "article", "main", "body", "td", "blockquote"})
"""Elements that hold blocks rather than text (readability's output keeps them; trafilatura's
own does not): read through, block by block, so that their paragraphs never glue together."""
BLOCKS = frozenset(
    {"p", "head", "list", "table", "quote", "div", "section", "h1", "h2", "h3", "h4", "ul", "ol"}
)


def blocks(body: Any) -> list[Block]:
    """The body tree as blocks, in order; text between blocks becomes a block of its own, and a
    paragraph broken around a link is mended (`_mend`)."""
    out: list[Block] = []
    if body is not None:
        _walk(body, out)
    return _mend(out)


GLUE = re.compile(r"[.,;:!?)\]’”'\"…]")
"""Punctuation that cannot open a paragraph: what follows it continues the one before."""


def _mend(found: list[Block]) -> list[Block]:
    """Paragraphs broken where a link stood ("... cited by </p>DigiTimes<p>. A preview ..."), as
    readability's output has them, made whole again: a fragment that does not end a sentence,
    followed by loose text or by a paragraph that starts in lower case or with punctuation."""
    out: list[Block] = []
    for b in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("p", "tail")
            and b.kind in ("p", "tail")
            and not TERMINAL.search(prev.text)
            and (b.kind == "tail" or b.text[:1].islower() or GLUE.match(b.text))
        ):
            sep = "" if GLUE.match(b.text) else " "
            text = prev.text + sep + b.text
            links = (prev.links * len(prev.text) + b.links * len(b.text)) / len(text)
            out[-1] = Block(text, "p", links=links, lead_link=prev.lead_link)
        else:
            out.append(b)
    return out


def _walk(box: Any, out: list[Block]) -> None:
    """Blocks of `box` in order; text and inline elements between blocks make one loose block."""
    run: list[str] = [box.text or ""]
    links = 0

    def flush() -> None:
        nonlocal links
        text = _squash("".join(run))
        if text:
            out.append(Block(text, "tail", links=min(1.0, links / len(text))))
        run.clear()
        links = 0

    for el in box:
        if el.tag in BLOCKS or el.tag in CONTAINERS:
            flush()
            _block_of(el, out)
        elif el.tag != "graphic":
            run.append(" " if el.tag == "lb" else _text(el))
            links += len(_squash(_text(el))) if el.tag == "ref" else _link_chars(el)
        run.append(el.tail or "")
    flush()


def _block_of(el: Any, out: list[Block]) -> None:
    found: list[Block | None]
    if el.tag == "list":
        found = [_block(item, "item") for item in el.iter("item") if item.getparent() is el]
    elif el.tag == "table":
        found = [_block(row, "row", _row_text(row)) for row in el.iter("row")]
    elif el.tag in CONTAINERS and any(child.tag in BLOCKS for child in el):
        _walk(el, out)
        return
    else:
        found = [_block(el, el.tag if el.tag in ("head", "quote") else "p")]
    out.extend(b for b in found if b is not None)


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


def _container(tree: Any, found: list[Block]) -> Any:
    """The page element whose paragraphs trafilatura took: the parent of the first long one."""
    anchor = next((b.text for b in found if b.kind == "p" and b.words >= 15), None)
    if anchor is None:
        return None
    for p in tree.iter("p"):
        if _squash(p.text_content()) == anchor:
            return p.getparent()
    return None


def split_body(tree: Any, found: list[Block]) -> tuple[list[Block], str] | None:
    """The article when the page splits its body into several containers of the same kind (ad
    rows between them) and trafilatura kept only one: the paragraphs of the others, before and
    after it, in page order. None when there is no such split, or it adds little."""
    box = _container(tree, found)
    cls = box.get("class") if box is not None else None
    if not cls:
        return None
    before: list[Block] = []
    after: list[Block] = []
    seen = False
    for other in tree.xpath(f"//{box.tag}[@class=$cls]", cls=cls):
        if other is box:
            seen = True
            continue
        texts = [_squash(p.text_content()) for p in other.iter("p")]
        (after if seen else before).extend(Block(t) for t in texts if t)
    if word_total(before) + word_total(after) < 0.3 * word_total(found):
        return None
    return before + found + after, "split body"


def main_text(tree: Any, expected_words: int) -> tuple[list[Block], str]:
    """The body blocks and the settings that found them ("fast", "balanced", "split body",
    "recall" or "baseline").

    trafilatura runs first without its comparison with other extractors (`fast`), which costs a
    third of its time and changes nothing on a page where its result is plausible; when the result
    is doubtful it runs again with the comparison. `expected_words`: how long the page says its
    article is (0 when it does not say).
    """
    found = _extract(tree, fast=True)
    how = "fast"
    page_chars = paragraph_chars(tree)
    if doubtful(found, page_chars):
        found, how = _extract(tree), "balanced"
        if doubtful(found, page_chars):
            found, how = split_body(tree, found) or (found, how)
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
