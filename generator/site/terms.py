"""Key terms of a text, for telling which briefings and questions are about the same matter.

Stories and follow-ups compare briefings by the words of their titles, summaries and questions;
only the words that say what a text is about count: no function words, no reporting verbs, no
calendar words, and one form per noun ("emails" and "email"). Weighting by how rare a term is
across the site (`rarity`) does the rest, so no list of topics is needed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

_STOP = """
    a about above after again against ago all also although am among an and another any are around
    as at be because been before being below between both but by can cannot could did does doing
    done down during each either else even ever every few for from further get gets got had has
    have having he her here hers herself him himself his how however i if in into is it its itself
    just last least less like made make makes many may me might more most much must my myself near
    neither never new next no nor not now of off often on once one only or other others our ours
    ourselves out over own per rather said same say saying says see seen she should since so some
    still such than that the their theirs them themselves then there these they this those though
    three through thus to today told too toward two under until up upon us very via was we well
    were what whatever when where whether which while who whom whose why will with within without
    would yet you your yours yourself first second third former latter back way ways time times
    year years month months week weeks day days monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december
    tonight yesterday tomorrow morning evening night asked ask asks says told tell tells according
    added adds called calls call report reports reported reporter reporters statement statements
    interview news people thing things lot lots part parts percent mr mrs ms dr will going want
    wants wanted
"""
STOPWORDS = frozenset(_STOP.split())
"""Words that say nothing about what a text is about."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)


@cache
def _term(word: str) -> str | None:
    """One form per word: possessives and plural -s dropped ("donors", "Clinton's"); None for a
    word that says nothing. (A site has a vocabulary of some ten thousand words: cached.)"""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word if len(word) >= 3 and word not in STOPWORDS else None


def terms(text: str | None) -> set[str]:
    """The distinct key terms of a text, lower case."""
    return {t for t in map(_term, _WORD.findall((text or "").casefold())) if t}


def rarity(document_frequency: int, documents: int) -> float:
    """Inverse document frequency: a term in every document weighs nothing."""
    return math.log((documents + 1) / (document_frequency + 0.5))


def weight(features: Iterable[str], rare: dict[str, float]) -> float:
    return sum(rare.get(f, 0.0) for f in features)
