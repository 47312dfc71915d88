"""Extraction: one package per family, small functions over a spaCy Doc.

`pipeline.from_doc` runs them in this order, each reading what the earlier ones found:

- `actors/`: names repaired and merged into the article's `Cast` (actors and their mentions).
- `quotes/`: quotations and reported speech, attributed to actors.
- `dates/`: temporal expressions resolved to ISO values, and the timeline of events.
- `questions/`: open questions, from hedges and cues in the parse.
- `summary`, `tags`: the lead and key points; topics and main actors.

Shared below them: `model` (Name, Mention, Cast), `syntax` (word sets and parse helpers) and
`sentences` (sentences, headings, datelines).
"""
