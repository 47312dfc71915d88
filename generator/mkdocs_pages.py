"""What the `briefings` plugin changes in the pages MkDocs renders, apart from the event plumbing.

- The tab of a generated page's section is highlighted (a briefing is in the Archive, an actor
  under Actors): those pages are not in the navigation, which stays small however many there are.
- A table of contents from the page's own `<h2 id>` headings where Markdown found none (they are
  raw HTML, e.g. one per speaker on /quotes/), and one at the top of the page on a phone, where
  Material shows the table of contents only for pages in the navigation.
- A `<link rel="alternate feed">` to the Atom feed in every page's head, for feed readers to find.
- The one edit control of a briefing page.
- Generated pages converted without Python-Markdown where that gives the same HTML.
"""

from __future__ import annotations

import logging
import posixpath
import re
from html import escape, unescape
from typing import Any

from markdown.extensions.toc import strip_tags
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from . import markdown_ext

SECTIONS = (
    ("briefings/", "archive/index.md"),
    ("archive/", "archive/index.md"),
    ("actors/", "actors/index.md"),
    ("timeline/", "timeline/index.md"),
    ("quotes/", "quotes/index.md"),
    ("questions/", "questions/index.md"),
    ("tags/", "tags/index.md"),
)
"""A generated page's address -> the navigation page of its section."""

TOC_LIMIT = 100
"""At most this many entries in a table of contents made from headings (a page of thousands of
speakers keeps a bounded one; the page itself is in the order of the entries)."""
PHONE_TOC_MIN = 3
"""A page with fewer sections than this gets no table of contents of its own on a phone."""


def section(page: Page, nav: Any) -> Page | None:
    """The navigation page whose tab a page not in the navigation belongs under."""
    if page.parent is not None or any(page is p for p in nav.pages):
        return None
    src = next((s for prefix, s in SECTIONS if page.file.src_uri.startswith(prefix)), None)
    return next((p for p in nav.pages if p.file.src_uri == src), None)


_H2 = re.compile(r'<h2 id="([^"<>]+)"[^<>]*>(.*?)</h2>', re.DOTALL)


def headings_toc(html: str, limit: int = TOC_LIMIT) -> TableOfContents:
    """The `<h2 id>` headings of `html`, as the Markdown `toc` extension would list them."""
    tokens = [
        {"level": 2, "id": unescape(anchor), "name": strip_tags(inner), "children": []}
        for anchor, inner in _H2.findall(html)[:limit]
    ]
    return get_toc(tokens)  # type: ignore[arg-type]


def sections(toc: TableOfContents) -> list[AnchorLink]:
    """The entries a reader jumps between: the page's second-level headings."""
    out: list[AnchorLink] = []
    for item in toc:
        out += item.children if item.level == 1 else [item]
    return out


def with_phone_toc(html: str, toc: TableOfContents) -> str:
    """`html` with a folded table of contents before its first section, shown on narrow screens."""
    items = sections(toc)
    at = html.find("<h2")
    if len(items) < PHONE_TOC_MIN or at < 0:
        return html
    links = "".join(f'<li><a href="{escape(i.url)}">{i.title}</a></li>' for i in items)
    box = (
        '<nav class="bf-toc" aria-label="On this page" data-search-exclude data-pagefind-ignore>'
        f"<details><summary>On this page</summary><ul>{links}</ul></details></nav>\n"
    )
    return html.replace("<h2", box + "<h2", 1)  # at `at`, in one copy of a page that may be large


def feed_link(output: str, page_url: str, site_url: str | None, site_name: str) -> str:
    """The page's HTML with the Atom feed announced in its head (absolute with a `site_url`)."""
    if site_url:
        href = site_url.rstrip("/") + "/feed.xml"
    else:
        folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
        href = "../" * len([part for part in folder.split("/") if part]) + "feed.xml"
    # "alternate feed", not "alternate" alone: Material fetches `sitemap.xml` beside every
    # `link[rel=alternate]` it finds (taking it for a translation of the site), on every page.
    kind = 'rel="alternate feed" type="application/atom+xml"'
    link = f'<link {kind} title="{escape(site_name)}" href="{escape(href)}">'
    return output.replace("</head>", link + "\n</head>", 1)


def edit_button(href: str, file: str, in_editor: bool) -> str:
    """The edit control: the repository's editor, or the page that shows the YAML."""
    if in_editor:
        label, title = "Edit YAML", f"Open {file} in the repository's editor"
    else:
        label, title = "View YAML", f"Show {file}; change it in the project's repository"
    return f'<a class="md-button bf-edit" href="{escape(href)}" title="{escape(title)}">{label}</a>'


class GeneratedPage(Page):
    """A page of the plugin's. Its Markdown is `## headings` and raw HTML blocks
    (unless a site's own templates make it otherwise), which `markdown_ext.plain_html` converts
    as Python-Markdown does, in a quarter of the time; MkDocs' `render` converts anything else.
    Only made for sites whose Markdown settings are those it follows (`converts_alike`)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        converted = markdown_ext.plain_html(self.markdown) if self.markdown is not None else None
        if converted is None:
            return super().render(config, files)
        self.content, tokens = converted
        self.toc = get_toc(tokens)  # type: ignore[arg-type]
        self._title_from_render = None  # from a Markdown `# h1`: there is none
        self.present_anchor_ids = {token["id"] for token in tokens}  # level 2 only: no children
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}  # from Markdown links: there are none
        return None


_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
"""MkDocs keeps links to anchors for checking when this logger says so (see `Page.render`)."""
