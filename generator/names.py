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


def ascii_words(text: str) -> str:
    """`text` in ASCII: accents dropped ("Lü" -> "Lu"), letters of other scripts transliterated
    by anyascii, ISC licence ("Что" -> "Chto", "Łódź" -> "Lodz", "北京" -> "Bei Jing": a Chinese
    character is a syllable of its own); punctuation and symbols that are not ASCII dropped, as
    they always were, so that ids made before stay the same ("Trump’s" -> "Trumps")."""
    if text.isascii():
        return text
    from anyascii import anyascii

    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch.isascii():
            out.append(ch)
        elif unicodedata.category(ch)[0] in "LN":
            spell = anyascii(ch)
            out.append(f" {spell} " if unicodedata.name(ch, "").startswith("CJK") else spell)
    return "".join(out)


def slugify(text: str, fallback: str = "actor") -> str:
    """Stable id from a name: ascii, lower case, hyphens ("Lü Xiang" -> "lu-xiang", "Что
    происходит" -> "chto-proiskhodit"); `fallback` when nothing readable is left."""
    s = ascii_words(text).lower()
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


GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
"""Generational suffixes: "Joseph R. Biden Jr." is Joseph Biden."""

DESIGNATORS = {
    "news", "network", "channel", "tv", "radio", "party",
    "inc", "llc", "corp", "corporation", "co", "company", "ltd", "plc", "group", "holdings",
}  # fmt: skip
"""Trailing words that name the kind of an organization, not which one: "Fox" of "Fox News",
"Podesta Group Inc." of "Podesta Group"."""


def words(name: str) -> list[str]:
    """A name's words as written, dots and hyphens kept inside a word ("U.S.", "Wasserman-Schultz")."""
    return [w for w in re.split(r"\s+", unicodedata.normalize("NFKC", name).replace("’", "'").strip()) if w]


def initials_free(name: str) -> str:
    """A person's name without middle initials and generational suffixes, as a `name_key`:
    "Donald J. Trump" and "Joseph R. Biden Jr." -> "donald trump", "joseph biden"."""
    ws = [w.strip(".,") for w in words(name)]
    kept = [
        w
        for i, w in enumerate(ws)
        if not (0 < i < len(ws) - 1 and len(w) == 1 and w.isalpha()) and w.casefold() not in GENERATIONS
    ]
    return name_key(" ".join(kept))


def acronym_like(name: str) -> bool:
    """ "US", "U.S.", "DNC", "ISIS": one word of 2 to 6 capital letters, dots allowed."""
    letters = name.replace(".", "")
    return " " not in name.strip() and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
