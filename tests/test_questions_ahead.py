"""Open questions in columns, poll write-ups and profiles: predictions whose outcome is open, plans,
poll leads, calls to act, what is kept hidden, suspected links, decisions not yet made, choices
weighed or kept open, refusals that stand, chances and dangers ahead, voters courted. Each family
with real sentences it must ask about and real sentences it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract import actors, dates
from generator.extract.questions import extract_questions

PUBLISHED = date(2016, 3, 1)


def questions(nlp, text: str) -> list[str]:
    doc = nlp(text)
    cast = actors.extract_actors(doc)
    timeline = dates.build_timeline(doc, list(dates.extract_dates(doc, PUBLISHED)), cast)
    return [q.question for q in extract_questions(doc, cast, PUBLISHED, timeline)]


# Sentences from PolNeAR articles (dev and train), one table per family.
PREDICTED = [
    # a prediction that someone will find something hard: will they manage it?
    (
        "Trump will also find it difficult to repeat his attacks on moderators.",
        "Will Trump be able to repeat his attacks on moderators?",
    ),
    (
        "With five reasonably viable Republican candidates and a few stubborn stragglers all winning "
        "some delegates, it will be tough for Trump to gather enough delegates before the national "
        "convention to lock up the nomination.",
        "Will Trump be able to gather enough delegates?",
    ),
    (
        "Trump will be unable to turn the crowds against the moderators.",
        "Will Trump be able to turn the crowds against the moderators?",
    ),
    (
        "Trump's success in the primaries will not necessarily translate into success against Clinton.",
        "Will Trump's success in the primaries translate into success against Clinton?",
    ),
]
PLANS_AND_CALLS = [
    (
        "Mr. Guajardo Villarreal argues there is little point for Mexico to respond now to Mr. Trump's "
        "threats to wall off the Mexican people and slap a 35 percent tariff on Mexican imports.",
        "Will Mr. Trump wall off the Mexican people and slap a 35 percent tariff on Mexican imports?",
    ),
    (
        "Clarke said the Patriot deal had played to his advantage - helping start his grand plan to "
        "remake coal mining into a greener industry.",
        "Will Clarke remake coal mining into a greener industry?",
    ),
    (
        "It is time for America to go on offense against radical Islamic terrorism at home and abroad.",
        "Will America go on offense against radical Islamic terrorism at home and abroad?",
    ),
    (
        "Matthews said Pence’s performance should boost Trump’s poll numbers.",
        "Will Pence’s performance boost Trump’s poll numbers?",
    ),
    (
        "A lawyer for the news outlets, David Schulz, said no immediate decision had been made about "
        "whether to appeal.",
        "Will the news outlets appeal?",
    ),
]
POLLS = [
    (
        "The latest Reuters/Ipsos opinion poll released Friday shows that in a head-to-head contest, "
        "Clinton leads Trump by 43 percent to 38 percent.",
        "Will Clinton’s lead over Trump hold?",
    ),
    (
        "Donald Trump has a slight lead in the polls over Cruz in Indiana.",
        "Will Donald Trump’s lead over Cruz hold?",
    ),
    (
        "Caddell went on to discuss recently released polls, including ones showing Trump leading "
        "nationally and in the swing states of Ohio, Florida, and Nevada.",
        "Will Trump’s lead in the polls hold?",
    ),
]
HIDDEN_AND_SUSPECTED = [
    # a possible part in what is to come is a prospect, not a suspicion
    (
        "Albright also used her speech to defend NATO's potential involvement in Kosovo.",
        "Will NATO's involvement in Kosovo happen?",
    ),
    (
        "Hillary Clinton was headed to an emergency room following her sudden collapse — but detoured "
        "to daughter Chelsea Clinton’s apartment to keep details of her medical treatment under wraps, "
        "The Post has learned.",
        "What are the details of Hillary Clinton’s medical treatment?",
    ),
    (
        "He said he did not mention Russia's suspected ties to the hacking of Mr. Powell's emails in "
        "the segment.",
        "Is Russia tied to the hacking of Mr. Powell's emails?",
    ),
]


@pytest.mark.parametrize(("text", "question"), PREDICTED + PLANS_AND_CALLS + POLLS + HIDDEN_AND_SUSPECTED)
def test_an_open_matter_becomes_one_question(nlp, text, question):
    assert questions(nlp, text) == [question]


@pytest.mark.parametrize(
    "text",
    [
        # "hard to" with no one named to do it, a comparison, a prediction about no one in particular
        "These tactics that worked for him in the primaries will be difficult to replicate in his "
        "debates against Clinton.",
        "Obama's bet is that as his regulations get woven into the fabric of the economy, they will be "
        "harder for anyone to unwind.",
        "Lindsey Graham called out his rival Donald Trump for alienating Hispanics, which he believes "
        "will make it impossible for a Republican to win the presidency in 2016.",
        # "not necessarily" about what is so now, not what will be
        "Politifact then pointed out that one shooting may have more than one victim, so thousands of "
        "shooting victims does not necessarily translate into thousands of shootings.",
        # room to act is no call to act; a lead years ago; a plan not made or given up
        "There is time for Trump to master these issues, while Clinton has an appalling track record.",
        "According to exit polls, Mitt Romney had a ten-point lead over Obama among the high-earning "
        "group in 2012, but still lost the election.",
        "Trump did not unveil plans to pay for the expansion.",
        "Trump backed off some of his initial proposals, dialing back plans to cut the top marginal tax "
        "rate, for example.",
        # a speaker's own venture; a link with no one it belongs to; something kept private, since told
        "“Now is the time for all good political leaders to come to the aid of their party,” said Don "
        "Fowler. “I think the plan should be developed by 6 o’clock this afternoon.”",
        "Federal investigators have also discovered that attempts to infiltrate the program were made "
        "by people with possible ties to Chinese and Iranian intelligence.",
        'However, 63 percent said Clinton was "justified" in keeping her pneumonia diagnosis private '
        "until she nearly collapsed outside of a 9/11 memorial ceremony in lower Manhattan.",
        # from TimeBank: "it" whose referent is lost; a hypothesis, not a prediction
        "The Portland, Ore., thrift said the restructuring should help it meet new capital standards "
        "from the Financial Institution Reform, Recovery and Enforcement Act.",
        "If it weren't Cuba, the child should go to be with his father,'' said Delfina Miranda, 49, who "
        "works at a beauty salon in Little Havana.",
    ],
)
def test_nothing_open_raises_no_question(nlp, text):
    assert questions(nlp, text) == []


def test_whose_team_acts_is_whom_her_means(nlp):
    """ "Hillary Clinton's team avoided taking her ...": "her" is Clinton, not the paper reporting it."""
    text = (
        "The New York Post reports that Hillary Clinton’s team avoided taking her to the emergency room "
        "following her medical scare on Sunday in order to keep the details of her medical treatment "
        "under wraps."
    )
    assert questions(nlp, text) == ["What are the details of Hillary Clinton’s medical treatment?"]


# Sentences from PolNeAR train articles (some shortened), one table per family.
WEIGHED = [
    # a choice someone is still making, or keeps open: what will they do?
    (
        "Western Journalism reported on Saturday that Bloomberg is considering a third party run for "
        "the White House.",
        "Will Bloomberg make a third party run for the White House?",
    ),
    (
        "Trump welcomed the news that Kasich would quit, suggesting he might consider Kasich as vice "
        "presidential contender, CNN reported.",
        "Will Trump choose Kasich as vice presidential contender?",
    ),
    (
        "Mark Cuban, the billionaire owner of the Dallas Mavericks who rebuffed pleas from "
        "conservatives to run for president, says he's open to running in the future.",
        "Will Mark Cuban run in the future?",
    ),
    ("Clinton says she won't rule out a female running mate.", "Will Clinton choose a female running mate?"),
    (
        "In an interview in Amherst last week, Ayotte would not rule out shifting her position on Trump.",
        "Will Ayotte shift her position on Trump?",
    ),
    (
        "The behemoth Koch operation - which aims to spend almost $900 million before the November "
        "elections - is now considering abandoning Trump as a nominee and focusing its resources on "
        "behalf of GOP congressional candidates.",
        "Will the behemoth Koch operation abandon Trump as a nominee?",
    ),
    (
        "Senate Majority Leader Mitch McConnell is weighing a vote on the nominee before the election.",
        "Will Senate Majority Leader Mitch McConnell hold a vote on the nominee?",
    ),
]
HELD_OUT = [
    # a refusal that stands: will they give in? Refusing to say is what is not known.
    (
        "Mr. Trump demands transparency from the president, yet he steadfastly refuses to release his "
        "tax returns.",
        "Will Trump release his tax returns?",
    ),
    (
        "The Clinton campaign has refused to release transcripts of her paid speeches to Goldman Sachs.",
        "Will the Clinton campaign release transcripts of her paid speeches to Goldman Sachs?",
    ),
    (
        "President Barack Obama responded to a Gold Star mother Wednesday night by saying his refusal to "
        "use the words “Islamic terrorism” was a “manufactured” issue.",
        "Will Barack Obama use the words Islamic terrorism?",
    ),
    (
        "The Daily News claims the NRA’s refusal to support more gun control in the U.S. is itself a form "
        "of jihad.",
        "Will the NRA support more gun control in the U.S?",
    ),
    (
        "Cook refuses to say whether the emails violated Pentagon policy.",
        "Did the emails violate Pentagon policy?",
    ),
]
CHANCES_AND_COURTING = [
    (
        "Khalif said Republican nominee Donald Trump is a racist who won't win votes from his community. "
        "But he said Clinton still has a chance to keep young black voters from sitting out the election.",
        "Will Clinton keep young black voters from sitting out the election?",
    ),
    (
        "Sanders is only trailing by two points in the polls against Clinton, and within the margin of "
        "error, Sanders has a real chance of upsetting the party favorite.",
        "Will Sanders upset the party favorite?",
    ),
    (
        "Clinton is in danger of losing the support of young black voters, organizers warned.",
        "Will Clinton lose the support of young black voters?",
    ),
    (
        "But Clinton’s opponent, Donald Trump, has been successfully courting working-class voters, "
        "especially white men and some of them union members.",
        "Will Donald Trump win over working-class voters?",
    ),
    (
        "Trump's campaign has long been courting evangelical voters who backed Cruz.",
        "Will Trump's campaign win over evangelical voters?",
    ),
    (
        "In hypothetical match-ups in a new NBC News/Wall Street Journal poll, Hillary Clinton would beat "
        "Donald Trump.",
        "Will Hillary Clinton’s lead over Donald Trump hold?",
    ),
]


@pytest.mark.parametrize(("text", "question"), WEIGHED + HELD_OUT + CHANCES_AND_COURTING)
def test_a_stance_or_a_prospect_becomes_one_question(nlp, text, question):
    assert questions(nlp, text) == [question]


@pytest.mark.parametrize(
    "text",
    [
        # "considered" as a judgment; a choice made or not taken up; a stance given up
        "Republican National Committee Chairman Reince Priebus tweeted Tuesday night he considered Trump "
        "the presumptive nominee.",
        "Linick said that he considers his recommendation handled satisfactorily.",
        "Republicans feel vindicated they decided not to consider Merrick Garland's nomination to the "
        "Supreme Court.",
        "Trump considered Chris Christie as his running mate before he picked Mike Pence.",
        "Mark Cuban said he is not open to a run.",
        # a speaker's guess; a chance given, or none; no one in particular
        "“I think Donald has a real chance to win, and that's scary to a lot of people,” Cuban said.",
        "The chairman gave Sanders a chance to respond to the charges.",
        "Kasich has no chance of winning the nomination.",
        "Whatever the ultimate resolution, whoever ends up being the next president has the chance to be "
        "considered a true genius.",
        "The candidates are courting voters in New Hampshire.",
        # a headline's "Crowds" (tagged a name): no one in particular holds out
        "Protesters push through intense heat and storms; Crowds refuse to let inhospitable weather "
        "interfere with expression.",
        # a refusal in the past; a "he" inside a quote, whom only the reader of the quote knows
        "Protesters refused to leave the stage on Tuesday.",
        "Clinton said. “He refuses to take responsibility for his support.”",
        # the refusal ended: the story reports the endorsement (alone, it asks "Will Trump endorse Ryan?")
        "Trump endorsed the re-election of House Speaker Paul Ryan on Friday. Trump’s refusal to endorse "
        "Ryan was widely viewed as payback.",
        # a lead with no rival named; a win reported
        "Sanders is only trailing by two points in the polls.",
        "Trump beat Cruz in the Indiana primary on Tuesday, a new poll showed.",
    ],
)
def test_a_settled_or_unowned_stance_raises_no_question(nlp, text):
    assert questions(nlp, text) == []


def test_a_refusal_alone_is_open(nlp):
    """The negative above is settled by the endorsement, not missed: alone, the refusal asks."""
    assert questions(nlp, "Trump’s refusal to endorse Ryan was widely viewed as payback.") == [
        "Will Trump endorse Ryan?"
    ]
