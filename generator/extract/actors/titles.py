"""Words that say a name belongs to a person: titles, honorifics, person nouns, gendered words.

News writes a person's office before the name ("Patrol Chief James Hall"), a form of address
("Mrs Thatcher", "Sir Keith") and a description around it ("a spokesman for", "his daughter").
These sets decide what part of a name is a title, which words are a role and which only a form of
address, and when the text shows whether a person is a man or a woman. All lower case.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..syntax import PEOPLE, is_person_noun


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words(
    "mr mrs ms miss mx sir dame lord lady dr prof father mother sister brother rev reverend fr sr"
    " messrs mme mlle"
)
"""Forms of address: part of how a name is written, never a role on their own."""
NAME_TITLES = _words("pope king queen prince princess emperor empress saint st sheikh")
"""Titles that make one name with what follows ("Pope Francis", "King Charles III")."""
OFFICE_TITLES = _words(
    """
    president vice prime minister secretary senator sen representative rep congressman congresswoman
    governor gov lieutenant lt mayor councilman councilwoman councillor alderman chancellor premier
    ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair ceo cfo coo cto chief
    director manager supervisor officer ranger sheriff deputy commissioner superintendent supt inspector
    detective det sergeant sgt constable trooper captain capt commander cmdr general gen colonel col
    maj admiral adm corporal cpl pvt judge justice attorney atty prosecutor
    coach bishop archbishop cardinal pastor rabbi imam ayatollah superior professor
    founder chairperson treasurer comptroller auditor speaker whip leader head executive editor
    publisher producer anchor correspondent
    """
)
"""Offices written before a name ("Mayor", "Patrol Chief", "Gov."): a role, not part of the name."""
PERSON_NOUNS = OFFICE_TITLES | PEOPLE
"""Nouns for people, offices included: a name set beside one ("the captain, Iriyanto") is a person's."""
AGENT_NOUNS = _words(
    """
    publisher producer owner leader head member partner manager operator provider maker sponsor host
    editor founder cofounder co-founder executive chief director employer carrier winner runner
    """
)
"""Person nouns an organisation can also be ("the publisher, Macmillan"): no evidence of a person."""
WEAK_ROLE_NOUNS = _words("man woman boy girl person resident citizen native national one member friend")
"""Descriptions that say little about what a person does: a role only when there is no other."""
ABBREVIATED_TITLES = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "lt": "Lieutenant",
    "gen": "General", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant", "adm": "Admiral",
    "maj": "Major", "supt": "Superintendent", "insp": "Inspector", "det": "Detective",
    "cmdr": "Commander", "atty": "Attorney", "pres": "President", "sec": "Secretary",
    "amb": "Ambassador", "cpl": "Corporal", "pvt": "Private", "prof": "Professor", "sens": "Senators",
    "reps": "Representatives",
}  # fmt: skip
"""Abbreviated titles and the word a role spells out ("Sen." -> "Senator")."""

MALE_WORDS = _words(
    """
    mr sir lord father brother king prince emperor monk he him his himself man boy husband widower son
    grandfather grandson uncle nephew fiance boyfriend businessman congressman councilman spokesman
    chairman actor
    """
)
"""Words that say a person is a man ("Mr", "his", "spokesman")."""
FEMALE_WORDS = _words(
    """
    mrs ms miss dame lady mother sister queen princess empress nun she her hers herself woman girl wife
    widow daughter grandmother granddaughter aunt niece fiancee girlfriend businesswoman congresswoman
    councilwoman spokeswoman chairwoman actress mme mlle
    """
)
"""Words that say a person is a woman ("Mrs", "her", "spokeswoman")."""
KIN = _words(
    """
    wife husband widow widower son daughter sons daughters child children mother father brother
    sister parents grandson granddaughter grandchildren nephew niece fiance fiancee
    """
)
"""Relatives: what a name owns when it names a person ("Trump's wife")."""
PERSONAL_PRONOUNS = _words("he she his her him himself herself")
"""Pronouns only a person takes ("Trump released the transcript of his call")."""
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson")
"""People who speak for a body: "the spokesperson said" is nobody the article named before unless
it gave them that role."""
PERSONAL_POSTS = _words("spokesman spokeswoman spokesperson secretary attorney")
"""Offices held for a person as often as for an organisation ("Spitzer's campaign spokesman")."""
PERSONAL_OFFICES = _words("administration presidency premiership chancellorship campaign")
"""What a person holds and names after themselves ("the Obama administration", "the Truman
presidency", "the Dole campaign"): a bare name set before one is that person."""


def bare(word: str) -> str:
    """A word as the sets hold it: lower case, without a final dot ("Gov." -> "gov")."""
    return word.lower().rstrip(".")


def is_title(tok: Token) -> bool:
    """A capitalised office or form of address before a name ("Mayor", "Sen.", "Sir")."""
    w = bare(tok.text)
    return tok.text[:1].isupper() and (w in OFFICE_TITLES or w in HONORIFICS or w in NAME_TITLES)


def person_noun(tok: Token) -> bool:
    """A noun that stands for a person ("captain", "saxophonist", "chairwoman")."""
    return is_person_noun(tok) or (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.ent_type_ not in ("ORG", "GPE", "LOC", "FAC")
        and (tok.lemma_.lower() in OFFICE_TITLES or bare(tok.text) in OFFICE_TITLES)
    )


def only_person_noun(tok: Token) -> bool:
    """A noun only a person can be ("captain", "wife", "officer"), not "publisher" or "owner"."""
    return person_noun(tok) and tok.lemma_.lower() not in AGENT_NOUNS


def spelled_out(role: str) -> str:
    """Abbreviated titles written in full ("Sen." -> "Senator", "Lt. Gov." -> "Lieutenant Governor")."""
    return re.sub(
        r"\b([A-Z][a-z]{1,4})\.(?=\s|$)",
        lambda m: ABBREVIATED_TITLES.get(m.group(1).lower(), m.group(0)),
        role,
    )
