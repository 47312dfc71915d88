"""A briefing's YAML as a page to read, for a site without a repository editor to send editors to.

A `.yaml` file is served as a download (`application/octet-stream` or `application/x-yaml`); this
page shows the same text in the browser, with numbered lines that `briefings validate` messages
point at (`#L12`). A small standalone HTML document (no theme, no script), so that thousands of
them cost next to nothing to build; its colours follow the reader's light or dark setting.
"""

from __future__ import annotations

from html import escape

STYLE = """
:root { color-scheme: light dark; --fg: #1f2328; --soft: #57606a; --bg: #ffffff; --tint: #f6f8fa;
  --a: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --soft: #9da7b3; --bg: #0d1117; --tint: #161b22; --a: #79b8ff; }
}
body { margin: 0 auto; max-width: 62rem; padding: 1rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--a); }
h1 { font-size: 1.3rem; margin: 0.6rem 0 0.2rem; overflow-wrap: anywhere; }
p { margin: 0.3rem 0 1rem; color: var(--soft); }
pre { background: var(--tint); padding: 0.8rem 0; border-radius: 6px; overflow-x: auto; font-size: 14px;
  line-height: 1.45; }
pre span { display: block; padding-right: 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
  padding-left: 4.2em; text-indent: -3.4em; }
pre span:target { background: rgba(255, 190, 0, 0.25); }
pre a { display: inline-block; width: 2.6em; margin-right: 0.8em; text-indent: 0; text-align: right;
  color: var(--soft); text-decoration: none; }
""".strip()


def path(bid: str) -> str:
    """Where the page of a briefing's YAML is, beside the briefing's page."""
    return f"briefings/{bid}/yaml.html"


def page(text: str, file: str, title: str, back: str) -> str:
    """The HTML of the page: `file` as the editor knows it, the briefing's `title`, a link `back`."""
    lines = escape(text, quote=False).splitlines() or [""]  # escaping adds and removes no line break
    numbered = "".join(
        f'<span id="L{n}"><a href="#L{n}">{n}</a>{line}</span>' for n, line in enumerate(lines, start=1)
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n<link rel="icon" href="data:,">\n'
        f"<title>{escape(file)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        '<body data-pagefind-ignore="all">\n'
        f'<p><a href="{escape(back)}">← {escape(title)}</a></p>\n'
        f"<h1>{escape(file)}</h1>\n"
        "<p>The briefing as an editor sees it. To change it, edit this file in the project's "
        "repository (with <code>repo_url</code> and <code>edit_uri</code> in mkdocs.yml, the "
        "site's edit button opens it in the repository's editor).</p>\n"
        f"<pre><code>{numbered}</code></pre>\n</body>\n</html>\n"
    )
