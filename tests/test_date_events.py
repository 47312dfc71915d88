"""Timeline events: the clause a date belongs to as a short phrase that reads on its own, with its
subject from the parse, or no event at all (the editor fills it in) rather than a fragment."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.actors import extract_actors
from generator.extract.dates import build_timeline, extract_dates
from generator.extract.dates.phrases import aside_participle


def events(nlp, text: str, published: date) -> dict[str, str | None]:
    doc = nlp(text)
    return {
        t.text: t.event for t in build_timeline(doc, list(extract_dates(doc, published)), extract_actors(doc))
    }


@pytest.mark.parametrize(
    ("text", "published", "when", "expected"),
    [
        # a relative pronoun gives way to the noun it stands for
        (
            "Searchers are looking for the plane, which disappeared from radar on Sunday morning.",
            date(2014, 12, 30),
            "Sunday morning",
            "The plane disappeared from radar",
        ),
        (
            "The film, which won the top prize at the Producers Guild Awards on Saturday, is the favourite.",
            date(2015, 1, 25),
            "Saturday",
            "The film won the top prize at the Producers Guild Awards",
        ),
        # a reduced participle keeps its noun, not the main clause's subject
        (
            "Crews are racing to contain an oil spill sighted on Monday off the coast.",
            date(2014, 12, 31),
            "Monday",
            "An oil spill sighted off the coast",
        ),
        # reported speech keeps who said it; a fronted quotation goes after its verb
        (
            "The company said on Monday that it will open the plant on Friday.",
            date(2014, 12, 31),
            "Friday",
            "The company said it will open the plant",
        ),
        (
            "Trump said Obama was the founder of ISIS on Wednesday at a Florida rally.",
            date(2016, 8, 11),
            "Wednesday",
            "Trump said Obama was the founder of ISIS at a Florida rally",
        ),
        (
            '"Companies make mistakes," Dimon said on Wednesday.',
            date(2015, 1, 14),
            "Wednesday",
            "Dimon said companies make mistakes",
        ),
        # the words that lead to the date go with it ("late in", "back in", "at dawn on")
        (
            "Late in December, the Federal Reserve gave banks another year to comply.",
            date(2015, 1, 14),
            "December",
            "The Federal Reserve gave banks another year",
        ),
        ("Salinas had an abortion back in June.", date(2014, 12, 23), "June", "Salinas had an abortion"),
        (
            "At dawn on Sunday morning, the Airbus was at its cruising altitude.",
            date(2014, 12, 29),
            "Sunday morning",
            "The Airbus was at its cruising altitude",
        ),
        # a clause without a subject of its own is told with the one it completes
        (
            "A surfer survived being attacked by a shark off the coast Sunday.",
            date(2014, 12, 29),
            "Sunday",
            "A surfer survived being attacked by a shark off the coast",
        ),
        # a dateline is not the subject ("LA CROSSE blamed the media")
        (
            "LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed the media for the controversy.",
            date(2016, 8, 11),
            "Thursday",
            "Gov. Mike Pence blamed the media for the controversy",
        ),
        # a date on an event noun in a side phrase dates that noun
        (
            "Since its founding by Kidd Jordan in 1990, the school has been housed on campuses.",
            date(2014, 12, 11),
            "1990",
            "Its founding by Kidd Jordan",
        ),
        # a set-off apposition is left out
        (
            "On Monday, the founder of the AirAsia group, the low-cost airline with affiliates, "
            "spoke about the loss.",
            date(2014, 12, 29),
            "Monday",
            "The founder of the AirAsia group spoke about the loss",
        ),
        # amounts and scores stay whole at the end of a phrase
        (
            "Coty shares have climbed more than 80% this year.",
            date(2019, 11, 19),
            "this year",
            "Coty shares have climbed more than 80%",
        ),
        (
            "Hathaway was ejected in a brawl during the Capitals' 5-2 victory Monday.",
            date(2019, 11, 19),
            "Monday",
            "Hathaway was ejected in a brawl during the Capitals' 5-2 victory",
        ),
        # a date after the amount reached is the change's, not a base
        (
            "Tariffs on Chinese goods were increased from 10% to 25% in May 2019.",
            date(2019, 11, 18),
            "May 2019",
            "Tariffs on Chinese goods were increased",
        ),
        # "a"/"an" agrees with the word after the date that was cut
        (
            "He Jianxiong said so at a Nov. 6 event at the Peterson Institute in Washington.",
            date(2019, 11, 18),
            "Nov. 6",
            "He Jianxiong said so at an event at the Peterson Institute in Washington",
        ),
        # a possessive date cut away leaves its noun with "the"
        (
            "Today's deal is a $50 price break from the regular rate.",
            date(2019, 11, 18),
            "Today",
            "The deal is a $50 price break from the regular rate",
        ),
        (
            "Kerry said at Thursday's meeting that the talks would go on.",
            date(2014, 12, 19),
            "Thursday's",
            "Kerry said at the meeting the talks would go on",
        ),
        # an object relative gives its noun; a "that" the parse took for one is left out
        (
            "She found the receptor in kidney cells, a finding that she reported in 2009.",
            date(2019, 11, 15),
            "2009",
            "A finding she reported",
        ),
        (
            "Prince Andrew has reportedly told friends and family that the interview aired at the "
            "weekend was a great success.",
            date(2019, 11, 18),
            "the weekend",
            "The interview aired",
        ),
        # a "that" after a noun of saying opens what it says
        (
            "The denials came in spite of the facts that Prince Andrew stayed with Epstein in the "
            "early 2000s.",
            date(2019, 11, 18),
            "the early 2000s",
            "Prince Andrew stayed with Epstein",
        ),
        # a fronted phrase holding the date places the clause and stays out of it
        (
            "In their first TV debate of the election on Tuesday, Johnson and Corbyn attacked each "
            "other's policies.",
            date(2019, 11, 20),
            "Tuesday",
            "Johnson and Corbyn attacked each other's policies",
        ),
        # an adverb the parse hung beside the date's preposition leads to the date ("back in")
        (
            "Those side hustle commercials were super cool back in 2016, when driving seemed like an "
            "opportunity.",
            date(2019, 11, 14),
            "2016",
            "Those side hustle commercials were super cool",
        ),
        # a participle set off by commas is an aside, and a date after its closing comma is not its
        (
            "Israel seized control of the territories, seen as parts of any future Palestinian state, "
            "in the 1967 Six-Day War.",
            date(2019, 11, 20),
            "1967",
            "Israel seized control of the territories in the Six-Day War",
        ),
        (
            "Israel seized control of the territories, seen as pivotal parts of any future Palestinian "
            "state, in the 1967 Six-Day War.",
            date(2019, 11, 20),
            "1967",
            "The Six-Day War",
        ),
        # an apposition set off by a dash that the parse took for a second object is an aside
        (
            "In other words, Apple replaced a flawed design from 2015—one that it had tried and failed "
            "to perfect many times—with a design from 2014 that was not so flawed.",
            date(2019, 11, 18),
            "2015",
            "Apple replaced a flawed design",
        ),
        # a "that" clause after a noun, its verb without an object, is an object relative
        (
            "The new keyboard uses a switch that is almost identical to the Magic Keyboard that Apple "
            "released nearly five years ago.",
            date(2019, 11, 18),
            "nearly five years ago",
            "The Magic Keyboard Apple released",
        ),
        # a clause with no readable subject leaves the noun the date modifies
        (
            "Still, it is depressing to attend a large gathering of executives, as I did at October's "
            "Money 20/20 conference, and hear the same message.",
            date(2019, 11, 14),
            "October",
            "The Money 20/20 conference",
        ),
        # whom a reporting verb told stays with it ("told CNN that ...")
        (
            "His doctor issued a plan in 2018. Sources told CNN that a year later, Trump had made only "
            "minor changes to his diet.",
            date(2019, 11, 18),
            "a year later",
            "Sources told CNN Trump had made only minor changes to his diet",
        ),
        # a date after the comma that closes a noun's apposition is the clause's, not the noun's;
        # a date right on the noun is the noun's own
        (
            "WeWork agreed to a rescue by its largest shareholder, Japanese investment company SoftBank "
            "Group Corp, last month as it faced a cash crunch.",
            date(2019, 11, 18),
            "last month",
            "WeWork agreed to a rescue by its largest shareholder",
        ),
        (
            "Investors are looking ahead to a meeting of the central bank later this month.",
            date(2019, 11, 18),
            "later this month",
            "A meeting of the central bank",
        ),
        # a day spent is what the verb takes
        (
            "The Steelers spent Monday trying to distance themselves from the fight.",
            date(2019, 11, 19),
            "Monday",
            "The Steelers spent Monday trying to distance themselves from the fight",
        ),
        # a hyphenated word the tokenizer splits sets nothing off (the demo's "re-election")
        (
            "Donald Trump on Friday endorsed the re-election of House Speaker Paul Ryan.",
            date(2016, 8, 6),
            "Friday",
            "Donald Trump endorsed the re-election of House Speaker Paul Ryan",
        ),
    ],
)
def test_event_is_the_clause_with_its_subject(nlp, text, published, when, expected):
    assert events(nlp, text, published)[when] == expected


@pytest.mark.parametrize(
    ("text", "published", "when"),
    [
        # subjects that name nothing out of their sentence
        ("It did so again on Monday.", date(2014, 12, 31), "Monday"),
        ("What happened on Tuesday is unclear.", date(2014, 12, 31), "Tuesday"),
        ("That is not to say that whatever happened on Saturday was minor.", date(2019, 11, 18), "Saturday"),
        ('"I wake up at five every day," he said. "On Monday I woke up late."', date(2014, 12, 31), "Monday"),
        # whose "I" it is gets lost out of the quotation
        ('"I\'ll release mine in the next week," Pence told Chuck Todd.', date(2016, 9, 3), "next week"),
        # a noun phrase that names nothing on its own
        (
            "Chinese buyers signed deals worth $2.6 billion, the first such signing since 2017.",
            date(2023, 11, 3),
            "since 2017",
        ),
        ("The nominee for the Nov. 8 election said he was joking.", date(2016, 7, 31), "Nov. 8"),
        # the amount a change is measured from: its date is not the change's
        (
            "Exports to China dropped to $9.1 billion in 2018, down from $19.5 billion the previous year.",
            date(2019, 11, 18),
            "the previous year",
        ),
        # a verb with a date of its own is not the event of a date inside its noun
        (
            "Richardson decided to weigh in on Thursday's fight on Monday.",
            date(2019, 11, 19),
            "Thursday's",
        ),
        # an aside set off by dashes, whose subject points back ("the first")
        (
            "Televised debates are new in British elections — the first took place in 2010 — and "
            "they can transform campaigns.",
            date(2019, 11, 20),
            "2010",
        ),
        # a conjunct with its own subject ("I") is not told with the clause before it
        (
            "My name is Pamela Wilson — and I have been working online since 2010.",
            date(2018, 8, 8),
            "since 2010",
        ),
    ],
)
def test_no_event_rather_than_a_fragment(nlp, text, published, when):
    assert events(nlp, text, published)[when] is None


def test_he_or_she_is_named_when_the_person_is_clear(nlp):
    """The pronoun gives way to the last person who was the main subject just before."""
    text = (
        "Mayor Mitch Landrieu opened the center. "
        "On Thursday morning, he was on hand for the unveiling of another."
    )
    got = events(nlp, text, date(2014, 12, 11))["Thursday morning"]
    assert got == "Mitch Landrieu was on hand for the unveiling of another"


def test_he_after_a_reported_clause_is_its_subject(nlp):
    """A clause reported before its frame ("X is a felon, prosecutors said") is what the sentence
    is about: its subject is the main one, not the last speaker named before it."""
    text = (
        "Patrick Carlineo pleaded guilty on Monday.\n\nHis attorney, Sonya Zoghlin, said that "
        'Carlineo never intended to harm anyone.\n\n"He has taken responsibility for his language," '
        "Zoghlin said.\n\nCarlineo is a convicted felon and kept a loaded handgun at his home, "
        "prosecutors said. He was convicted of criminal mischief in 1998."
    )
    got = events(nlp, text, date(2019, 11, 19))["1998"]
    assert got == "Patrick Carlineo was convicted of criminal mischief"


def test_speaker_named_in_the_fronted_report_stays_he(nlp):
    """The reported clause before its frame names the speaker: the "he" that says it stays "he"
    rather than repeating the name."""
    text = (
        "Tired of being sidelined, Hungarian astronaut Bertalan Farkas is leaving for the United "
        "States to start a new career, he said Saturday."
    )
    got = events(nlp, text, date(1998, 4, 18))["Saturday"]
    assert got == "He said Hungarian astronaut Bertalan Farkas is leaving"


def test_reported_he_stays_he(nlp):
    """After "X says", the reported "he" is X: naming X twice would read oddly."""
    text = "Kevin Sullivan says he instructed staff on Monday to check the records."
    assert (
        events(nlp, text, date(2016, 10, 4))["Monday"]
        == "Kevin Sullivan says he instructed staff to check the records"
    )


def test_long_clauses_lose_their_side_phrases_not_their_verb(nlp):
    text = (
        "In 1970, Wein's Festival Productions produced the first New Orleans Jazz & Heritage Festival and "
        "Louisiana Heritage Fair in what is now the Congo Square area of Armstrong Park, augmented by "
        "evening shows in the Municipal Auditorium."
    )
    got = events(nlp, text, date(2014, 12, 11))["1970"]
    assert got is not None and got.startswith("Wein's Festival Productions produced the first New Orleans")
    assert "augmented" not in got


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Israel seized the territories, seen as parts of a future state, in the 1967 war.", "seen", True),
        # a coordination the parse left open: its second half hangs elsewhere, so the aside stays
        (
            "Some of the worst pollution this year also occurred during Diwali, the Hindu festival of "
            "lights, celebrated by lighting lamps, and often, by setting off fireworks.",
            "celebrated",
            False,
        ),
        # no comma: a participle that tells which noun is meant is no aside
        ("The territories seized in the 1967 war are disputed.", "seized", False),
    ],
)
def test_participle_asides(nlp, text, word, expected):
    """A participle set off by a comma is a description the event does without."""
    doc = nlp(text)
    assert aside_participle(next(t for t in doc if t.text == word)) is expected
