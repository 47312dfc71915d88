"""The headline without the site's name, and the site's name.

Pages repeat their headline in og:title, JSON-LD, <h1> and <title>, and glue the site's name
(sometimes a section or a date too) onto some of them: "Margaret Thatcher feared ... - Telegraph",
"... | World | News | Express.co.uk", "... | DW | 19.01.2020". The site's name is learnt from
the page itself: og:site_name and the JSON-LD publisher, the domain ("telegraph.co.uk" ->
"telegraph"), and the separators: a segment that every titled place has after the same
separator is not part of the headline. The headline is the version most places agree on.
"""

from __future__ import annotations

import re
from collections import Counter

from .dates import find_date

SEPARATORS = re.compile(r"\s+(?:[|·•»›~:]{1,2}|[-–—]{1,2}|/{1,2})\s+")
"""Between a headline and the site's name; surrounded by spaces, so "Xi-Biden" never splits."""
TRUST = ("ld:headline", "og:title", "h1", "twitter:title", "sailthru.title", "dc.title", "headline", "title")
GENERIC_HOST = frozenset({"www", "m", "amp", "mobile", "edition", "news", "com", "co", "org", "net", "uk"})


def squash_key(text: str) -> str:
    """Letters and digits only, lower case: "NOLA.com" -> "nolacom", "U.S. News" -> "usnews"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def host_names(host: str) -> list[str]:
    """The parts of a host name that name the site: "www.telegraph.co.uk" -> ["telegraph"]."""
    labels = [x for x in host.casefold().split(".") if x]
    return [x for x in labels[:-1] if x not in GENERIC_HOST and len(x) > 1]


def is_site(segment: str, sites: list[str], host: str) -> bool:
    """Whether a title segment names the site (or a section of it, or a date)."""
    key = squash_key(segment)
    if not key:
        return True
    if find_date(segment) and len(segment.split()) <= 5:
        return True
    names = [squash_key(s) for s in sites if squash_key(s)] + host_names(host)
    return any(key == name or (len(key) >= 3 and (key in name or name in key)) for name in names)


def strip_site(title: str, sites: list[str], host: str, learnt: set[str]) -> str:
    """`title` without the site's name, section names or date glued to either end."""
    parts = SEPARATORS.split(title)
    seps = SEPARATORS.findall(title)
    while len(parts) > 1 and (is_site(parts[-1], sites, host) or squash_key(parts[-1]) in learnt):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and (is_site(parts[0], sites, host) or squash_key(parts[0]) in learnt):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


def learn_suffixes(titles: list[str]) -> set[str]:
    """Segments that two or more different titles of the page end with: a site or section name."""
    ends: Counter[str] = Counter()
    for title in set(titles):
        parts = SEPARATORS.split(title)
        if len(parts) > 1:
            ends[squash_key(parts[-1])] += 1
    return {k for k, n in ends.items() if n >= 2 and k}


def _agree(a: str, b: str) -> bool:
    """The same headline: the same words, or one a prefix of the other (an <h1> with a button)."""
    ka, kb = squash_key(a), squash_key(b)
    if not ka or not kb:
        return False
    return ka == kb or (min(len(ka), len(kb)) >= 20 and (ka.startswith(kb) or kb.startswith(ka)))


def choose_headline(titles: list[tuple[str, str]], sites: list[str], host: str) -> str:
    """The headline most of the page's titles agree on, without the site's name."""
    learnt = learn_suffixes([t for _, t in titles])
    cands = [(where, strip_site(t, sites, host, learnt)) for where, t in titles if t]
    cands = [(w, t) for w, t in cands if t and len(t) <= 300]
    if not cands:
        return ""

    def score(item: tuple[int, tuple[str, str]]) -> tuple[int, int, int]:
        i, (where, text) = item
        votes = sum(1 for _, other in cands if _agree(text, other))
        rank = TRUST.index(where) if where in TRUST else len(TRUST)
        return (-votes, rank, i)

    _, (_, best) = min(enumerate(cands), key=score)
    # An <h1> that agrees only as a longer prefix carries extra words (a button): take the shorter.
    for _, other in cands:
        if _agree(best, other) and len(squash_key(other)) < len(squash_key(best)):
            best = other
    return best


def site_name(sites: list[str], host: str) -> str | None:
    """The site's own name for itself, else its host name."""
    for name in sites:
        if name and not name.startswith(("http", "@")) and len(name) <= 80:
            return name
    return host.removeprefix("www.") or None
