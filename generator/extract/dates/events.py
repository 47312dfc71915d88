"""Events: the clause each date belongs to, as a short phrase that reads on its own, and who is
in it.

The event is the clause of the verb the date hangs on, with its subject from the parse: a
relative pronoun gives way to the noun it stands for ("the plane, which disappeared on Sunday"
is "The plane disappeared"), a he or she to the person it refers to, a reduced participle
keeps its noun ("an omnibus bill released late Dec. 9" is "An omnibus bill released"), reported
speech keeps who said it ("Trump said Obama was the founder of ISIS"). A date on an event noun
("a meeting later this month") gives that noun phrase. When what is left would not read on its
own ("It did", "What happened", a lone "Thanksgiving"), `event` is None: the entry keeps the
expression and the site shows it, for an editor to fill in.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ...model import TimelineEntry
from ...periods import sort_key
from ..model import Cast, Mention
from ..sentences import DATELINE, doc_text
from ..spans import char_runs, span_over
from ..syntax import FIRST_SECOND_PERSON, HE_SHE, antecedent, governing_verb, is_reporting
from .finding import TimeExpr
from .phrases import Clause, noun_phrase, readable, short, shorten, text_of, tidy, under, vague
from .placement import anchor, comparison_base, fronted, lead_in, own_event, past_aside, spent

AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){0,3}\s*\([A-Z][\w .&-]{1,30}\)\s*[-–—:]+\s*"
)
"""A dateline in title case with its agency ("New York (AFP) –"), which `sentences.DATELINE`
(capitals only) leaves to the sentence."""


SHORT_NOUN_PHRASE = 10
"""Words at most in a noun phrase that stands in for a clause with no readable subject."""
HEARER_VERBS = {"tell", "assure", "inform", "warn", "remind", "notify", "advise"}
"""Reporting verbs whose object is who heard it ("told Reuters that ...")."""


def build_timeline(doc: Doc, exprs: list[TimeExpr], cast: Cast) -> list[TimelineEntry]:
    """One entry per expression, with the clause it dates as `event` and the actors in it."""
    spans = [span_over(doc, x.start_char, x.end_char) for x in exprs]
    all_dates = {i for s in spans if s is not None for i in _with_case(s)}
    people = _People(cast, doc)
    lines = datelines(doc)
    out = []
    for x, span in zip(exprs, spans, strict=True):
        event, actors = _event(span, all_dates | lines, people) if span is not None else (None, ())
        out.append(TimelineEntry(x.text, x.date, x.end, event, actors, span=(x.start_char, x.end_char)))
    return sorted(out, key=lambda e: (e.date is None, sort_key(e.date)))


def _with_case(span: Span) -> set[int]:
    """The date's tokens and the "'s" of a possessive one ("today's offer")."""
    return {t.i for t in span} | {c.i for t in span for c in t.children if c.dep_ == "case"}


class _People:
    """The cast, with its mentions in text order, for "he"/"she" and the actors of a phrase."""

    def __init__(self, cast: Cast, doc: Doc | None = None) -> None:
        self.cast = cast
        self.doc = doc
        self.mentions: list[Mention] = sorted(cast.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.kinds = {a.id: a.kind for a in cast.actors}

    def name_for(self, pronoun: Token) -> str | None:
        """The name of the person a he/she refers to (the nearest person named before it)."""
        found = antecedent(
            self.mentions, self.starts, self.kinds, pronoun.idx, self._main_subject, within=400
        )
        if found is None or not self._main_subject_at(found, pronoun.idx):
            return None
        actor = self.cast.get(found)
        return actor.name if actor is not None else None

    def _main_subject(self, m: Mention) -> bool:
        """The subject of its sentence's main clause, a reported clause before its frame
        included ("Carlineo is a convicted felon, prosecutors said")."""
        tok = self.doc.char_span(m.start, m.end, alignment_mode="expand") if self.doc is not None else None
        if tok is None or tok.root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = tok.root.head
        while verb.head.i != verb.i and (
            verb.dep_ == "conj" or (verb.dep_ == "ccomp" and verb.i < verb.head.i)
        ):
            verb = verb.head
        return verb.dep_ == "ROOT"

    def _main_subject_at(self, actor: str, before: int) -> bool:
        """Whether the person found was the main subject of a sentence (not the nearest name)."""
        return any(
            m.actor == actor and self._main_subject(m)
            for m in self.mentions
            if before - 400 < m.start < before
        )

    def in_tokens(self, tokens: list[Token], extra: list[str]) -> tuple[str, ...]:
        actors: list[str] = list(extra)
        for start, end in char_runs(tokens):
            lo = bisect_left(self.starts, start)
            for m in self.mentions[lo:]:
                if m.start >= end:
                    break
                if m.end <= end and m.actor not in actors:
                    actors.append(m.actor)
        return tuple(actors)


def _event(span: Span, all_dates: set[int], people: _People) -> tuple[str | None, tuple[str, ...]]:
    """The event the date belongs to, as a phrase (None when no readable one can be made)."""
    own = {t.i for t in span}
    skip = set(all_dates) | lead_in(span)
    if spent(span):
        skip -= own  # "spent Monday trying to ...": the day is what the verb takes
    path = {a.i for a in span.root.ancestors}
    word = anchor(span)
    verb = governing_verb(span.root)
    if verb is not None and past_aside(span, verb):
        path -= {t.i for t in verb.subtree}
        verb = governing_verb(verb.head)
    if comparison_base(span):
        return None, ()  # "down from $19.5 billion the previous year": no event of its own
    noun_event = word.pos_ == "NOUN" and word.i not in own
    if noun_event and own_event(word, verb, own, all_dates):
        return _noun_event(word, skip, people)
    if verb is None:
        return None, ()
    found = _verb_event(span, verb, skip, all_dates, path, people)
    if found[0] is None and noun_event and span.root.head.i == word.i:
        return _noun_event(word, skip, people, alone=True)  # "as I did at October's Money 20/20 conference"
    return found


def _noun_event(
    word: Token, skip: set[int], people: _People, alone: bool = False
) -> tuple[str | None, tuple[str, ...]]:
    """The noun phrase a date modifies as the event ("a meeting later this month"); `alone`, the
    noun without what is coordinated with it, and only when short: what stands in for a clause."""
    tokens = [t for t in noun_phrase(word) if t.i not in skip]
    if alone:
        tokens = [t for t in tokens if not under(t, word, {"conj", "cc"})]
        if len(tokens) > SHORT_NOUN_PHRASE:
            return None, ()
    return _finish([tidy(tokens, [word])], None, True, {}, people)


def _verb_event(
    span: Span, verb: Token, skip: set[int], all_dates: set[int], path: set[int], people: _People
) -> tuple[str | None, tuple[str, ...]]:
    """The clause of the verb the date hangs on (or of the verb it completes) as the event."""
    own = {t.i for t in span}
    verb = _event_verb(verb, path)
    noun = _participle_noun(verb)
    if noun is not None:
        return _participle(verb, noun, skip, own, all_dates, path, people)
    skip |= fronted(span, verb)
    for _ in range(3):  # a clause with no subject of its own: the one it completes
        found = _clause_event(verb, span, skip, all_dates, path, people)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        climbs = (verb.dep_ in ("xcomp", "ccomp") or (verb.dep_ == "conj" and not own_subject)) and (
            verb.head.i != verb.i
        )
        upper = governing_verb(verb.head) if climbs else None
        if found is not None or upper is None:
            return found or (None, ())
        path.add(verb.i)
        verb = upper
    return None, ()


def _clause_event(
    verb: Token, span: Span, skip: set[int], all_dates: set[int], path: set[int], people: _People
) -> tuple[str | None, tuple[str, ...]] | None:
    """The clause of `verb` as the event; None when it has no subject that names anything (the
    caller then tries the clause above)."""
    clause = Clause(verb, path, skip, {t.i for t in span}, all_dates)
    clause.walk(verb, True)
    subject, names = _subject(clause, people, skip)
    if names and _named_in_quote(verb, names):
        names = {}  # "Farkas is leaving, he said": "He said Farkas is leaving", not Farkas twice
    body = tidy([t for t in clause.keep if t.i not in skip] + subject, clause.roots + subject[-1:])
    lead = _lead(verb, clause.subject, skip)
    said = bool(lead) and verb.dep_ == "ccomp"
    if said and clause.subject is not None and clause.subject.lower_ in FIRST_SECOND_PERSON:
        return (None, ())  # "Pence told Todd I'll release mine": whose "I" is lost
    if said and not subject and clause.subject is not None and clause.subject.lower_ in ("it", "they"):
        subject = [clause.subject]  # "The company said it will open the plant"
        body = tidy([t for t in clause.keep if t.i not in skip] + subject, clause.roots + subject)
    if not (subject or clause.roots[1:] or lead):
        return None
    if said:
        names = {}  # "Sullivan says he instructed staff", not "Sullivan says Sullivan instructed"
    return _finish([lead, body], verb, True, names, people)


def datelines(doc: Doc) -> set[int]:
    """Tokens of the datelines that open the first paragraphs ("LA CROSSE, Wisc. —", "New York
    (AFP) –"): no event is told there."""
    text = doc_text(doc)
    out: set[int] = set()
    start = 0
    for _ in range(3):
        head = text[start : start + 200]
        m = DATELINE.match(head) or AGENCY_DATELINE.match(head)
        if m is not None:
            span = doc.char_span(start, start + m.end(), alignment_mode="contract")
            out.update(t.i for t in span or ())
        nxt = text.find("\n\n", start)
        if nxt < 0:
            break
        start = nxt + 2
    return out


def _event_verb(verb: Token, path: set[int]) -> Token:
    """The verb whose clause is the event: "started their tour to expand cooperation on
    Thursday" is about the tour; "new polls released Sunday showed ..." about what the polls
    showed (the participle's noun is that verb's subject). The verbs passed on the way up join
    `path`, so the walk keeps them."""
    for _ in range(2):
        infinitive = "to" in {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reduced = verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass")
        if not ((infinitive and verb.dep_ in ("advcl", "xcomp", "acl")) or reduced):
            break
        upper = governing_verb(verb.head) if verb.head.i != verb.i else None
        if upper is None:
            break
        path.update(a.i for a in verb.ancestors if a.i != upper.i and upper.is_ancestor(a))
        path.add(verb.i)
        verb = upper
    return verb


def _participle_noun(verb: Token) -> Token | None:
    """The noun of a reduced relative ("an oil spill sighted on Monday"): the head of a past
    participle without auxiliaries, or the noun right before one the parse hung elsewhere (a
    passive read with the main subject would turn "Crews ... a spill sighted" into "Crews
    sighted")."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ in ("advcl", "conj", "dep") and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return before
    return None


def _participle(
    verb: Token,
    head: Token,
    skip: set[int],
    own: set[int],
    all_dates: set[int],
    path: set[int],
    people: _People,
) -> tuple[str | None, tuple[str, ...]]:
    """A reduced relative as its own event: the noun and its participle ("An oil spill sighted
    off the coast", "The interview taped")."""
    clause = Clause(verb, path, skip, own, all_dates)
    clause.walk(verb, True)
    noun = [t for t in noun_phrase(head, stop=verb.i) if t.i not in skip]
    tokens = tidy(noun + [t for t in clause.keep if t.i not in skip], [head, verb])
    return _finish([tokens], verb, bool(noun) and not vague(head), {}, people)


def _subject(clause: Clause, people: _People, skip: set[int]) -> tuple[list[Token], dict[int, str]]:
    """The clause's subject as words to print, and the name to print for a he/she when the
    person is clear (the last person who was the main subject of a sentence just before); an
    empty list when it names nothing ("it", "what", "I") or stood in a dateline."""
    subject = clause.subject
    if subject is None:
        return [], {}
    if subject.i in skip:  # "LA CROSSE, Wisc. — Gov. Mike Pence blamed": the name after the dateline
        named = next((c for c in subject.children if c.dep_ == "appos" and c.i not in skip), None)
        if named is None:
            return [], {}
        clause.subject = named
        return noun_phrase(named), {}
    if subject.lower_ in HE_SHE:
        name = people.name_for(subject)
        return [subject], ({subject.i: name} if name else {})
    if vague(subject):
        return [], {}
    return [subject], {}


def _lead(verb: Token, subject: Token | None, skip: set[int]) -> list[Token]:
    """Words to put before the clause: the subject it shares with the verb it hangs from ("X met
    Y, noting ..." gives "X noting"), or who reported it ("Trump said" before the claim). A
    complement ("survived being attacked") has none: the verb it completes is the event."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "ccomp" and is_reporting(head):
        reporter = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if reporter is not None and not vague(reporter):
            # "said Jeffrey Halley" reads "Jeffrey Halley said"
            return [*noun_phrase(reporter), head, *_told(head, verb)]
        return []
    if subject is None and verb.dep_ in ("advcl", "acl", "conj"):
        borrowed = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if borrowed is not None and not vague(borrowed):
            return sorted((t for t in noun_phrase(borrowed) if t.i not in skip), key=lambda t: t.i)
    return []


def _named_in_quote(verb: Token, names: dict[int, str]) -> bool:
    """Whether the person a pronoun subject of a reporting verb stands for is named in what the
    verb reports before it."""
    if not is_reporting(verb):
        return False
    said = {t.lower_ for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i for t in c.subtree}
    return any(name.split()[-1].lower() in said for name in names.values())


def _told(verb: Token, said: Token) -> list[Token]:
    """Whom a reporting verb told, when named before what was said ("Sources told CNN that
    ..."): without it, "Sources told Trump had made" reads as telling Trump."""
    if verb.lemma_.lower() not in HEARER_VERBS:
        return []  # "reported income rose": the object of "reported" is what was said
    told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < said.i), None)
    if told is None or vague(told) or told.pos_ not in ("PROPN", "NOUN"):
        return []
    words = noun_phrase(told)
    return words if len(words) <= 4 else []


def _finish(
    parts: list[list[Token]], verb: Token | None, named: bool, names: dict[int, str], people: _People
) -> tuple[str | None, tuple[str, ...]]:
    """The phrase (its parts in order: who reported, as given, then the clause in text order
    with a fronted quotation moved after its verb) and the actors in it; None for the phrase
    when it would not read on its own or stays too long once side phrases are cut."""
    parts = [part if n == 0 and len(parts) > 1 else _in_order(part, verb) for n, part in enumerate(parts)]
    parts = [shorten(part, verb) for part in parts if part]
    tokens = sorted({t.i: t for part in parts for t in part}.values(), key=lambda t: t.i)
    actors = people.in_tokens(tokens, [a for n in names.values() if (a := people.cast.resolve(n))])
    if not tokens or not short(tokens) or not readable(tokens, verb, named):
        return None, actors
    names = {**_determiners(tokens), **names}
    text = " ".join(t for t in (text_of(part, names, n > 0) for n, part in enumerate(parts)) if t)
    return (text[:1].upper() + text[1:]) or None, actors


def _determiners(tokens: list[Token]) -> dict[int, str]:
    """ "the" before a noun whose possessive date was cut ("Today's deal is" reads "The deal
    is", "said at Thursday's meeting" "said at the meeting"), on the noun phrase's first word."""
    ids = {t.i for t in tokens}
    out: dict[int, str] = {}
    for t in tokens:
        cut = [
            c for c in t.children if c.dep_ == "poss" and c.i not in ids and c.ent_type_ in ("DATE", "TIME")
        ]
        if (
            not cut
            or t.pos_ in ("NUM", "SYM")
            or t.like_num
            or any(c.dep_ == "det" and c.i in ids for c in t.children)
        ):
            continue
        first = min((u for u in t.subtree if u.i in ids and u.i > cut[0].i), key=lambda u: u.i, default=t)
        lower = first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_
        out[first.i] = "the " + (first.text[:1].lower() + first.text[1:] if lower else first.text)
    return out


def _in_order(tokens: list[Token], verb: Token | None) -> list[Token]:
    """Tokens in text order, except a quotation fronted before its reporting verb, which goes
    after it ("companies make mistakes, Dimon said" reads "Dimon said companies make mistakes")."""
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    if verb is None or not is_reporting(verb):
        return tokens
    fronted = {t.i for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i for t in c.subtree}
    if not fronted:
        return tokens
    return [t for t in tokens if t.i not in fronted] + [t for t in tokens if t.i in fronted]


__all__ = ["build_timeline", "under"]
