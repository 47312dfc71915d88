"""The reader's output: an `Article`, its text made of paragraphs with known offsets."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import BriefingsError, Problem


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
    format: str = "txt"
    """How the file was read: txt, md or html (decided from content as well as the name)."""
    encoding: str = "utf-8"

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


def fail(path: str, message: str, line: int | None = None, fld: str | None = None) -> BriefingsError:
    """The one-line error a bad source file gets: its path, the problem, where known the line."""
    return BriefingsError(Problem(path, line, fld, message))
