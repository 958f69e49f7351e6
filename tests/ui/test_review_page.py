"""The Review tab: the same figures as the PDF, tidy-up of steps and tags, follow-ups, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studygroup.demo import create_demo
from ui import dialogs
from ui.review.page import ReviewPage


@pytest.fixture
def page(qtbot, store):
    session = create_demo(store)
    widget = ReviewPage(store, session)
    qtbot.addWidget(widget)
    return widget


PHASES = ["Welcome and rules", "Become the customer", "Experience the product", "Share-out", "Wrap-up"]


def select_row(view, label: str) -> None:
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.label(r) == label)
    view.selectRow(row)


def test_headlines_and_charts_show_the_demo_figures(page):
    assert page.headlines.text().splitlines() == [
        "3 of 6 people had a bad day during Sign-up",
        "13 friction points, 5 of them severe",
        "10 moments where someone didn't know what to do next",
        "6 moments of delight",
        "60 notes from 6 people in 59 minutes",
        "12 follow-ups set aside for later",
    ]
    assert page.phase_chart.categories == PHASES
    assert page.phase_chart.counts["bad_day"] == [0, 0, 9, 2, 1]
    assert sum(sum(v) for v in page.step_chart.counts.values()) == 60


def test_rename_merges_journey_steps(page, store, monkeypatch):
    before = dict(page.steps.rows)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "Sign-up")
    select_row(page.steps_view, "Verify identity")
    page.rename_selected(page.steps_view, "journey step")
    after = dict(page.steps.rows)
    assert "Verify identity" not in after
    assert after["Sign-up"] == before["Sign-up"] + before["Verify identity"]
    assert "Renamed" in page.status.text()


def test_empty_new_name_is_one_clear_sentence(page, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "   ")
    select_row(page.tags_view, page.tags.label(0))
    page.rename_selected(page.tags_view, "tag")
    assert page.status.text() == "The new tag name is empty: type a name first."


def test_ticking_a_follow_up_is_saved(page, store):
    model = page.follow_ups
    row = next(r for r, n in enumerate(model.notes) if n.kind != "idea" and not n.follow_up)
    note_id = model.notes[row].id
    assert model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    saved = next(o for o in store.observations(page.session.id) if o.id == note_id)
    assert saved.follow_up


@pytest.mark.parametrize("fmt", ["pdf", "md", "csv", "json"])
def test_export_runs_off_the_ui_thread(page, qtbot, tmp_path, fmt):
    target = tmp_path / f"summary.{fmt}"
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as blocker:
        page.export_to(fmt, target)
    assert blocker.args == [str(target)] and target.stat().st_size > 0
    qtbot.waitUntil(lambda: page.export_thread is None)
    assert all(button.isEnabled() for button in page.export_buttons.values())


def test_failed_export_says_why(page, qtbot, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    page.export_to("csv", blocker / "summary.csv")
    qtbot.waitUntil(lambda: page.export_thread is None, timeout=10_000)
    assert page.status.text().startswith(f"The export to {blocker / 'summary.csv'} failed")


def test_in_a_session_the_review_shares_the_capture_notes_and_renames_reach_both(qtbot, store, monkeypatch):
    from studygroup.clock import ManualTime
    from ui.session_page import REVIEW, SessionPage

    session = create_demo(store)
    page = SessionPage(store, session, ManualTime())
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(REVIEW)
    feed_ids = {id(n) for n in page.capture.feed_model.notes()}
    assert {id(n) for n in page.review.summary.notes} == feed_ids  # one copy of the notes in memory
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "Getting paid")
    select_row(page.review.steps_view, "Payouts")
    page.review.rename_selected(page.review.steps_view, "journey step")
    steps = {n.journey_step for n in page.capture.feed_model.notes()}
    assert "Payouts" not in steps and "Getting paid" in steps
    assert "Getting paid" in dict(page.review.steps.rows)
    page.shutdown()


def test_review_models_pass_the_model_tester(qtmodeltester, page):
    for model in (page.steps, page.tags, page.follow_ups):
        qtmodeltester.check(model, force_py=True)


def test_the_garbage_collector_waits_while_an_export_runs(page, qtbot, tmp_path):
    """A collection in the worker thread could destroy GUI objects from the wrong thread."""
    import gc

    states = []
    page.export_to("pdf", tmp_path / "summary.pdf")
    page.export_job.progressed.connect(lambda *_: states.append(gc.isenabled()))
    states.append(gc.isenabled())
    qtbot.waitUntil(lambda: page.export_thread is None, timeout=30_000)
    assert states[0] is False and gc.isenabled()


def test_counts_table_shows_the_demo_by_phase_and_kind(page, qtmodeltester):
    model = page.counts
    kinds = ("friction", "confusion", "bad_day", "delight", "question", "idea")
    # Counted by hand from the demo's 60 notes (seed 7).
    expected = {
        "Welcome and rules": (2, 0, 0, 0, 0, 0),
        "Become the customer": (0, 0, 0, 1, 0, 1),
        "Experience the product": (9, 7, 9, 3, 8, 4),
        "Share-out": (0, 3, 2, 0, 3, 2),
        "Wrap-up": (2, 0, 1, 2, 1, 0),
        "Total": (13, 10, 12, 6, 12, 7),
    }
    assert {name: tuple(model.count(name, kind) for kind in kinds) for name in expected} == expected
    qtmodeltester.check(model, force_py=True)


# --- follow-ups: owner, status and link ---------------------------------------------------------------


def select_note(page, wanted) -> int:
    """Select the first row whose note passes *wanted*; its row."""
    row = next(r for r, note in enumerate(page.follow_ups.notes) if wanted(note))
    page.follow_view.selectRow(row)
    return row


def answering(monkeypatch, *answers):
    """Make the follow-up box answer in turn; returns the (title, fields, problem) it was asked with."""
    asked, replies = [], iter(answers)

    def ask(parent, title, fields, problem=""):
        asked.append((title, fields, problem))
        return next(replies)

    monkeypatch.setattr(dialogs, "ask_follow_up", ask)
    return asked


def test_a_follow_ups_owner_status_and_link_are_saved_and_shown(page, store, monkeypatch):
    from studygroup.followups import issue_title

    asked = answering(monkeypatch, (" Ada ", "filed", "https://x.example/AB-1"))
    row = select_note(page, lambda note: note.kind == "idea")
    note = page.follow_ups.notes[row]
    page.follow_up_button.click()
    assert asked == [(issue_title(note), ("", "open", ""), "")]
    saved = store.find_follow_up_state(note.id)
    assert (saved.owner, saved.status, saved.link) == ("Ada", "filed", "https://x.example/AB-1")
    assert page.status.text() == "The follow-up is filed, owned by Ada."
    row = next(r for r, n in enumerate(page.follow_ups.notes) if n.id == note.id)
    assert page.follow_ups.index(row, 4).data() == "filed · Ada · linked"
    assert page.follow_ups.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == (
        "Status: filed\nOwner: Ada\nLink: https://x.example/AB-1"
    )


def test_after_saving_the_same_follow_up_stays_selected_and_its_table_has_the_keys(page, qtbot, monkeypatch):
    page.show()
    qtbot.waitExposed(page)
    tabs = page.follow_view.parent().parent().parent()  # the follow-ups tab's box, its stack, the tab widget
    tabs.setCurrentIndex(2)
    answering(monkeypatch, ("Ada", "filed", ""))
    row = select_note(page, lambda note: note.kind == "idea")
    note_id = page.follow_ups.notes[row].id
    page.follow_up_button.setFocus()
    page.follow_up_button.click()
    [selected] = page.follow_view.selectionModel().selectedRows()
    assert page.follow_ups.notes[selected.row()].id == note_id
    assert page.focusWidget() is page.follow_view


def test_a_refused_link_asks_again_with_the_sentence_and_the_typing_kept(page, store, monkeypatch):
    asked = answering(monkeypatch, ("Ada", "filed", "ftp://x.example/1"), None)
    row = select_note(page, lambda note: note.kind == "idea")
    page.follow_up_button.click()
    assert asked[1][1:] == (
        ("Ada", "filed", "ftp://x.example/1"),
        'follow-up.link: "ftp://x.example/1" is not a web address starting with http:// or https://.',
    )
    assert store.find_follow_up_state(page.follow_ups.notes[row].id) is None


def test_only_a_ticked_follow_up_is_asked_about(page, monkeypatch):
    asked = answering(monkeypatch)
    select_note(page, lambda note: note.kind != "idea" and not note.follow_up)
    page.follow_up_button.click()
    assert asked == []
    assert page.status.text() == "Select a ticked follow-up first, then set its owner, status and link."
    assert page.follow_ups.index(page.follow_view.currentIndex().row(), 4).data() == ""


def test_ctrl_shift_f_opens_it_on_the_follow_ups_tab(page, qtbot, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from ui.review.page import FOLLOW_UPS

    asked = answering(monkeypatch, None)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.tidy_tabs.setCurrentIndex(FOLLOW_UPS)
    select_note(page, lambda note: note.kind == "idea")
    page.follow_view.setFocus()
    QTest.keySequence(page.follow_view, QKeySequence("Ctrl+Shift+F"))
    assert len(asked) == 1
    assert page.follow_up_button.toolTip().endswith("(Ctrl+Shift+F)")


def test_the_follow_up_box_names_its_fields_and_shows_text_as_typed(qtbot):
    from PySide6.QtWidgets import QLabel

    box = dialogs.FollowUpDialog(None, "<b>Fees</b> & more", ("Ada", "wont_fix", "https://x.example/1"), "<i>no</i>")
    qtbot.addWidget(box)
    plain = [label for label in box.findChildren(QLabel) if label.textFormat() == Qt.TextFormat.PlainText]
    assert [label.text() for label in plain] == ["<b>Fees</b> & more", "<i>no</i>"]
    assert [box.status.itemText(i) for i in range(box.status.count())] == ["open", "filed", "fixed", "won't fix"]
    assert [w.accessibleName() for w in (box.owner, box.status, box.link)] == ["Owner", "Status", "Tracker link"]
    assert all(w.toolTip() for w in (box.owner, box.status, box.link))
    assert (box.owner.maxLength(), box.link.maxLength()) == (100, 2000)
    assert box.fields() == ("Ada", "wont_fix", "https://x.example/1")
    box.status.setCurrentIndex(2)
    box.link.setText("https://x.example/2")
    assert box.fields() == ("Ada", "fixed", "https://x.example/2")


def test_an_export_from_the_review_page_carries_the_states(page, qtbot, tmp_path, store):
    from studygroup.followups import mark_filed

    idea = next(note for note in page.follow_ups.notes if note.kind == "idea")
    mark_filed(store, page.session.id, idea.id, "https://x.example/AB-9")
    target = tmp_path / "summary.md"
    with qtbot.waitSignal(page.export_finished, timeout=30_000):
        page.export_to("md", target)
    qtbot.waitUntil(lambda: page.export_thread is None)
    assert "      Status: filed · Link: <https://x.example/AB-9>\n" in target.read_text(encoding="utf-8")
