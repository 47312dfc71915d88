"""Read a source file into an `Article`: decoded text, metadata, body paragraphs with offsets.

Extraction sees `Article.text` only: paragraphs joined by a blank line. Every offset in a
briefing points into that string, and `Article.sha256` identifies it.

Reading is conservative on purpose: the reader decides the format from the content as well as
the name, decodes without ever guessing into mojibake, cuts only page furniture that general
rules recognise (and records each cut in `Article.trimmed`), and refuses a bad file with one
line naming it and the problem rather than extracting from garbage.

One module per stage, in the order `read` (reader.py) runs them: decode, paragraphs (plain
text), markdown, html, furniture, metadata and dates, article. The names below are the public
API: `from generator import ingest; ingest.read(path)`.
"""

from __future__ import annotations

from .article import SHORT_BODY, Article, Cut, as_text, from_paragraphs
from .dates import dateline
from .decode import decode, normalise
from .furniture import byline, is_code, is_furniture, is_teaser, trim
from .markdown import md_inline, read_markdown, split_front_matter
from .paragraphs import MAX_TITLE, blocks, split_title, unwrap
from .reader import MAX_BYTES, SUFFIXES, is_source, read, sniff
from .saved import is_page_resources

__all__ = [
    "SHORT_BODY",
    "Cut",
    "as_text",
    "MAX_BYTES",
    "MAX_TITLE",
    "SUFFIXES",
    "Article",
    "blocks",
    "byline",
    "dateline",
    "decode",
    "from_paragraphs",
    "is_code",
    "is_page_resources",
    "is_source",
    "is_furniture",
    "is_teaser",
    "md_inline",
    "normalise",
    "read",
    "read_markdown",
    "sniff",
    "split_front_matter",
    "split_title",
    "trim",
    "unwrap",
]
