"""The Trends page's headline chart: per session, the share without a bad day and bad days per person.

Two panels over one row of session dates, each on a fixed axis (0 to 100 %, and 0 to the same top
the PDF uses, trends_report.per_person_axis), so what a line does means the same in the app and on paper.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studygroup.export.trends_report import per_person_axis, per_person_words, share_words, span_line
from studygroup.library import SessionHeadline
from ui.plain_text import plain_tooltip
from ui.style import active_palette

PADDING = 8
AXIS_PIXELS = 12  # the axis figures and dates, smaller than the text as axis labels are
MIN_LABEL_GAP = 14  # pixels between two date labels; fewer dates are shown when they would touch
Series = list[float | None]


class TrendsChart(QWidget):
    """Two line panels, one slot per session, oldest at the left; a tooltip names the session under the pointer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions: list[SessionHeadline] = []
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Headline chart")
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(560, 340)

    def set_sessions(self, sessions: list[SessionHeadline]) -> None:
        self.sessions = list(sessions)
        self.setAccessibleDescription(self.description())
        self.setToolTip(self.description())
        self.update()

    def description(self) -> str:
        """What the chart shows, in words, for a screen reader and the tooltip away from any session."""
        if not self.sessions:
            return "No sessions held yet."
        first, last = self.sessions[0], self.sessions[-1]
        return (
            f"{len(self.sessions)} sessions, {span_line(self.sessions)}. Without a bad day: "
            f"{share_words(first)} in the first, {share_words(last)} in the latest. Bad days per person: "
            f"{per_person_words(first)} in the first, {per_person_words(last)} in the latest."
        )

    def axis_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(AXIS_PIXELS)
        return font

    def panels(self) -> tuple[QRectF, QRectF]:
        """The two plot areas: share on top, bad days per person below, above the dates."""
        line = QFontMetrics(self.axis_font()).height()
        area = QRectF(self.rect()).adjusted(PADDING + line * 3, PADDING, -PADDING * 2, -PADDING - line * 1.6)
        title, gap = line * 1.8, line * 1.6
        half = (area.height() - 2 * title - gap) / 2
        top = QRectF(area.left(), area.top() + title, area.width(), half)
        bottom = QRectF(area.left(), top.bottom() + gap + title, area.width(), half)
        return top, bottom

    def slot_x(self, index: int) -> float:
        plot = self.panels()[0]
        return plot.left() + (index + 0.5) * plot.width() / max(len(self.sessions), 1)

    def session_at(self, x: float) -> int | None:
        plot = self.panels()[0]
        if not self.sessions or not plot.left() <= x < plot.right():
            return None
        return min(int((x - plot.left()) / (plot.width() / len(self.sessions))), len(self.sessions) - 1)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.session_at(event.position().x())
            if index is not None:
                QToolTip.showText(event.globalPosition().toPoint(), self._session_tip(index), self)
                return True
        return super().event(event)

    def _session_tip(self, index: int) -> str:
        session = self.sessions[index]
        return plain_tooltip(
            f"{session.date} · {session.title}\nWithout a bad day: {share_words(session)}\n"
            f"Bad days per person: {per_person_words(session)}"
        )

    def paintEvent(self, event) -> None:
        colours = active_palette()  # read at each paint, so a change of colour scheme shows at the next
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colours.border))
        painter.setBrush(QColor(colours.chart_background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        top, bottom = self.panels()
        shares = [s.figures.share_without_bad_day for s in self.sessions]
        per_person = [s.figures.bad_days_per_person for s in self.sessions]
        self._panel(painter, top, "People without a bad day", shares, (1.0, 0.25), "{:.0%}", colours.accent)
        axis = per_person_axis(self.sessions)
        label = "{:.0f}" if axis[1] >= 1 else "{:.2f}"
        self._panel(painter, bottom, "Bad days per person", per_person, axis, label, colours.kinds["bad_day"])
        self._dates(painter, bottom)
        painter.end()

    def _panel(
        self,
        painter: QPainter,
        plot: QRectF,
        title: str,
        values: Series,
        axis: tuple[float, float],
        label: str,
        colour: str,
    ) -> None:
        colours, line = active_palette(), QFontMetrics(self.axis_font()).height()
        bold = QFont(self.font())
        bold.setPixelSize(AXIS_PIXELS + 3)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(colours.text))
        title_box = QRectF(PADDING, plot.top() - line * 2, self.width(), line * 1.6)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(self.axis_font())
        top, step = axis
        for value in tick_values(top, step, plot.height() / (line * 1.3)):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(QColor(colours.chart_grid)))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(colours.muted))
            text_box = QRectF(0, y - line / 2, plot.left() - 6, line)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label.format(value))
        if not self.sessions:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No sessions held yet")
            return
        self._line(painter, plot, [None if v is None else min(v, top) / top for v in values], QColor(colour))

    def _line(self, painter: QPainter, plot: QRectF, fractions: Series, colour: QColor) -> None:
        """The points joined, with a gap at a session with no group; each point a dot."""
        path, open_run = QPainterPath(), False
        dot = 3.5 if len(fractions) <= 30 else 1.5
        painter.setBrush(colour)
        for index, fraction in enumerate(fractions):
            if fraction is None:
                open_run = False
                continue
            point = QPointF(self.slot_x(index), plot.bottom() - plot.height() * fraction)
            if open_run:
                path.lineTo(point)
            else:
                path.moveTo(point)
            open_run = True
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(point, dot, dot)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2))
        painter.drawPath(path)

    def _dates(self, painter: QPainter, plot: QRectF) -> None:
        """Session dates under the lower panel, every n-th when all would not fit."""
        painter.setFont(self.axis_font())
        metrics = QFontMetrics(self.axis_font())
        width = metrics.horizontalAdvance("0000-00-00") + MIN_LABEL_GAP
        slot = plot.width() / max(len(self.sessions), 1)
        every = max(1, math.ceil(width / slot))
        painter.setPen(QColor(active_palette().muted))
        for index, session in enumerate(self.sessions):
            if index % every == 0:
                left = min(self.slot_x(index) - width / 2, self.width() - PADDING - width)  # the last stays inside
                box = QRectF(left, plot.bottom() + 6, width, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, session.date)


def tick_values(top: float, step: float, room: float) -> list[float]:
    """The axis figures from 0 to *top* by *step*, every other one (or only 0 and *top*) when *room* figures fit."""
    count = round(top / step)
    for every in range(1, count + 1):
        if count % every == 0 and count / every + 1 <= max(room, 2):
            return [n * step for n in range(0, count + 1, every)]
    return [0.0, top]
