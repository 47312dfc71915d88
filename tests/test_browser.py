"""The built site in a real browser: Debian's Chromium driven by Playwright, desktop and phone.

Screenshots go to build/screenshots/ for a person to look at. Chromium is installed here when
missing (CI is a fresh machine and runs as root), never downloaded by Playwright itself.
"""

from __future__ import annotations

import functools
import os
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_site import make_site, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BRIEFING = "briefings/2023-11-03-envoys-agree-to-meet-again/"
PAGES = {
    "home": "",
    "briefing": BRIEFING,
    "actor": "actors/ana-ruiz/",
    "xss": "briefings/2023-09-01-xss/",
    "quotes": "quotes/",
    "timeline": "timeline/",
    "actors": "actors/",
    "stories": "stories/",
    "story": "stories/2023-10-20-earlier-talks/",
    "upcoming": "upcoming/",
    "week": "digest/2023-W44/",
    "questions": "questions/",
}


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core"],
            check=True,
            env=env,
            capture_output=True,
        )
    assert CHROMIUM.exists()
    return CHROMIUM


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root, _ = make_site(tmp_path_factory.mktemp("browser"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
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


def open_page(browser: Any, viewport: str, base: str) -> tuple[Any, list[str], list[str]]:
    """A page that records console errors and every request that leaves the local server."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((base, "data:")) else outside.append(r.url))
    return page, errors, outside


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_render_without_errors(browser: Any, served: str, viewport: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, errors, outside = open_page(browser, viewport, served)
    for name, path in PAGES.items():
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[viewport]["width"], f"{name} scrolls sideways"
        page.screenshot(path=str(SHOTS / f"{name}-{viewport}.png"), full_page=True)
    page.goto(served + BRIEFING)
    assert page.locator(".bf-badge--draft").first.is_visible()
    assert page.locator("svg.bf-tl circle").count() == 2
    assert page.locator("nav.bf-story-nav a[rel='prev']").is_visible()  # its story, the briefing before
    page.goto(served)
    assert page.locator(".bf-this-week").is_visible()  # the home page opens with the latest week
    page.goto(served + "questions/")
    assert page.locator(".bf-badge--due").first.is_visible()
    page.close()
    assert errors == []
    assert outside == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_finds_the_briefing_by_a_quoted_phrase(browser: Any, served: str, viewport: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, errors, outside = open_page(browser, viewport, served)
    page.goto(served)
    page.wait_for_load_state("networkidle")
    if viewport == "phone":
        page.click("label.md-header__button[for='__search']")
    else:
        page.click(".md-search__input")
    page.keyboard.type("leave without an agreement", delay=20)
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(state="visible", timeout=15000)
    page.screenshot(path=str(SHOTS / f"search-{viewport}.png"), full_page=False)
    assert BRIEFING in (first.get_attribute("href") or "")
    first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0].endswith(BRIEFING)
    page.close()
    assert errors == []
    assert outside == []
