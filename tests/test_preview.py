"""The preview (`make serve`): a save re-checks and re-renders only what it changed, and gives the
same pages as a full build; a file with errors shows as a page of problems, and the next good
save brings the page back, in a real `mkdocs serve` process."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from test_site import MKDOCS, make_site

from generator.site import cache, data, render
from generator.site.options import Options

BRIEFING = "2023-11-03-envoys-agree-to-meet-again"
EARLIER = "2023-10-20-earlier-talks"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Compare:
    """Loads and renders a site folder through one `Preview` and from scratch, and compares."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.preview = cache.Preview()
        self.options = Options(site_url="https://digest.example.org/")

    def step(self) -> tuple[int, int, list[str]]:
        """(files checked, pages rendered, errors) of a rebuild; fails unless equal to a full build."""
        folder, registry = self.root / "briefings", self.root / "briefings" / "actors.yaml"
        loaded, errors = self.preview.loads.load(folder, self.root, registry)
        env = self.preview.environment(self.options)
        memo = self.preview.pages
        kept = list(render.iter_site(loaded.entries, self.options, loaded.registry, memo=memo, env=env))
        made = memo.made
        memo.finish()
        messages = [str(p) for p in errors]
        if not errors:
            full = data.load_site(folder, self.root, registry)
            assert cache.without_token(loaded).entries == full.entries
            assert loaded.registry == full.registry
            assert kept == list(render.iter_site(full.entries, self.options, full.registry))
        return self.preview.loads.checked, made, messages


def test_a_save_rebuilds_only_what_changed_and_equals_a_full_build(tmp_path: Path) -> None:
    root, _ = make_site(tmp_path)
    site = Compare(root)
    checked, made, _ = site.step()
    assert checked == 4
    total = made
    assert site.step()[:2] == (0, 0)  # nothing changed: nothing read again, nothing rendered

    briefings = root / "briefings"
    _edit(briefings / f"{BRIEFING}.yaml", "title: Envoys agree", "title: Envoys now agree")
    checked, made, _ = site.step()
    assert checked == 1 and 0 < made < total

    # a new briefing, then the briefing another one's answer points to goes away
    new = (briefings / f"{EARLIER}.yaml").read_text(encoding="utf-8").replace(EARLIER, "2023-10-21-later")
    (briefings / "2023-10-21-later.yaml").write_text(new, encoding="utf-8")
    assert site.step()[0] == 1
    (briefings / f"{EARLIER}.yaml").unlink()
    checked, _, errors = site.step()
    assert checked == 1  # the briefing whose answered_by named it, and only that one
    assert any(f"answered_by: no briefing with id '{EARLIER}'" in e for e in errors)
    _edit(briefings / f"{BRIEFING}.yaml", f"answered_by: {EARLIER}", "answered_by: 2023-10-21-later")
    assert site.step()[2] == []

    # the source text changes: the page stops showing it, as a full build would
    _edit(root / "sources" / "envoys.md", "on Friday", "on Saturday")
    assert site.step()[0] == 1
    # the registry renames an actor: everything is checked again
    _edit(briefings / "actors.yaml", "name: Ana Ruiz", "name: Ana Ruiz Soto")
    assert site.step()[0] == 4


def test_an_id_that_is_not_the_file_name_is_checked_with_every_file(tmp_path: Path) -> None:
    """Ids are then more than the file names (and two files may share one): a partial check
    could miss what a full one reports."""
    root, _ = make_site(tmp_path)
    site = Compare(root)
    briefings = root / "briefings"
    shutil.copy(briefings / f"{EARLIER}.yaml", briefings / "copy.yaml")
    checked, _, errors = site.step()
    assert checked == 5 and any("duplicate briefing id" in e for e in errors)
    _edit(briefings / f"{BRIEFING}.yaml", "title: Envoys agree", "title: Envoys now agree")
    checked, _, errors = site.step()
    assert checked == 5 and any("duplicate briefing id" in e for e in errors)


def test_a_broken_file_is_left_out_and_comes_back(tmp_path: Path) -> None:
    root, _ = make_site(tmp_path)
    site = Compare(root)
    site.step()
    path = root / "briefings" / f"{BRIEFING}.yaml"
    good = path.read_text(encoding="utf-8")
    _edit(path, "speaker: tom-berg", "speaker: tom-bergg")
    checked, _, errors = site.step()
    assert checked == 1
    assert len(errors) == 1 and re.fullmatch(
        rf".*/{BRIEFING}\.yaml:\d+:\d+: quotes\[1\]\.speaker: unknown actor 'tom-bergg' .*", errors[0]
    )
    path.write_text(good, encoding="utf-8")
    assert site.step()[:1] == (1,) and site.step()[2] == []


def test_dirty_rebuilds_write_the_site_a_full_build_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through MkDocs: after a title edit, a new briefing, a deleted one and a rebuild with no
    change, the preview's folder holds what a full build writes, page for page (the search index
    aside: MkDocs merges it)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root, _ = make_site(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    preview, full = root / "preview", root / "full"

    def rebuild() -> None:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(preview)), dirty=True)

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(preview))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    briefings = root / "briefings"
    _edit(briefings / f"{BRIEFING}.yaml", "title: Envoys agree", "title: Envoys now agree")
    rebuild()
    new = (briefings / f"{EARLIER}.yaml").read_text(encoding="utf-8").replace(EARLIER, "2023-10-21-later")
    (briefings / "2023-10-21-later.yaml").write_text(new, encoding="utf-8")
    rebuild()
    (briefings / "2023-09-01-xss.yaml").unlink()
    rebuild()
    rebuild()  # nothing changed: every page and briefings.json as the previous build packed them
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(full))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(("search/", "sitemap.xml"))
        }

    kept, fresh = files(preview), files(full)
    assert sorted(kept) == sorted(fresh)
    assert [name for name in fresh if kept[name] != fresh[name]] == []
    assert "briefings/2023-09-01-xss/index.html" not in kept


# A real `mkdocs serve`, as `make serve` runs it.


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return 0, ""


def _until(url: str, ok: Callable[[str], bool], timeout: float = 60) -> str:
    """The page at `url` once `ok` holds for it; the server must answer every request meanwhile."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status, body = _get(url)
        if status and ok(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url}: not as expected within {timeout} s; last answer {status}: {body[:500]}")


def test_serve_shows_problems_and_recovers(tmp_path: Path) -> None:
    root, _ = make_site(tmp_path)
    port = _free_port()
    env = {"PATH": os.environ["PATH"], "HOME": str(root), "NO_MKDOCS_2_WARNING": "1"}  # as `make serve`
    log = tmp_path / "serve.log"
    cmd = [str(MKDOCS), "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/briefings/{BRIEFING}/"
    try:
        _until(url, lambda page: "Envoys agree to meet again" in page)
        path = root / "briefings" / f"{BRIEFING}.yaml"
        good = path.read_text(encoding="utf-8")
        _edit(path, "speaker: tom-berg", "speaker: tom-bergg")
        page = _until(url, lambda page: "unknown actor" in page)
        line = next(i for i, t in enumerate(good.splitlines(), 1) if "speaker: tom-berg" in t)
        where = f"briefings/{BRIEFING}.yaml:{line}:5: quotes[1].speaker: unknown actor"
        assert where in page.replace("&#39;", "'")
        home = _until(f"http://127.0.0.1:{port}/", lambda page: "Not published" in page)
        assert where in home
        assert "Earlier talks in Oslo" in _get(f"http://127.0.0.1:{port}/actors/ana-ruiz/")[1]  # the rest
        time.sleep(1)  # a second change to the same file, then the fix
        path.write_text(good.replace("title: Envoys agree", "title: Envoys now agree"), encoding="utf-8")
        _until(url, lambda page: "Envoys now agree to meet again" in page)
        assert "Not published" not in _get(f"http://127.0.0.1:{port}/")[1]
        assert _get(f"http://127.0.0.1:{port}/problems/")[0] == 404
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert "unknown actor 'tom-bergg'" in output
    assert "dirty" not in output and "end of life" not in output
    assert "Traceback" not in output and "appear stuck" not in output
