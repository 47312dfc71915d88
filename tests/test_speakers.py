"""Speakers through the reporting frame, pronouns to the person the discourse is about, nominal
speakers to the body the article names; never a dateline, a listener or someone only quoted."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes


def speakers(nlp, text: str, people_only: bool = False) -> list[tuple[str, str | None]]:
    """Each direct quote with its speaker's name (`people_only`: None unless a person)."""
    doc = nlp(text)
    cast = extract_actors(doc)
    out = []
    for q in extract_quotes(doc, cast):
        if q.kind == "indirect":
            continue
        actor = cast.get(q.speaker)
        named = actor is not None and (actor.kind == "person" or not people_only)
        out.append((q.text, actor.name if named and actor is not None else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun is the subject the discourse is about, not the nearest person
        (
            "Donald Trump said Hillary Clinton was wrong about trade. “I will win,” he said.",
            [("I will win,", "Donald Trump")],
        ),
        # ... never a person named only inside a quotation
        (
            "Mark Lambert attended the talks on Friday. “It was useful, and Wang Wenbin agreed with "
            "me,” he said.",
            [("It was useful, and Wang Wenbin agreed with me,", "Mark Lambert")],
        ),
        # ... and of the gender the text shows
        (
            "Angela Merkel met Emmanuel Macron in Berlin. Mr Macron praised the talks at length. “We "
            "agreed on a great deal,” she said.",
            [("We agreed on a great deal,", "Angela Merkel")],
        ),
        # "quote X as saying": X speaks
        (
            "Local newspapers quote Guadalupe Salinas as saying “I don’t regret it.”",
            [("I don’t regret it.", "Guadalupe Salinas")],
        ),
        # a passive subject is spoken to: nobody named speaks
        (
            "Margaret Thatcher read the files. In one briefing note she was warned that “GCSE is an "
            "exam nobody will fail.”",
            [("GCSE is an exam nobody will fail.", None)],
        ),
        # a spokesman for X is X speaking
        (
            "“We are reviewing the report,” a spokesman for Hillary Clinton said on Monday.",
            [("We are reviewing the report,", "Hillary Clinton")],
        ),
        # "it" that reports is the organisation the sentence before is about
        (
            "Amazon announced the agreement on Friday. “It allows us to grow together,” it said.",
            [("It allows us to grow together,", "Amazon")],
        ),
        # a dateline never speaks
        (
            "WASHINGTON (Reuters) - A senior official called the plan “a serious mistake” on Monday.",
            [("a serious mistake", None)],
        ),
    ],
)
def test_speakers(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by its country and what it is becomes an organisation when it speaks
        (
            "Voters backed independence. The Scottish government said it would review the plan. “This "
            "is a serious matter,” the Scottish government said.",
            [("This is a serious matter,", "Scottish government")],
        ),
        # ... and a ship whose name starts like "U.S." is neither that body nor an actor
        (
            "The destroyer USS Sampson arrived in Fiji on Monday. “We are ready to assist,” the U.S. "
            "military said.",
            [("We are ready to assist,", "U.S. military")],
        ),
        # "the airline" is the airline the article named
        (
            "Malaysia Airlines said the plane was missing. “We are working with investigators,” the "
            "airline said.",
            [("We are working with investigators,", "Malaysia Airlines")],
        ),
        # ... and nobody when the article names none (never its chief executive)
        (
            "Chief executive Tony Fernandes flew to Surabaya. “We are working with investigators,” the "
            "airline said.",
            [("We are working with investigators,", None)],
        ),
    ],
)
def test_nominal_speakers(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(nlp, text) == expected


def test_ship_is_no_actor_and_no_alias_of_us(nlp) -> None:
    cast = extract_actors(nlp("The destroyer USS Sampson arrived in Fiji. The U.S. sent aid on Monday."))
    assert not any("Sampson" in a.name for a in cast.actors)
    us = next(a for a in cast.actors if a.name == "U.S.")
    assert us.aliases == ()


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "The United States and China met in Geneva. The U.S. said talks went well.",
            "United States",
            "U.S.",
        ),
        (
            "The Leadership Conference of Women Religious (LCWR) met in Rome. The LCWR said it was ready.",
            "Leadership Conference of Women Religious",
            "LCWR",
        ),
        (
            "Gerhard Müller spoke in Rome. Mueller said the nuns had gone too far.",
            "Gerhard Müller",
            "Mueller",
        ),
    ],
)
def test_aliases_from_evidence(nlp, text: str, name: str, alias: str) -> None:
    cast = extract_actors(nlp(text))
    actor = next((a for a in cast.actors if a.name == name), None)
    assert actor is not None, [(a.name, a.aliases) for a in cast.actors]
    assert alias in actor.aliases


def test_gender_shown_by_the_text(nlp) -> None:
    cast = extract_actors(
        nlp("Mrs Thatcher wrote to Mr Joseph. Mrs Thatcher said she was not impressed. Joseph replied.")
    )
    by_name = {a.name: a.id for a in cast.actors}
    assert cast.gender(by_name["Thatcher"]) == "f"
    assert cast.gender(by_name["Joseph"]) == "m"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # as "the spokesperson" (test_actors_unseen), a bare "the insider", "the expert", "the
        # source" after "an insider", "one legal expert", "a source" takes up that unnamed person
        (
            "Scooter Braun is unhappy with the way his business partner has handled their schism with "
            'Taylor Swift. "He is frustrated," an insider told the outlet on Monday. "This fight with '
            'Taylor is not something Scooter agrees with," the insider added of the spat.',
            [
                ("He is frustrated,", None),
                ("This fight with Taylor is not something Scooter agrees with,", None),
            ],
        ),
        (
            "Prince Andrew denied the claims in a BBC interview. “He is not entitled to any form of "
            "immunity,” said one legal expert. “His friendship with the convicted sex offender Jeffrey "
            "Epstein is under investigation,” the expert warned.",
            [
                ("He is not entitled to any form of immunity,", None),
                (
                    "His friendship with the convicted sex offender Jeffrey Epstein is under investigation,",
                    None,
                ),
            ],
        ),
        (
            "Armenia and Azerbaijan held talks in Germany, a diplomatic source close to the talks said. "
            "Presidential adviser Vafa Gulizade and his Armenian counterpart Zhirayr Liparityan met on "
            'Wednesday. "The main subject was the search for a peaceful solution," the source said. He '
            "declined to say more.",
            [("The main subject was the search for a peaceful solution,", None)],
        ),
        (
            "Kurdish leader Massoud Barzani said his party was backed by Iraqi armour in Arbil, a senior "
            "U.N. official in Baghdad said. "
            '"Iraqi troops are taking part in the attack," the official, who asked not to be identified, '
            "told Reuters.",
            [("Iraqi troops are taking part in the attack,", None)],
        ),
        # negative: a noun the article gave a named person, a description with words of its own,
        # a bare noun nobody unnamed was brought in with ("the candidate")
        (
            "Matt Colligan, a spokesman for the park service, declined to comment further. “We will "
            "reopen the trail,” the spokesman said.",
            [("We will reopen the trail,", "Matt Colligan")],
        ),
        (
            'Donald Trump spoke to veterans in Ohio on Monday. "We need change," the New York '
            "businessman said, arguing that he would bring a new approach.",
            [("We need change,", "Donald Trump")],
        ),
        (
            "Ben Carson shared a syllabus on his Facebook page. The candidate also continued to refute a "
            "story about his scholarship. “Those are the words that they would use,” he said.",
            [("Those are the words that they would use,", "Ben Carson")],
        ),
        (
            "Scott Pruitt runs the Environmental Protection Agency. He visited the site on Monday. “We "
            "are reviewing the data,” the agency said.",
            [("We are reviewing the data,", "Environmental Protection Agency")],
        ),
    ],
)
def test_unnamed_source_is_nobody_named(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a he/she right after someone the article leaves unnamed takes that person up
        (
            "Rajab Adinayev, the town's mayor, said the rebels had left. One elderly man, who declined "
            'to give his name, said two of his sons were now refugees in Moscow. "We just need to stop '
            'the war," he said.',
            [("We just need to stop the war,", None)],
        ),
        (
            "Police arrested John Smith on Monday. A witness said she saw the car speed away. “It was "
            "terrifying,” she said.",
            [("It was terrifying,", None)],
        ),
        # negative: a plural, a name, a description with words of its own, or one asked in between
        (
            "Aung San Suu Kyi said once the activists were sentenced, they suffered inhuman conditions. "
            '"Almost all of the prisoners start suffering from health problems," she said.',
            [("Almost all of the prisoners start suffering from health problems,", "Aung San Suu Kyi")],
        ),
        (
            "Donald Trump spoke to veterans in Herndon on Monday. The Republican nominee also linked "
            'cyber attacks to the email server. "We will be strong again," he said.',
            [("We will be strong again,", "Donald Trump")],
        ),
        (
            "Bernie Sanders is talking to voters about health care. A reporter asked Sanders how he is "
            "feeling on caucus day. He replied: “The bigger the turnout, the better I feel.”",
            [("The bigger the turnout, the better I feel.", "Bernie Sanders")],
        ),
    ],
)
def test_pronoun_after_an_unnamed_person(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(nlp, text) == expected
