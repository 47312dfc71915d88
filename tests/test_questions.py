"""Open questions: each cue family on real sentences, what must not become a question, grouping of
evidence about one matter, ranking, and questions that read well on their own."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract import actors, dates
from generator.extract.questions import extract_questions, find_cues

PUBLISHED = date(2016, 3, 1)  # when most of these sentences were written


def cues(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    timeline = dates.build_timeline(doc, list(dates.extract_dates(doc, PUBLISHED)), cast)
    return [(c.kind, c.question) for c in find_cues(doc, PUBLISHED, tuple(timeline))]


def questions(nlp, text: str, **kwargs):
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    timeline = dates.build_timeline(doc, list(dates.extract_dates(doc, PUBLISHED)), cast)
    return list(extract_questions(doc, cast, PUBLISHED, timeline, **kwargs))


# Sentences from news articles (PolNeAR, the web pages, wire copy), one table per cue family.
UNKNOWNS = [
    # stated as not known, about now or about the past
    ("It’s not yet known which pilot was handling the flight.", "Which pilot was handling the flight?"),
    (
        "It is not clear whether Salinas’ abortion was intentional or not.",
        "Was Salinas’ abortion intentional?",
    ),
    (
        "Yet it was unclear whether Sanders was ready to follow that script.",
        "Was Sanders ready to follow the script?",
    ),
    ("It also does not answer whether Scott had a gun, as police have said.", "Did Scott have a gun?"),
    ("The cause of the fire is not yet known.", "What caused the fire?"),
    ("The future of the coalition remains uncertain.", "What will the future of the coalition be?"),
    (
        "Lawmakers have not said when they would take up the EB-5 reauthorization.",
        "When will lawmakers take up the EB-5 reauthorization?",
    ),
    (
        "Christie wouldn’t discuss on the call-in show whether he was hoping for a vice presidential "
        "or Cabinet slot.",
        "Was Christie hoping for a vice presidential or Cabinet slot?",
    ),
    (
        "Appropriators offered no specific rationale for the cut in report language.",
        "What is the rationale for the cut?",
    ),
    ("More prudent measures estimate a larger deficit.", "How large is the deficit?"),
    (
        "The key question now is, how will the central bank respond to rising inflation?",
        "How will the central bank respond to rising inflation?",
    ),
    (
        "Whether Clinton gains significantly from the debate is an open question, though one soon to "
        "be answered.",
        "Will Clinton gain significantly from the debate?",
    ),
]
PENDING = [
    # processes, searches and attempts under way
    ("The case against Mr. Quiros is pending.", "How will the case against Mr. Quiros end?"),
    (
        "Indonesian President Joko Widodo ordered an immediate review of all aviation procedures.",
        "What will the immediate review of all aviation procedures find?",
    ),
    (
        "Apple fought on and is currently appealing a ruling that said it had engaged in price-fixing.",
        "Will Apple’s appeal against the ruling succeed?",
    ),
    ("Rescuers are searching for the two missing hikers.", "Will the two missing hikers be found?"),
    (
        "The Vatican is still working with the LCWR to find a middle ground.",
        "Will the Vatican find a middle ground?",
    ),
    (
        "The suspect was charged with first-degree murder.",
        "Will the suspect be convicted of first-degree murder?",
    ),
    (
        "A hospital spokesman said Swanson was in fair condition Sunday afternoon.",
        "How will Swanson recover?",
    ),
    (
        "Despite the outrage from foreign leaders, Trump has yet to apologize to the Khans.",
        "Will Trump apologize to the Khans?",
    ),
]
CONTESTED = [
    ("Clinton has repeatedly accused Trump of using divisive rhetoric.", "Did Trump use divisive rhetoric?"),
    (
        "JPMorgan paid $1.1 billion to settle charges by U.S. and foreign regulators that its traders had "
        "manipulated currency markets.",
        "Did JPMorgan’s traders manipulate currency markets?",
    ),
    (
        "Weiner allegedly sent lurid tweets to another woman, the New York Post reported.",
        "Did Weiner send lurid tweets to another woman?",
    ),
    (
        "Blocher insists that these statements are not influenced by recent referendum results.",
        "Is Blocher’s claim that the statements are not influenced by recent referendum results true?",
    ),
    (
        "While critics argue that trading prisoners encourages others to target Americans, President "
        "Obama has "
        "deemed certain releases a reasonable trade-off.",
        "Is the critics’ claim that trading prisoners encourages others to target Americans true?",
    ),
    (
        "Early analysis shows Iowa polls may have missed the Republican results because they were "
        "simply too early.",
        "Did Iowa polls miss the Republican results?",
    ),
]
EXPECTED = [
    # scheduled, expected, planned, hedged
    (
        "The embattled French president is expected to run for re-election in 2017.",
        "Will the embattled French president run for re-election in 2017?",
    ),
    (
        "The Tax Policy Center plans to release its analysis of the revised plan next week.",
        "Will the Tax Policy Center release its analysis of the revised plan next week?",
    ),
    (
        "Another short-term resolution was needed to keep the government operating until Congress passes the "
        "omnibus bill.",
        "Will Congress pass the omnibus bill?",
    ),
    ("Suh probably will not be suspended, but anything is possible.", "Will Suh be suspended?"),
    ("But the days of super-discounting appear to be ending.", "Are the days of super-discounting ending?"),
    (
        "The truce between the rival factions remains fragile.",
        "Will the truce between the rival factions hold?",
    ),
    ("The committee will vote on the bill on March 12.", "Will the committee vote on the bill on March 12?"),
    (
        "He complained that this wrinkle will ensure a muddled and inefficient market.",
        "Will the wrinkle ensure a muddled and inefficient market?",
    ),
    (
        "Party leaders long ago picked Clinton as their standard-bearer and worked to clear the "
        "field of potential "
        "primary challengers.",
        "Which of the primary challengers will run?",
    ),
]
DEMANDS = [
    # demands, concerns, risks and conditions
    (
        "Palmieri called on Trump to stop attacking Machado and apologize.",
        "Will Trump stop attacking Machado and apologize?",
    ),
    (
        "Trump called for a ban on Muslims entering the United States following the mass shooting in "
        "San Bernardino.",
        "Will there be a ban on Muslims entering the United States?",
    ),
    (
        "Dimon personally lobbied for Congress to loosen derivatives rules put in place by Dodd-Frank.",
        "Will Congress loosen derivatives rules put in place by Dodd-Frank?",
    ),
    (
        "The FBI needs to stay out of this election process now.",
        "Will the FBI stay out of the election process now?",
    ),
    (
        "But police also fear that sweeping crackdowns could add fuel to the tensions.",
        "Will sweeping crackdowns add fuel to the tensions?",
    ),
    (
        "Caldwell said the losses have left Detroit vulnerable to suspensions during the most "
        "critical stretch of "
        "the season.",
        "Will Detroit face suspensions during the most critical stretch of the season?",
    ),
    (
        "If the hedge fund industry has a bad year, the state would take a twofold hit.",
        "Will the state take a twofold hit if the hedge fund industry has a bad year?",
    ),
]


@pytest.mark.parametrize(("text", "question"), UNKNOWNS + PENDING + CONTESTED + EXPECTED + DEMANDS)
def test_an_open_matter_becomes_one_question(nlp, text, question):
    assert [q.question for q in questions(nlp, text)] == [question]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # "she" and "he" are the person the sentence or the story names
        (
            "Salinas beat Cartas to death. Investigators are still trying to determine if she had an "
            "accomplice.",
            "Did Salinas have an accomplice?",
        ),
        (
            "Hillary Clinton spoke in Ohio. She denied that she mishandled classified information.",
            "Did Hillary Clinton mishandle classified information?",
        ),
        (
            "Speaking in Ohio, Senator Maria Lopez declined to say whether she would run for governor.",
            "Will Maria Lopez run for governor?",
        ),
        (
            "One Republican presidential hopeful, Carly Fiorina, says despite being a Stanford "
            "alumna, she plans "
            "to root for Iowa.",
            "Will Carly Fiorina root for Iowa?",
        ),
        # "they" is the plural subject above it
        (
            "The slick samples were being analyzed to determine if they came from Flight QZ8501.",
            "Did the slick samples come from Flight QZ8501?",
        ),
    ],
)
def test_pronouns_are_resolved(nlp, text, question):
    assert [q.question for q in questions(nlp, text)] == [question]


@pytest.mark.parametrize(
    "text",
    [
        # settled facts and past events
        "The meeting took place on Monday in Geneva.",
        "The firm has already approved the budget.",
        "The court ruled that the law was unconstitutional.",
        "The committee voted on the bill on February 12.",
        "In 2009, the Vatican started a separate investigation into the group.",
        "The inquiry found that the pilots had followed procedure.",
        # an announcement is no open matter, nor a range of figures
        "NASA will receive $18 billion for 2015 under the terms of an omnibus spending bill.",
        "Officials said signs will be posted for three days.",
        "District managers could get $10,000 to $20,000 a year.",
        # questions someone asked that the story answers, rhetoric, questions to "you"
        "Officials asked whether the bridge had been inspected.",
        "Asked whether Clinton has the integrity to serve, 75 percent of Democrats said yes.",
        "Why isn't anyone talking about the deficit?",
        "Do you really think voters care about this?",
        "Is this the end of the road?\n\nThe talks collapsed on Friday.",
        "What the [censored] is going on?",
        "I don't know what flunky put this up there.",
        # not a hedge, a condition or a search
        "The company could not be reached for comment.",
        "He could have won the race.",
        "Others could have saved but didn't.",
        "Whether it rains or shines, the parade goes on.",
        "The vote was expected to be close.",
        "The agency wants to cut costs as much as possible.",
        "Prosecutors rarely pursue such cases.",
        "The FBI looks for cases in which people knowingly broke the law.",
        "There was little reason for overconfidence among Democrats.",
        "Race still determines how people are treated by the justice system.",
        # a thought experiment, a stance of years ago, a charge the sentence itself answers
        "Say Mexico demanded that the United States prove that a migrant was Mexican.",
        "Eight years ago, both men had the same position: Congress should enact legislation to cap "
        "emissions.",
        "Trump accused Holt of being a Democrat, though records indicate he has been a registered "
        "Republican.",
        # asked the other way round it would mean the opposite; whom "him" means is lost
        "Ban Ki-moon vowed not to repeat that mistake.",
        "Kasich said he is not worried that Trump will beat him.",
        "“I am quite concerned about his stance on these issues,” Varmus said.",
        "Obama Sees Personal Insult if Voters Don't Rally for Clinton\n\nThe president spoke on Friday.",
    ],
)
def test_nothing_open_raises_no_question(nlp, text):
    assert questions(nlp, text) == []


def test_a_list_of_questions_is_no_open_matter(nlp):
    """Three questions in a row are a checklist or rhetoric, not what the story leaves open."""
    text = (
        "Has the candidate a record of leadership for conservative principles? "
        "Is the candidate surrounded by people committed to conservative principles? "
        "Are the candidate’s stated policy positions solidly conservative?"
    )
    assert questions(nlp, text) == []


GROUPED = (
    "Diplomats are preparing a possible summit between the two presidents in Vienna next month. "
    "Trade between the countries grew by 4 percent last year. "
    "If the summit finally materializes, it would be the first meeting in five years. "
    "Whether the summit will produce an agreement on fishing rights remains to be seen.\n\n"
    "Separately, the dockworkers union called on the port authority to raise wages."
)


def test_passages_about_one_matter_are_one_question(nlp):
    found = questions(nlp, GROUPED)
    assert len(found) == 2
    summit, wages = found
    assert len(summit.evidence) == 3
    assert all(e in GROUPED for e in summit.evidence)  # verbatim
    assert not any("Trade between" in e for e in summit.evidence)
    assert "summit" in summit.question.lower()
    assert wages.question == "Will the port authority raise wages?"
    assert wages.evidence == (
        "Separately, the dockworkers union called on the port authority to raise wages.",
    )
    assert all(q.status == "open" and q.answer is None and q.answered_by is None for q in found)


def test_evidence_is_at_most_four_sentences(nlp):
    text = " ".join(
        f"{who} said the ceasefire agreement remains fragile."
        for who in ("Smith", "Jones", "Brown", "Green", "Black")
    )
    (q,) = questions(nlp, text)
    assert q.question == "Will the ceasefire agreement hold?"
    assert len(q.evidence) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same demand on the same person, twice: one question with both sentences
        (
            "Axelrod called on Dean to apologize for his remarks. "
            "Later, Senator Mary Lee urged Dean to apologize to the family.",
            [2],
        ),
        # the same verb, different matters: two questions
        (
            "The mayor urged the police to stop the raids. The union urged the city council to stop "
            "the layoffs.",
            [1, 1],
        ),
    ],
)
def test_grouping_needs_more_than_a_shared_verb(nlp, text, expected):
    assert [len(q.evidence) for q in questions(nlp, text)] == expected


def test_the_most_central_matter_comes_first(nlp):
    """A matter the lead raises and the story comes back to outranks an aside."""
    text = (
        "The transport minister is expected to approve the new rail line this week.\n\n"
        "Critics say the line is too expensive. The museum could reopen next year.\n\n"
        "Officials have not said whether the minister will approve the new rail line before the election."
    )
    found = questions(nlp, text)
    assert "rail line" in found[0].question and len(found[0].evidence) == 3  # the lead's matter, three times
    assert found[-1].question == "Will the museum reopen next year?"


def test_never_asks_whether_what_was_done_will_happen(nlp):
    text = "Officials said the bridge is expected to reopen in May.\n\nThe bridge reopened on Monday."
    assert questions(nlp, text) == []


def test_weak_cues_fill_only_when_little_else_is_open(nlp):
    """A bare "could" becomes a question only while the article has fewer than three."""
    weak = "The strike could spread to other ports, union leaders warned."
    strong = " ".join(
        f"Officials have not said whether the {thing} will reopen."
        for thing in ("airport", "museum", "stadium")
    )
    assert [q.question for q in questions(nlp, weak)] == ["Will the strike spread to other ports?"]
    assert "Will the strike spread to other ports?" not in [
        q.question for q in questions(nlp, strong + " " + weak)
    ]


def test_number_of_questions_is_capped(nlp):
    text = " ".join(
        f"Officials have not said whether the {thing} will reopen."
        for thing in ("airport", "museum", "stadium", "harbour", "library", "theatre")
    )
    assert len(questions(nlp, text)) == 5
    assert len(questions(nlp, text, limit=3)) == 3


def test_actors_are_ids_from_the_cast(nlp):
    text = "Germany is concerned about the new tariffs on steel and aluminum."
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    (q,) = extract_questions(doc, cast, PUBLISHED)
    assert q.actors and all(cast.get(a) is not None for a in q.actors)


def test_evidence_keeps_to_the_paragraph_of_the_cue(nlp):
    text = "Talks resumed on Friday\n\nIt is unclear whether the government will accept the offer."
    (q,) = questions(nlp, text)
    assert q.evidence == ("It is unclear whether the government will accept the offer.",)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It’s not yet known which pilot was handling the flight.", "unknown"),
        ("The case against Mr. Quiros is pending.", "process"),
        ("Clinton has repeatedly accused Trump of using divisive rhetoric.", "accusation"),
        ("The embattled French president is expected to run for re-election in 2017.", "expected"),
        ("The strike could spread to other ports, union leaders warned.", "modal"),
    ],
)
def test_cues_name_their_family(nlp, text, kind):
    assert kind in {k for k, _ in cues(nlp, text)}
