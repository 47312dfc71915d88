"""Reading across briefings: one identity per actor, stories, what's next, questions over time,
weekly digests. Pure functions on small briefings here; the demo's actors at the end; the pages
themselves in test_site.py (a real `mkdocs build --strict`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner
from test_site import make_site

from generator import registry
from generator.cli import cli
from generator.model import Actor, Briefing, Question, Quote, Source, TimelineEntry
from generator.names import name_key
from generator.registry import Entry as RegistryEntry
from generator.site import across, data, digest, followups, ical, identity, index, stories, terms, upcoming
from generator.site.options import Options

ROOT = Path(__file__).resolve().parent.parent


def brief(
    bid: str, published: str | None, *actors: tuple[str, str, str], title: str | None = None, **fields: Any
) -> Briefing:
    """A briefing with actors given as (id, name, kind); other fields by keyword."""
    cast = tuple(Actor(i, n, k, mentions=2) for i, n, k in actors)
    source = Source(file=f"sources/{bid}.md", published=published)
    return Briefing(id=bid, title=title or bid, source=source, actors=cast, **fields)


def canonical(
    *casts: list[tuple[str, str, str]], registry: dict[str, RegistryEntry] | None = None
) -> dict[str, str]:
    """Actor id -> the id of its page, for briefings with these casts."""
    items = [brief(f"2016-08-{i + 1:02d}-b", f"2016-08-{i + 1:02d}", *cast) for i, cast in enumerate(casts)]
    ident = identity.resolve(items, registry)
    return {n: ident.of(n) for n in ident.nodes}


TRUMP = ("donald-trump", "Donald Trump", "person")
HILLARY = ("hillary-clinton", "Hillary Clinton", "person")
BILL = ("bill-clinton", "Bill Clinton", "person")

# (the casts of a few briefings, ids that must share a page, ids that must not), from the demo's
# 2016 campaign coverage; the negative cases are names that look alike but are other entities.
IDENTITY = [
    ([[TRUMP], [("trump", "Trump", "person")]], [{"trump", "donald-trump"}], []),
    ([[TRUMP], [("donald-j-trump", "Donald J. Trump", "person")]], [{"donald-trump", "donald-j-trump"}], []),
    (  # two Trumps: "Trump" alone could be either
        [[TRUMP, ("ivanka-trump", "Ivanka Trump", "person")], [("trump", "Trump", "person")]],
        [],
        [("trump", "donald-trump"), ("trump", "ivanka-trump"), ("donald-trump", "ivanka-trump")],
    ),
    ([[HILLARY, BILL], [("clinton", "Clinton", "person")]], [], [("clinton", "hillary-clinton")]),
    (
        [
            [("united-states", "United States", "place")],
            [("u-s", "U.S.", "place"), ("us", "US", "place")],
            [("united-states-of-america", "United States of America", "place")],
        ],
        [{"united-states", "u-s", "us", "united-states-of-america"}],
        [],
    ),
    (
        [
            [("democratic-national-committee", "Democratic National Committee", "organization")],
            [("dnc", "DNC", "organization")],
        ],
        [{"dnc", "democratic-national-committee"}],
        [],
    ),
    (
        [[("fox-news", "Fox News", "organization")], [("fox", "Fox", "organization")]],
        [{"fox", "fox-news"}],
        [],
    ),
    (
        [
            [("podesta-group-inc", "Podesta Group Inc.", "organization")],
            [("podesta-group", "Podesta Group", "organization")],
        ],
        [{"podesta-group", "podesta-group-inc"}],
        [],
    ),
    (
        [[("americans", "Americans", "group")], [("american", "American", "group")]],
        [{"american", "americans"}],
        [],
    ),
    (
        [
            [("george-w-bush", "George W. Bush", "person")],
            [("george-h-w-bush", "George H. W. Bush", "person")],
        ],
        [],
        [("george-w-bush", "george-h-w-bush")],
    ),
    (
        [
            [("debbie-wasserman-schultz", "Debbie Wasserman Schultz", "person")],
            [("wasserman-schultz", "Wasserman Schultz", "person")],
        ],
        [{"debbie-wasserman-schultz", "wasserman-schultz"}],
        [],
    ),
    (  # a place is not the person of the same surname, nor a newspaper the city
        [[("jordan", "Jordan", "place")], [("michael-jordan", "Michael Jordan", "person")]],
        [],
        [("jordan", "michael-jordan")],
    ),
    (
        [[("washington", "Washington", "place")], [("washington-post", "Washington Post", "organization")]],
        [],
        [("washington", "washington-post")],
    ),
    (
        [[("new-york", "New York", "place")], [("new-york-times", "New York Times", "organization")]],
        [],
        [("new-york", "new-york-times")],
    ),
    (  # "Republican" the group is not the Republican Party, an organization
        [[("republican-party", "Republican Party", "organization")], [("republican", "Republican", "group")]],
        [],
        [("republican", "republican-party")],
    ),
]


@pytest.mark.parametrize(("casts", "together", "apart"), IDENTITY)
def test_one_identity_per_actor(
    casts: list[list[tuple[str, str, str]]], together: list[set[str]], apart: list[tuple[str, str]]
) -> None:
    pages = canonical(*casts)
    for group in together:
        assert len({pages[i] for i in group}) == 1, (group, pages)
    for a, b in apart:
        assert pages[a] != pages[b], (a, b, pages)


def test_aliases_that_say_who_merge_and_descriptions_do_not() -> None:
    """ "ISIS" of "Islamic State" is another name; "vice president" of two people is not."""
    islamic = Briefing(
        "a",
        "a",
        Source("a.md", published="2016-08-11"),
        actors=(Actor("islamic-state", "Islamic State", "organization", aliases=("ISIS",)),),
    )
    isis = brief("b", "2016-08-12", ("isis", "ISIS", "organization"))
    biden = Briefing(
        "c",
        "c",
        Source("c.md", published="2016-08-15"),
        actors=(Actor("joe-biden", "Joe Biden", "person", aliases=("vice president",)),),
    )
    other = Briefing(
        "d",
        "d",
        Source("d.md", published="2016-08-16"),
        actors=(Actor("mike-pence", "Mike Pence", "person", aliases=("vice president",)),),
    )
    ident = identity.resolve([islamic, isis, biden, other])
    assert ident.of("isis") == "islamic-state"
    assert ident.of("joe-biden") != ident.of("mike-pence")


def test_the_registry_decides_where_it_lists_the_entity() -> None:
    """It settles a short form the rules find ambiguous, and two entries never merge."""
    casts = ([TRUMP, ("ivanka-trump", "Ivanka Trump", "person")], [("trump", "Trump", "person")])
    listed = {"donald-trump": RegistryEntry("donald-trump", "Donald Trump", "person", aliases=("Trump",))}
    assert canonical(*casts, registry=listed)["trump"] == "donald-trump"
    assert canonical(*casts, registry=listed)["ivanka-trump"] == "ivanka-trump"
    pence = ([("pence", "Pence", "organization")], [("mike-pence", "Mike Pence", "person")])
    assert canonical(*pence)["pence"] == "pence"  # kinds differ: refused, and suggested
    reg = {"mike-pence": RegistryEntry("mike-pence", "Mike Pence", "person", aliases=("Pence",))}
    assert canonical(*pence, registry=reg)["pence"] == "mike-pence"
    two = {
        "us": RegistryEntry("us", "United States", "place", aliases=("US",)),
        "us-senate": RegistryEntry("us-senate", "US Senate", "organization"),
    }
    pages = canonical([("us", "US", "place")], [("us-senate", "US Senate", "organization")], registry=two)
    assert pages["us"] != pages["us-senate"]


def test_refusals_name_the_candidates() -> None:
    items = [
        brief("a", "2016-08-01", HILLARY, BILL),
        brief("b", "2016-08-02", ("clinton", "Clinton", "person")),
    ]
    ident = identity.resolve(items)
    (refusal,) = [r for r in ident.refusals if r.name == "Clinton"]
    assert refusal.reason == "ambiguous"
    assert {ident.of(c) for c in refusal.candidates} == {"hillary-clinton", "bill-clinton"}


def test_apply_gives_one_actor_and_follows_references() -> None:
    """Two actors of one briefing that are one entity become one; speakers and lists follow."""
    b = Briefing(
        id="x",
        title="x",
        source=Source("x.md", published="2016-08-01", author="By Jane Reporter"),
        actors=(
            Actor("united-states", "United States", "place", mentions=3),
            Actor("u-s", "U.S.", "place", mentions=2),
            Actor("jane-reporter", "Jane Reporter", "person", mentions=1),
        ),
        quotes=(Quote("q1", "A text", "jane-reporter"), Quote("q2", "Another", "u-s")),
        timeline=(TimelineEntry("2016", "2016", actors=("u-s", "united-states", "jane-reporter")),),
    )
    out = identity.apply(b, identity.resolve([b]))
    assert [(a.id, a.mentions, a.aliases) for a in out.actors] == [("united-states", 5, ("U.S.",))]
    assert [q.speaker for q in out.quotes] == [None, "united-states"]
    assert out.timeline[0].actors == ("united-states",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton's donors met at the State Department", {"clinton", "donor", "met", "state", "department"}),
        ("He said they will meet on Monday, July 4", {"meet"}),
        ("ISIS, the U.S. and 2016", {"isis"}),
        (None, set()),
    ],
)
def test_terms(text: str | None, expected: set[str]) -> None:
    assert terms.terms(text) == expected


def story_briefing(
    bid: str, day: str, title: str, *cast: tuple[str, str, str], story: str | None = None
) -> Briefing:
    return replace(brief(bid, day, *cast, title=title, summary=title), story=story)


MANAFORT = ("paul-manafort", "Paul Manafort", "person")
UKRAINE = ("ukraine", "Ukraine", "place")
WALL = [
    story_briefing(
        "2016-08-25-wall",
        "2016-08-25",
        "Trump stands tall on a border wall with Mexico",
        TRUMP,
        ("mexico", "Mexico", "place"),
    ),
    story_briefing(
        "2016-09-01-wall",
        "2016-09-01",
        "Trump breaks down walls with Mexico, then builds them",
        TRUMP,
        ("mexico", "Mexico", "place"),
    ),
]
AIDE = [
    story_briefing(
        "2016-08-02-aide", "2016-08-02", "How Manafort held sway in Ukraine", TRUMP, MANAFORT, UKRAINE
    ),
    story_briefing(
        "2016-08-17-aide",
        "2016-08-17",
        "Manafort routed Ukraine money to lobbyists",
        TRUMP,
        MANAFORT,
        UKRAINE,
    ),
]


def test_stories_link_briefings_about_one_matter_and_keep_their_address() -> None:
    linked = stories.link([*WALL, *AIDE])
    assert {s: [b.id for b in st.briefings] for s, st in linked.stories.items()} == {
        "2016-08-25-wall": ["2016-08-25-wall", "2016-09-01-wall"],
        "2016-08-02-aide": ["2016-08-02-aide", "2016-08-17-aide"],
    }
    assert linked.neighbours("2016-08-17-aide")[0] is AIDE[0]
    later = story_briefing(
        "2016-08-30-aide", "2016-08-30", "Manafort leaves over Ukraine money", MANAFORT, UKRAINE
    )
    again = stories.link([*WALL, *AIDE, later])
    assert [b.id for b in again.stories["2016-08-02-aide"].briefings][-1] == "2016-08-30-aide"
    assert "2016-08-25-wall" in again.stories  # the address of every story stays


def test_stories_need_time_closeness_and_editors_decide() -> None:
    far = replace(AIDE[1], id="2016-11-17-aide", source=replace(AIDE[1].source, published="2016-11-17"))
    assert stories.link([AIDE[0], far]).stories == {}  # months apart
    broken = [AIDE[0], replace(AIDE[1], story=stories.NONE)]
    assert stories.link(broken).stories == {}
    pinned = [replace(b, story="wall-and-money") for b in (WALL[0], AIDE[0])]
    assert list(stories.link(pinned, {b.id: "wall-and-money" for b in pinned}).stories) == ["wall-and-money"]
    undated = replace(AIDE[1], source=replace(AIDE[1].source, published=None))
    assert stories.link([AIDE[0], undated]).stories == {}


@pytest.mark.parametrize(
    ("value", "end", "today", "expected"),
    [
        ("2016-09-13", None, "2016-09-03", (date(2016, 9, 13), date(2016, 9, 13))),
        ("2016-W36", None, "2016-09-03", (date(2016, 9, 5), date(2016, 9, 11))),
        ("2016-11", None, "2016-09-03", (date(2016, 11, 1), date(2016, 11, 30))),
        ("2016-11-04", "2016-11-07", "2016-09-03", (date(2016, 11, 4), date(2016, 11, 7))),
        ("2016", None, "2016-09-03", None),  # started before: not upcoming
        ("2016-09-03", None, "2016-09-03", None),  # the day itself is not ahead
        ("2016-08", None, "2016-09-03", None),
    ],
)
def test_upcoming_entries(
    value: str, end: str | None, today: str, expected: tuple[date, date] | None
) -> None:
    b = replace(brief("b", "2016-09-03"), timeline=(TimelineEntry("when", value, end, event="It happens"),))
    found = upcoming.upcoming([(b, b.timeline[0])], date.fromisoformat(today))
    assert [(u.first, u.last) for u in found] == ([expected] if expected else [])


def test_as_of_is_the_newest_publication_unless_set() -> None:
    items = [brief("a", "2016-08-01"), brief("b", "2016-09-03"), brief("c", None)]
    assert upcoming.as_of(items) == date(2016, 9, 3)
    assert upcoming.as_of(items, "2016-10-01") == date(2016, 10, 1)
    assert upcoming.as_of(items, date(2016, 10, 2)) == date(2016, 10, 2)


def calendar_of(b: Briefing, options: Options) -> list[icalendar.Event]:
    items = upcoming.upcoming([(b, t) for t in b.timeline if t.date], date(2016, 8, 26))
    return icalendar.Calendar.from_ical(ical.calendar(items, options, {"joe-biden": "Joe Biden"})).walk(
        "VEVENT"
    )


def test_calendar_events_are_all_day_with_stable_uids() -> None:
    b = replace(
        brief("2016-08-26-obama-biden", "2016-08-26", ("joe-biden", "Joe Biden", "person")),
        title="Obama, Biden to campaign",
        timeline=(
            TimelineEntry("Sept. 13", "2016-09-13", event="Obama campaigns", span=(10, 18)),
            TimelineEntry(
                "next week", "2016-W36", event="Biden in Ohio", actors=("joe-biden",), span=(30, 39)
            ),
            TimelineEntry("Oct. 3 to 5", "2016-10-03", "2016-10-05", event="Debate camp", span=(50, 61)),
        ),
    )
    options = Options(site_url="https://example.org/digest/")
    events = calendar_of(b, options)
    got = [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events]
    assert got == [
        ("Biden in Ohio", date(2016, 9, 5), date(2016, 9, 12)),
        ("Obama campaigns", date(2016, 9, 13), date(2016, 9, 14)),
        ("Debate camp", date(2016, 10, 3), date(2016, 10, 6)),
    ]
    assert str(events[0]["URL"]) == "https://example.org/digest/briefings/2016-08-26-obama-biden/#event-2"
    assert "Who: Joe Biden" in str(events[0]["DESCRIPTION"])
    assert all(str(e["UID"]).endswith("@example.org") for e in events)
    # an editor adds an entry before the others: every event keeps its UID
    more = replace(
        b, timeline=(TimelineEntry("Sept. 6", "2016-09-06", event="Kaine speaks", span=(0, 7)), *b.timeline)
    )
    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in calendar_of(more, options)}
    assert {str(e["SUMMARY"]): str(e["UID"]) for e in events}.items() <= uids.items()


def test_questions_age_follow_ups_and_review() -> None:
    ryan = ("paul-ryan", "Paul Ryan", "person")
    asked = replace(
        brief("2016-08-03-pence-ryan", "2016-08-03", TRUMP, ryan, title="Pence endorses Ryan"),
        timeline=(TimelineEntry("Tuesday", "2016-08-09", event="Ryan faces a primary challenger"),),
        questions=(
            Question("Will Trump endorse Paul Ryan?", actors=("donald-trump", "paul-ryan")),
            Question("Will Ryan win the primary on Tuesday?", evidence=("Ryan faces a primary on Tuesday",)),
            Question("Who pays?", status="answered", answer="Donors", answered_by="2016-08-05-trump-ryan"),
        ),
    )
    later = brief("2016-08-05-trump-ryan", "2016-08-05", TRUMP, ryan, title="Trump endorses Ryan")
    unrelated = brief("2016-08-06-wall", "2016-08-06", TRUMP, title="Trump on the wall")
    site = index.build([asked, later, unrelated])
    vectors, rare = stories.weighted(site.briefings)
    infos = {i.question.question: i for i in followups.over_time(site, date(2016, 8, 20), vectors, rare)}
    endorse = infos["Will Trump endorse Paul Ryan?"]
    assert (endorse.raised, endorse.age, endorse.due) == (date(2016, 8, 3), 17, False)
    assert [b.id for b in endorse.follow_ups] == ["2016-08-05-trump-ryan"]
    primary = infos["Will Ryan win the primary on Tuesday?"]
    assert (primary.tied, primary.due) == (date(2016, 8, 9), True)
    paid = infos["Who pays?"]
    assert (paid.answered_in, paid.age, paid.follow_ups) == (later, 2, ())


def test_weekly_digest_groups_the_week() -> None:
    wall = [replace(WALL[0], quotes=(Quote("q1", "Build it", "donald-trump"),)), WALL[1]]
    site = index.build([*wall, *AIDE])
    reading = across.build_across(site, Options())
    weeks = {w.slug: w for w in reading.weeks}
    assert list(weeks) == ["2016-W35", "2016-W34", "2016-W33", "2016-W31"]
    w34 = weeks["2016-W34"]
    assert [(s.id if s else None, [b.id for b in bs]) for s, bs in w34.groups] == [
        ("2016-08-25-wall", ["2016-08-25-wall"])
    ]
    assert w34.quoted == [("donald-trump", 1)]
    feed = digest.atom(reading.weeks, Options(site_url="https://example.org/"))
    assert feed.count("<entry>") == 4 and "https://example.org/digest/2016-W35/" in feed


def test_actors_suggest_proposes_registry_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merges the site made ("Ruiz" is Ana Ruiz, whom the registry lists without that alias) and
    refusals come out as registry YAML an editor can paste; the entries load as a registry."""
    root, _ = make_site(tmp_path)
    monkeypatch.chdir(root)
    plain = CliRunner().invoke(cli, ["actors", "briefings"])
    assert plain.exit_code == 0, plain.output
    assert "ana-ruiz: Ana Ruiz <- ruiz" in plain.output
    result = CliRunner().invoke(cli, ["actors", "--suggest", "briefings"])
    assert result.exit_code == 0, result.output
    assert "# merged by the site (short form): listing it keeps the merge" in result.output
    proposed = tmp_path / "proposed.yaml"
    proposed.write_text(result.output, encoding="utf-8")
    entries = {e.id: e for e in registry.load(proposed).entries}
    assert (
        entries["ana-ruiz"].aliases == ("Ruiz",)
        and entries["ana-ruiz"].description == "Envoy of <b>Ruritania</b>"
    )


# The demo site: no two actor pages are the same entity.

EXPECTED_MERGES = {
    "trump": "donald-trump",
    "donald-j-trump": "donald-trump",
    "obama": "barack-obama",
    "u-s": "united-states",
    "us": "united-states",
    "united-states-of-america": "united-states",
    "fox": "fox-news",
    "nbc": "nbc-news",
    "isis": "islamic-state",
    "pence": "mike-pence",
    "biden": "joe-biden",
    "joseph-r-biden-jr": "joe-biden",
    "khizr": "khizr-khan",
    "american": "americans",
    "f-b-i": "fbi",
}
KNOWN_APART = {
    ("house", "obama-white-house"): "extraction's 'Obama White House' is no person, and not the House",
}


def demo_pages() -> tuple[identity.Identity, dict[str, index.ActorInfo], list[Briefing]]:
    loaded = data.load_site(ROOT / "briefings", ROOT, ROOT / "briefings" / "actors.yaml")
    items = [e.briefing for e in loaded.entries]
    ident = identity.resolve(items, loaded.registry)
    return ident, index.build([identity.apply(b, ident) for b in items], ident.entries).actors, items


def test_demo_has_one_actor_page_per_entity() -> None:
    """Every pair of pages that share a spelling, or whose one-word name is the surname of the
    other, is listed; each must be explained: a shortened name shared by several (ambiguous), or
    an entry of KNOWN_APART. A pair left unexplained is two pages for one entity: the registry
    (`briefings actors --suggest`) settles it."""
    ident, pages, _ = demo_pages()
    present = {a: b for a, b in EXPECTED_MERGES.items() if a in ident.nodes and b in pages}
    # the site must still have merges to make: better extraction merges more within an article
    # (9 of these spellings reach the site as their own actors since issue 17), never none
    assert len(present) >= 8, present
    assert {a: ident.of(a) for a in present} == present
    owners: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    for aid, info in pages.items():
        for n in {*info.names, *info.aliases}:
            owners[name_key(n)].add(aid)
        words = name_key(info.name).split()
        if info.kind == "person" and len(words) >= 2:
            surnames[words[-1]].add(aid)
    pairs: dict[tuple[str, str], str] = {}
    for key, ids in owners.items():
        full = {i for i in ids if name_key(pages[i].name) == key}  # pages whose own name it is
        if len(ids) > 1 and len(full) <= 1 and len(ids - full) >= 1 and (len(ids) > 2 or not full):
            continue  # a shortened name several pages use ("Paul" of Paul Ryan and Paul Manafort)
        for a in sorted(ids):
            for b in sorted(ids - {a}):
                if a < b:
                    pairs[(a, b)] = f"share {key!r}"
    for aid, info in pages.items():
        words = name_key(info.name).split()
        full = surnames.get(words[0], set()) if len(words) == 1 else set()
        if len(full) == 1:  # one full name with that surname: must be one page, or known apart
            (other,) = full
            first, second = sorted((aid, other))
            pairs[(first, second)] = f"{info.name!r} is the surname of {pages[other].name!r}"
    unexplained = {p: why for p, why in pairs.items() if p not in KNOWN_APART and not _shortened(p, pages)}
    assert unexplained == {}


def _shortened(pair: tuple[str, str], pages: dict[str, index.ActorInfo]) -> bool:
    """Two pages that share only a part of one's name: "Twitter" and "Associated Press Twitter"."""
    a, b = (pages[x] for x in pair)
    keys_a = {name_key(n) for n in {*a.names, *a.aliases}}
    keys_b = {name_key(n) for n in {*b.names, *b.aliases}}
    shared = keys_a & keys_b
    return bool(shared) and all(
        any(
            len(k.split()) < len(name_key(p.name).split()) and set(k.split()) <= set(name_key(p.name).split())
            for p in (a, b)
        )
        for k in shared
    )


def test_demo_gives_no_byline_journalist_a_page() -> None:
    ident, pages, items = demo_pages()
    press = identity.bylines(items)
    assert not [aid for aid, info in pages.items() if name_key(info.name) in press]


@pytest.mark.parametrize("value", [date(2016, 9, 4), "2016-09-04"])
def test_as_of_is_a_plugin_option(value: date | str) -> None:
    """`as_of: 2016-09-04` in mkdocs.yml is a YAML date; quoted, a string: both are read."""
    from generator.config import BriefingsConfig
    from generator.site.options import from_settings

    config = BriefingsConfig()
    config.load_dict({"as_of": value})
    assert config.validate() == ([], [])
    options = from_settings(config)
    assert upcoming.as_of([], options.as_of) == date(2016, 9, 4)


def test_generated_pages_are_raw_html_blocks_the_fast_path_takes(tmp_path: Path) -> None:
    """A blank line inside a raw HTML block (an empty macro on its own line) makes Python-Markdown
    parse the rest of the page with html.parser: four times slower, the same HTML. Every page of
    the test site, with and without stories, must be stashed block by block."""
    import markdown
    from test_site import SOURCE_MD, briefings

    from generator import markdown_ext
    from generator.site import render

    (tmp_path / "envoys.md").write_text(SOURCE_MD, encoding="utf-8")
    items = briefings(SOURCE_MD, "x")
    alone = brief("2023-10-31-alone", "2023-10-31")  # week 44 holds a story and another briefing
    for page in render.render_briefings([*items, alone]):
        if not page.path.endswith(".md"):
            continue
        md = markdown.Markdown(extensions=["toc", "admonition", "attr_list"])
        lines = page.content.split("---\n", 2)[2].split("\n")
        left = [line for line in markdown_ext.TrustedHtmlBlocks(md).run(lines) if line.startswith("<")]
        assert left == [], (page.path, left[:3])
