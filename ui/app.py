"""Start the app: QApplication, fonts and style, the store, the main window."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from functools import partial
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from studygroup.applog import CrashLog, start_log, stop_log
from studygroup.desktop import DESKTOP_ID
from studygroup.errors import CorruptDatabase, StorageError, StudygroupError
from studygroup.paths import user_log_dir
from studygroup.storage.backup import backup_due, list_backups, restore_backup, set_aside
from studygroup.storage.store import Store
from ui import APPLICATION, ORGANISATION, style
from ui.file_watch import FileWatcher
from ui.single_instance import SingleInstance

# ui.dialogs is imported where a box is shown: it and the widget classes it names cost start-up time.

log = logging.getLogger("studygroup.app")
QT_LOG_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
LOG_PATH: Path | None = None  # the app log, once started; error messages name it


def run(db_path: Path, session_id: str | None = None) -> int:
    """Run the app on *db_path*; returns the exit code (2 when the database cannot be used)."""
    global LOG_PATH
    crash_log, handler = CrashLog(user_log_dir()), None
    try:
        handler = start_log(user_log_dir())
        crash_log.start(Path(db_path))
    except OSError as exc:  # an unwritable log folder must not keep the room from its notes
        if handler is not None:
            stop_log(handler)
        print(
            f"studygroup: no log this time, {user_log_dir()} cannot be written ({exc.strerror or exc}).",
            file=sys.stderr,
        )
        return _run(Path(db_path), session_id, crash_log)
    LOG_PATH = Path(handler.baseFilename)
    # Qt's own warnings go to the log, not to a terminal a desktop launch does not have.
    previous_handler = qInstallMessageHandler(_on_qt_message)
    try:
        return _run(Path(db_path), session_id, crash_log)
    finally:
        crash_log.stop()
        qInstallMessageHandler(previous_handler)
        stop_log(handler)
        LOG_PATH = None


def _run(db_path: Path, session_id: str | None, crash_log: CrashLog) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("studygroup")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to studygroup.desktop by this name
    style.apply(app)
    instance = SingleInstance(Path(db_path))
    if not instance.acquire():
        return _explain_already_open(instance)
    store = open_or_recover(Path(db_path))
    if store is None:
        instance.release()
        return 2
    _daily_backup(store)
    sys.excepthook = excepthook
    from ui.main_window import MainWindow  # after QApplication, so widgets can be built

    window = MainWindow(store)
    instance.raise_requested.connect(partial(bring_to_front, window))
    watcher = FileWatcher(store.db, window)  # a restore run anyway, or a file moved by hand
    watcher.file_replaced.connect(window.show_notice)
    watcher.start()
    window.show()
    log.info("started on %s", db_path)
    if instance.left_by_crash:
        log.warning("the previous run on %s ended without closing", db_path)
        window.show_notice(crash_notice(crash_log.path))
    session_id = session_id or session_to_resume(store)
    if session_id:
        try:
            window.open_session(store.find_session(session_id).id)
        except StudygroupError as exc:
            from ui import dialogs

            dialogs.inform(window, "Session not found", str(exc))
        except Exception:  # noqa: BLE001 - a session that cannot open must not keep the app from starting
            excepthook(*sys.exc_info())
    try:
        return app.exec()
    finally:
        watcher.timer.stop()
        store.close()
        instance.release()
        log.info("closed")


def crash_notice(crash_log: Path) -> str:
    """The one calm sentence for the start after a crash."""
    return f"studygroup closed unexpectedly last time; nothing that was saved was lost. Details are in {crash_log}."


def _on_qt_message(mode, context, message: str) -> None:
    logging.getLogger("qt").log(QT_LOG_LEVELS.get(mode, logging.WARNING), "%s", message)


def session_to_resume(store: Store) -> str | None:
    """A session the app was closed (or crashed) during: reopened at start, its clock where the wall says."""
    live = [s for s in store.list_sessions(include_archived=True) if s["status"] in ("running", "paused")]
    return max(live, key=lambda s: s["created_at"])["id"] if live else None


def open_or_recover(db_path: Path) -> Store | None:
    """Open the store; a damaged file gets a choice (latest backup or a new file) and is kept aside."""
    try:
        return Store.open(db_path)
    except CorruptDatabase as exc:
        return _recover(db_path, exc)
    except StorageError as exc:
        from ui import dialogs

        dialogs.inform(None, "studygroup cannot open its database", str(exc))
        return None


def _recover(db_path: Path, exc: CorruptDatabase) -> Store | None:
    """Offer the latest backup or a new file for a damaged database; None when the user declines or it fails."""
    from ui import dialogs

    backups = list_backups(db_path)
    options = ([f"Open the latest backup ({backups[0].name})"] if backups else []) + ["Start a new file"]
    choice = dialogs.choose(
        None,
        "studygroup cannot read its database",
        f"{exc}\n\nThe damaged file will be kept beside it, renamed, never overwritten.",
        options,
    )
    if choice is None:
        return None
    try:
        if backups and choice == 0:
            restore_backup(backups[0], db_path)
        else:
            set_aside(db_path, "damaged")
        return Store.open(db_path)
    except (StorageError, OSError) as retry_exc:
        dialogs.inform(None, "studygroup cannot open its database", str(retry_exc))
        return None


def _explain_already_open(instance: SingleInstance) -> int:
    """A second app on the same file: bring the first to the front, or say why we stop."""
    if instance.ask_first_to_raise():
        print(f"studygroup is already open on {instance.db_path}; brought that window to the front.", file=sys.stderr)
        return 0
    from ui import dialogs

    dialogs.inform(
        None,
        "studygroup is already open",
        f"Another studygroup window (process {instance.owner_pid()}) is using {instance.db_path}. "
        "Switch to it, or close it and start again.",
    )
    return 2


def _daily_backup(store: Store) -> None:
    """At most one automatic backup a day; a failed backup is reported, never fatal."""
    try:
        if backup_due(store.path):
            store.backup()
    except (StorageError, OSError, sqlite3.Error) as exc:  # a backup says BackupFailed; the rest is belt and braces
        print(f"studygroup: the daily backup failed: {exc}", file=sys.stderr)


def bring_to_front(window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def excepthook(exc_type, exc, tb) -> None:
    """Log the traceback for us, show one calm sentence to the facilitator."""
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if isinstance(exc, StudygroupError):
        text = str(exc)
    else:
        where = f"the details are in {LOG_PATH}" if LOG_PATH else "the details were written to the terminal"
        text = (
            f"Something unexpected went wrong. Notes already saved are safe; {where}.\n\n({exc_type.__name__}: {exc})"
        )
    try:
        from ui import dialogs

        dialogs.inform(QApplication.activeWindow(), "studygroup", text)
    except Exception:  # noqa: BLE001 - the hook must never raise in turn
        traceback.print_exc(file=sys.stderr)
