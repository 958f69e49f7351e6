"""The `studygroup` command line: the demo, listing, export, follow-ups for a tracker, import, backup,
restore, renaming, duplicating, archiving and trashing a session (session_cli.py), the library's trends
and search (library_cli.py), the team's library folder (sync_cli.py), agenda templates and scenario
cards (reuse_cli.py), and the Linux menu entry (ui.launch
adds the window).

Every error the user can act on is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import importlib
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from studygroup import __version__
from studygroup.errors import StorageError, StudygroupError, storage_error
from studygroup.paths import DB_ENV, database_path, xdg_data_home
from studygroup.storage.store import Store

EXIT_USAGE = 2
NO_SESSIONS = "No sessions yet: run 'studygroup demo' or open the app to plan one."
FORMATS = ("json", "pdf", "md", "csv")
# Commands that only read the database: a path with no file there is a mistake, never a new file.
READ_ONLY = ("list", "export", "followups", "backup", "trends", "search")
# Commands that change one session: they too need a database that is there already.
SESSION_ACTIONS = ("rename", "duplicate", "archive", "trash")
FILE_COMMANDS = ("templates", "cards")  # the user's own planning files: no database is opened


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line instead of a usage block."""

    def error(self, message: str) -> NoReturn:
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
    listing = sub.add_parser("list", parents=[common], help="list sessions, newest first (not the archived or trash)")
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--archived", action="store_true", help="the archived sessions too")
    shown.add_argument("--trash", action="store_true", help="only the sessions in the trash")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    export = sub.add_parser("export", parents=[common], help="export a session")
    export.add_argument("session", metavar="SESSION", help="session id (or an unambiguous prefix)")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--output", metavar="FILE", required=True)
    export.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="PDF paper size")
    followups = sub.add_parser("followups", parents=[common], help="a session's follow-ups for a tracker")
    followups.add_argument("session", metavar="SESSION", help="session id (or an unambiguous prefix)")
    followups.add_argument("--format", choices=("md", "csv"), required=True, help="Markdown issue drafts or a CSV")
    followups.add_argument("--tracker", choices=("jira", "linear"), help="the CSV's column names (default jira)")
    followups.add_argument("--output", metavar="FILE", required=True)
    importer = sub.add_parser("import", parents=[common], help="import a JSON bundle")
    importer.add_argument("file", metavar="FILE")
    backup = sub.add_parser("backup", parents=[common], help="make an online backup of the database now")
    backup.add_argument(
        "--keep", type=_at_least_one, default=10, help="how many backups to keep, at least 1 (default 10)"
    )
    restore = sub.add_parser("restore", parents=[common], help="put a backup in place of the database")
    restore.add_argument("backup", metavar="BACKUP", nargs="?", help="backup file (default: the newest)")
    _add_session_commands(sub, common)
    _add_library_commands(sub, common)
    _add_team_commands(sub, common)
    _add_reuse_commands(sub)
    desktop = sub.add_parser("install-desktop", help="add the app to the Linux desktop's menu, for this user")
    desktop.add_argument("--uninstall", action="store_true", help="remove the menu entry and icon again")
    return parser


def _add_session_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    """`rename`, `duplicate`, `archive` and `trash`: tidying the library one session at a time."""
    which = "session id (or an unambiguous prefix)"
    rename = sub.add_parser("rename", parents=[common], help="give a session a new title")
    rename.add_argument("session", metavar="SESSION", help=which)
    rename.add_argument("title", metavar="TITLE", help="the new title: one line")
    duplicate = sub.add_parser("duplicate", parents=[common], help="plan a new session like a past one; prints its id")
    duplicate.add_argument("session", metavar="SESSION", help=which)
    archive = sub.add_parser("archive", parents=[common], help="take a session off the list (it stays in the trends)")
    archive.add_argument("session", metavar="SESSION", help=which)
    archive.add_argument("--undo", action="store_true", help="bring an archived session back to the list")
    trash = sub.add_parser("trash", parents=[common], help="move a session to the trash, restore it or delete it")
    trash.add_argument("session", metavar="SESSION", help=which)
    what = trash.add_mutually_exclusive_group()
    what.add_argument("--restore", action="store_true", help="take the session out of the trash")
    what.add_argument("--forever", action="store_true", help="delete a session in the trash, notes and all, for good")


def _add_library_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    """`trends` and `search`, across every session."""
    trends = sub.add_parser("trends", parents=[common], help="recurring problems and each session's headline")
    trends.add_argument("--scenario", metavar="KEY", help="only sessions run on this scenario card (e.g. bakery)")
    trends.add_argument(
        "--since", metavar="YYYY-MM-DD", type=since_date, help="only sessions held on or after this date"
    )
    trends.add_argument("--json", action="store_true", help="machine-readable output")
    trends.add_argument("--output", metavar="FILE", help="write the Trends report there: .pdf or .md")
    trends.add_argument("--format", choices=("pdf", "md"), help="the report's format (default: from FILE's suffix)")
    search = sub.add_parser("search", parents=[common], help="search the notes of every session")
    search.add_argument("query", metavar="QUERY", nargs="+", help="words that must all appear, the last as a start")
    search.add_argument("--limit", type=_at_least_one, default=50, help="how many notes at most (default 50)")
    search.add_argument("--json", action="store_true", help="machine-readable output")


def _add_team_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    """`sync` and `library-folder`: a team's library carried by a shared folder."""
    sync = sub.add_parser("sync", parents=[common], help="import the new or changed bundles in a folder")
    sync.add_argument("folder", metavar="FOLDER", nargs="?", help="the folder (default: the library folder)")
    sync.add_argument("--json", action="store_true", help="machine-readable output")
    folder = sub.add_parser("library-folder", parents=[common], help="show, set or clear the library folder")
    folder.add_argument("path", metavar="PATH", nargs="?", help="an existing folder, e.g. on a shared drive")
    folder.add_argument("--clear", action="store_true", help="set no library folder")


def _add_reuse_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """`templates` and `cards`: the user's own planning files, no database."""
    templates = sub.add_parser("templates", help="list agenda templates; rename or delete your own")
    templates.add_argument("--json", action="store_true", help="machine-readable output")
    actions = templates.add_subparsers(dest="action", parser_class=_Parser)
    rename = actions.add_parser("rename", help="rename one of your own templates")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    actions.add_parser("delete", help="delete one of your own templates").add_argument("name", metavar="NAME")
    cards = sub.add_parser("cards", help="list scenario cards; rename or delete your own")
    cards.add_argument("--json", action="store_true", help="machine-readable output")
    actions = cards.add_subparsers(dest="action", parser_class=_Parser)
    rename = actions.add_parser("rename", help="give one of your own cards another company name")
    rename.add_argument("key", metavar="KEY")
    rename.add_argument("company", metavar="NAME")
    delete = actions.add_parser("delete", help="move one of your own cards to the deleted-scenarios folder")
    delete.add_argument("key", metavar="KEY")


def _at_least_one(text: str) -> int:
    """--keep N: a whole number of at least 1 (0 or less would delete every earlier backup)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


# Opens the window on a database, maybe straight into one session; returns the exit code.
AppRunner = Callable[[Path, "str | None"], int]


def main(argv: list[str] | None = None, run_app: AppRunner | None = None) -> int:
    """Run one command; returns the process exit code.

    The window is the UI's, so the core is handed *run_app* (by ui.launch, the installed
    `studygroup` command) instead of importing the UI: the core stays Qt-free and never names ui/.
    """
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):
            if run_app is None:
                raise StudygroupError("This command line has no window: open the app with the studygroup command.")
            return run_app(database_path(args.db), getattr(args, "session", None))
        if args.command == "install-desktop":
            return _install_desktop(args)
        if args.command in FILE_COMMANDS:
            return _file_command(args)
        return _run_command(args)
    except StudygroupError as exc:
        print(f"studygroup: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"studygroup: {os_error_sentence(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def os_error_sentence(exc: OSError) -> str:
    """A file the system refused, as one sentence naming it.

    A refused rename names its destination second: the file asked for, not the temporary one written first.
    """
    return f"{exc.filename2 or exc.filename or 'a file'} cannot be used: {exc.strerror or exc}."


def _run_command(args: argparse.Namespace) -> int:
    """Run a command on its database; a sqlite3 error no layer below translated still becomes one sentence."""
    db_path = database_path(args.db)
    try:
        if args.command == "restore":
            return _restore(args)
        existing = args.command in READ_ONLY + SESSION_ACTIONS
        if existing and not db_path.exists():
            raise StorageError(_no_database(db_path, args.db))
        with Store.open(db_path, create=not existing) as store:
            return COMMANDS[args.command](store, args)
    except sqlite3.Error as exc:
        raise _sentence(exc, db_path) from exc


def _no_database(path: Path, given: str | None) -> str:
    """Where the missing path came from, so the user knows what to fix."""
    if given:
        hint = "check --db"
    elif os.environ.get(DB_ENV):
        hint = f"check {DB_ENV}"
    else:
        hint = "open the app or run 'studygroup demo' to make one"
    return f"There is no database at {path} ({hint})."


def _sentence(exc: sqlite3.Error, path: Path) -> StorageError:
    """The typed sentence for *exc*; one plain line even for an error we did not foresee (a bug)."""
    typed = storage_error(exc, path)
    if typed is not None:
        return typed
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    detail = " ".join(str(exc).split())
    return StorageError(
        f"The database {path} could not be used ({name}: {detail}); this is a bug in studygroup, please report it."
    )


def _demo(store: Store, args: argparse.Namespace) -> int:
    from studygroup.demo import create_demo

    session = create_demo(store)
    print(f"Created the demo session '{session.title}' in {store.path}")
    print(session.id)
    return 0


def _list(store: Store, args: argparse.Namespace) -> int:
    sessions = store.list_sessions(include_archived=args.archived, trash=args.trash)
    if args.json:
        print(json.dumps(sessions, ensure_ascii=False, indent=1))
        return 0
    if not sessions:
        print("The trash is empty." if args.trash else NO_SESSIONS)
    for s in sessions:
        archived = "  (archived)" if s["archived_at"] is not None and not args.trash else ""
        print(f"{s['id']}  {s['date']}  {s['status']:<8} {s['notes']:>5} notes  {s['title']}{archived}")
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    session = store.find_session(args.session)
    output = Path(args.output)
    if args.format == "json":
        from studygroup.exchange.bundle import export_bundle

        export_bundle(store, session.id, output)
    else:
        from studygroup.export import exporters

        notes, states, turns = (
            store.observations(session.id),
            store.follow_up_states(session.id),
            store.turns(session.id),
        )
        exporters.export(
            args.format, session, notes, output, page_size=args.page_size, follow_up_states=states, turns=turns
        )
    print(f"Wrote {output}")
    return 0


def _followups(store: Store, args: argparse.Namespace) -> int:
    from studygroup.export.followups import export_follow_ups
    from studygroup.followups import follow_ups_of

    if args.tracker and args.format != "csv":
        raise StudygroupError("--tracker names the CSV's columns; it goes with --format csv only.")
    session = store.find_session(args.session)
    items = follow_ups_of(store, session)
    output = Path(args.output)
    export_follow_ups(args.format, session, items, output, tracker=args.tracker or "jira")
    print(f"Wrote {len(items)} follow-ups to {output}")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    from studygroup.exchange.bundle import import_bundle

    report = import_bundle(store, Path(args.file))
    for line in report.lines():
        print(line)
    print(report.session.id)  # last, alone on its line, for scripts
    return 0


def _backup(store: Store, args: argparse.Namespace) -> int:
    print(f"Backed up to {store.backup(keep=args.keep)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    # Runs without opening the store: the database being replaced may be the damaged one.
    from studygroup.storage.backup import list_backups, restore_backup

    db_path = database_path(args.db)
    backup = Path(args.backup) if args.backup else next(iter(list_backups(db_path)), None)
    if backup is None:
        raise StudygroupError(f"There are no backups of {db_path} yet.")
    aside = restore_backup(backup, db_path)
    kept = f"; the previous file is kept as {aside}" if aside != db_path else ""
    print(f"Restored {db_path} from {backup}{kept}")
    return 0


def _install_desktop(args: argparse.Namespace) -> int:
    """Write (or with --uninstall remove) the menu entry and icon; needs no database."""
    from studygroup import desktop

    desktop.require_linux(sys.platform)
    if args.uninstall:
        removed = desktop.uninstall(xdg_data_home())
        for path in removed:
            print(f"Removed {path}")
        if not removed:
            print(f"There was no studygroup menu entry in {xdg_data_home()} to remove.")
        return 0
    for path in desktop.install(xdg_data_home(), desktop.find_launcher()):
        print(f"Wrote {path}")
    return 0


def _lazy_command(module: str, name: str, store: Store, args: argparse.Namespace) -> int:
    """Run a library command (rename, trends, sync...); imported when one runs, so opening the window never loads it."""
    handler: Handler = getattr(importlib.import_module(f"studygroup.{module}"), name)
    return handler(store, args)


def _file_command(args: argparse.Namespace) -> int:
    """Run `templates` or `cards`: the user's own files, no database; imported only when one runs."""
    from studygroup import reuse_cli  # a plain import, so a frozen build's analysis finds the module

    handler: Callable[[argparse.Namespace], int] = getattr(reuse_cli, args.command)
    return handler(args)


def since_date(text: str) -> str:
    """--since: a calendar date written YYYY-MM-DD."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


Handler = Callable[[Store, argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {
    "backup": _backup,
    "demo": _demo,
    "list": _list,
    "export": _export,
    "followups": _followups,
    "import": _import,
    **{name: functools.partial(_lazy_command, "session_cli", name) for name in SESSION_ACTIONS},
    "trends": functools.partial(_lazy_command, "library_cli", "trends"),
    "search": functools.partial(_lazy_command, "library_cli", "search"),
    "sync": functools.partial(_lazy_command, "sync_cli", "sync"),
    "library-folder": functools.partial(_lazy_command, "sync_cli", "folder_setting"),
}
