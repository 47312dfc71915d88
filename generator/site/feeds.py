"""`feed.xml` (Atom, newest briefings) and `briefings.json` (every briefing as data).

The Atom feed is built with ElementTree, which escapes text and attributes; characters XML 1.0
forbids are dropped first. The JSON escapes `<`, `>` and `&` so it is safe even inlined in HTML.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

from ..model import Briefing
from . import index
from .options import Options
from .urls import briefing_url, safe_url

ATOM = "http://www.w3.org/2005/Atom"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str | None) -> str:
    return _XML_BAD.sub("", value or "")


def _stamp(b: Briefing) -> str:
    d = index.published(b)
    return f"{d.isoformat()}T00:00:00Z" if d else "1970-01-01T00:00:00Z"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """An Atom element with escaped text and attributes (characters XML forbids dropped)."""
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def feed_head(title: str, name: str, updated: str, options: Options) -> ET.Element:
    """The head of an Atom feed published at `name` (`feed.xml`)."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    sub(root, "title", title)
    base = (options.site_url or "").rstrip("/")
    sub(root, "id", f"{base}/{name}" if base else f"urn:briefings:{name}")
    sub(root, "updated", updated)
    sub(root, "link", href=f"{base}/{name}" if base else name, rel="self")
    sub(root, "generator", "briefings")
    return root


def text_of(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def atom(briefings: list[Briefing], options: Options) -> str:
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.register_namespace("", ATOM)
    sub(feed, "title", options.site_name)
    base = (options.site_url or "").rstrip("/")
    sub(feed, "id", base + "/" if base else "urn:briefings:site")
    sub(feed, "updated", max((_stamp(b) for b in briefings), default="1970-01-01T00:00:00Z"))
    sub(feed, "link", href=(base + "/feed.xml") if base else "feed.xml", rel="self")
    sub(feed, "generator", "briefings")
    for b in briefings:
        entry = sub(feed, "entry")
        sub(entry, "title", b.title)
        sub(entry, "id", briefing_url(b.id, options) if base else f"urn:briefings:{b.id}")
        sub(entry, "link", href=briefing_url(b.id, options), rel="alternate")
        if url := safe_url(b.source.url):
            sub(entry, "link", href=url, rel="related")
        sub(entry, "updated", _stamp(b))
        author = sub(entry, "author")
        sub(author, "name", b.source.author or b.source.name or "unknown")
        if b.summary:
            sub(entry, "summary", b.summary)
        for tag in b.tags:
            sub(entry, "category", term=tag)
    return text_of(feed)


def briefing_json(b: Briefing, options: Options) -> str:
    """One briefing as it appears in briefings.json."""
    return _safe(json.dumps({"url": briefing_url(b.id, options), **b.to_dict()}, **_COMPACT))


def json_feed(
    briefings: list[Briefing], options: Options, encode: Callable[[Briefing], str] | None = None
) -> str:
    """Every briefing as data; `encode` may give a briefing's part (`briefing_json`) from a cache."""
    return "".join(json_pieces(briefings, options, encode))


def json_pieces(
    briefings: list[Briefing], options: Options, encode: Callable[[Briefing], str] | None = None
) -> Iterator[str]:
    """`json_feed` piece by piece: 5000 briefings make 50 MB of JSON, which a writer can compress
    as it comes instead of holding it whole (and its pieces, and its bytes) all at once."""
    encode = encode or (lambda b: briefing_json(b, options))
    # compact: the C encoder (an indented dump runs in Python, a tenth of a large site's build)
    head = _safe(json.dumps({"site": options.site_name, "count": len(briefings)}, **_COMPACT))
    yield head[:-1] + ',"briefings":['
    for i, b in enumerate(briefings):
        yield ("," if i else "") + encode(b)
    yield "]}\n"


_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


def _safe(out: str) -> str:
    """`<`, `>` and `&` escaped (they only occur inside strings): safe even inlined in HTML."""
    return out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
