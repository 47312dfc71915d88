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


def marks(values: Sequence[tuple[str, str | None, str, str]]) -> list[Mark]:
    """(date, end, label, anchor) rows -> marks; rows without a readable date are left out."""
    out: list[Mark] = []
    for i, (value, end, label, anchor) in enumerate(values, start=1):
        p = Period.maybe(value)
        if p is None:
            continue
        q = Period.maybe(end)
        out.append(Mark(i, label, p.first, max(p.last, q.last) if q else p.last, anchor))
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


def _label(d: date, with_year: bool) -> str:
    return f"{d.day} {MONTH_ABBREVIATIONS[d.month - 1]}" + (f" {d.year}" if with_year else "")


def _stack(items: list[Mark], x: Scale) -> tuple[int, list[tuple[Mark, int, float, float]]]:
    """How many rows, and each mark with its row and x extent: the first row it does not overlap."""
    rows: list[float] = []
    placed: list[tuple[Mark, int, float, float]] = []
    for m in sorted(items, key=lambda m: (m.start, m.number)):
        x1, x2 = x(m.start), max(x(m.end), x(m.start))
        row = next((r for r, right in enumerate(rows) if right + 2 * RADIUS + 4 <= x1), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = max(x2, x1)
        placed.append((m, row, x1, x2))
    return len(rows), placed


def timeline_svg(items: list[Mark], published: date | None = None, title: str = "Timeline") -> Markup:
    """Markers on a time axis, stacked in rows where they would overlap; empty if no marks."""
    if not items:
        return Markup("")
    days = [m.start for m in items] + [m.end for m in items] + ([published] if published else [])
    x = Scale(days, MARGIN + RADIUS, WIDTH - 2 * (MARGIN + RADIUS))
    years = {d.year for d in days}
    rows, placed = _stack(items, x)
    top = 14
    axis_y = top + rows * ROW + 6
    height = axis_y + 34
    parts = [
        f'<svg class="bf-tl" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="bf-tl-axis" x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}"/>',
    ]
    last = -1e9
    for d in sorted({m.start for m in items}):
        tx = x(d)
        parts.append(
            f'<line class="bf-tl-tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}"/>'
        )
        if tx - last >= 78:
            label = _label(d, len(years) > 1)
            parts.append(f'<text class="bf-tl-label" x="{tx:.1f}" y="{axis_y + 18}">{escape(label)}</text>')
            last = tx
    for gx in x.gaps():
        parts.append(
            f'<path class="bf-tl-break" d="M{gx - 5:.1f} {axis_y + 5} l4 -10 '
            f'M{gx + 1:.1f} {axis_y + 5} l4 -10"/>'
        )
    if published:
        px = x(published)
        parts.append(
            f'<line class="bf-tl-pub" x1="{px:.1f}" y1="4" x2="{px:.1f}" y2="{axis_y}"/>'
            f'<text class="bf-tl-pubtext" x="{min(px, WIDTH - 30):.1f}" y="{axis_y + 31}">published</text>'
        )
    for m, row, x1, x2 in placed:
        cy = top + row * ROW + RADIUS
        future = published is not None and m.start > published
        cls = "bf-tl-mark bf-tl-mark--future" if future else "bf-tl-mark"
        tip = f"{m.number}. {m.label}"
        parts.append(f'<a href="#{escape(m.anchor)}" class="{cls}"><title>{escape(tip)}</title>')
        if x2 - x1 > 2:
            parts.append(
                f'<rect class="bf-tl-span" x="{x1:.1f}" y="{cy - 3}" '
                f'width="{x2 - x1:.1f}" height="6" rx="3"/>'
            )
        parts.append(f'<circle cx="{x1:.1f}" cy="{cy}" r="{RADIUS}"/>')
        parts.append(f'<text class="bf-tl-num" x="{x1:.1f}" y="{cy + 4}">{m.number}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
