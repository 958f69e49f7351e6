"""Child process for the capture kill suite: the real CapturePage, typing and saving without pause.

Usage: python capture_child.py DB SESSION_ID TRIAL
Prints one JSON acknowledgement per line, only after the store has committed:
  note {"id", "author", "text"}   when note_saved fires
  draft {"author", "text"}        when draft_persisted fires (author "" is the facilitator)
The parent kills it with SIGKILL at a random moment and checks the database.
"""

import json
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studygroup.clock import SessionClock  # noqa: E402
from studygroup.storage.store import Store  # noqa: E402
from ui.capture.page import CapturePage  # noqa: E402


def acknowledge(kind: str, payload: dict) -> None:
    print(kind, json.dumps(payload), flush=True)


def main() -> None:
    db_path, session_id, trial = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = QApplication([])
    store = Store.open(db_path)
    session = store.load_session(session_id)
    page = CapturePage(store, session, SessionClock(session, persist=store.save_clock))
    page.note_saved.connect(
        lambda note: acknowledge("note", {"id": note.id, "author": note.author_id or "", "text": note.text})
    )
    page.draft_persisted.connect(
        lambda draft: acknowledge("draft", {"author": draft.author_id or "", "text": draft.text})
    )
    page.show()
    rng = random.Random(trial)
    people = [p.id for p in session.participants]
    step = 0
    while True:
        page.switch_author(rng.choice(people))  # persists the previous author's draft
        for _ in range(rng.randint(1, 4)):
            QTest.keyClicks(page.editor, f" t{trial}w{step}")
            if step % 5 == 0:
                page.editor.insertPlainText("\u00e9\u4e2d<&>")  # QTest types ASCII only
            step += 1
            roll = rng.random()
            if roll < 0.25:
                QTest.keyClick(page.editor, Qt.Key.Key_Return)  # Enter saves the note
            elif roll < 0.5:
                page.flush_drafts()  # what the debounce timer calls
        app.processEvents()


if __name__ == "__main__":
    main()
