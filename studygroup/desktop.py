"""The Linux menu entry: a freedesktop .desktop file and the app icon, installed for the user.

`studygroup install-desktop` writes them under $XDG_DATA_HOME; `--uninstall` removes them.
"""

from __future__ import annotations

import shutil
import string
import sys
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.errors import StudygroupError
from studygroup.resources import resource_path

# The entry's file name and icon name; ui/app.py gives Qt the same name (setDesktopFileName), so a
# Wayland compositor matches the window to this entry, and X11 matches WM_CLASS "studygroup" (the app name).
DESKTOP_ID = "studygroup"
# The windowed launcher: pyproject's [project.gui-scripts] name, and the frozen build's second executable.
APP_LAUNCHER = "studygroup-app"
# Characters the Desktop Entry spec reserves in Exec: an argument holding one must be quoted.
_EXEC_RESERVED = frozenset(" \t\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = frozenset('"`$\\')


def require_linux(platform: str) -> None:
    """Refuse on other systems: menu entries there are made differently."""
    if not platform.startswith("linux"):
        raise StudygroupError(
            f"install-desktop adds a Linux menu entry; on this system ({platform}) start {APP_LAUNCHER}."
        )


def installed_paths(data_home: Path) -> tuple[Path, Path]:
    """The icon and the entry under *data_home*, where the icon theme and desktop menu specs look."""
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"
    return icon, data_home / "applications" / f"{DESKTOP_ID}.desktop"


def find_launcher() -> Path:
    """The absolute path of the installed studygroup-app: beside the interpreter (a venv's bin/), on PATH,
    or, in a frozen build without it, the frozen executable itself, which opens the window when run alone."""
    beside = Path(sys.executable).absolute().parent / APP_LAUNCHER
    if beside.is_file():
        return beside
    on_path = shutil.which(APP_LAUNCHER)
    if on_path:
        return Path(on_path).absolute()
    if getattr(sys, "frozen", False):
        return Path(sys.executable).absolute()
    raise StudygroupError(f"{APP_LAUNCHER} is not installed beside {sys.executable} nor on PATH; reinstall studygroup.")


def exec_argument(path: Path) -> str:
    """*path* as one Exec= argument: % doubled, quoted when it holds a reserved character (Desktop Entry spec)."""
    text = str(path)
    if any(ord(char) < 0x20 or char == "\x7f" for char in text):
        raise StudygroupError(f"{text!r} holds a control character, which a menu entry cannot start.")
    text = text.replace("%", "%%")
    if not _EXEC_RESERVED.intersection(text):
        return text
    quoted = "".join("\\" + char if char in _EXEC_ESCAPED_IN_QUOTES else char for char in text)
    # The spec applies the string-value escapes on top of the quoting, so every backslash is doubled again.
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry(launcher: Path) -> str:
    """The .desktop file's text, from the template in resources/desktop/, starting *launcher*."""
    template = string.Template(resource_path("desktop", f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8"))
    return template.substitute(launcher=exec_argument(launcher))


def install(data_home: Path, launcher: Path) -> list[Path]:
    """Write the icon, then the entry that names it; returns the files written."""
    icon, entry = installed_paths(data_home)
    _write(icon, resource_path("icons", "app.svg").read_bytes())
    _write(entry, desktop_entry(launcher).encode("utf-8"))
    return [icon, entry]


def uninstall(data_home: Path) -> list[Path]:
    """Remove the entry and the icon; returns the files that were there."""
    removed = []
    for path in reversed(installed_paths(data_home)):
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise StudygroupError(f"{path} could not be removed: {exc.strerror or exc}.") from exc
        removed.append(path)
    return removed


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all; a failure is one sentence naming what is in the way."""
    try:
        with atomic_write(path) as handle:
            handle.write(data)
    except OSError as exc:
        raise StudygroupError(f"{path} could not be written: {_obstacle(path, exc)}.") from exc


def _obstacle(path: Path, exc: OSError) -> str:
    """A file where a folder should be, named; otherwise the system's reason."""
    blocking = next((folder for folder in reversed(path.parents) if folder.exists() and not folder.is_dir()), None)
    return f"{blocking} is a file, not a folder" if blocking else str(exc.strerror or exc)
