"""Mentions that are no name: a title ("the spokesperson") or a description ("the presumptive
Republican nominee") standing for a person the article names elsewhere."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import DEP, ENT_TYPE, TAG
from spacy.tokens import Doc, Token

from ...model import Actor
from ..model import Mention
from ..sentences import doc_text
from ..syntax import DESCRIBED_SPEAKER_VERBS, THIRD_PERSON_SINGULAR, antecedent, introduced_unnamed
from .titles import SPOKESPEOPLE, person_noun


def role_heads(role: str) -> set[str]:
    """ "president and CEO" -> {president, ceo}; "Minister of Commerce" -> {minister}."""
    role = re.sub(r"\(.*?\)", "", role)
    heads = set()
    for part in re.split(r"\s+(?:and|&)\s+", role):
        words = re.split(r"\s+of\s+|\s+at\s+", part.strip())[0].split()
        if words:
            heads.add(words[-1].casefold())
    return heads


def repeated_mentions(text: str, actors: list[Actor], named: list[Mention]) -> list[Mention]:
    """Places the article writes a person's or organisation's name, alias or (for a person) surname
    again where the model did not mark it ("Oz" found twice, written twenty times; "Sargent"
    after "John Sargent"): each is a mention of that actor when the spelling is that actor's alone."""
    owners: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        if a.kind not in ("person", "organization"):
            continue
        words = a.name.split()
        surname = [words[-1]] if a.kind == "person" and len(words) > 1 and len(words[-1]) > 2 else []
        for spelling in (a.name, *a.aliases, *surname):
            if len(spelling) > 1 and spelling[:1].isupper():
                owners[spelling].add(a.id)
    spellings = sorted((s for s, ids in owners.items() if len(ids) == 1), key=len, reverse=True)
    if not spellings:
        return []
    taken = sorted((m.start, m.end) for m in named)
    starts = [s for s, _ in taken]
    pattern = re.compile(
        r"(?<![\w.’'-])(?:" + "|".join(map(re.escape, spellings)) + r")(?=[’']s\b|[^\w’'-]|$)"
    )
    out = []
    for m in pattern.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if (i >= 0 and taken[i][1] > m.start()) or (i + 1 < len(taken) and taken[i + 1][0] < m.end()):
            continue
        (aid,) = owners[m.group()]
        out.append(Mention(m.start(), m.end(), m.group(), aid))
    return out


def title_mentions(doc: Doc, actors: list[Actor], named: list[Mention]) -> list[Mention]:
    """ "the spokesperson", "the president" after a person the article gave that role: a title
    mention of that person, when no other person in the article holds a post with that name."""
    owners: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for a in actors:
        if a.kind == "person" and a.role:
            for head in role_heads(a.role):
                owners[head].add(a.id)
            first[a.id] = a.span[0] if a.span else 0
    if not owners:
        return []
    taken = [(m.start, m.end) for m in named]
    out = []
    heads = "|".join(re.escape(h) for h in owners)
    for m in re.finditer(rf"\b[Tt]he ({heads})\b", doc_text(doc), flags=re.IGNORECASE):
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        ids = owners.get(tok.lower_)
        if not ids or len(ids) != 1 or tok.i == 0 or tok.ent_type_:
            continue
        det = doc[tok.i - 1]
        if det.lower_ != "the" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
            continue
        (aid,) = ids
        start, end = det.idx, tok.idx + len(tok)
        if start > first[aid] and not any(s < end and start < e for s, e in taken):
            out.append(Mention(start, end, doc[det.i : tok.i + 1].text, aid, kind="title"))
    return out


def person_nouns(doc: Doc) -> dict[str, set[int]]:
    """Nouns the article uses as titles of named people ("nominee" in "Republican nominee Donald
    Trump", "senator" in "Warren, a senator from ..."), each with where those people are named:
    evidence that a description is a person, and which one."""
    out: dict[str, set[int]] = defaultdict(set)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        k = ent.start - 1
        while (
            k >= 0
            and doc[k].pos_ in ("NOUN", "PROPN", "ADJ")
            and doc[k].ent_type_ != "PERSON"
            and ent.start - k < 6
        ):
            if doc[k].pos_ == "NOUN":
                out[doc[k].lemma_.lower()].add(ent.start_char)
            k -= 1
        root = ent.root
        for t in (root.head, *root.children):
            if (t.dep_ == "appos" or root.dep_ == "appos" and t.i == root.head.i) and t.pos_ == "NOUN":
                out[t.lemma_.lower()].add(ent.start_char)
    return out


def description_mentions(doc: Doc, actors: list[Actor], mentions: list[Mention]) -> list[Mention]:
    """Definite descriptions that stand for a person as the subject of a reporting verb ("the
    presumptive Republican nominee wrote", "The former first lady and U.S. senator said"): the
    person whose role the description names, else the person the text is about at that point
    (the last one named as a subject), as a reader resolves them. A bare "the insider" after "an
    insider told" is that unnamed person, unless a named person was given the noun. A
    description counts as a person when the article uses its noun as someone's title or a he/she
    in the same sentence takes it up; anything else (the report, the ministry) is left alone."""
    people = _People.read(doc, actors, mentions)
    out: list[Mention] = []
    for tok in _subject_nouns(doc):
        left = _speaker_description(tok)
        if left is None:
            continue
        heads = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ == "conj")}
        end_tok = tok
        for c in tok.rights:
            if c.dep_ in ("relcl", "acl", "appos", "punct") or c.is_punct:
                break
            end_tok = c.right_edge
        start, end = left[0].idx, end_tok.idx + len(end_tok)
        if any(m.start < end and start < m.end and people.kinds.get(m.actor) == "person" for m in mentions):
            continue
        who = people.described(tok, left, heads, start, end_tok)
        if who is not None:
            out.append(Mention(start, end, doc_text(doc)[start:end], who, kind="title"))
    return out


def _subject_nouns(doc: Doc) -> list[Token]:
    """Singular common nouns that are subjects, outside any entity, found from the Doc's arrays
    (a loop over every token makes a Python object for each)."""
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, TAG, ENT_TYPE])
    deps = numpy.array([strings.add("nsubj"), strings.add("nsubjpass")], dtype="uint64")
    hits = numpy.isin(arr[:, 0], deps) & (arr[:, 1] == strings.add("NN")) & (arr[:, 2] == 0)
    return [doc[int(i)] for i in numpy.nonzero(hits)[0]]


def _speaker_description(tok: Token) -> list[Token] | None:
    """The words before `tok` when it heads "the ..." as the subject of a reporting verb (its own
    or one it is conjoined with), else None."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_:
        return None
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in DESCRIBED_SPEAKER_VERBS and not any(
        c.dep_ == "conj" and c.lemma_.lower() in DESCRIBED_SPEAKER_VERBS for c in verb.children
    ):
        return None
    left = [t for t in tok.lefts]
    if not left or left[0].lower_ != "the" or any(t.ent_type_ == "PERSON" or t.tag_ == "PRP$" for t in left):
        return None
    return left


@dataclass(frozen=True)
class _People:
    """What the article says about its people, for deciding whom a description stands for."""

    doc: Doc
    actors: list[Actor]
    mentions: list[Mention]
    starts: list[int]
    kinds: dict[str, str]
    roles: dict[str, set[str]]
    titles: dict[str, set[int]]

    @classmethod
    def read(cls, doc: Doc, actors: list[Actor], mentions: list[Mention]) -> _People:
        return cls(
            doc,
            actors,
            mentions,
            [m.start for m in mentions],
            {a.id: a.kind for a in actors},
            {a.id: set(f"{a.role or ''} {a.affiliation or ''}".casefold().split()) for a in actors},
            person_nouns(doc),
        )

    def titled_at(self, heads: set[str]) -> set[int]:
        return {at for h in heads for at in self.titles.get(h, ())}

    def described(
        self, tok: Token, left: list[Token], heads: set[str], start: int, end_tok: Token
    ) -> str | None:
        """The person a description stands for: the one its words name as their role (or title
        elsewhere), narrowed by its capitalised words, else the person salient at that point. A
        bare "the insider", "the expert" after "an insider told", "one legal expert said" takes
        up that unnamed person, unless the article gave a named person that noun."""
        later = self.doc[end_tok.i + 1 : tok.sent.end]
        said_of = any(t.lower_ in THIRD_PERSON_SINGULAR for t in later)
        owners = {
            a.id
            for a in self.actors
            if a.kind == "person" and a.role and heads & role_heads(a.role) and a.span and a.span[0] < start
        }
        owners |= {
            m.actor
            for m in self.mentions
            if m.start < start and m.start in self.titled_at(heads) and self.kinds.get(m.actor) == "person"
        }
        titled_later = any(
            heads <= role_heads(a.role) for a in self.actors if a.kind == "person" and a.role
        ) or all(self.titles.get(h) for h in heads)
        bare = all(t.dep_ == "det" or t.is_punct for t in left) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights
        )  # "the insider", "the official, who ...", not "the head of the mission"
        if not owners and (
            (bare and introduced_unnamed(tok))
            or titled_later
            or not (said_of or person_noun(tok))
            or tok.lemma_.lower() in SPOKESPEOPLE
        ):
            return None  # a bare noun, a title given only later, no sign of a person, a body's voice
        words = {t.lower_ for t in left if t.text[:1].isupper() and t.i > left[0].i}
        fits = {o for o in owners if words <= self.roles[o]} or owners
        salient = antecedent(self.mentions, self.starts, self.kinds, start, self._subject)
        return fits.pop() if len(fits) == 1 else salient if not fits or salient in fits else None

    def _subject(self, m: Mention) -> bool:
        """A mention that is a grammatical subject: the person the text is about."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def with_spellings(actor: Actor, found: list[Mention]) -> Actor:
    """Spellings the article uses for the actor on their own (a surname) are aliases."""
    extra = [m.text for m in found if m.actor == actor.id and m.text not in (actor.name, *actor.aliases)]
    return replace(actor, aliases=tuple(dict.fromkeys([*actor.aliases, *extra]))) if extra else actor


def with_descriptions(actor: Actor, described: list[Mention]) -> Actor:
    """A description that stood for the actor is one of the names the article gives them."""
    extra = [m.text for m in described if m.actor == actor.id]
    extra = [re.sub(r"^[Tt]he\s+", "", t) for t in extra]
    extra = [t for t in extra if " " in t or t[:1].isupper()]  # "the man", "the airline": no alias
    new = tuple(dict.fromkeys([*actor.aliases, *(t for t in extra if t not in actor.aliases)]))
    return actor if new == actor.aliases else replace(actor, aliases=new)
