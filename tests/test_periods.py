"""One reading of ISO period values for validation, sorting, listings and the timeline picture."""

from __future__ import annotations

from datetime import date

import pytest

from generator import periods
from generator.periods import Period
from generator.site import svg


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-04", ("day", date(2023, 11, 4), date(2023, 11, 4))),
        ("2023-02", ("month", date(2023, 2, 1), date(2023, 2, 28))),
        ("2024-02", ("month", date(2024, 2, 1), date(2024, 2, 29))),
        ("2023-12", ("month", date(2023, 12, 1), date(2023, 12, 31))),
        ("2023", ("year", date(2023, 1, 1), date(2023, 12, 31))),
        ("2023-W44", ("week", date(2023, 10, 30), date(2023, 11, 5))),
        ("2020-W53", ("week", date(2020, 12, 28), date(2021, 1, 3))),
        ("2023-Q1", ("quarter", date(2023, 1, 1), date(2023, 3, 31))),
        ("2023-Q4", ("quarter", date(2023, 10, 1), date(2023, 12, 31))),
        ("1989-SU", ("season", date(1989, 6, 1), date(1989, 8, 31))),
        ("1989-WI", ("season", date(1989, 12, 1), date(1990, 2, 28))),
        ("2023-13", None),
        ("2023-02-30", None),
        ("2023-W54", None),
        ("2023-Q5", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse(value: str, expected: tuple[str, date, date] | None) -> None:
    p = Period.maybe(value)
    assert (p and (p.kind, p.first, p.last)) == expected
    assert periods.real(value) is (expected is not None)


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2023-11-04", None, "4 Nov 2023"),
        ("2023-11", None, "November 2023"),
        ("2023-W44", None, "week of 30 Oct 2023"),
        ("2023-Q3", None, "Q3 2023"),
        ("1989-SU", None, "summer 1989"),
        ("2023-WI", None, "winter 2023–24"),
        ("2023", None, "2023"),
        ("2023-11-04", "2023-11-07", "4–7 Nov 2023"),
        ("2023-10-30", "2023-11-02", "30 Oct – 2 Nov 2023"),
        ("2023-12-30", "2024-01-02", "30 Dec 2023 – 2 Jan 2024"),
        ("2023-11-04", "2023-11-04", "4 Nov 2023"),
        ("2023-11", "2023-12", "November – December 2023"),
        ("2023-W44", "2023-W45", "30 Oct – 12 Nov 2023"),
        ("2023-11", "2024-01", "November 2023 – January 2024"),
        ("2023-11-04", "2023-12", "4 Nov 2023 – December 2023"),
        ("2023-11-04", "later", "4 Nov 2023 – later"),
        (None, None, "undated"),
        ("soon", None, "soon"),
    ],
)
def test_label(value: str | None, end: str | None, expected: str) -> None:
    assert periods.label(value, end) == expected


def test_sort_key_puts_coarser_first_and_weeks_at_their_monday() -> None:
    values = ["2023-07-01", "2023-W26", "2023-Q3", "2023", "2023-06-30", "1989-SU", "undated-ish"]
    assert sorted(values, key=periods.sort_key) == [
        "1989-SU",
        "2023",
        "2023-W26",
        "2023-06-30",
        "2023-Q3",
        "2023-07-01",
        "undated-ish",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-11-04", "2023-11"), ("2023-W44", "2023-10"), ("2023-Q3", "2023-07"), ("2023", "2023")],
)
def test_month_key(value: str, expected: str) -> None:
    assert periods.month_key(value) == expected


def test_quarters_and_seasons_are_drawn_in_the_timeline_picture() -> None:
    rows = [("2023-Q3", None, "Q3", "e1"), ("1989-SU", None, "summer", "e2"), ("someday", None, "x", "e3")]
    marks = svg.marks(rows)
    assert [(m.number, m.start, m.end) for m in marks] == [
        (1, date(2023, 7, 1), date(2023, 9, 30)),
        (2, date(1989, 6, 1), date(1989, 8, 31)),
    ]
