"""Shared fixtures: one spaCy pipeline for the whole session (loading it is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp import load

    return load()
