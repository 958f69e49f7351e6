"""Peak memory of the app with a 10,000-note session open, against a bare PySide6 window holding the same notes.

The baseline is a bare window, as for start-up, that also does the work the figure is about: it
reads the session's 10,000 live notes with sqlite3 (every column the app reads, one tuple a note)
and shows them in a QTableView over a minimal QAbstractTableModel, in the same window size. A bare
empty window measured the app's code and the notes together against nothing; this one leaves the
notes' own cost on both sides, so the ratio is about what the app adds around them.

    python -m benchmarks.bench_memory raw DB SESSION_ID   # the baseline child: prints its peak RSS (KiB)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.common import Figure

REPEATS = 5
NOTES = 10_000
# Every column of a live note, as the store reads them.
RAW_SELECT = (
    "SELECT id, session_id, author_id, phase_id, session_seconds, wall_time, kind, severity, journey_step, text,"
    " tags_json, follow_up, expected, happened, lingo_flag, solution_flag, deleted_at, updated_at"
    " FROM observations WHERE session_id = ? AND deleted_at IS NULL ORDER BY session_seconds, wall_time, rowid"
)


def raw_peak_kib(db: Path, session_id: str) -> int:
    """The baseline's peak RSS in KiB, measured in a fresh child process like the app's."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_memory", "raw", str(db), session_id],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()
    return int(out[-1])


def run() -> list[Figure]:
    # Imported here: the baseline's child runs this module and must not load the app's core with it.
    from benchmarks.bench_startup import launch
    from benchmarks.bigsession import big_database
    from benchmarks.common import Figure, median

    ours: list[float] = []
    raw: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        db, session_id = big_database(Path(folder), NOTES)
        for _ in range(REPEATS):
            bare.append(launch("bare")[1])
            raw.append(raw_peak_kib(db, session_id))
            ours.append(launch("app", str(db), session_id)[1])
    figure = Figure(
        "Peak memory, 10,000-note session open", median(ours) / 1024, median(raw) / 1024, "MiB", "ratio <= 1.5", False
    )
    figure.met = figure.ratio <= 1.5
    figure.note = (
        f"the baseline is a bare window showing the same {NOTES:,} notes read with sqlite3 as tuples; "
        f"a bare empty window takes {median(bare) / 1024:.1f} MiB (ratio {median(ours) / median(bare):.2f})"
    )
    return [figure]


def _raw_child(db: str, session_id: str) -> None:
    """A bare window with the session's notes in a table: the baseline's process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from benchmarks.app_child import peak_rss_kib

    class RawModel(QAbstractTableModel):
        def __init__(self, rows: list[tuple[object, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 4

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][(2, 6, 4, 9)[index.column()]])  # person, kind, time, text
            return None

    app = QApplication(sys.argv[:1])
    connection = sqlite3.connect(db)
    rows = connection.execute(RAW_SELECT, (session_id,)).fetchall()
    window = QMainWindow()
    view = QTableView()
    view.setModel(RawModel(rows))
    window.setCentralWidget(view)
    window.resize(1280, 800)
    window.show()
    view.scrollToBottom()

    def report_and_quit() -> None:
        app.processEvents()
        assert view.model().rowCount() == len(rows) > 0
        print(peak_rss_kib(), flush=True)
        app.quit()

    QTimer.singleShot(0, report_and_quit)
    app.exec()
    connection.close()


if __name__ == "__main__" and sys.argv[1:2] == ["raw"]:
    _raw_child(sys.argv[2], sys.argv[3])
