"""A session whose clock cannot be saved keeps time in memory and says so once, never with a traceback."""

from __future__ import annotations

from tests.ui.test_end_with_drafts import page  # noqa: F401 - the running session page fixture


def test_a_clock_that_cannot_be_saved_keeps_running_and_says_so_once(page, monkeypatch):
    from studygroup.errors import DiskFull

    said = []
    page.storage_problem.connect(said.append)

    def full(session):
        raise DiskFull("The disk is full: free some space, then carry on.")

    monkeypatch.setattr(page.store, "save_clock", full)
    page.clock.next_phase()
    page.clock.next_phase()
    assert page.session.current_phase == 2 and len(said) == 1 and "disk is full" in said[0]
