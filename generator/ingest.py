"""Read a source file into an `Article`: decoded text, metadata, body paragraphs with offsets.

Extraction sees `Article.text` only: paragraphs joined by a blank line. Every offset in a
briefing points into that string, and `Article.sha256` identifies it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefingsError, Problem

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 10 * 1024 * 1024


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
    trimmed: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

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


def decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise BriefingsError(Problem(path, None, None, "binary file, not an article"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise BriefingsError(Problem(path, line, "front matter", "not valid YAML")) from None
    if not isinstance(meta, dict):
        raise BriefingsError(Problem(path, 2, "front matter", "must be a mapping of keys to values"))
    return meta, text[m.end() :]


def blocks(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, with single line breaks folded into spaces."""
    return [re.sub(r"[ \t]*\n[ \t]*", " ", b).strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def read(path: str | Path, published: str | None = None) -> Article:
    """Read one source file. Raises BriefingsError with the file and the problem."""
    name = str(path)
    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        raise BriefingsError(Problem(name, None, None, f"unknown format {p.suffix or '(none)'!r}"))
    data = p.read_bytes()
    if len(data) > MAX_BYTES:
        raise BriefingsError(Problem(name, None, None, f"file too large ({len(data)} bytes)"))
    text = normalise(decode(data, name))
    meta, body = split_front_matter(text, name) if p.suffix.lower() in (".md", ".markdown") else ({}, text)
    paras = blocks(body)
    title = str(meta.get("title") or "")
    if not title and paras:
        title, paras = paras[0], paras[1:]
    if not paras:
        raise BriefingsError(Problem(name, None, None, "empty article: no body text"))
    return from_paragraphs(
        name,
        title,
        paras,
        name=iso(meta.get("source")),
        url=iso(meta.get("url")),
        author=iso(meta.get("author")),
        published=iso(meta.get("published")) or published,
        meta=meta,
    )
