"""Temporal expressions: detection, anchoring on the publication date, tense, granularity."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.actors import extract_actors
from generator.extract.dates import build_timeline, extract_dates

FRI = date(2023, 11, 3)  # the seed article: published on a Friday


def found(nlp, text: str, published: date | None) -> list[tuple[str, str | None, str | None]]:
    return [(x.text, x.date, x.end) for x in extract_dates(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # same weekday as publication: that day, whatever the tense
        ("The ministry announced the talks on Friday.", FRI, [("Friday", "2023-11-03", None)]),
        ("Also on Friday, the ministry briefed reporters.", FRI, [("Friday", "2023-11-03", None)]),
        # present tense of a scheduled event looks ahead
        ("The expo, which opens in Shanghai on Sunday, draws buyers.", FRI, [("Sunday", "2023-11-05", None)]),
        # past tense looks back
        ("On Monday, the vice president met veterans in Beijing.", FRI, [("Monday", "2023-10-30", None)]),
        ("The minister has met the chief executive on Wednesday.", FRI, [("Wednesday", "2023-11-01", None)]),
        ("On Thursday (local time), the US imposed sanctions.", FRI, [("Thursday", "2023-11-02", None)]),
        # future across a year end, past across a leap day
        ("The delegation will arrive on Monday.", date(2023, 12, 29), [("Monday", "2024-01-01", None)]),
        ("The minister resigned on Thursday.", date(2024, 3, 1), [("Thursday", "2024-02-29", None)]),
        # plans look ahead even in the past tense; a pluperfect deadline does not
        ("Protesters planned a rally on Saturday.", date(2000, 1, 7), [("Saturday", "2000-01-08", None)]),
        ("The offer had been due to expire Friday.", date(1989, 10, 30), [("Friday", "1989-10-27", None)]),
        ("The vote is scheduled for Wednesday.", date(2023, 5, 29), [("Wednesday", "2023-05-31", None)]),
        (
            "Officials postponed the hearing until Tuesday.",
            date(2000, 3, 30),
            [("Tuesday", "2000-04-04", None)],
        ),
        # a reduced participle and a possessive report what happened
        (
            "The decision, announced Wednesday, angered the family.",
            date(2000, 1, 6),
            [("Wednesday", "2000-01-05", None)],
        ),
        ("They will fight Wednesday's ruling.", date(2000, 1, 7), [("Wednesday's", "2000-01-05", None)]),
        # last / next / this
        ("He left last Friday.", FRI, [("last Friday", "2023-10-27", None)]),
        ("May said on Monday that talks would go on.", FRI, [("Monday", "2023-10-30", None)]),
        ("The talks resume next Tuesday.", date(2023, 11, 1), [("next Tuesday", "2023-11-07", None)]),
        (
            "The summit runs from Monday to Wednesday.",
            FRI,
            [("Monday to Wednesday", "2023-11-06", "2023-11-08")],
        ),
    ],
)
def test_weekdays_by_tense(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Talks run from November 4 to 7 in California.",
            FRI,
            [("November 4 to 7", "2023-11-04", "2023-11-07")],
        ),
        ("Talks run Nov. 4-7 in California.", FRI, [("Nov. 4-7", "2023-11-04", "2023-11-07")]),
        (
            "The fair runs from 30 November to 2 December.",
            FRI,
            [("30 November to 2 December", "2023-11-30", "2023-12-02")],
        ),
        ("The deal was signed on Nov. 4, 2023.", None, [("Nov. 4, 2023", "2023-11-04", None)]),
        ("The deal was signed on 4 November 2023.", None, [("4 November 2023", "2023-11-04", None)]),
        ("The deal was signed on 2023-11-04.", None, [("2023-11-04", "2023-11-04", None)]),
        ("The deal was signed on 11/4/2023.", None, [("11/4/2023", "2023-11-04", None)]),
        ("The deal was signed on 25/12/2023.", None, [("25/12/2023", "2023-12-25", None)]),
        (
            "The strike began on Friday, Oct. 23.",
            date(1998, 11, 20),
            [("Friday, Oct. 23", "1998-10-23", None)],
        ),
        # a month-day without a year: the occurrence the tense points at, across year ends
        ("The contract will end on January 15.", date(2023, 12, 20), [("January 15", "2024-01-15", None)]),
        ("The plant closed on Dec. 28.", date(2024, 1, 3), [("Dec. 28", "2023-12-28", None)]),
        (
            "Shares were bought from Aug. 26 to Oct. 20.",
            date(1989, 10, 30),
            [("Aug. 26 to Oct. 20", "1989-08-26", "1989-10-20")],
        ),
        (
            "He was shot to death last Oct. 23 at home.",
            date(1999, 4, 19),
            [("last Oct. 23", "1998-10-23", None)],
        ),
        # months
        ("Sales fell in October.", date(1998, 1, 8), [("October", "1997-10", None)]),
        ("The summit will be held in April.", date(1998, 12, 5), [("April", "1999-04", None)]),
        ("Prices rose in January 1998.", None, [("January 1998", "1998-01", None)]),
        ("Prices rose in June last year.", date(1998, 2, 19), [("June last year", "1997-06", None)]),
        ("The rebels attacked last November.", date(2000, 1, 13), [("last November", "1999-11", None)]),
        ("The accession is planned for early March.", date(1999, 2, 10), [("early March", "1999-03", None)]),
    ],
)
def test_absolute_dates_and_months(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The ministry confirmed it today.", date(2024, 1, 1), [("today", "2024-01-01", None)]),
        ("The ministry confirmed it yesterday.", date(2024, 1, 1), [("yesterday", "2023-12-31", None)]),
        ("The ministry will confirm it tomorrow.", date(2024, 2, 28), [("tomorrow", "2024-02-29", None)]),
        ("The ministry will confirm it tomorrow.", date(2023, 2, 28), [("tomorrow", "2023-03-01", None)]),
        ("Consultations will be held next week.", FRI, [("next week", "2023-W45", None)]),
        ("Consultations will be held next week.", date(2023, 12, 29), [("next week", "2024-W01", None)]),
        ("Consultations were held last week.", date(2021, 1, 6), [("last week", "2020-W53", None)]),
        ("Consultations are held this week.", FRI, [("this week", "2023-W44", None)]),
        ("A meeting is possible later this month.", FRI, [("later this month", "2023-11", None)]),
        ("Prices rose last month.", date(2024, 1, 15), [("last month", "2023-12", None)]),
        ("Prices will rise next month.", date(2023, 12, 10), [("next month", "2024-01", None)]),
        ("Prices rose earlier this year.", FRI, [("earlier this year", "2023", None)]),
        ("Prices rose last year.", date(2024, 1, 2), [("last year", "2023", None)]),
        ("Prices will rise next year.", date(2023, 12, 31), [("next year", "2024", None)]),
        ("The plant closed two years ago.", date(1998, 4, 24), [("two years ago", "1996", None)]),
        ("The plant closed five months ago.", date(1998, 3, 31), [("five months ago", "1997-10", None)]),
        ("The plant closed 10 days ago.", date(1998, 3, 22), [("10 days ago", "1998-03-12", None)]),
        ("The stock began trading this summer.", date(1989, 11, 1), [("this summer", "1989-SU", None)]),
        ("Kopp vanished last fall.", date(1999, 6, 7), [("last fall", "1998-FA", None)]),
        ("It was the winter of 1994.", None, [("the winter of 1994", "1994-WI", None)]),
        (
            "The family will gather on Christmas Day.",
            date(2023, 12, 20),
            [("Christmas Day", "2023-12-25", None)],
        ),
        ("He arrived on Thanksgiving Day.", date(2000, 1, 7), [("Thanksgiving Day", "1999-11-25", None)]),
        # a named day after Thanksgiving, not the Friday or Monday of the week
        (
            "Prices will drop on Black Friday.",
            date(2019, 11, 18),
            [("Black Friday", "2019-11-29", None)],
        ),
        ("Stores opened early on Black Friday.", date(2019, 12, 2), [("Black Friday", "2019-11-29", None)]),
        ("Sales doubled on Cyber Monday.", date(2019, 12, 6), [("Cyber Monday", "2019-12-02", None)]),
        (
            "Tuesday is cheap; Black Friday is dear.",
            date(2019, 11, 18),
            [("Tuesday", "2019-11-19", None), ("Black Friday", "2019-11-29", None)],
        ),
    ],
)
def test_relative_expressions(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Citadel posted a third-quarter net loss.", date(1989, 11, 2), [("third-quarter", "1989-Q3", None)]),
        # capitals that label a year are no product line
        ("Revenue for FY 2019 rose.", date(2019, 11, 18), [("2019", "2019", None)]),
        ("It all changed in 2019: Protests spread.", date(2019, 11, 18), [("2019", "2019", None)]),
        ("He flew helicopters in the Falklands War (1982).", date(2019, 11, 18), [("1982", "1982", None)]),
        (
            "It took a charge in the 1988 second quarter.",
            None,
            [("the 1988 second quarter", "1988-Q2", None)],
        ),
        (
            "It could take effect in next year's first quarter.",
            date(1989, 10, 31),
            [("next year's first quarter", "1990-Q1", None)],
        ),
        (
            "Profit rose in the fourth quarter of 2022.",
            None,
            [("the fourth quarter of 2022", "2022-Q4", None)],
        ),
        (
            "Profit rose in the third quarter. Sales in the quarter were flat.",
            date(1989, 11, 2),
            [("the third quarter", "1989-Q3", None), ("the quarter", "1989-Q3", None)],
        ),
        ("The first such signing since 2017 was in Iowa.", FRI, [("since 2017", "2017", None)]),
        ("The dam was built in 1998.", None, [("1998", "1998", None)]),
        ("Output doubled in 1990-1995.", None, [("1990-1995", "1990", "1995")]),
        ("The 2017-18 season was short.", None, []),
        ("Prices soared in the 1990s.", None, [("the 1990s", "1990", "1999")]),
        ("Atlanta won the games for nineteen ninety-six.", None, [("nineteen ninety-six", "1996", None)]),
        ("A president by the year two thousand.", None, [("the year two thousand", "2000", None)]),
        (
            "In 1995 the firm opened. The following year it closed.",
            None,
            [("1995", "1995", None), ("The following year", "1996", None)],
        ),
    ],
)
def test_quarters_years_decades(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a relative clause or a participle carries the tense of its own verb, not the main one's
        (
            "Searchers are looking for the plane, which disappeared from radar on Sunday morning.",
            date(2014, 12, 30),
            [("Sunday morning", "2014-12-28", None)],
        ),
        (
            "Crews are racing to contain an oil spill sighted on Monday off the coast.",
            date(2014, 12, 31),
            [("Monday", "2014-12-29", None)],
        ),
        (
            "The film, which won the top prize at the Producers Guild Awards on Saturday, is the favourite.",
            date(2015, 1, 25),
            [("Saturday", "2015-01-24", None)],
        ),
        (
            "The accord was worked out by Kofi Annan, who appointed a diplomat on Thursday as his envoy.",
            date(1998, 3, 6),
            [("Thursday", "1998-03-05", None)],
        ),
        # reported speech: the saying and what was said each have their own direction
        (
            "The company said on Monday that it will open the plant on Friday.",
            date(2014, 12, 31),
            [("Monday", "2014-12-29", None), ("Friday", "2015-01-02", None)],
        ),
        # a bare past ("hurt", "cut") with a singular subject; a guess about the past
        (
            "Weakness in technology stocks hurt the index, which fell 1.4% on Friday.",
            date(1989, 10, 30),
            [("Friday", "1989-10-27", None)],
        ),
        (
            "Concern about the chip may have been responsible for a drop in the stock on Wednesday.",
            date(1989, 10, 27),
            [("Wednesday", "1989-10-25", None)],
        ),
        # "by" a deadline in a past clause is past; a participle that schedules looks ahead
        (
            "Sony completed its offer, with holders tendering 99.3% of the shares by the Tuesday deadline.",
            date(1989, 11, 2),
            [("Tuesday", "1989-10-31", None)],
        ),
        (
            "The issue will dominate a summit set for Washington in April.",
            date(1999, 3, 12),
            [("April", "1999-04", None)],
        ),
        # an infinitive under a gerund takes the tense of the finite verb above both; a plan,
        # or a threat told as such, still looks ahead
        (
            "A man pleaded guilty Monday to threatening to kill a congresswoman in March, prosecutors said.",
            date(2019, 11, 19),
            [("Monday", "2019-11-18", None), ("March", "2019-03", None)],
        ),
        (
            "He was charged with trying to sell the guns in March.",
            date(2019, 11, 19),
            [("March", "2019-03", None)],
        ),
        (
            "He planned on trying to open the plant in March.",
            date(2019, 11, 19),
            [("March", "2020-03", None)],
        ),
        ("The union threatened to strike in March.", date(2019, 11, 19), [("March", "2020-03", None)]),
        # a month on a noun in a past clause is the last one
        ("The IMF cut its outlook from a forecast in June.", date(2015, 3, 2), [("June", "2014-06", None)]),
        # a quarter told in the past that has not begun yet is last year's
        (
            "In the fourth quarter, the bank paid $1.1 billion.",
            date(2015, 1, 14),
            [("the fourth quarter", "2014-Q4", None)],
        ),
    ],
)
def test_tense_of_the_verb_the_date_belongs_to(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The recession lasted from December 2007 to June 2009.",
            None,
            [("December 2007 to June 2009", "2007-12", "2009-06")],
        ),
        (
            "The recession lasted December 2007-June 2009.",
            None,
            [("December 2007-June 2009", "2007-12", "2009-06")],
        ),
        ("The 2002-2006 housing bubble burst.", None, [("2002-2006", "2002", "2006")]),
        ("Output rose between 1994 and 1997.", None, [("1994 and 1997", "1994", "1997")]),
        ("Prices rose from 2001 to 2010.", None, [("2001 to 2010", "2001", "2010")]),
        # the start takes the year written at the end, across a year end too
        ("Sales rose from January to March 2009.", FRI, [("January to March 2009", "2009-01", "2009-03")]),
        (
            "They met on 30 December to 2 January 2024.",
            None,
            [("30 December to 2 January 2024", "2023-12-30", "2024-01-02")],
        ),
        # two years joined by "and" without "between" are two dates
        ("Prices rose in 1990 and 1991.", None, [("1990", "1990", None), ("1991", "1991", None)]),
        # weekends: Saturday to Sunday, the one the tense points at
        (
            "Festivities continue throughout the weekend.",
            date(2014, 12, 11),
            [("the weekend", "2014-12-13", "2014-12-14")],
        ),
        (
            "Flight 8501 disappeared over the weekend.",
            date(2014, 12, 29),
            [("the weekend", "2014-12-27", "2014-12-28")],
        ),
        (
            "The speech coincided this weekend with the rally.",
            date(2016, 9, 19),
            [("this weekend", "2016-09-17", "2016-09-18")],
        ),
        ("The award goes to the winner in the last weekend of the festival.", date(2018, 9, 15), []),
        # one mention, one entry: a day with its date in brackets, a fiscal year with its number
        (
            "The paper was published online today (Nov. 18) in the journal.",
            date(2019, 11, 18),
            [("today (Nov. 18)", "2019-11-18", None)],
        ),
        (
            "The chart sums up the fiscal year 2019 seizures.",
            date(2019, 10, 13),
            [("the fiscal year 2019", "2019", None)],
        ),
    ],
)
def test_ranges_are_one_entry(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "a year later" counts from the last year the text gave
        (
            "He was hired in 2015 and left a year later.",
            date(2019, 11, 18),
            [("2015", "2015", None), ("a year later", "2016", None)],
        ),
        # "later in the day" is the day the story is on, not a day that names a noun
        (
            "The hearing ended on Tuesday. Lawmakers grilled Vindman on Trump's July 25 call. "
            "Later in the day, Volker testified.",
            date(2019, 11, 20),
            [
                ("Tuesday", "2019-11-19", None),
                ("July 25", "2019-07-25", None),
                ("Later in the day", "2019-11-19", None),
            ],
        ),
        (
            "Sales have risen since July of last year.",
            date(2015, 3, 2),
            [("July of last year", "2014-07", None)],
        ),
        (
            "Stores opened early on Thanksgiving weekend last year.",
            date(2015, 3, 2),
            [("Thanksgiving weekend last year", "2014-11-29", "2014-11-30")],
        ),
        # "a year earlier" and "the year before" count from the year the text gave
        (
            "In 2008 the foundation bought the home. A year earlier it sold the old one.",
            date(2015, 3, 2),
            [("2008", "2008", None), ("A year earlier", "2007", None)],
        ),
        (
            "Revenue fell to $300 million last year, from $450 million the year before.",
            date(1998, 9, 7),
            [("last year", "1997", None), ("the year before", "1996", None)],
        ),
        ("Sales for the full year were $6.6 billion.", date(1989, 11, 2), [("the full year", "1989", None)]),
        ("The deal should close by year-end.", date(1989, 11, 2), [("year-end", "1989", None)]),
        (
            "For the year ended Sept. 30, it lost money.",
            date(1989, 11, 2),
            [("Sept. 30", "1989-09-30", None)],
        ),
        (
            "In 1995 the plant opened. Later that year it closed.",
            None,
            [("1995", "1995", None), ("Later that year", "1995", None)],
        ),
        # one entry per mention: a weekday with its date in brackets, a spelled-out day
        (
            "The ceremony was held Thursday (Dec. 11) downtown.",
            date(2014, 12, 12),
            [("Thursday (Dec. 11)", "2014-12-11", None)],
        ),
        (
            "Protesters will march this coming Sunday, March eighth.",
            date(1998, 3, 5),
            [("this coming Sunday, March eighth", "1998-03-08", None)],
        ),
        (
            "The bill was released late Dec. 9 by the House.",
            date(2014, 12, 12),
            [("late Dec. 9", "2014-12-09", None)],
        ),
        (
            "The offer, advertised in today's editions, expires soon.",
            date(1989, 11, 2),
            [("today", "1989-11-02", None)],
        ),
        ("Atlanta nineteen ninety-six.", None, [("nineteen ninety-six", "1996", None)]),
    ],
)
def test_anchored_on_the_text_and_the_calendar(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


def test_months_of_a_story_set_in_an_earlier_year(nlp):
    """A story that keeps naming one past year, never its own, tells its months in that year;
    news that names a past year once does not."""
    story = (
        "Files from 1986 show the minister doubted the exams. She raised them in the spring of 1986. "
        "On March 6 her adviser wrote to her. The exams began in September 1986 after he stepped down "
        "in May."
    )
    assert [(t, d) for t, d, _ in found(nlp, story, date(2014, 12, 29))] == [
        ("1986", "1986"),
        ("the spring of 1986", "1986-SP"),
        ("March 6", "1986-03-06"),
        ("September 1986", "1986-09"),
        ("May", "1986-05"),
    ]
    news = "Sales rose in 1988. On Monday the firm said sales fell in May."
    assert found(nlp, news, date(1989, 10, 30))[-1] == ("May", "1989-05", None)


@pytest.mark.parametrize(
    "text",
    [
        "The war lasted three years.",
        "The meeting starts at 5 p.m. sharp.",
        "The company hired 2000 people.",
        "The ticket costs $2017 in total.",
        "The 75-year-old returned to the stage.",
        "He may decide soon.",
        "Octel shares rose and Separately the index fell.",
        "The March for Life drew crowds.",
        "In today's world, nobody writes letters.",
        "He spoke on ABC News' This Week program.",
        "The bill passed 130 to 20 in the senate.",
        "Markets will open Mondays and Fridays.",
        "Reporter April Ryan asked the president a question.",
        "Flight 1549 landed in the Hudson.",
        "The furnace reached 2000 degrees.",
        "Easter Island lies in the Pacific.",
        "They sold Christmas trees.",
        # titles of works, citations, addresses, models, copyright lines, amounts
        "Sam Mendes' 1917 won best picture.",
        "The war film 1917 won the top prize.",
        'Mendes\'s "1917" took the prize.',
        "The study appeared in Nature 574, 16-17 (2019).",
        "The center at 1225 N. Rampart St. opened.",
        "Police found his 1987 Chevrolet Cavalier at the airport.",
        "Copyright 2014 The Associated Press.",
        "The chip earned a total score of 2072 in the test.",
        "Clinton said so in an interview with “Fox News Sunday.”",
        # a model number after the capitals of its product line; a named day's deals
        "The GTX 1660 Ti is superior to the GTX 1060 and close to the RTX 2060.",
        "One of Dell's Black Friday deals has gone live early.",
        # a period of something; a title after its year
        "In movies from 2001: A Space Odyssey to Alien, astronauts sleep through the trip.",
        "The airline will grow again after its current period of consolidation.",
        'He spoke on ABC News\' "This Week" program.',
        # model years: a year that designates a product's make; a phone number's last group
        "The 2016 MacBook Pro introduced the butterfly keyboard.",
        "Unlike the 2016 and 2017 models, the new one has a physical escape key.",
        "The 2018 iPad Pro is the fastest tablet.",
        "The 2016 MacBook Pro's keyboard failed within a year of use.",
        "I compared it with the MacBook Pro (2016) and the MacBook Air (2017).",
        "For inquiries, call 02-751-1500.",
        # a year after "the" used as the noun, or before a design: the make, not a time
        "The new keyboard has more key travel than the 2016, but less than the 2012.",
        "Where the 2012 through 2015 design had fans, the 2016 through 2019 weighed on the range.",
        "The machine is larger than the 15-inch 2016 MacBook Pro design.",
        "Whatever Apple did for key stability in the 2016 was moved to the new model.",
        # a standing recommendation in the generic present dates no event
        "The CDC recommends all individuals get a flu vaccine by the end of October.",
        "Experts advise getting the shot before November.",
        # habits and standing rules recur: no year of their own
        "The farmers market opens in June every year.",
        "Every November, the town holds a parade.",
        "The third flight departs each Thursday from the capital.",
        "Orangemen march each July through the town's Catholic area.",
        "Prices rise annually in January.",
    ],
)
def test_not_calendar_dates(nlp, text):
    assert found(nlp, text, FRI) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a year used as a time stays a date, whatever follows it
        ("He is after his first win since the 1993 BellSouth Classic.", FRI, [("1993", "1993", None)]),
        ("She ran in the 2016 election.", FRI, [("2016", "2016", None)]),
        ("Analysts were predicting 1990 BellSouth earnings.", FRI, [("1990", "1990", None)]),
        ("Apple put the keyboard in all MacBook models in 2016.", FRI, [("2016", "2016", None)]),
        ("The 2002-2006 housing bubble burst.", FRI, [("2002-2006", "2002", "2006")]),
        ("He wrote it after the 1999 shooting death of an immigrant.", FRI, [("1999", "1999", None)]),
        ("He raced in the 1996 Games and the 2000.", FRI, [("1996", "1996", None), ("2000", "2000", None)]),
        # a recommendation made once, or of someone in particular, keeps its date
        (
            "The panel recommends that the council vote in March.",
            date(2019, 11, 19),
            [("March", "2020-03", None)],
        ),
        (
            "The panel recommended in March that adults get a flu shot.",
            date(2019, 11, 19),
            [("March", "2019-03", None)],
        ),
        # a month told once is a date; "every year since" dates the start, not the habit's month
        ("The town held a parade in November.", date(2019, 11, 19), [("November", "2019-11", None)]),
        (
            "Every year since 2010 the town has held a parade in May.",
            date(2019, 11, 19),
            [("since 2010", "2010", None)],
        ),
        # a quotation's "yesterday" counts from the day the text says it was said
        (
            '"We met yesterday," he said on Monday.',
            date(2019, 11, 20),
            [("yesterday", "2019-11-17", None), ("Monday", "2019-11-18", None)],
        ),
        (
            'He said on Monday: "We will decide tomorrow."',
            date(2019, 11, 20),
            [("Monday", "2019-11-18", None), ("tomorrow", "2019-11-19", None)],
        ),
        ('"We met yesterday," he said.', date(2019, 11, 20), [("yesterday", "2019-11-19", None)]),
        (
            "‘We don’t meet until tomorrow,’ she told reporters on Friday.",
            date(2019, 11, 20),
            [("tomorrow", "2019-11-16", None), ("Friday", "2019-11-15", None)],
        ),
        (
            'Speaking to reporters on Monday, he said: "We decided yesterday."',
            date(2019, 11, 20),
            [("Monday", "2019-11-18", None), ("yesterday", "2019-11-17", None)],
        ),
        # a weekday the story named before is that day again, unless its own tense says otherwise
        (
            "Trump made an unscheduled trip to Walter Reed on Saturday. Now consider what we know "
            "about his visit on Saturday.",
            date(2019, 11, 18),
            [("Saturday", "2019-11-16", None), ("Saturday", "2019-11-16", None)],
        ),
        (
            "He met her on Saturday. He will meet her again on Saturday.",
            date(2019, 11, 18),
            [("Saturday", "2019-11-16", None), ("Saturday", "2019-11-23", None)],
        ),
    ],
)
def test_models_habits_quotations_and_named_days(nlp, text, published, expected):
    assert found(nlp, text, published) == expected


def test_dateline_dates_the_dispatch_not_an_event(nlp):
    """The dateline's date is when the dispatch was filed: not an event of the timeline."""
    text = "WASHINGTON, August 11 (Xinhua) -- The secretary arrived on Monday."
    assert found(nlp, text, date(1998, 8, 12)) == [("Monday", "1998-08-10", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The delegation arrived on Monday.", [("Monday", None, None)]),
        ("Consultations will be held next week.", [("next week", None, None)]),
        ("The deal was signed on November 4, 2023.", [("November 4, 2023", "2023-11-04", None)]),
        ("The deal was signed on November 4.", [("November 4", None, None)]),
    ],
)
def test_without_publication_date(nlp, text, expected):
    assert found(nlp, text, None) == expected


def test_timeline_event_and_actors(nlp):
    doc = nlp(
        "Also on Friday, the Chinese Ministry of Commerce briefed that China's Minister of Commerce "
        "Wang Wentao has met with Sanjay Mehrotra, president and CEO of US chip giant Micron Technology "
        "on Wednesday. The sixth China International Import Expo, which opens in Shanghai on Sunday, "
        "will draw buyers."
    )
    cast = extract_actors(doc)
    timeline = build_timeline(doc, list(extract_dates(doc, FRI)), cast)
    assert [(t.text, t.date) for t in timeline] == [
        ("Wednesday", "2023-11-01"),
        ("Friday", "2023-11-03"),
        ("Sunday", "2023-11-05"),
    ]
    met, briefed, opens = timeline
    assert met.event is not None and "Wang Wentao has met with Sanjay Mehrotra" in met.event
    assert "Wednesday" not in met.event and "briefed" not in met.event
    assert "wang-wentao" in met.actors and "sanjay-mehrotra" in met.actors
    assert briefed.event is not None and "Ministry of Commerce briefed" in briefed.event
    assert opens.event is not None and opens.event.startswith("The sixth China International Import Expo")
    assert "opens in Shanghai" in opens.event and "Sunday" not in opens.event
    assert met.span is not None and doc.text[met.span[0] : met.span[1]] == "Wednesday"


def test_timeline_sorts_weeks_quarters_and_unresolved(nlp):
    doc = nlp(
        "Profit fell in the third quarter. Talks are set for next week. He left on Monday. It rose in 1990."
    )
    timeline = build_timeline(doc, list(extract_dates(doc, FRI)), extract_actors(doc))
    assert [t.date for t in timeline] == ["1990", "2023-Q3", "2023-10-30", "2023-W45"]
