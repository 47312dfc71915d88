"""Dates: temporal expressions found by pattern, resolved to ISO values the way a reader would.

The stages, bottom up:

- `calendar`: date arithmetic (years of month-days, weekdays, seasons, quarters, holidays).
- `anchors`: the day the story speaks from and the dates the text last gave, for "that year",
  "that night".
- `pieces`: the `Rule` type (pattern + resolver) and the pieces patterns are built from.
- `day_rules`, `period_rules`, `relative_rules`, `clock_rules`: the rules, each pattern next to
  its resolver.
- `rules`: the rules in priority order, and the windows of text where they are tried.
- `plausible`: token checks a pattern cannot make ("May" the modal, "2000 people").
- `tense`: whether the verb a date belongs to looks back or ahead, and how certainly.
- `guard`: a value that contradicts a certain tense takes the other year, or no date.
- `finding`: `extract_dates`, which runs them and yields `TimeExpr`s (ranges joined, datelines
  the anchor and left out).
- `placement`: which word a date hangs on, and whether it dates that word's own event.
- `phrases`: the words of an event clause cleaned into a phrase that reads alone, or none.
- `events`: `build_timeline`, the clause each date belongs to and the actors in it.
- `audit`: finished timelines checked against the parse (no past event after publication).
"""

from .events import build_timeline
from .finding import TimeExpr, extract_dates

__all__ = ["TimeExpr", "build_timeline", "extract_dates"]
