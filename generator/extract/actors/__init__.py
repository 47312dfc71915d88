"""Actors: named entities repaired, merged into one identity each, with roles from the text.

The stages, in the order they run:

- `repairs`: one spaCy entity -> clean names (edges trimmed, glued pairs split).
- `headlines`: ALL-CAPS stretches re-read with the article's own casing.
- `finding`: every name in the article, including people the model missed.
- `identity`: names merged into actors (surnames, acronyms), kinds settled, registry links.
- `roles`: a person's role and affiliation from the words around the name.
- `mentions`: titles and descriptions that stand for a named person.
- `cast`: `extract_actors`, which runs them all and returns the `Cast`.
"""

from .cast import extract_actors

__all__ = ["extract_actors"]
