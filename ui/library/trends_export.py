"""The Trends report written in the export worker: the job reads the library through its own connection.

Building the report reads the trends and each recurring problem's quotes (a quarter of a second on
60,000 notes), so that runs in the worker too, on a read-only connection of its own: a SQLite
connection belongs to the thread that made it.
"""

from __future__ import annotations

from pathlib import Path

from studygroup.export.exporters import export_report
from studygroup.export.trends_report import build_report
from studygroup.storage.db import open_database
from studygroup.storage.store import Store
from ui.review.export_worker import WriteJob


class TrendsExportJob(WriteJob):
    """The Trends report of one filter, as "pdf" or "md", written to *path*."""

    def __init__(self, fmt: str, db_path: Path, scenario: str | None, since: str, path: Path):
        super().__init__(path)
        self.fmt, self.db_path, self.scenario, self.since = fmt, Path(db_path), scenario, since

    def write(self) -> None:
        with Store(open_database(self.db_path, read_only=True)) as store:
            report = build_report(store, scenario=self.scenario, since=self.since)
        export_report(self.fmt, report, self.path, progress=self.progressed.emit)
