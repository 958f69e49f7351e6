"""Child process for the start-up and memory benchmarks.

    python -m benchmarks.app_child bare
    python -m benchmarks.app_child app DB [SESSION_ID]

Prints the monotonic time when the window is shown and painted, and the peak RSS in KiB.
"""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_kib() -> int:
    """This process's own peak RSS. On Linux ru_maxrss is inherited from the parent across
    fork and exec (a big benchmark parent made every child look 205 MiB), so read VmHWM."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return int(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def finish_loading_notes() -> None:
    """An open session's older notes load from the event loop: the memory figure is for all of them."""
    if "ui.capture.feed_model" not in sys.modules:  # the bare window imports nothing of ours
        return
    from PySide6.QtWidgets import QApplication

    from ui.capture.feed_model import NotesModel

    for window in QApplication.topLevelWidgets():
        for model in window.findChildren(NotesModel):
            model.finish_loading()


def report_and_quit() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    finish_loading_notes()
    app.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown, "no window was shown"
    print(time.monotonic(), peak_rss_kib(), flush=True)
    app.quit()


def main() -> None:
    if sys.argv[1] == "app":
        # What the installed `studygroup` command loads before Qt: its command line and the core, so the
        # start measured is the one users get (PySide6 inspects every module imported after it).
        import ui.launch  # noqa: F401

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, report_and_quit)
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from pathlib import Path

    from ui.app import run

    run(Path(sys.argv[2]), session_id=sys.argv[3] if len(sys.argv) > 3 else None)


if __name__ == "__main__":
    main()
