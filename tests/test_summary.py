"""Summary and key points: the cleaned lead, at most 60 words, and the densest other sentences."""

from __future__ import annotations

import pytest

from generator.extract import actors
from generator.extract.summary import MAX_WORDS, clean, summarize

STORY = (
    "WASHINGTON (Reuters) - The Senate passed a $1.2 trillion spending bill on Tuesday, averting a "
    "government shutdown that would have closed federal agencies across the country this weekend.\n\n"
    "Senator Jane Smith said the bill funds 12 agencies through September. "
    "Critics in both parties said the process was rushed. "
    "It was a long day. "
    "The bill now goes to the House, where Speaker Tom Brown has promised a vote on Friday. "
    "What happens next? "
    "Markets rose 1.5 percent after the vote in the Senate."
)


def run(nlp, text: str, title: str | None = None):
    doc = nlp(text)
    return summarize(doc, actors.extract_actors(doc), title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.",
            "The Senate passed the bill on Tuesday.",
        ),
        ("NEW YORK, Sept. 12 (AP) — Stocks rose sharply on Monday.", "Stocks rose sharply on Monday."),
        ("BEIJING, Nov. 3 (Xinhua) -- China and France signed a deal.", "China and France signed a deal."),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — The debate starts at 9 p.m.", "The debate starts at 9 p.m."),
        (
            "(CNN) — The storm reached the coast late on Sunday.",
            "The storm reached the coast late on Sunday.",
        ),
        ("CANBERRA, Australia (AP)_ Qantas will double its flights.", "Qantas will double its flights."),
        # no dateline: nothing is cut
        (
            "US officials said the talks would resume in March.",
            "US officials said the talks would resume in March.",
        ),
        (
            "NATO allies agreed on Friday to send more air defenses.",
            "NATO allies agreed on Friday to send more air defenses.",
        ),
        ("“We will not back down,” the minister said.", "“We will not back down,” the minister said."),
        ("“We will not back down.", "We will not back down."),  # a quote mark left by the sentence split
    ],
)
def test_clean_drops_datelines_and_stray_quotes(text, expected):
    assert clean(text) == expected


def test_summary_is_the_lead_without_dateline(nlp):
    summary, _ = run(nlp, STORY)
    assert summary is not None
    assert summary.startswith("The Senate passed a $1.2 trillion spending bill")
    assert "Reuters" not in summary and "Jane Smith" not in summary


@pytest.mark.parametrize(
    "first",
    ["By Jane Doe", "Posted on March 3, 2024", "Updated 10:42 a.m. ET", "Photo: Getty Images"],
)
def test_bylines_and_credits_are_not_the_summary(nlp, first):
    summary, _ = run(nlp, f"{first}\n\nThe Senate passed the spending bill on Tuesday after a long debate.")
    assert summary == "The Senate passed the spending bill on Tuesday after a long debate."


@pytest.mark.parametrize(
    "lead",
    [
        "By the end of the year, the Senate had passed twelve spending bills in a row.",
        "Share prices fell 4 percent on Monday after the bank reported a loss.",
    ],
)
def test_news_that_starts_like_a_byline_is_kept(nlp, lead):
    summary, _ = run(nlp, lead)
    assert summary == lead


def test_title_repeated_as_first_line_is_skipped(nlp):
    text = (
        "Senate Passes Spending Bill\n\nThe Senate passed the spending bill on Tuesday after a long debate."
    )
    summary, _ = run(nlp, text, title="Senate Passes Spending Bill")
    assert summary == "The Senate passed the spending bill on Tuesday after a long debate."


def test_summary_has_at_most_60_words(nlp):
    long = (
        "The committee, which met in closed session for several hours on Tuesday afternoon, heard testimony "
        "from officials, experts, lawyers and several witnesses who described in detail how the contracts "
        "were awarded, how the money was spent, and why the audits that were supposed to catch "
        "irregularities failed to notice anything unusual for more than three years running, according to "
        "people familiar with the proceedings."
    )
    summary, _ = run(nlp, long)
    assert summary is not None
    assert len(summary.split()) <= MAX_WORDS
    assert summary.endswith("…")
    assert summary.startswith("The committee, which met in closed session")


def test_key_points_are_informative_sentences_not_the_summary(nlp):
    summary, points = run(nlp, STORY)
    assert 3 <= len(points) <= 5
    assert all(p not in (summary or "") for p in points)
    assert "It was a long day." not in points  # says nothing
    assert "What happens next?" not in points
    assert "Markets rose 1.5 percent after the vote in the Senate." in points  # a number
    assert all(p in STORY for p in points)  # verbatim, in article order
    assert [STORY.index(p) for p in points] == sorted(STORY.index(p) for p in points)


def test_key_points_prefer_reported_facts_to_quoted_speech(nlp):
    text = (
        "The city council approved a new budget of $4 billion on Monday, after a debate that lasted "
        "late into the night and ended with a narrow vote.\n\n"
        "“We looked at every line. Council member Ana Ruiz and Mayor Tom Lee spent 12 hours on it in 2023,” "
        "one aide said. "
        "Mayor Tom Lee will sign the budget on Friday, his office said. "
        "Transit gets $900 million, up 5 percent from last year. "
        "Council member Ana Ruiz voted against it in March. "
        "Parks get $120 million, the same as in 2023."
    )
    _, points = run(nlp, text)
    assert len(points) == 4
    assert not any("every line" in p or "spent 12 hours" in p for p in points)


def test_empty_body_has_no_summary(nlp):
    assert run(nlp, "Subscribe now\n\nMore") == (None, ())
