"""Dates read against what the story says around them: the quarter a results story is about, the
day it last gave, what a reporting verb speaks of. Each case comes from the kind of sentence
the TempEval-3 error analysis found (`bench/timex_errors.py`), with one that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.dates import extract_dates, rules
from generator.extract.dates.anchors import Anchors
from generator.extract.syntax import FUTURE, PAST, UNKNOWN

OCT = date(1989, 10, 26)  # a Thursday, in the results season of the Wall Street Journal corpus


def read(text: str, published: date | None = OCT, direction: int = UNKNOWN) -> list[tuple[str, str | None]]:
    """(matched text, date) of each match, the rule table alone (no parse)."""
    anchors = Anchors(published)
    out = []
    for rule, m in rules.candidates(text):
        value = rules.resolve(rule, m, anchors, direction)
        if value is None:
            out.append((m.group(0), None))
            continue
        anchors.note(rule.kind, value[0], m.group(0), m.start())
        out.append((m.group(0), value[0]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a results story is about the latest quarter that has ended: a flat second quarter
        # named after the third does not become "the quarter" or "the year-earlier period"
        (
            "Third-quarter net rose. After a flat second quarter, it gained. Charges in the "
            "year-earlier period and the 1989 period were lower than a year ago.",
            [
                ("Third-quarter", "1989-Q3"),
                ("flat second quarter", "1989-Q2"),
                ("the year-earlier period", "1988-Q3"),
                ("the 1989 period", "1989-Q3"),
                ("a year ago", "1988-Q3"),
            ],
        ),
        # a year-ago quarter named after it is compared with, not told about
        (
            "It earned $5 million in the fiscal first quarter, up from a year earlier. In the 1988 "
            "period it earned less. Sun shipped 28,000 systems in the quarter.",
            [
                ("the fiscal first quarter", "1989-Q1"),
                ("a year earlier", "1988-Q1"),
                ("the 1988 period", "1988-Q1"),
                ("the quarter", "1989-Q1"),
            ],
        ),
        # the comparison goes on through other comparisons and days, not through a whole year
        (
            "Profit rose in the latest quarter from a year earlier. The stock rose yesterday. "
            "Oil prices were higher than a year ago.",
            [
                ("the latest quarter", "1989-Q3"),
                ("a year earlier", "1988-Q3"),
                ("yesterday", "1989-10-25"),
                ("a year ago", "1988-Q3"),
            ],
        ),
        # after "the nine months" the figures are a year's: the year before, not a quarter
        (
            "Third-quarter net rose. For the nine months, net rose from $1.69 billion a year "
            "earlier, compared with year-earlier sales and the 1988 period.",
            [
                ("Third-quarter", "1989-Q3"),
                ("the nine months", None),
                ("a year earlier", "1988"),
                ("year-earlier", "1988"),
                ("the 1988 period", "1988"),
            ],
        ),
        # "the first half of the game" is no part of a year
        (
            "Third-quarter net rose. He scored in the first half of the game, up from a year ago.",
            [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
        ),
        # an adjective with no figures before it compares with nothing yet
        ("Year-earlier results were restated.", [("Year-earlier", None)]),
        # the quarter's own prefix and a hyphenated fiscal label
        ("In the year-ago third quarter it earned $22 million.", [("the year-ago third quarter", "1988-Q3")]),
        (
            "It earned $4.7 million in the fiscal-first quarter; a year ago it lost money.",
            [("the fiscal-first quarter", "1989-Q1"), ("a year ago", "1988-Q1")],
        ),
        # "that quarter" is the quarter named last, whichever it was
        (
            "Sales rose in the third quarter. In last year's second quarter it lost money. "
            "Results for that quarter included a write-down.",
            [
                ("the third quarter", "1989-Q3"),
                ("last year's second quarter", "1988-Q2"),
                ("that quarter", "1988-Q2"),
            ],
        ),
        ("Results for that quarter included a write-down.", [("that quarter", None)]),
    ],
)
def test_the_quarter_a_results_story_is_about(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("Sales in the current fiscal year will rise.", FUTURE, [("the current fiscal year", "1989")]),
        ("It rose to a high for the year of $42.875.", PAST, [("the year", "1989")]),
        ("It was the year of the dragon.", PAST, []),
        # a year-end told in the past is the last one that has passed; ahead, this year's
        ("The change is since year-end.", UNKNOWN, [("year-end", "1988")]),
        ("Prices were lower at the end of the year.", PAST, [("the end of the year", "1988")]),
        ("It should close by year-end.", FUTURE, [("year-end", "1989")]),
        # "the last week" with its article is the seven days up to now, like "the past year"
        ("He has been in Bethesda for the last week.", PAST, [("the last week", None)]),
        ("Prices fell this past week.", PAST, [("this past week", "1989-W42")]),
        ("Prices fell last week.", PAST, [("last week", "1989-W42")]),
        ("Then, a week or so ago, the general spoke.", PAST, [("a week or so ago", "1989-W42")]),
    ],
)
def test_years_weeks_and_their_ends(text, direction, expected):
    assert read(text, OCT, direction) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day the text gave anchors "the previous Friday", "later in the day"
        (
            "London shares closed lower Friday, down 4.5% from the previous Friday.",
            [("Friday", "1989-10-20"), ("the previous Friday", "1989-10-13")],
        ),
        (
            "Trading halted Tuesday. The following Monday it resumed.",
            [("Tuesday", "1989-10-24"), ("The following Monday", "1989-10-30")],
        ),
        (
            "The minister arrived Tuesday and left for Nairobi later in the day.",
            [("Tuesday", "1989-10-24"), ("later in the day", "1989-10-24")],
        ),
        # with no day before it, publication's
        ("The president arrived in Philadelphia later in the day.", [("later in the day", "1989-10-26")]),
        # a day off the date that follows
        (
            "The day before last Tuesday's hearing, Manuel went to the house.",
            [("The day before last Tuesday's", "1989-10-23")],
        ),
        ("They met the day after Christmas.", [("the day after Christmas", "1988-12-26")]),
        ("He arrived the day before Nov. 4.", [("the day before Nov. 4", "1989-11-03")]),
        # two weekdays joined by "and" are two days; "between" makes them a range
        (
            "Following are statements made Friday and Thursday by the lawyer.",
            [("Friday", "1989-10-20"), ("Thursday", "1989-10-26")],
        ),
    ],
)
def test_days_counted_from_the_text(text, expected):
    assert read(text, OCT, PAST) == expected


def test_between_two_weekdays_is_a_range():
    assert [(r.kind, m.group(0)) for r, m in rules.candidates("Talks run between Monday and Thursday.")] == [
        ("weekday_range", "between Monday and Thursday")
    ]


def found(nlp, text: str, published: date) -> list[tuple[str, str | None]]:
    return [(x.text, x.date) for x in extract_dates(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # what a reporting verb speaks of has no tense of its own: the nearer September
        (
            "Saudi Arabia told oil companies of a 15-20 percent cutback in its oil supply in September.",
            date(1990, 8, 16),
            [("September", "1990-09")],
        ),
        ("She warned about a strike in September.", date(1990, 8, 16), [("September", "1990-09")]),
        # the telling's own date keeps the telling's tense
        (
            "Saudi Arabia told oil companies in September of a cutback.",
            date(1990, 8, 16),
            [("September", "1989-09")],
        ),
        # where something was put lies ahead; what happened through a month does not
        (
            "Lenders have extended the company $90 million in revolving loans through January.",
            date(1989, 10, 30),
            [("January", "1990-01")],
        ),
        ("Sales rose through January.", date(1989, 10, 30), [("January", "1989-01")]),
        # a year before a name and the noun it dates; a model year stays a name
        (
            "Doyle, who yesterday trimmed his 1990 Anheuser earnings projection, called it justified.",
            date(1989, 10, 26),
            [("yesterday", "1989-10-25"), ("1990", "1990")],
        ),
        ("He drove a 1987 Chevrolet.", date(1989, 10, 26), []),
        # a round year before a named event the parser reads as a date; a count stays a count
        ("A president by the opening of the 2000 Olympics.", date(1998, 2, 13), [("2000", "2000")]),
        ("About 2000 Americans died.", date(1998, 2, 13), []),
        # a quotation mark that closed the paragraph before opens no title
        (
            'Financing "still remains."\n\nLast April, Mr. Drabinsky planned to buy the shares.',
            date(1989, 10, 26),
            [("Last April", "1989-04")],
        ),
        # a title goes on past the date to its closing mark
        (
            'Baker said on ABC-TV\'s "This Week With David Brinkley" that the resolutions imply it.',
            date(1991, 2, 25),
            [],
        ),
        # a table's column head in capitals dates nothing
        ("LATEST PREVIOUS ACTUAL\n( Parent ) FORECAST FORECAST YEAR-AGO\nSales 12.50", date(1996, 8, 30), []),
    ],
)
def test_parse_decides(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


PARAGRAPHS = "\n\n".join(["The video shows officers racing up a staircase."] * 7)
"""Seven paragraphs that name no date, between a day and what might refer back to it."""


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "that night" is the night of a day named close before it, not of one many paragraphs back
        (
            f"The suspect was sentenced last Thursday.\n\n{PARAGRAPHS}\n\n"
            "Earlier that night, a sergeant searched the room.",
            date(2019, 11, 18),
            [("last Thursday", "2019-11-14")],
        ),
        # a month named since has left the day: "the same day" is a day of that month
        (
            "The provider closed the site Thursday night.\n\n"
            "Doctors were killed, most recently last October. "
            "The same day, his name was crossed out.",
            date(1999, 2, 6),
            [("Thursday night", "1999-02-04"), ("last October", "1998-10")],
        ),
        # a year that only names a noun ("the 2011 raid") leaves the day as it was
        (
            "The candidates met at a forum on Wednesday.\n\nShe stressed her support of the 2011 raid.\n\n"
            "In a speech earlier in the day, Trump attacked Clinton.",
            date(2016, 9, 8),
            [("Wednesday", "2016-09-07"), ("2011", "2011"), ("earlier in the day", "2016-09-07")],
        ),
        # afternoons and weeks of the day named: "afternoon" is no "after"
        (
            "The Guard will remain through Sunday, when the Panthers host the Vikings "
            "in the city that afternoon.",
            date(2016, 9, 25),
            [("Sunday", "2016-09-25"), ("that afternoon", "2016-09-25")],
        ),
        (
            "The company shelved its offering on September 30. "
            "Neumann had resigned as CEO the previous week.",
            date(2019, 11, 18),
            [("September 30", "2019-09-30"), ("the previous week", "2019-W39")],
        ),
        (
            "The board met on March 2. Later that week the chief executive resigned.",
            date(2020, 3, 20),
            [("March 2", "2020-03-02"), ("Later that week", "2020-W10")],
        ),
        # "the week of" and "the next week" keep their own rules
        ("He resigned the following week of talks.", date(2020, 3, 20), []),
    ],
)
def test_anaphoric_days_count_from_the_narratives_day(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a time with no day word is on the day named just before it
        (
            "A surfer was attacked by a shark off the coast Sunday.\n\n"
            "The ranger said the attack happened at around 11 a.m. local time.",
            date(2014, 12, 29),
            [("Sunday", "2014-12-28"), ("around 11 a.m. local time", "2014-12-28")],
        ),
        (
            "A committee will meet in south Lebanon on Sunday. "
            "Representatives will meet at 11 a.m. in Naqoura.",
            date(1996, 8, 31),
            [("Sunday", "1996-09-01"), ("11 a.m.", "1996-09-01")],
        ),
        # in a news lede told in the past, with no day named, the day of publication
        (
            "The men appeared in the store around 7:15 p.m., detectives said.",
            date(1998, 2, 12),
            [("around 7:15 p.m.", "1998-02-12")],
        ),
        (
            "By mid afternoon, official sources were saying the operation was over.",
            date(1998, 3, 6),
            [("mid afternoon", "1998-03-06")],
        ),
        # a time next to its day is one mention, the day's
        (
            "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.",
            date(1998, 8, 8),
            [("Friday", "1998-08-07")],
        ),
        (
            "On Friday (Dec. 12) at 8 p.m., Kidd Jordan plays.",
            date(2014, 12, 11),
            [("Friday (Dec. 12)", "2014-12-12")],
        ),
        (
            "The father will leave at 4 in the morning (4 a.m. EDT Thursday).",
            date(2000, 4, 5),
            [("Thursday", "2000-04-06")],
        ),
        ("A jogger saw the car at 6 a.m. near the home 10 days before the murder.", date(1999, 5, 5), []),
        # a present tense tells no day; another subject's day is not this time's
        (
            "Lowe's will report earnings Wednesday.\n\n"
            "Home Depot management hosts a conference call at 9 a.m. ET.",
            date(2019, 11, 19),
            [("Wednesday", "2019-11-20")],
        ),
        # kickoffs, timetables, titles: no event's time
        ("The NFL moved the game from a 4:25 kickoff to a 1 p.m. start.", date(2019, 11, 19), []),
        ("Performances Tue - Sat 4PM, closed on Mondays.", date(2018, 10, 15), []),
        ('The poster showed Gary Cooper from the film "High Noon."', date(1999, 3, 12), []),
        # deep in a story that named no day, a past time is not the day of publication
        (f"{PARAGRAPHS}\n\nThe doctor was shot to death at 10 p.m. in his kitchen.", date(1999, 4, 19), []),
    ],
)
def test_clock_times_on_the_narratives_day(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the dispatch was written on its dateline's day: "today" and "yesterday" count from it
        (
            "BRUSSELS, December 2 (Xinhua) -- NATO foreign ministers said today that the talks would go on.",
            date(1998, 12, 3),
            [("today", "1998-12-02")],
        ),
        (
            "WASHINGTON, Nov. 3 -- The senator said yesterday that he would run.",
            date(1998, 11, 5),
            [("yesterday", "1998-11-02")],
        ),
        (
            "BRUSSELS, December 30 (Xinhua) -- The ministers met today.",
            date(1999, 1, 2),
            [("today", "1998-12-30")],
        ),
        # a dateline of the publication day, or weeks old (an archive's), changes nothing
        (
            "WASHINGTON, August 11 (Xinhua) -- The secretary arrived today.",
            date(1998, 8, 11),
            [("today", "1998-08-11")],
        ),
        (
            "WASHINGTON, June 1 (Xinhua) -- The secretary arrived today.",
            date(1998, 8, 11),
            [("today", "1998-08-11")],
        ),
    ],
)
def test_dateline_is_the_day_the_story_speaks_from(nlp, text, published, expected):
    assert found(nlp, text, published) == expected
