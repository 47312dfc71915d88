"""YAML syntax errors said the way an editor fixes them, with the parser's own words kept after.

The parsers (libyaml, ruamel) report what their grammar expected: "did not find expected '-'
indicator", "mapping values are not allowed in this context". The line and column are right, but
the words describe the parser, not the mistake. Each common mistake is recognised by those words
and explained first; the parser's message follows in brackets, for search engines and experts.
"""

from __future__ import annotations

import re

QUOTE_IT = "quote the whole value"

EXPLANATIONS: tuple[tuple[str, str], ...] = (
    (
        r"mapping values are not allowed",
        f"a ': ' inside an unquoted value, or a key indented more than the key above it: {QUOTE_IT}, "
        "or line the keys up",
    ),
    (
        r"did not find expected '-' indicator",
        "a line out of line with the list above it: each item starts with '- ' at the same "
        "indentation, its keys lined up under the first",
    ),
    (
        r"did not find expected key",
        f"a line out of line with the keys above it, or text after a closing quote ({QUOTE_IT}; "
        "double a ' inside '...')",
    ),
    (r"tab character|found character '\\t'", "a tab: indent with spaces only"),
    (
        r"unexpected end of stream|end of stream while scanning a quoted",
        "the file ends inside quotes: a quote is opened and never closed",
    ),
    (r"expected ',' or '\]'", "a [list] not closed, or a comma missing between its items"),
    (r"expected ',' or '\}'", "a {mapping} not closed, or a comma missing between its entries"),
    (r"could not find expected ':'", "a line that is not 'key: value' where one was expected"),
    (
        r"cannot start any token|expected alphabetic or numeric character|non-alphabetical character",
        f"a value that starts with a sign YAML reserves (@ ` % * & ! | >): {QUOTE_IT}",
    ),
    (r"expected <block end>", "a line indented more or less than the lines around it"),
    (r"duplicate key", "a key given twice in the same place: keep one"),
)


def explain(parser_words: str) -> str:
    """`invalid YAML: <the mistake> (parser: <its words>)`, or the parser's words alone."""
    for pattern, meaning in EXPLANATIONS:
        if re.search(pattern, parser_words):
            return f"invalid YAML: {meaning} (parser: {parser_words})"
    return f"invalid YAML: {parser_words}"
