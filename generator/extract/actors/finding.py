"""Finding: every name in the article, repaired, in text order.

The model's entities (re-read where the text is in capitals), plus people it misses in
results lists ("Petr Korda ( Czech Republic )") and names written with initials ("P. Simmons").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ...names import acronym, name_key
from ..model import Name
from ..sentences import doc_text
from ..syntax import CALENDAR_WORDS, DASHES, REPORTING_VERBS, candidates
from .boundaries import whole_name
from .headlines import as_written_elsewhere, headline_names
from .institutions import institution_names
from .repairs import KINDS, initials_person, repair, starts_capital
from .tables import table_teams
from .titles import is_title

if TYPE_CHECKING:
    from spacy.language import Language


def find_names(doc: Doc, nlp: Language | None = None) -> list[Name]:
    """Repaired names in text order: the model's entities, re-read where the text is in capitals."""
    ents = doc.ents  # built anew on each access: once
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for e in ents:
        if e.label_ in KINDS and "-" not in e.text and "(" not in e.text:
            labels[name_key(e.text)][KINDS[e.label_]] += 1
    known = {key: c.most_common(1)[0][0] for key, c in labels.items()}
    for e in ents:
        if e.label_ in KINDS and len(e) > 1 and not any(t.text in DASHES for t in e):
            for t in e:
                if starts_capital(t):
                    known.setdefault(name_key(t.text), "")
    names: list[Name] = []
    ranges: list[tuple[int, int]] = []
    if nlp is not None:
        names, ranges = headline_names(doc, nlp, known)
    taken_to = -1
    for k, ent in enumerate(ents):
        if any(s <= ent.start_char < e for s, e in ranges) or ent.start < taken_to:
            continue
        whole = whole_name(ent, ents[k + 1] if k + 1 < len(ents) else None)
        taken_to = whole.end
        names.extend(repair(whole, known))
    text = doc_text(doc)
    names.extend(initials_names(doc, names, text))
    names.extend(listed_names(doc, names, known, text))
    names.extend(spoken_names(doc, names, text))
    names.extend(institution_names(doc, names))
    names.extend(fuller_names(doc, names))
    names.extend(defined_names(doc, names, text))
    names = [
        replace(n, kind="person") if n.kind != "person" and listed_with_country(n, known) else n
        for n in names
    ]
    names = as_written_elsewhere(names, text)
    names = table_teams(doc, names, text)
    names.sort(key=lambda n: n.start)
    return names


def listed_names(
    doc: Doc, found: list[Name], known: Mapping[str, str], text: str | None = None
) -> Iterator[Name]:
    """People the model missed in results lists: two or three capitalised words followed by a
    bracketed place the article names elsewhere ("Petr Korda ( Czech Republic )")."""
    taken = {i for n in found if n.span is not None for i in range(n.span.start, n.span.end)}
    for m in re.finditer(r"[A-Za-z]\s*\(\s*[A-Z]", text if text is not None else doc_text(doc)):
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
    for m in INITIALS.finditer(doc_text(doc) if text is None else text):
        first = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
        if first is None or last is None:
            continue
        span = doc[first.start : last.end]
        if not any(i in taken for i in range(span.start, span.end)) and initials_person(list(span)):
            yield Name(span.start_char, span.end_char, span.text, "person", "PERSON", span)


SIGNED = re.compile(
    r"[”\"][ \t]*(?:[―—–]|--?)[ \t]*([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,3})(?=[ \t]*(?:$|\n|\(|,))",
    re.M,
)
"""A name signing a quotation after a dash ("...” ― Adriana Rodarte")."""


def spoken_names(doc: Doc, found: list[Name], text: str) -> Iterator[Name]:
    """People the model missed where the text has them speak: the subject of a reporting verb
    written as a full name ("Demetric Mercadel, president of ..., said"), or a name signing a
    quotation after a dash."""
    taken = {i for n in found if n.span is not None for i in range(n.span.start, n.span.end)}
    spans = []
    for verb in candidates(doc, REPORTING_VERBS, "VERB"):
        for tok in verb.children:
            if tok.dep_ != "nsubj" or tok.pos_ != "PROPN":
                continue
            left = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if left and left[-1].i == tok.i - 1 and left[0].i == tok.i - len(left):
                spans.append(doc[left[0].i : tok.i + 1])
    for m in SIGNED.finditer(text):
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None:
            spans.append(span)
    for span in spans:
        if (
            2 <= len(span) <= 4
            and not any(t.i in taken or t.ent_type_ for t in span)
            and all(t.is_title and t.is_alpha or re.fullmatch(r"[A-Z]\.?", t.text) for t in span)
            and not any(is_title(t) or t.lower_ in CALENDAR_WORDS for t in span)
        ):
            taken.update(range(span.start, span.end))
            yield Name(span.start_char, span.end_char, span.text, "person", "PERSON", span)


def fuller_names(doc: Doc, found: list[Name]) -> Iterator[Name]:
    """ "Mehmet Oz", "Guadalupe Salinas Hernández": a one-word name the model found, written once
    with the rest of the name around it where the model missed it."""
    single = {
        n.text
        for n in found
        if n.span is not None and len(n.span) == 1 and n.kind in ("person", "organization")
    }
    if not single:
        return
    taken = {
        i for n in found if n.span is not None and len(n.span) > 1 for i in range(n.span.start, n.span.end)
    }
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(single, key=len, reverse=True))) + r")(?!\w)"
    )
    for m in pattern.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        tok = span[0] if span is not None and len(span) == 1 else None
        if tok is None or tok.i in taken:
            continue
        start = end = tok.i
        while (
            start > 0 and tok.i - start < 2 and _name_part(doc[start - 1]) and doc[start - 1].i not in taken
        ):
            start -= 1
        while (
            end + 1 < len(doc)
            and end - tok.i < 2
            and _name_part(doc[end + 1])
            and doc[end + 1].i not in taken
        ):
            end += 1
        if end > start:
            span = doc[start : end + 1]
            taken.update(range(start, end + 1))
            yield Name(span.start_char, span.end_char, span.text, "person", "PERSON", span)


def _name_part(tok: Token) -> bool:
    """A capitalised word the model left outside a person's name: a proper noun, not a title, a
    month, an entity of another kind, or a function word capitalised only because it opens the
    sentence ("First Trump goes to Louisiana")."""
    return (
        tok.pos_ == "PROPN"
        and not (tok.is_sent_start and tok.is_stop)
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.is_alpha
        and tok.ent_type_ in ("", "PERSON")
        and not is_title(tok)
        and tok.lower_ not in CALENDAR_WORDS
    )


_WORD = r"[A-Z][\w&’'-]*"
DEFINED = re.compile(
    rf"((?:{_WORD}[ \t]+(?:(?:of|for|and|the|on|in|&)[ \t]+)*){{1,10}}{_WORD})[ \t]*\(([A-Z]{{2,8}})\)"
)
"""A name followed by the acronym it defines ("Leadership Conference of Women Religious (LCWR)")."""


def defined_names(doc: Doc, found: list[Name], text: str) -> Iterator[Name]:
    """Organisations the text defines an acronym for, where the model missed the long form: the
    shortest run of capitalised words before the brackets whose initials spell the acronym."""
    taken = [(n.start, n.end) for n in found]
    for m in DEFINED.finditer(text):
        letters = m.group(2).lower()
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
        tail = next((k for k in range(len(words)) if acronym([w for _, w in words[k:]]) == letters), None)
        if tail is None or not words[tail][1][:1].isupper():
            continue
        start, end = m.start(1) + words[tail][0], m.end(1)
        span = doc.char_span(start, end)
        if span is not None and not any(s < end and start < e for s, e in taken):
            yield Name(start, end, span.text, "organization", "ORG", span)
