"""The built site in a real browser: Debian's Chromium driven by Playwright, desktop and phone,
light and dark. What a reader sees: every briefing in the archive, a timeline picture whose text
is readable on a phone, one edit control, colours with enough contrast, search that finds an
actor's page first.

Screenshots go to build/screenshots/ for a person to look at. The browser is Debian's Chromium,
which `make test` installs when missing (`make browser-deps`); Playwright never downloads one.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_site import make_site, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BRIEFING = "briefings/2023-11-03-envoys-agree-to-meet-again/"
PAGES = {
    "home": "",
    "briefing": BRIEFING,
    "actor": "actors/ana-ruiz/",
    "xss": "briefings/2023-09-01-xss/",
    "quotes": "quotes/",
    "timeline": "timeline/",
    "actors": "actors/",
    "archive": "archive/",
    "month": "archive/2023-10/",
    "tags": "tags/",
    "stories": "stories/",
    "story": "stories/2023-10-20-earlier-talks/",
    "upcoming": "upcoming/",
    "week": "digest/2023-W44/",
    "questions": "questions/",
}
MIN_CONTRAST = 4.5


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium (or the browser BRIEFINGS_CHROMIUM names): `make test` installs it first
    (`make browser-deps`), so on a clean machine these tests run, never skip."""
    named = os.environ.get("BRIEFINGS_CHROMIUM")
    found = [named] if named else [shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")]
    path = next((Path(f) for f in found if f and Path(f).exists()), None)
    assert path is not None, "no Chromium: run `make browser-deps` (apt), or set BRIEFINGS_CHROMIUM"
    return path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, threading.Thread, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_address[1]}/"


def _site(root: Path, *, repo: bool) -> Path:
    """The test site, showing one week on the home page (the rest only in the archive)."""
    make_site(root)
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8").replace("  - briefings\n", "  - briefings:\n      home_weeks: 1\n")
    if not repo:
        text = re.sub(r"^(repo_url|edit_uri): .*\n", "", text, flags=re.MULTILINE)
    yml.write_text(text, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server, thread, url = _serve(_site(tmp_path_factory.mktemp("browser"), repo=True))
    yield url
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def served_without_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server, thread, url = _serve(_site(tmp_path_factory.mktemp("browser-plain"), repo=False))
    yield url
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=ARGS)
        yield b
        b.close()


def open_page(
    browser: Any, viewport: str, base: str, scheme: str = "light"
) -> tuple[Any, list[str], list[str]]:
    """A page that records console errors and every request that leaves the local server."""
    page = browser.new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((base, "data:")) else outside.append(r.url))
    return page, errors, outside


def goto(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_render_without_errors(browser: Any, served: str, viewport: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page, errors, outside = open_page(browser, viewport, served, scheme)
        for name, path in PAGES.items():
            goto(page, served + path)
            assert page.locator("h1").first.is_visible()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= VIEWPORTS[viewport]["width"], f"{name} scrolls sideways"
            page.screenshot(path=str(SHOTS / f"{name}-{viewport}-{scheme}.png"), full_page=True)
        page.close()
        assert errors == []
        assert outside == []


def _hrefs(page: Any, selector: str) -> list[str]:
    return [str(h) for h in page.eval_on_selector_all(selector, "els => els.map(e => e.href)")]


def test_archive_and_month_pages_list_every_briefing_once(browser: Any, served: str) -> None:
    """The home page shows the latest week only: the others must all be one click from the archive."""
    everyone = {b["id"] for b in json.loads(_fetch(served + "briefings.json"))["briefings"]}
    page, errors, _ = open_page(browser, "desktop", served)
    goto(page, served + "archive/")
    months = _hrefs(page, "ul.bf-months a")
    assert len(months) == 3
    listed: list[str] = []
    for month in months:
        goto(page, month)
        listed += [re.sub(r".*/briefings/([^/]+)/$", r"\1", h) for h in _hrefs(page, ".bf-card__title a")]
    assert sorted(listed) == sorted(everyone)
    page.close()
    assert errors == []


def _fetch(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as r:
        return str(r.read().decode("utf-8"))


TEXT_SIZES = """
() => [...document.querySelectorAll("svg.bf-tl")].filter(s => s.getBoundingClientRect().width > 0)
  .flatMap(svg => [...svg.querySelectorAll("text")].map(t => ({
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
    fits: t.classList.contains("bf-tl-num")
      ? t.getBBox().width <= t.previousElementSibling.getBBox().width : true,
  })))
"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_timeline_picture_text_is_never_under_11px(browser: Any, served: str, viewport: str) -> None:
    """Drawn 720 units wide and scaled to a phone, its labels came out at 5 px: now a phone gets
    a drawing made for its width, and every number fits its marker."""
    page, errors, _ = open_page(browser, viewport, served)
    for path in (BRIEFING, "actors/ana-ruiz/"):
        goto(page, served + path)
        texts = page.evaluate(TEXT_SIZES)
        assert len(texts) >= 3, path
        small = [t for t in texts if t["px"] < 11]
        assert small == [], path
        assert all(t["fits"] for t in texts), path
    page.close()
    assert errors == []


def test_one_edit_control_opens_the_repository_editor(browser: Any, served: str) -> None:
    page, errors, _ = open_page(browser, "desktop", served)
    goto(page, served + BRIEFING)
    controls = page.locator("a.bf-edit, a.md-content__button")
    assert controls.count() == 1
    href = controls.first.get_attribute("href")
    assert (
        href
        == "https://git.example.org/team/digest/edit/main/briefings/2023-11-03-envoys-agree-to-meet-again.yaml"
    )
    assert controls.first.inner_text() == "Edit YAML"
    page.close()
    assert errors == []


def test_without_a_repository_the_edit_control_shows_the_yaml(browser: Any, served_without_repo: str) -> None:
    """Not a download: a page that shows the file, with numbered lines, light or dark."""
    base = served_without_repo
    for scheme in ("light", "dark"):
        page, errors, outside = open_page(browser, "phone", base, scheme)
        goto(page, base + BRIEFING)
        controls = page.locator("a.bf-edit, a.md-content__button")
        assert controls.count() == 1 and controls.first.inner_text() == "View YAML"
        with page.expect_response(lambda r: r.url.endswith("yaml.html")) as response:
            controls.first.click()
        assert response.value.headers["content-type"].startswith("text/html")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == "briefings/2023-11-03-envoys-agree-to-meet-again.yaml"
        assert page.locator("#L3").inner_text() == "3id: 2023-11-03-envoys-agree-to-meet-again"
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        assert _low_contrast(page) == []
        page.screenshot(path=str(SHOTS / f"yaml-view-{scheme}.png"), full_page=False)
        page.close()
        assert errors == [] and outside == []


CONTRAST = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")

CUSTOM = (
    '.md-content [class*="bf-"], .md-content [class*="bf-"] *, .md-header *, .md-tabs *, '
    ".md-content a, .md-typeset h1, .md-typeset h2, .md-typeset h3, body > p, main *, pre *"
)
"""Everything the site's own colours reach: our classes, links and headings in the palette's
colours, the header and tabs on the custom primary colour, the plain 404 and YAML pages."""


def _low_contrast(page: Any) -> list[str]:
    return [str(x) for x in page.evaluate(CONTRAST, {"selector": CUSTOM, "min": MIN_CONTRAST})]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_custom_colour_pair_has_contrast(browser: Any, served: str, scheme: str) -> None:
    """WCAG AA (4.5:1) for every text on every page type, and the edit control when pointed at
    or focused (it was 3:1)."""
    page, _, _ = open_page(browser, "desktop", served, scheme)
    low: list[str] = []
    for name, path in PAGES.items():
        goto(page, served + path)
        low += [f"{name}: {x}" for x in _low_contrast(page)]
    goto(page, served + BRIEFING)
    page.hover("a.bf-edit")
    page.wait_for_timeout(400)  # the theme's colour transition
    low += [f"edit hovered: {x}" for x in _low_contrast(page)]
    page.mouse.move(0, 0)
    page.focus("a.bf-edit")
    page.wait_for_timeout(400)
    low += [f"edit focused: {x}" for x in _low_contrast(page)]
    goto(page, served + "no-such-page/")
    low += [f"404: {x}" for x in _low_contrast(page)]
    page.close()
    assert low == [], "\n".join(low)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_navigation_shows_where_a_page_belongs(browser: Any, served: str, viewport: str) -> None:
    """The section's tab is highlighted (desktop); a long page has a table of contents on a phone."""
    page, errors, _ = open_page(browser, viewport, served)
    for path, tab in [
        (BRIEFING, "Archive"),
        ("actors/ana-ruiz/", "Actors"),
        ("archive/2023-10/", "Archive"),
        ("timeline/2023-11/", "Timeline"),
        ("quotes/", "Quotes"),
    ]:
        goto(page, served + path)
        assert page.locator(".md-tabs__item--active").inner_text(timeout=2000).strip() == tab, path
    for path in (BRIEFING, "quotes/", "tags/"):
        goto(page, served + path)
        toc = page.locator("nav.bf-toc")
        if viewport == "phone":
            assert toc.is_visible(), path
            toc.locator("summary").click()
            assert toc.locator("a").count() >= 2
        else:
            assert not toc.is_visible() and page.locator(".md-sidebar--secondary .md-nav__link").count() >= 2
    page.close()
    assert errors == []


def _search(page: Any, base: str, viewport: str, query: str) -> list[str]:
    goto(page, base)
    if viewport == "phone":
        page.click("label.md-header__button[for='__search']")
    else:
        page.click(".md-search__input")
    page.keyboard.type(query, delay=20)
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(state="visible", timeout=15000)
    found: list[str] = []
    for _ in range(50):  # results come for each letter typed: wait until they stop changing
        page.wait_for_timeout(300)
        now = _hrefs(page, ".md-search-result__item > a.md-search-result__link")
        if now == found:
            break
        found = now
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_finds_the_briefing_by_a_quoted_phrase(browser: Any, served: str, viewport: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, errors, outside = open_page(browser, viewport, served)
    found = _search(page, served, viewport, "leave without an agreement")
    page.screenshot(path=str(SHOTS / f"search-{viewport}.png"), full_page=False)
    # Material's search takes every word as a prefix: "an" also finds "Ana Ruiz", the speaker,
    # whose page comes first. The first briefing is the one with the quote.
    briefings = [i for i, url in enumerate(found) if "/briefings/" in url]
    assert briefings and BRIEFING in found[briefings[0]], found
    page.locator(".md-search-result__item a.md-search-result__link").nth(briefings[0]).click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0].endswith(BRIEFING)
    page.close()
    assert errors == []
    assert outside == []


def test_search_results_show_markup_from_yaml_as_text(browser: Any, served: str) -> None:
    """A name such as `<img src=x onerror=...>` is shown, not run, in a result's title or tags."""
    page, errors, _ = open_page(browser, "desktop", served)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    found = _search(page, served, "desktop", "onerror")
    assert any(url.endswith("actors/xss-actor/") for url in found)
    assert page.locator(".md-search-result img").count() == 0
    page.close()
    assert dialogs == [] and errors == []


@pytest.mark.parametrize(
    ("query", "actor"),
    [("Ruiz", "actors/ana-ruiz/"), ("Ana Ruiz", "actors/ana-ruiz/"), ("Nunez", "actors/jose-nunez/")],
)
def test_search_ranks_the_actor_page_first_for_a_name(
    browser: Any, served: str, query: str, actor: str
) -> None:
    """Above the briefings that name them ("Trump" gave the actor page 7th), with or without the
    name's accents ("Nunez" finds "Núñez"); a snippet is never a list of people."""
    page, errors, _ = open_page(browser, "desktop", served)
    found = _search(page, served, "desktop", query)
    assert found[0].endswith(actor), found
    snippets = page.locator(".md-search-result__article p").all_inner_texts()
    assert not any(s.count("×") > 1 for s in snippets), snippets
    page.close()
    assert errors == []


def test_reading_across_briefings_is_visible(browser: Any, served: str) -> None:
    """A briefing shows its story and the briefing before; the home page opens with the latest
    week; a question whose date has passed is marked for review; the calendar is one click away."""
    page, errors, outside = open_page(browser, "phone", served)
    goto(page, served + BRIEFING)
    assert page.locator("nav.bf-story-nav a[rel='prev']").is_visible()
    goto(page, served)
    assert page.locator(".bf-this-week").is_visible()
    goto(page, served + "questions/")
    assert page.locator(".bf-badge--due").first.is_visible()
    goto(page, served + "upcoming/")
    assert page.locator("a[href$='calendar.ics']").first.is_visible()
    page.close()
    assert errors == []
    assert outside == []
