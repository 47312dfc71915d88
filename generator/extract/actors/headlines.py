"""ALL-CAPS headlines and datelines: re-read with the casing the article uses elsewhere.

The model has rarely seen names written in capitals ("CHINA CONFIRMS CLIMATE TALKS"), so those
stretches are re-cased word by word and run through the recogniser again; a name found there
counts only when the article backs it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import Name
from ..sentences import doc_text
from .repairs import repair

if TYPE_CHECKING:
    from spacy.language import Language


CAPS_HINT = re.compile(r"[A-Z]{2,}\W+(?:[^a-z\s]+\s+)*?[A-Z]{2,}")


def caps_runs(doc: Doc, min_words: int = 2, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges written in capitals (headlines, datelines): the model reads them badly.

    Scans whitespace-separated chunks of the text rather than tokens: this runs on every article.
    """
    text = doc_text(doc) if text is None else text
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
    text = doc_text(doc)
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


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case ("Obama Sees 'Personal Insult' if Blacks Don't Rally"): most
    longer words capitalised, and at least one of them a word the article writes in lower case
    elsewhere, so the capitals are the headline's style, not names (a results table is no
    headline: its capitalised words are all names)."""
    lower = set(re.findall(r"(?<![\w’'])[a-z]{4,}", text))
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[^\W\d_][\w’'-]*", m.group())
        long = [w for w in words[1:] if len(w) >= 4]
        if len(words) < 3 or len(words) > 25 or len(long) < 2:
            continue
        capital = [w for w in long if w[:1].isupper() and not w.isupper()]
        if len(capital) >= 0.8 * len(long) and any(w.lower() in lower for w in capital):
            out.append((m.start(), m.end()))
    return out


def as_written_elsewhere(names: list[Name], text: str) -> list[Name]:
    """Names read in title-case lines that hold a word the article writes in lower case elsewhere,
    kept only as far as the article writes them outside those lines ("Obama Speech" -> "Obama";
    "Coal" in "Buy Mines, Sell Coal" -> nothing)."""
    lines = title_case_lines(text)
    if not lines:
        return names
    lower = set(re.findall(r"(?<![\w’'])[a-z]{3,}", text))
    outside = text
    for a, b in lines:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    out = []
    for n in names:
        common = any(w[:1].isupper() and w.lower() in lower for w in n.text.split())
        if not common or not any(a <= n.start < b for a, b in lines):
            out.append(n)
            continue
        kept = _written(n, outside)
        if kept is not None:
            out.append(kept)
    return out


def _written(name: Name, outside: str) -> Name | None:
    """The longest run of the name's words that the text outside the title lines also writes."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", name.text)]
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            a, b = words[i][0], words[i + size - 1][1]
            piece = name.text[a:b].strip(".,;:'’\"")
            if not piece[:1].isupper() or len(piece) < 2:
                continue
            if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", outside):
                start = name.start + name.text.index(piece, a)
                span = name.span.doc.char_span(start, start + len(piece)) if name.span is not None else None
                return replace(name, start=start, end=start + len(piece), text=piece, span=span)
    return None
