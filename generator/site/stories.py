"""Stories: briefings about the same developing story, linked.

Briefings are read once in publication order. Each is compared with the earlier briefings that
share one of its features (an actor, by canonical id, or a key term of its title, summary and key
points) and were published within `WINDOW` days: it joins the story of the most similar one
(cosine of rarity-weighted features: every briefing of 2016 names Trump, few name Manafort; a
feature in more than one briefing in `COMMON` does not count) if they are similar enough, else it
starts a story. Only the `RECENT` latest briefings per feature are looked at, so the work per
briefing does not grow with the site: about n log n in all (the sort). A story takes no
briefing more than `SPAN` after its first, so stories stay readable.

An editor decides with `story:` in a briefing's YAML: a story id puts the briefing in that story
(every briefing with the same value is in it), `none` keeps it out of any story. A story's id
is the id of its first briefing (or the editor's value), so its address stays as briefings are
added after it. A story has at least two briefings.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Briefing
from . import index, terms

WINDOW = timedelta(days=21)
"""How long a story waits for its next briefing."""
SPAN = timedelta(days=56)
"""How long after its first briefing a story takes new ones (not counting an editor's)."""
THRESHOLD = 0.12
"""Cosine similarity to a briefing of the story, at least."""
RECENT = 10
"""Briefings looked at per feature: the latest ones."""
COMMON = 20
"""A feature in more than one briefing in COMMON (and in more than 2 RECENT) does not count."""
NONE = "none"
"""`story: none`: the editor keeps the briefing out of any story."""


@dataclass
class Story:
    id: str
    briefings: list[Briefing] = field(default_factory=list)
    """Oldest first."""
    pinned: bool = False
    """Named by an editor's `story:` field."""

    @property
    def title(self) -> str:
        """The headline of its first briefing (without a subtitle after a semicolon)."""
        head = self.briefings[0].title.split("; ")[0].strip()
        return head or self.briefings[0].title

    @property
    def first(self) -> date | None:
        return index.published(self.briefings[0])

    @property
    def last(self) -> date | None:
        return index.published(self.briefings[-1])


@dataclass
class Stories:
    stories: dict[str, Story]
    """Story id -> story, the latest-updated first."""
    of: dict[str, str]
    """Briefing id -> story id."""

    def story_of(self, bid: str) -> Story | None:
        sid = self.of.get(bid)
        return self.stories.get(sid) if sid else None

    def neighbours(self, bid: str) -> tuple[Briefing | None, Briefing | None]:
        """The briefings before and after this one in its story."""
        story = self.story_of(bid)
        if story is None:
            return None, None
        ids = [b.id for b in story.briefings]
        i = ids.index(bid)
        return (story.briefings[i - 1] if i else None), (story.briefings[i + 1] if i + 1 < len(ids) else None)


def features(b: Briefing) -> dict[str, float]:
    """A briefing's features and how much each says: the terms of its title (most), of its
    summary and of its key points (least), and its actors but groups, the more mentioned the
    more (up to three mentions)."""
    out: dict[str, float] = {}
    for weight, text in ((2.0, b.title), (1.0, b.summary), (0.5, " ".join(b.key_points))):
        for t in terms.terms(text):
            key = "t:" + t
            out[key] = out.get(key, 0.0) + weight
    for a in b.actors:
        if a.kind != "group":
            key = "a:" + a.id
            out[key] = out.get(key, 0.0) + 0.5 * min(max(a.mentions, 1), 3)
    return out


def weighted(briefings: list[Briefing]) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Every briefing's features weighted by their rarity across these briefings, and the
    rarity of each feature."""
    feats = {b.id: features(b) for b in briefings}
    df: Counter[str] = Counter(f for fs in feats.values() for f in fs)
    rare = {f: terms.rarity(n, len(briefings)) for f, n in df.items()}
    return {bid: {f: w * rare[f] for f, w in fs.items()} for bid, fs in feats.items()}, rare


def link(
    briefings: Iterable[Briefing],
    pinned: Mapping[str, str] | None = None,
    weights: tuple[Mapping[str, dict[str, float]], Mapping[str, float]] | None = None,
) -> Stories:
    """Every briefing's story (see the module's docstring); `pinned`: briefing id -> the
    editor's `story:` value; `weights`: `weighted(briefings)`, if already made."""
    pinned = pinned or {}
    order = sorted(briefings, key=lambda b: (index.published(b) or date.min, b.id))
    vectors, rare = weights if weights is not None else weighted(order)
    # a feature in more than one briefing in COMMON says little of a story (max_df, as in tf-idf)
    floor = terms.rarity(max(len(order) // COMMON, 2 * RECENT), len(order))
    counted = {bid: {f: w for f, w in v.items() if rare[f] >= floor} for bid, v in vectors.items()}
    norms = {bid: math.sqrt(sum(x * x for x in v.values())) or 1.0 for bid, v in counted.items()}
    postings: dict[str, list[tuple[date, str, float]]] = defaultdict(list)
    found: dict[str, Story] = {}
    story_of: dict[str, str] = {}
    for b in order:
        when = index.published(b)
        choice = pinned.get(b.id)
        if choice == NONE or (when is None and not choice):
            continue  # an undated briefing has no place in time: only an editor can place it
        when = when or date.min
        vector = counted[b.id]
        near = None if choice else _nearest(b.id, when, vector, norms, postings)
        sid = choice or (
            story_of[near] if near and when - (found[story_of[near]].first or when) <= SPAN else b.id
        )
        story = found.setdefault(sid, Story(sid))
        story.pinned = story.pinned or bool(choice)
        story.briefings.append(b)
        story_of[b.id] = sid
        for f, w in vector.items():
            postings[f].append((when, b.id, w))
    last = {sid: s.last or date.min for sid, s in found.items()}
    kept = sorted(
        (s for s in found.values() if len(s.briefings) >= 2), key=lambda s: (last[s.id], s.id), reverse=True
    )
    return Stories({s.id: s for s in kept}, {b.id: s.id for s in kept for b in s.briefings})


def _nearest(
    bid: str,
    when: date,
    vector: dict[str, float],
    norms: dict[str, float],
    postings: dict[str, list[tuple[date, str, float]]],
) -> str | None:
    """The most similar earlier briefing within the window, if similar enough."""
    dots: dict[str, float] = {}
    since = when - WINDOW if when - date.min > WINDOW else date.min
    for f, w in vector.items():
        posting = postings.get(f)
        if not posting:
            continue
        for day, other, weight in reversed(posting[-RECENT:]):
            if day < since:
                break
            dots[other] = dots.get(other, 0.0) + w * weight
    mine = norms[bid]
    best = max(((dot / (mine * norms[o]), o) for o, dot in dots.items()), default=(0.0, ""))
    return best[1] if best[0] >= THRESHOLD else None


def actors_of(story: Story) -> list[tuple[str, str, str, int]]:
    """(id, name, kind, briefings) of the story's actors, in most briefings first."""
    seen: dict[str, tuple[str, str]] = {}
    counts: Counter[str] = Counter()
    for b in story.briefings:
        for a in b.actors:
            seen.setdefault(a.id, (a.name, a.kind))
            counts[a.id] += 1
    return [
        (aid, *seen[aid], n) for aid, n in sorted(counts.items(), key=lambda kv: (-kv[1], seen[kv[0]][0]))
    ]
