"""Dates: temporal expressions found by pattern, resolved to ISO values the way a reader would.

The stages, bottom up:

- `calendar`: date arithmetic (years of month-days, weekdays, seasons, quarters, holidays).
- `anchors`: the publication date and the dates the text last gave, for "that year".
- `pieces`: the `Rule` type (pattern + resolver) and the pieces patterns are built from.
- `day_rules`, `period_rules`, `relative_rules`: the rules, each pattern next to its resolver.
- `rules`: the rules in priority order, and the windows of text where they are tried.
- `plausible`: token checks a pattern cannot make ("May" the modal, "2000 people").
- `tense`: whether the clause around a date looks back or ahead.
- `finding`: `extract_dates`, which runs them and yields `TimeExpr`s.
- `events`: `build_timeline`, the clause each date belongs to and the actors in it.
"""

from .events import build_timeline
from .finding import TimeExpr, extract_dates

__all__ = ["TimeExpr", "build_timeline", "extract_dates"]
