"""Saved web pages: the main text and metadata via trafilatura (navigation, ads, boxes go)."""

from __future__ import annotations

import re
from typing import Any

from .article import fail
from .furniture import is_teaser
from .paragraphs import same_words

HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|article|section|span|a|meta|title|li|ul|script|table)\b[^>]*>", re.I
)


def read_html(text: str, path: str) -> tuple[dict[str, Any], list[str]]:
    """Main text and metadata of a saved web page, via trafilatura (navigation, ads, boxes go)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise fail(path, f"cannot read the HTML page ({type(exc).__name__})") from None
    if doc is None:
        raise fail(path, "no article text found in the HTML page")
    info = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    paras = _html_paragraphs(info.get("body"))
    if not paras:
        paras = [ln for ln in (info.get("text") or "").split("\n") if ln.strip()]
    title = (info.get("title") or "").strip()
    if paras and title and same_words(paras[0], title):
        paras = paras[1:]
    meta = {
        "title": title or None,
        "author": info.get("author"),
        "published": info.get("date"),
        "source": info.get("sitename") or info.get("hostname"),
        "url": info.get("url"),
    }
    return meta, paras


def _html_paragraphs(body: Any) -> list[str]:
    """One paragraph per block element of trafilatura's cleaned tree (lists: one per item)."""
    if body is None:
        return []
    paras: list[str] = []
    for el in body:
        items = [li for li in el if li.tag == "item"] if el.tag == "list" else [el]
        for item in items:
            for br in item.iter("lb"):
                br.tail = " " + (br.tail or "")
            text = re.sub(r"\s+", " ", "".join(item.itertext())).strip()
            if text:
                paras.append(text)
    return paras


def read_page(text: str, path: str) -> tuple[dict[str, Any], str, list[str]]:
    """Metadata, title and paragraphs of a web page."""
    meta, paras = read_html(text, path)
    title = meta.get("title") or ""
    if not title and paras:
        # A page without a title: take a headline-like first block, never a prose paragraph.
        if is_teaser(paras[0]) and not paras[0].endswith(("…", "...")):
            title, paras = paras[0], paras[1:]
        else:
            title = " ".join(paras[0].split()[:12]) + " …"
    return meta, title, paras
