"""Open questions: each cue, grouping of evidence about one issue, and what must not become a question."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract import actors, dates
from generator.extract.questions import extract_questions, find_cues

PUBLISHED = date(2024, 3, 1)


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


@pytest.mark.parametrize(
    ("text", "kind", "question"),
    [
        (
            "The key question now is, how will the central bank respond to rising inflation?",
            "explicit",
            "How will the central bank respond to rising inflation?",
        ),
        (
            "Officials have not said whether the border crossing will reopen next month.",
            "whether",
            "Will the border crossing reopen next month?",
        ),
        (
            "It remains to be seen whether the ceasefire agreement will survive the winter.",
            "whether",
            "Will the ceasefire agreement survive the winter?",
        ),
        (
            "The two ministers discussed a possible summit between the leaders in Geneva.",
            "possible",
            "Will the summit between the leaders in Geneva take place?",
        ),
        (
            "The parliament has yet to approve the budget for next year.",
            "yet",
            "Will the parliament approve the budget for next year?",
        ),
        (
            "The central bank is expected to raise interest rates in June.",
            "expected",
            "Will the central bank raise interest rates in June?",
        ),
        (
            "Analysts expect the company to announce layoffs.",
            "expected",
            "Will the company announce layoffs?",
        ),
        (
            "It is unclear when the new factory will start production.",
            "uncertain",
            "When will the new factory start production?",
        ),
        (
            "The future of the coalition remains uncertain.",
            "uncertain",
            "What will the future of the coalition be?",
        ),
        (
            "If the merger finally goes ahead, the company will cut 2,000 jobs.",
            "conditional",
            "Will the merger finally go ahead?",
        ),
        (
            "The strike could spread to other ports, union leaders warned.",
            "modal",
            "Will the strike spread to other ports?",
        ),
        (
            "The opposition called on the government to hold early elections.",
            "demand",
            "Will the government hold early elections?",
        ),
        (
            "Environmental groups urged the European Commission to ban the pesticide.",
            "demand",
            "Will the European Commission ban the pesticide?",
        ),
        (
            "Germany is concerned about the new tariffs on steel and aluminum.",
            "concern",
            "Will Germany’s concerns about the new tariffs on steel and aluminum be addressed?",
        ),
        (
            "The truce between the rival factions remains fragile.",
            "fragile",
            "Will the truce between the rival factions hold?",
        ),
        (
            "The committee will vote on the bill on March 12.",
            "scheduled",
            "Will the committee vote on the bill on March 12?",
        ),
    ],
)
def test_each_cue_is_found_and_phrased(nlp, text, kind, question):
    assert (kind, question) in cues(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting took place on Monday in Geneva.",  # settled fact
        "The firm has already approved the budget.",  # past event
        "The court ruled that the law was unconstitutional.",
        "Officials asked whether the bridge had been inspected.",  # "whether" about the past
        "Voters wondered whether the election had been rigged.",
        "Is this the end of the road?\n\nThe talks collapsed on Friday.",  # rhetorical headline
        "Obama Sees Personal Insult if Voters Don't Rally for Clinton\n\nThe president spoke on Friday.",
        "Why isn't anyone talking about the deficit?",  # negative question asserts
        "Do you really think voters care about this?",  # addressed to someone
        "The company could not be reached for comment.",  # "could" that is no hedge
        "He could have won the race.",
        "Last year, residents could travel freely.",
        "Police seized goods that could be used for military purposes.",
        "Whether it rains or shines, the parade goes on.",  # concessive "whether"
        "The vote was expected to be close.",  # past expectation
        "China should not expect the policy to change.",
        "The agency wants to cut costs as much as possible.",  # "possible" is no hedge here
        "The committee voted on the bill on February 12.",  # scheduled, but already past
        "“I am quite concerned about his stance on these issues,” Varmus said.",  # whose concern?
        "The birth of the newest Clinton is expected to coincide with the conventions.",  # broken parse
    ],
)
def test_negative_cases_raise_no_question(nlp, text):
    assert questions(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("If the merger finally goes ahead, the company will cut 2,000 jobs.", "conditional"),
        ("The strike could spread to other ports, union leaders warned.", "modal"),
    ],
)
def test_weak_cues_alone_do_not_become_questions(nlp, text, kind):
    assert kind in {k for k, _ in cues(nlp, text)}
    assert questions(nlp, text) == []


GROUPED = (
    "Diplomats are preparing a possible summit between the two presidents in Vienna next month. "
    "Trade between the countries grew by 4 percent last year. "
    "If the summit finally materializes, it would be the first meeting in five years. "
    "Whether the summit will produce an agreement on fishing rights remains to be seen.\n\n"
    "Separately, the dockworkers union called on the port authority to raise wages."
)


def test_passages_about_one_issue_are_one_question(nlp):
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
    assert all(q.status == "open" for q in found)


def test_weak_cue_counts_when_it_backs_up_an_issue(nlp):
    text = (
        "The strike could spread to other ports next week. "
        "Exports will suffer badly if the strike spreads to the northern ports."
    )
    found = questions(nlp, text)
    assert len(found) == 1
    assert len(found[0].evidence) == 2


def test_actors_are_ids_from_the_cast(nlp):
    text = "Germany is concerned about the new tariffs on steel and aluminum."
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    (q,) = extract_questions(doc, cast, PUBLISHED)
    assert q.actors and all(cast.get(a) is not None for a in q.actors)


def test_number_of_questions_is_capped(nlp):
    text = " ".join(
        f"Officials have not said whether the {thing} will reopen."
        for thing in ("airport", "museum", "stadium", "harbour", "library", "theatre")
    )
    assert len(questions(nlp, text)) == 6
    assert len(questions(nlp, text, limit=3)) == 3


def test_evidence_keeps_to_the_paragraph_of_the_cue(nlp):
    text = "Talks resumed on Friday\n\nIt is unclear whether the government will accept the offer."
    (q,) = questions(nlp, text)
    assert q.evidence == ("It is unclear whether the government will accept the offer.",)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Speaking in Ohio, Senator Maria Lopez declined to say whether she would run for governor.",
            "Will Maria Lopez run for governor?",
        ),
        (
            "Mayor Tom Reyes spoke for an hour. “He is a fighter,” Ana Ruiz said. "
            "There is an uncertainty whether he can raise money. Tom Reyes said he could.",
            "Can Tom Reyes raise money?",
        ),
    ],
)
def test_he_and_she_are_resolved_to_a_named_person(nlp, text, question):
    assert [q.question for q in questions(nlp, text)] == [question]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same demand on the same person, twice: one question with both sentences
        (
            "Axelrod called on Dean to apologize for his remarks. "
            "Later, Senator Mary Lee urged Dean to apologize to the family.",
            [2],
        ),
        # the same verb, different issues: two questions
        (
            "The mayor urged the police to stop the raids. "
            "The union urged the city council to stop the layoffs.",
            [1, 1],
        ),
    ],
)
def test_grouping_needs_more_than_a_shared_verb(nlp, text, expected):
    assert [len(q.evidence) for q in questions(nlp, text)] == expected
