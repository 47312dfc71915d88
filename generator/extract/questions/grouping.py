"""Grouping: cues about the same matter become one question with up to four evidence sentences,
ranked by how strongly, how often and how centrally the story leaves the matter open."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from ...model import Question, TimelineEntry
from ..model import Cast
from .cue import DOUBLE_QUOTES, PHRASING_ORDER, WEAK_KEY, Cue
from .finding import body_sentences, find_cues
from .resolving import resolve
from .scoring import ACTOR_KEY, Centre, centre_of, score, with_actors

MAX_QUESTIONS = 5
MIN_SCORE = 2.0
"""A matter needs one strong cue, or weaker cues that back each other up or sit in the lead."""
FILL_TO = 3
FILL_SCORE = 1.0
"""An article with fewer than FILL_TO questions also gets its best weaker ones."""
EVENT_KINDS = {"possible", "process", "search", "fragile", "uncertain"}
"""Cue kinds keyed on the event itself: two of a kind about the same noun are one event."""
MAX_EVIDENCE = 4
NEAR = 400
"""Characters apart within which one shared word and a shared actor make one matter."""


def extract_questions(
    doc: Doc,
    cast: Cast,
    published: date | None = None,
    timeline: Iterable[TimelineEntry] = (),
    limit: int = MAX_QUESTIONS,
) -> Iterator[Question]:
    """Open questions, the most central first, at most `limit`."""
    sents = body_sentences(doc)
    cues = [with_actors(c, cast) for c in find_cues(doc, published, tuple(timeline), sents)]
    if not cues:
        return
    centre = centre_of(doc, cast, sents)
    ranked = rank(group_cues(cues, centre.common), centre)
    kept = [sg for sg in ranked if sg[0] >= MIN_SCORE]
    weaker = [sg for sg in ranked if FILL_SCORE <= sg[0] < MIN_SCORE and _fills(sg[1])]
    kept += weaker[: max(0, FILL_TO - len(kept))]
    found: dict[str, Question] = {}
    for _, group in kept:
        question = to_question(group, cast)
        if question is None or question.question in found:
            continue
        found[question.question] = question
        if len(found) >= limit:
            break
    yield from found.values()


def rank(groups: list[list[Cue]], centre: Centre) -> list[tuple[float, list[Cue]]]:
    """Groups that can be phrased, best first (ties: earlier in the article first)."""
    scored = [(score(g, centre), g) for g in groups if any(c.question for c in g)]
    return sorted(scored, key=lambda sg: (-sg[0], sg[1][0].sent.start))


def _fills(group: list[Cue]) -> bool:
    """Weak alone, a "could" fills only about someone named and no figure ("could get $10,000 a
    year" is a range, not an open matter)."""
    return any(c.kind not in ("modal", "noreply") or _named_modal(c) for c in group)


def _named_modal(cue: Cue) -> bool:
    if cue.kind != "modal" or not cue.question or " be " in cue.question.split("?")[0]:
        return False  # "may be ire for ...": a copula hedged, rarely a matter
    span = cue.sent.doc.char_span(*cue.focus, alignment_mode="expand")
    if span is None or any(e.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for e in span.ents):
        return False
    return cue.question.split(" ")[1][:1].isupper() or cue.question.split(" ")[1] == "the"


def group_cues(cues: list[Cue], common: frozenset[str] = frozenset()) -> list[list[Cue]]:
    """Single-link grouping: cues about the same thing, or an anaphor pointing back, are one issue."""
    ordered = sorted(cues, key=lambda c: (c.sent.start, c.focus))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cue in enumerate(ordered):
        for j in range(i):
            near = cue.sent.start_char - ordered[j].sent.end_char <= NEAR
            if related(cue, ordered[j], near, common):
                parent[root(i)] = root(j)
        if cue.anaphoric and i > 0 and cue.sent.start - ordered[i - 1].sent.end < 400:
            parent[root(i)] = root(i - 1)
    groups: dict[int, list[Cue]] = {}
    for i, cue in enumerate(ordered):
        groups.setdefault(root(i), []).append(cue)
    return list(groups.values())


def related(a: Cue, b: Cue, near: bool = False, common: frozenset[str] = frozenset()) -> bool:
    """Same thing talked about: a shared noun, or two shared words (a name counts, close by).

    A shared verb alone is not enough ("stop attacking" and "stop using" are two demands), nor
    a shared name alone (every question in a story about two countries names both).
    """
    if a.sent.start == b.sent.start and a.focus[0] < b.focus[1] and b.focus[0] < a.focus[1]:
        return True  # two cues on the same words ("will determine whether ...")
    shared = a.keys & b.keys
    nouns = [k for k in shared if not k.startswith(WEAK_KEY)]
    if any(k not in common for k in nouns) or (near and nouns):
        return True  # a shared noun, unless it is what the whole article is about and far apart
    if nouns and a.kind == b.kind and a.kind in EVENT_KINDS:
        return True  # "the possible Xi-Biden meeting", "the possible high-level meeting": one event
    words = [k for k in shared if not k.startswith(WEAK_KEY + ACTOR_KEY)]
    return len(words) >= 2 or (near and bool(words) and len(shared) > len(words))


def to_question(group: list[Cue], cast: Cast) -> Question | None:
    """One question for the group, phrased from its best cue; None when no cue could be phrased."""
    phrased = sorted(
        (c for c in group if c.question),
        key=lambda c: (
            -c.strength,
            PHRASING_ORDER.index(c.kind),
            len((c.question or "").split()) < 5,
            c.sent.start,
        ),
    )
    chosen, text = None, None
    for cue in phrased:
        text = resolve(cue, cast)
        if text:
            chosen = cue
            break
    if chosen is None or not text:
        return None
    best = sorted(group, key=lambda c: (c is not chosen, -c.strength, c.sent.start))
    cues: list[Cue] = []
    for c in best:
        if len({x.sent.start for x in cues}) >= MAX_EVIDENCE and c.sent.start not in {
            x.sent.start for x in cues
        }:
            continue
        cues.append(c)
    evidence: list[str] = []
    actors: list[str] = []
    for c in sorted(cues, key=lambda c: c.sent.start):
        sent = evidence_text(c)
        if sent not in evidence:
            evidence.append(sent)
        for a in cast.in_span(*c.focus):
            if a not in actors:
                actors.append(a)
    return Question(question=text, evidence=tuple(evidence), actors=tuple(actors))


def evidence_text(cue: Cue) -> str:
    """The cue's sentence, verbatim, cut to the paragraph that holds the cue and without stray quotes."""
    text, start = cue.sent.text, cue.sent.start_char
    lo = text.rfind("\n", 0, max(0, cue.focus[0] - start)) + 1
    hi = text.find("\n", max(0, cue.focus[1] - start))
    text = text[lo : hi if hi >= 0 else len(text)].strip()
    if text[:1] in DOUBLE_QUOTES and sum(text.count(q) for q in DOUBLE_QUOTES) % 2:
        text = text[1:].strip()  # the closing half of a quotation that began a sentence earlier
    return text
