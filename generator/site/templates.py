"""The Jinja2 environment every page is rendered with, and where the built-in templates are.

Everything taken from YAML goes into raw HTML blocks through this autoescaping environment,
never into Markdown syntax: a title such as `*x* [a](javascript:...)` or `<script>` shows as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import periods
from . import text
from .urls import safe_url, slug

PACKAGE = Path(__file__).resolve().parent.parent
EDIT_MARKER = "<!-- briefings:edit -->"
"""Where a briefing page's edit button goes; the plugin fills it in once MkDocs knows the URL."""
KIND_LABELS = {"person": "People", "organization": "Organizations", "group": "Groups", "place": "Places"}
KIND_LABEL = {"person": "Person", "organization": "Organization", "group": "Group", "place": "Place"}


def kind_label(kind: str, n: int = 1) -> str:
    """The heading over `n` actors of a kind: `Person` above one, `People` above two."""
    return (KIND_LABEL if n == 1 else KIND_LABELS).get(kind, kind)


def builtin_templates(package: Path = PACKAGE) -> Path:
    """The templates that ship with the project: `generator/_templates` in an installed wheel
    (the build copies the top-level `templates/` there), else the top-level `templates/` of the
    checkout that `package` lies in (an editable install or a development tree)."""
    packaged = package / "_templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


BUILTIN_TEMPLATES = builtin_templates()


def _finalize(value: Any) -> Any:
    """Fold line breaks in values: a YAML line must never start a Markdown line of its own."""
    if isinstance(value, Markup) or not isinstance(value, str) or "\n" not in value:
        return value
    return re.sub(r"\s*\n\s*", " ", value)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def environment(templates_dir: Path | None = None) -> Environment:
    """Site templates first (file by file), then the built-in ones; autoescape everywhere."""
    loaders = [FileSystemLoader(str(templates_dir))] if templates_dir and templates_dir.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(BUILTIN_TEMPLATES))]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.filters.update(
        iso_label=periods.label,
        day_label=text.day_label,
        month_label=text.month_label,
        week_label=text.week_label,
        age=text.age_label,
        safe_url=safe_url,
        slug=slug,
        plural=_plural,
        kind_label=kind_label,
    )
    env.globals.update(kind_labels=KIND_LABELS, edit_marker=Markup(EDIT_MARKER))
    return env
