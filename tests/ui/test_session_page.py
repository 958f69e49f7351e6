"""One owner of the session: every tab works on the SessionPage's Session, and a rename on Review stands."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ui import dialogs
from ui.capture.feed_filter import ANY
from ui.session_page import CAPTURE, REVIEW


def save_note(qtbot, page, text: str, step: str):
    """Write a note on the Capture tab as the facilitator would: the step, the text, then save."""
    page.tabs.setCurrentIndex(CAPTURE)
    page.capture.step_edit.setText(step)
    qtbot.keyClicks(page.capture.editor, text)
    note = page.capture.save_current()
    assert note is not None, page.capture.status.text()
    return note


def rename_step_on_review(page, monkeypatch, old: str, new: str) -> None:
    """Select *old* in Review's Steps list and press its rename button, answering *new*."""
    page.tabs.setCurrentIndex(REVIEW)
    review = page.review
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: new)
    model = review.steps_view.model()
    review.steps_view.selectRow(next(row for row in range(model.rowCount()) if model.label(row) == old))
    button = next(b for b in review.findChildren(QPushButton) if b.accessibleName() == "Rename or merge journey step")
    button.click()
    assert review.status.text().startswith(f"Renamed “{old}” to “{new}”"), review.status.text()


def test_every_tab_holds_the_session_pages_one_session(running_page):
    page = running_page
    assert page.console.session is page.session
    assert page.capture.session is page.session
    assert page.review.session is page.session
    page.review.refresh()
    assert page.review.session is page.session  # a refresh recomputes, never replaces


def test_a_step_renamed_on_review_stands_after_capture_saves_a_note_with_a_new_step(qtbot, running_page, monkeypatch):
    page = running_page
    save_note(qtbot, page, "The payout date is hidden", "Payouts")
    rename_step_on_review(page, monkeypatch, "Payouts", "Getting paid")
    save_note(qtbot, page, "No refund button anywhere", "Refund")
    stored = page.store.load_session(page.session.id)
    assert stored.journey_steps == ["Sign-up", "Getting paid", "Refund"]
    assert [n.journey_step for n in page.store.observations(page.session.id)] == ["Getting paid", "Refund"]
    assert page.session.journey_steps == ["Sign-up", "Getting paid", "Refund"]
    assert page.capture.step_completions.stringList() == ["Sign-up", "Getting paid", "Refund"]


def test_a_rename_on_review_reaches_captures_step_filter(qtbot, running_page, monkeypatch):
    page = running_page
    save_note(qtbot, page, "The payout date is hidden", "Payouts")
    combo = page.capture.filters["journey_step"]
    combo.setCurrentIndex(combo.findText("Payouts"))
    assert page.capture.feed_proxy.filter_value("journey_step") == "Payouts"
    rename_step_on_review(page, monkeypatch, "Payouts", "Getting paid")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Any step", "No step", "Sign-up", "Getting paid"]
    assert combo.currentText() == "Any step"
    assert page.capture.feed_proxy.filter_value("journey_step") is ANY  # no longer filtering on the old name


def test_renaming_onto_an_existing_step_merges_them_in_memory_as_in_the_store(qtbot, running_page, monkeypatch):
    page = running_page
    save_note(qtbot, page, "Too many fields", "Sign-up")
    save_note(qtbot, page, "The payout date is hidden", "Payouts")
    rename_step_on_review(page, monkeypatch, "Payouts", "Sign-up")
    assert page.session.journey_steps == ["Sign-up"]
    assert page.store.load_session(page.session.id).journey_steps == ["Sign-up"]
    assert page.capture.step_completions.stringList() == ["Sign-up"]
