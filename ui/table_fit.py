"""Table sizing: short columns as wide as what they can hold, the text column takes the rest.

Widths come from font metrics of the values a column can show (names, kinds, times), not
from Qt's ResizeToContents, which asks the Python model about every row again on each change.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from studygroup.model import KIND_LABELS, SEVERITY_WORDS, Session
from ui.capture.feed_model import COLUMNS, KIND, NOTE, PERSON, PHASE, SEVERITY, STEP, TIME

# base.qss pads cells and header sections by 10 px on each side, the style adds a text margin of
# 4 px on each side (what ResizeToContents measures), and 4 px spare against rounding.
CELL_PADDING = 2 * 10 + 2 * 4 + 4
NOTE_MIN_WIDTH = 240  # the note text is the point of a note list: always a readable stretch of it
PERSON_MAX_WIDTH = 170  # a longer name is elided; the cell's tooltip has it whole
LONGEST_TIME = "0:00:00"  # session time past the first hour (clock_text)


def cell_width(view: QAbstractItemView, texts: Iterable[str], bold: bool = False) -> int:
    """The width a cell of *view* needs to show the widest of *texts* whole, padding included."""
    view.ensurePolished()  # the application stylesheet sets the font
    font = QFont(view.font())
    font.setBold(bold)
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING


def column_width(view: QAbstractItemView, title: str, texts: Iterable[str], most: int | None = None) -> int:
    """Wide enough for the header *title* (bold) and every one of *texts*, at most *most*."""
    width = max(cell_width(view, [title], bold=True), cell_width(view, texts))
    return width if most is None else min(width, most)


def fit_note_columns(view: QTableView, session: Session) -> int:
    """Fix the note table's short columns to what they can hold, let Note stretch; returns their total width."""
    names = [session.author_name(None)] + [p.name for p in session.participants]
    texts = {
        TIME: [LONGEST_TIME],
        PERSON: names,
        KIND: list(KIND_LABELS.values()),
        SEVERITY: [f"{n}: {words}" for n, words in SEVERITY_WORDS.items()],
        PHASE: [p.name for p in session.phases],
        STEP: ["Journey step"],
    }
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # over the text
    total = 0
    for column, values in texts.items():
        width = column_width(view, COLUMNS[column], values, PERSON_MAX_WIDTH if column == PERSON else None)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
        total += 0 if view.isColumnHidden(column) else width
    header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
    return total


def table_chrome_width(view: QTableView) -> int:
    """What a table needs beside its columns: frame and a vertical scroll bar."""
    return 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 2


def rows_height(view: QTableView, rows: int) -> int:
    """The height that shows the header and *rows* whole rows."""
    view.ensurePolished()
    header = 0 if view.horizontalHeader().isHidden() else view.horizontalHeader().sizeHint().height()
    return header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
