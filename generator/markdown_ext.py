"""A Python-Markdown extension that stashes self-contained raw HTML blocks without parsing them.

Briefing pages are Markdown made mostly of raw HTML blocks (everything from YAML goes into
escaped HTML, see `site/render.py`). Python-Markdown finds the end of each raw block by running
`html.parser` over it, which was about a third of a site build. A block that starts a paragraph
with a block-level tag and whose outer element closes exactly at the paragraph's end is found
here by counting that tag's opens and closes, and stashed exactly as Python-Markdown stashes it
(same text, same placeholder), so the HTML that comes out is the same. Anything else (indented
tags, `markdown="1"`, unbalanced or trailing content) is left to Python-Markdown, and so is the
rest of a document once one block-level tag is left to it.

MkDocs scans raw HTML for `id`s (to check links to anchors) in a preprocessor that runs after
this one, so it no longer sees the ids inside stashed blocks; the `briefings` plugin adds them
back from the page's HTML (`anchor_ids`). Enable with `markdown_extensions:
[generator.markdown_ext]`; the `briefings` plugin adds it.

A generated page is nothing but such blocks and `## headings`: `plain_html` converts those
without Python-Markdown, to the same HTML, wherever a site's Markdown settings allow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markdown.preprocessors import Preprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])")
_VOID = {"hr", "br", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_RAW_TEXT = ("<script", "<style", "<textarea", "<title", "<!--", "<![CDATA[", "<?")
_RAW_TEXT_LOWER = tuple(m.lower() for m in _RAW_TEXT)


def _closes_at_end(chunk: str, tag: str) -> bool:
    """Whether the element opened at the start of `chunk` closes exactly at its end, and not before."""
    if not chunk.endswith(f"</{tag}>"):
        return False
    depth = 0
    pattern = re.compile(rf"<(/?){tag}(?=[\s/>])", re.IGNORECASE)
    for m in pattern.finditer(chunk):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end() + 1 == len(chunk)
    return False


_HARMLESS = re.compile(r"<!--[^<>]*?-->|<(script|style|textarea|title)\b[^<>]*>[^<]*</\1>", re.IGNORECASE)


def _plain_markup(chunk: str) -> bool:
    """No content that html.parser reads otherwise than as tags (comments, scripts, CDATA) unless
    it holds no `<` at all (an SVG `<title>`, our one-line comments), and no `markdown` attribute
    (md_in_html)."""
    if "markdown=" in chunk:
        return False
    low = chunk.lower()
    if not any(marker in low for marker in _RAW_TEXT_LOWER):  # nor anything for `_HARMLESS`
        return True
    rest = _HARMLESS.sub("", chunk).lower()
    return not any(marker in rest for marker in _RAW_TEXT)


def _trusted_block(lines: list[str], i: int, is_block_level: Callable[[str], bool]) -> tuple[int, str] | None:
    """The raw HTML block that starts at line `i` (after a blank line) and where it ends, if it
    is one to stash as it is."""
    line = lines[i]
    m = _START.match(line)
    if not m:
        return None
    tag = m.group(1).lower()
    j = i
    while j < len(lines) and lines[j].strip():
        j += 1
    chunk = "\n".join(lines[i:j])
    if (
        is_block_level(tag)
        and tag not in _VOID
        and not line.split(">", 1)[0].endswith("/")  # `<div/>` is an empty tag
        and _plain_markup(chunk)
        and _closes_at_end(chunk, tag)
    ):
        return j, chunk
    return None


class TrustedHtmlBlocks(Preprocessor):
    """Stash balanced raw HTML paragraphs before `html_block` parses them."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i, n = 0, len(lines)
        after_blank = True
        while i < n:
            line = lines[i]
            block = _trusted_block(lines, i, self.md.is_block_level) if after_blank else None
            if block:
                i, chunk = block
                out += ["", self.md.htmlStash.store(chunk + "\n"), ""]
                continue
            if line.lstrip(" ")[:1] == "<" and len(line) - len(line.lstrip(" ")) <= 3:
                # Left to Python-Markdown (which may read raw HTML from here across blank lines):
                # from here on it decides where raw blocks end.
                out += lines[i:]
                break
            out.append(line)
            after_blank = not line.strip()
            i += 1
        return out


CONVERTS_ALIKE = {"toc", "tables", "fenced_code", "admonition", "attr_list", __name__}
"""The extensions (MkDocs' defaults, this project's mkdocs.yml and this one) under which
`plain_html` gives what Python-Markdown gives."""
_HEADING = re.compile(r"## ([^\W_](?:[^\W_]|[ ,.'’:()/?·–—-])*)")
"""A second-level heading whose text no inline pattern, attribute list or table touches."""
_UNUSUAL = ("\t", "\r", "\x02", "\x03", "```", "~~~")
"""What Python-Markdown rewrites before any block is read: tabs, line ends, its placeholder
marks, code fences."""
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)


def converts_alike(extensions: list[Any], configs: dict[str, Any]) -> bool:
    """Whether a site's Markdown settings are those `plain_html` follows (else it is not used)."""
    toc = configs.get("toc", {})
    return set(extensions) <= CONVERTS_ALIKE and set(configs) <= {"toc"} and toc in ({}, {"permalink": False})


def plain_html(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """The HTML and table-of-contents tokens Python-Markdown gives (with `CONVERTS_ALIKE`) for a
    document made only of `## heading` lines and raw HTML blocks this extension stashes, each
    after a blank line; None for any other document.

    A generated page is such a document. Python-Markdown still takes about a millisecond for
    each (its instance, a dozen processors over placeholders), two seconds of a thousand
    briefings' build; this takes the blocks as the stash would and writes the headings as
    `toc` writes them.
    """
    if any(mark in text for mark in _UNUSUAL):
        return None
    lines = text.split("\n")
    parts: list[str] = []
    tokens: list[dict[str, Any]] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    i = 0
    while i < len(lines):
        if not lines[i].strip(" "):
            i += 1
            continue
        if i and lines[i - 1].strip(" "):
            return None  # not after a blank line
        block = _trusted_block(lines, i, lambda tag: tag.lower().rstrip("/") in _BLOCK_LEVEL)
        if block:
            i, chunk = block
            parts.append(chunk + "\n")
            continue
        m = _HEADING.fullmatch(lines[i])
        name = m.group(1) if m else ""
        if (
            not name
            or name != name.strip()
            or "  " in name
            or (i + 1 < len(lines) and lines[i + 1].strip(" "))
        ):
            return None
        anchor = unique(slugify(name, "-"), used, counters)
        parts.append(f'<h2 id="{anchor}">{name}</h2>')
        tokens.append({"level": 2, "id": anchor, "name": name, "html": name, "data-toc-label": ""})
        i += 1
    del lines  # a large page (the quotes of 5000 briefings) is not held three times over
    if parts:
        parts[-1] = parts[-1].rstrip()  # `.strip()` of the whole: it starts with a tag
    return "\n".join(parts), nest_toc_tokens(tokens)


_ID = re.compile(r"""<[a-zA-Z][^<>]*?\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")


def anchor_ids(html: str) -> set[str]:
    """The `id`s (and `name`s) of elements in `html`, as MkDocs' own raw-HTML scan collects them."""
    return {a or b for a, b in _ID.findall(html)}


class TrustedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        # After fenced code (25) has stashed its blocks; before MkDocs' anchor scan (21) and
        # html_block (20) parse the rest with html.parser.
        md.preprocessors.register(TrustedHtmlBlocks(md), "briefings_trusted_html", 22)


def makeExtension(**kwargs: Any) -> TrustedHtmlExtension:  # noqa: N802 - Python-Markdown's API
    return TrustedHtmlExtension(**kwargs)
