"""Placement: which word a date hangs on, and whether it dates that word's own event or the
clause around it ("since its founding in 1990" dates the founding; "said at a briefing on
Friday" the saying; "weighed in on Thursday's fight on Monday" the fight for Thursday).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

TIME_NOUNS = {
    "quarter", "year", "month", "week", "weekend", "period", "season", "remainder", "rest", "end", "half",
    "day", "time", "dawn", "dusk", "morning", "afternoon", "evening", "night", "midnight", "noon", "hour",
}  # fmt: skip
"""Nouns of time: a date on one ("the fourth quarter of 2014", "at dawn on Sunday") dates what
that noun is on."""
DASH_MARKS = frozenset(["-", "–", "—", "--"])
SET_OFF = DASH_MARKS | {","}
"""Marks that set an apposition off from what it follows."""
LEADING = {"back", "way", "earlier", "later"}
"""Adverbs that lead to the date after them ("back in 2015", "way back in 1990")."""
PLACING = {"at", "during", "in", "on", "amid", "over", "throughout"}
"""Prepositions that place the verb's event at the noun's ("said at a press briefing on Friday")."""
TOPIC_PREPS = {"on", "over"}
"""Of those, the ones that more often give a topic when the date is the noun's own modifier
("grilled him on Trump's July 25 call", "protests over Friday's ruling")."""


def lead_in(span: Span) -> set[int]:
    """The words that lead to the date and go with it: its prepositions and adverbs ("late in
    December", "back in June", "down from a year ago") and a noun of time it is on ("at dawn
    on Sunday", "in the fourth quarter of 2014")."""
    out: set[int] = set()
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("ADP", "ADV", "PART") or (tok.pos_ == "NOUN" and tok.lemma_.lower() in TIME_NOUNS):
            out.add(tok.i)
        else:
            break
    first = tok.doc[min(out)] if out else span.root
    before = tok.doc[first.i - 1] if first.i > 0 else None
    if (
        before is not None
        and before.lower_ in LEADING
        and before.dep_ == "advmod"
        and before.n_lefts + before.n_rights == 0
    ):
        out.add(before.i)  # "were cool back in 2016": "back" leads to the date the parse hung beside it
    return out


def fronted(span: Span, verb: Token) -> set[int]:
    """The words of a phrase fronted before the subject that holds the date ("In their first
    debate on Tuesday, Johnson and Corbyn attacked ..."): the date places the clause, the phrase
    around it is no part of the event."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    top = next((a for a in [span.root, *span.root.ancestors] if a.head.i == verb.i), None)
    if (
        subject is None
        or top is None
        or top.i == span.root.i
        or top.dep_ not in ("prep", "advmod", "npadvmod")
    ):
        return set()
    words = {t.i for t in top.subtree}
    return words if max(words) < min(t.i for t in subject.subtree) else set()


def past_aside(span: Span, verb: Token) -> bool:
    """A date after the comma that closes a participle set off before it ("seized the
    territories, seen as part of a future state, in the 1967 war"): the parse hangs it on the
    participle, but the aside has closed and the date is the main verb's."""
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ not in ("VBN", "VBG") or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    doc = verb.doc
    first = min(t.i for t in verb.subtree)
    top = next((a for a in [span.root, *span.root.ancestors] if a.head.i == verb.i), None)
    return (
        first > 0
        and doc[first - 1].text == ","
        and top is not None
        and top.dep_ == "prep"
        and top.i > verb.i + 1
        and doc[top.i - 1].text == ","
    )


def anchor(span: Span) -> Token:
    """The word the date hangs on; past a noun of time ("the fourth quarter of 2014", "the
    remainder of the fiscal year") to what that hangs on."""
    tok = span.root
    for _ in range(3):
        head = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if head.i == tok.i:
            return head
        tok = head
        if tok.lemma_.lower() not in TIME_NOUNS:
            return tok
    return tok


def second_object(noun: Token, marks: frozenset[str] = SET_OFF) -> bool:
    """An object set off by one of `marks` (a comma or a dash) after another object of the same
    verb: an apposition the parse took for an object ("signed deals worth $2.6 billion, the
    first such signing", "replaced a design from 2015—one that it had tried to perfect—with
    ..."); not a score's second number ("beat Moldova 2-0") nor the end of a hyphenated word the
    tokenizer split ("endorsed the re-election": a hyphen glued to both words sets nothing off)."""
    first = min(t.i for t in noun.subtree)
    if noun.dep_ != "dobj" or first == 0 or noun.doc[first - 1].text not in marks or noun.is_digit:
        return False
    mark = noun.doc[first - 1]
    if mark.text == "-" and not mark.whitespace_ and first >= 2 and not noun.doc[first - 2].whitespace_:
        return False
    return any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)


def own_event(noun: Token, verb: Token | None, own: set[int], all_dates: set[int]) -> bool:
    """Whether a date on `noun` dates the noun's own event rather than the verb's: not when the
    noun is the verb's subject or object ("the crash in 2009 killed 228": the clause is the
    event), nor when it places the verb's event ("said at a press briefing on Friday"); yes in
    other adjuncts ("since its founding in 1990", "ahead of a meeting later this month"), and
    when the verb has a date of its own ("weighed in on Thursday's fight on Monday")."""
    if verb is not None and after_apposition(noun, own):
        return False
    if verb is None or noun.dep_ == "appos" or second_object(noun):
        return True  # "signed deals, the first such signing since 2017": the apposition's own
    head = noun.head
    if head.i == verb.i:
        return noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative")
    if head.dep_ in ("prep", "agent") and head.head.i == verb.i:
        topic = (
            head.lower_ in TOPIC_PREPS
            and head.i > verb.i
            and any(c.i in own and c.i < noun.i for c in noun.children)
        )
        placing = head.lower_ in PLACING and not topic and not _dated_verb(verb, own, all_dates)
        return head.dep_ != "agent" and not placing
    return True


def after_apposition(noun: Token, own: set[int]) -> bool:
    """A date after the comma that closes an apposition of the noun it hangs on ("agreed to a
    rescue by its largest shareholder, SoftBank Group Corp, last month"): the noun's description
    has closed, and the date is the clause's."""
    doc = noun.doc
    top = next((a for a in doc[min(own)].ancestors if a.head.i == noun.i), None) if own else None
    if top is None:
        top = doc[min(own)] if own and doc[min(own)].head.i == noun.i else None
    if top is None:
        return False
    first = min(t.i for t in top.subtree)
    closed = first > 0 and doc[first - 1].text == ","
    return closed and any(c.dep_ == "appos" and noun.i < c.i < first for c in noun.children)


def _dated_verb(verb: Token, own: set[int], all_dates: set[int]) -> bool:
    """Whether another date hangs on `verb` itself ("on Monday", "Monday"): the verb's event is
    then at that date, and a date inside one of its nouns is the noun's."""
    others = all_dates - own
    for c in verb.children:
        if c.i in others and c.dep_ in ("npadvmod", "tmod", "advmod"):
            return True
        if c.dep_ == "prep" and c.lower_ in PLACING and any(g.i in others for g in c.children):
            return True
    return False


def spent(span: Span) -> bool:
    """A date that a verb of spending takes as what it spends ("spent the weekend watching")."""
    root = span.root
    return root.head.lemma_.lower() == "spend" and root.dep_ in ("dobj", "npadvmod")


def comparison_base(span: Span) -> bool:
    """A date on the amount a change is measured from ("down from $19.5 billion the previous
    year", "from $4 billion a year earlier"): it dates that amount, not the clause's event."""
    for a in span.root.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return False
        if a.dep_ == "prep":  # the first preposition above decides ("to 25% in May" is no base)
            return a.lower_ == "from" and any(
                c.dep_ == "pobj"
                and not span.start <= c.i < span.end
                and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"))
                for c in a.children
            )
    return False


__all__ = [
    "TIME_NOUNS",
    "anchor",
    "comparison_base",
    "fronted",
    "lead_in",
    "own_event",
    "DASH_MARKS",
    "past_aside",
    "second_object",
    "spent",
]
