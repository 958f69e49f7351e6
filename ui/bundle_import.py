"""Import a bundle from the app: File > Import bundle... or a .json file dropped on the window.

The core checks the bundle whole before writing anything (studygroup.exchange.bundle_check); the app says
what the import did, or the one sentence why not, in one dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QWidget

from studygroup.errors import StudygroupError
from studygroup.exchange.bundle import ImportReport, import_bundle
from studygroup.storage.store import Store
from ui import dialogs

FILE_FILTER = "studygroup bundle (*.json)"
TITLE = "Import bundle"


def ask_and_import(parent: QWidget, store: Store, shown=None) -> ImportReport | None:
    """Ask for a bundle file, then import it; None when cancelled or refused."""
    path = dialogs.ask_open_path(parent, TITLE, FILE_FILTER)
    return import_file(parent, store, path, shown) if path is not None else None


def import_file(
    parent: QWidget, store: Store, path: Path, shown: Callable[[ImportReport], None] | None = None
) -> ImportReport | None:
    """Import *path* and say what happened in one dialog; the database is unchanged when refused.

    *shown* updates the window first, so the report is read over the notes that came in.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = import_bundle(store, path)
    except StudygroupError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.inform(parent, "Not imported", f"{path.name} was not imported: {exc} Nothing was changed.")
        return None
    QApplication.restoreOverrideCursor()
    if shown is not None:
        shown(report)
    dialogs.inform(parent, TITLE, "\n".join(report.lines()))
    return report


def dropped_bundle(mime: QMimeData) -> Path | None:
    """The one local .json file being dragged, or None (a drop of anything else is not offered)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".json" else None
