"""Error classes an editor found on real pages no rule was tuned to: a much-named person read as
an organisation, a first name taken for a role, an organisation's description given to the
person who heads it, a person as an affiliation, organisations cut at "and", and two names glued
into a modifier. Sentences are short paraphrases of real articles, negative cases beside them."""

from __future__ import annotations

import pytest

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from tests.test_speakers import speakers


def actor_table(nlp, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    return {a.name: (a.kind, a.role, a.affiliation) for a in extract_actors(nlp(text)).actors}


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # "his" in the clause the name is the subject of, kin it owns, an administration
        (
            "Schiff never expected that Trump would release a transcript of his own call. Trump's "
            "wife was in New York. Polls show that Trump is back.",
            "Trump",
            True,
        ),
        (
            "The experts were silent during the Obama administration. Obama spoke in Chicago.",
            "Obama",
            True,
        ),
        # a noun only a person can be, right before the name
        (
            "Job cuts will come, said the company's recently named executive chair Marcelo Claure.",
            "Marcelo Claure",
            True,
        ),
        ("Her favourite artists are rapper Drake and singer Adele.", "Drake", True),
        # negative: a name that itself modifies a noun after it ("deputy White House press secretary")
        (
            "Hogan Gidley, the principal deputy White House press secretary, said the White House "
            "would respond.",
            "White House",
            False,
        ),
        # negative: a noun an organisation can be ("the publisher Macmillan")
        ("The publisher Macmillan said the deal was fair.", "Macmillan", False),
        # negative: a country that speaks and owns things is no person
        (
            "Azerbaijan has said it is prepared to grant autonomy if Armenian forces pull out, but "
            "will not accept Armenia's demands.",
            "Azerbaijan",
            False,
        ),
        # negative: a company named after a person, with "its" and no "his"
        ("Hachette said its bid for Ruch was final. Hachette rivals a Polish group.", "Hachette", False),
    ],
)
def test_one_word_person_from_what_only_a_person_has(nlp, text: str, name: str, person: bool) -> None:
    assert (actor_table(nlp, text)[name][0] == "person") is person


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # the rest of the name is no role
        (
            "Nelson scored twice. Brock Nelson's second goal of the game capped a comeback.",
            "Brock Nelson",
            (None, None),
        ),
        # negative: a title that is part of the name stays the role
        ("Pope Francis met the nuns. Francis said they were welcome.", "Francis", ("Pope", None)),
        # "X, who heads Y, a group that ...": the description is Y's, the post X's
        (
            "Tariffs strengthened leverage, said Scott Paul, who heads the Alliance for American "
            "Manufacturing, a group that has applauded the tariffs.",
            "Scott Paul",
            ("head", "Alliance for American Manufacturing"),
        ),
        # negative: an appositive right after the name is still the person's
        (
            "Jim Smith, a spokesman for Malaysia Airlines, said the search would go on.",
            "Jim Smith",
            ("spokesman", "Malaysia Airlines"),
        ),
        # a person is no affiliation: the role says whose
        (
            "Maitlis asked how Andrew, Queen Elizabeth II's third child, could be so sure.",
            "Andrew",
            ("third child of Queen Elizabeth II", None),
        ),
        # a person word the tagger called an adjective still heads the role
        (
            "When the immunologist De’Broski Herbert at the University of Pennsylvania looked "
            "inside the lungs of mice, he thought he was seeing things.",
            "De’Broski Herbert",
            ("immunologist", "University of Pennsylvania"),
        ),
        # the organisation alone where the text says whom a person is with, not what they do
        (
            "“The most important thing is we lost,” Heyward said, via Brian Batko of the "
            "Pittsburgh Post-Gazette.",
            "Brian Batko",
            (None, "Pittsburgh Post-Gazette"),
        ),
        ("The BBC's Emily Maitlis pressed Andrew on the dates.", "Emily Maitlis", (None, "BBC")),
        # negative: a place after "of" is no affiliation on its own
        ("Maurice Strong of Canada chaired the conference.", "Maurice Strong", (None, None)),
        # negative: a post held in a firm the model read as a person keeps the firm apart
        (
            "Milton Roy said profit fell. John Smith, Milton Roy's chief financial officer, said so.",
            "John Smith",
            ("chief financial officer", "Milton Roy"),
        ),
    ],
)
def test_roles_on_real_pages(nlp, text: str, person: str, expected: tuple[str | None, str | None]) -> None:
    kind, role, affiliation = actor_table(nlp, text)[person]
    assert kind == "person"
    assert (role, affiliation) == expected


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # an organisation whose halves the article never names alone is one
        (
            "If the U.S. imposes a tariff on televisions, the duty is paid to U.S. Customs and "
            "Border Protection at the port.",
            {"U.S. Customs and Border Protection"},
            {"U.S. Customs", "Border Protection"},
        ),
        # a body named for what it deliberates on, and one a plural noun's possessive opens
        (
            "The People's Liberation Army could be deployed, the House Select Committee on "
            "Intelligence heard.",
            {"People's Liberation Army", "House Select Committee on Intelligence"},
            {"People", "Liberation Army", "Intelligence"},
        ),
        # negative: a university on an island is two names
        (
            "The debate is at Hofstra University on Long Island.",
            {"Hofstra University", "Long Island"},
            {"Hofstra University on Long Island"},
        ),
        # two names of the article glued into one word before a noun: a modifier
        (
            "Mexico is the main source. Drugs come across the U.S.-Mexico border, the U.S. said.",
            {"Mexico", "U.S."},
            {"U.S.-Mexico"},
        ),
        # negative: a company's hyphenated name whose halves are no names of the article
        ("Hewlett-Packard printers sold well, Hewlett-Packard said.", {"Hewlett-Packard"}, set()),
    ],
)
def test_whole_names_and_modifiers(nlp, text: str, present: set[str], absent: set[str]) -> None:
    names = set(actor_table(nlp, text))
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the spokesperson" speaks for a body, not for whoever the article named last
        (
            "Doctors say the Trump administration is denying flu shots to migrants. A spokesperson "
            "who did not wish to be named replied by email. “Operating a vaccine program is not "
            "feasible,” the spokesperson said.",
            [("Operating a vaccine program is not feasible,", None)],
        ),
        (
            "Police said they had found the missing girl Nicole Nichterwitz alive. “She is well,” the "
            "Dutch police spokeswoman said.",
            [("She is well,", None)],
        ),
        # negative: a spokesman the article named with that role is the one
        (
            "Foreign ministry spokesman Wang Wenbin spoke on Friday. “The talks were useful,” the "
            "spokesman said.",
            [("The talks were useful,", "Wang Wenbin")],
        ),
    ],
)
def test_spokesperson_is_nobody_named_before(nlp, text: str, expected: list) -> None:
    assert speakers(nlp, text, people_only=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme named after its broadcaster's possessive is a title, not words spoken
        (
            "“The stock had been getting clobbered,” Maley said on CNBC's “Trading Nation” on Monday.",
            ["The stock had been getting clobbered,"],
        ),
        # negative: lower-case words after a person's possessive stay a quote
        (
            "Netanyahu called the decision Trump's “tremendous achievement” on Monday.",
            ["tremendous achievement"],
        ),
    ],
)
def test_programme_titles_are_no_quotes(nlp, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    cast = extract_actors(doc)
    assert [q.text for q in extract_quotes(doc, cast) if q.kind != "indirect"] == expected


@pytest.mark.parametrize(
    ("text", "name", "kind", "alias"),
    [
        # an age after a name the model reads as an organisation at every mention: a person, and
        # the surname joins the full name
        (
            "In the midst of a public fight between Swift and her former label, Braun, 38 – who reps "
            "the likes of Justin Beiber and Demi Lovato – has been trying to get a hold of Swift. "
            "Scooter Braun is unhappy with the way his partner has handled it.",
            "Scooter Braun",
            "person",
            "Braun",
        ),
        # a production company's head word overrules the model's "person"
        ("Dick Clark Productions said the show would go on.", "Dick Clark Productions", "organization", None),
        # negative: a team's record is no age
        ("The Eagles, 10-3, lead the division after beating Dallas.", "Eagles", "place", None),
        # negative: a place's count is no age (the model's place stays)
        ("Texas, 38, and Ohio, 20, sent the most delegates.", "Texas", "place", None),
        # negative: a company in a list of people stays a company
        (
            "Investors included Goldman Sachs, Jamie Dimon and Lloyd Blankfein.",
            "Goldman Sachs",
            "organization",
            None,
        ),
    ],
)
def test_kinds_before_merging(nlp, text: str, name: str, kind: str, alias: str | None) -> None:
    actors = {a.name: a for a in extract_actors(nlp(text)).actors}
    assert actors[name].kind == kind
    if alias is not None:
        assert alias in actors[name].aliases and alias not in actors
