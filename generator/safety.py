"""Limits on untrusted YAML, checked on the event stream before anything is built.

Briefings come from pull requests: a file may carry object-constructing tags, alias bombs or
nesting deep enough to exhaust the stack. None of that is needed for a briefing, so we refuse it
with a located message instead of building it.
"""

from __future__ import annotations

import yaml

from .errors import BriefingsError, Problem

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
        raise BriefingsError(Problem(path, line, "yaml", f"invalid YAML: {what}", column=col)) from None
    except yaml.YAMLError as exc:
        raise BriefingsError(Problem(path, None, "yaml", f"invalid YAML: {exc}")) from None
