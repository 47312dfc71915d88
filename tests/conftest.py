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


def _hypothesis_profile() -> None:
    """Property tests run the same examples everywhere (derandomized, no example database), with no
    deadline: CI machines are shared and a slow example is not a failure."""
    import os

    from hypothesis import HealthCheck, Phase, settings

    common = {
        "derandomize": True,
        "database": None,
        "deadline": None,
        "print_blob": True,
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    }
    # CI reports the first failing example as found (shrinking one can take minutes);
    # HYPOTHESIS_PROFILE=debug shrinks it to the smallest one, to read.
    settings.register_profile("briefings", phases=[Phase.explicit, Phase.generate], **common)
    settings.register_profile("debug", **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "briefings"))


_hypothesis_profile()
