"""Briefing YAML on disk: diff-friendly writing, round-trip loading with line numbers, atomic writes.

ruamel.yaml in round-trip mode keeps editors' comments and key order, and records the line and
column of every key, which the validator uses to point at the offending field.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import BriefingsError, Problem

SCHEMA_FILE = Path(__file__).parent / "schema" / "briefing.schema.json"
HEADER_PREFIX = "# yaml-language-server: $schema="
MAX_YAML_BYTES = 5 * 1024 * 1024


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    y.preserve_quotes = True
    y.allow_duplicate_keys = False
    return y


def header_for(out_dir: Path) -> str:
    """The schema comment that lets editors' YAML plugins validate and complete."""
    try:
        rel = os.path.relpath(SCHEMA_FILE, out_dir.resolve())
    except ValueError:
        rel = SCHEMA_FILE.as_uri()
    return f"{HEADER_PREFIX}{Path(rel).as_posix()}\n"


def dumps(data: Any, header: str = "") -> str:
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return header + buf.getvalue()


def loads(text: str, path: str) -> Any:
    """Parse YAML text, raising BriefingsError naming file and line on any syntax problem."""
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        what = (exc.problem or exc.context or "invalid YAML").strip()
        raise BriefingsError(Problem(path, line, "yaml", f"invalid YAML: {what}", column=col)) from None
    except YAMLError as exc:
        raise BriefingsError(Problem(path, None, "yaml", f"invalid YAML: {exc}")) from None


def read_text(path: Path) -> str:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingsError(Problem(name, None, None, f"cannot read: {exc.strerror}")) from None
    if len(data) > MAX_YAML_BYTES:
        raise BriefingsError(Problem(name, None, None, f"file too large ({len(data)} bytes)"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BriefingsError(Problem(name, line, None, "not UTF-8 text")) from None


def load(path: Path) -> Any:
    return loads(read_text(path), str(path))


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def location(node: Any, key: str | int | None = None) -> tuple[int | None, int | None]:
    """1-based (line, column) of `key` inside a round-trip node, or of the node itself."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if isinstance(node, CommentedMap) and key is not None and key in node:
            line, col = lc.key(key)
            return line + 1, col + 1
        if isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line, col = lc.item(key)
            return line + 1, col + 1
    except (KeyError, IndexError, TypeError):
        pass
    return (lc.line + 1, lc.col + 1) if lc.line is not None else (None, None)


def to_plain(node: Any) -> Any:
    """Round-trip containers -> plain dicts and lists (for jsonschema and dataclasses)."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if hasattr(node, "isoformat"):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    return node
