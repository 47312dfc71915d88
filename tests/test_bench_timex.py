"""`bench/timex_errors.py --conventions` rewrites our entries as TimeML writes them; the README's
claim about how much of the TempEval gap is those conventions rests on this rewriting."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "timex_errors.py"


@pytest.fixture(scope="module")
def as_timeml():
    spec = importlib.util.spec_from_file_location("timex_errors", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.as_timeml


def entry(text: str, value: str, end: str | None = None) -> dict:
    return {"text": text, "date": value, "end": end}


@pytest.mark.parametrize(
    ("text", "pred", "expected"),
    [
        (
            "BRUSSELS, December 2 (Xinhua) --\n\nThe ratification concluded on Wednesday.",
            [entry("Wednesday", "1998-12-02")],
            [("Wednesday", "1998-12-02"), ("December 2", "1998-12-02")],
        ),
        (
            "He was found guilty twice from 1991 to 1997.",
            [entry("1991 to 1997", "1991", "1997")],
            [("1991", "1991"), ("1997", "1997")],
        ),
        (
            "Sales peaked in the mid-1990s.",  # one expression with an end, not two joined
            [entry("the mid-1990s", "1990", "1999")],
            [("the mid-1990s", "1990")],
        ),
        (
            "WASHINGTON - The Senate voted on Tuesday.",  # a dateline without a date adds nothing
            [entry("Tuesday", "1998-12-01")],
            [("Tuesday", "1998-12-01")],
        ),
    ],
)
def test_as_timeml(as_timeml, text: str, pred: list[dict], expected: list[tuple[str, str]]) -> None:
    got = as_timeml(text, pred, date(1998, 12, 3))
    assert [(p["text"], p["date"]) for p in got] == expected
