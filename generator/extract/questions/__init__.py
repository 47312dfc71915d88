"""Open questions: what the story leaves unresolved, grouped by issue and phrased for a reader.

- `cue`: the `Cue` (a passage that raises a question) and the content words it is about.
- `phrasing`: a hedged clause turned into a yes/no or wh- question.
- `asked`, `hedged`, `pending`: the detectors (not known; hedged about; asked for or scheduled).
- `finding`: `find_cues`, every cue in the article body.
- `grouping`: `extract_questions`, cues about one issue made one question, the best kept.
"""

from .finding import find_cues
from .grouping import extract_questions

__all__ = ["extract_questions", "find_cues"]
