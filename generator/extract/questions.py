"""Open questions: what the story leaves unresolved, grouped by issue and phrased for a reader.

A question starts from a cue found in the parse (an explicit question, "whether", a hedge such
as "remains to be seen" or "a possible X", a condition about the future, a demand, a stated
concern, a scheduled event). Cues about the same issue share content lemmas (the head noun or
verb of what is hedged), so they are grouped into one question with several evidence sentences.
The phrasing comes from the parse too: the hedged clause turned into a yes/no question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..model import Question, TimelineEntry
from .actors import Cast
from .summary import DATELINE, is_heading, sentences

MAX_QUESTIONS = 6
MIN_SCORE = 2.0
"""A group needs one strong cue, or weaker cues that back each other up, to become a question."""
SUPPORT = 1.0
"""Score added by each further sentence about the same issue."""
FILL_TO = 2
FILL_SCORE = 1.25
"""An article with fewer than FILL_TO questions also gets its best weaker ones (a scheduled event)."""

# Cue kinds and their weight; the order is also the preference for which cue phrases the group.
STRENGTH: dict[str, float] = {
    "explicit": 2.5,
    "whether": 2.0,
    "unseen": 2.0,
    "possible": 2.0,
    "yet": 2.0,
    "expected": 2.0,
    "uncertain": 2.0,
    "demand": 2.0,
    "concern": 2.0,
    "fragile": 2.0,
    "potential": 1.25,
    "conditional": 1.0,
    "modal": 0.75,
    "scheduled": 1.25,
}
PHRASING_ORDER = tuple(STRENGTH)

HEDGE_ADJ = {"possible", "potential", "prospective", "proposed", "mooted", "looming", "impending"}
UNCERTAIN_ADJ = {"uncertain", "unclear", "undecided", "unknown", "doubtful", "unresolved", "unsettled"}
FRAGILE_ADJ = {"fragile", "precarious", "shaky", "tenuous", "volatile"}
DEMAND_VERBS = {"call", "urge", "press", "demand", "appeal", "implore"}
CONCERN_ADJ = {"concerned", "worried", "anxious"}
SCHEDULE_WORDS = {"set", "scheduled", "due", "slated", "poised"}
WEAK_MODALS = {"could", "might", "may"}
# fmt: off
EVENT_NOUNS = {
    "talk", "talks", "summit", "meeting", "visit", "trip", "deal", "agreement", "treaty", "truce",
    "ceasefire", "vote", "election", "referendum", "strike", "attack", "war", "invasion", "sanction",
    "ban", "tariff", "merger", "takeover", "bid", "run", "candidacy", "shutdown", "default", "recession",
    "impeachment", "indictment", "trial", "hearing", "debate", "reform", "cut", "hike", "increase",
    "rise", "sale", "release", "return", "withdrawal", "settlement", "conference", "tour", "launch",
}
GATHERINGS = {
    "meeting", "visit", "trip", "conference", "election", "vote", "debate", "hearing", "trial", "tour",
}
# fmt: on
SAME_ISSUE = {"talk": "meeting", "talks": "meeting", "summit": "meeting", "meet": "meeting"}
"""Near-synonyms that name the same kind of event, so hedges about "the talks" and "the meeting" meet."""
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ance", "ence", "al")
LIGHT_VERBS = {"be", "have", "do", "make", "take", "get", "go", "become", "come", "say", "see"}
PAST_MARKERS = re.compile(r"\b(last|ago|yesterday|earlier|previous|former|once)\b", re.I)
PERSONAL = {"i", "we", "you", "me", "our", "your", "my", "you'd", "yourself"}
VAGUE = {"anybody", "anyone", "somebody", "someone", "everybody", "everyone"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those"}
UNCLEAR_SUBJECTS = PRONOUNS - {"he", "she"} | {
    "which",
    "what",
    "who",
    "whom",
    "one",
    "many",
    "some",
    "most",
    "few",
}
"""Subjects that leave a stand-alone question unreadable; "he"/"she" are resolved to a person."""
SIDE_CLAUSES = ("advcl", "parataxis", "npadvmod", "dep", "relcl", "appos", "prn")
MAX_QUESTION_WORDS = 22
WEAK_KEY = "~"
"""Prefix of grouping keys from verbs and adjectives, which alone do not make two cues one issue."""
VAGUE_CONCERNS = {"future", "situation", "thing", "this", "that", "it", "matter", "issue"}
OUTCOMES = {
    "impact",
    "outcome",
    "fate",
    "future",
    "cause",
    "effect",
    "extent",
    "cost",
    "timing",
    "result",
    "scope",
}
ASKING = {"ask", "know", "wonder", "unclear", "decide", "determine", "check"}
ADVICE_YOU = 5
"""An article that says "you" this often talks to its reader; its questions are rhetorical."""
ANAPHORS = {"that", "this", "it"}
QUOTE_CHARS = '"“”'


@dataclass(frozen=True)
class Cue:
    """One passage that raises an open question, with the proposed phrasing and grouping keys."""

    kind: str
    sent: Span
    question: str | None
    keys: frozenset[str]
    focus: tuple[int, int]
    """Character offsets of the hedged phrase or clause (for actors)."""
    anaphoric: bool = False

    @property
    def strength(self) -> float:
        return STRENGTH[self.kind]


def extract_questions(
    doc: Doc,
    cast: Cast,
    published: date | None = None,
    timeline: Iterable[TimelineEntry] = (),
    limit: int = MAX_QUESTIONS,
) -> Iterator[Question]:
    """Grouped open questions in reading order, at most `limit`, the best supported kept."""
    cues = list(find_cues(doc, published, tuple(timeline)))
    groups = group_cues(cues)
    scored = [(score(g), g) for g in groups]
    phrased = sorted((sg for sg in scored if any(c.question for c in sg[1])), key=lambda sg: -sg[0])
    kept = [sg for sg in phrased if sg[0] >= MIN_SCORE][:limit]
    fill = [sg for sg in phrased if FILL_SCORE <= sg[0] < MIN_SCORE and sg[1][0].kind == "scheduled"]
    kept += fill[: max(0, FILL_TO - len(kept))]
    found: dict[str, Question] = {}
    for _, group in sorted(kept, key=lambda sg: sg[1][0].sent.start):
        question = to_question(group, cast)
        if question is None:
            continue
        same = found.get(question.question)
        if same is not None:  # two groups that ask the same thing: one question
            evidence = tuple(dict.fromkeys(same.evidence + question.evidence))
            actors = tuple(dict.fromkeys(same.actors + question.actors))
            question = replace(same, evidence=evidence, actors=actors)
        found[question.question] = question
    yield from found.values()


def score(group: list[Cue]) -> float:
    """Strongest cue, plus support from further distinct sentences about the same issue."""
    sentences = {c.sent.start for c in group}
    return max(c.strength for c in group) + SUPPORT * (len(sentences) - 1)


def to_question(group: list[Cue], cast: Cast) -> Question | None:
    """One question for the group, phrased from its best cue; None when no cue could be phrased."""
    phrased = sorted(
        (c for c in group if c.question),
        key=lambda c: (
            PHRASING_ORDER.index(c.kind),
            _pronoun_subject(c.question or ""),
            len((c.question or "").split()) < 5,
            c.sent.start,
        ),
    )
    text = _resolve_pronoun(phrased[0], cast) if phrased else None
    evidence: list[str] = []
    actors: list[str] = []
    for c in sorted(group, key=lambda c: c.sent.start):
        sent = evidence_text(c)
        if sent not in evidence:
            evidence.append(sent)
        for a in cast.in_span(*c.focus):
            if a not in actors:
                actors.append(a)
    if not text:
        return None
    return Question(question=text, evidence=tuple(evidence), actors=tuple(actors))


def evidence_text(cue: Cue) -> str:
    """The cue's sentence, verbatim, cut to the paragraph that holds the cue and without stray quotes."""
    text, start = cue.sent.text, cue.sent.start_char
    lo = text.rfind("\n", 0, max(0, cue.focus[0] - start)) + 1
    hi = text.find("\n", max(0, cue.focus[1] - start))
    text = text[lo : hi if hi >= 0 else len(text)].strip()
    if text[:1] in QUOTE_CHARS and sum(text.count(q) for q in QUOTE_CHARS) % 2:
        text = text[1:].strip()  # the closing half of a quotation that began a sentence earlier
    return text


def _resolve_pronoun(cue: Cue, cast: Cast) -> str | None:
    """ "Can he raise money?" -> "Can <the person last named before the cue> raise money?" """
    q = cue.question or ""
    words = q.split(" ", 2)
    if len(words) < 3 or words[1].lower() not in ("he", "she"):
        return q
    named = set(cast.in_span(*cue.focus))  # "whether he would support Trump": not Trump
    before = [
        m
        for m in cast.mentions
        if cue.focus[0] - 800 <= m.start and m.end <= cue.focus[0] and m.actor not in named
    ]
    people = {a.id: a for a in cast.actors if a.kind == "person"}
    governor = _governing_name(cue)
    if governor is not None:  # "Trump wavered on whether he would ...": the subject above "he"
        parts = [t for t in governor.subtree if t.dep_ == "compound" or t.i == governor.i]
        start, end = parts[0].idx, governor.idx + len(governor)
        actor = cast.get(cast.at(start, end) or cast.resolve(governor.text))
        return f"{words[0]} {actor.name if actor else governor.text} {words[2]}"
    near = [people[m.actor] for m in before if m.actor in people]
    if not near:
        return q
    # Otherwise the one the article is about: a quoted expert's "he" is rarely himself.
    return f"{words[0]} {max(near, key=lambda a: a.mentions).name} {words[2]}"


def _governing_name(cue: Cue) -> Token | None:
    """The named subject of a clause above the cue's "he"/"she", in the same sentence."""
    pronoun = next((t for t in cue.sent if t.idx >= cue.focus[0] and t.lower_ in ("he", "she")), None)
    if pronoun is None:
        return None
    tok = pronoun.head
    while True:
        name = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < pronoun.i), None
        )
        if name is not None:
            return name
        if tok.head.i == tok.i:
            return None
        tok = tok.head


def _pronoun_subject(question: str) -> bool:
    words = question.split()
    return len(words) > 1 and words[1].lower() in {"he", "she", "it", "they", "this", "that"}


def group_cues(cues: list[Cue]) -> list[list[Cue]]:
    """Single-link grouping: cues about the same thing, or an anaphor pointing back, are one issue."""
    ordered = sorted(cues, key=lambda c: (c.sent.start, c.focus))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cue in enumerate(ordered):
        for j in range(i):
            if related(cue, ordered[j]):
                parent[root(i)] = root(j)
        if cue.anaphoric and i > 0 and cue.sent.start - ordered[i - 1].sent.end < 400:
            parent[root(i)] = root(i - 1)
    groups: dict[int, list[Cue]] = {}
    for i, cue in enumerate(ordered):
        groups.setdefault(root(i), []).append(cue)
    return list(groups.values())


def related(a: Cue, b: Cue) -> bool:
    """Same thing talked about: a shared noun, or two shared words of any kind.

    A shared verb alone is not enough ("stop attacking" and "stop using" are two demands).
    """
    if a.sent.start == b.sent.start and a.focus[0] < b.focus[1] and b.focus[0] < a.focus[1]:
        return True  # two cues on the same words ("will determine whether ...")
    shared = a.keys & b.keys
    return len(shared) >= 2 or any(not k.startswith(WEAK_KEY) for k in shared)


def find_cues(
    doc: Doc, published: date | None = None, timeline: tuple[TimelineEntry, ...] = ()
) -> Iterator[Cue]:
    """Every cue in the article body, sentence by sentence."""
    advice = sum(t.lower_ in ("you", "your") for t in doc) >= ADVICE_YOU
    for sent in sentences(doc):
        if is_heading(doc, sent) or _title_case(sent):
            continue
        for cue in _sentence_cues(sent, published, timeline):
            if not (advice and cue.kind == "explicit"):
                yield cue


def _title_case(sent: Span) -> bool:
    """A headline repeated in the body ("Obama Sees Insult if Voters Don't Rally"): not a sentence."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _sentence_cues(sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]) -> Iterator[Cue]:
    text = sent.text.strip()
    if any(t.lower_ in ("you", "your") for t in sent):
        return  # advice to the reader or words addressed to someone: not the story's open issues
    explicit = _explicit(sent)
    if explicit:
        yield explicit
    elif text.rstrip(QUOTE_CHARS + "'’ )").endswith("?"):
        return
    seen: set[int] = set()
    said: set[str] = set()
    for tok in sent:
        for cue in _token_cues(tok, sent, published, timeline):
            if cue.focus[0] not in seen and not (cue.question and cue.question in said):
                seen.add(cue.focus[0])
                said.add(cue.question or "")
                yield cue


def _token_cues(
    tok: Token, sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low == "whether" or (low == "if" and _is_complement_if(tok)):
        yield from _whether(tok, sent)
    elif low == "if" and tok.dep_ == "mark":
        yield from _conditional(tok, sent)
    if lemma == "see" and tok.tag_ == "VBN" and tok.head.lemma_ == "remain":
        yield from _unseen(tok, sent)
    if lemma in HEDGE_ADJ and tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        yield from _possible(tok, sent)
    if low == "yet" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        yield from _yet(tok, sent)
    if lemma == "expect" and tok.pos_ in ("VERB", "AUX"):
        yield from _expected(tok, sent)
    if (low in UNCERTAIN_ADJ or (low == "clear" and _negated(tok))) and tok.pos_ == "ADJ":
        yield from _uncertain(tok, sent)
    if low in FRAGILE_ADJ and tok.dep_ in ("acomp", "oprd"):
        yield from _fragile(tok, sent)
    if lemma in DEMAND_VERBS and tok.pos_ == "VERB":
        yield from _demand(tok, sent)
    if low in CONCERN_ADJ and tok.dep_ == "acomp":
        yield from _concern(tok, sent)
    if low in WEAK_MODALS and tok.tag_ == "MD":
        yield from _modal(tok, sent)
    if (low in SCHEDULE_WORDS and tok.tag_ in ("VBN", "JJ")) or (low == "will" and tok.tag_ == "MD"):
        yield from _scheduled(tok, sent, published, timeline)


# Detectors. Each yields at most one Cue for the token that triggers it.


def _explicit(sent: Span) -> Cue | None:
    """A question the text asks about what is still open; rhetoric and questions to "you" are not."""
    text = sent.text.strip()
    if not text.rstrip(QUOTE_CHARS + "'’ )").endswith("?"):
        return None
    start = _question_start(sent)
    while start < sent.end and (sent.doc[start].pos_ in ("CCONJ", "PUNCT") or sent.doc[start].lower_ == "so"):
        start += 1
    span = sent.doc[start : sent.end]
    if not span or not _interrogative(span[0]):
        return None  # "She can't win without help?": a statement with a question mark
    if any(t.lower_ in PERSONAL | VAGUE for t in span):
        return None  # addressed to someone ("do you think ...?"): rhetoric or interview, not an issue
    opening = list(span[:4])
    if any(t.lower_ in ("n't", "n’t", "not") for t in opening):
        return None  # "Why isn't this proof ...?" asserts, it does not ask
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PRONOUNS for t in span):
        return None  # "Why won't he ...?": who is meant is lost once the question stands alone
    if any(t.tag_ == "VBD" for t in opening) or span.root.tag_ == "VBD":
        return None  # about the past: settled, or an explanation the story gives
    content = [t for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop]
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    q = span.text.strip().strip(QUOTE_CHARS + "'‘’ ").strip()
    q = q[0].upper() + q[1:]
    return Cue("explicit", sent, q, _keys(span), (span.start_char, span.end_char))


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


def _whether(tok: Token, sent: Span) -> Iterator[Cue]:
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or _is_past_clause(verb):
        return
    if verb.head.lemma_ in ("regardless", "matter") or (verb.dep_ == "advcl" and not _asks(verb)):
        return
    if verb.head.lemma_ == "be" and _negated(verb.head):
        return  # "the question is not whether ...": the speaker sets it aside
    if verb.head.lemma_ == "ask" and verb.head.tag_ == "VBD":
        return  # "we asked whether ...": the story usually goes on to answer
    q = yes_no(verb, present=True)
    yield Cue("whether", sent, q, _keys_of_clause(verb), _char_span(verb, exclude_marks=True))


def _is_complement_if(tok: Token) -> bool:
    """ "asked if", "unclear if", "to see if": if that introduces a question, not a condition."""
    head = tok.head.head
    if tok.dep_ != "mark" or tok.i < head.i:
        return False
    if head.lemma_ == "see":
        return any(c.lower_ == "to" for c in head.children)  # "(wait) to see if"
    return head.lemma_ in ASKING


def _conditional(tok: Token, sent: Span) -> Iterator[Cue]:
    """'If the meeting finally materializes, ...': a present-tense condition about the future."""
    verb = tok.head
    if verb.dep_ != "advcl" or _is_past_clause(verb):
        return
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if prev in ("as", "even", "only", "what"):
        return
    main = verb.head
    if (
        not any(c.lower_ in ("will", "would", "could", "'ll", "might") for c in main.children)
        and main.tag_ != "VB"
    ):
        return
    yield Cue("conditional", sent, yes_no(verb), _keys_of_clause(verb), _char_span(verb, exclude_marks=True))


def _unseen(tok: Token, sent: Span) -> Iterator[Cue]:
    remain = tok.head
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl")), None) or next(
        (c for c in remain.children if c.dep_ in ("ccomp", "advcl") and c.i > tok.i), None
    )
    subj = _subject(remain)
    if clause is not None and any(m.lower_ in ("whether", "if") for m in clause.children):
        return  # the "whether" cue covers it, with better phrasing
    if any(t.lower_ == "whether" for t in sent.doc[sent.start : remain.i]):
        return  # "Whether X ... remains to be seen": same
    if clause is not None and any(t.tag_ in ("WRB", "WP", "WDT") for t in clause.subtree):
        if _is_past_clause(clause):
            return
        yield Cue("unseen", sent, wh_question(clause), _keys_of_clause(clause), _char_span(clause))
        return
    anaphoric = subj is None or subj.lower_ in ANAPHORS
    keys = frozenset() if anaphoric or subj is None else _keys(subj.subtree)
    q = None if anaphoric or subj is None else f"What will come of {_np(subj)}?"
    yield Cue("unseen", sent, q, keys, (remain.idx, tok.idx + len(tok)), anaphoric=anaphoric)


def _possible(tok: Token, sent: Span) -> Iterator[Cue]:
    noun = tok.head
    if not _is_event_noun(noun):
        return
    if any(c.dep_ in ("relcl", "acl") and _is_past_clause(c) for c in noun.children):
        return  # "the potential acquisition, which was terminated": settled
    words = [t for t in noun.subtree if t.i != tok.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    owned = any(c.dep_ == "poss" for c in noun.children)
    phrase = _join(words) if owned else "the " + _join(words)
    kind = noun.lemma_.lower()
    if kind in {"deal", "agreement", "treaty", "truce", "ceasefire", "settlement"}:
        q = f"Will {phrase} be reached?"
    elif kind in GATHERINGS or SAME_ISSUE.get(kind) == "meeting":
        q = f"Will {phrase} take place?"
    else:
        q = f"Will there be {_join(words)}?"
    keys = frozenset({_stem(noun.lemma_)}) | _keys(noun.subtree)
    kind = "possible" if q.endswith(("take place?", "be reached?")) else "potential"
    yield Cue(kind, sent, q, keys, (min(t.idx for t in noun.subtree), _end(noun)))


def _yet(tok: Token, sent: Span) -> Iterator[Cue]:
    verb = next((t for t in tok.doc[tok.i + 2 : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return
    have = tok.head
    subj = _subject(have) or _subject(verb)
    q = yes_no(verb, subject=subj)
    yield Cue("yet", sent, q, _keys_of_clause(verb), (have.idx, _end(verb)))


def _expected(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X is expected to VP' / 'it is expected that X will VP' / 'analysts expect X to VP'."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if (
        _negated(tok)
        or tok.tag_ == "VBD"
        or any(a.tag_ == "VBD" or a.lower_ in ("was", "were", "had") for a in auxes)
    ):
        return
    if (tok.tag_ == "VBN" and not auxes) or tok.dep_ in ("relcl", "acl"):
        return
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if comp is None or any(c.tag_ in ("WP", "WDT") for c in tok.children):
        return
    if comp.dep_ == "xcomp":
        subj = next((c for c in tok.children if c.dep_ == "dobj"), None) or _subject(tok)
    else:
        subj = None
    if subj is not None and subj.lower_ in ("it",):
        return
    yield Cue("expected", sent, yes_no(comp, subject=subj), _keys_of_clause(comp), _char_span(comp))


def _asks(clause: Token) -> bool:
    """An adverbial clause that is really an indirect question ("unclear when X will ...")."""
    return clause.dep_ == "advcl" and any(
        c.tag_ in ("WRB", "WP") or c.lower_ in ("whether", "if") for c in clause.children if c.i < clause.i
    )


def _uncertain(tok: Token, sent: Span) -> Iterator[Cue]:
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") or _asks(c)), None)
    head = tok.head
    if clause is None and head.lemma_ in ("be", "remain"):
        clause = next((c for c in head.children if (c.dep_ == "ccomp" or _asks(c)) and c.i > tok.i), None)
    if clause is not None:
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
        if "whether" in marks or "if" in marks:
            return  # phrased by the "whether" cue
        if _is_past_clause(clause):
            return
        yield Cue("uncertain", sent, wh_question(clause), _keys_of_clause(clause), _char_span(clause))
        return
    if tok.dep_ not in ("acomp", "oprd") or head.tag_ == "VBD":
        return
    subj = _subject(head)
    if subj is None or subj.pos_ == "PRON":
        return
    what = (
        f"What will {_np(subj)} be?"
        if subj.lemma_.lower() in OUTCOMES
        else f"What will happen to {_np(subj)}?"
    )
    yield Cue("uncertain", sent, what, _keys(subj.subtree), _char_span(head))


def _fragile(tok: Token, sent: Span) -> Iterator[Cue]:
    head = tok.head
    subj = _subject(head)
    if subj is None or subj.pos_ == "PRON" or head.tag_ == "VBD":
        return
    keys = frozenset({_stem(subj.lemma_)})
    yield Cue("fragile", sent, f"Will {_np(subj)} hold?", keys, (min(t.idx for t in subj.subtree), _end(tok)))


def _demand(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X calls on Y to VP', 'X urged Y to VP', 'X demanded that Y VP': will Y do it?"""
    if tok.dep_ in ("acl", "relcl", "amod"):
        return  # "a policy urging employees to ...": describes a thing, raises no issue
    target: Token | None = None
    action: Token | None = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            target = next((p for p in c.children if p.dep_ == "pobj"), target)
        elif c.dep_ == "dobj" and tok.lemma_ != "call":
            target = c
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            action = c
    if action is None:
        return
    if action.dep_ == "ccomp" and not any(m.lower_ == "that" for m in action.children):
        return
    if action.dep_ == "xcomp" and (target is None or target.pos_ == "PRON"):
        return
    q = yes_no(action, subject=target if action.dep_ == "xcomp" else None, trim=True)
    keys = _keys_of_clause(action)
    if target is not None and target.pos_ == "PROPN":
        keys |= {WEAK_KEY + target.lemma_.lower()}  # the same demand on the same person, said twice
    yield Cue("demand", sent, q, keys, (tok.idx, _end(action)))


def _concern(tok: Token, sent: Span) -> Iterator[Cue]:
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "by")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or tok.head.tag_ == "VBD":
        return
    subj = _subject(tok.head)
    if subj is not None and subj.pos_ == "PRON":
        return  # "I am concerned about his stance": whose concern and stance is lost
    about = _join(t for t in obj.subtree if not _inside(t, obj, ("relcl", "appos")))
    about = re.sub(r",?\s*(as well as|and)\s+", " and ", about).rstrip(", ")
    if not any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in VAGUE_CONCERNS for t in obj.subtree):
        return
    owner = _np(subj, keep_det=subj.pos_ == "NOUN", trim=True) if subj is not None else ""
    if subj is not None and subj.pos_ in ("PROPN", "NOUN") and len(owner.split()) <= 3:
        mark = "’" if subj.tag_ == "NNS" else "’s"
        q = f"Will {owner}{mark} concerns about {about} be addressed?"
    else:
        q = f"Will the concerns about {about} be addressed?"
    keys = frozenset({_stem(t.lemma_) for t in obj.subtree if t.pos_ == "NOUN" and not t.is_stop})
    yield Cue("concern", sent, q, keys, _char_span(tok.head))


def _modal(tok: Token, sent: Span) -> Iterator[Cue]:
    """'could'/'might'/'may' + a bare verb about the future; not 'could have', 'could not', past facts."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
        return
    between = tok.doc[tok.i + 1 : verb.i]
    if any(t.lower_ in ("have", "'ve", "not", "n't", "never") for t in between):
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    if verb.lemma_ in {"say", "see", "hear", "remember", "afford", "tell", "imagine", "argue", "recall"}:
        return
    clause = sent.doc[min(t.i for t in verb.subtree) : max(t.i for t in verb.subtree) + 1]
    if PAST_MARKERS.search(clause.text) or any(e.label_ == "DATE" and _past_date(e) for e in clause.ents):
        return
    if verb.dep_ in ("relcl", "acl", "amod"):
        return
    subj = _subject(verb)
    if subj is None or subj.lower_ in PERSONAL | {"it", "that", "this", "they", "he", "she", "which", "who"}:
        return
    yield Cue("modal", sent, yes_no(verb), _keys_of_clause(verb), _char_span(verb))


def _scheduled(
    tok: Token, sent: Span, published: date | None, timeline: tuple[TimelineEntry, ...]
) -> Iterator[Cue]:
    """An event announced for a date after publication: will it happen, and what will it bring?"""
    if published is None:
        return
    verb = tok.head if tok.lower_ == "will" else next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if verb is None or verb.pos_ != "VERB" or (tok.lower_ != "will" and _is_past_clause(tok)):
        return
    if verb.lemma_ in LIGHT_VERBS or verb.dep_ in ("relcl", "acl"):
        return
    lo = min(t.idx for t in verb.subtree)
    hi = max(t.idx + len(t) for t in verb.subtree)
    future = [
        e
        for e in timeline
        if e.span and e.date and lo <= e.span[0] < hi and e.date[:10] > published.isoformat()
    ]
    if not future:
        return
    subj = _subject(verb) or _subject(tok.head)
    if subj is None or subj.pos_ == "PRON":
        return
    # No grouping keys: two announced events share verbs ("hold") but are different issues.
    yield Cue("scheduled", sent, yes_no(verb, subject=subj), frozenset(), (lo, hi))


# Turning clauses into questions.


def yes_no(
    verb: Token, subject: Token | None = None, trim: bool = False, present: bool = False
) -> str | None:
    """'the meeting finally materializes' -> 'Will the meeting finally materialize?'

    `present` keeps a present-tense copula ("whether there is a chance" -> "Is there a chance?");
    `trim` drops side clauses (relative, adverbial, appositive) to keep the question short.
    """
    subj = subject if subject is not None else _subject(verb)
    if subj is None or subj.lower_ in UNCLEAR_SUBJECTS or verb.dep_ == "relcl":
        return None
    words = list(subj.subtree)
    if words[0].tag_ == "PRP$":
        return None  # "his country": whose, the question alone cannot say
    if len(words) > 1 and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        return None  # "the birth of": the rest of the subject went elsewhere in the parse
    if subject is None and sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) > 1:
        return None  # two subjects: the parse is broken here
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.lower_ != "to"]
    modal = next((a.lower_ for a in aux if a.tag_ == "MD"), None)
    lead = {"can": "Can", "ca": "Can", "should": "Should", "must": "Must"}.get(modal or "", "Will")
    skip = {
        c.i for c in verb.children if c.dep_ in ("neg", "mark", "aux", "auxpass", "punct") and c.i < verb.i
    }
    skip |= {t.i for t in subj.subtree}
    skip |= {t.i for c in verb.children if c.dep_ in ("advmod",) and c.i < subj.i for t in c.subtree}
    drop = SIDE_CLAUSES if trim else ("parataxis", "dep")
    for c in verb.children:
        other_clause = c.dep_ == "conj" and (_subject_of(c) is not None or _is_past_clause(c))
        if other_clause or _remains_to_be_seen(c):
            skip |= {t.i for t in c.subtree}  # "..., and took a loss": another clause, another tense
            skip |= {x.i for x in verb.children if x.dep_ == "cc" and c.dep_ == "conj" and x.i < c.i}
    rest = [t for t in verb.subtree if t.i > verb.i and t.i not in skip and not _inside(t, verb, drop)]
    middle = [t for t in verb.subtree if subj.i < t.i < verb.i and t.i not in skip and t.dep_ == "advmod"]
    used = [*subj.subtree, verb, *rest]
    lo, hi = min(t.i for t in used), max(t.i for t in used)
    if any("\n" in t.text or "\n" in t.whitespace_ for t in verb.doc[lo:hi]):
        return None  # the parse ran across a paragraph break
    if any(t.lower_ in PERSONAL or t.text == "us" or t.lower_ == "ourselves" for t in used):
        return None  # "we"/"you" inside a quote: whose question it is gets lost
    passive = any(a.dep_ == "auxpass" for a in aux) or any(
        a.lemma_ == "be" and verb.tag_ == "VBG" for a in aux
    )
    if verb.lemma_ == "be" and not aux and present and verb.tag_ in ("VBZ", "VBP"):
        lead, head = ("Is" if verb.tag_ == "VBZ" or verb.lower_ in ("is", "'s") else "Are"), ""
    elif verb.lemma_ == "be" and not aux:
        head = "be"
    elif present and aux and all(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        lead, head = ("Is" if aux[0].tag_ == "VBZ" else "Are"), verb.text
    elif passive:
        head = "be " + verb.text
    else:
        head = verb.lemma_ if verb.tag_ not in ("VB",) else verb.text
    if not rest and verb.lemma_ in LIGHT_VERBS | {"hold", "give", "put", "keep"}:
        return None  # "Will the acquisition make?": the parse lost the object
    parts = [lead, _undateline(_np(subj, trim=trim))]
    if middle:
        parts.append(_join(middle))
    parts.append(head)
    if rest:
        parts.append(_join(rest))
    q = " ".join(p for p in parts if p).strip()
    q = _clean(re.sub(r"[\s,;:.\-–—'\"”’]+$", "", q)) + "?"
    if not trim and len(q.split()) > MAX_QUESTION_WORDS:
        return yes_no(verb, subject, trim=True, present=present) or q
    return q


def wh_question(clause: Token) -> str | None:
    """'when the vote will take place' -> 'When will the vote take place?'"""
    wh = next((t for t in clause.subtree if t.tag_ in ("WRB", "WP", "WDT") and t.i <= clause.i), None)
    if wh is None:
        return yes_no(clause)
    subj = _subject(clause)
    if subj is None or subj.i == wh.i:
        words = [t for t in clause.subtree if t.i >= wh.i]
        return _clean(_join(words)).capitalize() + "?"
    yn = yes_no(clause)
    if yn is None:
        return None
    first = min(t.i for t in subj.subtree)
    wh_words = _join(t for t in clause.subtree if t.i < first and t.i >= wh.i and t.dep_ != "mark")
    rest = yn[0].lower() + yn[1:]
    return _clean(f"{wh_words.capitalize()} {rest}")


def _remains_to_be_seen(tok: Token) -> bool:
    return tok.lemma_ == "remain" and any(t.lower_ == "seen" for t in tok.subtree)


def _subject_of(verb: Token) -> Token | None:
    """The verb's own subject, without borrowing one from a governing verb."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _undateline(text: str) -> str:
    m = DATELINE.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return subj


def _np(tok: Token, keep_det: bool = True, trim: bool = False) -> str:
    words = [t for t in tok.subtree if keep_det or not (t.dep_ == "det" and t.head.i == tok.i)]
    if trim:
        words = [t for t in words if not _inside(t, tok, SIDE_CLAUSES)]
    text = _join(words)
    if tok.pos_ != "PROPN" and text[:1].isupper() and not (len(text) > 1 and text[1].isupper()):
        first = words[0]
        if first.pos_ != "PROPN" and first.text != "I":
            text = text[0].lower() + text[1:]
    return text


def _join(tokens: Iterable[Token]) -> str:
    """Tokens as text, with names kept whole even when the parse splits them."""
    chosen = {t.i: t for t in tokens}
    for t in list(chosen.values()):
        if t.ent_type_:
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            chosen.update({x.i: x for x in ent or ()})
    toks = sorted(chosen.values(), key=lambda t: t.i)
    out = ""
    for i, t in enumerate(toks):
        out += t.text
        if i + 1 < len(toks):
            out += t.whitespace_ if toks[i + 1].i == t.i + 1 else " "
    return re.sub(r"\s+", " ", out).strip()


def _clean(text: str) -> str:
    text = re.sub(r"\s+([,.;:?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = text.replace(QUOTE_CHARS[0], "").replace("“", "").replace("”", "")
    return re.sub(r"\s+", " ", text).strip(" ,")


def _keys(tokens: Iterable[Token]) -> frozenset[str]:
    """Content lemmas (not names: every question in a two-country story names both)."""
    return frozenset(
        ("" if t.pos_ == "NOUN" else WEAK_KEY) + _stem(t.lemma_)
        for t in tokens
        if t.pos_ in ("NOUN", "VERB", "ADJ")
        and not t.is_stop
        and not t.ent_type_
        and t.lemma_.lower() not in LIGHT_VERBS | HEDGE_ADJ | UNCERTAIN_ADJ | FRAGILE_ADJ
        and len(t.text) > 2
    )


def _keys_of_clause(verb: Token) -> frozenset[str]:
    """The clause's own verb and its subject's head noun: what the clause is about."""
    keys = set()
    if verb.lemma_.lower() not in LIGHT_VERBS and verb.pos_ == "VERB":
        keys.add(WEAK_KEY + _stem(verb.lemma_))
    subj = _subject(verb)
    if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_:
        keys.add(_stem(subj.lemma_))
    for comp in (c for c in verb.children if c.dep_ == "acomp"):
        keys |= {WEAK_KEY + _stem(x.lemma_) for x in comp.children if x.dep_ == "xcomp" and x.pos_ == "VERB"}
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ and verb.lemma_.lower() in LIGHT_VERBS:
        keys.add(_stem(obj.lemma_))
    return frozenset(keys)


def _stem(lemma: str) -> str:
    """Crude stem so "relation"/"relationship" or "materialize"/"materialization" meet."""
    low = lemma.lower()
    return SAME_ISSUE.get(low, low[:7])


def _is_event_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS or lemma.endswith(EVENT_SUFFIXES)


def _is_past_clause(verb: Token) -> bool:
    """Past tense without a modal: a settled fact, not an open question."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return any(t.lower_ in ("have", "'ve") for t in auxes)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def _past_date(ent: Span) -> bool:
    return bool(PAST_MARKERS.search(ent.text))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.head.children) or any(c.dep_ == "neg" for c in tok.children)


def _inside(tok: Token, root: Token, deps: tuple[str, ...]) -> bool:
    while tok.i != root.i:
        if tok.dep_ in deps:
            return True
        tok = tok.head
    return False


def _char_span(verb: Token, exclude_marks: bool = False) -> tuple[int, int]:
    toks = [t for t in verb.subtree if not (exclude_marks and t.dep_ == "mark" and t.head.i == verb.i)]
    return (min(t.idx for t in toks), max(t.idx + len(t) for t in toks))


def _end(tok: Token) -> int:
    return max(t.idx + len(t) for t in tok.subtree)
