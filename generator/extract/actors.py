"""Actors: named entities repaired, merged into one identity each, with roles from the text.

`extract_actors(doc)` returns a `Cast`: the actors plus every mention of them with offsets,
which the quote, timeline and question extractors use to resolve names to actor ids.

The statistical model gives entity spans; most of its errors on news are at the edges (a
determiner, a score, a dangling "of"), in glued pairs ("Xi-Biden"), in ALL-CAPS headlines it has
rarely seen, and in kinds that the rest of the article settles. Those are repaired here with
token-level rules, then mentions are merged into identities (surnames, first names, acronyms).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from ..names import acronym, name_key, slugify

if TYPE_CHECKING:
    from spacy.language import Language

    from ..registry import Registry


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Lower-case words that end a name only by accident ("the Department of ... of").
DANGLING = {"of", "and", "&", "at", "in", "on", "for", "to", "from", "by", "with", "the", "'s", "’s", "de"}
# Lower-case words that never join two names into one; an entity across them is two names.
SEPARATORS = {"at", "in", "on", "vs", "vs.", "v", "v.", "versus", "against", "beat", "beats", "from", "to"}
DASHES = {"-", "–", "—", "--"}
BREAKS = {",", "(", ")", ":", ";", "[", "]", "/", "|"}
# Prefixes that glue a modifier to a name ("ex-England", "pro-Beijing"): the whole is no actor.
PREFIXES = {"ex", "pro", "anti", "non", "post", "pre", "mid", "neo", "pan", "trans", "all"}
# Combining forms that make one name with what follows ("Indo-Pacific", "Sino-US").
COMBINING = {"indo", "sino", "anglo", "afro", "franco", "euro", "austro", "greco", "judeo", "russo", "italo"}
# Head nouns of events, which the model often calls organisations or places ("UEFA Cup").
EVENT_HEADS = _words(
    "cup open games olympics championship championships tour series prix final finals trophy masters"
    " tournament marathon rally classic day"
)
COMPANY_SUFFIXES = {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "spa", "gmbh", "bhd", "bros"}
MONTHS = _words(
    "january february march april may june july august september october november december jan feb mar"
    " apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"
)
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mr.", "mrs.", "ms.", "dr.", "prof."}
ROLE_PREPS = {"of", "at", "for", "with", "in"}


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or refers to) an actor.

    `kind` says how: "name" (a name or alias), "title" (a role standing in for the name).
    """

    start: int
    end: int
    text: str
    actor: str
    kind: str = "name"


@dataclass(frozen=True)
class Unresolved:
    """A name that fits more than one actor (two people called Wang): reported, not guessed."""

    start: int
    end: int
    text: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Cast:
    """The actors of one article and where they are mentioned."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()

    def get(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, start: int, end: int) -> str | None:
        """Id of the actor mentioned inside [start, end), the longest mention first."""
        best = None
        for m in self.mentions:
            if (
                m.start >= start
                and m.end <= end
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best.actor if best else None

    def resolve(self, name: str) -> str | None:
        """Id of the actor with this name or alias (case and dots ignored), if exactly one has it."""
        key = name_key(name)
        hits = {a.id for a in self.actors if key in {name_key(n) for n in (a.name, *a.aliases)}}
        return hits.pop() if len(hits) == 1 else None

    def in_span(self, start: int, end: int) -> list[str]:
        """Ids of actors mentioned in [start, end), in order of first mention."""
        seen: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.start >= start and m.end <= end and m.actor not in seen:
                seen.append(m.actor)
        return seen


@dataclass(frozen=True)
class Name:
    """A repaired entity mention: character offsets into the article and a kind."""

    start: int
    end: int
    text: str
    kind: str
    label: str = ""
    span: Span | None = field(default=None, compare=False)
    """The tokens in the article's Doc (None when found in a re-read headline)."""


# --- repairs --------------------------------------------------------------------------------------


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _numeric(tok: Token) -> bool:
    """Scores, dates and counts inside a name ("Durham 114", "4-43")."""
    return tok.like_num or bool(re.fullmatch(r"[\d.,:/+\-–]*\d[\d.,:/+\-–]*", tok.text))


def split_pieces(tokens: Sequence[Token], known: Mapping[str, str] | None = None) -> list[list[Token]]:
    """Cut an entity where it joins two names: spaced dashes, commas, brackets, numbers, line
    breaks, "at"/"vs", and glued pairs ("Xi-Biden") when a part is a name elsewhere in `known`."""
    pieces: list[list[Token]] = [[]]
    toks = list(tokens)
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        cut = (
            tok.is_space
            or "\n" in tok.text
            or tok.text in BREAKS
            or _numeric(tok)
            or (tok.text in SEPARATORS and tok.is_lower)
            or tok.lower_ == "or"
            or (tok.lower_ == "and" and _coordinated(toks, i))
            or (tok.lower_ == "of" and prev is not None and prev.lower_.rstrip(".") in COMPANY_SUFFIXES)
            or (tok.text in ("'s", "’s") and nxt is not None and _cap(nxt) and i > 0)
        )
        if tok.text in DASHES:
            spaced = prev is not None and (prev.whitespace_ or tok.whitespace_)
            glued_pair = (
                prev is not None
                and nxt is not None
                and not spaced
                and _cap(prev)
                and _cap(nxt)
                and len(prev.text) > 1
                and prev.lower_ not in COMBINING
                and (name_key(prev.text) in (known or {}) or name_key(nxt.text) in (known or {}))
                and len(toks) == 3
            )
            cut = cut or bool(spaced) or glued_pair
        if cut:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    return [q for p in pieces if p for q in _case_break(p)]


def _coordinated(toks: list[Token], i: int) -> bool:
    """ "Laurent Cabannes and Laurent Benezech": two full names joined by "and" are two actors;
    "Ministry of Ecology and Environment" or "Bosnia and Herzegovina" is one."""
    left, right = toks[:i], toks[i + 1 :]
    return len(left) >= 2 and len(right) >= 2 and all(t.lower_ not in ("of", "for", "and") for t in left)


def _caps(tok: Token) -> bool:
    return tok.is_alpha and tok.is_upper and len(tok.text) > 1


def _case_break(tokens: list[Token]) -> list[list[Token]]:
    """ "Adrian Warner BERLIN": a name in capitals glued after a name in mixed case is a second
    name (a byline before a dateline); a short capital suffix ("Micron Inc", "Shell PLC") is not."""
    for k in range(1, len(tokens)):
        tail = tokens[k:]
        if tokens[k - 1].is_title and all(_caps(t) for t in tail) and sum(len(t.text) for t in tail) >= 4:
            return [tokens[:k], tail]
    return [tokens]


def trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop determiners, possessive endings, dangling prepositions and punctuation at the edges."""
    toks = list(tokens)
    while toks and (
        toks[0].lower_ in DETERMINERS
        or toks[0].is_punct
        or toks[0].lower_ in DANGLING
        or (
            len(toks) > 1
            and toks[0].lower_.rstrip(".") in MONTHS
            and _cap(toks[1])
            and toks[0].ent_type_ != "PERSON"
        )
        or (len(toks) > 1 and any(c.isdigit() for c in toks[0].text))
    ):
        toks = toks[1:]
    while len(toks) > 1 and any(c.isdigit() for c in toks[-1].text):
        toks = toks[:-1]
    while toks and (
        toks[-1].tag_ == "POS"
        or toks[-1].text in ("'s", "’s", "'")
        or (toks[-1].is_punct and toks[-1].text not in (".",))
        or (toks[-1].lower_ in DANGLING and toks[-1].is_lower)
        or (toks[-1].text == "." and len(toks) > 1 and not re.fullmatch(r"[A-Z]", toks[-2].text))
    ):
        toks = toks[:-1]
    return toks


def _honorific_free(toks: list[Token]) -> list[Token]:
    while len(toks) > 1 and toks[0].lower_ in HONORIFICS:
        toks = toks[1:]
        if toks and toks[0].text == ".":
            toks = toks[1:]
    return toks


def _lower_lead_free(toks: list[Token]) -> list[Token]:
    """ "Billionaire Donald Trump", "Telling Jeb Bush": a common noun, verb or adjective the
    model took into a person's name describes or governs the name (capitalised only by its place
    in a sentence or headline); name particles ("de", "van") are not content words and stay."""
    while (
        len(toks) > 1
        and toks[0].tag_ not in ("NNP", "NNPS")
        and toks[0].pos_ in ("NOUN", "VERB", "ADJ", "ADV", "AUX")
        and toks[1].pos_ == "PROPN"
    ):
        toks = toks[1:]
    return toks


def title_fragment(span: Span, tokens: Sequence[Token]) -> bool:
    """A capitalised word that belongs to a job title, not a name: "State" in "Secretary of
    State", "Commerce" in "Minister of Commerce" (the title word before "of" is no entity)."""
    first = tokens[0]
    doc = span.doc
    if first.i < 2 or len(tokens) > 2:
        return False
    of, title = doc[first.i - 1], doc[first.i - 2]
    return of.lower_ == "of" and _cap(title) and not title.ent_type_ and title.pos_ in ("PROPN", "NOUN")


def modifier_prefix(tokens: Sequence[Token]) -> bool:
    """ "ex-England", "pro-Beijing": a lower-case prefix glued to the name makes it a modifier."""
    toks = list(tokens)
    doc = toks[0].doc
    first = toks[0]
    if first.lower_ in PREFIXES and first.is_lower:
        return True
    if first.i >= 2 and doc[first.i - 1].text in DASHES and not doc[first.i - 2].whitespace_:
        return doc[first.i - 2].lower_ in PREFIXES and not doc[first.i - 1].whitespace_
    return False


def initials_person(tokens: Sequence[Token]) -> bool:
    """ "P. Simmons", "J.R. Ewing": initials before a capitalised word are a person's name."""
    toks = [t.text for t in tokens]
    return (
        2 <= len(toks) <= 3
        and all(re.fullmatch(r"[A-Z]\.", t) for t in toks[:-1])
        and toks[-1][:1].isupper()
        and toks[-1][1:2].islower()
    )


def repair(ent: Span, known: Mapping[str, str], offset: int = 0) -> Iterator[Name]:
    """One spaCy entity -> zero or more clean names (`offset` shifts re-read headline pieces)."""
    kind = KINDS.get(ent.label_)
    if kind is None:
        return
    if modifier_prefix(list(ent)):
        return
    pieces = split_pieces(list(ent), known)
    for piece in pieces:
        toks = trim(piece)
        toks = _honorific_free(toks)
        if kind == "person":
            toks = _lower_lead_free(toks)
        if not toks or not any(c.isalpha() for t in toks for c in t.text):
            continue
        if not any(_cap(t) or t.text[:1].isdigit() for t in toks):
            continue
        if len(pieces) == 1 and ent.label_ == "ORG" and title_fragment(ent, toks):
            continue
        if kind != "person" and toks[-1].lower_ in EVENT_HEADS and len(toks) > 1:
            continue
        k = "person" if initials_person(toks) and ent.label_ != "GPE" else kind
        if len(pieces) > 1:
            k = known.get(name_key(" ".join(t.text for t in toks))) or k
        span = ent.doc[toks[0].i : toks[-1].i + 1]
        yield Name(span.start_char + offset, span.end_char + offset, span.text, k, ent.label_, span)


# --- ALL-CAPS headlines ---------------------------------------------------------------------------


CAPS_HINT = re.compile(r"[A-Z]{2,}\W+(?:[^a-z\s]+\s+)*?[A-Z]{2,}")


def caps_runs(doc: Doc, min_words: int = 2, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges written in capitals (headlines, datelines): the model reads them badly.

    Scans whitespace-separated chunks of the text rather than tokens: this runs on every article.
    """
    text = doc.text if text is None else text
    runs: list[tuple[int, int]] = []
    start = last = None
    words = 0
    for m in re.finditer(r"[^\s]+|\n", text):
        chunk = m.group()
        alpha = any(c.isalpha() for c in chunk)
        caps = alpha and not any(c.islower() for c in chunk)
        if caps or (start is not None and chunk != "\n" and not any(c.islower() for c in chunk)):
            if start is None:
                start, words = m.start(), 0
            words += caps and sum(c.isalpha() for c in chunk) > 1
            if alpha:
                last = m.end()
            continue
        if start is not None and last is not None and words >= min_words:
            runs.append((start, last))
        start = last = None
    if start is not None and last is not None and words >= min_words:
        runs.append((start, last))
    out = []
    for a, b in runs:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out


def restore_case(doc: Doc, start: int, end: int, seen: dict[str, Counter[str]]) -> str:
    """The text of doc[start:end] with the casing the article uses elsewhere for each word; an
    unseen function word in lower case, an unseen other word capitalised (a name is likelier)."""
    out = []
    for tok in doc[start:end]:
        word = tok.text
        if any(c.isalpha() for c in word) and word.isupper():
            forms = seen.get(word.lower())
            if forms:
                word = forms.most_common(1)[0][0]
            elif "." in word:
                pass
            elif _dateline(tok):
                word = word[:1] + word[1:].lower()
            else:
                word = word.lower()
        out.append(word + tok.whitespace_)
    return "".join(out).rstrip()


def _dateline(tok: Token, depth: int = 2) -> bool:
    """ "LONDON 1996-08-30", "NEW YORK (Reuters)": a place of up to three words before a date or
    a bracket."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.text == "(" or nxt.like_num or nxt.text[:1].isdigit():
        return True
    return depth > 0 and nxt.is_upper and nxt.is_alpha and _dateline(nxt, depth - 1)


def _attested(doc: Doc, start: int, end: int, seen: dict[str, Counter[str]]) -> bool:
    """Whether a name re-read in a headline is backed by the article: one of its words is written
    with a capital elsewhere, or it stands right before a date or bracket (a dateline)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(any(f[:1].isupper() for f in seen.get(t.lower_, ())) for t in span if t.is_alpha):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.text == "(" or any(c.isdigit() for c in nxt.text))


def _recognise(nlp: Language, texts: list[str]) -> Iterable[Doc]:
    """Entities only, for short re-read pieces: the small models' recogniser has its own
    embedding, so tokenizer + ner is enough and far cheaper than the whole pipeline."""
    if "ner" not in nlp.pipe_names:
        return iter(())
    ner = nlp.get_pipe("ner")
    if any(n.name == "tok2vec-listener" for n in ner.model.walk()):  # type: ignore[attr-defined]
        return nlp.pipe(texts)
    return ner.pipe(nlp.make_doc(t) for t in texts)  # type: ignore[attr-defined]


def headline_names(
    doc: Doc, nlp: Language, known: Mapping[str, str]
) -> tuple[list[Name], list[tuple[int, int]]]:
    """Re-read ALL-CAPS stretches with restored case; returns names and the char ranges covered."""
    text = doc.text
    if not CAPS_HINT.search(text):
        return [], []
    runs = caps_runs(doc, text=text)
    if not runs:
        return [], []
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    bounds = [0] + [c for s, e in runs for c in (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))] + [len(text)]
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        for w in re.findall(r"[^\W\d_]+", text[a:b]):
            if not w.isupper() or len(w) > 1:
                seen[w.lower()][w] += 1
    texts, ranges = [], []
    for s, e in runs:
        restored = restore_case(doc, s, e, seen)
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if len(restored) != end - start:
            continue
        texts.append(restored)
        ranges.append((start, end))
    names: list[Name] = []
    for (start, _), piece in zip(ranges, _recognise(nlp, texts), strict=True):
        for ent in piece.ents:
            for n in repair(ent, known, offset=start):
                if _attested(doc, n.start, n.end, seen):
                    names.append(replace(n, text=text[n.start : n.end], span=doc.char_span(n.start, n.end)))
    return names, ranges


# --- names found in the article -------------------------------------------------------------------


def find_names(doc: Doc, nlp: Language | None = None) -> list[Name]:
    """Repaired names in text order: the model's entities, re-read where the text is in capitals."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for e in doc.ents:
        if e.label_ in KINDS and "-" not in e.text and "(" not in e.text:
            labels[name_key(e.text)][KINDS[e.label_]] += 1
    known = {key: c.most_common(1)[0][0] for key, c in labels.items()}
    for e in doc.ents:
        if e.label_ in KINDS and len(e) > 1 and not any(t.text in DASHES for t in e):
            for t in e:
                if _cap(t):
                    known.setdefault(name_key(t.text), "")
    names: list[Name] = []
    ranges: list[tuple[int, int]] = []
    if nlp is not None:
        names, ranges = headline_names(doc, nlp, known)
    for ent in doc.ents:
        if any(s <= ent.start_char < e for s, e in ranges):
            continue
        names.extend(repair(ent, known))
    text = doc.text
    names.extend(initials_names(doc, names, text))
    names.extend(listed_names(doc, names, known, text))
    names = [
        replace(n, kind="person") if n.kind != "person" and listed_with_country(n, known) else n
        for n in names
    ]
    names.sort(key=lambda n: n.start)
    return names


def listed_names(
    doc: Doc, found: list[Name], known: Mapping[str, str], text: str | None = None
) -> Iterator[Name]:
    """People the model missed in results lists: two or three capitalised words followed by a
    bracketed place the article names elsewhere ("Petr Korda ( Czech Republic )")."""
    taken = {i for n in found if n.span is not None for i in range(n.span.start, n.span.end)}
    for m in re.finditer(r"[A-Za-z]\s*\(\s*[A-Z]", text if text is not None else doc.text):
        found_tok = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
        if found_tok is None or found_tok.start < 3 or doc[found_tok.start - 1].text != "(":
            continue
        tok = doc[found_tok.start - 1]
        close = next((j for j in range(tok.i + 2, min(tok.i + 5, len(doc))) if doc[j].text == ")"), None)
        if close is None or known.get(name_key(doc[tok.i + 1 : close].text)) != "place":
            continue
        start = tok.i
        while start > 0 and tok.i - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        if tok.i - start < 2 or any(i in taken for i in range(start, tok.i)):
            continue
        span = doc[start : tok.i]
        yield Name(span.start_char, span.end_char, span.text, "person", "PERSON", span)


def listed_with_country(name: Name, known: Mapping[str, str]) -> bool:
    """ "Tegla Loroupe ( Kenya )": a full name with a bracketed place after it is a person
    (results lists, line-ups, casualty lists)."""
    span = name.span
    if (
        span is None
        or not 2 <= len(span) <= 4
        or not all(t.text[:1].isupper() or t.text == "-" for t in span)
    ):
        return False
    doc = span.doc
    end = span.end
    if end + 2 >= len(doc) or doc[end].text != "(":
        return False
    close = next((j for j in range(end + 2, min(end + 5, len(doc))) if doc[j].text == ")"), None)
    inside = doc[end + 1 : close] if close is not None else None
    return inside is not None and (
        known.get(name_key(inside.text)) == "place"
        or all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in inside)
    )


INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\. ?){1,2}[A-Z][a-z]")


def initials_names(doc: Doc, found: list[Name], text: str | None = None) -> Iterator[Name]:
    """People the model missed but the text names by initials and surname ("P. Simmons")."""
    taken = {i for n in found if n.span is not None for i in range(n.span.start, n.span.end)}
    for m in INITIALS.finditer(doc.text if text is None else text):
        first = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
        if first is None or last is None:
            continue
        span = doc[first.start : last.end]
        if not any(i in taken for i in range(span.start, span.end)) and initials_person(list(span)):
            yield Name(span.start_char, span.end_char, span.text, "person", "PERSON", span)


# --- identities -----------------------------------------------------------------------------------


@dataclass
class _Group:
    key: str
    names: list[Name]
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def first(self) -> Name:
        return self.names[0]

    @property
    def words(self) -> list[str]:
        return self.best.text.split()

    @property
    def best(self) -> Name:
        """The fullest spelling: most words, then most frequent, then first."""
        counts = Counter(n.text for n in self.names)
        return max(
            self.names, key=lambda n: (not n.text.isupper(), len(n.text.split()), counts[n.text], -n.start)
        )

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]


def _groups(names: Iterable[Name]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for n in names:
        key = name_key(n.text)
        g = groups.setdefault(key, _Group(key, []))
        g.names.append(n)
        g.kinds[n.kind] += 1
    return list(groups.values())


def _settle_kinds(groups: list[_Group]) -> None:
    """A multi-word name the model calls a person as often as something else is a person: full
    names are where the model is surest about people."""
    for g in groups:
        if len(g.kinds) > 1:
            top = g.kinds.most_common()
            if top[0][1] == top[1][1] and "person" in (top[0][0], top[1][0]) and len(g.key.split()) > 1:
                g.kinds["person"] += 1


def merge(groups: list[_Group]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Alias -> owner key for short names that belong to exactly one fuller name; and the names
    that fit several owners (left unresolved)."""
    owner: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    people = [g for g in groups if g.kind == "person" and len(g.key.split()) > 1]
    orgs = [g for g in groups if g.kind in ("organization", "place") and len(g.key.split()) > 1]
    for g in groups:
        words = g.key.split()
        if len(words) == 1:
            hits = [p.key for p in people if words[0] in (p.key.split()[0], p.key.split()[-1])]
            if not hits and g.kind == "person":
                hits = [o.key for o in orgs if words[0] == o.key.split()[-1] and not o.first.text.isupper()]
            if not hits and g.kind == "organization":
                hits = [o.key for o in orgs if o.kind == "organization" and o.key.split()[0] == words[0]]
            if not hits and g.first.text.replace(".", "").isupper():
                letters = g.key.replace(" ", "")
                hits = [
                    o.key
                    for o in groups
                    if o is not g
                    and len(o.key.split()) > 1
                    and acronym(o.words) == letters
                    and len(letters) > 1
                ]
            if len(hits) == 1:
                owner[g.key] = hits[0]
            elif len(hits) > 1 and g.kind in ("person", "organization"):
                ambiguous[g.key] = tuple(hits)
        elif g.kind == "person" and len(words) == 2:
            longer = [
                p.key for p in people if p is not g and len(p.key.split()) > 2 and p.key.endswith(g.key)
            ]
            if len(longer) == 1:
                owner[g.key] = longer[0]
    _resolve_chains(owner)
    for key, fits in list(ambiguous.items()):
        final = {owner.get(h, h) for h in fits}
        if len(final) == 1:  # "Trump" fits "Donald Trump" and "billionaire Donald Trump": one person
            owner[key] = final.pop()
            del ambiguous[key]
    return owner, ambiguous


def _resolve_chains(owner: dict[str, str]) -> None:
    for k, v in list(owner.items()):
        while v in owner and owner[v] != k:
            v = owner[v]
        owner[k] = v


def extract_actors(doc: Doc, nlp: Language | None = None, registry: Registry | None = None) -> Cast:
    """Actors of one article, most important first.

    `nlp` (the pipeline that made `doc`) lets ALL-CAPS headlines be re-read with restored case;
    `registry` links names to curated identities so ids agree across briefings.
    """
    names = find_names(doc, nlp)
    groups = _groups(names)
    _settle_kinds(groups)
    owner, ambiguous = merge(groups)
    by_key = {g.key: g for g in groups}
    members: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        if g.key in ambiguous:
            continue
        members[owner.get(g.key, g.key)].append(g)

    built: list[tuple[Actor, list[Name]]] = []
    for key, parts in members.items():
        main = by_key[key]
        all_names = sorted((n for p in parts for n in p.names), key=lambda n: n.start)
        best = main.best
        kinds: Counter[str] = Counter()
        for p in parts:
            kinds.update(p.kinds)
        top = kinds.most_common()
        kind = main.kind if len(top) > 1 and top[0][1] == top[1][1] else top[0][0]
        if len(key.split()) > 1:
            kind = main.kind  # the full name is where the model is surest; short forms are often misread
        if kind == "person" and len(parts) == 1 and " " not in key and lone_name(main.names):
            kind = "place" if located(main.names) else "organization"
        aliases = sorted(
            {n.text for n in all_names if name_key(n.text) != name_key(best.text)},
            key=all_names_index(all_names),
        )
        info: dict[str, Any] = {"role": None, "affiliation": None}
        if kind == "person":
            info = role_of(all_names)
        actor = Actor(
            id=slugify(best.text),
            name=best.text,
            kind=kind,
            role=info["role"],
            affiliation=info["affiliation"],
            aliases=tuple(aliases),
            mentions=len(all_names),
            span=(all_names[0].start, all_names[0].end),
        )
        built.append((actor, all_names))

    if registry is not None:
        built = registry.link(built)

    built = _unique_ids(built)
    named = [Mention(n.start, n.end, n.text, a.id) for a, ns in built for n in ns]
    titled = title_mentions(doc, [a for a, _ in built], named)
    described = description_mentions(
        doc, [a for a, _ in built], sorted([*named, *titled], key=lambda m: m.start)
    )
    built = [(_with_descriptions(a, described), ns) for a, ns in built]
    mentions = tuple(sorted([*named, *titled, *described], key=lambda m: m.start))
    unresolved = tuple(
        Unresolved(n.start, n.end, n.text, tuple(_id_of(built, by_key[c]) for c in ambiguous[g]))
        for g in ambiguous
        for n in by_key[g].names
    )
    actors = [a for a, _ in built]
    actors.sort(key=salience)
    return Cast(tuple(actors), mentions, unresolved)


def role_heads(role: str) -> set[str]:
    """ "president and CEO" -> {president, ceo}; "Minister of Commerce" -> {minister}."""
    role = re.sub(r"\(.*?\)", "", role)
    heads = set()
    for part in re.split(r"\s+(?:and|&)\s+", role):
        words = re.split(r"\s+of\s+|\s+at\s+", part.strip())[0].split()
        if words:
            heads.add(words[-1].casefold())
    return heads


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
    for m in re.finditer(rf"\b[Tt]he ({heads})\b", doc.text, flags=re.IGNORECASE):
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


PERSONAL = {"he", "she", "his", "her", "him", "himself", "herself"}


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
    (the last one named as a subject), as a reader resolves them. A description counts as a
    person when the article uses its noun as someone's title or a he/she in the same sentence
    takes it up; anything else (the report, the ministry) is left alone."""
    kinds = {a.id: a.kind for a in actors}
    roles = {a.id: set(f"{a.role or ''} {a.affiliation or ''}".casefold().split()) for a in actors}
    titles = person_nouns(doc)

    def titled_at(heads: set[str]) -> set[int]:
        return {at for h in heads for at in titles.get(h, ())}

    starts = [m.start for m in mentions]
    out: list[Mention] = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_:
            continue
        verb = tok.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() not in DESCRIBED_VERBS and not any(
            c.dep_ == "conj" and c.lemma_.lower() in DESCRIBED_VERBS for c in verb.children
        ):
            continue
        left = [t for t in tok.lefts]
        if (
            not left
            or left[0].lower_ != "the"
            or any(t.ent_type_ == "PERSON" or t.tag_ == "PRP$" for t in left)
        ):
            continue
        heads = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ == "conj")}
        end_tok = tok
        for c in tok.rights:
            if c.dep_ in ("relcl", "acl", "appos", "punct") or c.is_punct:
                break
            end_tok = c.right_edge
        start, end = left[0].idx, end_tok.idx + len(end_tok)
        if any(m.start < end and start < m.end and kinds.get(m.actor) == "person" for m in mentions):
            continue
        later = doc[end_tok.i + 1 : tok.sent.end]
        said_of = any(t.lower_ in PERSONAL for t in later)
        owners = {
            a.id
            for a in actors
            if a.kind == "person" and a.role and heads & role_heads(a.role) and a.span and a.span[0] < start
        }
        owners |= {
            m.actor
            for m in mentions
            if m.start < start and m.start in titled_at(heads) and kinds.get(m.actor) == "person"
        }
        titled_later = any(
            heads & role_heads(a.role) for a in actors if a.kind == "person" and a.role
        ) or bool(titled_at(heads))
        if not owners and (titled_later or not said_of):
            continue  # a title the article gives someone only later, or no sign of a person
        words = {t.lower_ for t in left if t.text[:1].isupper() and t.i > left[0].i}
        fits = {o for o in owners if words <= roles[o]} or owners
        salient = _salient_person(doc, mentions, starts, kinds, start)
        who = fits.pop() if len(fits) == 1 else salient if not fits or salient in fits else None
        if who is not None:
            out.append(Mention(start, end, doc.text[start:end], who, kind="title"))
    return out


def _salient_person(
    doc: Doc,
    mentions: list[Mention],
    starts: list[int],
    kinds: dict[str, str],
    before: int,
    within: int = 1500,
) -> str | None:
    """The person last named as a grammatical subject before `before`, else the last person named."""
    i = bisect_left(starts, before) - 1
    nearest = None
    while i >= 0 and mentions[i].start > before - within:
        m = mentions[i]
        if kinds.get(m.actor) == "person" and m.end <= before:
            nearest = nearest or m.actor
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return m.actor
        i -= 1
    return nearest


def _with_descriptions(actor: Actor, described: list[Mention]) -> Actor:
    """A description that stood for the actor is one of the names the article gives them."""
    extra = [m.text for m in described if m.actor == actor.id]
    extra = [re.sub(r"^[Tt]he\s+", "", t) for t in extra]
    new = tuple(dict.fromkeys([*actor.aliases, *(t for t in extra if t not in actor.aliases)]))
    return actor if new == actor.aliases else replace(actor, aliases=new)


def all_names_index(names: list[Name]) -> Any:
    order: dict[str, int] = {}
    for n in names:
        order.setdefault(n.text, n.start)
    return lambda text: order.get(text, 0)


def salience(actor: Actor) -> tuple[int, int]:
    """More mentions first; among equals, the one the article names first."""
    return (-actor.mentions, actor.span[0] if actor.span else 0)


def _id_of(built: list[tuple[Actor, list[Name]]], group: _Group) -> str:
    for a, ns in built:
        if any(n in ns for n in group.names):
            return a.id
    return slugify(group.best.text)


def _unique_ids(built: list[tuple[Actor, list[Name]]]) -> list[tuple[Actor, list[Name]]]:
    seen: Counter[str] = Counter()
    out = []
    for a, ns in built:
        seen[a.id] += 1
        out.append((a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"), ns))
    return out


def lone_name(names: list[Name]) -> bool:
    """A one-word "person" the article never gives a first name, title or voice: in prose the
    model is right about such names, but in lists and tables they are mostly teams and places."""
    glued = any(re.search(r"[A-Z]\w*-[A-Z]", n.text) for n in names)
    return not glued and not any(_paired(n) for n in names) and not person_evidence(names)


def _paired(name: Name) -> bool:
    """Half of a glued pair ("Xi" in "Xi-Biden"): the pair says what kind it is."""
    span = name.span
    if span is None:
        return False
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].text in DASHES and not doc[span.start - 1].whitespace_
    after = span.end < len(doc) and doc[span.end].text in DASHES and not doc[span.end - 1].whitespace_
    return bool(before or after)


def located(names: list[Name]) -> bool:
    """A name that the text puts things "in" or "at" is a place."""
    for n in names:
        if n.span is not None and n.span.start > 0:
            prev = n.span.doc[n.span.start - 1]
            if prev.lower_ in ("in", "at", "near"):
                return True
    return False


SPEECH_VERBS = {"say", "tell", "add", "ask", "note", "explain", "remark", "insist", "claim", "write"}
DESCRIBED_VERBS = SPEECH_VERBS | {
    "state",
    "vow",
    "wonder",
    "argue",
    "warn",
    "announce",
    "declare",
    "respond",
    "reply",
    "tweet",
    "stress",
}


def person_evidence(names: list[Name]) -> bool:
    """Whether the text treats a lone name as a person: it speaks, or a title or honorific
    stands before it ("Mr Such", "captain Lewis")."""
    for n in names:
        if n.span is None:
            continue
        root = n.span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS:
            return True
        doc = n.span.doc
        if n.span.start > 0:
            prev = doc[n.span.start - 1]
            if prev.lower_.rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
                return True
            if (
                prev.is_lower
                and prev.pos_ == "NOUN"
                and prev.dep_ == "compound"
                and prev.head.i >= n.span.start
            ):
                return True
        if any(t.lower_ in ("he", "she", "his", "her") for t in doc[n.span.end : n.span.end + 3]):
            return True
    return False


# --- roles ----------------------------------------------------------------------------------------


def role_of(mentions: list[Name]) -> dict[str, Any]:
    """Role and affiliation from the first mention the article describes."""
    for n in mentions:
        if n.span is None:
            continue
        found = premodifier_role(n.span) or appositive_role(n.span)
        if found:
            return found
    return {"role": None, "affiliation": None}


def _text(tokens: Sequence[Token]) -> str | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def _nominal(tokens: Sequence[Token]) -> bool:
    """A role is a noun phrase: it ends in a noun that is not itself part of a name."""
    last = tokens[-1] if tokens else None
    return (
        last is not None
        and last.pos_ in ("NOUN", "PROPN")
        and last.ent_type_ not in ("PERSON", "GPE", "DATE")
    )


def split_role(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Chinese Foreign Ministry spokesperson" -> (spokesperson, Chinese Foreign Ministry): a
    leading organisation, place or nationality is the affiliation, the rest the role."""
    tokens = _strip_det(tokens)
    i = 0
    while (
        i < len(tokens) and tokens[i].ent_type_ in ("ORG", "GPE", "NORP", "LOC") and tokens[i].ent_iob_ != "O"
    ):
        if i and tokens[i].ent_iob_ == "B" and tokens[i - 1].ent_type_ != tokens[i].ent_type_:
            break
        i += 1
    if 0 < i < len(tokens):
        return tokens[i:], tokens[:i]
    return tokens, []


def premodifier_role(span: Span) -> dict[str, Any] | None:
    """ "Chinese Foreign Ministry spokesperson Wang Wenbin", "China's Minister of Commerce Wang
    Wentao", "his US counterpart John Kerry": the words before the name that modify it."""
    doc = span.doc
    i = span.start - 1
    left: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or tok.is_sent_end:
            break
        if (
            (
                tok.pos_ in ("NOUN", "PROPN", "ADJ")
                or tok.tag_ in ("POS", "HYPH")
                or tok.text in ("-", "’s", "'s")
            )
            or (
                tok.lower_ == "of"
                and left
                and i > 0
                and doc[i - 1].text[:1].isupper()
                and left[0].text[:1].isupper()
            )
            or tok.lower_ == "and"
            and left
            and i > 0
            and doc[i - 1].pos_ == "NOUN"
            and left[0].pos_ == "NOUN"
        ):
            left.insert(0, tok)
        elif tok.tag_ == "PRP$":
            left.insert(0, tok)
            break
        else:
            break
        i -= 1
    while left and (left[0].is_punct or left[0].tag_ == "HYPH"):  # "WASHINGTON (Reuters) - U.S. ..."
        left.pop(0)
    if not left:
        return None
    owner: list[Token] = []
    poss = [j for j, t in enumerate(left) if t.tag_ == "POS" or t.text in ("’s", "'s")]
    if poss:
        owner, left = left[: poss[-1]], left[poss[-1] + 1 :]
    elif left[0].tag_ == "PRP$":
        owner, left = left[:1], left[1:]
    if not left or not _nominal(left) or not any(t.pos_ == "NOUN" or t.is_title for t in left):
        return None
    role, affiliation = split_role(left)
    if owner and owner[-1].tag_ != "PRP$":
        role, affiliation = _strip_det(left), owner
    if not role or not _nominal(role):
        return None
    info: dict[str, Any] = {"role": _text(role), "affiliation": _text(affiliation)}
    if owner and owner[-1].tag_ == "PRP$" and role[-1].lemma_ == "counterpart":
        info = counterpart(span, info)
    return info


def counterpart(span: Span, info: dict[str, Any]) -> dict[str, Any]:
    """ "X's envoy A ... with his US counterpart B": B holds the same post on the other side."""
    sent = span.sent
    for other in reversed([e for e in sent.ents if e.label_ == "PERSON" and e.end <= span.start]):
        theirs = premodifier_role(other) or appositive_role(other)
        if theirs and theirs.get("role"):
            return {
                "role": f"{theirs['role']} (counterpart of {other.text})",
                "affiliation": info["affiliation"],
            }
    return info


def appositive_role(span: Span) -> dict[str, Any] | None:
    """ "Sanjay Mehrotra, president and CEO of Micron Technology", "Lü Xiang, a research fellow
    at the Chinese Academy of Social Sciences": a noun phrase set off by a comma after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    first = doc[span.end + 1]
    if first.ent_type_ in ("PERSON", "GPE", "DATE", "CARDINAL") or first.like_num:
        return None
    if not (first.lower_ in ("a", "an", "the") or first.pos_ in ("NOUN", "ADJ") or first.is_title):
        return None
    phrase: list[Token] = []
    j = span.end + 1
    while j < len(doc) and len(phrase) < 25:
        tok = doc[j]
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.tag_ != "VBN"
            or tok.lower_ in ("who", "which", "that", "said")
        ):
            break
        if tok.is_sent_start and j > span.end + 1:
            break
        if tok.text in (";", "(", ")", "“", '"', ".", ":") or tok.ent_type_ in ("DATE", "TIME"):
            break
        if tok.text == ",":
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is None or not (nxt.ent_type_ in ("ORG", "FAC") and nxt.ent_iob_ == "B"):
                break
        phrase.append(tok)
        j += 1
    while phrase and (phrase[-1].pos_ in ("ADP", "CCONJ", "DET") or phrase[-1].is_punct):
        phrase.pop()
    if not phrase:
        return None
    cut = next(
        (k for k, t in enumerate(phrase) if t.lower_ in ROLE_PREPS and k > 0 and k + 1 < len(phrase)),
        None,
    )
    if cut is None:
        role, affiliation = split_role(phrase)
    else:
        role, affiliation = _strip_det(phrase[:cut]), _strip_det(phrase[cut + 1 :])
        affiliation = _named_tail(affiliation)
    if not role or not _nominal(role) or role[0].pos_ == "PROPN" and role[0].ent_type_:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in role):
        return None
    return {"role": _text(role), "affiliation": _text(affiliation)}


def _named_tail(tokens: list[Token]) -> list[Token]:
    """ "US chip giant Micron Technology" -> "Micron Technology": the organisation named at the end
    of a descriptive phrase."""
    if not tokens or tokens[-1].ent_type_ != "ORG":
        return tokens
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1].ent_type_ == "ORG" and tokens[k].ent_iob_ != "B":
        k -= 1
    if k > 0 and all(t.lower_ != "of" for t in tokens[:k]) and any(t.is_lower for t in tokens[:k]):
        return tokens[k:]
    return tokens
