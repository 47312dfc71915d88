"""Addresses: which URLs from YAML may become links, and the links between generated pages.

Links between generated pages are relative, so the site works from any folder; only the feeds,
read outside the site, use absolute addresses (when the site has a `site_url`).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from .options import Options


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: `javascript:` and friends are refused."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def slug(text: str) -> str:
    """The anchor of a tag on the tags page."""
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-") or "tag"


def briefing_url(bid: str, options: Options) -> str:
    """A briefing page's address for the feeds: absolute when the site has a `site_url`, else
    relative to the site root."""
    return page_url(f"briefings/{bid}/index.md", options)


def page_url(src: str, options: Options) -> str:
    """The address of a generated page (`digest/2016-W32/index.md`) for feeds and calendars:
    absolute when the site has a `site_url`, else relative to the site root."""
    path = src[: -len("index.md")] if options.directory_urls else src[: -len(".md")] + ".html"
    return (options.site_url or "").rstrip("/") + "/" + path if options.site_url else path


class Links:
    """Relative links from one generated page to the others."""

    def __init__(self, here: str, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        url = self.url_of(here)
        self.dir = url.rstrip("/") if directory_urls else posixpath.dirname(url)
        self._dir_parts = [p for p in self.dir.split("/") if p]
        self._known: dict[str, str] = {}
        """src -> its link: a page links to the same actors and briefings again and again."""

    def url_of(self, src: str) -> str:
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if self.directory_urls:
            if stem == "index":
                return ""
            return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"
        return stem + ".html"

    def page(self, src: str) -> str:
        known = self._known.get(src)
        if known is None:
            target = self.url_of(src)
            known = rel = self._relative(target)
            if target == "" or target.endswith("/"):
                known = "./" if rel == "." else rel + "/"
            self._known[src] = known
        return known

    def _relative(self, target: str) -> str:
        """`posixpath.relpath(target, self.dir)` for our clean site-relative paths, without the
        filesystem normalisation that made it a tenth of a site build."""
        parts = [p for p in target.split("/") if p]
        here = self._dir_parts
        if not here:
            return "/".join(parts) or "."
        if not parts or parts[0] != here[0]:  # the usual case: another section of the site
            return "/".join([".."] * len(here) + parts)
        common = 0
        for a, b in zip(parts, here, strict=False):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + parts[common:]) or "."

    def briefing(self, bid: str) -> str:
        return self.page(f"briefings/{bid}/index.md")

    def actor(self, aid: str) -> str:
        return self.page(f"actors/{aid}/index.md")

    def month(self, key: str) -> str:
        return self.page(f"archive/{key}/index.md")

    def tag(self, name: str) -> str:
        return self.page("tags/index.md") + "#tag-" + slug(name)
