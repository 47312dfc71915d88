"""Repairs: one spaCy entity -> zero or more clean names.

Most of the statistical model's errors on news are at the edges of an entity (a determiner, a
score, a dangling "of"), in glued pairs ("Xi-Biden") and in modifiers taken for names
("ex-England"). They are repaired here with token-level rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from spacy.tokens import Span, Token

from ...names import name_key
from ..model import Name
from ..syntax import CALENDAR_WORDS, DASHES, DETERMINERS
from .boundaries import VEHICLES, common_noun, modifier_suffix, party_state, qualifier, without_vehicle
from .heads import head_kind
from .titles import HONORIFICS, NAME_TITLES, bare, is_title


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
# Lower-case words that end a name only by accident ("the Department of ... of").
DANGLING = {"of", "and", "&", "at", "in", "on", "for", "to", "from", "by", "with", "the", "'s", "’s", "de"}
# Lower-case words that never join two names into one; an entity across them is two names.
SEPARATORS = {"at", "in", "on", "vs", "vs.", "v", "v.", "versus", "against", "beat", "beats", "from", "to"}
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


def starts_capital(tok: Token) -> bool:
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
            or (
                tok.text in ("'s", "’s")
                and nxt is not None
                and starts_capital(nxt)
                and i > 0
                and not _owned_name(toks, i)
            )
        )
        if tok.text in DASHES:
            spaced = prev is not None and (prev.whitespace_ or tok.whitespace_)
            glued_pair = (
                prev is not None
                and nxt is not None
                and not spaced
                and starts_capital(prev)
                and starts_capital(nxt)
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


def _owned_name(toks: list[Token], i: int) -> bool:
    """ "Moody's Analytics Inc.", "McDonald's Corp.": a possessive inside a company's name (one
    ending in a corporate suffix, the owner no place), not "China's Foreign Ministry"."""
    return toks[-1].lower_.rstrip(".") in COMPANY_SUFFIXES and not any(t.ent_type_ == "GPE" for t in toks[:i])


def _coordinated(toks: list[Token], i: int) -> bool:
    """ "Laurent Cabannes and Laurent Benezech": two full names joined by "and" are two actors;
    "Ministry of Ecology and Environment", "Bosnia and Herzegovina" and "the Louis Prima and Gia
    Maione Prima Foundation" (the head word at the end names the whole) are one."""
    left = [t for t in toks[:i] if t.lower_ not in DETERMINERS]
    right = toks[i + 1 :]
    if len(left) < 2 or len(right) < 2 or any(t.lower_ in ("of", "for", "and") for t in left):
        return False
    return (
        head_kind(" ".join(t.text for t in right)) is None
        or head_kind(" ".join(t.text for t in left)) is not None
    )


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
        or (toks[0].tag_ == "PRP$" and toks[0].is_lower)  # "her State Department"
        or toks[0].is_punct
        or toks[0].lower_ in DANGLING
        or (
            len(toks) > 1
            and toks[0].lower_.rstrip(".") in CALENDAR_WORDS
            and starts_capital(toks[1])
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


def title_free(toks: list[Token], label: str) -> tuple[list[Token], bool]:
    """ "Mrs Thatcher", "Gov. Rick Perry", "Mother Superior Marie Clare Millea": forms of address
    and offices before a name are no part of it (the role reads them); "Pope Francis" keeps its
    title. True when an office was taken off, which makes the rest a person's name. Outside
    person entities only a run of titles or an abbreviated one counts ("General Motors" and
    "Dr Pepper" stay)."""
    k = 0
    while k < len(toks) - 1 and (
        (is_title(toks[k]) and bare(toks[k].text) not in NAME_TITLES) or (k and toks[k].text == ".")
    ):
        k += 1
    run, rest = [t for t in toks[:k] if t.text != "."], toks[k:]
    if not run or not rest or not starts_capital(rest[0]):
        return toks, False
    office = any(bare(t.text) not in HONORIFICS for t in run)
    dotted = any(t.text.endswith(".") for t in toks[:k])
    if label == "PERSON" or len(run) > 1 or dotted or (not office and len(rest) > 1):
        return rest, office
    return toks, False


def title_chain(span: Span) -> bool:
    """ "California State Park Ranger Supervisor Robert Colligan": a "person" the model found in a
    run of titles right before another person's name is part of the title."""
    doc = span.doc
    j = span.end
    while j < len(doc) and is_title(doc[j]) and doc[j].ent_type_ != "PERSON":
        j += 1
    return j > span.end and j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B"


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
    return (
        of.lower_ == "of"
        and starts_capital(title)
        and not title.ent_type_
        and title.pos_ in ("PROPN", "NOUN")
    )


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


def adjectival(ent: Span) -> bool:
    """ "Indonesian President", "a Malaysian founder", "Catholic faith": a nationality or creed
    used as a word about something else is no actor; "the Indonesians" and "Democrats said" are."""
    root = ent.root
    if any(c.lower_ in ("a", "an") for c in root.children) and root.tag_ not in ("NNS", "NNPS"):
        return True  # "an Indonesian who uses one name": a description of someone
    if root.dep_ in ("acomp", "attr") and root.tag_ != "NNPS":
        return True  # "how American that is"
    if root.tag_ in ("NNS", "NNPS") or root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return root.tag_ == "JJ" and root.dep_ == "conj" and root.head.tag_ == "JJ"
    return root.tag_ == "JJ" or (root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i)


def initials_person(tokens: Sequence[Token]) -> bool:
    """ "P. Simmons", "J.R. Ewing": initials before a capitalised word are a person's name."""
    toks = [t.text for t in tokens]
    return (
        2 <= len(toks) <= 3
        and all(re.fullmatch(r"[A-Z]\.", t) for t in toks[:-1])
        and toks[-1][:1].isupper()
        and toks[-1][1:2].islower()
    )


def opening_word(toks: Sequence[Token]) -> bool:
    """ "Digital forensics experts noted": one word capitalised only because it opens the
    sentence, an adjective of a common noun after it. Tags alone do not tell: the tagger calls
    unfamiliar surnames there adverbs and adjectives too ("Sherbatov said", "Benard, hitting")."""
    if len(toks) != 1 or not toks[0].is_sent_start:
        return False
    tok = toks[0]
    return tok.tag_ == "JJ" and tok.dep_ == "amod" and tok.head.i > tok.i and tok.head.is_lower


def repair(ent: Span, known: Mapping[str, str], offset: int = 0) -> Iterator[Name]:
    """One spaCy entity -> zero or more clean names (`offset` shifts re-read headline pieces)."""
    kind = KINDS.get(ent.label_)
    if kind is None:
        return
    toks_all = list(ent)
    if len(toks_all) > 2 and qualifier(toks_all[:1]):  # "Bedminster, N.J. Roger Ailes, the ...":
        ent = ent.doc[ent.start + 1 : ent.end]  # the state ends a sentence the parse ran on
        toks_all = toks_all[1:]
    if modifier_prefix(toks_all) or modifier_suffix(toks_all) or party_state(toks_all) or qualifier(toks_all):
        return
    parsed = ent.doc.has_annotation("DEP")  # a re-read headline has entities only: no tree to read
    if parsed and ent.label_ in ("ORG", "GPE") and common_noun(toks_all):
        return
    if parsed and ent.label_ == "NORP" and adjectival(ent):
        return
    pieces = split_pieces(list(ent), known)
    for piece in pieces:
        toks = without_vehicle(trim(piece))
        if len(toks) == 1 and toks[0].lower_ in VEHICLES:
            continue
        toks, office = title_free(toks, ent.label_)
        if kind == "person" and title_chain(ent):
            continue
        if kind == "person":
            toks = _lower_lead_free(toks)
        if not toks or not any(c.isalpha() for t in toks for c in t.text):
            continue
        if not any(starts_capital(t) or t.text[:1].isdigit() for t in toks):
            continue
        if (parsed and opening_word(toks)) or any("[" in t.text or "]" in t.text for t in toks):
            continue  # "[W]e": an editor's bracket is inside a quoted word, not a name
        if len(pieces) == 1 and ent.label_ == "ORG" and title_fragment(ent, toks):
            continue
        if kind != "person" and toks[-1].lower_ in EVENT_HEADS and len(toks) > 1:
            continue
        k = "person" if (initials_person(toks) and ent.label_ != "GPE") or office else kind
        if len(pieces) > 1:
            k = known.get(name_key(" ".join(t.text for t in toks))) or k
        span = ent.doc[toks[0].i : toks[-1].i + 1]
        yield Name(span.start_char + offset, span.end_char + offset, span.text, k, ent.label_, span)
