"""Saved web pages: the article's text and metadata, without the page around it.

The page is parsed once. Its metadata (`pagemeta`) gives the headline without the site's name
(`headline`), the byline's people (`bylines`), the publication date (`dates`) and the canonical
address; trafilatura finds the main text (`page`). What trafilatura keeps that the structure
shows is not article is cut here, each cut recorded: the headline and the standfirst repeated at
the top, a date or byline line, captions (text the page shows in a figure or caption element),
teaser cards (list items with their own heading) and link lists (runs of items that open with a
link) after the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .article import Cut, fail
from .bylines import choose_authors
from .dates import publication_date, read_stamp
from .furniture import TERMINAL, is_teaser
from .headline import choose_headline, site_name, squash_key
from .page import Block, main_text
from .pagemeta import PageMeta, page_meta

HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|article|section|span|a|meta|title|li|ul|script|table)\b[^>]*>", re.I
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
CLOCK = re.compile(r"\b[0-2]?\d[:h.][0-5]\d\b")
LEAD = 4
"""How many blocks at the top may be the headline, standfirst, byline or date line."""


@dataclass
class Page:
    """What `read_page` gives the reader: metadata, headline, body paragraphs and the cuts."""

    meta: dict[str, Any]
    title: str
    paras: list[str]
    cuts: list[Cut] = field(default_factory=list)


def _is_caption(block: Block, captions: set[str]) -> bool:
    """A block that is a caption, a part of one, or a caption with its credit glued on."""
    key = squash_key(block.text)
    if len(key) < 20 or block.words > 60:
        return False
    return any(
        key == c or (len(key) >= 40 and key in c) or (key.startswith(c) and len(key) - len(c) <= 40)
        for c in captions
    )


def _lead_kind(block: Block, meta: PageMeta, headline: str, author: str | None) -> str | None:
    """Why a block at the top is not article text: the headline, the standfirst, a byline or date."""
    key = squash_key(block.text)
    titles = {squash_key(headline)} | {squash_key(t) for _, t in meta.titles}
    if key in titles or (len(key) >= 20 and any(t.startswith(key) or key.startswith(t) for t in titles if t)):
        return "headline"
    desc = squash_key(meta.description)
    if block.kind == "head" and len(key) >= 20 and desc and (desc.startswith(key) or key.startswith(desc)):
        return "standfirst"
    if block.kind == "item" and block.words <= 4:
        return "toolbar"
    if block.words <= 12 and not TERMINAL.search(block.text):
        if read_stamp(block.text) is not None or (YEAR.search(block.text) and CLOCK.search(block.text)):
            return "date line"
        if author and squash_key(author.split(";")[0]) in key:
            return "byline"
    return None


def _teaser_run(blocks: list[Block], i: int) -> int:
    """End of a run of link items starting at `i` (items that open with a link), or `i` if none."""
    j = i
    while j < len(blocks) and blocks[j].kind == "item" and blocks[j].lead_link and blocks[j].links >= 0.25:
        j += 1
    return j if j - i >= 3 else i


def structural_cuts(
    blocks: list[Block], meta: PageMeta, headline: str, author: str | None, captions: set[str]
) -> tuple[list[str], list[Cut]]:
    """Body paragraphs, and what the page's structure shows is not article text."""
    keep: list[str] = []
    cuts: list[Cut] = []
    prose = [k for k, b in enumerate(blocks) if b.kind in ("p", "tail", "quote") and b.words >= 25]
    last_prose = prose[-1] if prose else len(blocks)
    first_prose = prose[0] if prose else 0
    i = 0
    while i < len(blocks):
        b = blocks[i]
        why = _lead_kind(b, meta, headline, author) if i < min(LEAD, first_prose + 1) else None
        if why == "headline" and keep and all(len(k.split()) <= 5 and not TERMINAL.search(k) for k in keep):
            cuts += [Cut(k, "section label") for k in keep]  # a kicker above the headline ("Review")
            keep = []
        if why is None and b.card:
            why = "teaser"
        elif why is None and _is_caption(b, captions):
            why = "caption"
        if why is None and i > last_prose:
            end = _teaser_run(blocks, i)
            if end > i:
                cuts.append(Cut("\n".join(x.text for x in blocks[i:end]), "teaser list"))
                i = end
                continue
        if why is None and b.links >= 0.9 and b.words <= 20 and is_teaser(b.text):
            why = "teaser"
        if why:
            cuts.append(Cut(b.text, why))
        else:
            keep.append(b.text)
        i += 1
    return keep, cuts


def _guess_date(tree: Any) -> str | None:
    """htmldate's reading of a page whose metadata gives no publication date."""
    from htmldate import find_date

    try:
        return find_date(tree, original_date=True, extensive_search=False) or None
    except Exception:  # htmldate raises assorted errors on odd markup
        return None


def read_page(text: str, path: str) -> Page:
    """Metadata, headline, body paragraphs and structural cuts of a web page."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(text)
        if tree is None:
            raise ValueError("empty tree")
        meta = page_meta(tree)
        blocks, how = main_text(tree, meta.body_words)
    except Exception as exc:  # lxml and trafilatura raise assorted errors on broken markup
        raise fail(path, f"cannot read the HTML page ({type(exc).__name__})") from None
    if not blocks:
        raise fail(path, "no article text found in the HTML page")
    headline = choose_headline(meta.titles, meta.sites, meta.host)
    author, byline_source = choose_authors(meta.authors, meta.sites)
    captions = {k for k in map(squash_key, meta.captions) if len(k) >= 20}
    paras, cuts = structural_cuts(blocks, meta, headline, author, captions)
    if not headline and paras:
        # A page without a title: take a headline-like first block, never a prose paragraph.
        if is_teaser(paras[0]) and not paras[0].endswith(("…", "...")):
            headline, paras = paras[0], paras[1:]
        else:
            headline = " ".join(paras[0].split()[:12]) + " …"
    info = {
        "title": headline or None,
        "author": author,
        "published": publication_date(meta.published, meta.modified) or _guess_date(tree),
        "source": byline_source or site_name(meta.sites, meta.host),
        "url": meta.url,
        "html_lang": meta.language or None,
        "extraction": how,
    }
    return Page(info, headline, paras, cuts)
