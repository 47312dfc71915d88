"""Questions that read whole on their own, or none: a clause the parse ran into the next one is cut
where it can be and dropped where it cannot; a question the writer answers at once, a headline's
bare noun, a weekday that dates the call rather than the act, a hypothesis in the past, "do the
same", a year that only names a thing. Real sentences from PolNeAR dev articles (some shortened)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract import actors, dates
from generator.extract.questions import extract_questions

PUBLISHED = date(2016, 9, 20)


def questions(nlp, text: str) -> list[str]:
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    timeline = dates.build_timeline(doc, list(dates.extract_dates(doc, PUBLISHED)), cast)
    return [q.question for q in extract_questions(doc, cast, PUBLISHED, timeline)]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # the parse gave "his rubble comment" (the next clause's subject) to the claim: cut there
        (
            "But Flynn said Trump has “enormous respect” for the military and his rubble comment was "
            "instead an expression of frustration with the strategy the U.S. has taken in its battle "
            "against the Islamic State.",
            "Is Flynn’s claim that Trump has enormous respect for the military true?",
        ),
        # "on Monday" dates the call, not the accepting
        (
            "President Barack Obama sounded a call for the United States to accept more Muslim refugees "
            "on Monday as he issued a statement in observance of the Muslim holiday Eid-al-Adha.",
            "Will the United States accept more Muslim refugees?",
        ),
        # two gerunds: the question re-inflects the first, so the second goes
        (
            "Palmieri accused Sanders of taking cues from Republicans and using a Karl Rove attack to go "
            "after Clinton.",
            "Did Sanders take cues from Republicans?",
        ),
        # "1995" names the tax return; it does not date the sentence
        (
            "Based on the evidence of a New York Times article founded upon one piece of the Republican "
            "presidential nominee’s 1995 state tax return, Sanders on Tuesday said he wants to attack "
            "four provisions in the tax code that address how real estate losses are deducted.",
            "Will Sanders attack four provisions in the tax code?",
        ),
    ],
)
def test_the_question_reads_whole(nlp, text, question):
    assert questions(nlp, text) == [question]


@pytest.mark.parametrize(
    "text",
    [
        # "Nasser Hussain and Peter Such" is the next clause's subject, and no cut is clean (CoNLL)
        "Essex , however , look certain to regain their top spot after Nasser Hussain and Peter Such "
        "gave them a firm grip on their match against Yorkshire at Headingley .",
        # the writer asks to answer at once
        "How well is the United Nations performing on the most vital global challenges of the past "
        "decade? We examine the organization's track record on refugees, war and peace, human rights, "
        "terrorism, gender equality and climate change, with experts offering their assessments.",
        # a hypothesis in the past; what once seemed so, and is not now
        "Regulators and environmental groups worried that if the state held up the deal, Patriot could "
        "threaten to liquidate its properties, leaving no money for reclamations.",
        "The Syrian conflict may once have seemed far away to European citizens, but not after last "
        "year's flood of migrants and a cascade of Islamic State-inspired terrorist attacks.",
        # the same as what, the question alone cannot say
        "While industries readily used bankruptcy to shed labor and pension obligations, it was unclear "
        "whether coal companies could do the same with reclamations and water remediation.",
        # a stance dated years back; a request in an email of years back (a full date, not a name)
        "In 2008, both men had the position that Congress should enact the bill.",
        "In another Jan. 17, 2013 email, Clinton asks her assistant to print out recommendations on CGI "
        "and Clinton Foundation leadership.",
    ],
)
def test_no_broken_question(nlp, text):
    assert questions(nlp, text) == []


def test_a_deck_in_headline_english_asks_nothing(nlp):
    """The line under the headline drops its articles ("bloc aims to ..."): "Will bloc rely less
    on U.S. support?" is not English; the body's questions stay."""
    text = (
        "E.U. leaders weigh plans for greater military coordination.\n\n"
        "After Brexit and Trump's threats, bloc aims to rely less on U.S. support.\n\n"
        "BRUSSELS - European leaders gathered Friday to discuss the torrent of challenges facing their "
        "continent after Britain's decision to leave the European Union."
    )
    assert not any("bloc" in q for q in questions(nlp, text))


def test_an_open_question_ending_its_paragraph_stays(nlp):
    """Asked and left (a headline here): the story does not answer it in the same paragraph."""
    text = (
        "Can the GOP establishment stop Trump and Cruz?\n\n"
        "DES MOINES - This year's presidential campaign has proved to be a bleak season for mainstream "
        "conservative candidates, a story of frustration, rejection and disappointment."
    )
    assert questions(nlp, text) == ["Can the GOP establishment stop Trump and Cruz?"]


def test_a_question_the_writer_answers_at_once_is_dropped(nlp):
    """The same kind of question, followed in its paragraph by the writer's answer."""
    text = (
        "Why are Millennials so enamored of Sanders? Most hypotheses credit their enthusiasm for "
        "sweeping moral goals such as transparency, fairness and justice."
    )
    assert questions(nlp, text) == []
