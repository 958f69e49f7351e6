"""The plan page: filled from the keyboard, validated inline, saved as a session in the store."""

import json

import pytest
from PySide6.QtCore import QDate, Qt

from studygroup import roster, scenarios
from ui import dialogs
from ui.action_table import ACTIONS
from ui.actions import ACTION_PROPERTY
from ui.plan.page import PlanPage


@pytest.fixture
def page(qtbot, store):
    widget = PlanPage(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.people_panel.seed_spin.setValue(42)
    return widget


def press(qtbot, page, command_id):
    """Press a command's own shortcut, as a keyboard user would."""
    sequence = page.actions_by_id[command_id].shortcut()
    qtbot.keyClick(page.focusWidget() or page, sequence[0].key(), sequence[0].keyboardModifiers())


def test_fill_the_page_from_the_keyboard_and_create_the_session(qtbot, page, store):
    page.activateWindow()
    page.title_edit.setFocus()
    qtbot.keyClicks(page.title_edit, "Checkout group, March")
    page.facilitator_edit.setFocus()
    qtbot.keyClicks(page.facilitator_edit, "Jordan")
    page.date_edit.setDate(QDate(2026, 3, 2))
    page.scenario_panel.combo.setCurrentIndex(page.scenario_panel.combo.findData("saas_billing"))
    page.lingo_edit.setPlainText("KYC\n\n  the Dashboard team \n")
    page.people_panel.roster_edit.setPlainText("name,discipline\nAda,Eng\nBo,Design\nCy,Sales\nDee,Support\nEd,Eng")
    page.people_panel.roster_edit.setFocus()
    press(qtbot, page, "add_roster")
    assert page.people_panel.model.rowCount() == 5
    page.agenda_panel.auto_advance_box.setFocus()
    qtbot.keyClick(page.agenda_panel.auto_advance_box, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.session_created) as created:
        press(qtbot, page, "create")
    session = store.load_session(created.args[0])
    assert (session.title, session.facilitator, session.date) == ("Checkout group, March", "Jordan", "2026-03-02")
    assert session.scenario.company == "Tallyboard" and session.scenario.key == "saas_billing"
    assert session.lingo == ["KYC", "the Dashboard team"]
    assert session.auto_advance is True
    assert session.planned_minutes == 60 and len(session.phases) == 5
    assert sorted(p.name for p in session.participants) == ["Ada", "Bo", "Cy", "Dee", "Ed"]
    assert all(p.roster_id and p.role in session.scenario.roles for p in session.participants)
    assert page.title_edit.text() == "" and page.people_panel.model.rowCount() == 0  # ready for the next plan


def test_switching_the_template_updates_the_agenda_and_the_total(page):
    assert page.agenda_panel.total_label.text() == "Total: 60 minutes"
    page.agenda_panel.template_combo.setCurrentText("90 minutes")
    assert page.agenda_panel.model.rowCount() == 6 and page.agenda_panel.total_label.text() == "Total: 90 minutes"
    page.agenda_panel.template_combo.setCurrentText("30 minutes (lightning)")
    assert page.agenda_panel.total_label.text() == "Total: 30 minutes"


def test_editing_minutes_and_reordering_phases_update_the_plan_live(qtbot, page, store):
    model = page.agenda_panel.model
    assert model.setData(model.index(2, 1), 45)
    assert page.agenda_panel.total_label.text() == "Total: 75 minutes"
    assert not model.setData(model.index(2, 1), "soon") and not model.setData(model.index(2, 1), 0)
    page.agenda_panel.table.setCurrentIndex(model.index(4, 0))
    page.agenda_panel.table.setFocus()
    press(qtbot, page, "phase_up")
    assert [p.name for p in model.phases][3:] == ["Wrap-up", "Share-out"]
    assert page.agenda_panel.table.currentIndex().row() == 3
    page.agenda_panel.table.setCurrentIndex(model.index(0, 0))
    page.agenda_panel.move_phase(-1)  # nothing above the first phase
    assert model.phases[0].name == "Welcome and rules"
    page.agenda_panel.remove_phase()
    assert page.agenda_panel.total_label.text() == "Total: 70 minutes"
    page.title_edit.setText("Reordered")
    with qtbot.waitSignal(page.session_created) as created:
        page.create_session()
    assert [p.name for p in store.load_session(created.args[0]).phases] == [
        "Become the customer",
        "Experience the product",
        "Wrap-up",
        "Share-out",
    ]


@pytest.mark.parametrize(
    "people, expected",
    [
        ([], "Give the session a title"),
        (["Ada", "   "], "Person 2 in the group has no name"),
        (["Ada", " ada "], "Two people in the group are called “ada”"),
        (["Ada", "B" * 101], "Person 2's name can have 100 characters; it has 101. Shorten it."),
    ],
)
def test_problems_are_one_sentence_inline_and_nothing_is_saved(qtbot, page, store, people, expected):
    page.title_edit.setText("Group" if people else "  ")
    for name in people:
        page.people_panel.add_person()
        page.people_panel.model.setData(page.people_panel.model.index(page.people_panel.model.rowCount() - 1, 0), name)
    with qtbot.assertNotEmitted(page.session_created):
        page.create_session()
    assert page.error_label.text().startswith(expected)
    assert store.list_sessions() == []


def test_the_size_warning_shows_outside_four_to_eight(page):
    assert "No one" in page.people_panel.size_warning.text()
    for _ in range(4):
        page.people_panel.add_person()
    assert page.people_panel.size_warning.text() == ""
    for _ in range(5):
        page.people_panel.add_person()
    assert "large" in page.people_panel.size_warning.text()


def test_random_groups_from_a_big_roster_take_one_group_of_newcomers_first(page, store):
    roster.add_people(store, [(f"Person {i}", ("Eng", "Design", "Sales")[i % 3]) for i in range(20)])
    page.people_panel.form_random_groups()
    assert page.people_panel.group_combo.count() == 3
    assert 4 <= page.people_panel.model.rowCount() <= 8
    first = [p.name for p in page.people_panel.model.people]
    page.people_panel.group_combo.setCurrentIndex(1)
    assert [p.name for p in page.people_panel.model.people] != first
    page.people_panel.form_random_groups()  # same seed, same groups
    assert [p.name for p in page.people_panel.model.people] == first


def test_a_bad_pasted_roster_is_refused_with_its_line(page, store):
    page.people_panel.roster_edit.setPlainText("Ada,Eng\n  ,Design")
    page.people_panel.add_pasted_roster()
    assert page.error_label.text().startswith("The pasted roster was not added. Line 2 has no name")
    assert roster.list_roster(store) == [] and page.people_panel.roster_edit.toPlainText()


def test_import_a_csv_roster_through_the_dialog_module(page, store, tmp_path, monkeypatch):
    csv_file = tmp_path / "team.csv"
    csv_file.write_text("\ufeffname;discipline\nAda;Eng\nBo;Design\nCy;Sales\nDee;Legal\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: csv_file)
    page.people_panel.import_roster()
    assert len(roster.list_roster(store)) == 4 and page.people_panel.model.rowCount() == 4
    assert page.people_panel.roster_note.text() == "The roster has 4 people."


def test_edit_a_copy_and_save_it_to_the_library(qtbot, page, store):
    page.scenario_panel.combo.setCurrentIndex(page.scenario_panel.combo.findData("bakery"))
    page.scenario_panel.edit_copy()
    assert page.scenario_panel.editor.isVisibleTo(page) and not page.scenario_panel.preview.isVisibleTo(page)
    page.scenario_panel.editor.company.setText("Crumb & Co (gluten-free)")
    page.scenario_panel.editor.roles.setPlainText("Baker\n\nDelivery rider\n")
    page.scenario_panel.save_card()
    assert page.scenario_panel.combo.currentText() == "Crumb & Co (gluten-free) — yours"
    assert not page.scenario_panel.editor.isVisibleTo(page)
    saved = {c.key: c for c in scenarios.load_library()}[page.scenario_panel.current_card().key]
    assert saved.roles == ["Baker", "Delivery rider"]
    assert (scenarios.user_dir() / f"{saved.key}.json").exists()


def test_an_edited_card_without_a_company_is_not_saved(page):
    page.scenario_panel.new_card()
    page.scenario_panel.save_card()
    assert page.error_label.text() == "The card needs a company name."
    assert not scenarios.user_dir().exists()


def test_choosing_another_card_asks_before_dropping_edits(page, monkeypatch):
    page.scenario_panel.edit_copy()
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: False)
    before = page.scenario_panel.combo.currentIndex()
    page.scenario_panel.combo.setCurrentIndex(before + 1)
    assert page.scenario_panel.editing and page.scenario_panel.combo.currentIndex() == before
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    page.scenario_panel.combo.setCurrentIndex(before + 1)
    assert not page.scenario_panel.editing


def test_print_persona_card_writes_the_pdf_where_asked(page, tmp_path, monkeypatch):
    target = tmp_path / "handout"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    page.print_persona_card()
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert "handout.pdf" in page.notice_label.text()


def test_every_command_has_a_shortcut_in_its_tooltip_and_an_accessible_name(page):
    for command_id, button in page.buttons.items():
        assert not page.actions_by_id[command_id].shortcut().isEmpty()
        assert "(" in button.toolTip() and button.accessibleName()
    for field in (
        page.title_edit,
        page.date_edit,
        page.facilitator_edit,
        page.scenario_panel.combo,
        page.product_edit,
        page.lingo_edit,
        page.people_panel.table,
        page.people_panel.roster_edit,
        page.people_panel.seed_spin,
        page.agenda_panel.template_combo,
        page.agenda_panel.table,
        page.agenda_panel.auto_advance_box,
    ):
        assert field.accessibleName() and field.toolTip()


def test_the_table_models_pass_the_model_tester(qtmodeltester, page):
    for _ in range(3):
        page.people_panel.add_person()
    qtmodeltester.check(page.people_panel.model, force_py=True)
    qtmodeltester.check(page.agenda_panel.model, force_py=True)


def test_a_role_is_picked_from_the_card_or_typed(page):
    from PySide6.QtWidgets import QStyleOptionViewItem

    page.people_panel.add_person()
    index = page.people_panel.model.index(0, 2)
    delegate = page.people_panel.table.itemDelegateForColumn(2)
    editor = delegate.createEditor(page.people_panel.table.viewport(), QStyleOptionViewItem(), index)
    assert [editor.itemText(i) for i in range(editor.count())] == page.scenario().roles
    editor.setCurrentText(page.scenario().roles[1])
    delegate.setModelData(editor, page.people_panel.model, index)
    assert page.people_panel.model.people[0].role == page.scenario().roles[1]
    editor.setCurrentText("  Night baker ")
    delegate.setModelData(editor, page.people_panel.model, index)
    assert page.people_panel.model.people[0].role == "Night baker"
    editor.deleteLater()


def test_a_title_past_the_limit_is_said_and_kept_to_shorten(qtbot, page, store):
    page.title_edit.setText("T" * 201)
    with qtbot.assertNotEmitted(page.session_created):
        page.create_session()
    assert page.error_label.text() == "The title can have 200 characters; it has 201. Shorten it."
    assert page.title_edit.text() == "T" * 201 and store.list_sessions() == []


LONG_WHO = "“Who they are” on the card can have 2,000 characters; it has 2,001. Shorten it."


def test_the_editor_the_library_file_and_the_plan_refuse_the_same_card_alike(qtbot, page, store):
    """A card the editor, saving and the library files once all took, and the store then refused."""
    editor = page.scenario_panel.editor
    page.scenario_panel.new_card()
    editor.company.setText("Acme")
    editor.texts["who_they_are"].setPlainText("W" * 2001)
    editor.texts["outcome_problem"].setPlainText("Get paid")
    page.scenario_panel.save_card()
    assert page.error_label.text() == LONG_WHO
    assert editor.texts["who_they_are"].hasFocus() and not scenarios.user_dir().exists()
    page.title_edit.setText("Long card")
    with qtbot.assertNotEmitted(page.session_created):
        page.create_session()
    assert page.error_label.text() == LONG_WHO and store.list_sessions() == []
    scenarios.user_dir().mkdir(parents=True)
    card = {"company": "Acme", "who_they_are": "W" * 2001, "outcome_problem": "Get paid"}
    (scenarios.user_dir() / "acme.json").write_text(json.dumps(card), encoding="utf-8")
    page.scenario_panel.reload()
    assert page.scenario_panel.library_note.text() == f"The card acme.json was skipped: {LONG_WHO}"
    assert page.scenario_panel.combo.findData("acme") == -1


def test_a_product_past_the_limit_is_said_at_the_product_field(qtbot, page, store):
    page.title_edit.setText("Long product")
    page.product_edit.setText("P" * 201)
    with qtbot.assertNotEmitted(page.session_created):
        page.create_session()
    assert page.error_label.text() == "“Product” on the card can have 200 characters; it has 201. Shorten it."
    assert page.product_edit.hasFocus() and store.list_sessions() == []


def test_the_page_binds_every_plan_row_of_the_action_table_to_its_button(page):
    assert set(page.actions_by_id) == {spec.id for spec in ACTIONS if spec.scope == "plan"}
    assert {action_id: button.text() for action_id, button in page.buttons.items()} == {
        "new_card": "New card…",
        "edit_copy": "Edit a copy…",
        "save_card": "Save to library",
        "rename_card": "Rename card…",
        "delete_card": "Delete card",
        "undo_delete_card": "Undo delete",
        "add_person": "Add person",
        "remove_person": "Remove person",
        "add_roster": "Add to roster",
        "import_roster": "Import CSV roster…",
        "form_groups": "Form random groups",
        "deal_roles": "Deal roles",
        "add_phase": "Add phase",
        "remove_phase": "Remove phase",
        "phase_up": "Move up",
        "phase_down": "Move down",
        "save_template": "Save as template…",
        "rename_template": "Rename template…",
        "delete_template": "Delete template",
        "print_card": "Print persona card…",
        "create": "Create session",
    }
    for action_id, action in page.actions_by_id.items():
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut  # only while planning
        assert action in page.actions() and page.buttons[action_id].property(ACTION_PROPERTY) == action_id
    assert page.buttons["print_card"].toolTip() == "Save the persona card as a one-page PDF handout (Ctrl+Shift+T)"


def test_deal_roles_on_its_new_key_deals_from_the_card(qtbot, page):
    for name in ("Ada", "Bo", "Cy"):
        page.people_panel.add_person()
        model = page.people_panel.model
        model.setData(model.index(model.rowCount() - 1, 0), name)
    assert [person.role for person in page.people_panel.model.people] == ["", "", ""]
    page.title_edit.setFocus()
    qtbot.keyClick(
        page.title_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert all(person.role in page.scenario().roles for person in page.people_panel.model.people)
