"""Limits on untrusted YAML, checked on the event stream before anything is built.

Briefings come from pull requests: a file may carry object-constructing tags, alias bombs or
nesting deep enough to exhaust the stack. None of that is needed for a briefing, so we refuse it
with a located message instead of building it.
"""

from __future__ import annotations

from collections.abc import Collection

import yaml

from .errors import BriefingsError, Problem
from .yaml_messages import explain

MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_SCALAR = 100_000
ALLOWED_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALLOWED_NODE_TAGS = {t for t in ALLOWED_TAGS if t and t != "!"}


def node_ok(root: yaml.Node, implicit_tags: Collection[str] = ()) -> bool:
    """The limits of `check_yaml`, checked on a composed node tree (no second parse).

    libyaml refuses nesting deeper than 1000 while composing, so composing first is safe. False
    means "not sure": `check_yaml` must run on the text, to refuse it and say where (a tree cannot
    tell an alias from the node it repeats). `implicit_tags` are the tags plain scalars may
    resolve to (e.g. a timestamp) when the text has no explicit tag.
    """
    allowed = _ALLOWED_NODE_TAGS.union(implicit_tags)
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or node.tag not in allowed or len(seen) >= MAX_NODES:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_SCALAR:
                return False
        elif depth >= MAX_DEPTH:
            return False
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += ((key, depth + 1), (value, depth + 1))
        else:
            stack += ((item, depth + 1) for item in node.value)
    return True


def check_yaml(text: str, path: str) -> None:
    """Raise BriefingsError at the first alias, foreign tag, over-deep or oversized node."""
    depth = nodes = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else None
            col = event.start_mark.column + 1 if event.start_mark else None

            def refuse(message: str, line: int | None = line, col: int | None = col) -> None:
                raise BriefingsError(Problem(path, line, "yaml", message, column=col))

            if isinstance(event, yaml.AliasEvent):
                refuse(f"YAML aliases (*{event.anchor}) are not allowed in a briefing")
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    refuse(f"too many YAML nodes (more than {MAX_NODES})")
                tag = getattr(event, "tag", None)
                if tag not in ALLOWED_TAGS:
                    refuse(f"YAML tag {tag!r} is not allowed in a briefing")
            if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_SCALAR:
                refuse(f"text longer than {MAX_SCALAR} characters")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    refuse(f"nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        what = (exc.problem or exc.context or "invalid YAML").strip()
        raise BriefingsError(Problem(path, line, "yaml", explain(what), column=col)) from None
    except yaml.YAMLError as exc:
        raise BriefingsError(Problem(path, None, "yaml", f"invalid YAML: {exc}")) from None
