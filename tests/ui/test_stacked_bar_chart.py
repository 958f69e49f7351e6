"""The stacked bar chart: whole-number axis steps, and it paints data and the empty case."""

import pytest

from studygroup.summary import nice_step
from ui.stacked_bar_chart import StackedBarChart


@pytest.mark.parametrize("maximum, step", [(0, 1), (3, 1), (7, 2), (12, 5), (40, 10), (57, 20), (130, 50)])
def test_nice_step(maximum, step):
    assert nice_step(maximum) == step


def test_chart_paints_bars_in_kind_colours(qtbot):
    chart = StackedBarChart("Notes by phase", "Phase")
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    chart.set_data(["Sign-up", "Payouts"], {"friction": [3, 0], "bad_day": [0, 4]})
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 360, 3)}
    assert "#e07a1f" in colours and "#c8344b" in colours
    assert "Payouts: 4 notes" in chart.toolTip()


def test_chart_without_data_says_so(qtbot):
    chart = StackedBarChart("Notes by journey step", "Journey step")
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.set_data([], {})
    assert not chart.grab().isNull()
