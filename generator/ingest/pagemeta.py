"""What a web page says about its article: JSON-LD, meta tags, the visible headline and byline.

Every value is collected with where it came from, so that `headline`, `bylines` and `dates`
can weigh them: a page often says the same thing several times (og:title, <title>, <h1>), with
the site's name glued on in some places, a revision date next to the publication date, a
desk's name where a person's should be.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .decode import normalise

ARTICLE_TYPES = re.compile(
    r"(?:News|Report|Analysis|Opinion|Review|Scholarly|Tech)?Article|BlogPosting|Posting"
)
TITLE_KEYS = ("og:title", "twitter:title", "sailthru.title", "dc.title", "title", "headline")
SITE_KEYS = ("og:site_name", "application-name", "dc.publisher", "publisher", "cre")
AUTHOR_KEYS = (
    "author", "authors", "article:author", "article:authorname", "article_author", "byl", "dc.creator",
    "parsely-author", "sailthru.author", "dcsext.author", "citation_author", "creator",
)  # fmt: skip
PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "published_time", "pub_date",
    "publish-date", "publishdate", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "article_date_original", "dcsext.articlefirstpublished", "parsely-pub-date",
    "citation_publication_date", "original-publish-date",
)  # fmt: skip
MARKED = (
    "//@class[contains(.,'uthor') or contains(.,'yline') or contains(.,'y_line') or contains(.,'y-line')"
    " or contains(.,'aption') or contains(.,'credit') or contains(.,'date') or contains(.,'Date')"
    " or contains(.,'time') or contains(.,'publish')] | //@itemprop[.='author' or .='datePublished']"
    " | //@rel[.='author'] | //time | //figcaption | //h1"
)
"""One pass over the page for the elements that show a byline, a date, a caption or a headline
(one query: three `contains(@class, ...)` searches would each walk the whole page)."""
SKIP = frozenset({"script", "style", "meta", "link", "img", "body", "html", "head", "article", "main"})
BYLINE_CLASS = re.compile(r"author|by_?-?line", re.I)
DATE_CLASS = re.compile(r"date|time|publish", re.I)


@dataclass
class PageMeta:
    """Raw metadata of a page, each list in order of trust (the first is the best source)."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    """(where, text): JSON-LD headline, meta titles, <h1>s and <title>."""
    sites: list[str] = field(default_factory=list)
    """The site's own names (og:site_name, JSON-LD publisher), best first."""
    publishers: list[str] = field(default_factory=list)
    """The JSON-LD publisher's names (after the meta tags' among `sites`)."""
    host: str = ""
    url: str | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)
    """(where, text): JSON-LD people, meta author tags, visible bylines."""
    published: list[tuple[str, str]] = field(default_factory=list)
    """(where, value): publication dates as written, metadata first, then visible dates."""
    modified: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    """Text the page shows as captions: figure captions, caption elements, image descriptions."""
    description: str = ""
    language: str = ""
    body_words: int = 0
    """Words of the JSON-LD `articleBody`, when the page gives it: how long the article is."""


def _squash(text: Any) -> str:
    return re.sub(r"\s+", " ", normalise(str(text or ""))).strip()


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph members included."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        todo = data if isinstance(data, list) else [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    todo.extend(graph)
            elif isinstance(item, list):
                todo.extend(item)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    return [str(k) for k in (kind if isinstance(kind, list) else [kind]) if k]


def _names(value: Any) -> Iterator[tuple[str, str]]:
    """(type, name) of a JSON-LD person or organization value (a string, an object or a list)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield "", item
        elif isinstance(item, dict) and item.get("name"):
            yield (_types(item) or [""])[0], _squash(item["name"])


def _read_ld(tree: Any, meta: PageMeta) -> None:
    for obj in _ld_objects(tree):
        if not any(ARTICLE_TYPES.fullmatch(t) for t in _types(obj)):
            continue
        if obj.get("headline"):
            meta.titles.append(("ld:headline", _squash(obj["headline"])))
        for kind, name in _names(obj.get("author")):
            meta.authors.append(("ld:organization" if kind == "Organization" else "ld:author", name))
        for _, name in _names(obj.get("publisher")):
            meta.publishers.append(name)
        if obj.get("datePublished"):
            meta.published.append(("ld:datePublished", _squash(obj["datePublished"])))
        if obj.get("dateModified"):
            meta.modified.append(_squash(obj["dateModified"]))
        body = obj.get("articleBody")
        if isinstance(body, str):
            meta.body_words = max(meta.body_words, len(body.split()))
        url = obj.get("url") or obj.get("mainEntityOfPage")
        if isinstance(url, dict):
            url = url.get("@id")
        if isinstance(url, str) and url.startswith("http") and not meta.url:
            meta.url = url


def _about_article(el: Any) -> bool:
    """Whether a microdata property belongs to the article, not to a teaser list around it."""
    scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    return scope is None or bool(ARTICLE_TYPES.search(scope.get("itemtype") or ""))


def _meta_tags(tree: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        key = m.get("property") or m.get("name")
        if not key and m.get("itemprop") and _about_article(m):
            key = m.get("itemprop")
        value = _squash(m.get("content"))
        if key and value:
            out.setdefault(key.strip().lower(), []).append(value)
    for key in ("parsely-page", "parsely-metadata"):
        for raw in out.pop(key, []):
            _parsely(raw, out)
    return out


def _parsely(raw: str, out: dict[str, list[str]]) -> None:
    """The analytics tag many news sites fill in: JSON with title, pub_date and author(s)."""
    try:
        data = json.loads(raw, strict=False)
    except ValueError:
        return
    if not isinstance(data, dict):
        return
    authors = data.get("authors") or data.get("author")
    for name in authors if isinstance(authors, list) else [authors]:
        if isinstance(name, str) and name.strip():
            out.setdefault("parsely-author", []).append(_squash(name))
    if isinstance(data.get("pub_date"), str):
        out.setdefault("parsely-pub-date", []).append(_squash(data["pub_date"]))


def _read_tags(tree: Any, meta: PageMeta) -> None:
    tags = _meta_tags(tree)
    for key in TITLE_KEYS:
        meta.titles += [(key, v) for v in tags.get(key, [])[:1]]
    for key in SITE_KEYS:
        meta.sites += tags.get(key, [])[:1]
    for key in AUTHOR_KEYS:
        limit = 3 if key == "parsely-author" else 1
        meta.authors += [(key, v) for v in tags.get(key, [])[:limit] if not v.startswith(("http", "/"))]
    for key in PUBLISHED_KEYS:
        meta.published += [(key, v) for v in tags.get(key, [])[:1]]
    for key in ("article:modified_time", "datemodified", "og:updated_time", "last-modified"):
        meta.modified += tags.get(key, [])[:1]
    meta.description = (tags.get("og:description") or tags.get("description") or [""])[0]
    if not meta.url:
        meta.url = next((u for u in tags.get("og:url", []) if u.startswith("http")), None)


def _marked(tree: Any) -> dict[str, list[Any]]:
    """Elements marked as headline, byline, date or caption, in document order."""
    found: dict[str, list[Any]] = {"h1": [], "byline": [], "date": [], "caption": []}
    for hit in tree.xpath(MARKED):
        el = hit if hasattr(hit, "tag") else hit.getparent()
        if el is None or not isinstance(el.tag, str) or el.tag in SKIP:
            continue
        value = "" if el is hit else str(hit)
        if el.tag == "h1":
            found["h1"].append(el)
        elif el.tag in ("time", "figcaption"):
            found["date" if el.tag == "time" else "caption"].append(el)
        elif value in ("author", "datePublished"):
            found["byline" if value == "author" else "date"].append(el)
        elif BYLINE_CLASS.search(value):
            found["byline"].append(el)
        elif DATE_CLASS.search(value):
            found["date"].append(el)
        elif value and re.search(r"caption|credit", value, re.I):
            found["caption"].append(el)
    return found


def _short_text(el: Any, limit: int) -> str:
    """The element's visible text (no script), or "" when it holds too much to be a byline, a
    date or a caption."""
    if len(el) > limit:
        return ""
    return _squash(" ".join(el.xpath(".//text()[not(ancestor::script or ancestor::style)]")))


def _read_visible(tree: Any, meta: PageMeta) -> None:
    """<title>, <h1>s, byline elements, visible dates and captions, after what metadata says."""
    marked = _marked(tree)
    meta.titles += [("h1", t) for t in (_squash(h.text_content()) for h in marked["h1"][:3]) if t]
    title = tree.find(".//title")
    if title is not None and _squash(title.text_content()):
        meta.titles.append(("title", _squash(title.text_content())))
    for el in marked["byline"][:12]:
        text = _short_text(el, 30)
        if 2 < len(text) <= 200:
            meta.authors.append(("byline", text))
    for el in marked["date"][:20]:
        for value in (el.get("datetime"), el.get("content"), _short_text(el, 10)):
            if value and len(value) <= 80:
                meta.published.append(("visible", value))
    texts = [_short_text(el, 30) for el in marked["caption"][:100]]
    texts += [str(a) for a in tree.xpath("(//img/@alt | //img/@title)[position() <= 200]")]
    meta.captions = [t for t in texts if len(t) >= 20]


def page_meta(tree: Any) -> PageMeta:
    """All the page says about its article, best sources first."""
    meta = PageMeta()
    _read_ld(tree, meta)
    _read_tags(tree, meta)
    meta.sites += meta.publishers
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical and str(canonical[0]).startswith("http"):
        meta.url = str(canonical[0]).strip()
    _read_visible(tree, meta)
    meta.host = urlsplit(meta.url or "").hostname or ""
    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    meta.language = (html.get("lang") or html.get("xml:lang") or "").strip().lower()
    return meta
