"""Faster stand-ins for two of the model's spaCy components, with exactly their output.

Extraction reads what all six components of the small English model write, so none can go
(`nlp.COMPONENTS`); but two of them spend most of their time in per-token Python, not in the
network: the rule lemmatizer works out again, at every token, answers it could remember, and
the attribute ruler (tags -> parts of speech and morphology, plus a few word exceptions) runs a
general `Matcher` whose Python predicates are called at every token for every pattern that has
one. Together they were a sixth of the parse. Both are pure functions of a few attributes of
each token (and, for two-word exceptions, of its neighbour), so the stand-ins work each answer out
once per distinct input, with the components' own rules, and write the same attributes. They
decline anything they do not know exactly (other languages' lemmatizers, other pattern
operators), which then runs as shipped; tests compare every token's attributes with the shipped
components over real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token
    from thinc.types import Ints2d

READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""What the attribute ruler's patterns may test (anything else: the shipped ruler runs)."""
WRITTEN = (POS, MORPH, LEMMA, TAG, DEP)
"""What its patterns may set."""


def remembered(lemmatizer: Any) -> Callable[[Token], list[str]] | None:
    """A rule lemmatizer's `lemmatize` that remembers every answer, so each word form is worked
    out once; None for a lemmatizer whose rules may read more of the token.

    spaCy's rule lemmatizer is a function of the word, its part of speech and its morphology
    (`Lemmatizer.rule_lemmatize`; the English `is_base_form` reads only the last two), and it
    remembers only some of its answers (by that same key, as spaCy 3.8 does) and works the
    others out, in Python, at every token (every singular noun, every verb in its base form).
    Remembering all of them by the same key gives the same lemmas five to ten times faster.
    """
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    kind = type(lemmatizer)
    base_form = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
    if (
        getattr(lemmatizer, "mode", None) != "rule"
        or getattr(kind, "rule_lemmatize", None) is not Lemmatizer.rule_lemmatize
        or getattr(kind, "is_base_form", None) not in base_form
    ):
        return None  # another language's rules may read more of the token: left as they are
    rule = lemmatizer.rule_lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        forms = memo.get(key)
        if forms is None:
            forms = memo[key] = rule(token)
        return forms

    return lemmatize


def install(nlp: Language) -> None:
    """Put the stand-ins in the pipeline, where the components they stand for allow it."""
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        lemmatize = remembered(lemmatizer)
        if lemmatize is not None:
            lemmatizer.lemmatize = lemmatize  # type: ignore[attr-defined]
    if "attribute_ruler" in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(RULES_FACTORY):
            Language.factory(RULES_FACTORY, func=_attribute_rules)
        try:
            nlp.add_pipe(RULES_FACTORY, name=RULES_FACTORY, after="attribute_ruler")
        except Unsupported:
            return
        nlp.remove_pipe("attribute_ruler")
        nlp.rename_pipe(RULES_FACTORY, "attribute_ruler")


RULES_FACTORY = "briefings_attribute_rules"


def _attribute_rules(nlp, name):  # type: ignore[no-untyped-def]  # spaCy reads the signature
    """The spaCy factory of `AttributeRules`: made from the pipeline's own attribute ruler."""
    return AttributeRules(nlp.get_pipe("attribute_ruler"))


class Unsupported(Exception):
    """A pattern this module does not evaluate exactly as spaCy's `Matcher` does."""


def _check(attr: str | int, value: Any) -> tuple[int, str, Any]:
    """One condition of a pattern's token: (column, operator, operand), as the `Matcher` reads it."""
    if not isinstance(attr, str) or attr not in READ:
        raise Unsupported(str(attr))
    col = list(READ).index(attr)
    if attr == "IS_SPACE":
        if isinstance(value, bool):
            return col, "==", int(value)
        raise Unsupported(f"{attr}: {value!r}")
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return col, "==", get_string_id(value)
    if isinstance(value, dict) and len(value) == 1:
        op, operand = next(iter(value.items()))
        if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return col, op, frozenset(get_string_id(v) for v in operand)
        if op == "REGEX" and isinstance(operand, str):
            return col, op, re.compile(operand)
    raise Unsupported(f"{attr}: {value!r}")


Check = tuple[int, str, Any]
Test = tuple[Check, ...]


class AttributeRules:
    """The attribute ruler's patterns, worked out once per distinct token, applied with arrays.

    A token's outcome depends only on its tag, dependency label, whether it is a space, and its
    lower-case form, which matters only as one of the words the patterns name, or else through
    the patterns' regular expressions: that is the key answers are remembered by. Matches set
    attributes in the ruler's order (later patterns win), token by token, as `AttributeRuler`
    does; two-word patterns are matched on the remembered answers of both words.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        self.strings = ruler.vocab.strings
        self.tests: list[Test] = []
        self.singles: list[tuple[int, int]] = []  # (ordinal, test)
        self.multis: list[tuple[int, int, list[int]]] = []  # (ordinal, target offset, tests)
        for n, entry in enumerate(ruler.patterns):
            if "_" in self.attrs[n] or not set(self.attrs[n]) <= set(WRITTEN):
                raise Unsupported(f"sets {sorted(self.attrs[n])}")
            index, alternatives = ruler.indices[n], entry["patterns"]
            if not isinstance(alternatives, list):
                raise Unsupported(repr(alternatives))
            for pattern in alternatives:
                if not isinstance(pattern, list) or not pattern or not -len(pattern) <= index < len(pattern):
                    raise Unsupported(repr(pattern))
                if not all(isinstance(spec, dict) for spec in pattern):
                    raise Unsupported(repr(pattern))
                ids = [self._test(tuple(_check(a, v) for a, v in spec.items())) for spec in pattern]
                if len(ids) == 1:
                    self.singles.append((n, ids[0]))
                else:
                    self.multis.append((n, index % len(ids), ids))
        checks = [c for test in self.tests for c in test if c[0] == 1]
        self.words = {x for _, op, v in checks if op != "REGEX" for x in (v if op != "==" else (v,))}
        self.regexes = [v for _, op, v in checks if op == "REGEX"]
        self.classes: dict[int, Any] = {}
        self.memo: dict[tuple[int, Any, int, int], int] = {}
        self.outcomes: list[tuple[tuple[int, ...], frozenset[int]]] = []
        self.values: list[list[int]] = []
        self.masks: list[list[bool]] = []
        self.firsts: list[tuple[int, ...]] = []  # per outcome: the multi-word patterns it can start
        self._tables: tuple[Any, Any, Any] | None = None

    def _test(self, test: Test) -> int:
        if test not in self.tests:
            self.tests.append(test)
        return self.tests.index(test)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(list(READ.values())).tolist()
        ids = [self._outcome(row) for row in rows]
        if self._tables is None or len(self._tables[0]) != len(self.values):
            self._tables = (
                numpy.array(self.values, dtype=numpy.uint64),
                numpy.array(self.masks, dtype=bool),
                numpy.array([bool(f) for f in self.firsts]),
            )
        table, mask, starts = self._tables
        index = numpy.array(ids, dtype=numpy.intp)
        extra = self._multi_matches(ids, numpy.flatnonzero(starts[index]).tolist())
        current = doc.to_array(list(WRITTEN))
        new = numpy.where(mask[index], table[index], current)
        for i, ordinals in extra.items():
            new[i] = current[i]
            self._apply(sorted({*self.outcomes[ids[i]][0], *ordinals}), new[i])
        doc.from_array(list(WRITTEN), cast("Ints2d", new))
        return doc

    def _outcome(self, row: list[int]) -> int:
        """The remembered outcome for a token's (tag, word class, dependency, space)."""
        tag, lower, dep, space = row
        word = self.classes.get(lower)
        if word is None:
            text = self.strings[lower]
            word = self.classes[lower] = (
                lower if lower in self.words else tuple(bool(r.search(text)) for r in self.regexes)
            )
        key = (tag, word, dep, space)
        found = self.memo.get(key)
        if found is None:
            true = frozenset(t for t, test in enumerate(self.tests) if _holds(test, row, self.strings))
            ordinals = tuple(sorted({n for n, t in self.singles if t in true}))
            value = numpy.zeros(len(WRITTEN), dtype=numpy.uint64)
            masked = self._apply(ordinals, value)
            found = self.memo[key] = len(self.outcomes)
            self.outcomes.append((ordinals, true))
            self.values.append([int(v) for v in value])
            self.masks.append(masked)
            self.firsts.append(tuple(m for m, (_, _, tests) in enumerate(self.multis) if tests[0] in true))
        return found

    def _apply(self, ordinals: Any, row: Any) -> list[bool]:
        """Set the attributes of each pattern in turn (later ones win); which columns were set."""
        masked = [False] * len(WRITTEN)
        for n in ordinals:
            for attr, value in self.attrs[n].items():
                col = WRITTEN.index(attr)
                row[col] = value
                masked[col] = True
        return masked

    def _multi_matches(self, ids: list[int], starts: list[int]) -> dict[int, list[int]]:
        """Tokens that patterns of several words set, with the patterns' ordinals; `starts` are
        the tokens that can begin one."""
        out: dict[int, list[int]] = {}
        for start in starts:
            for m in self.firsts[ids[start]]:
                n, target, tests = self.multis[m]
                if start + len(tests) <= len(ids) and all(
                    t in self.outcomes[ids[start + k]][1] for k, t in enumerate(tests) if k
                ):
                    out.setdefault(start + target, []).append(n)
        return out


def _holds(test: Test, row: list[int], strings: Any) -> bool:
    for col, op, operand in test:
        value = row[col]
        if op == "==" and value != operand:
            return False
        if op == "IN" and value not in operand:
            return False
        if op == "NOT_IN" and value in operand:
            return False
        if op == "REGEX" and not operand.search(strings[value]):
            return False
    return True
