"""Whole names and kinds: a name the model cut in two is one actor, a name used as a word about
something else is none, and the head word and the description settle what kind it is."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.actors.finding import find_names
from tests.test_actors import with_ents


def found(nlp, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_names(with_ents(nlp, text, ents))]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # an organisation's head word goes on with "for/of the ..." in capitals
        (
            "The prefect for the Congregation for the Doctrine of the Faith spoke.",
            [("Faith", "ORG")],
            [("Congregation for the Doctrine of the Faith", "organization")],
        ),
        (
            "The Stratospheric Observatory for Infrared Astronomy flew on Monday.",
            [("Stratospheric Observatory", "ORG"), ("Infrared Astronomy", "PERSON")],
            [("Stratospheric Observatory for Infrared Astronomy", "organization")],
        ),
        # a head word after "and" names the whole
        (
            "Donors included the Louis Prima and Gia Maione Prima Foundation last year.",
            [("Louis Prima", "ORG"), ("Gia Maione Prima Foundation", "ORG")],
            [("Louis Prima and Gia Maione Prima Foundation", "organization")],
        ),
        # ... but not when the second has its own article: two organisations
        (
            "Hackers struck the DNC and the Democratic Congressional Campaign Committee last year.",
            [("DNC", "ORG"), ("the Democratic Congressional Campaign Committee", "ORG")],
            [("DNC", "organization"), ("Democratic Congressional Campaign Committee", "organization")],
        ),
        (
            "He saw Willie Mays and the Supreme Court in one afternoon.",
            [("Willie Mays", "PERSON"), ("the Supreme Court", "ORG")],
            [("Willie Mays", "person"), ("Supreme Court", "organization")],
        ),
        # a name with "and the" inside stays whole
        (
            "She chairs the House Education and the Workforce Committee now.",
            [("House Education", "ORG"), ("the Workforce Committee", "ORG")],
            [("House Education and the Workforce Committee", "organization")],
        ),
        # a possessive before a name is no part of it
        (
            "Mrs. Clinton met donors while at her State Department in 2010.",
            [("Clinton", "PERSON"), ("her State Department", "ORG")],
            [("Clinton", "person"), ("State Department", "organization")],
        ),
        # a state after a town ends the sentence, even where the parse runs on into a name
        (
            "They met at his golf club at Bedminster, N.J. Roger Ailes, the former chairman, was there.",
            [("Bedminster", "GPE"), ("N.J. Roger Ailes", "PERSON")],
            [("Bedminster", "place"), ("Roger Ailes", "person")],
        ),
        # two people joined by "and" stay two
        (
            "Laurent Cabannes and Laurent Benezech scored.",
            [("Laurent Cabannes and Laurent Benezech", "PERSON")],
            [("Laurent Cabannes", "person"), ("Laurent Benezech", "person")],
        ),
        # the model cut a name short before its last capitalised word
        (
            "Police said Nathaly Cartas Leon, 20, had met her online.",
            [("Nathaly Cartas", "ORG")],
            [("Nathaly Cartas Leon", "organization")],
        ),
        # "England Test captain": a name modifying a noun is not extended
        ("England Test captain Mike Atherton batted.", [("England", "GPE")], [("England", "place")]),
        # the operator, not the flight
        (
            "Hopes of finding survivors of Indonesia AirAsia Flight 8501 faded.",
            [("Indonesia AirAsia Flight", "ORG")],
            [("Indonesia AirAsia", "organization")],
        ),
        ("The fate of Flight 8501 remains unclear.", [("Flight", "ORG")], []),
        # names used as words about something else
        ("It became an Italianate-style building.", [("Italianate", "ORG")], []),
        (
            "It was GOP Sen. Rand Paul, R-Ky., who came.",
            [("Rand Paul", "PERSON"), ("Ky.", "GPE")],
            [("Rand Paul", "person")],
        ),
        (
            "Sen. Rand Paul (R-Ky.) came.",
            [("Rand Paul", "PERSON"), ("Ky.", "GPE")],
            [("Rand Paul", "person")],
        ),
        (
            "Indonesian President Joko Widodo spoke.",
            [("Indonesian", "NORP"), ("Joko Widodo", "PERSON")],
            [("Joko Widodo", "person")],
        ),
        ("Most passengers were Indonesians.", [("Indonesians", "NORP")], [("Indonesians", "group")]),
    ],
)
def test_whole_names(nlp, text, ents, expected):
    assert found(nlp, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the head word says what the model could not
        ("Students at Tulane University protested on Monday.", "Tulane University", "organization"),
        ("Flights left JFK Airport late on Monday.", "JFK Airport", "place"),
        # a noun only a person can be, set beside the name
        ("The captain, Iriyanto, was a former fighter pilot.", "Iriyanto", "person"),
        (
            "Hadi Tjahnanto, a senior Indonesian air-force officer, told MetroTV that samples were analyzed.",
            "Hadi Tjahnanto",
            "person",
        ),
        # ... but a noun an organisation can be is no evidence
        ("The publisher, Macmillan, settled with Amazon.", "Macmillan", "organization"),
    ],
)
def test_kinds_from_heads_and_descriptions(nlp, text, name, kind):
    cast = extract_actors(nlp(text))
    actor = next((a for a in cast.actors if a.name == name), None)
    assert actor is not None, [(a.name, a.kind) for a in cast.actors]
    assert actor.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Opponents want to repeal the Affordable Care Act next year.",
        "The court upheld the Second Amendment on Monday.",
    ],
)
def test_laws_are_no_actors(nlp, text):
    cast = extract_actors(nlp(text))
    assert not any(a.name.endswith(("Act", "Amendment")) for a in cast.actors)
