"""Wording: the words of a question, taken from the article's tokens and tidied.

Noun phrases as a question can use them ("this deal" -> "the deal", "its traders" -> the owner's
traders), asides left out (appositives, relative clauses set off by commas, "according to"),
quotation marks dropped, one question mark at the end.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..sentences import DATELINE
from ..spans import entity_of
from ..syntax import own_subject
from .cue import DOUBLE_QUOTES

SIDE_CLAUSES = ("advcl", "parataxis", "npadvmod", "dep", "relcl", "appos", "prn", "acl")


SET_OFF = ("appos", "npadvmod", "acl")
"""Side clauses that count only when punctuation sets them off ("gun-related" is no aside)."""


DEMONSTRATIVES = {"this", "that", "these", "those"}
"""Determiners that point back into the article: a question standing alone says "the"."""


OWNER_KINDS = {
    "its": ("ORG", "GPE", "NORP"),
    "his": ("PERSON",),
    "her": ("PERSON",),
    "their": ("ORG", "NORP", "GPE"),
}
"""Possessive pronouns and the kinds of name they can stand for ("its traders" -> "JPMorgan's traders")."""


def finish(text: str) -> str:
    """Tidy a question's words and end it with one question mark."""
    text = re.sub(r"[\s,;:.?\-–—'\"”’]+$", "", text)
    text = re.sub(r",?\s+or not$", "", text)  # "whether it was intentional or not"
    text = clean_question(text)
    return text[:1].upper() + text[1:] + "?"


def undateline(text: str) -> str:
    m = DATELINE.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def noun_phrase(tok: Token, keep_det: bool = True, trim: bool = False, definite: bool = False) -> str:
    """The words of a noun phrase, as a question can use them: "this deal" becomes "the deal",
    "its traders" the owner's traders; `definite` makes "a ruling" "the ruling"."""
    words = [t for t in tok.subtree if keep_det or not (t.dep_ == "det" and t.head.i == tok.i)]
    if trim:
        words = [t for t in words if not inside(t, tok, SIDE_CLAUSES) and not _according(t, tok)]
    if trim and tok.pos_ == "PROPN":  # a name: its own words, not what the parse hung on it
        kept = {tok.i} | {
            t.i
            for t in words
            if (t.head.i == tok.i and t.dep_ in ("compound", "flat", "det", "poss"))
            or (t.dep_ == "compound" and t.head.dep_ == "compound")
        }
        kept |= {t.i for t in words if t.dep_ == "case" and t.head.i in kept}  # "NBC’s"
        words = [t for t in words if t.i in kept]
    text = phrase_text(words, definite=definite)
    first = words[0] if words else tok
    if (
        tok.pos_ != "PROPN"
        and text[:1].isupper()
        and not (len(text) > 1 and text[1].isupper())
        and first.pos_ != "PROPN"
        and first.text != "I"
        and (not first.ent_type_ or first.pos_ in ("DET", "NUM", "ADV"))
        and (first.is_sent_start or first.i == 0 or first.doc[first.i - 1].is_punct)
    ):
        text = text[0].lower() + text[1:]
    if text.startswith("The ") and first.dep_ == "det":
        text = "the " + text[4:]  # "The NFL" inside a question
    return text.rstrip(" ,;:—–-")


def phrase_text(words: list[Token], definite: bool = False) -> str:
    """Tokens as a question's words, names kept whole: demonstratives and (with `definite`)
    "a"/"an" become "the", a possessive pronoun the name it stands for where the sentence says it."""
    if not words:
        return ""
    head = words[0].head.i
    swap: dict[int, str] = {}
    for t in words:
        if (
            t.dep_ == "det"
            and t.lower_ in DEMONSTRATIVES
            and not t.head.ent_type_
            or definite
            and t.dep_ == "det"
            and t.lower_ in ("a", "an")
            and t.head.i == head
        ):
            swap[t.i] = "the"
        elif (
            t.tag_ == "PRP$"
            and t.lower_ in ("our", "my")
            and t.dep_ == "poss"
            and t.head.dep_ not in ("nsubj", "nsubjpass")
        ):
            swap[t.i] = "the"  # "a boost to our entire city": the speaker's city, named by the evidence
        elif t.tag_ == "PRP$":
            owner = owner_of(t)
            if owner:
                swap[t.i] = owner + "’s"
    chosen = {t.i: t for t in words}
    for t in words:
        if t.ent_type_ and t.i not in swap:
            ent = entity_of(t)
            if ent is not None and not any(x.pos_ in ("VERB", "AUX") for x in ent):
                chosen.update({x.i: x for x in ent})  # names whole; not "Trump accused Holt"
    aside = _bracketed_in(words)
    toks = [t for t in sorted(chosen.values(), key=lambda t: t.i) if not _quote_mark(t) and t.i not in aside]
    toks = [t for n, t in enumerate(toks) if not (t.text == "," and _at_gap(toks, n))]
    out = ""
    for i, t in enumerate(toks):
        out += swap.get(t.i, t.text)
        if i + 1 < len(toks):
            out += t.whitespace_ if toks[i + 1].i == t.i + 1 else " "
    return re.sub(r"\s+", " ", out).strip()


def swapped_possessive(tok: Token) -> bool:
    """'our'/'my' on an object: `phrase_text` says "the" instead."""
    return tok.lower_ in ("our", "my") and tok.dep_ == "poss" and tok.head.dep_ not in ("nsubj", "nsubjpass")


def _at_gap(toks: list[Token], n: int) -> bool:
    """A comma next to words left out ("Cruz, [a graduate of ...,] will"): it separated them."""
    before = toks[n - 1].i if n > 0 else None
    after = toks[n + 1].i if n + 1 < len(toks) else None
    return after is None or before is None or after != toks[n].i + 1 or before != toks[n].i - 1


def _bracketed_in(words: list[Token]) -> set[int]:
    """Indices of the tokens inside parentheses or brackets (the marks included): asides."""
    if not words or not any(t.text in "()[]" for t in words):
        return set()
    doc = words[0].doc
    lo, hi = words[0].sent.start, max(t.i for t in words) + 1
    inside_marks, depth = set(), 0
    for t in doc[lo:hi]:
        if t.text in ("(", "["):
            depth += 1
        if depth > 0 or t.text in (")", "]"):
            inside_marks.add(t.i)
        if t.text in (")", "]"):
            depth = max(0, depth - 1)
    return inside_marks


def _quote_mark(tok: Token) -> bool:
    """A quotation mark, or a comma that only closes a quotation ('assault," from'): a question
    gives the words, not the quoting."""
    if tok.tag_ == "POS" or (
        tok.text in ("’", "'")
        and tok.i > 0
        and not tok.doc[tok.i - 1].whitespace_
        and tok.doc[tok.i - 1].lower_.endswith("s")
    ):
        return False  # "Sanders’ tactics"
    if tok.is_quote or tok.text in DOUBLE_QUOTES + "“”":
        return True
    if tok.text != ",":
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool((after is not None and after.is_quote) or (before is not None and before.is_quote))


def owner_of(pron: Token) -> str | None:
    """The name a possessive pronoun stands for: the named subject of a clause above it in the
    same sentence ("JPMorgan paid ... to settle charges that its traders ..."); "" when it is the
    subject of its own clause ("Obama's lack" in "Obama is trying to distract from his lack")."""
    kinds = OWNER_KINDS.get(pron.lower_)
    if kinds is None:
        return None
    tok = pron.head
    own = True
    for _ in range(8):
        subj = own_subject(tok)
        if subj is not None and pron.i in {t.i for t in subj.subtree}:
            subj, own = None, False  # "its traders had manipulated": the pronoun's own clause
        if subj is not None and subj.i < pron.i:
            if subj.pos_ != "PROPN" or subj.ent_type_ not in kinds:
                return ""  # the first subject above is someone else: the pronoun stays as written
            if own and tok.pos_ in ("VERB", "AUX"):
                return ""
            ent = entity_of(subj)
            return ent.text if ent is not None else subj.text
        if tok.pos_ in ("VERB", "AUX") and subj is not None:
            own = False
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def clean_question(text: str) -> str:
    text = re.sub(r"\s+([,.;:?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = text.replace(DOUBLE_QUOTES[0], "").replace("“", "").replace("”", "")
    return re.sub(r"\s+", " ", text).strip(" ,")


def inside(tok: Token, root: Token, deps: tuple[str, ...]) -> bool:
    """Whether `tok` sits in a side clause (one of `deps`) below `root`. An appositive counts only
    when set off by punctuation: an unpunctuated one is the parser's guess for an object."""
    while tok.i != root.i:
        if tok.dep_ in deps and (tok.dep_ not in SET_OFF or set_off(tok)):
            return True
        tok = tok.head
    return False


def _according(tok: Token, root: Token) -> bool:
    """Inside an "according to X" below `root`: an attribution, not part of the phrase."""
    while tok.i != root.i:
        if tok.lower_ == "according":
            return True
        tok = tok.head
    return False


def set_off(tok: Token) -> bool:
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].is_punct


def runs_on(words: list[Token]) -> bool:
    """Whether the words stop just before a finite verb that has no subject of its own ("close
    loopholes Donald Trump | used to ...", "the military and his rubble comment | was ..."): the
    parse gave that verb's subject to the kept words, so they end mid-clause."""
    if not words:
        return False
    kept = {t.i for t in words}
    doc = words[0].doc
    i = max(kept) + 1
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in (".", "?", "!", ";"):
        i += 1
    if i >= len(doc) or i in kept:
        return False
    nxt = doc[i]
    return (
        nxt.tag_ in ("VBD", "VBZ", "VBP")
        and nxt.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in nxt.children)
        and nxt.dep_ not in ("conj", "aux", "auxpass")
    )


def without_run_on(words: list[Token]) -> list[Token]:
    """The words without the noun phrase the parse took from the next clause, when it hangs on
    as a conjunct or an appositive ("for the military and [his rubble comment] | was ...",
    "close loopholes [Donald Trump] | used to ..."); else the words as they are."""
    if not runs_on(words):
        return words
    kept = {t.i for t in words}
    last = max((t for t in words if not t.is_punct), key=lambda t: t.i, default=None)
    while (
        last is not None
        and last.dep_ in ("compound", "amod", "det", "poss", "nummod")
        and last.head.i in kept
    ):
        last = last.head
    if last is None or last.dep_ not in ("conj", "appos") or last.head.i not in kept:
        return words
    cut = {t.i for t in last.subtree}
    i = min(cut) - 1
    while i in kept and (last.doc[i].dep_ == "cc" or last.doc[i].is_punct):
        cut.add(i)  # the "and" or comma before it
        i -= 1
    left = [t for t in words if t.i not in cut]
    end = next((t for t in reversed(left) if not t.is_punct), None)
    if (
        end is None
        or end.dep_ in ("cc", "compound", "det", "amod")
        or (end.dep_ == "conj" and end.pos_ == "PROPN")
    ):
        return words  # "Nasser Hussain and Peter [Such]": the names run on, no clean cut
    return left
