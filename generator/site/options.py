"""What the rendered site shows: the one place the rendering options and their defaults live.

The MkDocs plugin's config (`generator/config.py`) takes its defaults for these options from
`Options`, and `from_settings` builds `Options` from that config by field name, so an option is
declared, defaulted and documented here once. Usable without MkDocs (tests, other tools).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Options:
    """Rendering options. Those up to `feed_size` are plugin options of the same name in
    mkdocs.yml; the plugin takes the rest from the MkDocs site (`site_name`, `site_url`,
    `use_directory_urls`) and its own `templates_dir`, resolved to a folder."""

    home_weeks: int = 3
    """How many of the latest weeks that have briefings the home page shows; older weeks go to
    the monthly archive pages."""

    listing_limit: int = 25
    """How many of a speaker's latest quotes /quotes/ and their actor page show (and twice as
    many dated events on the actor page). The actor page still lists every briefing the actor
    is in, where the rest are; so no page grows with the whole history."""

    timeline_months: int = 3
    """How many of the latest months /timeline/ shows in full; every month has its own page
    (/timeline/2023-11/), so no page grows with the whole history."""

    main_actors: int = 5
    """How many actors a digest entry names, and how many actor names are search tags."""

    search_boost: float = 2.0
    """Search weight of briefing pages relative to other pages (Material's `search.boost`)."""

    search_source_text: bool = False
    """Index the full source text for search (off: the index stays small and quote phrases
    find the quotes section, not the raw text)."""

    as_of: str | date | None = None
    """The day the site is "as of" (YYYY-MM-DD): /upcoming/ and calendar.ics list what is dated
    after it, and open questions are aged to it. Default: the publication date of the newest
    briefing, so that the same briefings always build the same site."""

    feed_size: int = 50
    """Number of newest briefings in feed.xml and of weeks in digest.xml (briefings.json always
    has every briefing)."""

    site_name: str = "Briefings"
    """The site's name: the home page title and the feed title."""

    site_url: str | None = None
    """The site's address; with it, feed links are absolute."""

    directory_urls: bool = True
    """Pages at `x/` rather than `x.html` (MkDocs' `use_directory_urls`)."""

    templates_dir: Path | None = None
    """Folder of templates that override the built-in ones file by file."""

    yaml_pages: bool = False
    """A page showing each briefing's YAML (`yaml_view.py`), for a site whose edit button has no
    repository editor to open."""


def from_settings(settings: Mapping[str, Any], **site: Any) -> Options:
    """`Options` from every field of the same name in `settings` (the plugin's config), and the
    site's own settings given by keyword (`site_name=...`), which win over `settings`."""
    chosen = {f.name: settings[f.name] for f in fields(Options) if f.name in settings}
    return Options(**{**chosen, **site})
