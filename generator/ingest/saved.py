"""Pages as browsers save them: compressed (`.html.gz`), as one MIME archive (`.mhtml`, `.mht`),
or as "Web Page, complete": `page.html` beside a `page_files/` folder of the frames, scripts,
ads and comment widgets the page loaded, which are never articles.
"""

from __future__ import annotations

import email
import email.policy
import re
import zlib
from email.message import EmailMessage
from pathlib import Path

from .article import fail

GZIPPED = (".html.gz", ".htm.gz", ".xhtml.gz")
ARCHIVES = (".mhtml", ".mht")
RESOURCES = re.compile(
    r"(?P<stem>.+?)(?:_files|-Dateien|_archivos|_arquivos|_fichiers|_file|\.files|_bestanden|_pliki"
    r"|_soubory|_tiedostot|-filer)"
)
"""The folder a browser saves a page's resources in, after the page's name, in the browser's
language ("page_files", "page-Dateien", "page_archivos", ...)."""
UNREADABLE = {
    ".webarchive": "a Safari web archive: save the page as HTML (Page Source) or as .mhtml instead",
    ".maff": "a Mozilla archive: unzip it and read the index.html inside",
    ".warc": "a web crawl archive: extract its HTML pages first",
}


def is_saved_page(name: str) -> bool:
    """Whether a file name is a page in one of the saved forms (the ones read here, and the ones
    reading explains how to convert)."""
    low = name.lower()
    return low.endswith(GZIPPED) or low.endswith(ARCHIVES) or low.endswith(tuple(UNREADABLE))


def is_page_resources(folder: Path) -> bool:
    """Whether `folder` holds the resources of a page saved beside it (`page_files/` next to
    `page.html`): frames, ads and widgets, never articles."""
    m = RESOURCES.fullmatch(folder.name)
    if not m:
        return False
    stem = m.group("stem")
    return any((folder.parent / f"{stem}{ext}").is_file() for ext in (".html", ".htm", ".xhtml", ".shtml"))


def gunzip(data: bytes, path: str, limit: int) -> bytes:
    """The page inside a `.html.gz`, refused when it unpacks to more than `limit` bytes."""
    try:
        inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise fail(path, "not a readable gzip file") from None
    if len(out) > limit:
        raise fail(path, f"unpacks to more than {limit // 2**20} MB (the limit for a page)")
    return out


def mhtml_page(data: bytes, path: str) -> tuple[bytes, str | None]:
    """(bytes, charset) of the HTML page in a web archive (its first text/html part)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html" and isinstance(part, EmailMessage):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise fail(path, "a web archive without an HTML page in it")


def unreadable(name: str) -> str | None:
    """Why a saved-page format cannot be read here, with what to do instead."""
    low = name.lower()
    for ext, why in UNREADABLE.items():
        if low.endswith(ext):
            return why
    if low.endswith(".gz") and not low.endswith(GZIPPED):
        return "a gzip archive: only compressed web pages (.html.gz) are read"
    return None
