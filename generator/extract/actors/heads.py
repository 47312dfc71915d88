"""Head words: the last word of a name often says what it names, whatever the model guessed.

"Tulane University" and "Moody's Analytics Inc." are organisations, "JFK Airport" and "Rampart
Street" places, "the Clean Air Act" a law and no actor at all. Lower case, dots dropped.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORGANIZATION_HEADS = _words(
    """
    university college institute institution observatory laboratory laboratories lab academy school
    ministry department agency administration bureau office commission committee council board
    authority service services court tribunal parliament assembly congress senate cabinet government
    police army navy force forces guard corps command military
    bank fund trust exchange inc corp corporation co ltd llc plc lp company companies group holdings
    partners associates industries enterprises airlines airline airways motors systems technologies
    foundation association society federation union league alliance coalition organization
    organisation network institutes party church diocese archdiocese conference caucus campaign
    hospital clinic center centre museum library orchestra club team congregation
    times post tribune journal herald gazette news daily chronicle telegraph guardian observer
    independent mirror express standard globe mail review magazine press radio tv television
    broadcasting reuters records recordings productions studios pictures entertainment
    """
)
"""Last words of organisations' names ("... University", "... Inc.", "... Tribune")."""
PLACE_HEADS = _words(
    """
    airport street st avenue ave road rd boulevard blvd lane square plaza park river lake
    mountain mountains mount island islands bay sea ocean gulf valley county province
    town village district region peninsula coast beach desert canyon stadium arena field
    """
)
"""Last words of places' names ("JFK Airport", "N. Rampart St.", "Java Sea")."""
THING_HEADS = _words(
    """
    act amendment bill law laws rule rules treaty accord accords agreement protocol constitution code
    doctrine plan initiative syndrome disease virus fever flu
    """
)
"""Last words of laws, plans and diseases: named, but no actor ("the Second Amendment")."""


SHARED_HEADS = _words(
    "union federation bank alliance coalition league assembly conference command force forces guard"
    " corps republic"
)
"""Organisation heads that also end places' names ("Soviet Union", "West Bank"): they do not
overrule the model's place."""


NEVER_PEOPLE = _words(
    """
    airport university college institute observatory ministry department agency committee council
    commission inc corp corporation ltd llc plc airlines airways hospital museum foundation
    association avenue boulevard blvd bridge river lake island sea ocean stadium arena
    records recordings productions studios
    """
)
"""Heads that never end a person's name: they overrule the model's "person" ("JFK Airport")."""


VESSEL_PREFIXES = _words("uss hms hmas hmcs hmnzs rms ins mv ms ss")
"""Prefixes of ships' names ("USS Sampson"): a vessel is no actor."""


NEVER_ACTORS = _words("amendment amendments act treaty accord accords protocol constitution syndrome disease")
"""Heads of laws, treaties and diseases: no actor, whatever the model called them ("Second
Amendment", which it may call a person)."""


def head_kind(name: str) -> str | None:
    """ "organization", "place", "thing" (no actor unless a person) or "never" (no actor at all:
    a law, a treaty, a ship) from the last word of a name of two words or more, or the first
    for a ship."""
    words = name.replace(".", " ").lower().split()
    if words and words[-1] in NEVER_ACTORS and name[:1].isupper():
        return "never" if len(words) > 1 or words[0] == "amendment" else None
    if len(words) < 2:
        return None
    last = words[-1]
    if words[0] in VESSEL_PREFIXES and name.split()[0].isupper():
        return "never"
    if last in THING_HEADS:
        return "thing"
    if last in ORGANIZATION_HEADS:
        return "organization"
    if last in PLACE_HEADS:
        return "place"
    return None
