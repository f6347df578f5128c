"""The dyad chart drawn on the server as SVG geometry: events per period in each direction, mean Goldstein per
period in each direction, and the say-do gap (verbal minus material acts), three panels on one time axis.

Every point is a link to the events behind it, so the chart needs no JavaScript: a click is an ordinary link,
a hover an SVG ``<title>``. This module only computes numbers and strings; the template writes (and escapes)
the markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

WIDTH = 920
LEFT, RIGHT = 56, 20
PANELS = (("events", 200), ("goldstein", 140), ("gap", 120))
GAP = 34  # between panels, room for a panel's title
TOP = 24


@dataclass
class Point:
    x: float
    y: float
    href: str
    title: str
    direction: str
    period: str


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    href: str
    title: str
    negative: bool


@dataclass
class Panel:
    name: str
    title: str
    top: float
    height: float
    lines: dict[str, str] = field(default_factory=dict)  # direction -> SVG points attribute
    points: list[Point] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # y, label
    zero: float | None = None


@dataclass
class Chart:
    width: int
    height: int
    panels: list[Panel]
    xticks: list[tuple[float, str]]
    empty: bool


def _nice_max(v: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if v <= step:
            return float(step)
    return float(v)


def build(rows: list[dict[str, Any]], a: str, b: str, href: Callable[[dt.date, str | None], str]) -> Chart:
    """The chart of :func:`parley.store.browse.dyad_timeline` rows; ``href(period, direction)`` gives the
    address listing a point's events (direction ``ab``, ``ba``, or None for both)."""
    periods = sorted({r["period"] for r in rows})
    height = TOP + sum(h for _n, h in PANELS) + GAP * len(PANELS)
    plot_w = WIDTH - LEFT - RIGHT
    if not periods:
        return Chart(WIDTH, height, [], [], True)
    first, last = periods[0], periods[-1]
    span = (last - first).days

    def x_of(d: dt.date) -> float:
        return LEFT + plot_w / 2 if span == 0 else LEFT + plot_w * (d - first).days / span

    names = {"ab": f"{a} → {b}", "ba": f"{b} → {a}"}
    panels: list[Panel] = []
    top = float(TOP)
    for name, h in PANELS:
        title = {"events": "events per period", "goldstein": "mean Goldstein score (−10 conflict … +10 cooperation)",
                 "gap": "say–do gap: verbal minus material acts, both directions"}[name]
        panels.append(Panel(name, title, top, float(h)))
        top += h + GAP
    events, gold, gap = panels

    # events per period and direction
    ymax = _nice_max(max(r["events"] for r in rows))
    events.ticks = [(events.top + events.height * (1 - f), f"{ymax * f:g}") for f in (0, 0.5, 1)]
    # Goldstein on its fixed scale
    gold.ticks = [(gold.top + gold.height * (10 - v) / 20, f"{v:+g}" if v else "0") for v in (10, 5, 0, -5, -10)]
    gold.zero = gold.top + gold.height / 2
    for d in ("ab", "ba"):
        mine = sorted((r for r in rows if r["direction"] == d), key=lambda r: r["period"])
        pts_e, pts_g = [], []
        for r in mine:
            x = x_of(r["period"])
            ye = events.top + events.height * (1 - r["events"] / ymax)
            yg = gold.top + gold.height * (10 - r["mean_goldstein"]) / 20
            day = r["period"].isoformat()
            link = href(r["period"], d)
            words = f"{names[d]}, {day} to {r['period_end'].isoformat()}"
            events.points.append(Point(x, ye, link, f"{words}: {r['events']} events "
                                                    f"({r['verbal']} verbal, {r['material']} material)", d, day))
            gold.points.append(Point(x, yg, link, f"{words}: mean Goldstein {r['mean_goldstein']:+.2f}", d, day))
            pts_e.append(f"{x:.1f},{ye:.1f}")
            pts_g.append(f"{x:.1f},{yg:.1f}")
        events.lines[d] = " ".join(pts_e)
        gold.lines[d] = " ".join(pts_g)

    # the say-do gap per period, both directions together
    per: dict[dt.date, list[int]] = {}
    for r in rows:
        v = per.setdefault(r["period"], [0, 0])
        v[0] += r["verbal"]
        v[1] += r["material"]
    gmax = _nice_max(max(abs(v - m) for v, m in per.values()) or 1)
    gap.zero = gap.top + gap.height / 2
    gap.ticks = [(gap.top, f"+{gmax:g}"), (gap.zero, "0"), (gap.top + gap.height, f"−{gmax:g}")]
    bar_w = max(3.0, min(24.0, plot_w / max(len(periods), 1) * 0.6))
    for p, (verbal, material) in sorted(per.items()):
        diff = verbal - material
        h = gap.height / 2 * abs(diff) / gmax
        y = gap.zero - h if diff >= 0 else gap.zero
        gap.bars.append(Bar(x_of(p) - bar_w / 2, y, bar_w, max(h, 1.0), href(p, None),
                            f"{p.isoformat()}: {verbal} verbal, {material} material acts (gap {diff:+d})", diff < 0))

    # dates along the bottom: at most eight labels, first and last included
    step = max(1, -(-len(periods) // 8))
    shown = periods[::step]
    if shown[-1] != last:
        shown.append(last)
    xticks = [(x_of(p), p.isoformat()) for p in shown]
    return Chart(WIDTH, height, panels, xticks, False)


__all__ = ["Bar", "Chart", "Panel", "Point", "build"]
