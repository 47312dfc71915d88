"""The date rule table on its own (no parse): which rule wins a stretch of text, and what its
resolver makes of it for a given publication date and tense. `test_dates` covers the whole
extractor with the parse (plausibility, tense); these pin each rule's pattern and resolver."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.dates import plausible, rules
from generator.extract.dates.anchors import Anchors
from generator.extract.syntax import FUTURE, PAST, PRESENT, UNKNOWN

FRI = date(2023, 11, 3)  # the seed article: published on a Friday


def read(
    text: str, published: date | None = FRI, direction: int = UNKNOWN
) -> list[tuple[str, str | None, str | None]]:
    """(kind, date, end) of each match in order; a resolver that rejects its match gives None."""
    anchors = Anchors(published)
    out: list[tuple[str, str | None, str | None]] = []
    for rule, m in rules.candidates(text):
        value = rules.resolve(rule, m, anchors, direction)
        if value is None:
            out.append((rule.kind, None, None))
            continue
        anchors.note(rule.kind, value[0], m.group(0), m.start())
        out.append((rule.kind, *value))
    return out


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("Filed on 2023-11-04.", UNKNOWN, [("iso", "2023-11-04", None)]),
        ("Filed on 11/4/2023.", UNKNOWN, [("numeric", "2023-11-04", None)]),
        # a first number over 12 is the day; a two-digit year over 30 is the 1900s
        ("Filed on 25/12/99.", UNKNOWN, [("numeric", "1999-12-25", None)]),
        ("The fair runs November 4 to 7.", UNKNOWN, [("md_range", "2023-11-04", "2023-11-07")]),
        ("The fair runs 4-7 November 2023.", UNKNOWN, [("dm_range", "2023-11-04", "2023-11-07")]),
        # a range across a year end
        ("Closed Dec. 30 - Jan. 2.", UNKNOWN, [("md_range", "2023-12-30", "2024-01-02")]),
        # a percentage is no range: the month-day alone, in the nearer year (looking back wins ties)
        ("Rates rose April 4-5%.", UNKNOWN, [("md", "2023-04-04", None)]),
        ("Polls open Saturday, Nov. 4.", UNKNOWN, [("md", "2023-11-04", None)]),
        ("Signed on the 4th of November 2023.", UNKNOWN, [("dm", "2023-11-04", None)]),
        ("Talks resume the week of November 6.", UNKNOWN, [("week_of", "2023-W45", None)]),
        ("It opened in March 2022.", UNKNOWN, [("month", "2022-03", None)]),
        ("It opened last March.", UNKNOWN, [("month", "2023-03", None)]),
        ("It opens in March.", FUTURE, [("month", "2024-03", None)]),
        # a present tense says nothing about a month: the nearer October, not the next one
        ("Prices are high in October.", PRESENT, [("month", "2023-10", None)]),
        ("Prices will be high in October.", FUTURE, [("month", "2024-10", None)]),
        ("Sales fell in the third quarter.", UNKNOWN, [("quarter", "2023-Q3", None)]),
        ("Sales fell in the latest quarter.", UNKNOWN, [("this_quarter", "2023-Q3", None)]),
        ("Sales fell in the quarter.", UNKNOWN, [("the_quarter", "2023-Q3", None)]),
        # "the same period a year ago" after a quarter is that quarter a year before
        (
            "Sales fell in the third quarter from the same period a year ago.",
            UNKNOWN,
            [("quarter", "2023-Q3", None), ("year_ago", "2022-Q3", None)],
        ),
        # as long as "a year ago" read as a count of years: the earlier rule in the table wins
        ("Sales fell from a year ago.", UNKNOWN, [("year_ago", "2022", None)]),
        ("They met last summer.", UNKNOWN, [("season", "2023-SU", None)]),
        # a season with no "last"/"this" and no past tense is a habit, no date
        ("They work in the summer.", UNKNOWN, [("season", None, None)]),
        ("They met in the summer.", PAST, [("season", "2023-SU", None)]),
        ("Sales fell last week.", UNKNOWN, [("unit_rel", "2023-W43", None)]),
        ("He left three years ago.", UNKNOWN, [("ago", "2020", None)]),
        ("He left twenty-five years earlier.", UNKNOWN, [("ago", "1998", None)]),
        ("He left yesterday.", UNKNOWN, [("day_rel", "2023-11-02", None)]),
        ("It ran from Monday to Thursday.", UNKNOWN, [("weekday_range", "2023-10-30", "2023-11-02")]),
        ("They meet next Tuesday.", UNKNOWN, [("weekday", "2023-11-07", None)]),
        # a present tense is a schedule for a weekday: it looks ahead
        ("The expo opens on Sunday.", PRESENT, [("weekday", "2023-11-05", None)]),
        ("The expo opened on Sunday.", PAST, [("weekday", "2023-10-29", None)]),
        ("They met last Christmas.", UNKNOWN, [("holiday", "2022-12-25", None)]),
        ("Stores close Thanksgiving week.", UNKNOWN, [("holiday", "2023-W47", None)]),
        ("Easter 2024 is early.", UNKNOWN, [("holiday", "2024-03-31", None)]),
        ("Prices rose in the 1990s.", UNKNOWN, [("decade", "1990", "1999")]),
        # a bare round "2000s" may be a count
        ("It cost 2000s of dollars.", UNKNOWN, [("decade", None, None)]),
        ("Prices have risen since 1989.", UNKNOWN, [("year", "1989", None)]),
        ("It was nineteen ninety-six.", UNKNOWN, [("year", "1996", None)]),
        (
            "The plant closed in 2019. The following year it reopened.",
            UNKNOWN,
            [("year", "2019", None), ("anaphoric", "2020", None)],
        ),
        # "that month" with no month before it refers to nothing
        ("That month it reopened.", UNKNOWN, [("anaphoric", None, None)]),
        ("They met earlier in the week.", UNKNOWN, [("in_the", "2023-W44", None)]),
        # a weekday with its date in brackets is one mention; a spelled day; "late" on a day
        ("Held Thursday (Nov. 2) downtown.", UNKNOWN, [("md_paren", "2023-11-02", None)]),
        ("They march this coming Sunday, November fifth.", UNKNOWN, [("md", "2023-11-05", None)]),
        ("Signed on the twenty-first of October.", UNKNOWN, [("dm", "2023-10-21", None)]),
        ("Released late Oct. 9.", UNKNOWN, [("md", "2023-10-09", None)]),
        # a bare month never swallows the day after it; the time with its day is that day's mention
        ("Released Oct. 9 at noon.", PAST, [("md", "2023-10-09", None), ("clock", None, None)]),
        ("Prices rose in July of last year.", UNKNOWN, [("month", "2022-07", None)]),
        # weekends: this one on a weekend, else the one the tense points at (near one when unsaid)
        ("They met over the weekend.", PAST, [("weekend", "2023-10-28", "2023-10-29")]),
        ("They meet over the weekend.", FUTURE, [("weekend", "2023-11-04", "2023-11-05")]),
        ("They meet next weekend.", UNKNOWN, [("weekend", "2023-11-04", "2023-11-05")]),
        ("Stores open Thanksgiving weekend.", FUTURE, [("holiday", "2023-11-25", "2023-11-26")]),
        ("Stores opened Thanksgiving weekend last year.", UNKNOWN, [("holiday", "2022-11-26", "2022-11-27")]),
        # the year the story is about; a fiscal year "ended" is a span, no date
        ("Sales for the full year rose.", UNKNOWN, [("the_year", "2023", None)]),
        ("The deal closes by year-end.", FUTURE, [("the_year", "2023", None)]),
        ("For the year ended in June it lost money.", UNKNOWN, [("month", "2023-06", None)]),
        (
            "It rose in 2019, from a year earlier.",
            UNKNOWN,
            [("year", "2019", None), ("year_ago", "2018", None)],
        ),
        (
            "It rose in 2019 from the year before.",
            UNKNOWN,
            [("year", "2019", None), ("anaphoric", "2018", None)],
        ),
        # a quarter under way is this year's, even told in the past
        ("Sales fell in the fourth quarter.", PAST, [("quarter", "2023-Q4", None)]),
        # no date in the text at all
        ("They met and talked for a while.", UNKNOWN, []),
    ],
)
def test_rule_table(text, direction, expected):
    assert read(text, FRI, direction) == expected


def test_no_publication_date_anchors_nothing():
    """Relative dates need a publication date; written ones do not."""
    assert read("He left yesterday, on 2023-11-02.", None) == [
        ("day_rel", None, None),
        ("iso", "2023-11-02", None),
    ]


def test_every_kind_named_elsewhere_is_a_rule():
    """Plausibility checks and word kinds name rules by kind: a misspelt kind would silently
    never apply."""
    kinds = [r.kind for r in rules.RULES]
    assert len(kinds) == len(set(kinds))
    assert set(plausible.CHECKS) - set(kinds) == set()
    assert plausible.WORD_KINDS - set(kinds) == set()


def test_needles_never_hide_a_match(monkeypatch):
    """`rules.NEEDLES` only skips rules that cannot match a window: with and without them the
    candidates are the same, on every text of the table above and on real news sentences."""
    table = [args[0] for mark in test_rule_table.pytestmark for args in mark.args[1]]
    texts = [
        *table,
        "WASHINGTON, August 11 (Xinhua) -- The secretary arrived on Monday, the day after Christmas Eve.",
        "Profit rose 5% in the year-earlier quarter; since 1989, the 2002-2006 bubble and the 1990s.",
        "On Friday (Dec. 12) at 8 p.m., nineteen ninety-six, three weeks ago, this past weekend, tonight.",
        "Later that month the following year, earlier in the week, the same day, last spring, 11/4/23.",
    ]
    with_needles = [[(r.kind, m.span()) for r, m in rules.candidates(t)] for t in texts]
    monkeypatch.setattr(rules, "NEEDLES", {})
    assert [[(r.kind, m.span()) for r, m in rules.candidates(t)] for t in texts] == with_needles
