"""Tags: topics from the editors' vocabulary (cues at least twice) plus the main actors."""

from __future__ import annotations

import pytest

from generator.errors import BriefingsError
from generator.extract import actors
from generator.extract.tags import default_vocabulary, extract_tags, load_vocabulary, topics

VOCAB = {
    "climate": (("climate",), ("emission",), ("global", "warming")),
    "trade": (("tariff",), ("export",)),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Global warming is speeding up, and emissions rose again.", ["climate"]),
        ("New tariffs hit exports. Tariffs on steel doubled.", ["trade"]),
        ("The climate summit ended. Steel exports fell.", []),  # one cue each: a passing mention
        # most cues first
        (
            "Tariffs on steel and car tariffs doubled; exports fell. Climate groups fear emissions.",
            ["trade", "climate"],
        ),
        ("The election was held on Sunday.", []),
    ],
)
def test_topics_need_two_cues(nlp, text, expected):
    assert topics(nlp(text), VOCAB) == expected


def test_tags_add_main_actors(nlp):
    text = (
        "Germany and France agreed on new tariffs. Germany said the tariffs would start in May. "
        "France said exports would suffer. Italy was not consulted."
    )
    doc = nlp(text)
    tags = extract_tags(doc, actors.extract_actors(doc), VOCAB)
    assert tags[0] == "trade"
    assert "Germany" in tags and "France" in tags
    assert "Italy" not in tags  # mentioned once
    assert len(tags) == len(set(tags))


def test_shipped_vocabulary_loads():
    vocab = default_vocabulary()
    assert {"climate", "trade", "diplomacy", "security", "elections", "economy", "technology"} <= set(vocab)
    assert all(cues and all(c == tuple(w.lower() for w in c) for c in cues) for cues in vocab.values())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("climate: [climate\n", "not valid YAML"),
        ("- climate\n- trade\n", "must map each topic"),
        ("climate: warming\n", "must be a list"),
    ],
)
def test_bad_vocabulary_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "tags.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BriefingsError) as err:
        load_vocabulary(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)
