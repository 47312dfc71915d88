"""Cues where the text says something is not known: a question it asks, "whether", "remains to
be seen", "unclear". Each detector yields at most one `Cue` for the token that triggers it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..sentences import doc_text
from ..syntax import (
    FIRST_SECOND_PERSON,
    clause_subject,
    is_past_clause,
    is_reporting,
    negated,
    reporting_subject,
)
from .cue import DOUBLE_QUOTES, Cue, char_span, keys_of, keys_of_clause
from .forms import looks_back, wh_question
from .phrasing import ANAPHORIC_PRONOUNS, yes_no
from .unknown import KNOWN_ADJ, frame_of, is_trigger
from .wording import noun_phrase

VAGUE = {"anybody", "anyone", "somebody", "someone", "everybody", "everyone"}
"""Who a question is put to when it is put to nobody in particular: rhetoric."""
ASKING = {"ask", "know", "wonder", "unclear", "decide", "determine", "check"}
"""Words after which "if" introduces a question ("asked if"), not a condition."""
SENTENCE_ANAPHORS = {"that", "this", "it"}
"""Subjects that stand for the previous statement ("That remains to be seen")."""
ANSWER_WORDS = 8
"""Words after a question in its paragraph that make it a question the writer answers."""
SPOKESPEOPLE = {
    "lawyer", "attorney", "spokesman", "spokeswoman", "spokesperson", "representative", "aide",
    "adviser", "advisor", "counsel", "official",
}  # fmt: skip
"""People who speak for someone else ("a lawyer for the news outlets"): the decision is theirs."""


def explicit(sent: Span) -> Cue | None:
    """A question the text asks about what is still open; rhetoric and questions to "you" are not."""
    text = sent.text.strip()
    if not text.rstrip(DOUBLE_QUOTES + "'’ )").endswith("?"):
        return None
    start = _question_start(sent)
    while start < sent.end and (sent.doc[start].pos_ in ("CCONJ", "PUNCT") or sent.doc[start].lower_ == "so"):
        start += 1
    span = sent.doc[start : sent.end]
    if not span or not _interrogative(span[0]):
        return None  # "She can't win without help?": a statement with a question mark
    if any(t.lower_ in FIRST_SECOND_PERSON | VAGUE for t in span):
        return None  # addressed to someone ("do you think ...?"): rhetoric or interview, not an issue
    opening = list(span[:4])
    if any(t.lower_ in ("n't", "n’t", "not") for t in opening):
        return None  # "Why isn't this proof ...?" asserts, it does not ask
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ANAPHORIC_PRONOUNS for t in span):
        return None  # "Why won't he ...?": who is meant is lost once the question stands alone
    if any(
        t.dep_ == "det"
        and t.lower_ in ("this", "that", "these", "those")
        and t.head.dep_ in ("nsubj", "nsubjpass")
        for t in span
    ):
        return None  # "Could this rejection ...?": of what, the question alone cannot say
    if any(t.tag_ == "VBD" for t in opening) or span.root.tag_ == "VBD":
        return None  # about the past: settled, or an explanation the story gives
    if span.start == sent.start and _answered_at_once(sent):
        return None  # "What is Trump's view of NATO? In a March 2016 meeting ... Trump said ..."
    content = [t for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop]
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    q = span.text.strip().strip(DOUBLE_QUOTES + "'‘’ ").strip()
    if any(ch in q for ch in "[]<>‘“") or q.count("?") > 1:
        return None  # "What the [censored] is going on?", markup: not a question to print
    q = q[0].upper() + q[1:]
    return Cue("explicit", sent, q, keys_of(span), (span.start_char, span.end_char))


def _answered_at_once(sent: Span) -> bool:
    """A question in the story's own voice that opens its paragraph, which goes on: the writer
    poses it to answer it ("How well is the United Nations performing ...? We examine ..."). One
    led in ("the question the US faces is, which ...?") is put as open."""
    text = doc_text(sent.doc)
    if any(q in text[sent.start_char : sent.end_char] for q in DOUBLE_QUOTES):
        return False  # someone's question, quoted
    opens = text[: sent.start_char].rstrip(" \t").endswith("\n") or sent.start_char == 0
    asked_end = max(t.idx + len(t) for t in sent if not t.is_space)  # the span ends with its "\n\n"
    end = text.find("\n", asked_end)
    rest = text[asked_end : end if end >= 0 else len(text)]
    return opens and len(rest.split()) >= ANSWER_WORDS


def _interrogative(tok: Token) -> bool:
    return (
        tok.tag_ in ("WDT", "WP", "WRB", "WP$", "MD")
        or tok.pos_ == "AUX"
        or tok.lemma_ in ("be", "do", "have")
    )


def _question_start(sent: Span) -> int:
    """Where the question itself starts: after "the question is," or a similar lead-in."""
    for tok in reversed(list(sent)):
        if tok.text in (",", ":", "...", "…", "—", "--") and tok.i + 1 < sent.end:
            nxt = tok.nbor()
            if nxt.tag_ in ("WDT", "WP", "WRB", "WP$", "MD") and tok.i >= sent.start + 2:
                return nxt.i
    return sent.start


def whether(tok: Token, sent: Span) -> Iterator[Cue]:
    """'whether the ceasefire will hold' -> 'Will the ceasefire hold?'; about the past only when
    the frame says the answer is not known now ("not clear whether the abortion was intentional")."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    if verb.head.lemma_ in ("regardless", "matter") or (verb.dep_ == "advcl" and not _asks(verb)):
        return
    if (
        verb.head.lemma_ == "be"
        and negated(verb.head)
        and not any(c.dep_ in ("acomp", "attr") and c.lower_ in KNOWN_ADJ for c in verb.head.children)
    ):
        return  # "the question is not whether ...": the speaker sets it aside
    if verb.head.lemma_ == "ask" and not any(
        a.tag_ in ("VBZ", "VBP", "MD") for a in verb.head.children if a.dep_ in ("aux", "auxpass")
    ):
        return  # "we asked whether ...", "Asked whether ..., 75 percent said": the story answers
    if any(t.lower_ == "far" and t.nbor(-1).lower_ == "as" for t in verb.doc[verb.sent.start : tok.i]):
        return  # "As far as whether X ..., he acknowledged ...": a topic the speaker then answers
    frame = frame_of(verb)
    past = looks_back(verb)
    if past and frame is None:
        return
    subject = None
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):  # "weighing whether to appeal"
        above = next(
            (a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and clause_subject(a) is not None), None
        )
        if above is None:
            return
        subject = clause_subject(above)
        if subject is not None and frame is not None and subject.i == frame.i:
            subject = _principal(above)  # "no decision had been made about whether to appeal": whose
        elif is_past_clause(above) and not (frame is not None and frame.pos_ == "NOUN"):
            return  # "had weighed whether to appeal": settled since; "has made no decision": open
        if subject is None:
            return
    q = yes_no(verb, subject=subject, present=True, keep_tense=past)
    kind = "unknown" if frame is not None else "whether"
    yield Cue(kind, sent, q, keys_of_clause(verb), char_span(verb, exclude_marks=True))


def _principal(verb: Token) -> Token | None:
    """Who speaks of a decision not yet made, or whom they speak for ("A lawyer for the news
    outlets said no decision had been made": the news outlets)."""
    said = next((a for a in [verb, *verb.ancestors] if is_reporting(a)), None)
    speaker = reporting_subject(said) if said is not None else None
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN") or speaker.lower_ in FIRST_SECOND_PERSON:
        return None
    if speaker.lemma_.lower() in SPOKESPEOPLE:
        return next(
            (
                p
                for c in speaker.children
                if c.dep_ == "prep" and c.lower_ in ("for", "of")
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
    return speaker if speaker.pos_ == "PROPN" else None


def is_complement_if(tok: Token) -> bool:
    """ "asked if", "unclear if", "to see if": if that introduces a question, not a condition."""
    head = tok.head.head
    if tok.dep_ != "mark" or tok.i < head.i:
        return False
    if head.lemma_ == "see":
        return any(c.lower_ == "to" for c in head.children)  # "(wait) to see if"
    return head.lemma_ in ASKING or is_trigger(head)


def _asks(clause: Token) -> bool:
    """An adverbial clause that is really an indirect question ("unclear when X will ...")."""
    return clause.dep_ == "advcl" and any(
        c.tag_ in ("WRB", "WP") or c.lower_ in ("whether", "if") for c in clause.children if c.i < clause.i
    )


def unseen(tok: Token, sent: Span) -> Iterator[Cue]:
    remain = tok.head
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl")), None) or next(
        (c for c in remain.children if c.dep_ in ("ccomp", "advcl") and c.i > tok.i), None
    )
    subj = clause_subject(remain)
    if clause is not None and any(m.lower_ in ("whether", "if") for m in clause.children):
        return  # the "whether" cue covers it, with better phrasing
    if any(t.lower_ == "whether" for t in sent.doc[sent.start : remain.i]):
        return  # "Whether X ... remains to be seen": same
    if clause is not None and any(t.tag_ in ("WRB", "WP", "WDT") for t in clause.subtree):
        if is_past_clause(clause):
            return
        yield Cue("unseen", sent, wh_question(clause), keys_of_clause(clause), char_span(clause))
        return
    anaphoric = subj is None or subj.lower_ in SENTENCE_ANAPHORS
    keys = frozenset() if anaphoric or subj is None else keys_of(subj.subtree)
    q = None if anaphoric or subj is None else f"What will come of {noun_phrase(subj)}?"
    yield Cue("unseen", sent, q, keys, (remain.idx, tok.idx + len(tok)), anaphoric=anaphoric)
