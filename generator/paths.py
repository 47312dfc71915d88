"""Where a briefing may point: source files inside the project, never outside it."""

from __future__ import annotations

from pathlib import Path


def source_path(file: str, root: Path) -> Path | None:
    """The source file of a briefing, if it lies inside `root`; None for anything else.

    `source.file` comes from YAML that anyone can edit in a pull request; reading it to check
    quotes or to show the article must not turn into reading /etc/passwd or ../secrets.
    """
    candidate = _resolved(file, root)
    try:
        return candidate if candidate is not None and candidate.is_file() else None
    except (OSError, ValueError):  # a name too long for the file system
        return None


def outside(file: str, root: Path) -> bool:
    """Whether `file` names a place outside `root` (after `..` and symbolic links): never read."""
    return bool(file) and _resolved(file, root) is None


def _resolved(file: str, root: Path) -> Path | None:
    if not file or "\x00" in file:
        return None
    root = root.resolve()
    candidate = Path(file)
    try:
        candidate = (candidate if candidate.is_absolute() else root / candidate).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop, a name too long
        return None
    if candidate != root and root not in candidate.parents:
        return None
    return candidate
