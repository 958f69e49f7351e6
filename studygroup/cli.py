"""The `studygroup` command: the app, the demo, listing, export and import.

Every error the user can act on is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from studygroup import __version__
from studygroup.errors import StudygroupError
from studygroup.paths import database_path
from studygroup.store import Store

EXIT_USAGE = 2
FORMATS = ("json", "pdf", "md", "csv")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line instead of a usage block."""

    def error(self, message: str):
        raise StudygroupError(f"{message} (see 'studygroup --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="studygroup", description="Run in-room study-group sessions.")
    parser.add_argument("--version", action="version", version=f"studygroup {__version__}")
    db_help = "database file (default: $STUDYGROUP_DB or the per-user file)"
    # --db goes before or after the command ("studygroup --db F" opens the app on F); SUPPRESS keeps a
    # command without --db from overwriting the one given before it.
    parser.add_argument("--db", metavar="PATH", help=db_help)
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", help=db_help, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui = sub.add_parser("gui", parents=[common], help="open the app (the default)")
    gui.add_argument("--session", metavar="ID", help="open straight into this session")
    sub.add_parser("demo", parents=[common], help="create a demo session and print its id")
    listing = sub.add_parser("list", parents=[common], help="list sessions, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    export = sub.add_parser("export", parents=[common], help="export a session")
    export.add_argument("session", metavar="SESSION", help="session id (or an unambiguous prefix)")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--output", metavar="FILE", required=True)
    export.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="PDF paper size")
    importer = sub.add_parser("import", parents=[common], help="import a JSON bundle")
    importer.add_argument("file", metavar="FILE")
    backup = sub.add_parser("backup", parents=[common], help="make an online backup of the database now")
    backup.add_argument("--keep", type=int, default=10, help="how many backups to keep (default 10)")
    restore = sub.add_parser("restore", parents=[common], help="put a backup in place of the database")
    restore.add_argument("backup", metavar="BACKUP", nargs="?", help="backup file (default: the newest)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):
            return _run_gui(args)
        if args.command == "restore":
            return _restore(args)
        with Store.open(database_path(args.db)) as store:
            return COMMANDS[args.command](store, args)
    except StudygroupError as exc:
        print(f"studygroup: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"studygroup: {exc.filename or 'a file'} cannot be used: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _run_gui(args) -> int:
    # The one place the core names the UI, imported lazily so the core stays Qt-free.
    app = importlib.import_module("ui.app")
    return app.run(database_path(getattr(args, "db", None)), session_id=getattr(args, "session", None))


def _demo(store: Store, args) -> int:
    from studygroup.demo import create_demo

    session = create_demo(store)
    print(f"Created the demo session '{session.title}' in {store.path}")
    print(session.id)
    return 0


def _list(store: Store, args) -> int:
    sessions = store.list_sessions()
    if args.json:
        print(json.dumps(sessions, ensure_ascii=False, indent=1))
        return 0
    if not sessions:
        print("No sessions yet: run 'studygroup demo' or open the app to plan one.")
    for s in sessions:
        print(f"{s['id']}  {s['date']}  {s['status']:<8} {s['notes']:>5} notes  {s['title']}")
    return 0


def _export(store: Store, args) -> int:
    session = store.find_session(args.session)
    output = Path(args.output)
    if args.format == "json":
        from studygroup.bundle import export_bundle

        export_bundle(store, session.id, output)
    else:
        from studygroup import exporters

        exporters.export(args.format, session, store.observations(session.id), output, page_size=args.page_size)
    print(f"Wrote {output}")
    return 0


def _import(store: Store, args) -> int:
    from studygroup.bundle import import_bundle

    session, added = import_bundle(store, Path(args.file))
    print(f"Imported {added} new notes into '{session.title}'")
    print(session.id)
    return 0


def _backup(store: Store, args) -> int:
    from studygroup.backup import make_backup

    print(f"Backed up to {make_backup(store.db.connection, store.path, keep=args.keep)}")
    return 0


def _restore(args) -> int:
    # Runs without opening the store: the database being replaced may be the damaged one.
    from studygroup.backup import list_backups, restore_backup

    db_path = database_path(args.db)
    backup = Path(args.backup) if args.backup else next(iter(list_backups(db_path)), None)
    if backup is None:
        raise StudygroupError(f"There are no backups of {db_path} yet.")
    aside = restore_backup(backup, db_path)
    kept = f"; the previous file is kept as {aside}" if aside != db_path else ""
    print(f"Restored {db_path} from {backup}{kept}")
    return 0


COMMANDS = {"backup": _backup, "demo": _demo, "list": _list, "export": _export, "import": _import}
