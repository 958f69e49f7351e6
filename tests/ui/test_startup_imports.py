"""Start-up loads only what Home needs: reportlab, the session pages, the boxes and the commands Home
does not show yet wait until they are used."""

import os
import subprocess
import sys
from pathlib import Path

# Loaded on first use: each costs start-up time that showing Home does not need.
DEFERRED = (
    "reportlab",
    "ui.session_page",
    "ui.plan.page",
    "ui.dialogs",  # a box's module and the widget classes it names: only when a box is shown
    "studygroup.demo",  # Open demo
    "studygroup.reuse",  # Duplicate
    "ui.bundle_import",  # File > Import, or a bundle dropped on the window
    "studygroup.exchange.bundle",
    "ui.library_folder",  # File > Sync and Library folder
    "studygroup.exchange.library_folder",
    "PySide6.QtSvg",  # the first icon drawn
    "PySide6.QtMultimedia",  # the chime, on the Run tab
)

# The real start (`studygroup gui --db PATH`), stopped at its first turn of the event loop with Home shown.
START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.launch

app = QApplication(sys.argv[:1])

def report():
    shown = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(shown, [m for m in sys.argv[2:] if m in sys.modules])
    app.quit()

QTimer.singleShot(0, report)
sys.exit(ui.launch.main(["gui", "--db", sys.argv[1]]))
"""


def test_home_does_not_load_reportlab_or_the_session_pages() -> None:
    code = (
        "import sys, studygroup.export.csvexport, studygroup.export.markdown, ui.main_window; "
        "heavy = [m for m in ('reportlab', 'ui.session_page', 'ui.plan.page') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert out.strip() == "[]"


def test_the_start_shows_home_without_loading_what_home_does_not_use(tmp_path: Path) -> None:
    from studygroup.demo import create_demo
    from studygroup.storage.store import Store

    db = tmp_path / "room.db"
    with Store.open(db) as store:
        create_demo(store)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # the XDG folders of tests/conftest.py: logs go to tmp
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-c", START, str(db), *DEFERRED],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    ).stdout
    assert out.strip() == "['studygroup'] []"
