"""A team's library folder from the app: File > Library folder… and File > Sync from library folder (F5).

The core does the work (studygroup.exchange.library_folder), in the background (ui.background); the app
asks for the folder, says what a sync did in one dialog, and shows a folder problem as one sentence, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from studygroup.errors import StudygroupError
from studygroup.exchange.library_folder import SyncReport, library_folder, set_library_folder, sync_from_folder
from studygroup.storage.store import Store
from ui import dialogs
from ui.background import StoreWorker
from ui.bundle_import import BUSY_SENTENCE

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


def sync(parent: QWidget, worker: StoreWorker, shown: Callable[[SyncReport], None]) -> bool:
    """Sync from the library folder in the background (asking for one first when none is set); False if not started.

    What the sync did, or the one sentence why not, comes in one dialog when it ends.
    """
    store = worker.store
    folder = library_folder(store)
    if folder is None and choose_folder(parent, store):
        folder = library_folder(store)
    if folder is None:
        return False

    def done(report: SyncReport) -> None:
        shown(report)
        dialogs.inform(parent, SYNC_TITLE, "\n".join(report.lines()))

    def failed(sentence: str) -> None:
        dialogs.inform(parent, SYNC_TITLE, f"Not synced: {sentence}")

    if worker.start("Syncing from the library folder", lambda own: sync_from_folder(own, folder), done, failed):
        return True
    dialogs.inform(parent, SYNC_TITLE, f"Not synced: {BUSY_SENTENCE}")
    return False
