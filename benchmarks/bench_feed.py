"""The facilitator's live feed with a 10,000-note session: open it, then filter by person and kind.

Ours: Store.observations, the feed's NotesModel and NotesFilter in a QTableView, as the
capture page builds them. Raw: sqlite3 fetchall into a minimal QAbstractTableModel over
tuples, and Qt's own QSortFilterProxyModel filtering by fixed string (two chained proxies).
A filter figure is one choice in the filter row (person, then kind), until it is painted.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from benchmarks.bigsession import big_database  # noqa: E402
from benchmarks.common import Figure, median  # noqa: E402
from studygroup.storage.store import Store  # noqa: E402
from ui.capture.feed_model import NotesFilter, NotesModel  # noqa: E402
from ui.capture.feed_panel import FEED_COLUMNS  # noqa: E402
from ui.capture.notes_table import table_view  # noqa: E402

NOTES = 10_000
OPEN_MISS = (
    "missed. Profiled with cProfile: reading 10,000 rows of 18 columns through Python's sqlite3 takes about "
    "100 ms on this machine, building the Observation objects about 40 ms, the first paint about 40 ms. The raw "
    "library reading the same rows misses 100 ms as well. Already done: observations are built positionally "
    "with interned ids (about twice as fast as keyword construction), and the filter proxy was rewritten (Qt's "
    "QSortFilterProxyModel calls Python once per row). Not done: loading the feed in chunks after the first "
    "screenful would paint sooner without loading faster, at the cost of a read cursor held across user edits."
)


class RawModel(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None


def _show(view: QTableView, model) -> None:
    view.setModel(model)
    view.show()
    QApplication.processEvents()


def _ours(path: Path, session_id: str) -> tuple[float, list[float]]:
    start = time.perf_counter()
    with Store.open(path) as store:
        session = store.load_session(session_id)
        model = NotesModel(session)
        model.set_notes(store.observations(session_id))
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    view = table_view(proxy, "feed", FEED_COLUMNS)  # the capture page's feed view, as configured there
    view.resize(1000, 700)
    _show(view, proxy)
    opened = time.perf_counter() - start
    filtered = []
    for field, value in (("author_id", session.participants[0].id), ("kind", "friction")):
        start = time.perf_counter()  # one choice in the feed's filter row, until it is on screen
        proxy.set_filter(field, value)
        QApplication.processEvents()
        filtered.append(time.perf_counter() - start)
    assert 0 < proxy.rowCount() < NOTES
    view.close()
    return opened, filtered


def _raw(path: Path, session_id: str) -> tuple[float, list[float]]:
    view = QTableView()
    view.resize(1000, 700)
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    # The same rows and columns the store reads; the model shows four of them.
    rows = conn.execute(
        "SELECT author_id, kind, session_seconds, text, id, session_id, phase_id, wall_time,"
        " severity, journey_step, tags_json, follow_up, expected, happened, lingo_flag,"
        " solution_flag, deleted_at, updated_at FROM observations WHERE session_id = ?"
        " AND deleted_at IS NULL ORDER BY session_seconds, wall_time",
        (session_id,),
    ).fetchall()
    conn.close()
    model = RawModel(rows)
    by_person, by_kind = QSortFilterProxyModel(), QSortFilterProxyModel()
    by_person.setSourceModel(model)
    by_kind.setSourceModel(by_person)
    _show(view, by_kind)
    opened = time.perf_counter() - start
    filtered = []
    for proxy, column, value in ((by_person, 0, rows[0][0]), (by_kind, 1, "friction")):
        start = time.perf_counter()
        proxy.setFilterKeyColumn(column)
        proxy.setFilterFixedString(value)
        QApplication.processEvents()
        filtered.append(time.perf_counter() - start)
    view.close()
    return opened, filtered


def run(repeats: int = 5) -> list[Figure]:
    app = QApplication.instance() or QApplication([])  # noqa: F841 - widgets need it
    ours_open, ours_filter, raw_open, raw_filter = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path, session_id = big_database(Path(folder), NOTES)
        for _ in range(repeats):
            o, f = _ours(path, session_id)
            ours_open.append(o)
            ours_filter += f
            o, f = _raw(path, session_id)
            raw_open.append(o)
            raw_filter += f
    opened = Figure(
        f"Open feed, {NOTES:,} notes", median(ours_open) * 1000, median(raw_open) * 1000, "ms", "<= 100 ms", False
    )
    opened.met = opened.ours <= 100
    if not opened.met:
        opened.note = OPEN_MISS
    filtered = Figure(
        "Filter feed by person or by kind (one choice)",
        median(ours_filter) * 1000,
        median(raw_filter) * 1000,
        "ms",
        "<= 50 ms",
        False,
    )
    filtered.met = filtered.ours <= 50
    return [opened, filtered]
