"""Grouping: cues about the same issue become one question with several evidence sentences,
scored by how strongly and how often the story raises it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from ...model import Question, TimelineEntry
from ..model import Cast
from .cue import DOUBLE_QUOTES, PHRASING_ORDER, WEAK_KEY, Cue
from .finding import find_cues

MAX_QUESTIONS = 6
MIN_SCORE = 2.0
"""A group needs one strong cue, or weaker cues that back each other up, to become a question."""
SUPPORT = 1.0
"""Score added by each further sentence about the same issue."""
FILL_TO = 2
FILL_SCORE = 1.25
"""An article with fewer than FILL_TO questions also gets its best weaker ones (a scheduled event)."""


def extract_questions(
    doc: Doc,
    cast: Cast,
    published: date | None = None,
    timeline: Iterable[TimelineEntry] = (),
    limit: int = MAX_QUESTIONS,
) -> Iterator[Question]:
    """Grouped open questions in reading order, at most `limit`, the best supported kept."""
    cues = list(find_cues(doc, published, tuple(timeline)))
    groups = group_cues(cues)
    scored = [(score(g), g) for g in groups]
    phrased = sorted((sg for sg in scored if any(c.question for c in sg[1])), key=lambda sg: -sg[0])
    kept = [sg for sg in phrased if sg[0] >= MIN_SCORE][:limit]
    fill = [sg for sg in phrased if FILL_SCORE <= sg[0] < MIN_SCORE and sg[1][0].kind == "scheduled"]
    kept += fill[: max(0, FILL_TO - len(kept))]
    found: dict[str, Question] = {}
    for _, group in sorted(kept, key=lambda sg: sg[1][0].sent.start):
        question = to_question(group, cast)
        if question is None:
            continue
        same = found.get(question.question)
        if same is not None:  # two groups that ask the same thing: one question
            evidence = tuple(dict.fromkeys(same.evidence + question.evidence))
            actors = tuple(dict.fromkeys(same.actors + question.actors))
            question = replace(same, evidence=evidence, actors=actors)
        found[question.question] = question
    yield from found.values()


def score(group: list[Cue]) -> float:
    """Strongest cue, plus support from further distinct sentences about the same issue."""
    sentences = {c.sent.start for c in group}
    return max(c.strength for c in group) + SUPPORT * (len(sentences) - 1)


def group_cues(cues: list[Cue]) -> list[list[Cue]]:
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
            if related(cue, ordered[j]):
                parent[root(i)] = root(j)
        if cue.anaphoric and i > 0 and cue.sent.start - ordered[i - 1].sent.end < 400:
            parent[root(i)] = root(i - 1)
    groups: dict[int, list[Cue]] = {}
    for i, cue in enumerate(ordered):
        groups.setdefault(root(i), []).append(cue)
    return list(groups.values())


def related(a: Cue, b: Cue) -> bool:
    """Same thing talked about: a shared noun, or two shared words of any kind.

    A shared verb alone is not enough ("stop attacking" and "stop using" are two demands).
    """
    if a.sent.start == b.sent.start and a.focus[0] < b.focus[1] and b.focus[0] < a.focus[1]:
        return True  # two cues on the same words ("will determine whether ...")
    shared = a.keys & b.keys
    return len(shared) >= 2 or any(not k.startswith(WEAK_KEY) for k in shared)


def to_question(group: list[Cue], cast: Cast) -> Question | None:
    """One question for the group, phrased from its best cue; None when no cue could be phrased."""
    phrased = sorted(
        (c for c in group if c.question),
        key=lambda c: (
            PHRASING_ORDER.index(c.kind),
            _pronoun_subject(c.question or ""),
            len((c.question or "").split()) < 5,
            c.sent.start,
        ),
    )
    text = _resolve_pronoun(phrased[0], cast) if phrased else None
    evidence: list[str] = []
    actors: list[str] = []
    for c in sorted(group, key=lambda c: c.sent.start):
        sent = evidence_text(c)
        if sent not in evidence:
            evidence.append(sent)
        for a in cast.in_span(*c.focus):
            if a not in actors:
                actors.append(a)
    if not text:
        return None
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


def _resolve_pronoun(cue: Cue, cast: Cast) -> str | None:
    """ "Can he raise money?" -> "Can <the person last named before the cue> raise money?" """
    q = cue.question or ""
    words = q.split(" ", 2)
    if len(words) < 3 or words[1].lower() not in ("he", "she"):
        return q
    named = set(cast.in_span(*cue.focus))  # "whether he would support Trump": not Trump
    before = [
        m
        for m in cast.mentions
        if cue.focus[0] - 800 <= m.start and m.end <= cue.focus[0] and m.actor not in named
    ]
    people = {a.id: a for a in cast.actors if a.kind == "person"}
    governor = _governing_name(cue)
    if governor is not None:  # "Trump wavered on whether he would ...": the subject above "he"
        parts = [t for t in governor.subtree if t.dep_ == "compound" or t.i == governor.i]
        start, end = parts[0].idx, governor.idx + len(governor)
        actor = cast.get(cast.at(start, end) or cast.resolve(governor.text))
        return f"{words[0]} {actor.name if actor else governor.text} {words[2]}"
    near = [people[m.actor] for m in before if m.actor in people]
    if not near:
        return q
    # Otherwise the one the article is about: a quoted expert's "he" is rarely himself.
    return f"{words[0]} {max(near, key=lambda a: a.mentions).name} {words[2]}"


def _governing_name(cue: Cue) -> Token | None:
    """The named subject of a clause above the cue's "he"/"she", in the same sentence."""
    pronoun = next((t for t in cue.sent if t.idx >= cue.focus[0] and t.lower_ in ("he", "she")), None)
    if pronoun is None:
        return None
    tok = pronoun.head
    while True:
        name = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < pronoun.i), None
        )
        if name is not None:
            return name
        if tok.head.i == tok.i:
            return None
        tok = tok.head


def _pronoun_subject(question: str) -> bool:
    words = question.split()
    return len(words) > 1 and words[1].lower() in {"he", "she", "it", "they", "this", "that"}
