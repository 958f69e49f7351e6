"""Start-up loads only what Home needs: reportlab and the session pages wait until they are used."""

import subprocess
import sys


def test_home_does_not_load_reportlab_or_the_session_pages():
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
