"""A stacked bar chart drawn with QPainter: notes per category, split by kind.

Qt's charts module is not part of PySide6-Essentials, and one small painter keeps the
app's charts in the PDF's kind colours (studygroup.palette), in whichever palette the app is in.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studygroup.model import KIND_KEYS, KIND_LABELS
from studygroup.summary import nice_step
from ui.plain_text import plain_tooltip
from ui.style import active_palette

LABEL_LINES = 3  # a category name wraps onto at most three lines under its bar
LABEL_SCALE = 0.8  # category names a little smaller than the chart's text, as axis labels are
CARD_PADDING = 6  # the chart sits on its own card, whose background the kind colours keep 3:1 against
CARD_RADIUS = 10  # as the tables' corners


def label_lines(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """*text* on at most three lines no wider than *width*: broken at spaces and after hyphens, the rest elided."""
    words = re.findall(r"[^\s-]+-?|-", text) or [""]  # "Sign-up" can break after its hyphen

    def joined(left: str, right: str) -> str:
        return left + right if left.endswith("-") else f"{left} {right}"

    lines: list[str] = []
    while words and len(lines) < LABEL_LINES - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(joined(line, words[0])) <= width:
            line = joined(line, words.pop(0))
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    if words:
        rest = words.pop(0)
        for word in words:
            rest = joined(rest, word)
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


class StackedBarChart(QWidget):
    """Bars per category, stacked by kind, with labelled axes and a legend."""

    def __init__(self, title: str, x_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.x_label = title, x_label
        self.categories: list[str] = []
        self.counts: dict[str, list[int]] = {}
        self.setMinimumSize(420, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_data(self, categories: list[str], counts: dict[str, list[int]]) -> None:
        """*counts* maps each kind to one count per category."""
        self.categories, self.counts = list(categories), counts
        totals = [sum(counts.get(k, [0] * len(categories))[i] for k in KIND_KEYS) for i in range(len(categories))]
        # Categories are phase names and journey steps: user text.
        self.setToolTip(plain_tooltip("\n".join(f"{c}: {t} notes" for c, t in zip(categories, totals, strict=False))))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    def _totals(self) -> list[int]:
        return [
            sum(self.counts.get(k, [0] * len(self.categories))[i] for k in KIND_KEYS)
            for i in range(len(self.categories))
        ]

    def label_font(self) -> QFont:
        """The category names' font: the chart's, a little smaller."""
        font = QFont(self.font())
        pixels = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
        font.setPixelSize(max(11, round(pixels * LABEL_SCALE)))
        return font

    def content_rect(self) -> QRectF:
        """Inside the card: where the title, legend and plot go."""
        return QRectF(self.rect()).adjusted(CARD_PADDING, CARD_PADDING, -CARD_PADDING, -CARD_PADDING)

    def plot_rect(self) -> QRectF:
        """Where the bars go: below the title and legend, above the category names and the axis title."""
        content = self.content_rect()
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        legend_height = self._legend_rows() * line * 1.2 + line * 0.2
        top = content.top() + line * 1.6 + legend_height
        left = content.left() + line * 1.1 + metrics.horizontalAdvance(str(self._top_value())) + 8  # "Notes", numbers
        bottom = self._label_block() + line * 1.4  # the category names, then the axis title
        return QRectF(left, top, content.right() - left, content.bottom() - top - bottom)

    def _label_block(self) -> float:
        return 4 + LABEL_LINES * QFontMetrics(self.label_font()).height()

    def _top_value(self) -> int:
        totals = self._totals()
        step = nice_step(max(totals, default=0))
        return max(step, math.ceil(max(totals, default=0) / step) * step)

    def category_labels(self) -> list[list[str]]:
        """Each category's name as drawn under its bar: the lines, each no wider than the bar's slot."""
        if not self.categories:
            return []
        slot = self.plot_rect().width() / len(self.categories)
        metrics = QFontMetrics(self.label_font())
        return [label_lines(metrics, category, max(1, int(slot) - 4)) for category in self.categories]

    def category_at(self, x: float) -> int | None:
        """The index of the category whose slot holds *x*, or None."""
        plot = self.plot_rect()
        if not self.categories or not plot.left() <= x < plot.right():
            return None
        return min(int((x - plot.left()) / (plot.width() / len(self.categories))), len(self.categories) - 1)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.category_at(event.position().x())
            if index is not None:  # the bar under the pointer: its full name, however it was shortened
                QToolTip.showText(event.globalPosition().toPoint(), self._category_tip(index), self)
                return True
        return super().event(event)

    def _category_tip(self, index: int) -> str:
        counts = [(KIND_LABELS[k], self.counts.get(k, [0] * len(self.categories))[index]) for k in KIND_KEYS]
        parts = [f"{label} {count}" for label, count in counts if count]
        total = sum(count for _, count in counts)
        return plain_tooltip(f"{self.categories[index]}: {total} notes" + (f" ({', '.join(parts)})" if parts else ""))

    def paintEvent(self, event) -> None:
        colours = active_palette()  # read at each paint, so a change of colour scheme shows at the next
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colours.border))
        painter.setBrush(QColor(colours.chart_background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), CARD_RADIUS, CARD_RADIUS)
        painter.setPen(QColor(colours.text))
        font = QFont(self.font())
        line = QFontMetrics(font).height()
        title_font = QFont(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        content = self.content_rect()
        title = QRectF(content.left(), content.top(), content.width(), line * 1.4)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(font)
        self._draw_legend(painter, content.top() + line * 1.5, line)
        plot = self.plot_rect()
        if plot.height() > line and plot.width() > line:
            self._draw_plot(painter, plot, line)
        painter.end()

    def _legend_items(self, line: float) -> list[tuple[str, float, int]]:
        """(kind, x, row) for each legend entry, x from the card's left edge, wrapping at the card's width."""
        metrics = QFontMetrics(self.font())
        x, row, items = 0.0, 0, []
        for kind in KIND_KEYS:
            width = line + metrics.horizontalAdvance(KIND_LABELS[kind]) + line
            if x and x + width > self.content_rect().width():
                x, row = 0.0, row + 1
            items.append((kind, x, row))
            x += width
        return items

    def _legend_rows(self) -> int:
        return self._legend_items(QFontMetrics(self.font()).height())[-1][2] + 1

    def _draw_legend(self, painter: QPainter, top: float, line: float) -> None:
        content, kinds = self.content_rect(), active_palette().kinds
        for kind, offset, row in self._legend_items(line):
            x, y = content.left() + offset, top + row * line * 1.2
            label = KIND_LABELS[kind]
            painter.fillRect(QRectF(x, y + line * 0.2, line * 0.7, line * 0.7), QColor(kinds[kind]))
            painter.drawText(QRectF(x + line, y, content.right() - x - line, line), Qt.AlignmentFlag.AlignLeft, label)

    def _draw_plot(self, painter: QPainter, plot: QRectF, line: float) -> None:
        totals = self._totals()
        step = nice_step(max(totals, default=0))
        top_value = max(step, math.ceil(max(totals, default=0) / step) * step)
        colours = active_palette()
        grid, text = QPen(QColor(colours.chart_grid)), QColor(colours.text)
        for value in range(0, top_value + 1, step):
            y = plot.bottom() - plot.height() * value / top_value
            painter.setPen(grid)
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, plot.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        self._draw_bars(painter, plot, line, top_value)
        painter.save()
        painter.translate(self.content_rect().left(), plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt.AlignmentFlag.AlignCenter, "Notes")
        painter.restore()
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + self._label_block(), plot.width(), line * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            self.x_label,
        )

    def _draw_bars(self, painter: QPainter, plot: QRectF, line: float, top_value: int) -> None:
        if not self.categories:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No notes yet")
            return
        slot = plot.width() / len(self.categories)
        bar = slot * 0.62
        painter.save()
        painter.setFont(self.label_font())
        label_line = painter.fontMetrics().height()
        for i, lines in enumerate(self.category_labels()):  # each within its own slot: never overlapping
            for n, text in enumerate(lines):
                painter.drawText(
                    QRectF(plot.left() + slot * i, plot.bottom() + 4 + n * label_line, slot, label_line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    text,
                )
        painter.restore()
        kinds = active_palette().kinds
        for i in range(len(self.categories)):
            x = plot.left() + slot * i + (slot - bar) / 2
            base = plot.bottom()
            for kind in KIND_KEYS:
                count = self.counts.get(kind, [0] * len(self.categories))[i]
                height = plot.height() * count / top_value
                painter.fillRect(QRectF(x, base - height, bar, height), QColor(kinds[kind]))
                base -= height
