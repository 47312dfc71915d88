"""The reader's output: an `Article`, its text made of paragraphs with known offsets."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..errors import BriefingsError, Problem

SHORT_BODY = 60
"""An article body under this many words is probably a stub or a page the reader misread: the
command line and `briefings validate` warn about it."""


def gist(paras: Iterable[str], words: int = 12) -> str:
    """The first words of a cut, paragraphs separated by " / ", for an editor to recognise it."""
    out: list[str] = []
    count = 0
    for para in paras:
        toks = para.split()
        if out and toks:
            out.append("/")
        for tok in toks:
            if count == words:
                return " ".join(out) + " …"
            out.append(tok)
            count += 1
    return " ".join(out)


@dataclass(frozen=True)
class Cut:
    """Text the reader left out of the article, and why (for an editor to see and restore)."""

    text: str
    why: str

    @property
    def gist(self) -> str:
        return gist(self.text.split("\n"))

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "why": self.why}


@dataclass(frozen=True)
class Article:
    path: str
    """The source path as given on the command line."""
    title: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    name: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    cuts: tuple[Cut, ...] = ()
    """What was cut as page furniture, in reading order."""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    format: str = "txt"
    """How the file was read: txt, md or html (decided from content as well as the name)."""
    encoding: str = "utf-8"

    @property
    def trimmed(self) -> tuple[str, ...]:
        """The first words of each cut, as `source.trimmed` records them."""
        return tuple(c.gist for c in self.cuts)

    @cached_property
    def language(self) -> str | None:
        """ISO 639-1 code of the body's language, when it can be told (detected on first use:
        validation reads sources for their text only and never pays for the model)."""
        from .language import detect

        return detect(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    def short_body(self) -> str | None:
        """A warning when the body read from a web page is too short to be the article (a stub, a
        paywall, a page read wrongly), else None. A text or Markdown file is what its editor
        wrote, however short."""
        if self.format != "html" or self.words >= SHORT_BODY:
            return None
        return (
            f"only {self.words} words of article text: a stub, a paywall or a page read wrongly"
            f" (`briefings read {self.path}` shows what was read)"
        )

    def as_dict(self) -> dict[str, Any]:
        """What was read, for people and tools (`briefings read --format json`): the metadata,
        the body exactly as extraction gets it, and every cut with its reason."""
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "name": self.name,
            "url": self.url,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "words": self.words,
            "paragraphs": len(self.paragraphs),
            "text": self.text,
            "trimmed": [c.as_dict() for c in self.cuts],
            "extraction": self.meta.get("extraction"),
        }

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding `offset`."""
        starts = [s for s, _ in self.paragraphs]
        return max(1, bisect_right(starts, offset))


def from_paragraphs(path: str, title: str, paragraphs: list[str], **meta: Any) -> Article:
    """Join paragraphs with blank lines and record where each one lies."""
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        if parts:
            pos += 2
        spans.append((pos, pos + len(para)))
        parts.append(para)
        pos += len(para)
    return Article(path=path, title=title, text="\n\n".join(parts), paragraphs=tuple(spans), **meta)


def fail(path: str, message: str, line: int | None = None, fld: str | None = None) -> BriefingsError:
    """The one-line error a bad source file gets: its path, the problem, where known the line."""
    return BriefingsError(Problem(path, line, fld, message))


def as_text(article: Article) -> str:
    """What was read, for a person: the metadata, the body, then each cut and its reason."""
    from .language import name

    lang = f"{article.language} ({name(article.language)})" if article.language else "unknown"
    head = [
        ("title", article.title),
        ("source", article.name),
        ("url", article.url),
        ("author", article.author),
        ("published", article.published),
        ("language", lang),
        ("words", str(article.words)),
    ]
    lines = [f"{k}: {v}" for k, v in head if v]
    lines += ["", article.text]
    if article.cuts:
        lines += ["", f"--- cut ({len(article.cuts)}) ---"]
        lines += [f"[{c.why}] {' / '.join(c.text.splitlines())}" for c in article.cuts]
    return "\n".join(lines)
