"""Events: the clause each date belongs to, as text that reads on its own, and who is in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...model import TimelineEntry
from ...periods import sort_key
from ..model import Cast
from ..syntax import char_runs, governing_verb, join, span_over
from .finding import TimeExpr

DROP_DEPS = frozenset(
    ["advcl", "parataxis", "punct", "mark", "cc", "conj", "relcl", "csubj", "discourse", "intj", "dep"]
)
"""Dependents that take the reader elsewhere: side clauses, asides, the next coordinated clause."""
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
SENTENCE_ADVERBS = {"also", "however", "moreover", "meanwhile", "meantime", "separately", "still"}
QUOTE_TOKENS = {'"', "“", "”", "``", "''", "‘", "’"}
"""Quotation marks as the tokenizer writes them: an event is told, not quoted."""
MAX_EVENT_TOKENS = 40
MAX_CCOMP_TOKENS = 25


def build_timeline(doc: Doc, exprs: list[TimeExpr], cast: Cast) -> list[TimelineEntry]:
    """One entry per expression, with the clause it dates as `event` and the actors in it."""
    spans = [span_over(doc, x.start_char, x.end_char) for x in exprs]
    all_dates = {t.i for s in spans if s is not None for t in s}
    out = []
    for x, span in zip(exprs, spans, strict=True):
        event, actors = _event(span, all_dates, cast) if span is not None else (None, ())
        out.append(TimelineEntry(x.text, x.date, x.end, event, actors, span=(x.start_char, x.end_char)))
    return sorted(out, key=lambda e: (e.date is None, sort_key(e.date)))


def _event(span: Span, all_dates: set[int], cast: Cast) -> tuple[str | None, tuple[str, ...]]:
    """The clause the date belongs to: the verb with its subject and objects, minus the date,
    other dates, fronted adverbials and subordinate clauses, so it reads on its own. A date on
    an event noun ("a meeting later this month") gives that noun phrase instead."""
    doc = span.doc
    own = {t.i for t in span}
    skip = set(all_dates)
    for tok in span:
        head = tok.head  # the preposition that introduces the date ("on Friday") goes with it
        if head.dep_ == "prep" and head.i not in own and all(c.i in own for c in head.children):
            skip.add(head.i)
    path = {a.i for a in span.root.ancestors}
    anchor = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
    verb = governing_verb(span.root)
    if anchor.pos_ == "NOUN" and anchor.i not in own and not _argument_of(anchor, verb):
        tokens = [t for t in anchor.subtree if t.i not in skip and not _under(t, anchor, {"relcl", "acl"})]
        return _finish(doc, tokens, [], cast)
    if verb is None:
        return None, ()
    verb = _event_verb(verb, path)
    clause = _Clause(verb, path, skip, own, all_dates)
    clause.walk(verb, True)
    lead: list[Token] = []
    if clause.subject is None and verb.dep_ in ("advcl", "xcomp", "acl") and verb.head.i != verb.i:
        borrowed = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if borrowed is not None:
            lead = [t for t in borrowed.subtree if t.i not in skip]
    return _finish(doc, [t for t in clause.keep if t.i not in skip], lead, cast)


def _event_verb(verb: Token, path: set[int]) -> Token:
    """The verb whose clause is the event: "started their tour to expand cooperation on
    Thursday" is about the tour, "said in a statement released Wednesday" about what was said.
    The verbs passed on the way up join `path`, so the walk keeps them."""
    for _ in range(2):
        infinitive = "to" in {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reduced = verb.tag_ == "VBN" and verb.dep_ == "acl"
        if not ((infinitive and verb.dep_ in ("advcl", "xcomp", "acl")) or reduced):
            break
        upper = governing_verb(verb.head) if verb.head.i != verb.i else None
        if upper is None:
            break
        path.update(a.i for a in verb.ancestors if a.i != upper.i and upper.is_ancestor(a))
        path.add(verb.i)
        verb = upper
    return verb


@dataclass
class _Clause:
    """The tokens of an event clause, collected by walking down from its verb."""

    verb: Token
    path: set[int]
    """The tokens between the date and the verb: always kept."""
    skip: set[int]
    own: set[int]
    all_dates: set[int]
    keep: list[Token] = field(default_factory=list)
    subject: Token | None = field(init=False)

    def __post_init__(self) -> None:
        self.subject = next((c for c in self.verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def walk(self, tok: Token, top: bool) -> None:
        self.keep.append(tok)
        for child in tok.children:
            if child.i in self.skip or child.text in QUOTE_TOKENS:
                continue
            on_path = child.i in self.path
            if not on_path and any(t.i in self.all_dates and t.i not in self.own for t in child.subtree):
                continue
            if (
                not on_path
                and child.dep_ in DROP_DEPS
                and not (not top and child.dep_ in ("punct", "cc", "conj"))
            ):
                continue
            if top and not on_path and self._aside(child):
                continue
            self.walk(child, False)

    def _aside(self, child: Token) -> bool:
        """A dependent of the verb that the event does without: a long reported clause, a
        sentence adverb, a fronted adverbial, "according to", or a relative pronoun subject (the
        noun it stands for is kept instead)."""
        verb = self.verb
        if child.dep_ == "ccomp" and len(list(child.subtree)) > MAX_CCOMP_TOKENS:
            return True
        if child.dep_ == "advmod" and child.lower_ in SENTENCE_ADVERBS:
            return True
        if (
            child.dep_ in ("prep", "advmod", "npadvmod")
            and self.subject is not None
            and child.i < self.subject.i
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "according":
            return True
        if (
            child.dep_ in ("nsubj", "nsubjpass")
            and child.lower_ in RELATIVE_PRONOUNS
            and verb.dep_ == "relcl"
        ):
            self.keep.extend(
                t
                for t in verb.head.subtree
                if t.i < verb.i and not t.is_punct and not _under(t, verb.head, {"relcl"})
            )
            return True
        return False


def _argument_of(noun: Token, verb: Token | None) -> bool:
    """Whether `noun` is the verb's own subject, object or adjunct (not buried deeper)."""
    if verb is None:
        return False
    head = noun.head
    return head.i == verb.i or (head.dep_ in ("prep", "agent") and head.head.i == verb.i)


def _under(tok: Token, top: Token, deps: set[str]) -> bool:
    """Whether `tok` sits inside a dependent of `top` with one of `deps` (e.g. its relative clause)."""
    for a in [tok, *tok.ancestors]:
        if a.i == top.i:
            return False
        if a.dep_ in deps and a.head.i == top.i:
            return True
    return False


def _finish(doc: Doc, body: list[Token], lead: list[Token], cast: Cast) -> tuple[str | None, tuple[str, ...]]:
    """Text of the kept tokens (gaps become one space) and the actors mentioned in them."""
    tokens = sorted({t.i: t for t in body}.values(), key=lambda t: t.i)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "mark")):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens.pop(0)
    tokens = [t for t in tokens if t.text not in QUOTE_TOKENS]
    kept = {t.i for t in tokens}
    # a comma that bordered a dropped clause ("the NRA, which endorsed him, urged") goes with it
    tokens = [t for t in tokens if t.text != "," or (t.i - 1 in kept and t.i + 1 in kept)][:MAX_EVENT_TOKENS]
    if not tokens:
        return None, ()
    body_text = join(tokens)
    if lead and tokens[0].i == tokens[0].sent.start and tokens[0].pos_ != "PROPN":
        body_text = body_text[:1].lower() + body_text[1:]
    text = " ".join(part for part in (join(lead), body_text) if part)
    text = re.sub(r"\s+([,.;:!?)’])", r"\1", text).strip(" ,;:")
    text = re.sub(r",(\s*,)+", ",", text)
    actors: list[str] = []
    for run_start, run_end in char_runs(
        sorted({t.i: t for t in [*lead, *tokens]}.values(), key=lambda t: t.i)
    ):
        for a in cast.in_span(run_start, run_end):
            if a not in actors:
                actors.append(a)
    return (text[:1].upper() + text[1:]) if text else None, tuple(actors)
