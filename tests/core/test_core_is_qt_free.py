"""The core imports without Qt: every studygroup module, in a clean interpreter."""

import pkgutil
import subprocess
import sys

import studygroup


def test_no_studygroup_module_imports_qt():
    names = [
        m.name for m in pkgutil.walk_packages(studygroup.__path__, "studygroup.") if m.name != "studygroup.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui.')) or m == 'ui')\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) >= 8
