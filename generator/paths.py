"""Where a briefing may point: source files inside the project, never outside it."""

from __future__ import annotations

from pathlib import Path


def source_path(file: str, root: Path) -> Path | None:
    """The source file of a briefing, if it lies inside `root`; None for anything else.

    `source.file` comes from YAML that anyone can edit in a pull request; reading it to check
    quotes or to show the article must not turn into reading /etc/passwd or ../secrets.
    """
    if not file or "\x00" in file:
        return None
    root = root.resolve()
    candidate = Path(file)
    candidate = (candidate if candidate.is_absolute() else root / candidate).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate if candidate.is_file() else None
