"""Names and ids, shared by extraction, the registry, validation and the site (no spaCy)."""

from __future__ import annotations

import pytest

from generator.names import acronym, briefing_id, name_key, slugify


@pytest.mark.parametrize(
    ("text", "key"),
    [("U.S.", "us"), ("  United   States ", "united states"), ("Lü’s", "lü's"), ("N. Korea", "n korea")],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Lü Xiang", "lu-xiang"),
        ("U.S.", "u-s"),
        ("!!", "actor"),
        ("Xi-Biden", "xi-biden"),
        # other scripts are transliterated, never dropped (they used to collapse to "actor")
        ("Что происходит в Москве", "chto-proiskhodit-v-moskve"),
        ("Ελλάδα", "ellada"),
        ("北京市", "bei-jing-shi"),
        ("Straße in Łódź", "strasse-in-lodz"),
        ("Ærø", "aero"),
        ("ﬁnance²", "finance2"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["United", "States"], "us"), (["Bank", "of", "England"], "be"), (["the", "UN"], "u")],
)
def test_acronym(words: list[str], expected: str) -> None:
    assert acronym(words) == expected


@pytest.mark.parametrize(
    ("title", "published", "expected"),
    [
        ("China confirms climate talks", "2023-11-03", "2023-11-03-china-confirms-climate-talks"),
        ("No date here", None, "no-date-here"),
        ("Что такое?", "2018-06-18", "2018-06-18-chto-takoe"),
        ("Какую роль играет Россия", "2018-06-18", "2018-06-18-kakuyu-rol-igraet-rossiya"),
        ("!!!", "2018-06-18", "2018-06-18-article"),
        (
            "A" * 5 + " " + "word " * 30,
            "2023-11-03T10:00",
            "2023-11-03-aaaaa-word-word-word-word-word-word-word-word-word-word-word",
        ),
    ],
)
def test_briefing_id(title: str, published: str | None, expected: str) -> None:
    assert briefing_id(title, published) == expected
