"""Furniture written inside the article's paragraphs: credit and contact lines, captions' credits,
teasers, solicitations, copyright, agency datelines. Each frame is matched by how it is phrased,
so prose that merely shares a word with it stays (the negative rows)."""

from __future__ import annotations

import pytest

from generator import ingest
from generator.ingest.credits import closing, dateline, frame_at, trailing


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("(Reporting by Greg Roumeliotis; Editing by Martin Howell)", "credit line"),
        ("Additional reporting by Lawrence Hurley in Washington", "credit line"),
        ("Keith Bradsher contributed reporting from Hong Kong.", "credit line"),
        ("Fox News’ Jessica Napoli contributed to this report.", "credit line"),
        ("A special credit to data reporter Lindsey Cook, who put the numbers together.", "credit line"),
        ("(Image credit: All About Space)", "photo credit"),
        ("Photo: Getty Images", "photo credit"),
        ("Credit: NASA", "photo credit"),
        ("Write to Al Root at allen.root@dowjones.com", "contact line"),
        ("Jane Doe may be reached at jdoe@example.com or 555-0100.", "contact line"),
        ("Follow him on Twitter @michaeldwall.", "contact line"),
        ("Follow AP's full coverage of Brexit and British politics at "
         "https://apnews.com/Brexit", "contact line"),
        ("Please share your videos and photos with us at iReport.", "reader solicitation"),
        ("Have a tip? Send it to tips@example.com.", "reader solicitation"),
        ("If you enjoyed this article, we have a proposition for you: join our club.", "reader solicitation"),
        ("READ MORE: China plague outbreak confirmed", "teaser"),
        ("Trending on Reuters: Oil slides as talks stall", "teaser"),
        ("Up next: The week in pictures", "teaser"),
        ("CLICK HERE TO GET THE FOX NEWS APP", "newsletter or social prompt"),
        ("Subscribe to the 9to5Toys YouTube Channel for all of the latest "
         "videos.", "newsletter or social prompt"),
        ("There was an error processing your subscription.", "newsletter or social prompt"),
        ("If you buy something through this post, the site may get a share of the "
         "sale.", "affiliate disclosure"),
        ("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved", "copyright line"),
        ("© Reuters", "copyright line"),
        ("copyright Inexhibit 2019 - ISSN: 2283-5474", "copyright line"),
        ("This copy is for your personal, non-commercial use only.", "copyright line"),
        # negatives: article prose that shares a word with a frame
        ("Writing by hand helps pupils remember, the study found.", None),
        ("Research by Harvard economists shows the cost of tariffs.", None),
        ("The Contact Group on Ukraine met on Monday.", None),
        ("Thanks to the new law, tenants can appeal.", None),
        ("Reporting the figures late, the ministry said, was a mistake.", None),
        ("Related to the case, two officials resigned.", None),
        ("Follow-up talks are planned for June.", None),
        ("Photographs of the scene were shared widely on social media.", None),
    ],
)  # fmt: skip
def test_frames(text: str, why: str | None) -> None:
    assert frame_at(text) == why


@pytest.mark.parametrize(
    ("para", "kept", "cut"),
    [
        ("The company declined to comment. (Reporting by Will Dunham; Editing by Tom Brown)",
         "The company declined to comment.", "(Reporting by Will Dunham; Editing by Tom Brown)"),
        ("It was the first such find. Follow him on Twitter @michaeldwall. Follow us on Twitter "
         "@Spacedotcom.",
         "It was the first such find.", "Follow him on Twitter @michaeldwall. Follow us on Twitter "
                                        "@Spacedotcom."),
        ("The logo of NASA, the space agency.Credit: "
         "NASA", "The logo of NASA, the space agency.", "Credit: NASA"),
        # a quotation's closing mark stays with the quotation
        ('He said: "We will go." --- Geraldine Brooks in Amman contributed to this article.',
         'He said: "We will go."', "--- Geraldine Brooks in Amman contributed to this article."),
        # negatives: nothing trails, or what follows the frame is too long to be furniture
        ("The talks resume on Monday, officials said.", None, None),
        ("Officials said. Writing by hand is slower but pupils remember more of what they "
         "write.", None, None),
    ],
)  # fmt: skip
def test_trailing(para: str, kept: str | None, cut: str | None) -> None:
    found = trailing(para)
    if kept is None:
        assert found is None
    else:
        assert found is not None and (found[0], found[1]) == (kept, cut)


@pytest.mark.parametrize(
    ("para", "line"),
    [
        ("SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers on Monday found more bodies.",
         "SURABAYA, Indonesia/JAKARTA (Reuters) -"),
        ("ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth death.",
         "ST. JOSEPH, Mich. (AP) —"),
        ("FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized the law.",
         "FLINT, Mich., Oct. 4 (UPI) —"),
        # negatives: no agency in brackets (the summary handles plain datelines), prose in capitals
        ("WASHINGTON — The Senate passed the bill on Monday after a long debate.", None),
        ("NATO (the alliance) - a long history of disputes over spending, the report said.", None),
        ("The UN (United Nations) - said on Monday it would send more aid to the region.", None),
    ],
)  # fmt: skip
def test_agency_dateline(para: str, line: str | None) -> None:
    found = dateline(para)
    assert (found[0] if found else None) == line


@pytest.mark.parametrize(
    ("paras", "kept", "cut"),
    [
        (["Lead.", "Body text here.", "This story was provided by SpaceNews, dedicated to covering space."],
         ["Lead.", "Body text here."], ["This story was provided by SpaceNews, dedicated to "
                                        "covering space."]),
        (["Lead.", "More. This article originally appeared on Fox News."], ["Lead.", "More."],
         ["This article originally appeared on Fox News."]),
        (["Lead.", "The tracker was created for U.S. News by Lindsey Cook and Dave Catanese."], ["Lead."],
         ["The tracker was created for U.S. News by Lindsey Cook and Dave Catanese."]),
        # negatives: the same phrasing early in the article is news; a report about a story
        (["The bill was written by Senator Lee, aides said.", "Lead.", "More.", "Last."], None, []),
        (["Lead.", "The story was published by three newspapers on Monday, the court heard."], None, []),
    ],
)  # fmt: skip
def test_closing_credits(paras: list[str], kept: list[str] | None, cut: list[str]) -> None:
    """Credit sentences are read only in the last two paragraphs, where articles put them."""
    got_kept, got_cut = closing(paras)
    assert got_kept == (paras if kept is None else kept)
    assert got_cut == cut


@pytest.mark.parametrize(
    ("paras", "kept", "whys"),
    [
        # tagged teasers glued into one paragraph after a marker
        (["The plague has spread to a third province, officials said on Monday.", "DON'T MISS",
          "Plague warning: CDC names eight diseases [WARNING] Holidaymakers die after eating "
          "marmot [INSIGHT]",
          "Officials urged calm and said the risk of an outbreak in the capital was low, for now."],
         ["The plague has spread to a third province, officials said on Monday.",
          "Officials urged calm and said the risk of an outbreak in the capital was low, for now."],
         ["teaser"]),
        # comment counters, separators, a bare address, tag lists
        (["Prices rose again in May, the statistics office said on Friday morning.", "12 Comments",
          "______________________________", "https://www.example.com/2019/prices", "Filed under: Economy |"],
         ["Prices rose again in May, the statistics office said on Friday morning."],
         ["teaser"]),
        # a caption credited with ©, inside the text
        (["The festival opens on Friday.", "Jewels after Jewels, installation views, photos © "
                                           "Inexhibit, 2018",
          "It runs until January."],
         ["The festival opens on Friday.", "It runs until January."], ["page furniture"]),
        # negatives: a headline-like subheading followed by prose stays, as does a © inside a sentence
        (["The festival opens on Friday.", "Most read", "Critics called it the best edition in a decade, "
          "and tickets for the first week sold out within hours of going on sale."], None, []),
        (["The logo, © 1998 by the designer, was dropped after a dispute over the rights to it."], None, []),
    ],
)  # fmt: skip
def test_trim_new_furniture(paras: list[str], kept: list[str] | None, whys: list[str]) -> None:
    got_kept, cuts = ingest.trim(paras)
    assert got_kept == (paras if kept is None else kept)
    assert [c.why for c in cuts] == whys
