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
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])")
_VOID = {"hr", "br", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_RAW_TEXT = ("<script", "<style", "<textarea", "<title", "<!--", "<![CDATA[", "<?")


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


_RAW_TEXT_START = re.compile("|".join(re.escape(m) for m in _RAW_TEXT), re.IGNORECASE)
_HARMLESS = re.compile(r"<!--[^<>]*?-->|<(script|style|textarea|title)\b[^<>]*>[^<]*</\1>", re.IGNORECASE)


def _plain_markup(chunk: str) -> bool:
    """No content that html.parser reads otherwise than as tags (comments, scripts, CDATA) unless
    it holds no `<` at all (an SVG `<title>`, our one-line comments), and no `markdown` attribute
    (md_in_html)."""
    if "markdown=" in chunk:
        return False
    if _RAW_TEXT_START.search(chunk) is None:  # nothing for `_HARMLESS` to take away either
        return True
    rest = _HARMLESS.sub("", chunk).lower()
    return not any(marker in rest for marker in _RAW_TEXT)


class TrustedHtmlBlocks(Preprocessor):
    """Stash balanced raw HTML paragraphs before `html_block` parses them."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i, n = 0, len(lines)
        after_blank = True
        while i < n:
            line = lines[i]
            m = _START.match(line) if after_blank else None
            if m:
                tag = m.group(1).lower()
                j = i
                while j < n and lines[j].strip():
                    j += 1
                chunk = "\n".join(lines[i:j])
                if (
                    self.md.is_block_level(tag)
                    and tag not in _VOID
                    and not line.split(">", 1)[0].endswith("/")  # `<div/>` is an empty tag
                    and _plain_markup(chunk)
                    and _closes_at_end(chunk, tag)
                ):
                    out += ["", self.md.htmlStash.store(chunk + "\n"), ""]
                    i = j
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
