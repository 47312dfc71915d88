"""A generated file, and the front matter its Markdown starts with.

Front matter values are JSON (always valid YAML) and HTML-escaped: the theme prints
`page.meta.title` unescaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Page:
    """A generated file: Markdown for pages, text for feeds. `yaml` is the briefing's file."""

    path: str
    content: str
    yaml: Path | None = None
    boost_sections: tuple[str, ...] = ()
    search_text: str | None = None
    """HTML of the page's one search entry, when the page is indexed from data rather than by
    parsing it (actor pages: their body repeats what briefing pages say)."""
    search_tags: tuple[str, ...] = ()
    """The names that entry is found by first (search's tags field weighs most)."""
    pieces: Callable[[], Iterator[str]] | None = field(default=None, compare=False)
    """A large file's text, made piece by piece as it is written (`content` is empty then)."""


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter from JSON-encoded values (always valid YAML), strings HTML-escaped."""

    def clean(v: Any) -> Any:
        if isinstance(v, str):
            return escape(re.sub(r"\s+", " ", v).strip(), quote=True)
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        return v

    meta = {**meta, "hide": ["navigation"]}
    lines = [f"{k}: {json.dumps(clean(v), ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def listing_meta(title: str) -> dict[str, Any]:
    """Listing pages repeat what briefing pages say, so they stay out of search."""
    return {"title": title, "search": {"exclude": True}}
