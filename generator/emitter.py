"""Canonical YAML for plain data, written directly: the bytes ruamel.yaml writes, without ruamel.

Every briefing `extract` writes is fresh machine output (plain dicts, lists, text, numbers, no
comments), and ruamel's round-trip dumper, pure Python that walks every character of every text
several times, cost as much as all the extractors together. This module writes the same canonical
form (`store.canonical` and the dumper settings in `store`) with a few regular expressions per text.

It copies ruamel's choices exactly for what briefings hold: keys in schema order, block style,
`[]`/`{}` when empty, short lists of integers on one line, text plain when it reads back as the same
text, else single-quoted (double-quoted when it holds `'`, a line break or a character YAML must
escape), and `|` blocks for text with line breaks inside. Anything else (other types, lists in
lists, Unicode line separators, text longer than `MAX_TEXT`) returns None, and the caller uses
ruamel. Tests compare the two byte for byte over real and generated briefings with hard text.
Editors' files (round-trip nodes with comments) never come here: merges and `fmt` use ruamel.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.resolver import implicit_resolvers

MAX_TEXT = 50_000
"""Longer texts go to ruamel: its line width (1,000,000 columns) could then come into play."""

YAML11_NOT_STR = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
    r"|[-+]?(0b[01_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?)"
)
"""Plain scalars that YAML 1.1 readers (PyYAML, many linters) take for booleans or numbers: quoted."""

_RESOLVERS: dict[str, list[re.Pattern[str]]] = {}
for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        for _ch in _first:
            _RESOLVERS.setdefault(_ch, []).append(re.compile(_regexp.pattern, _regexp.flags))

_UNSUPPORTED = re.compile("[\x85\u2028\u2029]")
"""Line separators other than `\\n`: ruamel breaks quoted text at them; left to ruamel."""
_SPECIAL = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff")
"""Characters only a double-quoted scalar can hold (as escapes)."""
_NOT_PLAIN = re.compile(
    r"^(?:---|\.\.\.|[-?:](?: |$)|[ #,\[\]{}&*!|>'\"%@`])|: |:$| #| $|\n|" + _SPECIAL.pattern
)
"""What makes text unfit to be a plain block scalar: indicators, surrounding space, breaks, escapes."""
_ESCAPE = re.compile('["\\\\\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
}
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEYS_OK: set[str] = set()
"""Keys already found fit to be written plain (a briefing repeats a few dozen keys)."""


class Unsupported(Exception):
    """Data this module does not write exactly as ruamel would: the caller falls back to ruamel."""


def dumps(data: dict[str, Any], schema: dict[str, Any]) -> str | None:
    """The canonical YAML of a plain mapping (as `store.dumps` writes it), or None to use ruamel."""
    if not isinstance(data, dict):
        return None
    out: list[str] = []
    try:
        if data:
            _mapping(data, schema, 0, out, "")
        else:
            out.append("{}\n")
    except Unsupported:
        return None
    return "".join(out)


def _ordered(node: dict[str, Any], props: dict[str, Any]) -> list[str]:
    """Keys in schema order, then the keys the schema does not know, as `store.canonical` does."""
    return [k for k in props if k in node] + [k for k in node if k not in props]


def _mapping(node: dict[str, Any], schema: dict[str, Any], col: int, out: list[str], first: str) -> None:
    """A block mapping with keys at column `col`; the first key goes after `first` (a `- `)."""
    props: dict[str, Any] = schema.get("properties", {})
    pad = " " * col
    lead = first
    for key in _ordered(node, props):
        if key not in _KEYS_OK:
            if type(key) is not str or not _KEY.fullmatch(key) or not _plain_ok(key):
                raise Unsupported(key)
            _KEYS_OK.add(key)
        out.append(f"{lead}{key}:")
        lead = pad
        _value(node[key], props.get(key, {}), col, out)


def _value(value: Any, schema: dict[str, Any], col: int, out: list[str]) -> None:
    """What follows `key:` for a key at column `col`, through the end of its last line."""
    if isinstance(value, dict):
        if not value:
            out.append(" {}\n")
            return
        out.append("\n")
        _mapping(value, schema, col + 2, out, " " * (col + 2))
    elif isinstance(value, list | tuple):
        if not value or _is_span(schema, value):
            out.append(f" {_flow(value)}\n")
            return
        out.append("\n")
        _sequence(value, schema.get("items", {}), col + 2, out)
    else:
        out.append(_scalar(value, col + 2) if value is not None else "\n")


def _sequence(items: list[Any] | tuple[Any, ...], schema: dict[str, Any], col: int, out: list[str]) -> None:
    """A block sequence with its dashes at column `col`."""
    pad = " " * col
    for item in items:
        if isinstance(item, dict):
            if item:
                _mapping(item, schema, col + 2, out, pad + "- ")
            else:
                out.append(f"{pad}- {{}}\n")
        elif isinstance(item, list | tuple):
            if item and not _is_span(schema, item):
                raise Unsupported("a block list in a list")
            out.append(f"{pad}- {_flow(item)}\n")
        elif item is None:
            out.append(f"{pad}- \n")
        else:
            out.append(f"{pad}-{_scalar(item, col + 2)}")


def _is_span(schema: dict[str, Any], seq: list[Any] | tuple[Any, ...]) -> bool:
    """`store._is_span`: short lists of numbers (offsets) go on one line."""
    if schema.get("items", {}).get("type") == "integer" and schema.get("maxItems"):
        return True
    return bool(seq) and len(seq) <= 4 and all(isinstance(v, int) and not isinstance(v, bool) for v in seq)


def _flow(seq: list[Any] | tuple[Any, ...]) -> str:
    if not all(type(v) is int for v in seq):
        raise Unsupported("a one-line list of other things than integers")
    return "[" + ", ".join(map(str, seq)) + "]"


def _scalar(value: Any, indent: int) -> str:
    """` value\\n` for a scalar after `key:` or `-`; `indent` is where a `|` block's lines go."""
    kind = type(value)
    if kind is str:
        return _text(value, indent)
    if kind is bool:
        return " true\n" if value else " false\n"
    if kind is int:
        return f" {value}\n"
    raise Unsupported(kind.__name__)


def _text(value: str, indent: int) -> str:
    if len(value) > MAX_TEXT or _UNSUPPORTED.search(value):
        raise Unsupported("text")
    if "\n" in value.strip("\n") and not any(line.startswith("\t") for line in value.split("\n")):
        return _literal(value, indent)
    if YAML11_NOT_STR.fullmatch(value):
        return f" '{value}'\n"  # never holds a quote or a special character
    if _plain_ok(value):
        return f" {value}\n"
    if _SPECIAL.search(value) or "'" in value or "\n" in value:
        return f' "{_ESCAPE.sub(_escape, value)}"\n'
    return f" '{value}'\n"


def _plain_ok(value: str) -> bool:
    """Plain style keeps the text: no indicator or surrounding space, and it resolves to a string."""
    if not value or _NOT_PLAIN.search(value):
        return False
    return not any(r.match(value) for r in _RESOLVERS.get(value[0], ()))


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _ESCAPES:
        return "\\" + _ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _literal(value: str, indent: int) -> str:
    """A `|` block, with the indentation and chomping indicators ruamel chooses."""
    hints = "2" if value[0] in " \n" else ""
    if value[-1] != "\n":
        hints += "-"
        body = value
    else:
        if len(value) == 1 or value[-2] == "\n":
            hints += "+"
        body = value[:-1]
    pad = " " * indent
    lines = "\n".join(pad + line if line else "" for line in body.split("\n"))
    return f" |{hints}\n{lines}\n"
