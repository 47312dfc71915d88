"""Quoted words nobody says: names for things, titles of works, terms, glosses and nicknames.

News puts quotation marks around more than speech: what something "has been called", the film
"Jaws", the word "irony", a translation ("rule of law"), a nickname (Don "Moose" Jamison). Such
spans may stay in the text but never become quotes; each is told by the words around the marks,
not by what is inside them.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import is_person_noun
from .index import ArticleIndex

NAMING_VERBS = {"call", "dub", "term", "name", "nickname", "title", "entitle", "christen"}
"""Verbs that give something a name: with nobody named as doing it, the quote is that name."""
TERM_NOUNS = {
    "word", "term", "reference", "label", "name", "nickname", "moniker", "title", "headline",
    "hashtag", "acronym", "abbreviation", "epithet", "translation", "motto", "catchphrase", "jargon",
    "euphemism", "buzzword",
}  # fmt: skip
"""Nouns that present what follows as a term, not as someone's words ("the word 'irony'"); "the
phrase" and "the words" often quote someone's use and are left to the frame."""
WORK_NOUNS = {
    "film", "movie", "book", "novel", "series", "show", "song", "album", "play", "musical",
    "documentary", "essay", "poem", "programme", "program", "episode", "exhibition", "exhibit",
    "opera", "painting", "sitcom", "drama", "comedy", "thriller", "memoir", "biography", "single",
    "podcast", "ballet", "magazine", "column", "blog", "game", "franchise", "sequel",
}  # fmt: skip
"""Nouns for works whose titles news writes in quotation marks ("the film 'Jaws'")."""
GLOSS_WORDS = {
    "mean",
    "meaning",
    "means",
    "translate",
    "translated",
    "translates",
    "translation",
    "literally",
}
"""Words that gloss a term ("meaning 'rule of law'", "translated as ...")."""
SHORT_TERM = 6
"""A quoted span of at most this many words can be a term, a title or a nickname."""


def not_speech(ctx: ArticleIndex, start: int, end: int) -> bool:
    """Whether the quoted span at [start, end) is a name, title, term, gloss or nickname."""
    inside = [t for t in ctx.tokens(start, end) if not t.is_punct]
    if not inside or len(inside) > SHORT_TERM:
        return False
    before = _before(ctx, start)
    after = _after(ctx, end)
    return (
        _named(before)
        or _term(before)
        or _gloss(ctx, start, before, inside)
        or _nickname(before, after, inside)
        or _title(before, inside)
    )


def _before(ctx: ArticleIndex, start: int) -> list[Token]:
    """Up to three words before the opening mark, nearest first, determiners skipped."""
    tok = ctx.token_at(start - 1)
    out: list[Token] = []
    doc = ctx.doc
    i = tok.i if tok is not None else -1
    while i >= 0 and len(out) < 3 and doc[i].idx >= start - 60:
        t = doc[i]
        if t.idx < start and not t.is_quote and t.lower_ not in ("a", "an", "the") and not t.is_space:
            out.append(t)
        i -= 1
    return [t for t in out if t.idx + len(t) <= start]


def _after(ctx: ArticleIndex, end: int) -> Token | None:
    tok = ctx.token_at(end)
    doc = ctx.doc
    while tok is not None and tok.i + 1 < len(doc) and (tok.idx < end or tok.is_quote or tok.is_space):
        tok = doc[tok.i + 1]
    return tok if tok is not None and tok.idx >= end else None


def _named(before: list[Token]) -> bool:
    """ "what has been called the 'agency model'", "sometimes called a 'cromnibus'", "so-called",
    "known as": a name given with nobody named as giving it (in "Trump called him 'a total stiff'"
    someone does, and the words are his)."""
    if not before:
        return False
    prev = before[0]
    if prev.lower_ in ("so-called", "dubbed", "aka") or (prev.lower_ == "called" and _glued_so(prev)):
        return True
    if prev.lower_ == "as" and len(before) > 1 and before[1].lemma_ in ("know", "refer", "describe"):
        return not _active_subject(before[1])
    return prev.lemma_ in NAMING_VERBS and prev.tag_ in ("VBN", "VBD") and not _active_subject(prev)


def _glued_so(tok: Token) -> bool:
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "so"


def _active_subject(verb: Token) -> bool:
    """The naming verb has someone doing it: a passive agent, or a subject that can speak (a
    name, a personal pronoun, people: "critics have called it ..."), not "the bill, sometimes
    called ..." which the parse may make the subject."""
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    return any(
        (
            c.dep_ == "nsubj"
            or c.dep_ in ("npadvmod", "dep", "compound")
            and c.i < verb.i
            and c.pos_ == "PROPN"
        )
        and _speaking(c)
        for c in verb.children
    )  # "whom Beck on Wednesday called ...": the name before the verb in a relative clause


def _speaking(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "we", "i", "you")
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or tok.tag_ == "NNS"
        or is_person_noun(tok)
    )


def _term(before: list[Token]) -> bool:
    """ "the word 'irony'", "the reference to 'irony'", "the term 'agency'"."""
    if not before:
        return False
    prev = before[0]
    if prev.lower_ in TERM_NOUNS and prev.pos_ == "NOUN":
        return True
    return prev.lower_ in ("to", "of", "for") and len(before) > 1 and before[1].lower_ in TERM_NOUNS


def _gloss(ctx: ArticleIndex, start: int, before: list[Token], inside: list[Token]) -> bool:
    """ "Rechtsstaat ("rule of law")", "meaning 'rule of law'": a translation or gloss."""
    if before and before[0].lower_ in GLOSS_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in inside):
        return True
    opening = ctx.text[max(0, start - 3) : start]
    if "(" not in opening or len(before) < 2 or before[0].text != "(" or len(inside) > 4:
        return False  # ("I want my dues back," wrote ...): an aside in brackets, not a gloss
    term = before[1]
    return not any(t.pos_ in ("VERB", "AUX") for t in inside) and (
        term.is_quote or term.pos_ in ("PROPN", "X")
    )


def _nickname(before: list[Token], after: Token | None, inside: list[Token]) -> bool:
    """Don "Moose" Jamison, Joko "Jokowi" Widodo: a quoted word inside a name."""
    if not before or after is None or len(inside) > 3:
        return False
    prev = before[0]
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
        and all(t.text[:1].isupper() for t in inside)
    )


def _title(before: list[Token], inside: list[Token]) -> bool:
    """ "the film 'Jaws'", "a book called The Power of Sisterhood", "CNBC's 'Trading Nation'": a
    work named by its title."""
    if not before:
        return False
    prev = before[0]
    capitalised = all(t.text[:1].isupper() or len(t.text) < 4 for t in inside)
    if prev.lemma_.lower() in WORK_NOUNS and prev.pos_ == "NOUN":
        return capitalised
    if prev.tag_ == "POS" and len(before) > 1 and before[1].ent_type_ == "ORG":
        return capitalised  # "CNBC's 'Trading Nation'": a broadcaster's or publisher's programme
    return capitalised and prev.lower_ in ("titled", "entitled")
