"""The stacked bar chart: whole-number axis steps, data and the empty case, long names kept under their bar, colours."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from ui.review.stacked_bar_chart import StackedBarChart, label_lines

# nice_step, the axis step, is core: tests/core/test_summary.py.


def test_chart_paints_bars_in_kind_colours(qtbot):
    chart = StackedBarChart("Notes by phase", "Phase")
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    chart.set_data(["Sign-up", "Payouts"], {"friction": [3, 0], "bad_day": [0, 4]})
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 360, 3)}
    assert "#e07a1f" in colours and "#c8344b" in colours
    assert "Payouts: 4 notes" in chart.toolTip()


def dark_pixels(image, rect) -> int:
    """Pixels in *rect* dark enough to be text (the grid lines are light grey, the bars bright)."""
    return sum(
        1
        for x in range(int(rect.left()), int(rect.right()))
        for y in range(int(rect.top()), int(rect.bottom()))
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_chart_without_data_says_so(qtbot):
    chart = StackedBarChart("Notes by journey step", "Journey step")
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.set_data([], {})
    assert chart.toolTip() == "" and chart.category_labels() == []
    plot = chart.plot_rect()
    middle = plot.adjusted(plot.width() * 0.2, plot.height() * 0.3, -plot.width() * 0.2, -plot.height() * 0.3)
    empty = chart.grab().toImage()
    assert dark_pixels(empty, middle) > 50  # "No notes yet", in the middle of the plot
    chart.set_data(["Sign-up"], {"friction": [0]})  # one category with nothing in it: no words there
    assert dark_pixels(chart.grab().toImage(), middle) == 0


def test_label_lines_wrap_at_spaces_and_hyphens_and_elide_the_rest(qapp):
    font = QFont("DejaVu Sans")
    font.setPixelSize(13)
    metrics = QFontMetrics(font)
    room = metrics.horizontalAdvance("identity") + 2
    assert label_lines(metrics, "Verify identity", room) == ["Verify", "identity"]
    assert label_lines(metrics, "Sign-up", metrics.horizontalAdvance("Sign-") + 1) == ["Sign-", "up"]
    assert label_lines(metrics, "Payouts", room * 3) == ["Payouts"]
    lines = label_lines(metrics, "Experience the whole product end to end", room)
    assert len(lines) == 3 and lines[-1].endswith("\u2026")
    assert all(metrics.horizontalAdvance(line) <= room for line in lines)


def test_long_category_names_stay_under_their_own_bar_with_the_full_name_in_a_tooltip(qtbot):
    chart = StackedBarChart("Notes by phase", "Phase")
    qtbot.addWidget(chart)
    chart.resize(420, 300)
    names = ["Welcome and rules", "Become the customer", "Experience the product", "Share-out", "Wrap-up"]
    chart.set_data(names, {"friction": [1, 2, 9, 3, 1]})
    slot = chart.plot_rect().width() / len(names)
    metrics = QFontMetrics(chart.label_font())
    for lines in chart.category_labels():
        assert 1 <= len(lines) <= 3 and all(metrics.horizontalAdvance(line) <= slot for line in lines)
    middle = chart.plot_rect().left() + slot * 2.5
    assert chart.category_at(middle) == 2
    assert chart._category_tip(2) == "Experience the product: 9 notes (Friction 9)"


def test_a_change_of_colour_scheme_repaints_the_chart_in_the_dark_palette(qtbot, qapp, restored_style):
    chart = StackedBarChart("Notes by phase", "Phase")
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    chart.set_data(["Sign-up", "Payouts"], {"friction": [3, 0], "bad_day": [0, 4]})
    image = chart.grab().toImage()
    assert image.pixelColor(3, 180).name() == "#ffffff"  # inside the card's edge: the light chart background
    restored_style.apply_scheme(qapp, Qt.ColorScheme.Dark)
    image = chart.grab().toImage()
    assert image.pixelColor(3, 180).name() == "#1f252c"
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 360, 3)}
    assert "#f0913a" in colours and "#e8606f" in colours  # the dark palette's friction and bad day
    assert "#e07a1f" not in colours
