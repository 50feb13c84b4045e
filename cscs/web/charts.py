"""Hand-written SVG charts: a sunburst of the rubric, bars, a records timeline, a history.

Plain SVG strings keep the explorer free of a charting library and of a build step;
the browser draws them without JavaScript. Every label goes through ``escape``
(labels and names come from documents), and each chart returns ``Markup`` so the
templates insert it as is.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Callable, Sequence

from markupsafe import Markup, escape

from cscs.results import Explanation, Number
from cscs.scoring import NEGATIVE

WON, LOST, NEUTRAL = "#2e7d32", "#c62828", "#9e9e9e"
NOT_EARNED = "#d6d6d6"  # a merit the firm has not earned: no deduction, so not red
CATEGORY_COLOURS = ["#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#558b2f", "#4e342e", "#283593"]


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fmt(value: Number | None) -> str:
    """Points as the command line prints them (``30``, ``7.5``)."""
    if value is None:
        return "-"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _arc(cx: float, cy: float, r0: float, r1: float, a0: float, a1: float) -> str:
    """An annular sector from angle a0 to a1 (radians, clockwise from 12 o'clock)."""
    if a1 - a0 >= 2 * math.pi - 1e-9:
        a1 = a0 + 2 * math.pi - 1e-6
    large = 1 if a1 - a0 > math.pi else 0

    def pt(r: float, a: float) -> str:
        return f"{_num(cx + r * math.sin(a))} {_num(cy - r * math.cos(a))}"

    return (f"M {pt(r1, a0)} A {_num(r1)} {_num(r1)} 0 {large} 1 {pt(r1, a1)} "
            f"L {pt(r0, a1)} A {_num(r0)} {_num(r0)} 0 {large} 0 {pt(r0, a0)} Z")


def _legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float) -> list[str]:
    """Swatches and their labels, wrapped into rows that fit ``width``."""
    out, cx, cy = [], x, y
    for colour, label in items:
        w = 22 + 7.5 * sum(2 if ord(c) > 0x2E80 else 1 for c in label)
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 18
        out.append(f'<rect x="{_num(cx)}" y="{_num(cy - 10)}" width="12" height="12" fill="{colour}" class="swatch"/>'
                   f'<text x="{_num(cx + 16)}" y="{_num(cy)}" class="legend">{escape(label)}</text>')
        cx += w
    return out


def _legend_rows(items: Sequence[tuple[str, str]], width: float) -> int:
    return len({round(float(p.split('y="')[1].split('"')[0])) for p in _legend(items, 0, 0, width)})


def sunburst(why: Explanation, href: Callable[[str], str], size: int = 340) -> Markup:
    """Categories inside, indicators outside; each arc's share is its maximum, the
    green part of an indicator what the firm holds, the red part what a deduction
    took, the grey part a merit not earned (no deduction). A legend names them."""
    cx = cy = size / 2
    total = sum(c.max for c in why.categories) or 1
    legend = [(CATEGORY_COLOURS[n % len(CATEGORY_COLOURS)], c.label) for n, c in enumerate(why.categories)]
    legend += [(WON, "points held"), (LOST, "deducted"), (NOT_EARNED, "merit not earned")]
    height = size + 8 + 18 * _legend_rows(legend, size)
    parts = [f'<svg class="sunburst" viewBox="0 0 {size} {height}" width="{size}" height="{height}" '
             f'role="img" aria-label="rubric sunburst: categories inside, indicators outside">']
    angle = 0.0
    for n, cat in enumerate(why.categories):
        span = 2 * math.pi * float(cat.max) / float(total)
        colour = CATEGORY_COLOURS[n % len(CATEGORY_COLOURS)]
        parts.append(f'<path d="{_arc(cx, cy, 38, 92, angle, angle + span)}" fill="{colour}" stroke="#fff">'
                     f'<title>{escape(cat.label)}: {fmt(cat.points)} / {fmt(cat.max)}</title></path>')
        inner = angle
        for ind in (i for i in why.indicators if i.category == cat.category):
            share = 2 * math.pi * float(ind.max) / float(total)
            held = share * (float(ind.points) / float(ind.max) if ind.max else 0)
            title = f"{escape(ind.notation)} {escape(ind.label)}: {fmt(ind.points)} / {fmt(ind.max)}"
            parts.append(f'<a href="{escape(href(ind.notation))}">')
            if held > 0:
                parts.append(f'<path d="{_arc(cx, cy, 96, size / 2 - 4, inner, inner + held)}" fill="{WON}" '
                             f'stroke="#fff" stroke-width="0.5"><title>{title}</title></path>')
            if share - held > 1e-9:
                missing = LOST if ind.polarity == NEGATIVE else NOT_EARNED
                parts.append(f'<path d="{_arc(cx, cy, 96, size / 2 - 4, inner + held, inner + share)}" '
                             f'fill="{missing}" fill-opacity="0.8" stroke="#fff" stroke-width="0.5" '
                             f'class="{"lost" if missing == LOST else "not-earned"}"><title>{title}</title></path>')
            parts.append("</a>")
            inner += share
        angle += span
    parts.append(f'<text x="{cx}" y="{cy - 4}" text-anchor="middle" class="sb-total">{fmt(why.total)}</text>'
                 f'<text x="{cx}" y="{cy + 16}" text-anchor="middle" class="sb-grade">'
                 f'{escape(why.grade or "no grade")}</text>')
    parts.extend(_legend(legend, 4, size + 12, size - 8))
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(items: Sequence[tuple[str, float, float]], width: int = 520, colour: str = "#1565c0",
         unit: str = "", axis: str = "") -> Markup:
    """Horizontal bars: (label, value, scale maximum), with ``axis`` saying what the
    length measures."""
    row = 24
    height = row * len(items) + 8 + (20 if axis else 0)
    label_w = 190
    parts = [f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"'
             f' aria-label="{escape(axis)}">']
    if axis:
        parts.append(f'<text x="{label_w}" y="{height - 6}" class="axis axis-label">{escape(axis)}</text>')
    for i, (label, value, top) in enumerate(items):
        y = 4 + i * row
        w = (width - label_w - 70) * (value / top if top else 0)
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{_num(max(w, 0))}" height="{row - 8}" fill="{colour}">'
                     f'<title>{escape(label)}: {fmt(round(value, 2))}{escape(unit)}</title></rect>'
                     f'<text x="{_num(label_w + max(w, 0) + 6)}" y="{y + 15}">{fmt(round(value, 1))}'
                     f'{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _x(day: date, start: date, end: date, left: float, span: float) -> float:
    total = max((end - start).days, 1)
    return left + span * (day - start).days / total


def _axis(start: date, end: date, left: float, span: float, y: float) -> list[str]:
    out = [f'<line x1="{left}" y1="{y}" x2="{left + span}" y2="{y}" stroke="#888"/>']
    for year in range(start.year + 1, end.year + 1):
        x = _x(date(year, 1, 1), start, end, left, span)
        out.append(f'<line x1="{_num(x)}" y1="{y}" x2="{_num(x)}" y2="{y + 4}" stroke="#888"/>'
                   f'<text x="{_num(x)}" y="{y + 16}" text-anchor="middle" class="axis">{year}</text>')
    return out


def timeline(rows: Sequence[tuple[str, date, date | None, str, str, bool]], start: date, end: date,
             as_of: date, width: int = 760) -> Markup:
    """One line per record: (label, from, end or None, why it ended, link, negative)."""
    left, span, row = 10, width - 20, 18
    legend = [(LOST, "negative record (a deduction while it lasts)"), (WON, "positive record (a merit)"),
              ("#333", "- - the day scored")]
    height = row * len(rows) + 36 + 22
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"'
             f' aria-label="records over time">']
    ax = _x(min(max(as_of, start), end), start, end, left, span)
    parts.append(f'<line x1="{_num(ax)}" y1="0" x2="{_num(ax)}" y2="{height - 20}" stroke="#333" '
                 f'stroke-dasharray="3 3"><title>as of {as_of.isoformat()}</title></line>')
    for i, (label, begin, stop, why, link, negative) in enumerate(rows):
        y = 8 + i * row
        x0 = _x(max(begin, start), start, end, left, span)
        x1 = _x(min(stop or end, end), start, end, left, span)
        colour = LOST if negative else WON
        title = f"{escape(label)}: from {begin.isoformat()}" + (
            f", {escape(why)} {stop.isoformat()}" if stop else ", open")
        parts.append(f'<a href="{escape(link)}"><line x1="{_num(x0)}" y1="{y + 6}" x2="{_num(max(x1, x0 + 2))}" '
                     f'y2="{y + 6}" stroke="{colour}" stroke-width="8" stroke-linecap="round">'
                     f'<title>{title}</title></line></a>')
        if stop and stop <= end:
            parts.append(f'<circle cx="{_num(x1)}" cy="{y + 6}" r="3" fill="#fff" stroke="{colour}"/>')
    parts.extend(_axis(start, end, left, span, height - 46))
    parts.append(f'<text x="{left + span}" y="{height - 30}" text-anchor="end" class="axis axis-label">year</text>')
    parts.extend(_legend(legend, left, height - 6, span))
    parts.append("</svg>")
    return Markup("".join(parts))


def history(points: Sequence[tuple[date, Number, str | None]], end: date, top: Number,
            width: int = 760, height: int = 180) -> Markup:
    """The total as a step line over time (it changes only on the days listed)."""
    if not points:
        return Markup("")
    start = points[0][0]
    end = max(end, start)
    left, span, plot_h, base = 58, width - 68, height - 40, 10
    low = min(0.0, min(float(p[1]) for p in points))

    def y(v: Number) -> float:  # points are int or Decimal; the drawing is in floats
        return base + plot_h * (1 - (float(v) - low) / ((float(top) - low) or 1))

    path: list[str] = []
    for i, (day, total, _grade) in enumerate(points):
        x = _x(day, start, end, left, span)
        path.append(f"H {_num(x)} V {_num(y(total))}" if i else f"M {_num(x)} {_num(y(total))}")
    path.append(f"H {_num(left + span)}")
    parts = [f'<svg class="history" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">',
             f'<text x="{left - 4}" y="{_num(y(top) + 4)}" text-anchor="end" class="axis">{fmt(top)}</text>',
             f'<text x="{left - 4}" y="{_num(y(low) + 4)}" text-anchor="end" class="axis">{fmt(low)}</text>',
             f'<text x="12" y="{_num(base + plot_h / 2)}" text-anchor="middle" class="axis axis-label" '
             f'transform="rotate(-90 12 {_num(base + plot_h / 2)})">total points</text>',
             f'<text x="{left + span}" y="{height - 2}" text-anchor="end" class="axis axis-label">'
             f'date (the total changes only on the days marked)</text>',
             f'<path d="{" ".join(path)}" fill="none" stroke="#1565c0" stroke-width="2"/>']
    for day, total, grade in points:
        parts.append(f'<circle cx="{_num(_x(day, start, end, left, span))}" cy="{_num(y(total))}" r="3" '
                     f'fill="#1565c0"><title>{day.isoformat()}: {fmt(total)} ({escape(grade or "no grade")})'
                     f'</title></circle>')
    parts.extend(_axis(start, end, left, span, height - 26))
    parts.append("</svg>")
    return Markup("".join(parts))
