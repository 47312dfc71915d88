"""`read`: one source file -> `Article`, in the order the stages run.

bytes -> text (`decode`), format sniffed from the content (`sniff`), then per format the metadata,
title and paragraphs (`paragraphs` for plain text, `markdown`, `html`), page furniture and the
author line cut (`furniture`), the publication date from metadata or a dateline (`metadata`,
`dates`), the language (`language`), and the paragraphs joined into the `Article` text
(`article`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from ..errors import BriefingsError
from ..safety import check_yaml
from .article import Article, Cut, fail, from_paragraphs
from .credits import closing
from .dates import dateline
from .decode import CONTROL, decode, normalise
from .furniture import author_bio, byline, trim
from .html import HTML_START, HTML_TAG, Page, read_page
from .markdown import FRONT_MATTER, read_md
from .metadata import meta_date, text_value
from .paragraphs import read_text
from .saved import ARCHIVES, GZIPPED, gunzip, is_saved_page, mhtml_page, unreadable

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 10 * 1024 * 1024


def sniff(text: str, suffix: str) -> str:
    """txt, md or html, from what the file holds; the name only breaks ties."""
    if HTML_START.match(text):
        return "html"
    if suffix not in (".md", ".markdown") and len(HTML_TAG.findall(text[:20000])) >= 5:
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    front = FRONT_MATTER.match(text)
    if front:
        try:
            check_yaml(front.group(1), "")
        except BriefingsError:
            return "md"  # front matter, but unsafe: reading it as such reports why
        try:
            meta = yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and meta:
            return "md"
    return "txt"


def read_txt(text: str, path: str) -> Page:
    """Plain text has no metadata: the title is its first line."""
    title, paras = read_text(text)
    return Page({}, title, paras)


def read_markdown_page(text: str, path: str) -> Page:
    meta, title, paras = read_md(text, path)
    return Page(meta, title, paras)


READERS: dict[str, Callable[[str, str], Page]] = {
    "txt": read_txt,
    "md": read_markdown_page,
    "html": read_page,
}
"""Format -> metadata, title, paragraphs (and for web pages what their structure showed to cut)."""


def is_source(path: Path) -> bool:
    """Whether a file in a folder of sources is read as an article (by its name)."""
    return path.suffix.lower() in SUFFIXES or is_saved_page(path.name)


def _bytes(p: Path, name: str) -> tuple[bytes, str]:
    """The file's bytes and the suffix that tells how to read them (a saved page unpacked)."""
    why = unreadable(p.name)
    if why:
        raise fail(name, why)
    if p.suffix.lower() not in SUFFIXES and not is_saved_page(p.name):
        raise fail(name, f"unknown format {p.suffix or '(no extension)'!r}: expected .txt, .md or .html")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise fail(name, f"file too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        data = p.read_bytes()
    except OSError as exc:
        raise fail(name, f"cannot read: {exc.strerror or exc}") from None
    if p.name.lower().endswith(GZIPPED):
        return gunzip(data, name, MAX_BYTES), ".html"
    return data, p.suffix.lower()


def load_text(p: Path, name: str) -> tuple[str, str, str]:
    """A source file's decoded text, its encoding and the suffix it reads as; an error for
    anything not an article.

    The text is not normalised yet (`normalise`): a web page's markup need not be, only the
    article text read from it, which is far shorter."""
    data, suffix = _bytes(p, name)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise fail(name, "empty file")
    if suffix in ARCHIVES:
        page, charset = mhtml_page(data, name)
        raw, encoding = (page.decode(charset, errors="replace"), charset) if charset else decode(page, name)
        return raw, encoding, ".html"
    raw, encoding = decode(data, name)
    if not normalise(raw[:4096]).strip() and not normalise(raw).strip():
        raise fail(name, "empty file (no text after decoding)")
    sample = raw[:65536]
    if len(CONTROL.findall(sample)) > 0.05 * len(sample):
        raise fail(name, "binary file (mostly control characters), not an article")
    return raw, encoding, suffix


def read(path: str | Path, published: str | None = None) -> Article:
    """Read one source file. Raises BriefingsError with the file and the problem."""
    name = str(path)
    p = Path(path)
    raw, encoding, suffix = load_text(p, name)
    kind = sniff(raw, suffix)
    page = READERS[kind](raw if kind == "html" else normalise(raw), name)
    meta, title = page.meta, page.title
    if not page.paras:
        raise fail(name, "no article text (only a title)" if title else "empty article: no body text")

    found_date = dateline(page.paras)
    paras, cuts = trim(page.paras)
    cuts = page.cuts + cuts
    author = text_value(meta.get("author"))
    found_author, at = byline(paras)
    if at is not None:
        cuts.insert(0, Cut(paras[at], "byline"))
        paras = paras[:at] + paras[at + 1 :]
        author = author or found_author
    paras, bio = author_bio(paras, author)
    paras, closing_lines = closing(paras)
    cuts += bio + [Cut(c, "credit line") for c in closing_lines]
    if not paras:
        raise fail(name, "no article text left after removing page furniture")

    lines = meta.pop("_lines", {})
    return from_paragraphs(
        name,
        re.sub(r"\s+", " ", title).strip(),
        paras,
        name=text_value(meta.get("source") or meta.get("publisher") or meta.get("sitename")),
        url=text_value(meta.get("url")),
        author=author,
        published=meta_date(meta, lines, kind, name) or published or found_date,
        cuts=tuple(cuts),
        meta={k: v for k, v in meta.items() if v is not None},
        format=kind,
        encoding=encoding,
    )
