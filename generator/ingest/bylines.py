"""Bylines -> the names of the people who wrote the article.

A page's author fields and byline elements carry more than names: "By", e-mail addresses,
job titles, the publication ("Keith Spera, NOLA.com | The Times-Picayune"), a desk ("Post
Staff"), links and buttons ("View author archive"). A person's name here is two to five words,
each capitalised (or a particle such as "de", "van", "bin"), with no digits, no address, and no
word that names an organisation or a desk; a byline that names an organisation instead of a
person is the article's source, not its author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .headline import squash_key

PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
    "bin", "ibn", "al", "el", "ben", "ter", "ten", "y", "zu", "mac", "st",
})  # fmt: skip
ORG_WORDS = frozenset({
    "news", "press", "staff", "desk", "team", "editor", "editors", "editorial", "board", "newsroom",
    "bureau", "agency", "agencies", "wire", "wires", "service", "services", "media", "reporters",
    "reporter", "correspondent", "correspondents", "contributor", "contributors", "writers", "writer",
    "report", "reports", "times", "post", "journal", "daily", "weekly", "herald", "tribune", "gazette",
    "telegraph", "guardian", "associated", "reuters", "afp", "ap", "bloomberg", "network", "group",
    "online", "magazine", "radio", "tv", "television", "channel", "com", "net", "org", "inc", "ltd",
    "llc", "corporation", "company", "foundation", "institute", "university", "council", "department",
    "ministry", "office", "center", "centre", "club", "association", "archive", "feed", "rss", "email",
    "comment", "comments", "share", "follow", "subscribe", "author", "authors", "view", "more", "by",
})  # fmt: skip
"""Words that never stand in a person's name on a byline: publications, desks, page buttons."""
TITLE_SUFFIXES = re.compile(
    r"\s*[,|–—-]\s*(?:(?:senior|chief|staff|special|political|foreign|deputy|managing|contributing"
    r"|associate|executive)\s+)*(?:writer|reporter|editor|correspondent|columnist|contributor"
    r"|producer|analyst|journalist|photographer)\b.*$",
    re.I,
)
SPLIT = re.compile(r"\s*(?:;|,|\||/|\band\b|&|\bund\b|\bet\b|\by\b|\n)\s*", re.I)


def _words(name: str) -> list[str]:
    return name.replace("’", "'").split()


def is_person(name: str) -> bool:
    """A person's name: two to five capitalised words (particles aside), nothing else."""
    words = _words(name)
    if not 2 <= len(words) <= 5 or re.search(r"[\d@:/()\[\]{}<>#=+*]", name):
        return False
    for w in words:
        bare = w.strip(".,'-").casefold()
        if bare in ORG_WORDS or "." in w.strip(".") and len(w) > 3 and not re.fullmatch(r"(?:\w\.)+", w):
            return False
        if not (_capital(w) or bare in PARTICLES):
            return False
    return words[0] not in PARTICLES and words[0].casefold() != "the"


def _capital(word: str) -> bool:
    """A word that starts like a name: a capital, or a letter of a script without case."""
    first = word.lstrip("'‘\"(")[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


DATE_START = re.compile(
    r"\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|updated|published|posted|\d{1,4}[-/.:]\d)",
    re.I,
)
"""Where a date or time glued to a byline starts ("Malcolm Owen Monday, November 18, 2019")."""


def _clean(text: str) -> str:
    text = re.sub(r"\S+@\S+|https?://\S+|\(\s*\)", " ", text)
    m = DATE_START.search(text)
    if m:
        text = text[: m.start()]
    text = re.sub(r"^\s*(?:written\s+)?by\b[:\s]*", "", text, flags=re.I)
    text = TITLE_SUFFIXES.sub("", text)
    return re.sub(r"\s+", " ", text).strip(" ,;|-–—")


def names_in(text: str) -> tuple[list[str], list[str]]:
    """(people, others): the person names of one byline, and the parts that name something else."""
    people: list[str] = []
    others: list[str] = []
    for part in SPLIT.split(_clean(text)):
        part = re.sub(r"^(?:by|written by|von|par|por)\s+", "", part.strip(" .,;:"), flags=re.I).strip()
        if not part:
            continue
        if is_person(part):
            if part not in people:
                people.append(part)
        else:
            others.append(part)
    return people, others


def choose_authors(bylines: Iterable[tuple[str, str]], sites: list[str]) -> tuple[str | None, str | None]:
    """(author, source): the people of the most trusted byline that names any, joined by "; ";
    and, when a byline names a publication but no person, that publication (a wire or a partner
    whose copy the site carries), for `source.name`."""
    site_keys = {squash_key(s) for s in sites}
    source = None
    for _, text in bylines:
        people, others = names_in(text)
        people = [p for p in people if squash_key(p) not in site_keys]
        if people:
            return "; ".join(people), None
        if source is None and len(_words(text)) <= 6:
            named = [o for o in others if _publication(o) and squash_key(o) not in site_keys]
            source = named[0] if len(named) == 1 and not people else None
    return None, source


def _publication(text: str) -> bool:
    """A byline part that names a publication or a wire ("Fox News", "Reuters", "AFP"), not a desk
    ("Post Staff") nor a person."""
    words = [w.casefold().strip(".") for w in _words(text)]
    desk = {"staff", "desk", "team", "editors", "editorial", "board", "newsroom", "reporters", "by", "view"}
    if not 1 <= len(words) <= 4 or desk & set(words) or not all(w[:1].isalpha() for w in words):
        return False
    return len(words) == 1 or bool(set(words) & ORG_WORDS) or text.isupper()
