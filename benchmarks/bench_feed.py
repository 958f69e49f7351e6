"""The facilitator's live feed with a 10,000-note session: open it, then filter by person and kind.

Ours: Store.observations, the feed's NotesModel and NotesFilter in a QTableView, as the
capture page builds them. Raw: sqlite3 fetchall into a minimal QAbstractTableModel over
tuples, and Qt's own QSortFilterProxyModel filtering by fixed string (two chained proxies).
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
from studygroup.store import Store  # noqa: E402
from ui.feed_model import NotesFilter, NotesModel  # noqa: E402

NOTES = 10_000


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


def _ours(path: Path, session_id: str) -> tuple[float, float]:
    view = QTableView()
    view.resize(1000, 700)
    start = time.perf_counter()
    with Store.open(path) as store:
        session = store.load_session(session_id)
        model = NotesModel(session)
        model.set_notes(store.observations(session_id))
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    _show(view, proxy)
    opened = time.perf_counter() - start
    person = session.participants[0].id
    start = time.perf_counter()
    proxy.set_filter("author_id", person)  # two choices in the feed's filter row, each shown before the next
    QApplication.processEvents()
    proxy.set_filter("kind", "friction")
    QApplication.processEvents()
    filtered = time.perf_counter() - start
    assert 0 < proxy.rowCount() < NOTES
    view.close()
    return opened, filtered


def _raw(path: Path, session_id: str) -> tuple[float, float]:
    view = QTableView()
    view.resize(1000, 700)
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT author_id, kind, session_seconds, text FROM observations WHERE session_id = ?"
                        " AND deleted_at IS NULL ORDER BY session_seconds", (session_id,)).fetchall()
    conn.close()
    model = RawModel(rows)
    by_person, by_kind = QSortFilterProxyModel(), QSortFilterProxyModel()
    by_person.setSourceModel(model)
    by_kind.setSourceModel(by_person)
    _show(view, by_kind)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    by_person.setFilterKeyColumn(0)
    by_person.setFilterFixedString(rows[0][0])
    QApplication.processEvents()
    by_kind.setFilterKeyColumn(1)
    by_kind.setFilterFixedString("friction")
    QApplication.processEvents()
    filtered = time.perf_counter() - start
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
            ours_filter.append(f)
            o, f = _raw(path, session_id)
            raw_open.append(o)
            raw_filter.append(f)
    opened = Figure(f"Open feed, {NOTES:,} notes", median(ours_open) * 1000, median(raw_open) * 1000, "ms",
                    "<= 100 ms", False)
    opened.met = opened.ours <= 100
    filtered = Figure("Filter feed by person, then by kind (both)", median(ours_filter) * 1000,
                      median(raw_filter) * 1000, "ms", "<= 50 ms", False)
    filtered.met = filtered.ours <= 50
    return [opened, filtered]
