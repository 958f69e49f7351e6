"""The Trends report's line chart: one value per session, over time, on a fixed axis.

Drawn with reportlab's graphics shapes rather than its LineChart, so a session with no group (no
value) leaves a gap instead of a dip to zero, and the axis is exactly the one given: 0 to 100 % for
the share without a bad day whatever the data, so two reports compare at a glance. The labels are
session dates and axis figures, ASCII only, so plain canvas strings draw them.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from studygroup.export.fonts import SANS
from studygroup.palette import LIGHT

DOTS_UP_TO = 30  # sessions whose points get a full-size dot; more, and the dots shrink to keep the line readable
MAX_DATE_LABELS = 10  # more dates than this under the axis would collide: every n-th is shown
INK, MUTED = colors.HexColor(LIGHT.text), colors.HexColor(LIGHT.muted)


def line_chart(
    dates: list[str],
    values: list[float | None],
    axis: tuple[float, float],
    colour: str,
    label: str | None = None,
    width: float = 174 * mm,
    height: float = 52 * mm,
) -> Drawing:
    """*values* (None: no value) per session, dated, from 0 to axis[0] with a gridline every axis[1].

    *label* formats an axis figure ("{:.0%}"); by default whole numbers, or two decimals below a step of 1.
    """
    top, step = axis
    label = label or ("{:.0f}" if step >= 1 else "{:.2f}")
    drawing = Drawing(width, height)
    left, bottom, right, upper = 16 * mm, 9 * mm, width - 4 * mm, height - 3 * mm
    for tick in range(round(top / step) + 1):
        value = tick * step
        y = bottom + (upper - bottom) * value / top
        drawing.add(Line(left, y, right, y, strokeColor=colors.HexColor(LIGHT.chart_grid), strokeWidth=0.5))
        drawing.add(
            String(
                left - 2 * mm,
                y - 2.5,
                label.format(value),
                fontName=SANS,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    slot = (right - left) / max(len(values), 1)
    points = [
        (left + (i + 0.5) * slot, None if v is None else bottom + (upper - bottom) * min(v, top) / top)
        for i, v in enumerate(values)
    ]
    _draw_line(drawing, points, colors.HexColor(colour), 2.2 if len(points) <= DOTS_UP_TO else 1.1)
    every = max(1, math.ceil(len(dates) / MAX_DATE_LABELS))
    for index, date in enumerate(dates):
        if index % every == 0:
            drawing.add(
                String(
                    points[index][0], 2 * mm, date, fontName=SANS, fontSize=6.5, fillColor=MUTED, textAnchor="middle"
                )
            )
    return drawing


def _draw_line(drawing: Drawing, points: list[tuple[float, float | None]], colour: colors.Color, dot: float) -> None:
    """Runs of points joined, a gap at each None; every point marked, so a lone session still shows."""
    run: list[float] = []
    for x, y in [*points, (0.0, None)]:
        if y is None:
            if len(run) > 2:
                drawing.add(PolyLine(run, strokeColor=colour, strokeWidth=1.4))
            run = []
            continue
        run += [x, y]
        drawing.add(Circle(x, y, dot, fillColor=colour, strokeColor=None))
