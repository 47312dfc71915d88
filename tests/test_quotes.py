"""Quotes: marks paired on raw text, then speakers through the reporting verb's subject."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes, quotation_spans


def spans(text: str) -> list[tuple[str, bool]]:
    return [(text[p.start : p.end], p.continues) for p in quotation_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", [("we will win", False)]),
        ('He said "we will win" today.', [("we will win", False)]),
        ("“One,” he said. “Two more.”", [("One,", False), ("Two more.", False)]),
        ("“He told me ‘never again’ and left,” she said.", [("He told me ‘never again’ and left,", False)]),
        ("The envoys’ meeting shaped the US’ own strategy and leaders’ views.", []),
        ("Candidates aren’t told; it’s the voters’ choice.", []),
        ('<tweet author="@someone" date="2016-01-19">Great rally</tweet>', []),
        ("He said ‘we will win’ today.", [("we will win", False)]),
        (
            "“The first part runs to the end of this paragraph.\n\n“The second part closes it,” she said.",
            [
                ("The first part runs to the end of this paragraph.", True),
                ("The second part closes it,", False),
            ],
        ),
        ("“An opening mark that nobody closes.\n\nA paragraph of narrative.", []),
        ("A stray closing mark” in the text.", []),
    ],
)
def test_quotation_spans(text: str, expected: list[tuple[str, bool]]) -> None:
    assert spans(text) == expected


def quotes_of(nlp, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    cast = extract_actors(doc)
    out = []
    for q in extract_quotes(doc, cast):
        assert q.span is not None and doc.text[q.span[0] : q.span[1]] == q.text
        actor = cast.get(q.speaker)
        out.append((q.text, actor.name if actor else None, q.kind))
    return out


def quoted(nlp, text: str) -> list[tuple[str, str | None, str]]:
    return [q for q in quotes_of(nlp, text) if q[2] != "indirect"]


YELLEN = "Janet Yellen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We have no interest in such a divided world,” Janet Yellen said.",
            [("We have no interest in such a divided world,", YELLEN, "direct")],
        ),
        (
            "Janet Yellen said: “We have no interest in such a divided world.”",
            [("We have no interest in such a divided world.", YELLEN, "direct")],
        ),
        (
            "“We have no interest in such a divided world,” said Janet Yellen.",
            [("We have no interest in such a divided world,", YELLEN, "direct")],
        ),
        (
            "Janet Yellen called a full decoupling of the two economies “simply not practical.”",
            [("simply not practical.", YELLEN, "partial")],
        ),
        (
            "Janet Yellen, speaking at an event in Washington on Thursday, said that a full decoupling "
            "was “simply not practical,” according to a report.",
            [("simply not practical,", YELLEN, "partial")],
        ),
        (
            "“A full separation would hurt everyone,” Janet Yellen said. "
            "“We have no interest in such a world.”",
            [
                ("A full separation would hurt everyone,", YELLEN, "direct"),
                ("We have no interest in such a world.", YELLEN, "direct"),
            ],
        ),
        (
            "“The talks were long and the results were modest,” according to Janet Yellen.",
            [("The talks were long and the results were modest,", YELLEN, "direct")],
        ),
        (
            '"We have no interest in such a divided world," Janet Yellen told reporters.',
            [("We have no interest in such a divided world,", YELLEN, "direct")],
        ),
        (
            "Janet Yellen met bankers in Washington.\n\n“The first part runs to the end of the paragraph.\n\n"
            "“The second part closes it,” she said.",
            [
                ("The first part runs to the end of the paragraph.", YELLEN, "direct"),
                ("The second part closes it,", YELLEN, "direct"),
            ],
        ),
        (
            "“The structural problems remain, and the relationship is fragile,” experts said.",
            [("The structural problems remain, and the relationship is fragile,", None, "direct")],
        ),
        (
            "“This is a disaster for everyone who took part in the talks.”",
            [("This is a disaster for everyone who took part in the talks.", None, "direct")],
        ),
    ],
)
def test_direct_and_partial(nlp, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert quoted(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Janet Yellen spoke in Washington on Thursday. "
            "“We have no interest in a divided world,” Yellen said.",
            YELLEN,
        ),
        (
            "Janet Yellen spoke in Washington on Thursday. "
            "“We have no interest in a divided world,” she said.",
            YELLEN,
        ),
        (
            "Janet Yellen spoke in Washington on Thursday.\n\n"
            "“We have no interest in a divided world,” she added.",
            YELLEN,
        ),
        (
            "Lü Xiang, a research fellow, spoke on Friday. "
            "“It needs to show more sincerity in action,” Lü said.",
            "Lü Xiang",
        ),
        (
            "Donald Trump kept up the attack before the first Super Tuesday polls\n\n"
            "Trump, in Kentucky, said on Tuesday that Marco Rubio was “a total lightweight.”",
            "Donald Trump",
        ),
        (
            "The timing of the surge does not surprise the pollster Daron Shaw: "
            "“Lesser-known candidates often beat the favourites early in the race.”",
            "Daron Shaw",
        ),
        ("“We can still build a better country together.” ― Carla Sanchez", "Carla Sanchez"),
        (
            "Janet Yellen met Wang Wenbin in Beijing. "
            "“The two sides talked for hours,” Wang said at the airport.",
            "Wang Wenbin",
        ),
    ],
)
def test_speaker_resolution(nlp, text: str, speaker: str) -> None:
    assert [q[1] for q in quoted(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Janet Yellen spoke to bankers on Thursday.\n\n“We have no interest in a divided world.”", [None]),
        (
            "“We will not raise rates,” Janet Yellen said.\n\n“Markets know where we stand.”",
            [YELLEN, YELLEN],
        ),
        (
            "Janet Yellen said that the economy was strong.\n\n“Markets know where we stand.”",
            [YELLEN],
        ),
    ],
)
def test_follow_on(nlp, text: str, speakers: list[str | None]) -> None:
    """A frame-less quote paragraph continues the previous paragraph's speaker, never a
    person the narrative merely mentions."""
    assert [q[1] for q in quoted(nlp, text)] == speakers


@pytest.mark.parametrize(
    "text",
    [
        "The arrangement of an “Indo-Pacific” tour for Antony Blinken showed a sense of bloc confrontation.",
        "The US side needs to restrain departments to avoid unexpected events, such as the “spying balloon,” "
        "because the relationship is still fragile, Dong Chunling said.",
        "She starred in the film “Trainwreck” last year before moving to New York.",
        "The crowd wore “Make America Great Again” hats at the rally in Iowa.",
        "The envoys’ meeting shaped the US’ own strategy, Janet Yellen said.",
    ],
)
def test_not_quotes(nlp, text: str) -> None:
    assert quoted(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dong Chunling told the Global Times that the slew of cooperation activities "
            "has sent a positive signal.",
            [("the slew of cooperation activities has sent a positive signal", "Dong Chunling", "indirect")],
        ),
        (
            "Relations remain fragile after years of friction, Janet Yellen said on Thursday.",
            [("Relations remain fragile after years of friction", YELLEN, "indirect")],
        ),
        ("Janet Yellen visited Beijing in July and met officials there.", []),
    ],
)
def test_indirect(nlp, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [q for q in quotes_of(nlp, text) if q[2] == "indirect"] == expected


def test_cue_span_and_ids(nlp) -> None:
    text = (
        "“We have no interest in such a divided world,” Janet Yellen said. "
        "Dong Chunling said that the talks went very well."
    )
    doc = nlp(text)
    found = list(extract_quotes(doc, extract_actors(doc)))
    assert [(q.id, q.cue, q.kind) for q in found] == [("q1", "said", "direct"), ("q2", "said", "indirect")]
    assert found[0].span == (1, text.index("”"))


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a name set off by an aside before the verb that has no subject in the parse
        (
            "Marc Morial, the chief executive of the National Urban League, forcefully told a young "
            "woman that “not voting is not a viable strategy.”",
            ["Marc Morial"],
        ),
        # a participle whose parse hangs it inside the quote: the subject of the clause before it
        (
            "Hillary Clinton seemed ready to riff on the incident in Iowa, telling the crowd, "
            "“Some people get a little carried away, have you noticed that?”",
            ["Hillary Clinton"],
        ),
        # footage of X asking: the person the gerund follows
        (
            "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”",
            ["Hillary Clinton"],
        ),
        # a passive reporting verb: the agent speaks
        (
            "Donald Trump spoke on Monday. “We will make this country great again” was written by "
            "Bruce Springsteen, the critics said.",
            ["Bruce Springsteen"],
        ),
        # a quote opening a sentence in mid-paragraph carries on from the reporting sentence before
        (
            "The administration may be reluctant to act, Adam Schiff said. "
            "“The other factor is the appearance of taking sides in the election.”",
            ["Adam Schiff"],
        ),
        # ... but not from a paragraph of narrative before it
        (
            "The administration may be reluctant to act, Adam Schiff said.\n\nThe hearing went on.\n\n"
            "“The other factor is the appearance of taking sides in the election.”",
            [None],
        ),
        # an ambiguous surname continues the Clinton named last before it
        (
            "Bill Clinton stayed home. Hillary Clinton spoke in Ohio on Monday. "
            "“We are stronger together,” Clinton said.",
            ["Hillary Clinton"],
        ),
        # ... and stays unresolved when no Clinton precedes it
        (
            "“We are stronger together,” Clinton said. Bill Clinton and Hillary Clinton then left Ohio.",
            [None],
        ),
        # a description that the article uses for a person stands for the person it follows
        (
            "Donald Trump spoke in Ohio on Monday. The Republican nominee said his plan was "
            "“the best plan anyone has ever seen.”",
            ["Donald Trump"],
        ),
        # ... a description of a thing does not
        (
            "Donald Trump spoke in Ohio on Monday. The report said the plan was "
            "“the best plan anyone has ever seen.”",
            [None],
        ),
        # a name after a verb that is its object is spoken of, not speaking: the paper speaks
        (
            "A Times article hailed Donald Trump as “the comeback kid who rebuilt his empire.”",
            ["Times"],
        ),
        # a quote inside what someone else reports is the reporter's (the outer source)
        (
            "Donald Trump said that Hillary Clinton once described the deal as “the gold standard.”",
            ["Donald Trump"],
        ),
        # ... but a verb of thinking reports nobody's words
        (
            "Donald Trump believes that Hillary Clinton once described the deal as “the gold standard.”",
            ["Hillary Clinton"],
        ),
        # a colon frame whose nearest clause has no subject of its own: the clause above it
        (
            "Jeb Bush broke down exactly what was wrong with the image to the Dutch newspaper NRC: "
            "“What Trump did was so insensitive to everyone.”",
            ["Jeb Bush"],
        ),
        # a transcript turn: the name in capitals before the colon speaks
        (
            "Mike Pence and Chris Wallace met on Sunday.\n\n"
            '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night."',
            ["Chris Wallace", "Mike Pence"],
        ),
        # ... a name in capitals inside a sentence is no turn
        (
            "Mike Pence and Chris Wallace met on Sunday.\n\n"
            '"The NATO summit: a disaster for everyone who took part in the talks."',
            [None],
        ),
    ],
)
def test_speaker_repairs(nlp, text: str, speakers: list[str | None]) -> None:
    """Frames the parse gets wrong or leaves without a subject, and descriptions for people."""
    assert [q[1] for q in quoted(nlp, text)] == speakers


THATCHER = "Margaret Thatcher"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deep in the clause a reporting verb governs, even before a noun
        (
            "Margaret Thatcher said the new exams would allow results to be distorted by “biased” "
            "teachers helping pupils with coursework.",
            [("biased", THATCHER, "partial")],
        ),
        (
            "Keith Joseph had insisted that the new scheme was intended to stretch pupils, creating a "
            "tougher, “clearer and fairer” system.",
            [("clearer and fairer", "Keith Joseph", "partial")],
        ),
        (
            "Introducing the exams in September was a “hopelessly unrealistic” prospect, an official said.",
            [("hopelessly unrealistic", None, "partial")],
        ),
        (
            "Margaret Thatcher asked for implementation of the exam to be postponed for a year, to help "
            "ensure the syllabuses were “sufficiently rigorous” and the coursework “properly assessed”.",
            [("sufficiently rigorous", THATCHER, "partial"), ("properly assessed", THATCHER, "partial")],
        ),
        (
            "Leaders denounced what Malcolm Turnbull called North Korea’s “reckless, provocative” actions.",
            [("reckless, provocative", "Malcolm Turnbull", "partial")],
        ),
        (
            "“We need change,” Donald Trump said, arguing that he will bring a “common-sense” approach "
            "to the job.",
            [("We need change,", "Donald Trump", "direct"), ("common-sense", "Donald Trump", "partial")],
        ),
        # what someone is accused or blamed for
        (
            "Democrats blasted the committee for failing to make clear that the immunity was only "
            "“partial” for both aides.",
            [("partial", "Democrats", "partial")],
        ),
        # a verb of advice, a verb of thinking with a named subject
        (
            "Margaret Thatcher was advised by Oliver Letwin to postpone the exam until it was clear "
            "that it was “workable”.",
            [("workable", "Oliver Letwin", "partial")],
        ),
        (
            "Margaret Thatcher feared the exams would lead to lower standards and a “can’t fail” "
            "mentality among pupils.",
            [("can’t fail", THATCHER, "partial")],
        ),
        # advice inside what a company said: the company speaks
        (
            "CMS Energy said management would recommend to its board that the dividend be reinstated "
            "at a “modest level” later this year.",
            [("modest level", "CMS Energy", "partial")],
        ),
        # a noun for speech with an owner
        (
            "Jordan and Egypt criticised the policy shift, with Foreign Minister Ayman Safadi warning "
            "of “dangerous consequences”.",
            [("dangerous consequences", "Ayman Safadi", "partial")],
        ),
        (
            "Prince Andrew gave an interview. It contradicted his claim that the pair were “not close”.",
            [("not close", "Prince Andrew", "partial")],
        ),
        # ... and a phrase set in the writer's sentence carries no speaker on to the next quote
        (
            "Politifact seized on Donald Trump’s claim that there have been “thousands of shootings” "
            "in Chicago. They checked the Chicago Tribune and found there had been “3,210 shooting "
            "victims” this year.",
            [("thousands of shootings", "Donald Trump", "partial")],
        ),
        # verbs that say what something is
        (
            "In a statement, Barack Obama condemned the test as “provocative and destabilizing”.",
            [("provocative and destabilizing", "Barack Obama", "partial")],
        ),
        # as X put it
        (
            "Bank lobbyists are orchestrating a “continuing assault” on the reform law, as the New "
            "York Times put it on Tuesday.",
            [("continuing assault", "New York Times", "partial")],
        ),
    ],
)
def test_partial_quotes_in_reported_speech(
    nlp, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    """Short quoted phrases inside what someone is reported to say or think are their words."""
    assert quoted(nlp, text) == expected
