"""Import a bundle from the app: File > Import bundle... or a .json file dropped on the window.

The core checks the bundle whole before writing anything (studygroup.exchange.bundle_check); the app runs
the import in the background (ui.background), so notes can be typed meanwhile, and then says what it
did, or the one sentence why not, in one dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QWidget

from studygroup.exchange.bundle import ImportReport, import_bundle
from ui import dialogs
from ui.background import StoreWorker

FILE_FILTER = "studygroup bundle (*.json)"
TITLE = "Import bundle"
BUSY_SENTENCE = "another import or sync is still running; try again when it has finished."


def ask_and_import(parent: QWidget, worker: StoreWorker, shown=None) -> bool:
    """Ask for a bundle file, then import it in the background; False when cancelled or not started."""
    path = dialogs.ask_open_path(parent, TITLE, FILE_FILTER)
    return import_file(parent, worker, path, shown) if path is not None else False


def import_file(
    parent: QWidget, worker: StoreWorker, path: Path, shown: Callable[[ImportReport], None] | None = None
) -> bool:
    """Import *path* off the UI thread, then say what happened in one dialog; the database is unchanged when refused.

    *shown* updates the window first, so the report is read over the notes that came in. False when
    another import or sync is still running (said in a dialog).
    """

    def done(report: ImportReport) -> None:
        if shown is not None:
            shown(report)
        dialogs.inform(parent, TITLE, "\n".join(report.lines()))

    def refused(sentence: str) -> None:
        dialogs.inform(parent, "Not imported", f"{path.name} was not imported: {sentence} Nothing was changed.")

    if worker.start(f"Importing {path.name}", lambda store: import_bundle(store, path), done, refused):
        return True
    dialogs.inform(parent, TITLE, f"{path.name} was not imported: {BUSY_SENTENCE}")
    return False


def dropped_bundle(mime: QMimeData) -> Path | None:
    """The one local .json file being dragged, or None (a drop of anything else is not offered)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".json" else None
