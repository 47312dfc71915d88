"""Shared fixtures: one spaCy pipeline for the whole session (loading it is the slow part)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WEB_PAGES = SHARED / "corpus" / "web" / "pages"
POLNEAR_DEV = SHARED / "corpus" / "quotes" / "polnear-dev.jsonl"


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp import load

    return load()


@pytest.fixture(scope="session")
def corpus_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real articles no test was written for, in one folder: the 12 saved web pages of
    ../shared/corpus/web (whole pages, read as `briefings read` reads them) and the 84 PolNeAR
    dev texts (Markdown with the front matter the scorer writes). Skips where ../shared is absent."""
    if not WEB_PAGES.is_dir() or not POLNEAR_DEV.is_file():
        pytest.skip(f"the shared corpus is not at {SHARED}")
    folder = tmp_path_factory.mktemp("corpus")
    for page in sorted(WEB_PAGES.glob("*.html")):
        shutil.copyfile(page, folder / page.name)
    for line in POLNEAR_DEV.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        front = f"title: {json.dumps(doc['title'])}\nsource: {json.dumps(doc['publisher'])}\n"
        text = f"---\n{front}published: {doc['dct']}\n---\n\n{doc['text']}\n"
        (folder / f"{doc['id']}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_extracted(nlp: object, corpus_sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`briefings extract` of `corpus_sources` in one process (`--jobs 1`): the folder holding
    `briefings/` (the files and their machine copies)."""
    from click.testing import CliRunner

    from generator.cli import cli

    out = tmp_path_factory.mktemp("corpus-jobs1") / "briefings"
    result = CliRunner().invoke(
        cli, ["extract", str(corpus_sources), "--out", str(out), "--no-cache", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    return out


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
