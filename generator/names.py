"""Names and ids: how a name becomes an id, and when two spellings are the same name.

Extraction, the registry, validation and the site all compare names and make ids; they must
agree, and none of them should need spaCy to do it, so these live here, at the bottom.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

ID_LIMIT = 60
"""Longest title slug in a briefing id: long enough to read, short enough for a path."""


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
"""Chinese characters (also used in Japanese and Korean): one syllable each, so spaced apart."""


def ascii_words(text: str) -> str:
    """`text` in ASCII letters: accents dropped ("Lü" -> "Lu"), other scripts transliterated
    ("Что" -> "Chto", "東京" -> "Dong Jing", "Ærø" -> "AEro") by anyascii (ISC licence)."""
    from anyascii import anyascii

    if text.isascii():
        return text
    return anyascii(HAN.sub(lambda m: f" {m.group()} ", text))


def slugify(text: str, fallback: str = "actor") -> str:
    """Stable id from a name: ascii, lower case, hyphens ("Lü Xiang" -> "lu-xiang", "Что
    происходит" -> "chto-proiskhodit"); `fallback` when nothing readable is left."""
    s = ascii_words(unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or fallback


def name_key(text: str) -> str:
    """Key under which spellings of one name meet: case, dots and spacing ignored ("U.S." = "US",
    "N. Korea" = "n korea")."""
    s = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace(".", " ")
    words: list[str] = []
    run = 0
    for w in s.split():
        single = len(w) == 1 and w.isalpha()
        if single and run:
            words[-1] += w
        else:
            words.append(w)
        run = run + 1 if single else 0
    return " ".join(words).replace(" '", "'")


def acronym(words: Sequence[str]) -> str:
    """Initials of the capitalised words: "United States" -> "us", "Bank of England" -> "be"."""
    return "".join(w[0] for w in words if w[:1].isupper()).casefold()


def briefing_id(title: str, published: str | None) -> str:
    """`<date>-<title slug>`: sortable, readable, and stable for a given source; the slug is cut
    at a word boundary."""
    slug = slugify(title, fallback="article")
    if len(slug) > ID_LIMIT:
        cut = slug[: ID_LIMIT + 1].rfind("-")
        slug = slug[: cut if cut > 20 else ID_LIMIT].rstrip("-")
    return f"{published[:10]}-{slug}" if published else slug
