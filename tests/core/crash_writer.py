"""Child process for the crash suite: saves notes and drafts without pause, acknowledging each.

Usage: python crash_writer.py DB SESSION_ID START_INDEX
Prints "note <index> <id>" after add_observation returns and "draft <author> <text>" after
save_draft returns; the parent kills it with SIGKILL at a random moment.
"""

import sys

from studygroup.model import Draft, Observation
from studygroup.storage.store import Store


def main() -> None:
    db_path, session_id, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(db_path)
    session = store.load_session(session_id)
    people = session.participants
    index = start
    while True:
        author = people[index % len(people)]
        note = store.add_observation(
            Observation(
                session_id, f"note {index} é中 <&>", author_id=author.id, session_seconds=index, tags=[f"t{index}"]
            )
        )
        print(f"note {index} {note.id}", flush=True)
        typed = f"draft of {author.name} at {index}"
        store.save_draft(Draft(session_id, author.id, typed))
        print(f"draft {author.id} {typed}", flush=True)
        index += 1


if __name__ == "__main__":
    main()
