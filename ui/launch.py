"""The installed `studygroup` command: the core's command line, plus the window it opens."""

from __future__ import annotations

from pathlib import Path

from studygroup import cli


def main(argv: list[str] | None = None) -> int:
    """`studygroup` alone (or `studygroup gui`) opens the window; every other command is the core's."""
    return cli.main(argv, run_app=open_window)


def open_window(db_path: Path, session_id: str | None) -> int:
    from ui.app import run  # Qt loads only when the window is wanted: `studygroup list` stays quick

    return run(db_path, session_id=session_id)
