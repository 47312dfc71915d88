"""Cues where the text hedges about what comes next: "a possible deal", "has yet to", "is
expected to", "if the meeting materializes", "could", a "fragile" truce."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..spans import join_names_whole
from ..syntax import FIRST_SECOND_PERSON, clause_subject, is_past_clause, negated, own_subject
from .cue import SAME_ISSUE, Cue, char_span, end_of, keys_of, keys_of_clause, past_hypothesis, stem
from .disputed import RELATIONS
from .forms import ask_with
from .phrasing import yes_no
from .wording import finish, noun_phrase, phrase_text

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
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ance", "ence", "al")
"""Endings of nouns that name an event ("negotiation", "settlement", "hearing")."""
ROLE_NOUNS = {
    "candidate": "run", "contender": "run", "challenger": "run", "nominee": "", "successor": "",
    "buyer": "buy", "bidder": "bid", "suitor": "bid", "replacement": "", "partner": "",
}  # fmt: skip
"""People a role is open for: "potential candidates" asks which will run."""
AGREEMENTS = {"deal", "agreement", "treaty", "truce", "ceasefire", "settlement"}
"""Events that are reached rather than held."""
PAST_MARKERS = re.compile(r"\b(last|ago|yesterday|earlier|previous|former|once)\b", re.I)
"""Words that put a clause in the past whatever its modal ("could have", "could last year")."""
COMMITMENTS = {"threaten", "vow", "pledge", "promise"}
"""Prospects that still stand when said in the past ("vowed to appeal")."""
PROSPECT_VERBS = {"expect", "plan", "intend", "aim", "hope", "prepare", "want"} | COMMITMENTS
PROSPECT_ADJ = {"likely", "unlikely", "set", "due", "poised", "slated", "scheduled", "bound", "certain"}
"""'X is likely to VP', 'X is set to VP', 'seems certain to VP': what comes next, announced."""
PROBABLY = {"probably", "likely", "possibly", "perhaps", "maybe"}
SEEMING = {"appear", "seem"}
MAX_WORDS = 26
NOT_HEDGED = {"say", "see", "hear", "remember", "afford", "tell", "imagine", "argue", "recall"}
"""Verbs whose "could"/"might" is no hedge about the future ("you could say")."""


def conditional(tok: Token, sent: Span) -> Iterator[Cue]:
    """'If the industry has a bad year, the state would take a hit' -> 'Will the state take a hit
    if the industry has a bad year?'; a condition about the future, in the present tense."""
    verb = tok.head
    if verb.dep_ != "advcl" or verb.pos_ not in ("VERB", "AUX") or is_past_clause(verb):
        return  # "if not better": no condition
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if prev in ("as", "even", "only", "what"):
        return
    main = verb.head
    if not any(c.lower_ in ("will", "would", "'ll") for c in main.children) and (
        main.tag_ != "VB" or any(c.tag_ == "MD" for c in main.children)
    ):
        return  # "if ..., they may double again": a hedge on a hypothesis, nothing to follow
    q = None
    if (
        tok.lower_ == "if"
        and main.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "neg" for c in main.children)
    ):
        consequence = yes_no(main, trim=True)
        condition = [t for t in verb.subtree if t.i != tok.i]
        if consequence and condition and len(consequence.split()) + len(condition) <= MAX_WORDS:
            q = finish(f"{consequence[:-1]} if {phrase_text(condition)}")
    q = q or yes_no(verb)
    yield Cue("conditional", sent, q, keys_of_clause(verb), char_span(verb, exclude_marks=True))


def until(tok: Token, sent: Span) -> Iterator[Cue]:
    """'... until Congress passes the bill' -> 'Will Congress pass the bill?': an event the
    sentence waits for, in the present tense."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or is_past_clause(verb) or negated(verb):
        return
    if not (
        verb.tag_ in ("VBZ", "VBP")
        or any(a.tag_ in ("VBZ", "VBP") for a in verb.children if a.dep_ in ("aux", "auxpass"))
    ):
        return
    yield Cue(
        "prospect", sent, yes_no(verb, trim=True), keys_of_clause(verb), char_span(verb, exclude_marks=True)
    )


def possible(tok: Token, sent: Span) -> Iterator[Cue]:
    """'a possible summit' -> 'Will the summit take place?'; 'the potential candidates for
    president' -> 'Which of the candidates for president will run?'"""
    noun = tok.head
    if noun.lemma_.lower() in RELATIONS:
        return  # "Russia's possible ties to ...": a suspicion, asked by `disputed.suspected`
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and is_past_clause(verb) and noun.lemma_.lower() not in EVENT_NOUNS | set(ROLE_NOUNS):
        return  # "investigated for possible connections with ...": a suspicion the story has told of
    if noun.lemma_.lower() in ROLE_NOUNS:
        yield from _role(tok, noun, sent)
        return
    if not is_event_noun(noun):
        return
    if any(c.dep_ in ("relcl", "acl") and is_past_clause(c) for c in noun.children):
        return  # "the potential acquisition, which was terminated": settled
    words = [t for t in noun.subtree if t.i != tok.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    owned = any(c.dep_ == "poss" for c in noun.children)
    phrase = join_names_whole(words) if owned else "the " + join_names_whole(words)
    kind = noun.lemma_.lower()
    if owned and kind not in AGREEMENTS | GATHERINGS:
        q = f"Will {phrase} happen?"
    elif kind in AGREEMENTS:
        q = f"Will {phrase} be reached?"
    elif kind in GATHERINGS or SAME_ISSUE.get(kind) == "meeting":
        q = f"Will {phrase} take place?"
    else:
        q = f"Will there be {join_names_whole(words)}?"
    keys = frozenset({stem(noun.lemma_)}) | keys_of(noun.subtree)
    kind = "possible" if q.endswith(("take place?", "be reached?")) else "potential"
    yield Cue(kind, sent, q, keys, (min(t.idx for t in noun.subtree), end_of(noun)))


def _role(tok: Token, noun: Token, sent: Span) -> Iterator[Cue]:
    """Who will fill a role the text names as only possible."""
    words = [t for t in noun.subtree if t.i != tok.i and not (t.dep_ == "det" and t.head.i == noun.i)]
    words = [
        t
        for t in words
        if t.dep_ not in ("relcl", "acl")
        and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i in {w.i for w in noun.subtree})
    ]
    phrase = phrase_text(words)
    if len(phrase.split()) > 10:
        return
    verb = ROLE_NOUNS[noun.lemma_.lower()]
    if noun.tag_ == "NNS" and verb:
        q = finish(f"Which of the {phrase} will {verb}")
    else:
        q = finish(
            f"Who will be the {noun_phrase(noun, keep_det=False, trim=True).replace(tok.text + ' ', '', 1)}"
        )
    yield Cue("possible", sent, q, frozenset({stem(noun.lemma_)}) | keys_of(noun.subtree), char_span(noun))


def yet(tok: Token, sent: Span) -> Iterator[Cue]:
    verb = next((t for t in tok.doc[tok.i + 2 : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return
    have = tok.head
    subj = clause_subject(have) or clause_subject(verb)
    q = yes_no(verb, subject=subj)
    yield Cue("yet", sent, q, keys_of_clause(verb), (have.idx, end_of(verb)))


def expected(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X is expected to VP' / 'it is expected that X will VP' / 'analysts expect X to VP'; with
    weaker words ("plans to", "is set to", "is likely to", "threatened to") a weaker cue."""
    lemma = tok.lemma_.lower()
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    head_aux = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")] if tok.pos_ == "ADJ" else []
    past = tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("was", "were", "had") for a in auxes)
    if tok.pos_ == "ADJ":
        past = tok.head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in head_aux)
    if negated(tok) or (past and lemma not in COMMITMENTS):
        return
    if any(c.lower_ in ("more", "less", "most", "least") for c in tok.children):
        return  # "more likely to say": a comparison between groups
    if (tok.tag_ == "VBN" and not auxes and tok.pos_ == "VERB") or tok.dep_ in ("relcl", "acl", "amod"):
        return
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if (
        comp is None
        or any(c.tag_ in ("WP", "WDT") for c in tok.children)
        or negated(comp)
        or past_hypothesis(tok)
    ):
        return  # "vowed not to repeat that mistake": asked the other way round it means the opposite
    infinitive = (
        comp.dep_ == "ccomp"
        and any(a.lower_ == "to" for a in comp.children)
        and own_subject(comp) is not None
    )
    if (
        comp.dep_ == "ccomp"
        and not infinitive
        and not any(a.lower_ in ("will", "would", "'ll") for a in comp.children)
    ):
        return
    if comp.dep_ == "xcomp" and tok.pos_ == "ADJ":
        subj = clause_subject(tok.head)
    elif comp.dep_ == "xcomp":
        subj = next((c for c in tok.children if c.dep_ == "dobj"), None) or clause_subject(tok)
    else:
        subj = None
    if subj is not None and subj.lower_ in ("it", "which", "that", "who"):
        return
    if lemma == "want" and (subj is None or subj.pos_ not in ("PROPN", "PRON")):
        return  # "the agency wants to cut costs": a wish; what a named person wants to do is a plan
    kind = "expected" if lemma == "expect" else "prospect"
    q = yes_no(comp, subject=subj, trim=kind != "expected")
    yield Cue(kind, sent, q, keys_of_clause(comp), char_span(comp))


def probable(tok: Token, sent: Span) -> Iterator[Cue]:
    """'X probably will not be suspended' -> 'Will X be suspended?'; 'the days of discounting
    appear to be ending' -> 'Are the days of discounting ending?'"""
    if tok.pos_ == "ADV":
        verb = tok.head
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.pos_ != "VERB" or not {"will", "would", "'ll", "wo"} & set(auxes) or verb.dep_ == "relcl":
            return
        yield Cue("probable", sent, yes_no(verb, trim=True), keys_of_clause(verb), char_span(verb))
        return
    if tok.tag_ not in ("VBZ", "VBP"):
        return
    comp = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("xcomp", "oprd", "acomp") and c.pos_ in ("VERB", "AUX", "ADJ")
        ),
        None,
    )
    ahead = comp is not None and comp.lemma_.lower() in PROSPECT_ADJ
    if ahead and comp is not None:  # "appears set to veto", "seems certain to shift"
        comp = next((c for c in comp.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    subj = clause_subject(tok)
    if comp is None or comp.pos_ == "ADJ" or subj is None or subj.pos_ == "PRON":
        return
    if any(a.lower_ == "have" for a in comp.children if a.dep_ == "aux"):
        return  # "appears to have abandoned": about the past
    lead = "Are" if subj.tag_ in ("NNS", "NNPS") else "Is"
    if ahead:
        q = yes_no(comp, subject=subj, trim=True)
    elif comp.tag_ == "VBG" and any(a.lemma_ == "be" for a in comp.children if a.dep_ == "aux"):
        q = ask_with(lead, subj, comp.text, comp)
    elif comp.lemma_ == "be":
        q = ask_with(lead, subj, "", comp)
    elif comp.tag_ == "VB" and not any(a.dep_ == "auxpass" for a in comp.children):
        q = ask_with("Do" if lead == "Are" else "Does", subj, comp.lemma_, comp)  # "appear to chime"
    else:
        q = yes_no(comp, subject=subj, trim=True)
    yield Cue("probable", sent, q, keys_of_clause(comp), char_span(comp))


def fragile(tok: Token, sent: Span) -> Iterator[Cue]:
    """'The truce remains fragile' -> 'Will the truce hold?'; not a comparison ("more volatile than")."""
    if any(c.lower_ in ("more", "less", "than", "as", "too") for c in tok.subtree):
        return
    head = tok.head
    subj = clause_subject(head)
    if subj is None or subj.pos_ == "PRON" or head.tag_ == "VBD":
        return
    if any(t.lower_ in FIRST_SECOND_PERSON for t in subj.subtree):
        return  # "our position": whose, the question alone cannot say
    keys = frozenset({stem(subj.lemma_)})
    yield Cue(
        "fragile",
        sent,
        f"Will {noun_phrase(subj)} hold?",
        keys,
        (min(t.idx for t in subj.subtree), end_of(tok)),
    )


def modal(tok: Token, sent: Span) -> Iterator[Cue]:
    """'could'/'might'/'may' + a bare verb about the future; not 'could have', 'could not', past facts."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i or tok.i == tok.sent.start:
        return  # "May the odds be ever in our favor": a wish
    between = tok.doc[tok.i + 1 : verb.i]
    if any(t.lower_ in ("have", "'ve", "not", "n't", "never") for t in between):
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    if verb.lemma_ in NOT_HEDGED:
        return
    clause = sent.doc[min(t.i for t in verb.subtree) : max(t.i for t in verb.subtree) + 1]
    if PAST_MARKERS.search(clause.text):
        return
    if verb.dep_ in ("relcl", "acl", "amod"):
        return
    if past_hypothesis(verb):
        return  # "if the state held up the deal, Patriot could threaten ...": a hypothesis
    subj = clause_subject(verb)
    if subj is None or subj.lower_ in FIRST_SECOND_PERSON | {
        "it",
        "that",
        "this",
        "they",
        "he",
        "she",
        "which",
        "who",
    }:
        return
    yield Cue("modal", sent, yes_no(verb), keys_of_clause(verb), char_span(verb))


def maybe_done(tok: Token, sent: Span) -> Iterator[Cue]:
    """'a loss that he may have used to avoid paying taxes', 'it could have been intentional' ->
    'Did he use ...?', 'Was it intentional?': what may have happened, asked as the past."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i or verb.tag_ != "VBN" and verb.lemma_ != "be":
        return
    between = [t.lower_ for t in tok.doc[tok.i + 1 : verb.i]]
    if "have" not in between and "'ve" not in between or any(w in ("not", "n't", "never") for w in between):
        return
    if any(t.lower_ in ("if", "unless") for t in sent) or verb.dep_ in ("advcl", "acl", "amod"):
        return  # "if ... could have": a counterfactual, not a suspicion
    if "well" in between or "once" in between or any(c.dep_ == "conj" and negated(c) for c in verb.children):
        return  # "may as well have been", "could have saved but didn't", "may once have seemed": not now
    if any(
        t.lower_ == "but" and t.i > verb.i and t.nbor().lower_ == "not" for t in sent if t.i + 1 < sent.end
    ):
        return  # "may have seemed far away, but not after ...": the story says what is so
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return  # "the only place where this story could have unfolded"
    subj = clause_subject(verb)
    if subj is None:
        return
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    many = subj.tag_ in ("NNS", "NNPS") or subj.lower_ == "they"
    if verb.lemma_ == "be" or passive:
        lead, head = ("Were" if many else "Was"), ("" if verb.lemma_ == "be" else verb.text)
    else:
        lead, head = "Did", verb.lemma_
    rel = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")), None)
    if rel is not None and verb.dep_ == "relcl":  # "a loss that he may have used": the loss
        head = f"{head} {noun_phrase(verb.head, trim=True, definite=True)}"
    elif rel is not None:
        return
    yield Cue("suspected", sent, ask_with(lead, subj, head, verb), keys_of_clause(verb), char_span(verb))


def is_event_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS or lemma.endswith(EVENT_SUFFIXES)
