"""One problem type and one message format, from ingestion to validation to the MkDocs build."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, located well enough for an editor to jump to it."""

    path: str
    line: int | None
    field: str | None
    message: str
    column: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        head = f"{where}: {self.field}: " if self.field else f"{where}: "
        tag = "warning: " if self.severity == "warning" else ""
        return f"{head}{tag}{self.message}"


class BriefingsError(Exception):
    """An error that carries problems to report, never a traceback."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
