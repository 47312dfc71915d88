"""Open questions: what the story leaves unresolved, grouped by matter and phrased for a reader.

- `cue`: the `Cue` (a passage that raises a question), its family's weight, its grouping keys.
- Detectors, one module per cue family, each from the word that triggers it:
  `asked` (a question the text asks, "whether", "remains to be seen"), `unknown` (stated as not
  known: "it is unclear", "trying to determine", "declined to say", "no rationale for"),
  `processes` (an investigation, appeal, trial, vote or talks under way), `ongoing` (attempts,
  searches, people missing, risks, recoveries, figures that disagree), `disputed` (denials,
  accusations, charges, claims the story doubts), `hedged` (expected, planned, likely, probably,
  conditions, "could"), `pending` (demands, concerns, forecasts, "should", scheduled events).
- `phrasing`, `forms` and `wording`: a clause turned into a question that reads on its own ("Will ...?",
  "Did ...?", "When will ...?", "What caused ...?", "Is X's claim that ... true?").
- `settled`: what the article reports done, so no question asks whether it will happen.
- `finding`: `find_cues`, every cue in the article body.
- `resolving`: "he", "she", "they" in a question replaced by who is meant, or no question.
- `scoring`: strength, support and centrality (the lead, its actors, repeated nouns).
- `grouping`: `extract_questions`, cues about one matter made one question, the best kept.
"""

from .finding import find_cues
from .grouping import extract_questions

__all__ = ["extract_questions", "find_cues"]
