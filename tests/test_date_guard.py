"""The guard and the audit: an event told in the past is never dated after publication, one told
with "will" never before it, unless the text wrote the date out itself."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.extract.actors import extract_actors
from generator.extract.dates import build_timeline, extract_dates, rules
from generator.extract.dates.anchors import Anchors
from generator.extract.dates.audit import contradictions
from generator.extract.dates.guard import guarded
from generator.extract.dates.tense import Reading
from generator.extract.syntax import FUTURE, PAST, UNKNOWN
from generator.model import TimelineEntry


def rule_match(text: str) -> tuple[rules.Rule, re.Match[str]]:
    [(rule, m)] = rules.candidates(text)
    return rule, m


@pytest.mark.parametrize(
    ("text", "published", "way", "value", "expected"),
    [
        # a month-day read ahead in a certain past is the one a year back
        ("on Dec. 28", date(2024, 1, 3), Reading(PAST, True), ("2024-12-28", None), ("2023-12-28", None)),
        # and one read back in a certain future a year ahead
        ("on March 2", date(2024, 3, 5), Reading(FUTURE, True), ("2024-03-02", None), ("2025-03-02", None)),
        # no year holds it: no date rather than a past event in the future
        ("on Sunday", date(2024, 1, 3), Reading(PAST, True), ("2024-01-07", None), (None, None)),
        # a direction that is not certain (a plan, "until") leaves the value alone
        ("on Dec. 28", date(2024, 1, 3), Reading(PAST, False), ("2024-12-28", None), ("2024-12-28", None)),
        ("on Dec. 28", date(2024, 1, 3), Reading(UNKNOWN, True), ("2024-12-28", None), ("2024-12-28", None)),
        # the text's own words are never moved: a written year, "next", a weekday of a written day
        ("in March 2025", date(2024, 1, 3), Reading(PAST, True), ("2025-03", None), ("2025-03", None)),
        ("next Friday", date(2024, 1, 3), Reading(PAST, True), ("2024-01-05", None), ("2024-01-05", None)),
        ("Friday, Jan. 5", date(2024, 1, 3), Reading(PAST, True), ("2024-01-05", None), ("2024-01-05", None)),
    ],
)
def test_guard_holds_values_to_a_certain_tense(text, published, way, value, expected):
    rule, m = rule_match(text)
    assert guarded(rule, m, published, way, value) == expected


def test_anaphoric_day_against_the_tense_gets_no_date():
    """ "The following morning" counted from a date of another story line lands after publication
    in a past clause: no date, never a shifted year."""
    rule, m = rule_match("the following morning,")
    anchors = Anchors(date(2016, 9, 26))
    assert guarded(rule, m, anchors.published, Reading(PAST, True), ("2016-11-09", None)) == (None, None)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # sentences from real articles where a past event was dated after publication
        (
            "Searchers are looking for the plane, which disappeared from radar on Sunday morning.",
            date(2014, 12, 30),
        ),
        ("Crews are racing to contain an oil spill sighted on Monday off the coast.", date(2014, 12, 31)),
        ("The film won the top prize at the Producers Guild Awards on Saturday.", date(2015, 1, 25)),
        (
            "The accord was worked out by Kofi Annan, who appointed a diplomat on Thursday as his envoy.",
            date(1998, 3, 6),
        ),
        ("In the fourth quarter, the bank paid $1.1 billion to settle charges.", date(2015, 1, 14)),
        ("The forecast in June was too optimistic, the fund said.", date(2015, 3, 2)),
        ("Mr. Obama's speech coincided this weekend with get-out-the-vote efforts.", date(2016, 9, 19)),
        ("The plant closed on Dec. 28 after a fire.", date(2024, 1, 3)),
    ],
)
def test_no_past_event_after_publication(nlp, text, published):
    doc = nlp(text)
    timeline = build_timeline(doc, list(extract_dates(doc, published)), extract_actors(doc))
    assert timeline and all(t.date for t in timeline)
    assert list(contradictions(doc, timeline, published)) == []


def test_audit_reports_a_past_event_dated_after_publication(nlp):
    """The audit reads the parse itself: a wrong value it did not make is still caught."""
    doc = nlp("The plane disappeared from radar on Sunday morning.")
    start = doc.text.index("Sunday")
    wrong = TimelineEntry("Sunday morning", "2015-01-04", span=(start, start + len("Sunday morning")))
    found = list(contradictions(doc, [wrong], date(2014, 12, 30)))
    assert [(c.text, c.date, c.verb) for c in found] == [("Sunday morning", "2015-01-04", "disappeared")]
    right = TimelineEntry("Sunday morning", "2014-12-28", span=wrong.span)
    assert list(contradictions(doc, [right], date(2014, 12, 30))) == []
