"""The command line's library actions on one session: `rename`, `duplicate`, `archive` and `trash` (cli.py parses them).

Each finds SESSION by its id or an unambiguous prefix, does one thing in one transaction and says
what it did in one line; a refusal is one line on stderr with exit code 2 (cli.main prints it).
"""

from __future__ import annotations

import argparse

from studygroup.export.textsafe import terminal_line
from studygroup.reuse import duplicate_session
from studygroup.storage.store import Store


def rename(store: Store, args: argparse.Namespace) -> int:
    """Give a session a new title."""
    session = store.find_session(args.session)
    title = store.rename_session(session.id, args.title)
    print(f"Renamed “{terminal_line(session.title)}” to “{terminal_line(title)}”.")
    return 0


def duplicate(store: Store, args: argparse.Namespace) -> int:
    """Plan a new session with a past one's card, group and agenda; its id is the last line."""
    source = store.find_session(args.session)
    plan = duplicate_session(store, source.id)
    print(f"Planned “{terminal_line(plan.title)}” for {plan.date} with the card, group and agenda of the original.")
    print(plan.id)  # last, alone on its line, for scripts
    return 0


def archive(store: Store, args: argparse.Namespace) -> int:
    """Archive a session (it leaves Home's list, not the trends) or, with --undo, bring it back."""
    session = store.find_session(args.session)
    store.set_archived(session.id, not args.undo)
    title = terminal_line(session.title)
    print(f"Unarchived “{title}”." if args.undo else f"Archived “{title}”; it stays in the trends and search.")
    return 0


def trash(store: Store, args: argparse.Namespace) -> int:
    """Move a session to the trash, restore it (--restore) or delete it for good (--forever)."""
    session = store.find_session(args.session)
    title = terminal_line(session.title)
    if args.restore:
        store.restore_from_trash(session.id)
        print(f"Restored “{title}” from the trash.")
    elif args.forever:
        store.delete_forever(session.id)
        print(f"Deleted “{title}” and its notes for good.")
    else:
        store.move_to_trash(session.id)
        print(f"Moved “{title}” to the trash; 'studygroup trash {session.id[:8]} --restore' brings it back.")
    return 0
