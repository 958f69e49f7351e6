"""The summary's stacked bar charts, with category labels drawn like the body text.

reportlab's chart labels are plain canvas strings in one font: no fallback, no shaping, so
Chinese, Devanagari or Thai journey steps printed as boxes and Hebrew backwards. Here the
chart is drawn without them and each label is a one-line Paragraph (made by the caller, who
owns the fonts), rotated under its bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from studygroup.export.fonts import SANS
from studygroup.model import KIND_KEYS, KIND_LABELS
from studygroup.palette import LIGHT
from studygroup.summary import nice_step

MUTED = colors.HexColor(LIGHT.muted)  # paper is white: the light palette
MAX_BARS = 12  # more bars than this stop being readable; the busiest come first
LABEL_WIDTH = 24 * mm  # a longer label is cut with "…" by the caller's factory
LABEL_ANGLE = 30

Label = Callable[[str], Flowable]  # one-line, right-aligned label of LABEL_WIDTH


class LabelledChart(Flowable):
    """A chart Drawing plus its category labels, each drawn rotated with its top-right corner at its bar."""

    def __init__(self, drawing: Drawing, anchors: list[tuple[float, float]], labels: list[Flowable]):
        super().__init__()
        self.drawing, self.anchors, self.labels = drawing, anchors, labels
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)
        for (x, y), label in zip(self.anchors, self.labels, strict=False):
            width, height = label.wrap(LABEL_WIDTH, 5 * LABEL_WIDTH)
            self.canv.saveState()
            self.canv.translate(x, y)
            self.canv.rotate(LABEL_ANGLE)
            label.drawOn(self.canv, -width, -height)
            self.canv.restoreState()


def stacked_chart(
    table: Mapping[str, Mapping[str, int]],
    axis_title: str,
    label: Label,
    width: float = 170 * mm,
    height: float = 78 * mm,
) -> LabelledChart:
    """Notes per category stacked by kind, in the kind colours the app uses, with labelled axes."""
    categories = list(table)[:MAX_BARS]
    kinds = [k for k in KIND_KEYS if any(table[c][k] for c in categories)] or [KIND_KEYS[0]]
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 16 * mm, 22 * mm, width - 60 * mm, height - 28 * mm
    chart.data = [[table[c][k] for c in categories] for k in kinds]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = ["" for _ in categories]  # drawn by LabelledChart
    totals = [sum(table[c].values()) for c in categories]
    step = nice_step(max(totals, default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = max(step, -(-max(totals, default=0) // step) * step)
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor(LIGHT.chart_grid)
    for index, kind in enumerate(kinds):
        chart.bars[index].fillColor = colors.HexColor(LIGHT.kinds[kind])
        chart.bars[index].strokeColor = None
    chart.barWidth, chart.groupSpacing = 10, 8
    drawing.add(chart)
    value_title = Group(String(0, 0, "Notes", fontName=SANS, fontSize=8, fillColor=MUTED, textAnchor="middle"))
    value_title.transform = (0, 1, -1, 0, 5 * mm, chart.y + chart.height / 2)  # rotated to read upwards
    drawing.add(value_title)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            1 * mm,
            axis_title,
            fontName=SANS,
            fontSize=8,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    legend = Legend()
    legend.x, legend.y = chart.x + chart.width + 8 * mm, chart.y + chart.height
    legend.fontName, legend.fontSize, legend.alignment = SANS, 8, "right"
    legend.columnMaximum = len(kinds)  # one column, top to bottom in the stacking order
    legend.colorNamePairs = [(colors.HexColor(LIGHT.kinds[k]), KIND_LABELS[k]) for k in reversed(kinds)]
    drawing.add(legend)
    slot = chart.width / max(len(categories), 1)
    anchors = [(chart.x + (i + 0.5) * slot, chart.y - 5) for i in range(len(categories))]
    return LabelledChart(drawing, anchors, [label(c) for c in categories])
