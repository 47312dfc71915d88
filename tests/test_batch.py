"""Batch extraction: cache keys, cache hits without a model, order, worker processes, writing."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import batch, ingest, parallel
from generator import nlp as nlp_mod
from generator.errors import BriefingsError, Problem
from generator.ingest import language
from generator.model import Briefing, Source

TEXTS = [
    (
        "Talks resume in Geneva",
        'Foreign Minister Anna Berg said on Monday that talks would resume. "We are ready," Berg said.',
    ),
    (
        "Budget vote delayed",
        "The city council delayed its budget vote until March 3. Mayor Tom Reyes called it regrettable.",
    ),
    (
        "Port strike ends",
        "Dock workers in Rotterdam ended a two-week strike on Friday, the union said.",
    ),
]


def article(title: str, text: str, **meta: str) -> ingest.Article:
    return ingest.from_paragraphs(f"{title}.txt", title, [text], published="2024-05-06", **meta)


@pytest.fixture
def articles() -> list[ingest.Article]:
    return [article(t, x) for t, x in TEXTS]


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to load (or find) a spaCy model fail the test."""

    def fail(*_: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(nlp_mod, "load", fail)
    monkeypatch.setattr(nlp_mod, "available", lambda *_: False)


BASE = ("Title", "Some text about Anna Berg.")
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({}, True),
        ({"text": "Some text about Anna Berg!"}, False),
        ({"title": "Another title"}, False),
        ({"published": "2024-05-07"}, False),
        ({"path": "elsewhere/Title.txt"}, False),
        ({"author": "A. Writer"}, False),
    ],
)
def test_key_covers_everything_extraction_reads(tmp_path: Path, change: dict[str, str], same: bool) -> None:
    cache = batch.Cache(tmp_path)
    a = article(*BASE)
    assert (cache.key(a) == cache.key(replace(a, **change))) is same


@pytest.mark.parametrize(("model", "same"), [(None, True), ("some_other_model", False)])
def test_key_covers_the_model(tmp_path: Path, model: str | None, same: bool) -> None:
    a = article(*BASE)
    assert (batch.Cache(tmp_path).key(a) == batch.Cache(tmp_path, model).key(a)) is same


def test_code_version_is_a_stable_hash() -> None:
    v = batch.code_version()
    assert len(v) == 64 and v == batch.code_version()


def test_second_run_is_answered_from_the_cache_without_a_model(
    nlp: object, tmp_path: Path, articles: list[ingest.Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = list(batch.extract_all(articles, cache=batch.Cache(tmp_path), progress=False))
    assert all(isinstance(r, Briefing) for r in first)

    def fail(*_: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(nlp_mod, "load", fail)
    monkeypatch.setattr(nlp_mod, "available", lambda *_: False)
    monkeypatch.setattr(language, "detect", fail)  # a hit was read as English the first time
    fresh = [replace(a) for a in articles]  # new objects: nothing detected yet
    again = list(batch.extract_all(fresh, cache=batch.Cache(tmp_path), progress=False))
    assert again == first


def test_hits_and_misses_keep_input_order(
    nlp: object, tmp_path: Path, articles: list[ingest.Article]
) -> None:
    cache = batch.Cache(tmp_path)
    list(batch.extract_all(articles[1:2], cache=cache, progress=False))
    mixed = list(batch.extract_all(articles, cache=cache, progress=False))
    fresh = list(batch.extract_all(articles, progress=False))
    assert [r.title for r in mixed if isinstance(r, Briefing)] == [t for t, _ in TEXTS]
    assert mixed == fresh


def test_missing_model_is_reported_before_anything_runs(
    tmp_path: Path, articles: list[ingest.Article]
) -> None:
    with pytest.raises(BriefingsError, match="model not installed"):
        batch.extract_all(articles, model="no_such_model_xyz", cache=batch.Cache(tmp_path))


def test_nothing_to_extract_needs_no_model(no_model: None) -> None:
    assert list(batch.extract_all([], model="no_such_model_xyz")) == []


@pytest.mark.parametrize(
    ("content", "hit"),
    [(None, True), ("{not json", False), ('{"id": "x"}', False), ("", False)],
)
def test_damaged_entry_is_a_miss(
    nlp: object, tmp_path: Path, articles: list[ingest.Article], content: str | None, hit: bool
) -> None:
    cache = batch.Cache(tmp_path)
    list(batch.extract_all(articles[:1], cache=cache, progress=False))
    key = cache.key(articles[0])
    entry = next(tmp_path.rglob(f"{key}.json"))
    if content is not None:
        entry.write_text(content, encoding="utf-8")
    assert (cache.get(key) is not None) is hit


def test_errors_come_back_in_place_and_are_not_cached(
    nlp: object, tmp_path: Path, articles: list[ingest.Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.extract import pipeline

    real = pipeline.from_doc

    def flaky(a: ingest.Article, doc: object, **kw: object) -> Briefing:
        if a.title == TEXTS[1][0]:
            raise BriefingsError(Problem(a.path, None, None, "cannot extract"))
        return real(a, doc, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "from_doc", flaky)
    cache = batch.Cache(tmp_path)
    results = list(batch.extract_all(articles, cache=cache, progress=False))
    assert [type(r).__name__ for r in results] == ["Briefing", "BriefingsError", "Briefing"]
    assert cache.get(cache.key(articles[1])) is None
    assert cache.get(cache.key(articles[0])) is not None


@pytest.mark.parametrize("fork", [True, False])
def test_worker_processes_give_the_same_briefings(
    nlp: object, articles: list[ingest.Article], monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    """Forked workers share this process's model; spawned ones (where fork is unsafe) load theirs."""
    monkeypatch.setattr(parallel, "fork_is_safe", lambda: fork)
    one = list(batch.extract_all(articles, jobs=1, progress=False))
    two = list(batch.extract_all(articles, jobs=2, batch_size=1, progress=False))
    assert two == one


def extract_cli(src: Path, out: Path, jobs: str, *extra: str) -> str:
    """`briefings extract` as a user runs it; its report, with `out` written as OUT."""
    from generator.cli import cli

    result = CliRunner().invoke(
        cli, ["extract", str(src), "--out", str(out), "--no-cache", "-j", jobs, *extra]
    )
    assert result.exit_code == 0, result.output
    return result.output.replace(str(out), "OUT")


def written(out: Path) -> dict[Path, bytes]:
    """Every file under `out`'s parent (briefings and their machine copies), by relative path."""
    return {p.relative_to(out.parent): p.read_bytes() for p in sorted(out.parent.rglob("*.yaml"))}


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two cores, even on a one-core machine; the list gets the workers of each pooled run, so a
    test sees that worker processes really parsed (a run that fell back to one process would
    compare the single-process output with itself)."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    calls: list[int] = []
    real = batch._pooled

    def spy(articles: list[ingest.Article], model: str | None, jobs: int, *args: object) -> object:
        calls.append(jobs)
        return real(articles, model, jobs, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_pooled", spy)
    return calls


def test_jobs_0_writes_the_same_bytes_as_one_process(nlp: object, tmp_path: Path, pooled: list[int]) -> None:
    """Worker processes parse other batches than one process does, in another order: the files
    and the report must not show it (spaCy's parse of a text does not depend on the batch it is in)."""
    src = tmp_path / "src"
    src.mkdir()
    for path in sorted((ROOT / "sources").glob("*.md"))[:8]:
        shutil.copyfile(path, src / path.name)
    for title, text in TEXTS:
        (src / f"{title.split()[0].lower()}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    one = extract_cli(src, tmp_path / "jobs1" / "briefings", "1", "--published", "2024-05-06")
    assert pooled == []
    zero = extract_cli(src, tmp_path / "jobs0" / "briefings", "0", "--published", "2024-05-06")
    assert pooled == [2]
    assert zero == one
    files = written(tmp_path / "jobs1" / "briefings")
    assert len(files) == 2 * 11  # briefings and machine copies
    assert written(tmp_path / "jobs0" / "briefings") == files


def test_jobs_0_writes_the_same_bytes_over_real_pages_and_corpus_texts(
    corpus_sources: Path, corpus_extracted: Path, tmp_path: Path, pooled: list[int]
) -> None:
    """The same over the 12 saved web pages and the 84 PolNeAR dev texts, as `extract` runs by
    default on a batch this size (more than `AUTO_MIN` sources: one worker per core)."""
    from generator.cli import cli

    out = tmp_path / "briefings"  # as deep as the other run's: the schema header is a relative path
    result = CliRunner().invoke(cli, ["extract", str(corpus_sources), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert pooled == [2]
    files = written(corpus_extracted)
    assert len(files) == 2 * 96 > 2 * batch.AUTO_MIN
    assert written(out) == files


@pytest.mark.parametrize(("show", "printed"), [(True, True), (False, False), (None, False)])
def test_progress_bar_only_when_asked_or_on_a_terminal(
    nlp: object,
    articles: list[ingest.Article],
    capsys: pytest.CaptureFixture[str],
    show: bool | None,
    printed: bool,
) -> None:
    list(batch.extract_all(articles, progress=show))
    assert ("extracting" in capsys.readouterr().err) is printed


@pytest.mark.parametrize(
    ("jobs", "articles", "expected"),
    [
        (None, batch.AUTO_MIN, 1),  # a small batch stays in this process
        (None, batch.AUTO_MIN + 1, 4),  # a large one uses every core
        (None, 0, 1),
        (0, 10, 4),
        (0, 3, 3),  # never more workers than articles
        (1, 500, 1),
        (3, 500, 3),
    ],
)
def test_workers_by_default_one_per_core_for_large_batches(
    monkeypatch: pytest.MonkeyPatch, jobs: int | None, articles: int, expected: int
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 4)
    assert batch.workers(jobs, articles) == expected


@pytest.mark.parametrize(
    ("n", "jobs", "size", "pieces"),
    [
        (3, 2, 1, [(0, 1), (1, 2), (2, 3)]),
        (7, 2, 32, [(0, 4), (4, 7)]),
        (40, 2, 8, [(0, 8), (8, 16), (16, 22), (22, 27), (27, 31), (31, 35), (35, 39), (39, 40)]),
    ],
)
def test_pieces_cover_the_input_in_order_and_shrink_at_the_end(
    n: int, jobs: int, size: int, pieces: list[tuple[int, int]]
) -> None:
    assert batch.chunks(n, jobs, size) == pieces


def test_pieces_of_a_large_batch_are_full_batches_then_smaller() -> None:
    pieces = batch.chunks(300, 2, 32)
    sizes = [b - a for a, b in pieces]
    assert [a for a, _ in pieces[1:]] == [b for _, b in pieces[:-1]] and pieces[-1][1] == 300
    assert sizes[:6] == [32] * 6 and sizes == sorted(sizes, reverse=True) and sizes[-1] <= batch.MIN_CHUNK


def test_old_salts_are_pruned(tmp_path: Path) -> None:
    for i in range(batch.Cache.KEEP + 2):
        old = tmp_path / f"old{i}"
        old.mkdir()
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    cache = batch.Cache(tmp_path)
    cache.put("ab" * 32, Briefing(id="x", title="X", source=Source(file="x.txt")))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == batch.Cache.KEEP and cache.dir.name in left
    assert f"old{batch.Cache.KEEP + 1}" in left and "old0" not in left


def test_only_the_components_extraction_reads_are_loaded(nlp: object) -> None:
    names = set(nlp.component_names)  # type: ignore[attr-defined]
    assert set(nlp_mod.COMPONENTS) <= names
    assert "senter" not in names  # shipped disabled with the model; excluded, not just disabled


def test_cli_force_rerun_loads_no_model(nlp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.cli import cli

    src = tmp_path / "src"
    src.mkdir()
    for title, text in TEXTS:
        (src / f"{title.split()[0].lower()}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["extract", "src", "--out", "out", "--published", "2024-05-06", "--force"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}

    def fail(*_: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(nlp_mod, "load", fail)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()} == before


@pytest.mark.parametrize(("extra", "same"), [("", True), ('{"entries": []}', False)])
def test_key_covers_other_inputs_such_as_the_registry(tmp_path: Path, extra: str, same: bool) -> None:
    a = article(*BASE)
    assert (batch.Cache(tmp_path).key(a) == batch.Cache(tmp_path).key(a, extra)) is same
