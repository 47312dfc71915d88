"""Phrases: the words of an event clause, cleaned into a short phrase that reads on its own, or
nothing when what is left would not.

`Clause` walks down from the event's verb and keeps its subject, objects and adjuncts, leaving
out the dates, side clauses, asides and appositions. `finish` then drops what the cuts left
hanging (a preposition whose object was the date: "Late in ... the Fed gave", a "the" without
its noun) and `readable` says whether the result is an event a reader can take in without the
sentence around it: a verb with a subject that names someone or something, not "It did", "What
happened", "I wake up".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..spans import join
from ..syntax import DASHES, FIRST_SECOND_PERSON, is_reporting
from .placement import DASH_MARKS, second_object

DROP_DEPS = frozenset(
    ["advcl", "parataxis", "punct", "mark", "cc", "conj", "relcl", "csubj", "discourse", "intj", "dep"]
)
"""Dependents that take the reader elsewhere: side clauses, asides, the next coordinated clause."""
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
SENTENCE_ADVERBS = {
    "also",
    "however",
    "moreover",
    "meanwhile",
    "meantime",
    "separately",
    "still",
    "now",
    "then",
}
QUOTE_TOKENS = {'"', "“", "”", "``", "''", "‘", "’"}
"""Quotation marks as the tokenizer writes them: an event is told, not quoted."""
VAGUE_SUBJECTS = {
    "it", "they", "this", "that", "these", "those", "what", "which", "who", "there", "one", "whatever",
    "whoever",
}  # fmt: skip
"""Subjects that say nothing out of their sentence ("It did", "What happened", "Whatever happened")."""
ANAPHORIC = {"such", "same"}
"""Words that point back into the text: "the first such signing" names nothing on its own."""
KEPT_PUNCT = ("-", "'", "’", "&", "$", "%")
"""Punctuation that belongs inside words and amounts ("air-force", "Wein's", "$4.9")."""
CONTENT_NOUNS = {
    "fact", "claim", "news", "idea", "notion", "belief", "report", "sign", "evidence", "hope", "fear",
    "view", "assurance", "promise", "suggestion", "possibility", "argument", "allegation", "assertion",
}  # fmt: skip
"""Nouns whose "that" opens what they say, not a relative clause ("the facts that he stayed")."""
MAX_TOKENS = 28
MAX_CCOMP_TOKENS = 25


@dataclass
class Clause:
    """The tokens of an event clause, collected by walking down from its verb."""

    verb: Token
    path: set[int]
    """The tokens between the date and the verb: always kept."""
    skip: set[int]
    own: set[int]
    all_dates: set[int]
    keep: list[Token] = field(default_factory=list)
    subject: Token | None = field(init=False)
    roots: list[Token] = field(init=False)
    """Where the phrase hangs from: the verb, and the noun a relative pronoun stands for."""

    def __post_init__(self) -> None:
        self.subject = next((c for c in self.verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        self.roots = [self.verb]

    def walk(self, tok: Token, top: bool) -> None:
        self.keep.append(tok)
        for child in tok.children:
            if child.i in self.skip or child.text in QUOTE_TOKENS:
                continue
            on_path = child.i in self.path
            if top and child.dep_ == "mark" and _object_relative(child, self.verb):
                noun = child.doc[child.i - 1]  # "the Magic Keyboard that Apple released" as a ccomp
                self.keep.extend(noun_phrase(noun, stop=child.i))
                self.roots.append(noun)
                continue
            holds_date = any(t.i in self.all_dates and t.i not in self.own for t in child.subtree)
            if not on_path and holds_date and not self._core(child):
                continue
            if (
                not on_path
                and child.dep_ in DROP_DEPS
                and not (not top and child.dep_ in ("punct", "cc", "conj"))
            ):
                continue
            if not on_path and (
                aside_apposition(child) or aside_participle(child) or second_object(child, DASH_MARKS)
            ):
                continue
            if top and not on_path and self._aside(child):
                continue
            self.walk(child, False)

    def _core(self, child: Token) -> bool:
        """An argument the clause needs though it holds another date ("bought the home in 2008"
        keeps "the home"): walked, the dates inside are skipped anyway."""
        return child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "xcomp", "ccomp")

    def _aside(self, child: Token) -> bool:
        """A dependent of the verb that the event does without: a long reported clause, a
        sentence adverb, a fronted adverbial, "according to", or a relative pronoun subject (the
        noun it stands for is kept instead)."""
        verb = self.verb
        if child.dep_ == "ccomp" and len(list(child.subtree)) > MAX_CCOMP_TOKENS:
            return True
        if child.dep_ in ("ccomp", "conj") and not is_reporting(verb) and _dash_between(child, verb):
            return True  # "X are new — the first took place in 2010 —": the aside is the clause
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
            noun = verb.head
            if noun.pos_ in ("NOUN", "PROPN") and not vague(noun):
                self.keep.extend(noun_phrase(noun, stop=verb.i))
                self.roots.append(noun)
                self.subject = noun
            return True
        if child.dep_ == "dobj" and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            noun = verb.head  # "a finding that she reported": "A finding she reported"
            relative = noun.lemma_.lower() not in CONTENT_NOUNS  # "the fact that X stayed": X's clause
            if relative and child.pos_ == "PRON" and noun.pos_ in ("NOUN", "PROPN") and not vague(noun):
                self.keep.extend(noun_phrase(noun, stop=verb.i))
                self.roots.append(noun)
            return True  # a "that" the parse took for an object opens the clause: left out
        return False


def _object_relative(mark: Token, verb: Token) -> bool:
    """A "that" right after a noun opening a clause whose verb lacks its object: a relative
    clause the parse took for a complement ("the keyboard that Apple released")."""
    before = verb.doc[mark.i - 1] if mark.i > 0 else None
    return (
        mark.lower_ == "that"
        and verb.dep_ == "ccomp"
        and verb.tag_ in ("VBD", "VBN")
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and before.lemma_.lower() not in CONTENT_NOUNS
        and not any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "acomp", "oprd") for c in verb.children)
    )


def _dash_between(child: Token, verb: Token) -> bool:
    """Whether a dash stands between a dependent clause and its verb (it is set off)."""
    words = sorted(t.i for t in child.subtree)
    lo, hi = (words[-1], verb.i) if words[-1] < verb.i else (verb.i, words[0])
    return any(t.text in DASHES for t in verb.doc[lo + 1 : hi])


def aside_apposition(tok: Token) -> bool:
    """An apposition set off by a comma, bracket or dash ("the AirAsia group, the low-cost airline
    with affiliates in ..."): a description the event does without. One that is a name ("his
    counterpart John Kerry") stays."""
    if tok.dep_ != "appos":
        return False
    first = min(t.i for t in tok.subtree)
    before = tok.doc[first - 1] if first > 0 else None
    return before is not None and (before.text in (",", "(") or before.text in DASHES)


def aside_participle(tok: Token) -> bool:
    """A participle phrase on a noun set off by a comma ("the territories, seen as parts of a
    future state,"): a description the event does without; not one whose coordination the parse
    left open ("celebrated by lighting lamps, and often, by setting off fireworks"): its second
    half hangs elsewhere and would be left behind."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBG") or any(c.dep_ == "cc" for c in tok.children):
        return False
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].text == ","


def noun_phrase(noun: Token, stop: int | None = None) -> list[Token]:
    """The noun with its modifiers, without relative clauses, set-off appositions or anything
    from `stop` on ("the plane" of "the plane, which disappeared")."""
    out = []
    for t in noun.subtree:
        if stop is not None and t.i >= stop:
            break
        if t.is_punct and t.text not in KEPT_PUNCT:
            continue
        if under(t, noun, {"relcl", "acl"}) or any(aside_apposition(a) for a in _between_up(t, noun)):
            continue
        out.append(t)
    return out


def _between_up(tok: Token, top: Token) -> list[Token]:
    """`tok` and its ancestors below `top`."""
    out = []
    for a in [tok, *tok.ancestors]:
        if a.i == top.i:
            break
        out.append(a)
    return out


def under(tok: Token, top: Token, deps: set[str]) -> bool:
    """Whether `tok` sits inside a dependent of `top` with one of `deps` (e.g. its relative clause)."""
    for a in [tok, *tok.ancestors]:
        if a.i == top.i:
            return False
        if a.dep_ in deps and a.head.i == top.i:
            return True
    return False


def tidy(tokens: list[Token], roots: list[Token]) -> list[Token]:
    """The kept tokens without what the cuts left hanging: words whose head was cut (except the
    `roots` of the phrase), a preposition without its object, quotation marks, a comma that
    bordered a dropped clause, punctuation at either end."""
    top = {r.i for r in roots}
    kept = {t.i: t for t in tokens if t.text not in QUOTE_TOKENS}
    changed = True
    while changed:
        changed = False
        for i, t in list(kept.items()):
            if t.i in top or t.is_punct:
                continue
            if t.head.i not in kept or _hanging(t, kept):
                del kept[i]
                changed = True
    out = sorted(kept.values(), key=lambda t: t.i)
    out = [t for t in out if not t.is_punct or t.text in KEPT_PUNCT[1:] or _between(t, kept)]
    out = [t for t in out if t.text not in DASHES or _between(t, kept)]
    while out and (
        (out[-1].is_punct and out[-1].text != "%")
        or out[-1].dep_ in ("cc", "prep", "mark", "det", "poss", "aux", "case")
    ):
        out.pop()  # "by 30%" keeps its sign
    while out and (out[0].is_punct or out[0].dep_ in ("cc", "mark", "prep", "case")):
        out.pop(0)  # "’s offer" of a possessive date cut away
    return out


def _hanging(t: Token, kept: dict[int, Token]) -> bool:
    """A function word left without what it introduces."""
    if t.dep_ in ("prep", "agent") and not t.like_num:  # "5-2" parsed as a preposition is a score
        return not any(c.i in kept for c in t.children if c.dep_ in ("pobj", "pcomp"))
    return False


def _between(t: Token, kept: dict[int, Token]) -> bool:
    """A comma or dash with kept words on both sides, glued to neither gap."""
    return t.i - 1 in kept and t.i + 1 in kept


def readable(tokens: list[Token], verb: Token | None, subject_named: bool) -> bool:
    """Whether the phrase stands alone: a verb with a subject that names something (or a noun
    phrase of more than one word that names an event), not a bare pronoun, a question word, a
    first or second person out of their quotation, or a lone auxiliary ("It did")."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 2:
        return False
    if verb is None:
        content = [
            t for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and t.lower_ not in ANAPHORIC
        ]
        return len(content) >= 2 and not any(t.lower_ in ANAPHORIC for t in words)
    if verb.i not in {t.i for t in tokens} or not subject_named:
        return False
    # "It did", "He was": a verb that says nothing without its complement
    return verb.lemma_ not in ("do", "be", "have") or any(
        c.dep_ in ("dobj", "attr", "acomp", "xcomp", "prep") for c in verb.children
    )


def vague(subject: Token | None) -> bool:
    """A subject that names nobody out of context: "it", "what", "I", "we", "you"."""
    if subject is None:
        return True
    low = subject.lower_
    if subject.pos_ == "ADJ" and [c.dep_ for c in subject.children] == ["det"]:
        return True  # "the first took place", "the latter said": an adjective points back
    return low in VAGUE_SUBJECTS or low in FIRST_SECOND_PERSON


def text_of(tokens: list[Token], names: dict[int, str], inside: bool = False) -> str:
    """The phrase as text: the article's spacing between neighbours, one space across a gap, a
    pronoun replaced by the name it stands for, and a word that began its sentence (or its
    quotation) in lower case when it no longer begins the phrase (`inside`: this part follows
    another)."""
    parts: list[str] = []
    names = {**_articles(tokens), **names}
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        word = names.get(tok.i, tok.text)
        if prev is not None:
            parts.append(prev.whitespace_ if tok.i == prev.i + 1 else " ")
        if (
            (prev is not None or inside)
            and tok.i not in names
            and _opens(tok)
            and tok.pos_ != "PROPN"
            and tok.text != "I"
        ):
            word = word[:1].lower() + word[1:]
        parts.append(word)
    text = "".join(parts).strip()
    text = re.sub(r"\s+([,.;:!?)’])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    if text.count("(") != text.count(")"):  # a bracket whose other half was cut
        text = re.sub(r"\s*[()]\s*", " ", text)
    return re.sub(r",(\s*,)+", ",", text).strip(" ,;:-–—")


def _articles(tokens: list[Token]) -> dict[int, str]:
    """ "a"/"an" agreeing with the word that now follows it, where the words between were cut
    ("an Oct. 21 cabinet meeting" reads "a cabinet meeting", "a Nov. 6 event" "an event")."""
    out: dict[int, str] = {}
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if tok.lower_ not in ("a", "an") or nxt.i == tok.i + 1 or not nxt.text[:1].isalpha():
            continue
        word = "an" if nxt.text[0].lower() in "aeiou" else "a"
        out[tok.i] = word.capitalize() if tok.text[0].isupper() else word
    return out


def _opens(tok: Token) -> bool:
    """Whether the word starts its sentence or a quotation."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return bool(tok.is_sent_start) or (prev is not None and prev.text in QUOTE_TOKENS)


def short(tokens: list[Token]) -> bool:
    return len([t for t in tokens if not t.is_punct]) <= MAX_TOKENS


def shorten(tokens: list[Token], verb: Token | None) -> list[Token]:
    """A phrase over the limit without its trailing side phrases, last first: phrases on the
    verb after its object ("produced the first festival in what is now Congo Square"), then
    phrases on nouns ("the vote of the board of the company")."""
    kept = list(tokens)
    for level in ("verb", "noun"):
        while not short(kept):
            cut = _last_side_phrase(kept, verb, level)
            if cut is None:
                break
            gone = {t.i for t in cut.subtree}
            kept = [t for t in kept if t.i not in gone]
    return kept


def _last_side_phrase(tokens: list[Token], verb: Token | None, level: str) -> Token | None:
    """The last preposition or participle phrase hanging on the verb (or on a noun)."""
    ids = {t.i for t in tokens}
    for t in reversed(tokens):
        if t.dep_ not in ("prep", "acl", "advmod", "npadvmod", "xcomp") or t.head.i not in ids:
            continue
        on_verb = verb is not None and t.head.i == verb.i
        after_verb = verb is not None and t.i > verb.i
        if (level == "verb" and on_verb and after_verb) or (
            level == "noun" and not on_verb and t.dep_ != "xcomp"
        ):
            return t
    return None


__all__ = ["Clause", "join", "noun_phrase", "readable", "shorten", "text_of", "tidy", "under", "vague"]
