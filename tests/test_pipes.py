"""The pipeline's stand-ins for spaCy components write exactly what the shipped components write.

`pipes` replaces the lemmatizer's and the attribute ruler's per-token Python with answers worked
out once; extraction reads every attribute they set (parts of speech, morphology, lemmas), so any
difference would change briefings. The reference is the model as shipped, with our one added
component (paragraph breaks) and nothing replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from generator import ingest, pipes
from generator import nlp as nlp_mod

ROOT = Path(__file__).resolve().parent.parent

HARD = [
    "Ain't nobody gonna stop us, let's go. I gotta say it isn't so, y'all. You're wrong: it's nothin'.",
    "GONNA WANNA LET'S AIN'T. Let 'em be. We'd've gone. Cannot, can't, won't, shan't, 'tis.",
    "But I said it. You know it? It was her, not him; they told us. Me, myself and I.",
    "  Leading spaces,\ttabs\tand\n\nblank lines \n  \n between paragraphs.  ",
    "I will saw the wood. I saw him there. Then I will saw it again. The saws were saws.",
    "C'mon, there's nothin' there. There are two. Y'all gotta go, 'cause it's gonna rain.",
    "",
]
"""Text the components have exceptions for (contractions, two-word patterns, expletive there),
and one word form read with two morphologies in turn ("saw": a lemma remembered by the word and
its part of speech alone would leak from one to the other)."""


@pytest.fixture(scope="module")
def shipped() -> Any:
    """The model as spaCy ships it (the same components), plus our paragraph breaks."""
    nlp = spacy.load(nlp_mod.model_name(), exclude=["senter"])
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def attributes(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc
    ]


def test_the_stand_ins_are_in_the_pipeline(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), pipes.AttributeRules)
    assert nlp.get_pipe("lemmatizer").lemmatize.__qualname__.startswith("remembered")
    assert nlp.pipe_names == [n for n in nlp_mod.COMPONENTS[:2]] + [
        "paragraph_breaks",
        *nlp_mod.COMPONENTS[2:],
    ]


def test_every_token_gets_what_the_shipped_components_give(nlp: Any, shipped: Any) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.md"))] + HARD
    ours = [attributes(d) for d in nlp.pipe(texts)]
    theirs = [attributes(d) for d in shipped.pipe(texts)]
    assert sum(map(len, ours)) > 30_000
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine == reference


def test_on_pages_and_corpus_texts_no_test_was_written_for(
    shipped: Any, corpus_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 12 saved web pages (as `briefings read` reads them) and the 84 PolNeAR dev texts,
    90,000 tokens: parsed once, then the shipped attribute ruler and lemmatizer on one copy of
    each `Doc` and the stand-ins, made from those same components, on another."""
    ruler, lemmatizer = shipped.get_pipe("attribute_ruler"), shipped.get_pipe("lemmatizer")
    rules, lemmatize = pipes.AttributeRules(ruler), pipes.remembered(lemmatizer)
    assert lemmatize is not None
    texts = [ingest.read(p).text for p in sorted(corpus_sources.iterdir())]
    assert len(texts) == 96
    tokens = 0
    for doc in shipped.pipe(texts, disable=["attribute_ruler", "lemmatizer"]):
        theirs, ours = doc.copy(), doc.copy()
        lemmatizer(ruler(theirs))
        with monkeypatch.context() as patch:
            patch.setattr(lemmatizer, "lemmatize", lemmatize)
            lemmatizer(rules(ours))
        assert attributes(ours) == attributes(theirs)
        assert attributes(ours) != attributes(doc)  # the components did something
        tokens += len(doc)
    assert tokens > 80_000


def ruler_with(pattern: list[dict[str, Any]], attrs: dict[str, Any], index: int = 0) -> Any:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], attrs, index=index)
    return nlp, ruler


@pytest.mark.parametrize(
    ("pattern", "attrs", "index", "supported"),
    [
        ([{"LOWER": "said"}], {"LEMMA": "say", "POS": "VERB"}, 0, True),
        ([{"LOWER": {"IN": ["said", "told"]}}], {"POS": "VERB"}, 0, True),
        ([{"LOWER": {"NOT_IN": ["said"]}, "IS_SPACE": False}], {"POS": "X"}, 0, True),
        ([{"LOWER": {"REGEX": "^t"}}], {"MORPH": "Tense=Past"}, 0, True),
        ([{"LOWER": "let"}, {"LOWER": "us"}], {"LEMMA": "we"}, -1, True),
        ([{"ORTH": "said"}], {"POS": "VERB"}, 0, False),  # an attribute it does not read
        ([{"LOWER": "said", "OP": "+"}], {"POS": "VERB"}, 0, False),  # an operator
        ([{"LOWER": {"FUZZY": "said"}}], {"POS": "VERB"}, 0, False),
        ([{"LOWER": "said"}], {"NORM": "say"}, 0, False),  # an attribute it does not set
        ([{"IS_SPACE": {"IN": [True]}}], {"POS": "SPACE"}, 0, False),  # a set of truth values
        ([{"TAG": {"IN": [1, 2]}}], {"POS": "X"}, 0, False),  # a set of numbers
    ],
)
def test_patterns_it_knows_and_patterns_it_leaves_to_spacy(
    pattern: list[dict[str, Any]], attrs: dict[str, Any], index: int, supported: bool
) -> None:
    nlp, ruler = ruler_with(pattern, attrs, index)
    text = "He said, let us go: they told the others that it was time to tell."
    if not supported:
        with pytest.raises(pipes.Unsupported):
            pipes.AttributeRules(ruler)
        return
    rules = pipes.AttributeRules(ruler)
    expected = [(t.pos_, str(t.morph), t.lemma_) for t in ruler(nlp.make_doc(text))]
    assert [(t.pos_, str(t.morph), t.lemma_) for t in rules(nlp.make_doc(text))] == expected
    assert expected != [(t.pos_, str(t.morph), t.lemma_) for t in nlp.make_doc(text)]  # it did something


def test_a_pipeline_it_cannot_serve_keeps_the_shipped_ruler() -> None:
    nlp, ruler = ruler_with([{"ORTH": "said"}], {"POS": "VERB"})
    pipes.install(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


class BaseForms(EnglishLemmatizer):
    """Rules of its own for base forms: they might read more of the token than the key holds."""

    def is_base_form(self, token: Any) -> bool:
        return token.text.endswith("s")


@pytest.mark.parametrize(
    ("lang", "kind", "mode", "remembered"),
    [
        ("en", None, "rule", True),
        ("en", None, "lookup", False),  # a table lookup, already one dictionary read
        ("fr", None, "rule", False),  # French rules read more than English ones
        ("en", BaseForms, "rule", False),
    ],
)
def test_lemmatizers_it_remembers_and_lemmatizers_it_leaves_alone(
    lang: str, kind: type | None, mode: str, remembered: bool
) -> None:
    nlp = spacy.blank(lang)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
    if kind is not None:
        lemmatizer = kind(nlp.vocab, None, mode=mode)
    assert (pipes.remembered(lemmatizer) is not None) is remembered
