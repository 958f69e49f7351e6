"""The plan page's own templates and cards: an agenda saved as a template, one's own renamed and deleted."""

import dataclasses

import pytest

from studygroup import agenda, scenarios
from studygroup.agenda_files import user_templates_dir
from studygroup.model import Phase
from tests.core.test_own_cards import GLUTEN_FREE
from tests.ui.test_plan_page import press
from ui import dialogs
from ui.plan.page import PlanPage

OWN_COMMANDS = ("rename_template", "delete_template")
CARD_COMMANDS = ("rename_card", "delete_card")


@pytest.fixture
def page(qtbot, store):
    agenda.save_agenda_template("Retro", [Phase("Check-in", 5), Phase("Share", 10)])
    scenarios.save_to_library(dataclasses.replace(GLUTEN_FREE))
    widget = PlanPage(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def answer(monkeypatch, name, reply):
    """Replace one dialog of ui.dialogs with a fixed reply, recording what it was asked."""
    asked = []
    monkeypatch.setattr(dialogs, name, lambda *args: asked.append(args[1:]) or reply)
    return asked


def enabled(page, ids):
    return [page.actions_by_id[i].isEnabled() and page.buttons[i].isEnabled() for i in ids]


def choose_template(page, name):
    combo = page.agenda_panel.template_combo
    combo.setCurrentIndex(combo.findData(name))


def test_the_template_list_marks_the_users_own_and_only_they_can_be_renamed_or_deleted(page):
    combo = page.agenda_panel.template_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["60 minutes", "90 minutes", "30 minutes (lightning)", "", "Retro — yours"]
    assert combo.currentText() == "60 minutes" and enabled(page, OWN_COMMANDS) == [False, False]
    choose_template(page, "Retro")
    assert [p.name for p in page.agenda_panel.model.phases] == ["Check-in", "Share"]
    assert enabled(page, OWN_COMMANDS) == [True, True]


def test_save_the_agenda_as_a_template_from_its_key(qtbot, page, monkeypatch):
    asked = answer(monkeypatch, "ask_text", "Kick-off, 75 minutes")
    page.agenda_panel.model.setData(page.agenda_panel.model.index(2, 1), 45)
    page.title_edit.setFocus()
    press(qtbot, page, "save_template")
    assert asked == [("Save as template", "Name for your agenda template:", "")]
    saved = agenda.find_template("Kick-off, 75 minutes")
    assert saved is not None and not saved.builtin and saved.minutes == 75
    assert page.agenda_panel.template_combo.currentText() == "Kick-off, 75 minutes — yours"
    assert page.agenda_panel.template_note.text() == "Saved the agenda as your template “Kick-off, 75 minutes”."
    assert page.agenda_panel.total_label.text() == "Total: 75 minutes" and page.error_label.text() == ""


def test_saving_over_ones_own_template_asks_first(page, monkeypatch):
    choose_template(page, "Retro")
    page.agenda_panel.add_phase()
    asked = answer(monkeypatch, "ask_text", "retro")
    replace = answer(monkeypatch, "ask_yes_no", False)
    page.agenda_panel.save_template()
    assert asked[0][2] == "Retro"  # one's own template's name is offered
    assert replace == [
        ("Replace the template?", "You already have a template called “Retro”. Replace its phases with this agenda?")
    ]
    assert len(agenda.find_template("Retro").rows) == 2
    answer(monkeypatch, "ask_yes_no", True)
    page.agenda_panel.save_template()
    assert [row[0] for row in agenda.find_template("retro").rows] == ["Check-in", "Share", "New phase"]


def test_a_refused_name_is_said_under_the_plan_and_nothing_is_saved(page, monkeypatch):
    answer(monkeypatch, "ask_text", "90 Minutes")
    page.agenda_panel.save_template()
    assert page.error_label.text() == "“90 minutes” is a built-in template; give yours another name."
    assert page.buttons["save_template"].hasFocus()
    assert sorted(p.name for p in user_templates_dir().glob("*.json")) == ["retro.json"]


def test_an_agenda_without_phases_is_refused_before_any_name_is_asked(page):
    page.agenda_panel.model.set_phases([])
    page.agenda_panel.save_template()  # no dialog: the autouse fixture fails the test if one opens
    assert page.error_label.text() == "The agenda has no phases; pick a template or add a phase."
    assert page.agenda_panel.table.hasFocus()


def test_rename_and_delete_ones_own_template_leave_the_phases_as_they_are(qtbot, page, monkeypatch):
    choose_template(page, "Retro")
    page.agenda_panel.add_phase()
    answer(monkeypatch, "ask_text", "Retro, long")
    page.title_edit.setFocus()
    press(qtbot, page, "rename_template")
    assert page.agenda_panel.template_combo.currentText() == "Retro, long — yours"
    assert agenda.find_template("Retro") is None and page.agenda_panel.model.rowCount() == 3
    page.buttons["delete_template"].click()
    assert agenda.find_template("Retro, long") is None and page.agenda_panel.model.rowCount() == 3
    assert page.agenda_panel.template_combo.currentIndex() == -1 and enabled(page, OWN_COMMANDS) == [False, False]
    assert page.agenda_panel.template_note.text() == (
        "Deleted your template “Retro, long”. The agenda below is unchanged: “Save as template…” saves it again."
    )


def test_the_card_list_marks_ones_own_cards_and_only_they_can_be_renamed_or_deleted(page):
    combo = page.scenario_panel.combo
    assert combo.itemText(combo.findData("crumb_co_gluten_free")) == "Crumb & Co (gluten-free) — yours"
    combo.setCurrentIndex(combo.findData("bakery"))
    assert enabled(page, CARD_COMMANDS) == [False, False]
    combo.setCurrentIndex(combo.findData("crumb_co_gluten_free"))
    assert enabled(page, CARD_COMMANDS) == [True, True]
    page.scenario_panel.edit_copy()
    assert enabled(page, CARD_COMMANDS) == [False, False]  # the editor holds a copy: nothing to rename yet


def test_rename_ones_own_card_through_the_dialog(qtbot, page, monkeypatch):
    combo = page.scenario_panel.combo
    combo.setCurrentIndex(combo.findData("crumb_co_gluten_free"))
    asked = answer(monkeypatch, "ask_text", "Crumb & Co, March")
    page.title_edit.setFocus()
    press(qtbot, page, "rename_card")
    assert asked == [("Rename card", "Company name for this card:", "Crumb & Co (gluten-free)")]
    assert combo.currentData() == "crumb_co_gluten_free" and combo.currentText() == "Crumb & Co, March — yours"
    assert page.scenario_panel.library_note.text() == "Renamed the card to “Crumb & Co, March”."


def test_delete_ones_own_card_then_undo_from_the_keyboard(qtbot, page):
    combo = page.scenario_panel.combo
    combo.setCurrentIndex(combo.findData("crumb_co_gluten_free"))
    undo = page.buttons["undo_delete_card"]
    assert not undo.isVisibleTo(page) and not page.actions_by_id["undo_delete_card"].isEnabled()
    page.title_edit.setFocus()
    press(qtbot, page, "delete_card")
    assert (
        combo.findData("crumb_co_gluten_free") == -1 and combo.currentData() == "founder_incorporation"
    )  # the next card
    assert "crumb_co_gluten_free" not in {c.key for c in scenarios.load_library()}
    assert page.scenario_panel.library_note.text() == (
        "Deleted “Crumb & Co (gluten-free)” from your library; sessions planned with it keep their copy."
    )
    assert undo.isVisibleTo(page) and undo.accessibleName() == "Undo delete"
    assert undo.toolTip() == "Bring back the card you just deleted (Ctrl+Shift+B)"
    press(qtbot, page, "undo_delete_card")  # in a text box too: no line edit claims the key
    assert combo.currentData() == "crumb_co_gluten_free" and not undo.isVisibleTo(page)
    assert page.scenario_panel.library_note.text() == "Brought back “Crumb & Co (gluten-free)”."


def test_a_built_in_card_is_never_deleted_even_when_asked_directly(page):
    combo = page.scenario_panel.combo
    combo.setCurrentIndex(combo.findData("bakery"))
    page.scenario_panel.delete_card()
    assert page.error_label.text() == "“bakery” is a built-in card, and built-in cards cannot be deleted."
    assert "bakery" in {c.key for c in scenarios.load_library()}
