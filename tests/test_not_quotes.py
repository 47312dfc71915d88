"""Quoted words nobody says (names, titles, terms, glosses, nicknames) never become quotes; the
same words in a speech frame do."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes


def direct(nlp, text: str) -> list[str]:
    doc = nlp(text)
    cast = extract_actors(doc)
    return [q.text for q in extract_quotes(doc, cast) if q.kind != "indirect"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name given with nobody named as giving it
        (
            "The overall bill, sometimes called a “cromnibus” since it funds the agency only until "
            "February, was slated to be voted on by the House.",
            [],
        ),
        (
            "The agreements embrace what has been called the “agency model” of book pricing.",
            [],
        ),
        ("The group, known as the “Tea Party Caucus,” met on Monday.", []),
        ("He joined a so-called “super PAC” last year.", []),
        # someone doing the naming: the words are theirs
        ("Donald Trump called him “a total stiff” on Monday.", ["a total stiff"]),
        # terms presented as terms
        (
            "Macmillan CEO John Sargent wrote to authors. “Irony prospers in the digital age,” he "
            "added. The reference to “irony” refers to the long-running case that the Department of "
            "Justice had leveled against five publishers.",
            ["Irony prospers in the digital age,"],
        ),
        ("The word “sanctuary” appears nowhere in the bill.", []),
        # titles of works
        ("Survivors compared it to the film “Jaws” on Sunday.", []),
        ("The sisters wrote a book titled “The Power of Sisterhood” last year.", []),
        # glosses and translations
        ("Courts call it Rechtsstaat (“rule of law”) in Germany.", []),
        # nicknames inside a name
        ('It is home to the Don "Moose" Jamison Heritage School of Music.', []),
        ("Indonesian President Joko “Jokowi” Widodo ordered a review.", []),
        # in reported speech, names and terms stay out: a noun before a noun, a capitalised name
        (
            "China said it is committed to the “one country, two systems” formula granting the city "
            "autonomy.",
            [],
        ),
        ("The spokesman said the “Indo-Pacific” strategy had failed.", []),
        ("Labour said the budget would bring a “poll-tax” rise for renters.", []),
        # ... and so do clauses nobody says, a reason no named speaker gives, and lone words under
        # a verb of thinking
        (
            "Mehmet Oz has been called a charlatan by fellow physicians for promoting “quack” cures.",
            [],
        ),
        ("The plume is far larger than what is predicted to result from “exogenic” processes.", []),
        ("Debroski Herbert believes that the cells continually “taste” the air for threats.", []),
        ("Donald Trump continued to portray “illegal” immigrants as violent criminals.", []),
        # speech stays speech
        ("“We will win,” Bernie Sanders said on Monday.", ["We will win,"]),
        (
            "Hillary Clinton said it means Donald Trump “may not have paid a dime” in taxes.",
            ["may not have paid a dime"],
        ),
    ],
)
def test_quoted_words_that_are_not_speech(nlp, text: str, expected: list[str]) -> None:
    assert direct(nlp, text) == expected
