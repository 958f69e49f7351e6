"""The one place that decides where studygroup keeps its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "studygroup"
DB_ENV = "STUDYGROUP_DB"


def user_data_dir() -> Path:
    """The platform's per-user data folder for studygroup."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = xdg_data_home()
    return base / APP_NAME


def xdg_data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share; a relative value is ignored, as the XDG Base Directory spec says."""
    chosen = os.environ.get("XDG_DATA_HOME", "")
    return Path(chosen) if os.path.isabs(chosen) else Path.home() / ".local" / "share"


def user_log_dir() -> Path:
    """The platform's per-user log folder: where the app log and the crash log go."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP_NAME / "Logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    return Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / APP_NAME / "log"


def database_path(cli_value: str | None = None) -> Path:
    """--db wins, then $STUDYGROUP_DB, then the per-user default."""
    chosen = cli_value or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else user_data_dir() / "studygroup.db"
