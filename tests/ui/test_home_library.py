"""Home as a library: search and filters, rename, duplicate, archive, the trash with Undo, delete for good."""

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from studygroup.clock import ManualTime
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from ui import dialogs
from ui.home_page import ALL_ARCHIVED, NONE_MATCH, TRASH_EMPTY, HomePage
from ui.main_window import MainWindow

TODAY = datetime.date(2026, 12, 1)
BAKERY = Scenario("Crumb & Co", "A bakery", "Take payments", key="bakery")
LEDGER = Scenario("Ledgerly", "An accounting firm", "Send invoices", key="saas_billing")
# title, date, facilitator, card
SESSIONS = (
    ("Checkout walk-through", "2026-11-20", "Jo Lee", BAKERY),
    ("Invoices, first look", "2026-10-01", "Sam Ortiz", LEDGER),
    ("Payouts deep dive", "2026-03-02", "Jo Lee", BAKERY),
    ("Old pilot", "2025-06-30", "Ana Ruiz", LEDGER),
)


@pytest.fixture
def sessions(store):
    made = {}
    for title, date, facilitator, card in SESSIONS:
        session = Session(
            title,
            date,
            facilitator,
            card,
            phases=[Phase("Warm-up", 5, "Hello"), Phase("Do it", 40)],
            participants=[Participant("Ada"), Participant("Bo")],
            status="ended",
        )
        store.save_session(session)
        made[title] = session
    store.add_observation(Observation(made["Old pilot"].id, "a note", author_id=made["Old pilot"].participants[0].id))
    return made


@pytest.fixture
def home(qtbot, store, sessions):
    page = HomePage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # keys reach only the active window
        page.show()
        page.activateWindow()
    return page


@pytest.fixture
def shown_window(qtbot, store, sessions):
    window = MainWindow(store, clock_time_source=ManualTime())
    window.home.today = lambda: TODAY
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def listed(page):
    """The titles the table shows, top to bottom."""
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def choose(combo, key):
    combo.setCurrentIndex(combo.findData(key))


def select(page, title):
    page.table.selectRow(listed(page).index(title))


def test_columns_name_scenario_and_facilitator(home, qtmodeltester):
    qtmodeltester.check(home.proxy, force_py=True)
    assert [home.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Session",
        "Scenario",
        "Facilitator",
        "Date",
        "Status",
        "Notes",
        "People",
    ]
    assert [home.proxy.index(0, c).data() for c in range(7)] == [
        "Checkout walk-through",
        "Crumb & Co",
        "Jo Lee",
        "2026-11-20",
        "Ended",
        "0",
        "2",
    ]


def test_search_words_match_title_scenario_or_facilitator(home, qtbot):
    QTest.keySequence(home, QKeySequence("Ctrl+F"))
    assert home.filters.search.hasFocus()
    QTest.keyClicks(home.filters.search, "ledger")
    assert listed(home) == ["Invoices, first look", "Old pilot"]
    home.filters.search.setText("jo checkout")  # every word, anywhere
    assert listed(home) == ["Checkout walk-through"]
    home.filters.search.setText("saas_bill")  # the scenario's key, as trends --scenario takes it
    assert listed(home) == ["Invoices, first look", "Old pilot"]
    home.filters.search.setText("nobody")
    assert listed(home) == [] and home.list_stack.currentWidget() is home.empty
    assert home.empty.text() == NONE_MATCH


def test_scenario_facilitator_and_period_filters(home):
    scenario, facilitator, period = home.filters.scenario, home.filters.facilitator, home.filters.period
    assert [scenario.itemText(i) for i in range(scenario.count())] == ["All scenarios", "Crumb & Co", "Ledgerly"]
    assert [facilitator.itemText(i) for i in range(facilitator.count())] == [
        "Any facilitator",
        "Ana Ruiz",
        "Jo Lee",
        "Sam Ortiz",
    ]
    choose(scenario, "bakery")
    assert listed(home) == ["Checkout walk-through", "Payouts deep dive"]
    choose(scenario, "")
    choose(facilitator, "Ana Ruiz")
    assert listed(home) == ["Old pilot"]
    choose(facilitator, "")
    choose(period, "30")  # from 2026-11-01
    assert listed(home) == ["Checkout walk-through"]
    choose(period, "90")  # from 2026-09-02
    assert listed(home) == ["Checkout walk-through", "Invoices, first look"]
    choose(period, "year")
    assert listed(home) == ["Checkout walk-through", "Invoices, first look", "Payouts deep dive"]


def test_rename_with_its_key_asks_again_after_a_refusal(home, store, sessions, monkeypatch):
    select(home, "Payouts deep dive")
    asked = []
    answers = iter(["   ", "Payouts, March"])
    monkeypatch.setattr(
        dialogs, "ask_text", lambda parent, title, label, text: asked.append((label, text)) or next(answers)
    )
    QTest.keySequence(home.table, QKeySequence("Ctrl+R"))
    assert asked == [
        ("New title:", "Payouts deep dive"),
        ("Give the session a title, for example “Checkout study group, March”.\n\nNew title:", "   "),
    ]
    assert store.load_session(sessions["Payouts deep dive"].id).title == "Payouts, March"
    assert home.selected_row()["title"] == "Payouts, March"
    assert home.status.text() == "Renamed to “Payouts, March”."


def test_duplicate_offers_the_past_sessions_card_group_and_agenda_as_a_new_plan(home, store, sessions):
    offered = []
    home.plan_requested.connect(offered.append)
    select(home, "Old pilot")
    before = store.list_sessions()
    home.row_buttons["duplicate_session"].click()
    [plan] = offered
    assert (plan.title, plan.status, plan.date, len(plan.participants)) == (
        "Old pilot (again)",
        "planned",
        "2026-12-01",
        2,
    )
    assert [(p.name, p.planned_minutes, p.prompt) for p in plan.phases] == [("Warm-up", 5, "Hello"), ("Do it", 40, "")]
    assert plan.scenario == LEDGER
    assert store.list_sessions() == before  # nothing is saved until the plan page creates it


def test_archive_hides_and_show_archived_lists_it_marked(home, store, sessions):
    select(home, "Old pilot")
    home.row_buttons["archive_session"].click()
    assert "Old pilot" not in listed(home)
    home.archived_box.click()
    assert home.actions_by_id["show_archived"].isChecked() and listed(home)[-1] == "Old pilot"
    assert home.proxy.index(3, 4).data() == "Ended, archived"
    select(home, "Old pilot")
    assert home.row_buttons["archive_session"].text() == "Archive"  # the button follows its action
    assert home.actions_by_id["archive_session"].text() == "Unarchive"
    home.actions_by_id["archive_session"].trigger()
    assert store.list_sessions()[-1]["title"] == "Old pilot"


def test_everything_archived_says_how_to_see_it(home, store, sessions):
    for session in sessions.values():
        store.set_archived(session.id, True)
    home.reload()
    assert home.list_stack.currentWidget() is home.empty and home.empty.text() == ALL_ARCHIVED


def test_delete_key_trashes_and_undo_brings_it_back(shown_window, store, sessions):
    home = shown_window.home
    select(home, "Invoices, first look")
    home.table.setFocus()
    QTest.keySequence(home.table, QKeySequence("Ctrl+Del"))
    assert "Invoices, first look" not in listed(home)
    assert store.is_trashed(sessions["Invoices, first look"].id)
    notice = shown_window.notice
    assert notice.isVisible() and notice.label.text() == "Moved “Invoices, first look” to the trash."
    assert notice.action_button.isVisible() and notice.action_button.text() == "Undo"
    QTest.keySequence(home.table, QKeySequence("Alt+Backspace"))
    assert not store.is_trashed(sessions["Invoices, first look"].id)
    assert home.selected_row()["title"] == "Invoices, first look" and not notice.isVisible()
    home.actions_by_id["trash_session"].trigger()
    notice.action_button.click()  # the notice's Undo does the same
    assert "Invoices, first look" in listed(home) and not notice.isVisible()
    home.actions_by_id["undo_trash"].trigger()
    assert home.status.text() == "Nothing to bring back."


def test_the_trash_view_restores_and_deletes_for_good(home, store, sessions, monkeypatch):
    for title in ("Old pilot", "Payouts deep dive"):
        store.move_to_trash(sessions[title].id)
    home.trash_button.click()
    assert home.title.text() == "Trash" and home.trash_button.text() == "Back to sessions"
    assert listed(home) == ["Payouts deep dive", "Old pilot"]
    assert [a for a, b in home.row_buttons.items() if b.isVisibleTo(home)] == ["restore_session", "delete_forever"]
    menu = home.library.context_menu(trash=True)
    assert [a.text() for a in menu.actions()] == ["Restore", "Delete forever…"]
    select(home, "Payouts deep dive")
    home.row_buttons["restore_session"].click()
    assert listed(home) == ["Old pilot"]
    questions = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: questions.append(text) or True)
    home.row_buttons["delete_forever"].click()
    assert questions == [
        "Delete “Old pilot” and its 1 note for good?\n\nThis cannot be undone; a backup made before now still holds it."
    ]
    assert not store.has_session(sessions["Old pilot"].id)
    assert home.list_stack.currentWidget() is home.empty and home.empty.text() == TRASH_EMPTY
    home.trash_button.click()
    assert "Payouts deep dive" in listed(home) and home.title.text() == "Study groups"


def test_a_running_session_is_not_trashed_and_says_why(home, store, sessions):
    live = Session("Live now", "2026-12-01", "Jo Lee", BAKERY, status="running")
    store.save_session(live)
    home.reload(select=live.id)
    home.row_buttons["trash_session"].click()
    assert home.status.text() == "“Live now” is running; end it before moving it to the trash."
    assert home.status.property("state") == "problem" and "Live now" in listed(home)


def test_the_context_menu_offers_the_row_actions(home):
    menu = home.library.context_menu(trash=False)
    assert [a.text() for a in menu.actions()] == ["Rename…", "Duplicate as new plan", "Archive", "Move to trash"]
