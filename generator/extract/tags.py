"""Tags: topics from a small vocabulary that editors extend, plus the article's main actors.

The vocabulary (generator/vocabulary/tags.yaml) maps a topic to cue words and phrases. A
topic needs its cues at least `min_hits` times, so one passing mention does not tag a story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from ..errors import BriefingsError, Problem
from .model import Cast

VOCABULARY = Path(__file__).resolve().parent.parent / "vocabulary" / "tags.yaml"
MIN_HITS = 2
MAX_TOPICS = 4
TOKENS_PER_HIT = 500
"""A long article needs more cues for a topic: one more per this many tokens."""
MAX_ACTORS = 3

Vocabulary = dict[str, tuple[tuple[str, ...], ...]]


def load_vocabulary(path: Path | str = VOCABULARY) -> Vocabulary:
    """Topic -> cues (each a tuple of lower-case words). Raises BriefingsError on a bad file."""
    name = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefingsError(
            Problem(name, None, None, f"cannot read tag vocabulary ({exc.strerror})")
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise BriefingsError(Problem(name, line, None, "not valid YAML")) from None
    if not isinstance(data, dict):
        raise BriefingsError(Problem(name, 1, None, "must map each topic to a list of cue words"))
    vocab: Vocabulary = {}
    for topic, cues in data.items():
        if (
            not isinstance(topic, str)
            or not isinstance(cues, list)
            or not all(isinstance(c, str) for c in cues)
        ):
            raise BriefingsError(Problem(name, None, str(topic), "must be a list of cue words or phrases"))
        vocab[topic.strip().lower()] = tuple(tuple(c.lower().split()) for c in cues if c.strip())
    return vocab


def topics(doc: Doc, vocab: Vocabulary, min_hits: int = MIN_HITS, most: int = MAX_TOPICS) -> list[str]:
    """Topics whose cues occur at least `min_hits` times, most frequent first."""
    words = [(t.lower_, t.lemma_.lower()) for t in doc]
    where: defaultdict[str, list[int]] = defaultdict(list)
    for i, (lower, lemma) in enumerate(words):
        where[lower].append(i)
        if lemma != lower:
            where[lemma].append(i)
    counts: Counter[str] = Counter()
    for topic, cues in vocab.items():
        for cue in cues:
            counts[topic] += _occurrences(words, cue, where.get(cue[0], []) if cue else None)
    needed = max(min_hits, len(doc) // TOKENS_PER_HIT)
    ranked = sorted((t for t, n in counts.items() if n >= needed), key=lambda t: (-counts[t], t))
    return ranked[:most]


def _occurrences(words: list[tuple[str, str]], cue: tuple[str, ...], starts: list[int] | None = None) -> int:
    """Places where `cue` matches word by word (form or lemma); `starts`: where its first word is."""
    n = len(cue)
    todo = range(len(words) - n + 1) if starts is None else (i for i in starts if i <= len(words) - n)
    return sum(1 for i in todo if all(cue[k] in words[i + k] for k in range(n)))


def main_actors(cast: Cast, most: int = MAX_ACTORS) -> list[str]:
    """Names of the most mentioned actors (at least twice): what a reader would search for.

    Groups ("Democratic", "Americans") are left out: as tags they match half the archive.
    """
    ranked = sorted(
        (a for a in cast.actors if a.mentions >= 2 and a.kind != "group"), key=lambda a: -a.mentions
    )
    return [a.name for a in ranked[:most]]


def extract_tags(doc: Doc, cast: Cast, vocab: Vocabulary | None = None) -> tuple[str, ...]:
    """Topic tags, then main actors' names, without duplicates."""
    found = topics(doc, vocab if vocab is not None else default_vocabulary())
    return tuple(dict.fromkeys([*found, *main_actors(cast)]))


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    return load_vocabulary(VOCABULARY)
