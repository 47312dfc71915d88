"""`briefings fmt`: rewrite briefings in the canonical form of `store.dumps`, comments kept.

Formatting is about the text, not its meaning: any file that parses as a YAML mapping is
formatted, also one with an unknown speaker or a wrong type (`briefings validate` says what is
wrong with it; CI would otherwise print each such problem twice). A file that does not parse, or
whose data the canonical form would change, is reported and left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from . import store
from .errors import BriefingsError, Problem


def format_text(text: str, path: Path) -> str:
    """The canonical form of a briefing's YAML text; comments are kept."""
    root = store.loads(text, str(path))
    if not isinstance(root, CommentedMap):
        what = "an empty file" if root is None else "not a mapping of keys to values"
        raise BriefingsError(Problem(str(path), 1, None, f"not a briefing: {what}"))
    return store.dumps(root, store.header_for(path.parent))


def format_paths(paths: list[Path], write: bool = True) -> tuple[list[Path], list[Problem]]:
    """Canonical form for every briefing under `paths`: the files not yet in it, and problems
    (files that are not YAML mappings; nothing about their meaning)."""
    changed: list[Path] = []
    problems: list[Problem] = []
    for f in store.briefing_files(paths):
        if not f.exists():
            problems.append(Problem(str(f), None, None, "no such file"))
            continue
        try:  # the file may have changed or gone since it was listed
            text = store.read_text(f)
            formatted = format_text(text, f)
            if formatted != text:
                same_data(text, formatted, f)
                changed.append(f)
                if write:
                    store.write_atomic(f, formatted)
        except BriefingsError as exc:
            problems += exc.problems
        except OSError as exc:
            problems.append(Problem(str(f), None, None, f"cannot write: {exc.strerror or exc}"))
    return changed, problems


def same_data(text: str, formatted: str, path: Path) -> None:
    """Refuse a canonical form that reads back as other data than the file (a net under `fmt`,
    which now formats files whatever they mean)."""
    if store.to_plain(store.loads(formatted, str(path))) != store.to_plain(store.loads(text, str(path))):
        raise BriefingsError(
            Problem(str(path), 1, None, "not formatted: its canonical form would change its data")
        )
