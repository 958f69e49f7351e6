"""The command line's team-library commands: `sync` and `library-folder` (cli.py parses them).

`sync` exits 0 whenever it ran, refused files included (each is listed with its sentence); only a
folder that cannot be used, or none given and none set, is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from studygroup.errors import StudygroupError
from studygroup.exchange.library_folder import SyncReport, library_folder, set_library_folder, sync_from_folder
from studygroup.export.textsafe import terminal_line
from studygroup.storage.store import Store

NO_FOLDER = (
    "No library folder is set: give one ('studygroup sync FOLDER') or set it with 'studygroup library-folder PATH'."
)


def sync(store: Store, args: argparse.Namespace) -> int:
    """Import every new or changed bundle in the folder given, else in the library folder."""
    folder = Path(args.folder) if args.folder else library_folder(store)
    if folder is None:
        raise StudygroupError(NO_FOLDER)
    report = sync_from_folder(store, folder)
    if args.json:
        print(json.dumps(sync_json(report), ensure_ascii=False, indent=1))
    else:
        print("\n".join(terminal_line(line) for line in report.lines()))
    return 0


def folder_setting(store: Store, args: argparse.Namespace) -> int:
    """Show, set or (with --clear) forget the library folder."""
    if args.clear and args.path:
        raise StudygroupError("Give a folder or --clear, not both.")
    if args.clear:
        set_library_folder(store, None)
        print("No library folder is set now; ended sessions are no longer copied anywhere.")
    elif args.path:
        print(f"The library folder is now {set_library_folder(store, Path(args.path))}")
    else:
        folder = library_folder(store)
        print(folder if folder is not None else "No library folder is set.")
    return 0


def sync_json(report: SyncReport) -> dict[str, object]:
    """The report for scripts; keys are only ever added."""
    return {
        "folder": str(report.folder),
        "files": report.files,
        "new_notes": report.new_notes,
        "updated_notes": report.updated_notes,
        "imported": [
            {
                "file": name,
                "session_id": imported.session.id,
                "session_title": imported.session.title,
                "new_notes": imported.new_notes,
                "updated_notes": imported.updated_notes,
            }
            for name, imported in report.imported
        ],
        "unchanged": report.unchanged,
        "refused": [{"file": name, "reason": reason} for name, reason in report.refused],
    }
