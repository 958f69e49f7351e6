"""A stacked bar chart drawn with QPainter: notes per category, split by kind.

Qt's charts module is not part of PySide6-Essentials, and one small painter keeps the
app's charts in the same colours as the PDF's (studygroup.model.KIND_COLOURS).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studygroup.model import KIND_COLOURS, KIND_KEYS, KIND_LABELS
from studygroup.summary import nice_step
from ui.plain_text import plain_tooltip


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
        self.setToolTip(plain_tooltip("\n".join(f"{c}: {t} notes" for c, t in zip(categories, totals))))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    def _totals(self) -> list[int]:
        return [sum(self.counts.get(k, [0] * len(self.categories))[i] for k in KIND_KEYS)
                for i in range(len(self.categories))]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        title_font = QFont(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.4), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(font)
        legend_height = self._draw_legend(painter, line * 1.5, line)
        plot = QRectF(line * 3.2, line * 1.6 + legend_height, self.width() - line * 4,
                      self.height() - line * 1.6 - legend_height - line * 4.2)
        if plot.height() > line and plot.width() > line:
            self._draw_plot(painter, plot, line)
        painter.end()

    def _draw_legend(self, painter: QPainter, top: float, line: float) -> float:
        x, y = 0.0, top
        for kind in KIND_KEYS:
            label = KIND_LABELS[kind]
            width = line + painter.fontMetrics().horizontalAdvance(label) + line
            if x + width > self.width():
                x, y = 0.0, y + line * 1.2
            painter.fillRect(QRectF(x, y + line * 0.2, line * 0.7, line * 0.7), QColor(KIND_COLOURS[kind]))
            painter.drawText(QRectF(x + line, y, width, line), Qt.AlignmentFlag.AlignLeft, label)
            x += width
        return y - top + line * 1.4

    def _draw_plot(self, painter: QPainter, plot: QRectF, line: float) -> None:
        totals = self._totals()
        step = nice_step(max(totals, default=0))
        top_value = max(step, math.ceil(max(totals, default=0) / step) * step)
        grid = QPen(QColor("#D5D9E0"))
        for value in range(0, top_value + 1, step):
            y = plot.bottom() - plot.height() * value / top_value
            painter.setPen(grid)
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y - line / 2, plot.left() - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        self._draw_bars(painter, plot, line, top_value)
        painter.save()
        painter.translate(line * 0.2, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt.AlignmentFlag.AlignCenter, "Notes")
        painter.restore()
        painter.drawText(QRectF(plot.left(), plot.bottom() + line * 2.6, plot.width(), line * 1.4),
                         Qt.AlignmentFlag.AlignCenter, self.x_label)

    def _draw_bars(self, painter: QPainter, plot: QRectF, line: float, top_value: int) -> None:
        if not self.categories:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No notes yet")
            return
        slot = plot.width() / len(self.categories)
        bar = slot * 0.62
        for i, category in enumerate(self.categories):
            x = plot.left() + slot * i + (slot - bar) / 2
            base = plot.bottom()
            for kind in KIND_KEYS:
                count = self.counts.get(kind, [0] * len(self.categories))[i]
                height = plot.height() * count / top_value
                painter.fillRect(QRectF(x, base - height, bar, height), QColor(KIND_COLOURS[kind]))
                base -= height
            # Two wrapped lines fit most phase and step names; longer ones are elided.
            label = painter.fontMetrics().elidedText(category, Qt.TextElideMode.ElideRight, int(slot * 1.8))
            painter.drawText(QRectF(plot.left() + slot * i + 2, plot.bottom() + 2, slot - 4, line * 2.2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             label)
