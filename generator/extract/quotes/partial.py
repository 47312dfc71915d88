"""Partial quotes in reported speech: short quoted phrases inside what someone is said to say.

A short quoted phrase with no reporting verb close above it reads as a scare quote. Reported
speech is the exception: a phrase anywhere in the complement clause of the nearest reporting
verb above it ("he said the system would let results be distorted by “biased” teachers"), of a
verb of advice ("advised ... until it was clear that it was “workable”") or of a verb of
thinking with a named subject ("she feared the exams would lead to a “can’t fail” mentality"),
a noun for speech with an owner ("his claim that the pair were “not close”", "Safadi warning
of “dangerous consequences”"), or in a clause an
`as X put it` frames, gives the speaker's own words. The verb must have
someone doing it ("an official said", not "what is predicted"). Names and terms stay out: the
phrase is in lower case, no example a noun's modifier names, and before a noun an adjective or
a verb ("a “can’t fail” mentality", a “common-sense” approach), never a noun ("the “one country,
two systems” formula").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import SUBJECT_DEPS, is_reporting
from .frames import MAX_HOPS, frames
from .index import ArticleIndex
from .speakers import speaker_for, speaker_of

THINKING_VERBS = {"fear", "believe", "think", "worry", "feel", "hope", "expect", "doubt", "suspect"}
"""Verbs of thinking whose complement, with a named subject, reports that person's view; they
frame phrases of two words or more (a lone word under "believes" is as often the writer's)."""
ADVICE_VERBS = {"advise", "recommend"}
"""Verbs of advice: their complement clause is what the adviser said should happen."""
SPEECH_NOUNS = {
    "claim", "statement", "remark", "comment", "warning", "promise", "pledge", "vow", "insistence",
    "assertion", "argument", "suggestion", "complaint", "admission", "allegation", "assurance",
    "prediction", "boast", "contention", "accusation", "belief", "fear", "view",
}  # fmt: skip
"""Nouns for what someone said or thinks: their `that` clause, with an owner ("his claim that
...", "Joseph's insistence that ..."), is the owner's reported speech."""
COMPLEMENT_DEPS = ("ccomp", "xcomp", "oprd")
"""Arcs by which a verb governs what it reports: a clause, or what something is called."""
PREMODIFIER_DEPS = ("compound", "amod", "nmod", "nummod")
PRONOUN_SPEAKERS = {"he", "she", "they", "we", "i", "you"}


def in_reported_speech(ctx: ArticleIndex, start: int, end: int) -> tuple[Token, str | None] | None:
    """The verb whose reported clause holds the short quoted phrase at [start, end), with its
    speaker; None when the phrase reads as a name or term, or no such verb governs it."""
    inside = ctx.tokens(start, end)
    ids = {t.i for t in inside}
    words = [t for t in inside if not t.is_punct]
    heads = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    if not heads or not _wording(ctx, words, heads, end):
        return None
    lo, hi = ctx.paras[ctx.para(start)]
    node = heads[0]
    unnamed: Token | None = None  # a verb of advice whose doer is no actor ("advised by aides")
    for _ in range(MAX_HOPS):
        framed = _as_put(ctx, node)
        if framed is not None:
            return framed, speaker_for(ctx, framed, end)
        parent = node.head
        if parent.i == node.i or not lo <= parent.idx < hi:
            break
        lemma = parent.lemma_.lower()
        if parent.pos_ == "NOUN" and lemma in SPEECH_NOUNS and _completes(node):
            who = _owner(ctx, parent)
            if who is not None:
                return parent, who
        complement = node.dep_ in COMPLEMENT_DEPS and parent.pos_ in ("VERB", "AUX")
        complement = complement and not ctx.quoted_at(parent.idx)
        if complement and (lemma in ADVICE_VERBS or lemma in THINKING_VERBS and len(words) > 1):
            who = speaker_for(ctx, parent, end)
            if who is not None:
                return parent, who
            unnamed = unnamed or (parent if _someone(parent) and lemma in ADVICE_VERBS else None)
        elif lemma == "continue" and node.dep_ == "xcomp":
            pass  # "continued to portray ...": going on doing, not saying
        elif frames(ctx, parent):  # the nearest reporting verb: its clause, or nobody's words
            charge = node.dep_ == "prep" and node.lower_ in ("of", "for")  # "accused X of ..."
            who = speaker_for(ctx, parent, end) if complement or charge else None
            if who is not None or complement and _someone(parent):
                return parent, who
            break
        node = parent
    return (unnamed, None) if unnamed is not None else None


def _wording(ctx: ArticleIndex, words: list[Token], heads: list[Token], end: int) -> bool:
    """Words someone used rather than a name, title or term: all in lower case, not an example
    a noun's modifier names ("events such as the “spying balloon”"), and, right before a noun,
    an adjective or a verb ("“biased” teachers"), not a noun ("a “poll tax” rise")."""
    if any(t.is_alpha and not t.is_lower and t.text != "I" for t in words):
        return False
    if not any(t.is_alpha for t in words):
        return False
    head = heads[0]
    noun = head.head.head
    if head.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in SPEECH_NOUNS:
        return False  # "events such as the “spying balloon”": an example named
    after = ctx.token_at(end)
    while after is not None and after.idx < end + 1 and after.i + 1 < len(ctx.doc):
        after = ctx.doc[after.i + 1]  # past the closing mark
    premodifier = after is not None and after.idx <= end + 2 and after.pos_ in ("NOUN", "PROPN")
    if premodifier or head.dep_ in PREMODIFIER_DEPS and head.head.i > head.i:
        return all(_adjectival(h) for h in heads)
    return True


def _adjectival(tok: Token) -> bool:
    """An adjective, a verb or an adverb, or a hyphenated word that starts with one ("a
    “common-sense” approach", "a “can-do” spirit"), not a noun ("a “poll-tax” rise")."""
    if tok.pos_ in ("ADJ", "VERB", "AUX", "ADV"):
        return True
    doc = tok.doc
    first = tok
    while first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].head.i == tok.i:
        first = doc[first.i - 2]
    return first.i < tok.i and first.pos_ in ("ADJ", "VERB", "AUX", "ADV")


def _completes(node: Token) -> bool:
    """What a noun for speech is about: a clause opened by "that" ("his claim that the pair were
    ...") or "of"/"about" ("Safadi's warning of ...")."""
    if node.dep_ == "prep":
        return node.lower_ in ("of", "about")
    return node.dep_ in ("acl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in node.children
    )


def _owner(ctx: ArticleIndex, noun: Token) -> str | None:
    """Whose claim it is: the name or the "his"/"her" that owns the noun, or a name before it
    ("Safadi warning of ...")."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ in ("his", "her"):
            return ctx.antecedent(c.idx, "m" if c.lower_ == "his" else "f")
        if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1:
            return speaker_of(ctx, c)
    return None


def _someone(verb: Token) -> bool:
    """The verb has a doer who can speak: a noun or personal pronoun as subject, or an agent
    ("an official said", "advised by the policy unit"), not "what is predicted"."""
    for c in verb.children:
        if c.dep_ == "agent":
            return any(o.dep_ == "pobj" for o in c.children)
        if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass":
            return c.pos_ in ("NOUN", "PROPN") or c.lower_ in PRONOUN_SPEAKERS
    return False


def _as_put(ctx: ArticleIndex, node: Token) -> Token | None:
    """ "..., as the New York Times put it": a clause of comparison that names who said it."""
    for c in node.children:
        if c.dep_ != "advcl" or ctx.quoted_at(c.idx):
            continue
        marked = any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        put_it = c.lemma_ == "put" and any(o.dep_ == "dobj" and o.lower_ == "it" for o in c.children)
        if marked and (put_it or is_reporting(c)):
            return c
    return None
