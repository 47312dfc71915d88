"""Briefing YAML on disk: diff-friendly writing, round-trip loading with line numbers, atomic writes.

ruamel.yaml in round-trip mode keeps editors' comments and key order, and records the line and
column of every key, which the validator uses to point at the offending field.

The canonical form (what `extract` writes and `generator.fmt` produces) is chosen for reviewing in
pull requests: keys in schema order, block style, one line per text value (no folding, so a one-word
edit is a one-line diff and no line ends in a space), UTF-8 as is, `span: [71, 73]` on one line,
text with line breaks as `|` blocks. Loading and writing a canonical file gives the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from . import comments, emitter
from .errors import BriefingsError, Problem
from .model import Briefing, Source
from .safety import check_yaml, node_ok
from .yaml_messages import explain

SCHEMA_FILE = Path(__file__).parent / "schema" / "briefing.schema.json"
SCHEMA_URL_PATH = "schema/briefing.schema.json"
"""Where the site publishes the schema, relative to its root."""
HEADER_PREFIX = "# yaml-language-server: $schema="
MAX_YAML_BYTES = 5 * 1024 * 1024
WIDTH = 1_000_000
"""Never fold long text: folded lines shift on every edit and leave a space at each fold."""
YAML11_NOT_STR = emitter.YAML11_NOT_STR
REGISTRY_NAME = "actors.yaml"
"""The actor registry lives among the briefings but is not one."""


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = WIDTH
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    y.allow_duplicate_keys = False
    return y


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data


def header_for(out_dir: Path) -> str:
    """The schema comment that lets editors' YAML plugins validate and complete.

    A path relative to the folder, so it works offline, in a clone, and in the branch of a pull
    request whose schema may differ from the published one.
    """
    folder = out_dir.resolve()
    schema_file = SCHEMA_FILE
    for parent in (folder, *folder.parents):
        candidate = parent / "generator" / "schema" / SCHEMA_FILE.name
        if candidate.is_file():
            schema_file = candidate  # the project's own copy, not an installed one elsewhere
            break
    try:
        rel = os.path.relpath(schema_file, folder)
    except ValueError:
        rel = schema_file.as_uri()
    return f"{HEADER_PREFIX}{Path(rel).as_posix()}\n"


def canonical(node: Any, node_schema: dict[str, Any] | None = None) -> Any:
    """Return `node` in canonical form, converting plain containers and reusing round-trip ones.

    Round-trip maps keep their comments (ruamel attaches them to keys, so they move with them).
    Keys follow the schema's order; keys the schema does not know keep their place after them.
    """
    if node_schema is None:
        node_schema = schema()
    if isinstance(node, dict):
        out = node if isinstance(node, CommentedMap) else CommentedMap(node)
        props: dict[str, Any] = node_schema.get("properties", {})
        order = [k for k in props if k in out] + [k for k in out if k not in props]
        if list(out) != order:
            for key in order:
                out.move_to_end(key)
        for key in order:
            value = out[key] = canonical(out[key], props.get(key, {}))
            if isinstance(value, CommentedSeq) and value.fa.flow_style() and value.ca.items:
                comments.lift(out, key, value)
        if out:
            out.fa.set_block_style()
        else:
            out.fa.set_flow_style()
        return out
    if isinstance(node, list | tuple):
        seq = node if isinstance(node, CommentedSeq) else CommentedSeq(node)
        items: dict[str, Any] = node_schema.get("items", {})
        for i, value in enumerate(seq):
            seq[i] = canonical(value, items)
        if not seq or _is_span(node_schema, seq):
            seq.fa.set_flow_style()  # `[]` is flow style whatever we say; saying so keeps its comments
        else:
            seq.fa.set_block_style()
        return seq
    if isinstance(node, datetime | date):
        return node.isoformat()
    if isinstance(node, str):
        # A `|` block whose line starts with a tab is refused by libyaml (and so by `check_yaml`).
        if "\n" in node.strip("\n") and not any(line.startswith("\t") for line in node.split("\n")):
            return LiteralScalarString(str(node))
        return SingleQuotedScalarString(node) if YAML11_NOT_STR.fullmatch(node) else str(node)
    return node


def _is_span(node_schema: dict[str, Any], seq: list[Any]) -> bool:
    """Short lists of numbers (offsets) read best on one line."""
    if node_schema.get("items", {}).get("type") == "integer" and node_schema.get("maxItems"):
        return True
    return bool(seq) and len(seq) <= 4 and all(isinstance(v, int) and not isinstance(v, bool) for v in seq)


def dumps(data: Any, header: str = "") -> str:
    """Canonical YAML text of a briefing (plain dict or round-trip node), `header` first.

    Plain data (fresh machine output) is written by `emitter`, twenty times faster; round-trip
    nodes (editors' files, with their comments: merges, `fmt`) and what `emitter` declines go
    through ruamel. Both give the same bytes for the same data.
    """
    text = emitter.dumps(data, schema()) if type(data) is dict else None
    if text is None:
        return ruamel_dumps(data, header)
    return header + text if header and not text.startswith(HEADER_PREFIX) else text


def ruamel_dumps(data: Any, header: str = "") -> str:
    """`dumps` through ruamel.yaml's round-trip dumper, whatever `data` is."""
    buf = io.StringIO()
    _yaml().dump(canonical(data), buf)
    text = buf.getvalue()
    if header and not text.startswith(HEADER_PREFIX):
        text = header + text
    return text


def loads(text: str, path: str) -> Any:
    """Parse YAML text, raising BriefingsError naming file and line on any syntax problem."""
    check_yaml(text, path)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        what = (exc.problem or exc.context or "invalid YAML").strip()
        raise BriefingsError(Problem(path, line, "yaml", explain(what), column=col)) from None
    except YAMLError as exc:
        raise BriefingsError(Problem(path, None, "yaml", f"invalid YAML: {exc}")) from None


class _CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's C parser with YAML 1.2 core types, exactly as ruamel reads them: `yes` stays text."""

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        pairs = node.value if isinstance(node, yaml.MappingNode) else ()  # `!!map x`: refused below
        for key_node, _ in pairs:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _duplicate(key, key_node)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_core_int(self, node: Any) -> int:
        text = str(self.construct_scalar(node)).replace("_", "")
        sign = -1 if text.startswith("-") else 1
        text = text.lstrip("+-")
        for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
            if text.startswith(prefix):
                return sign * int(text[2:], base)
        return sign * int(text, 10)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """PyYAML's `resolve` for this loader (no path or wildcard rules), without its generic
        steps: the C parser asks it once for every scalar of every file."""
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG


def _duplicate(key: Any, key_node: yaml.Node) -> yaml.YAMLError:
    return yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)


def _core_types() -> None:
    from ruamel.yaml import resolver as ruamel_resolver

    for versions, tag, regexp, first in ruamel_resolver.implicit_resolvers:
        if (1, 2) in versions:  # the pattern itself: ruamel's lazy wrapper costs a call each match
            _CoreLoader.add_implicit_resolver(tag, re.compile(regexp.pattern, regexp.flags), first)
    _CoreLoader.add_constructor("tag:yaml.org,2002:int", _CoreLoader.construct_core_int)


_core_types()
_IMPLICIT_TAGS = frozenset(tag for rules in _CoreLoader.yaml_implicit_resolvers.values() for tag, _ in rules)
assert None not in _CoreLoader.yaml_implicit_resolvers and not _CoreLoader.yaml_path_resolvers
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq"))
_SCALARS = {
    f"tag:yaml.org,2002:{t}": _CoreLoader.yaml_constructors[f"tag:yaml.org,2002:{t}"]
    for t in ("str", "int", "float", "bool", "null")
}
_KIND: dict[str, type[yaml.Node]] = {
    **dict.fromkeys(_SCALARS, yaml.ScalarNode),
    _MAP: yaml.MappingNode,
    _SEQ: yaml.SequenceNode,
}


class _Unusual(Exception):
    """A node that `_plain_tree` leaves to PyYAML's constructor (a timestamp, a merge key)."""


def _plain_tree(loader: Any, node: Any) -> Any:
    """What `to_plain(loader.construct_document(node))` gives for a tree of core types without
    aliases (`node_ok`), in one pass that builds nothing twice."""
    tag = node.tag
    if _KIND.get(tag) is not type(node):
        raise _Unusual
    if tag == _STR:
        return node.value
    if tag == _MAP:
        keys: list[Any] = []
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag not in _SCALARS:
                raise _Unusual
            key = _plain_tree(loader, key_node)
            if key in seen:
                raise _duplicate(key, key_node)
            keys.append(key)
            seen.add(key)
        return {str(k): _plain_tree(loader, v) for k, (_, v) in zip(keys, node.value, strict=True)}
    if tag == _SEQ:
        return [_plain_tree(loader, item) for item in node.value]
    return to_plain(_SCALARS[tag](loader, node))


def loads_plain(text: str, path: str) -> Any:
    """Fast reading to plain data, for readers that need no comments or line numbers.

    Same values as `loads` (YAML 1.2 core types, duplicate keys refused, the same safety limits),
    several times faster. Raises BriefingsError; `loads` then says where, if a reader wants that.
    """
    loader = _CoreLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if not node_ok(node, () if "!" in text else _IMPLICIT_TAGS):
            check_yaml(text, path)  # refuses (saying where) what the tree could only suspect
        try:
            return _plain_tree(loader, node)
        except _Unusual:
            return to_plain(loader.construct_document(node))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise BriefingsError(
            Problem(path, line, "yaml", explain(str(getattr(exc, "problem", None) or exc)))
        ) from None
    finally:
        loader.dispose()


def load_plain(path: Path) -> Any:
    return loads_plain(read_text(path), str(path))


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


def write_atomic(path: Path, text: str, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file.

    Every file the tool writes goes through here. The temporary file is hidden (`.name.*.tmp`),
    so one left by a killed process is never taken for a briefing. `durable=False` skips the
    fsync, for files that only cost time if a crash loses them (caches).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it already holds exactly that; True if written.

    Leaving an identical file alone keeps its mtime, so `mkdocs serve` does not rebuild for it.
    """
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    return True


def briefing_files(paths: list[Path]) -> list[Path]:
    """Briefing files: files as given, folders searched (skipping hidden folders and the registry)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(
                f
                for f in p.rglob("*")
                if f.suffix in (".yaml", ".yml")
                and f.name != REGISTRY_NAME
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.name != REGISTRY_NAME:
            out.append(p)
    return out


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
    if key is not None:
        return None, None  # a missing key: the caller points at the nearest parent instead
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
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def skeleton(
    bid: str,
    title: str,
    file: str,
    *,
    name: str | None = None,
    url: str | None = None,
    author: str | None = None,
    published: str | None = None,
    sha256: str | None = None,
) -> dict[str, Any]:
    """An empty briefing for an editor to fill by hand: every list present, so the shape shows."""
    source = Source(file=file, name=name, url=url, author=author, published=published, sha256=sha256)
    return Briefing(id=bid, title=title, source=source, origin="hand").to_dict()
