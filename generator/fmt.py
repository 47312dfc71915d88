"""`briefings fmt`: rewrite valid briefings in the canonical form of `store.dumps`, comments kept.

Above validation (only a briefing that validates is rewritten) and above `store` (which writes
any YAML and knows nothing about validity).
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from . import store
from .errors import BriefingsError, Problem
from .validate import validate_paths


def format_text(text: str, path: Path) -> str:
    """The canonical form of a briefing's YAML text; comments are kept."""
    root = store.loads(text, str(path))
    if not isinstance(root, CommentedMap):
        what = "an empty file" if root is None else "not a mapping of keys to values"
        raise BriefingsError(Problem(str(path), 1, None, f"not a briefing: {what}"))
    return store.dumps(root, store.header_for(path.parent))


def format_paths(paths: list[Path], write: bool = True) -> tuple[list[Path], list[Problem]]:
    """Canonical form for every briefing under `paths`: the files not yet in it, and problems.

    Only valid briefings are formatted: one with errors is reported as `validate` reports it and
    left exactly as it was, so `fmt` never rewrites a file nobody can read back the same way.
    """
    files = store.briefing_files(paths)
    problems = validate_paths(files).errors
    bad = {p.path for p in problems}
    changed: list[Path] = []
    for f in files:
        if str(f) in bad:
            continue
        try:  # the file may have changed or gone since it was validated
            text = store.read_text(f)
            formatted = format_text(text, f)
            if formatted != text:
                changed.append(f)
                if write:
                    store.write_atomic(f, formatted)
        except BriefingsError as exc:
            problems += exc.problems
        except OSError as exc:
            problems.append(Problem(str(f), None, None, f"cannot write: {exc.strerror or exc}"))
    return changed, problems
