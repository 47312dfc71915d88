"""Results and standings tables: the names that open a row of scores are teams.

Sports news prints "Bradford 1 Tranmere 0" and "Stoke 4 3 1 0 7 4 10" line after line; the
model finds few names there and often calls a club by its town. A name in a score line is an
organisation (the team), and one the model missed there is added.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..model import Name

TEAM = "TEAM"
"""The label of a name read as a team from a score line: its kind outranks head words."""

_NAME = r"[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|of|de|la|del))*?"
STANDINGS = re.compile(rf"^(?P<a>{_NAME})(?:[ \t]+\([^)\n]{{1,12}}\))?(?:[ \t]+\d+){{3,}}[ \t]*$", re.M)
"""A standings row: a name and three or more numbers ("Stoke 4 3 1 0 7 4 10")."""
_BRACKET = r"(?:[ \t]+\([^)\n]{1,12}\))?"
RESULT = re.compile(rf"^(?P<a>{_NAME}){_BRACKET}[ \t]+\d+[ \t]+(?P<b>{_NAME}){_BRACKET}[ \t]+\d+\b", re.M)
"""A result row: two names, each with a score ("Bradford 1 Tranmere 0")."""
FIXTURE = re.compile(rf"(?:^|[:,][ \t]*)(?P<a>{_NAME})[ \t]+v\.?[ \t]+(?P<b>{_NAME})(?=[ \t]*(?:,|$))", re.M)
"""A fixture ("East Fife v Clydebank")."""


def table_teams(doc: Doc, names: list[Name], text: str) -> list[Name]:
    """`names` with every name in a score line made a team, and the teams the model missed."""
    rows: list[tuple[int, int]] = []
    for pattern in (STANDINGS, RESULT, FIXTURE):
        for m in pattern.finditer(text):
            for group in ("a", "b"):
                if group in pattern.groupindex and m.group(group):
                    rows.append((m.start(group), m.end(group)))
    if not rows:
        return names
    spans = set(rows)
    out = [
        replace(n, kind="organization") if (n.start, n.end) in spans and n.kind != "person" else n
        for n in names
    ]
    covered = [(n.start, n.end) for n in names]
    for start, end in sorted(spans):
        if any(s < end and start < e for s, e in covered):
            continue
        span = doc.char_span(start, end)
        if span is not None and len(span) <= 4:
            out.append(Name(start, end, span.text, "organization", TEAM, span))
    return out
