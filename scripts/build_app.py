"""Build the frozen one-folder app with PyInstaller: DIST/studygroup/ holds `studygroup` (the command line,
which opens the window when run alone) and `studygroup-app` (the window alone), sharing one Python and one Qt.

    python -m pip install -e '.[build]'
    python scripts/build_app.py [--dist dist] [--work build]

Why PyInstaller and not pyside6-deploy: Qt's own pyside6-deploy "is a wrapper around Nuitka, a Python
compiler that compiles your Python code to C code" (Qt for Python docs, "pyside6-deploy"), which takes a
long time on a two-core machine; PyInstaller ships maintained hooks for PySide6 in its own package (one
PyInstaller/hooks/hook-PySide6.<module>.py per Qt module, 57 in 6.22.3: they collect each module's Qt
libraries, plugins and translations) and builds this app in minutes. Qt's deployment page lists both.

What the folder holds, and why, is in scripts/studygroup.spec: resources/ and the SQL migrations at the
paths the code computes from __file__, and none of the Qt modules the app does not import.

Tested on Linux (x86-64, Python 3.11, PyInstaller 6.22.3, PySide6 6.11.3) by tests/test_frozen_build.py.
Untested on Windows and macOS: there studygroup-app is built as a windowed program (no console) and
studygroup as a console one, as the spec says, but no one has run either; macOS gets this plain folder,
not an .app bundle, and no build has an icon of its own (PyInstaller wants .ico or .icns, we ship SVG).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "scripts" / "studygroup.spec"
APP_FOLDER = "studygroup"  # the COLLECT name in the spec


def main(argv: list[str] | None = None) -> int:
    """Build into --dist, with PyInstaller's intermediate files in --work; prints the folder and its size."""
    parser = argparse.ArgumentParser(description="Build the one-folder studygroup app with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (default: build/)")
    args = parser.parse_args(argv)
    if not has_pyinstaller():
        print("build_app: PyInstaller is not installed: python -m pip install -e '.[build]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN"]
    done = subprocess.run([*command, "--distpath", str(args.dist), "--workpath", str(args.work)], check=False)
    if done.returncode != 0:
        print(f"build_app: PyInstaller failed (exit code {done.returncode}); its messages are above.", file=sys.stderr)
        return 1
    folder = args.dist / APP_FOLDER
    print(f"Built {folder} in {time.monotonic() - started:.0f} s: {folder_size(folder) / 2**20:.0f} MiB")
    return 0


def has_pyinstaller() -> bool:
    """Whether this interpreter can run PyInstaller."""
    return importlib.util.find_spec("PyInstaller") is not None


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files, counting a symbolic link as the link, not its target (as du does)."""
    total = 0
    for directory, _, names in os.walk(folder):
        total += sum(os.lstat(os.path.join(directory, name)).st_size for name in names)
    return total


if __name__ == "__main__":
    sys.exit(main())
