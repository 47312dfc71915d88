"""Roles from every pattern news uses, short, with the affiliation apart; never a form of address,
an age, an email address or a life stage."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors


def role(nlp, text: str, person: str) -> tuple[str | None, str | None]:
    cast = extract_actors(nlp(text))
    actor = next((a for a in cast.actors if a.name == person), None)
    assert actor is not None, [(a.name, a.kind) for a in cast.actors]
    assert actor.kind == "person"
    return actor.role, actor.affiliation


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # offices before the name, with the organisation after it
        (
            "Patrol Chief James Hall of the NYPD said the road would reopen.",
            "James Hall",
            ("Patrol Chief", "NYPD"),
        ),
        ("Amazon spokesman Jim Smith declined to comment.", "Jim Smith", ("spokesman", "Amazon")),
        ("Sen. Ted Cruz has made the most trips.", "Ted Cruz", ("Senator", None)),
        ("Gov. Rick Perry has completed the most visits.", "Rick Perry", ("Governor", None)),
        # set off after the name
        (
            "Jim Smith, a spokesman for Malaysia Airlines, said the search would go on.",
            "Jim Smith",
            ("spokesman", "Malaysia Airlines"),
        ),
        (
            "Sister Sharon Holland, the head of the LCWR, told reporters that feelings were hard.",
            "Sharon Holland",
            ("head", "LCWR"),
        ),
        (
            "In a summary, Mark Addison, then her private secretary for home affairs, said it would fail.",
            "Mark Addison",
            ("private secretary for home affairs", None),
        ),
        (
            "She agreed with Tim Flesher, another of her private secretaries, that it would look weak.",
            "Tim Flesher",
            ("private secretary", None),
        ),
        (
            "“Papa, come home,” Angela Anggi Ranastianis, his 22-year-old daughter, pleaded.",
            "Angela Anggi Ranastianis",
            ("daughter", None),
        ),
        # the name set after the role
        ("The captain, Iriyanto, was a former fighter pilot.", "Iriyanto", ("captain", None)),
        (
            "The co-pilot was Rémi Emmanuel Plesel, a French citizen.",
            "Rémi Emmanuel Plesel",
            ("co-pilot", None),
        ),
        # "who heads", "who was"
        (
            "Jane Garvey, who heads the Federal Aviation Administration, said flights would resume.",
            "Jane Garvey",
            ("head", "Federal Aviation Administration"),
        ),
        (
            "Michael Gove, who was education secretary until the summer, is said to believe it.",
            "Michael Gove",
            ("education secretary", None),
        ),
        # "as", "named"
        (
            "As the founder of the Newport Jazz Festival, George Wein has made a major contribution.",
            "George Wein",
            ("founder", "Newport Jazz Festival"),
        ),
        (
            "In 1970 he hired a Tulane University student named Quint Davis.",
            "Quint Davis",
            ("student", "Tulane University"),
        ),
        # a form of address, an age, an email address or a life stage is no role
        ("Mrs Thatcher warned that standards would fall.", "Thatcher", (None, None)),
        ("Tim O'Gorman, 41, took the side to victory.", "Tim O'Gorman", (None, None)),
        ("Jim Smith, jsmith@example.com, said the office was closed.", "Jim Smith", (None, None)),
        ("Hillary Clinton was christened there as a child.", "Hillary Clinton", (None, None)),
    ],
)
def test_roles_from_every_pattern(
    nlp, text: str, person: str, expected: tuple[str | None, str | None]
) -> None:
    assert role(nlp, text, person) == expected


@pytest.mark.parametrize(
    ("text", "person", "aliases"),
    [
        # the article's own spellings with a form of address, and a surname written alone
        ("Sir Keith Joseph wrote the note. Sir Keith insisted on it.", "Keith Joseph", {"Sir Keith Joseph"}),
        (
            "Macmillan CEO John Sargent wrote to authors. Sargent said the deal was fair.",
            "John Sargent",
            {"Sargent"},
        ),
    ],
)
def test_spellings_are_aliases(nlp, text: str, person: str, aliases: set[str]) -> None:
    cast = extract_actors(nlp(text))
    actor = next(a for a in cast.actors if a.name == person)
    assert aliases <= set(actor.aliases)
