"""The installed commands: `studygroup` (the core's command line, plus the window it opens) and
`studygroup-app` (the window alone, a gui-script, so Windows opens no console beside it)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from studygroup import cli
from studygroup.applog import start_log, stop_log
from studygroup.desktop import APP_LAUNCHER
from studygroup.errors import StudygroupError
from studygroup.paths import database_path, user_log_dir

log = logging.getLogger("studygroup.launch")


def main(argv: list[str] | None = None) -> int:
    """`studygroup` alone (or `studygroup gui`) opens the window; every other command is the core's."""
    return cli.main(argv, run_app=open_window)


def gui_main(argv: list[str] | None = None) -> int:
    """`studygroup-app [--db PATH] [--session ID]`: the window, as `studygroup gui` would open it.

    A windowed launch has no terminal, so a usage error is also logged and shown in a message box.
    """
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = cli.build_parser().parse_args(["gui", *argv])
    except StudygroupError as exc:
        return report_start_error(str(exc))
    try:
        return open_window(database_path(args.db), args.session)
    except StudygroupError as exc:
        return report_start_error(str(exc))
    except OSError as exc:
        return report_start_error(cli.os_error_sentence(exc))


def frozen_main() -> int:
    """The frozen build's two executables run one program: the one named studygroup-app is the windowed launch."""
    return gui_main() if Path(sys.executable).stem == APP_LAUNCHER else main()


def open_window(db_path: Path, session_id: str | None) -> int:
    from ui.app import run  # Qt loads only when the window is wanted: `studygroup list` stays quick

    return run(db_path, session_id=session_id)


def report_start_error(message: str) -> int:
    """Say why the window cannot open: on stderr when there is one, in the log, and in a message box."""
    if sys.stderr is not None:  # None under Windows' pythonw and a windowed frozen build
        print(f"studygroup: {message}", file=sys.stderr)
    _log_error(message)
    from PySide6.QtWidgets import QApplication

    from ui import dialogs

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # the box needs one; kept alive until it closes
    dialogs.inform(None, "studygroup cannot start", message)
    return cli.EXIT_USAGE


def _log_error(message: str) -> None:
    """One line in the app log; a log folder that cannot be written costs only the log line."""
    try:
        handler = start_log(user_log_dir())
    except OSError:
        return
    try:
        log.error("cannot start: %s", message)
    finally:
        stop_log(handler)
