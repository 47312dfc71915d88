"""Options of the `briefings` MkDocs plugin, as a MkDocs config schema.

Each option is documented where it is declared, the way mkdocs-material does it, so that the
schema is the reference; the options of what the pages show are `generator.site.options.Options`
fields of the same name, documented and defaulted there and passed on by name. Paths are relative
to the folder that holds `mkdocs.yml`.
"""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .site.options import Options


class BriefingsConfig(Config):
    """`plugins: - briefings: {...}` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. to preview only hand-written pages)."""

    briefings_dir = c.Type(str, default="briefings")
    """Folder of briefing YAML files; every `*.yaml` in it (except the registry) becomes a page."""

    templates_dir = c.Type(str, default="templates")
    """Folder of Jinja2 templates that override the built-in ones file by file (same names)."""

    registry = c.Type(str, default="briefings/actors.yaml")
    """Optional curated actor registry (`id`, `name`, `kind`, `description`, `aliases`);
    a missing file means no registry."""

    source_root = c.Optional(c.Type(str))
    """Folder that `source.file` paths are relative to; default: the folder of mkdocs.yml
    (where `briefings extract` runs). Only files inside it are read, and the source text is
    shown only if its sha256 still matches."""

    # What the pages show: declared, defaulted and documented once, in generator/site/options.py.
    home_weeks = c.Type(int, default=Options.home_weeks)
    listing_limit = c.Type(int, default=Options.listing_limit)
    timeline_months = c.Type(int, default=Options.timeline_months)
    main_actors = c.Type(int, default=Options.main_actors)
    search_boost = c.Type((int, float), default=Options.search_boost)
    search_source_text = c.Type(bool, default=Options.search_source_text)
    as_of = c.Optional(c.Type((str, date)))
    feed_size = c.Type(int, default=Options.feed_size)

    search_boost_sections = c.Type((int, float), default=3.0)
    """Extra search weight of the quotes section of a briefing page."""

    search_boost_actors = c.Type((int, float), default=10.0)
    """Search weight of an actor's page, found by the actor's names (accents optional): above
    the briefings that name the actor (`search_boost` times `search_boost_sections`), which the
    actor's page lists."""

    pagefind = c.Type(bool, default=False)
    """Search with Pagefind instead of Material's index (`pip install 'pagefind[bin]==1.5.2'`):
    indexed after the build, loaded by the browser in small chunks, so a first search downloads
    under 0.5 MB instead of Material's whole index (49 MB at 5000 briefings). Material's search
    box stays; `js/pagefind-search.js` (site_assets/) answers it and must be in docs_dir."""

    jobs = c.Type(int, default=0)
    """Processes that read, check and render the briefings (0: one per CPU core). Sites of
    fewer than 200 briefings, and `mkdocs serve` (for rendering), use the build's own process."""

    publish_yaml = c.Type(bool, default=True)
    """Copy each YAML file next to its page (`/briefings/<id>.yaml`); the edit button links
    there when the site has no `repo_url`/`edit_uri`."""
