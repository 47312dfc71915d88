"""Speakers: the actor behind a reporting verb, a signature dash or a transcript turn.

The subject of the verb names the speaker (a name, a pronoun's antecedent, "the ministry");
when the parse gave the verb no subject, the name beside it or between the quote and the verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..syntax import (
    HE_SHE,
    INDEFINITE,
    REPORTED_SPEECH_VERBS,
    SUBJECT_DEPS,
    introduced_unnamed,
    is_person_noun,
    is_reporting,
    reporting_subject,
)
from .index import ArticleIndex
from .nominal import nominal_speaker, stands_for_body

SIGNATURE = re.compile(r"[”\"»]?[ \t]*(?:[―—–]|--?)[ \t]*(?=\w)")
"""A dash after a closing mark that signs the quote with a name ("...” ― Maya Angelou)."""
TURN = re.compile(r"\s*[\"“]?\s*([A-Z][A-Z'’.\- ]{1,40}[A-Z]):\s")
"""A transcript turn: a paragraph that opens with its speaker's name in capitals and a colon."""


def speaker_for(ctx: ArticleIndex, verb: Token, quote_end: int | None = None) -> str | None:
    """The actor who reports through `verb`: its subject, or the agent of a passive; when the
    parse gave the verb no subject, the name it modifies ("footage of Clinton asking"), the name
    between a quotation and the verb, a name right beside it ("Chief Chuck Jordan said", "said
    Chuck Jordan", "Paul Ryan (R-WI) said"), or the subject of the clause a participle follows."""
    if verb.tag_ == "VBG" and verb.i > 0 and ctx.doc[verb.i - 1].dep_ == "pobj":
        m = ctx.mention_over(ctx.doc[verb.i - 1])  # footage of Clinton asking, "..."
        if m is not None and ctx.kinds.get(m.actor) == "person":
            return m.actor
    cited = _quoted_as(verb)
    if cited is not None:  # "local newspapers quote Salinas as saying"
        return speaker_of(ctx, cited)
    if verb.lemma_ == "agree":  # "agreeing with Tim Flesher that ...": the view quoted is his
        partner = next(
            (o for c in verb.children if c.lower_ == "with" for o in c.children if o.dep_ == "pobj"), None
        )
        voiced = speaker_of(ctx, partner) if partner is not None else None
        if voiced is not None and ctx.kinds.get(voiced) == "person":
            return voiced
    subj = reporting_subject(verb)
    if subj is not None and ctx.in_dateline(subj.idx):  # "Washington (AFP) – Hillary Clinton has ..."
        subj = next(
            (c for c in subj.head.children if c.dep_ in SUBJECT_DEPS and not ctx.in_dateline(c.idx)), None
        )
    spoken_to = subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i
    if subj is not None and not ctx.quoted_at(subj.idx) and not spoken_to:
        if subj.lower_ not in ("who", "that"):
            return speaker_of(ctx, subj)
        who = speaker_of(ctx, subj.head.head)  # "an architect who said ..., saying": the architect
        if who is not None:
            return who
        subj = None
    by = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    if by is not None and not ctx.quoted_at(by.idx):  # "... was written by Springsteen"
        return speaker_of(ctx, by)
    if subj is not None and not ctx.quoted_at(subj.idx):
        return speaker_of(ctx, subj) if _passive_source(verb) else None
    if verb.dep_ == "acl":  # the parse made the verb a modifier of the name: "Clinton asking"
        m = ctx.mention_over(verb.head)
        if m is not None and ctx.kinds.get(m.actor) in ("person", "organization"):
            return m.actor
    reach = verb.idx
    if quote_end is not None and quote_end < verb.idx:
        bound: int | None = quote_end
    else:
        bound = _quote_before(ctx, verb)
        reach = bound + 4 if bound is not None else reach  # the name right after the marks
    if bound is not None:
        for m in ctx.mentions_in(bound, verb.idx):
            if (
                ctx.kinds.get(m.actor) in ("person", "organization")
                and not ctx.quoted_at(m.start)
                and m.start <= reach
            ):
                return m.actor
    beside = _name_beside(ctx, verb)
    if beside is not None:
        return beside
    carrier = _clause_subject_before(ctx, verb)
    if carrier is not None:
        return speaker_of(ctx, carrier)
    return None


def _name_beside(ctx: ArticleIndex, verb: Token) -> str | None:
    """A name right beside the verb that speaks through it: before it ("Chief Chuck Jordan said",
    "Paul Ryan (R-WI) said"), in an aside before it ("adviser, Jake Sullivan, said") or after it
    ("said Chuck Jordan"), never the one the verb speaks of ("hailed Trump as")."""
    doc = ctx.doc
    aside_end = (
        verb.i - 2 if verb.i >= 2 and doc[verb.i - 1].text == "," else -1
    )  # "adviser, Jake Sullivan, said"
    for j in (_before_brackets(doc, verb.i - 1), aside_end, verb.i + 1):
        if j < 0:
            continue
        head = doc[j] if 0 <= j < len(doc) else None
        while head is not None and head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head  # "said James Acton": the name's own head
        if (
            j > verb.i
            and head is not None
            and (
                head.dep_ in ("dobj", "dative", "attr", "oprd")
                or (head.dep_ != "nsubj" and any(a.i == verb.i for a in head.ancestors))
            )
        ):
            continue  # "hailed Trump as", "call Suh's play": the one spoken of
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN":
            beside = ctx.mention_over(doc[j])
            if beside is not None and ctx.kinds.get(beside.actor) in ("person", "organization"):
                return beside.actor
    return None


def _quoted_as(verb: Token) -> Token | None:
    """ "papers quote Salinas as saying", "cited X as saying": the one quoted, not who quotes."""
    if verb.lower_ == "saying" and verb.head.lower_ == "as":
        verb = verb.head.head
    saying = any(
        c.lower_ == "as" and any(g.tag_ == "VBG" and is_reporting(g) for g in c.children)
        for c in verb.children
    )
    if verb.lemma_ not in ("quote", "cite") or not saying:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


PASSIVE_SOURCES = {"quote", "cite", "hear", "record", "overhear", "film", "tape"}
"""Passive reporting verbs whose subject is the speaker ("X was quoted as saying", "X was heard
telling"); with others the subject is the one spoken to or of ("she was warned that ...")."""


def _passive_source(verb: Token) -> bool:
    """ "X is said to believe that ...": a passive "say" with a complement names the holder."""
    lemma = verb.lemma_.lower()
    return lemma in PASSIVE_SOURCES or (lemma == "say" and any(c.dep_ == "xcomp" for c in verb.children))


def _before_brackets(doc: Doc, j: int) -> int:
    """The token before adverbs and an aside that end at `j` ("Paul Ryan (R-WI) said", "Marc
    Morial, the chief executive of the League, forcefully told"), else `j`."""
    while j > 0 and doc[j].pos_ == "ADV":
        j -= 1
    if j < 1 or doc[j].text not in (")", ","):
        return j
    opening = "(" if doc[j].text == ")" else ","
    for k in range(j - 1, max(-1, j - 16), -1):
        if doc[k].text == opening:
            return k - 1
        if doc[k].is_sent_start or doc[k].pos_ in ("VERB", "AUX") or doc[k].is_quote:
            break
    return j


def reported_by(ctx: ArticleIndex, verb: Token, outer: list[Token], end: int) -> tuple[Token, str] | None:
    """`Trump said that Clinton once described the deal as "the gold standard"`: a quote inside
    what someone else says is theirs to answer for (the outer source, as attribution does)."""
    for v in outer:
        if v.lemma_.lower() not in REPORTED_SPEECH_VERBS:
            continue
        node = verb
        while node.head.i != node.i and node.head.i != v.i:
            node = node.head
        if node.head.i == v.i and node.dep_ == "ccomp":
            who = speaker_for(ctx, v, end)
            if who is not None:
                return v, who
    return None


def _quote_before(ctx: ArticleIndex, verb: Token) -> int | None:
    """End of the quotation that closes before `verb` in its sentence ("...," Flynn, a top
    surrogate, said): the speaker is named between the two."""
    i = bisect_right(ctx.quote_starts, verb.idx) - 1
    while i >= 0 and ctx.quotes[i][1] > verb.idx:
        i -= 1
    if i >= 0 and ctx.quotes[i][1] >= verb.sent.start_char:
        return ctx.quotes[i][1]
    return None


def _clause_subject_before(ctx: ArticleIndex, verb: Token) -> Token | None:
    """A participle with no subject of its own whose parse hangs it in the wrong place
    ("Clinton seemed ready to riff, telling the crowd, "..."): the subject of the clause
    before it in the sentence, outside quotation marks."""
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp"):
        return None
    for j in range(verb.i - 1, verb.sent.start - 1, -1):
        t = ctx.doc[j]
        if (
            t.dep_ in SUBJECT_DEPS
            and t.head.i < verb.i
            and not ctx.quoted_at(t.idx)
            and (t.pos_ != "PRON" or t.lower_ in HE_SHE)
        ):
            return t
    return None


def dash_speaker(ctx: ArticleIndex, end: int) -> str | None:
    """`"..." ― Name`: a name after a dash that follows the closing mark signs the quote, or the
    quotation that ends the paragraph the quote is part of (a quoted word inside it)."""
    m = SIGNATURE.match(ctx.text, end)
    if m is None:
        lo, hi = ctx.paras[ctx.para(end)]
        tail = list(SIGNATURE.finditer(ctx.text, end, hi))
        m = tail[-1] if tail and hi - tail[-1].end() < 60 and ctx.text[tail[-1].start()] in '”"' else None
    tok = ctx.token_at(m.end()) if m else None
    if tok is None or tok.idx + len(tok) <= m.end():  # type: ignore[union-attr]
        return None
    mention = ctx.mention_over(tok)
    return mention.actor if mention is not None else None


def turn_speaker(ctx: ArticleIndex, start: int) -> str | None:
    """`"PENCE: Well, look, ...`: words in a transcript turn are the named speaker's."""
    lo, _ = ctx.paras[ctx.para(start)]
    m = TURN.match(ctx.text, lo)
    if m is None:
        return None
    name = m.group(1)
    hit = ctx.cast.resolve(name)
    if hit is not None:
        return hit if ctx.kinds.get(hit) in ("person", "organization") else None
    word = name.split()[-1].casefold()
    people = {a.id for a in ctx.cast.actors if a.kind == "person" and word in a.name.casefold().split()}
    return people.pop() if len(people) == 1 else None


def speaker_of(ctx: ArticleIndex, subj: Token | None) -> str | None:
    """The actor a subject names: the mention over its head, the organisation or person a
    spokesman speaks for, a pronoun's antecedent, or a definite description ("the ministry")."""
    if subj is None or ctx.in_dateline(subj.idx):
        return None
    if subj.pos_ == "PRON":
        if subj.lower_ in HE_SHE:
            if _unnamed_before(ctx, subj):
                return None
            return ctx.antecedent(subj.idx, "m" if subj.lower_ == "he" else "f")
        if subj.lower_ in ("it", "they"):
            return _body_subject(ctx, subj) or ctx.body_antecedent(subj.idx, plural=subj.lower_ == "they")
        return None
    m = ctx.mention_over(subj)
    if m is not None:
        return m.actor
    for c in subj.children:
        if c.dep_ in ("appos", "compound", "poss", "nmod", "conj"):
            m = ctx.mention_over(c)
            if m is not None and not (c.dep_ == "conj" and ctx.kinds.get(m.actor) != "person"):
                return m.actor
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "on", "in"):
            for o in c.children:
                m = ctx.mention_over(o) if o.dep_ == "pobj" else None
                if m is not None and ctx.kinds.get(m.actor) in ("organization", "place", "group"):
                    return (
                        m.actor if c.lower_ not in ("on", "in") or ctx.kinds.get(m.actor) != "place" else None
                    )
                if o.dep_ == "pobj" and c.lower_ == "for" and subj.lemma_.lower() in VOICES:
                    voiced = speaker_of(ctx, o)  # "a spokesman for Hillary Clinton"
                    if voiced is not None:
                        return voiced
                if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENTS:  # "a narrator in the Clinton ad"
                    owner = _owner(ctx, o)
                    if owner is not None:
                        return owner
    if subj.pos_ == "PROPN" or _capitalised(subj):
        hit = ctx.cast.resolve(subj.text) or ctx.by_surname(subj)
        if hit:
            return hit
    if stands_for_body(subj):
        return nominal_speaker(ctx, subj)
    return None


def _unnamed_before(ctx: ArticleIndex, pronoun: Token, reach: int = 200) -> bool:
    """ "“...,” a witness told AP. “...,” she said": a he/she whose nearest subject before it (in
    this paragraph or the one before, past other pronouns) is a person the article leaves unnamed
    (one brought in as new who reports, "a witness said", or a bare "the source" after "a source")
    takes that person up, not the person named earlier."""
    lo = ctx.paras[max(0, ctx.para(pronoun.idx) - 1)][0]
    for j in range(pronoun.i - 1, max(-1, pronoun.i - reach), -1):
        t = ctx.doc[j]
        if t.idx < lo:
            break
        if t.dep_ not in SUBJECT_DEPS or ctx.quoted_at(t.idx) or t.pos_ == "PRON":
            continue
        if ctx.mention_over(t) is not None or any(ctx.mention_over(c) is not None for c in t.children):
            return False  # a name, or a noun tied to one ("Trump's lawyer", "a WeWork spokesperson")
        if is_person_noun(t) and t.tag_ == "NN":  # "the sisters" is no he or she
            det = next((c.lower_ for c in t.lefts if c.dep_ in ("det", "nummod")), None)
            own = any(c.dep_ not in ("det", "nummod", "punct") for c in t.lefts)
            asked = any(c.dep_ in ("dobj", "dative") and ctx.mention_over(c) for c in t.head.children)
            new = det in INDEFINITE and is_reporting(t.head) and not asked  # not "a reporter asked X"
            return new or (det == "the" and not own and introduced_unnamed(t))
    return False


VOICES = {"spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "attorney"}
"""People who speak for someone else: "a spokesman for X said" is X speaking."""
DOCUMENTS = {
    "ad", "advertisement", "spot", "website", "site", "page", "statement", "release", "report", "memo",
    "letter", "document", "video", "tweet", "post", "filing", "complaint", "lawsuit", "book",
    "article", "editorial", "column", "transcript", "email", "account", "campaign",
}  # fmt: skip
"""Things that carry someone's words: whose they are is who speaks through them."""


def _owner(ctx: ArticleIndex, noun: Token) -> str | None:
    """The actor a document belongs to ("the Clinton ad", "the Trump campaign's website"), not a
    place ("a video in Ohio")."""
    for c in noun.children:
        if c.dep_ in ("compound", "poss", "nmod"):
            m = ctx.mention_over(c)
            if m is not None and ctx.kinds.get(m.actor) != "place":
                return m.actor
            if c.lemma_.lower() in DOCUMENTS:
                return _owner(ctx, c)
    return None


def _body_subject(ctx: ArticleIndex, pronoun: Token) -> str | None:
    """ "Clinton's campaign is seeking to contrast her approach with what they call ...": an
    it/they inside a clause takes up the body that is the subject of the sentence, when that is
    a common noun the article ties to a named actor."""
    root = pronoun.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i >= pronoun.i or subj.pos_ != "NOUN" or pronoun.head.i == root.i:
        return None
    return speaker_of(ctx, subj)


def _capitalised(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for a common noun or a verb
    ("Trump shot back"): a name when an actor of the article carries it."""
    return tok.text[:1].isupper() and tok.text[1:].islower()
