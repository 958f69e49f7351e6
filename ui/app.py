"""Start the app: QApplication, fonts and style, the store, the main window."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication

from studygroup.errors import StorageError, StudygroupError
from studygroup.store import Store
from ui import APPLICATION, ORGANISATION, dialogs, style


def run(db_path: Path, session_id: str | None = None) -> int:
    """Run the app on *db_path*; returns the exit code (2 when the database cannot be used)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("studygroup")
    style.apply(app)
    try:
        store = Store.open(Path(db_path))
    except StorageError as exc:
        dialogs.inform(None, "studygroup cannot open its database", str(exc))
        return 2
    sys.excepthook = excepthook
    from ui.main_window import MainWindow  # after QApplication, so widgets can be built

    window = MainWindow(store)
    window.show()
    if session_id:
        try:
            window.open_session(store.find_session(session_id).id)
        except StudygroupError as exc:
            dialogs.inform(window, "Session not found", str(exc))
    try:
        return app.exec()
    finally:
        store.close()


def excepthook(exc_type, exc, tb) -> None:
    """Log the traceback for us, show one calm sentence to the facilitator."""
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if isinstance(exc, StudygroupError):
        text = str(exc)
    else:
        text = ("Something unexpected went wrong. Notes already saved are safe; "
                f"details were written to the terminal.\n\n({exc_type.__name__}: {exc})")
    try:
        dialogs.inform(QApplication.activeWindow(), "studygroup", text)
    except Exception:  # noqa: BLE001 - the hook must never raise in turn
        traceback.print_exc(file=sys.stderr)
