"""A static timeline drawn at build time: an SVG with a time axis and one numbered marker per event.

No script and no web font: it renders the same in a feed reader, a phone and a printout. Colours
come from CSS classes so that the light and dark palettes both apply.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

from ..periods import MONTH_ABBREVIATIONS, Period

WIDTH = 720
MARGIN = 24
ROW = 26
RADIUS = 9


@dataclass(frozen=True)
class Mark:
    number: int
    label: str
    start: date
    end: date
    anchor: str
    when: Period | None = None
    """The period the event is dated with (a year, a week, a day...), for the date it shows."""


def marks(values: Sequence[tuple[str, str | None, str, str]]) -> list[Mark]:
    """(date, end, label, anchor) rows -> marks; rows without a readable date are left out."""
    out: list[Mark] = []
    for i, (value, end, label, anchor) in enumerate(values, start=1):
        p = Period.maybe(value)
        if p is None:
            continue
        q = Period.maybe(end)
        out.append(Mark(i, label, p.first, max(p.last, q.last) if q else p.last, anchor, p))
    return out


class Scale:
    """Days -> x, with empty stretches compressed (log of the gap): a 2017 event next to a week
    of 2023 events must not squeeze that week into one pixel."""

    def __init__(self, days: list[date], left: float, width: float) -> None:
        self.points = sorted(set(days))
        units = [0.0]
        for a, b in zip(self.points, self.points[1:], strict=False):
            units.append(units[-1] + math.log2(2 + (b - a).days))
        total = units[-1] or 1.0
        self.pos = {
            d: left + (u / total if units[-1] else 0.5) * width
            for d, u in zip(self.points, units, strict=True)
        }

    def __call__(self, d: date) -> float:
        if d in self.pos:
            return self.pos[d]
        i = bisect.bisect_left(self.points, d)
        if i == 0:
            return self.pos[self.points[0]]
        if i >= len(self.points):
            return self.pos[self.points[-1]]
        a, b = self.points[i - 1], self.points[i]
        return self.pos[a] + (self.pos[b] - self.pos[a]) * (d - a).days / max(1, (b - a).days)

    def gaps(self, days: int = 120) -> list[float]:
        """Where the axis skips a long empty stretch (drawn as a break)."""
        return [
            (self.pos[a] + self.pos[b]) / 2
            for a, b in zip(self.points, self.points[1:], strict=False)
            if (b - a).days > days
        ]


def _label(m: Mark, with_year: bool) -> str:
    """The date of a marker as its event gives it (`2017`, `week of 30 Oct`, `4 Nov`)."""
    if m.when is not None:
        return m.when.label(with_year)
    return f"{m.start.day} {MONTH_ABBREVIATIONS[m.start.month - 1]}" + (
        f" {m.start.year}" if with_year else ""
    )


def _text_width(text: str) -> float:
    """About how wide `text` is drawn at 12px in a sans-serif font."""
    return 6.6 * len(text)


def _half(m: Mark) -> float:
    """Half the width of a marker: a circle for one or two digits, a pill for more."""
    return max(RADIUS, (7 * len(str(m.number)) + 8) / 2)


def _stack(items: list[Mark], at: Scale) -> tuple[int, list[tuple[Mark, int, float, float]]]:
    """How many lanes, and each mark with its lane and extent along the axis: the first lane
    where it overlaps nothing."""
    lanes: list[float] = []
    placed: list[tuple[Mark, int, float, float]] = []
    for m in sorted(items, key=lambda m: (m.start, m.number)):
        p1, p2 = at(m.start), max(at(m.end), at(m.start))
        lane = next((i for i, end in enumerate(lanes) if end + 4 <= p1 - _half(m)), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = max(p2, p1) + _half(m)
        placed.append((m, lane, p1, p2))
    return len(lanes), placed


def _marker(m: Mark, x: float, y: float, span: tuple[float, float, float, float] | None, future: bool) -> str:
    """A numbered marker linking to its event; `span` (x, y, width, height) draws a range."""
    cls = "bf-tl-mark bf-tl-mark--future" if future else "bf-tl-mark"
    out = f'<a href="#{escape(m.anchor)}" class="{cls}"><title>{escape(f"{m.number}. {m.label}")}</title>'
    if span is not None:
        out += (
            f'<rect class="bf-tl-span" x="{span[0]:.1f}" y="{span[1]:.1f}" width="{span[2]:.1f}" '
            f'height="{span[3]:.1f}" rx="3"/>'
        )
    half = _half(m)
    out += (
        f'<rect class="bf-tl-dot" x="{x - half:.1f}" y="{y - RADIUS:.1f}" width="{2 * half:.1f}" '
        f'height="{2 * RADIUS}" rx="{RADIUS}"/>'
    )
    return out + f'<text class="bf-tl-num" x="{x:.1f}" y="{y + 4:.1f}">{m.number}</text></a>'


def _open(kind: str, width: int, height: float, title: str) -> str:
    return (
        f'<svg class="bf-tl bf-tl--{kind}" viewBox="0 0 {width} {height:.0f}" width="{width}" '
        f'role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
    )


def timeline_svg(items: list[Mark], published: date | None = None, title: str = "Timeline") -> Markup:
    """The same events drawn twice: along a horizontal axis for wide screens, down a vertical one
    for narrow ones (CSS shows one), so that text is never drawn smaller than it is set."""
    if not items:
        return Markup("")
    return Markup(_wide(items, published, title) + _tall(items, published, title))


def _days(items: list[Mark], published: date | None) -> list[date]:
    return [m.start for m in items] + [m.end for m in items] + ([published] if published else [])


def _wide(items: list[Mark], published: date | None, title: str) -> str:
    """Markers on a horizontal time axis, stacked in rows where they would overlap."""
    days = _days(items, published)
    x = Scale(days, MARGIN + RADIUS, WIDTH - 2 * (MARGIN + RADIUS))
    years = {d.year for d in days}
    rows, placed = _stack(items, x)
    top = 14
    axis_y = top + rows * ROW + 6
    parts = [
        _open("wide", WIDTH, axis_y + 36, title),
        f'<line class="bf-tl-axis" x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}"/>',
    ]
    last, last_half = -1e9, 0.0
    first_of: dict[date, Mark] = {}
    for m in sorted(items, key=lambda m: (m.start, m.number)):
        first_of.setdefault(m.start, m)
    for d, m in first_of.items():
        tx = x(d)
        parts.append(
            f'<line class="bf-tl-tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}"/>'
        )
        label = _label(m, len(years) > 1)
        half = _text_width(label) / 2
        if tx - last >= last_half + half + 10 and half <= tx and tx + half <= WIDTH:
            parts.append(f'<text class="bf-tl-label" x="{tx:.1f}" y="{axis_y + 19}">{escape(label)}</text>')
            last, last_half = tx, half
    for gx in x.gaps():
        parts.append(
            f'<path class="bf-tl-break" d="M{gx - 5:.1f} {axis_y + 5} l4 -10 '
            f'M{gx + 1:.1f} {axis_y + 5} l4 -10"/>'
        )
    if published:
        px = x(published)
        parts.append(
            f'<line class="bf-tl-pub" x1="{px:.1f}" y1="4" x2="{px:.1f}" y2="{axis_y}"/>'
            f'<text class="bf-tl-pubtext" x="{min(max(px, 34), WIDTH - 34):.1f}" y="{axis_y + 33}">'
            "published</text>"
        )
    for m, row, x1, x2 in placed:
        cy = top + row * ROW + RADIUS
        span = (x1, cy - 3, x2 - x1, 6) if x2 - x1 > 2 else None
        parts.append(_marker(m, x1, cy, span, published is not None and m.start > published))
    parts.append("</svg>")
    return "".join(parts)


TALL_WIDTH = 320
AXIS_X = 136
"""The vertical list: dates left of this line, their events' markers right of it."""
TALL_ROW = 28


def _tall(items: list[Mark], published: date | None, title: str) -> str:
    """One row per date, down a vertical line: the date, then the markers of its events (more
    rows for a crowded day); a break where months pass between two rows."""
    years = {d.year for d in _days(items, published)}
    by_day: dict[tuple[date, str], list[Mark]] = {}
    for m in sorted(items, key=lambda m: (m.start, m.number)):
        by_day.setdefault((m.start, _label(m, len(years) > 1)), []).append(m)
    rows: list[tuple[str | None, list[Mark], bool]] = []  # (date to print, marks, break before)
    previous: date | None = None
    for (day, label), marks in by_day.items():
        per_row = max(1, int((TALL_WIDTH - AXIS_X - 12) // (2 * max(map(_half, marks)) + 6)))
        gap = previous is not None and (day - previous).days > 120
        for i in range(0, len(marks), per_row):
            rows.append((label if i == 0 else None, marks[i : i + per_row], gap and i == 0))
        previous = day
    parts: list[str] = []
    y = 8.0
    pending = published
    for shown, marks, gap in [*rows, (None, [], False)]:
        if pending is not None and (not marks or marks[0].start > pending):
            y += TALL_ROW
            parts.append(
                f'<line class="bf-tl-pub" x1="{AXIS_X}" y1="{y:.1f}" x2="{TALL_WIDTH - 4}" y2="{y:.1f}"/>'
                f'<text class="bf-tl-pubtext bf-tl-label--side" x="{AXIS_X - 9}" y="{y + 4:.1f}">'
                "published</text>"
            )
            pending = None
        if not marks:
            break
        y += TALL_ROW + (10 if gap else 0)
        if gap:
            parts.append(
                f'<path class="bf-tl-break" d="M{AXIS_X - 5} {y - 24:.1f} l10 -4 '
                f'M{AXIS_X - 5} {y - 19:.1f} l10 -4"/>'
            )
        if shown is not None:
            label = escape(shown)
            parts.append(
                f'<line class="bf-tl-tick" x1="{AXIS_X - 5}" y1="{y:.1f}" x2="{AXIS_X}" y2="{y:.1f}"/>'
                f'<text class="bf-tl-label bf-tl-label--side" x="{AXIS_X - 9}" y="{y + 4:.1f}">'
                f"{label}</text>"
            )
        x = AXIS_X + 10.0
        for m in marks:
            future = published is not None and m.start > published
            parts.append(_marker(m, x + _half(m), y, None, future))
            x += 2 * _half(m) + 6
    height = y + TALL_ROW - 6
    axis = f'<line class="bf-tl-axis" x1="{AXIS_X}" y1="8" x2="{AXIS_X}" y2="{height - 8:.0f}"/>'
    return _open("tall", TALL_WIDTH, height, title) + axis + "".join(parts) + "</svg>"
