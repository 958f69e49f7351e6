"""A session whose clock cannot be saved keeps time in memory and says so once, never with a traceback."""

from __future__ import annotations


def test_a_clock_that_cannot_be_saved_keeps_running_and_says_so_once(running_page, monkeypatch):
    from studygroup.errors import DiskFull

    said = []
    running_page.storage_problem.connect(said.append)

    def full(session):
        raise DiskFull("The disk is full: free some space, then carry on.")

    monkeypatch.setattr(running_page.store, "save_clock", full)
    running_page.clock.next_phase()
    running_page.clock.next_phase()
    assert running_page.session.current_phase == 2 and len(said) == 1 and "disk is full" in said[0]


def test_a_backup_that_fails_after_the_session_is_said_in_one_box(running_page, monkeypatch):
    from studygroup.storage.backup import backup_dir
    from ui import dialogs

    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    backup_dir(running_page.store.path).write_text("a file where the backup folder should be", encoding="utf-8")
    running_page._backup_after_session()
    assert len(said) == 1 and said[0][0] == "Backup failed"
    assert said[0][1].startswith(f"The notes are saved, but the backup failed. No backup of {running_page.store.path}")
