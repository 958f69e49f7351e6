"""A team's library folder from the app: File > Library folder… and File > Sync from library folder (F5).

The core does the work (studygroup.exchange.library_folder); the app asks for the folder, says what a
sync did in one dialog, and shows a folder problem as one sentence, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from studygroup.errors import StudygroupError
from studygroup.exchange.library_folder import SyncReport, library_folder, set_library_folder, sync_from_folder
from studygroup.storage.store import Store
from ui import dialogs

CHOOSE_TITLE = "Library folder"
SYNC_TITLE = "Sync from library folder"


def choose_folder(parent: QWidget, store: Store) -> bool:
    """Set, change or stop using the library folder; True when the setting changed."""
    current = library_folder(store)
    if current is not None:
        text = f"Each ended session's bundle is written to {current}, and F5 syncs from it."
        choice = dialogs.choose(parent, CHOOSE_TITLE, text, ["Choose another folder…", "Stop using a folder"])
        if choice is None:
            return False
        if choice == 1:
            set_library_folder(store, None)
            dialogs.inform(parent, CHOOSE_TITLE, "No library folder: ended sessions stay on this laptop only.")
            return True
    folder = dialogs.ask_folder(parent, "Choose the team's library folder", current)
    if folder is None:
        return False
    try:
        chosen = set_library_folder(store, folder)
    except StudygroupError as exc:
        dialogs.inform(parent, CHOOSE_TITLE, f"Not set: {exc}")
        return False
    dialogs.inform(parent, CHOOSE_TITLE, f"Each ended session's bundle will be written to {chosen}.")
    return True


def sync(parent: QWidget, store: Store, shown: Callable[[SyncReport], None]) -> SyncReport | None:
    """Sync from the library folder (asking for one first when none is set) and say what it did."""
    folder = library_folder(store)
    if folder is None and choose_folder(parent, store):
        folder = library_folder(store)
    if folder is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = sync_from_folder(store, folder)
    except StudygroupError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.inform(parent, SYNC_TITLE, f"Not synced: {exc}")
        return None
    QApplication.restoreOverrideCursor()
    shown(report)
    dialogs.inform(parent, SYNC_TITLE, "\n".join(report.lines()))
    return report
