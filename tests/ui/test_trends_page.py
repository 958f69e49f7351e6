"""The Trends page over the hand-built library (tests/core/library.py): filters, quotes one click away, export."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.core.library import build_library
from ui import dialogs
from ui.library.trends_models import ID_ROLE
from ui.library.trends_page import TrendsPage


@pytest.fixture
def library(store):
    return build_library(store)


@pytest.fixture
def page(qtbot, store, library):
    shown = TrendsPage(store)
    qtbot.addWidget(shown)
    yield shown
    shown.shutdown()


def _column(model, column=0):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_page_shows_every_held_session_and_the_problems_ranked(page, qtmodeltester):
    assert _column(page.headlines, 1) == ["One", "Two", "Three", "Four"]
    assert _column(page.headlines, 2) == ["3 of 4 (75%)", "3 of 5 (60%)", "4 of 4 (100%)", "6 of 6 (100%)"]
    rows = [tuple(page.problems.index(r, c).data() for c in range(6)) for r in range(page.problems.rowCount())]
    assert rows[0] == ("mobile", "tag", "4", "3 · I'd give up", "5", "worse")
    assert [row[0] for row in rows] == ["mobile", "Checkout", "Sign-up", "Payouts", "money"]
    assert _column(page.better) == [
        "Checkout: 2 bad days before, the last in “One” (2026-01-05); none in the 2 sessions since."
    ]
    assert (
        page.summary.text()
        == "Sessions of all scenarios, held at any date: 4 sessions, 5 recurring problems, 1 got better."
    )
    for model in (page.headlines, page.problems, page.quotes, page.better):
        qtmodeltester.check(model)


def test_the_scenario_and_date_filters_change_the_rows(page):
    assert [page.scenario_box.itemText(i) for i in range(page.scenario_box.count())] == [
        "All scenarios",
        "bakery",
        "saas_billing",
    ]
    page.scenario_box.setCurrentIndex(page.scenario_box.findData("bakery"))
    assert _column(page.headlines, 1) == ["One", "Two", "Four"]
    assert _column(page.problems)[:3] == ["Checkout", "Sign-up", "mobile"]
    page.since_box.setCurrentIndex(page.since_box.findData("2026-02-02"))
    assert _column(page.headlines, 1) == ["Two", "Four"]
    page.scenario_box.setCurrentIndex(page.scenario_box.findData("saas_billing"))
    assert (_column(page.headlines, 1), page.problems.rowCount()) == (["Three"], 0)
    page.since_box.setCurrentIndex(page.since_box.findData("2026-04-06"))  # no saas_billing session since
    assert (_column(page.headlines, 1), page.problems.rowCount()) == ([], 0)
    assert page.summary.text() == "Sessions of the scenario saas_billing, held since 2026-04-06: none held yet."
    assert page.quotes_title.text() == "Quotes: nothing recurred yet"


def test_selecting_a_problem_shows_its_quotes_naming_their_session(page, library):
    assert page.quotes_title.text() == "Quotes: mobile"  # the first problem is selected from the start
    page.problem_view.selectRow(3)  # Payouts
    assert page.quotes_title.text() == "Quotes: Payouts"
    assert _column(page.quotes) == [
        "“b5: bad_day at Payouts”\n— Ia, Two (2026-02-02)",
        "“b4: bad_day at Payouts”\n— Hu, Two (2026-02-02)",
        "“a4: bad_day at Payouts”\n— Jo Facil (facilitator), One (2026-01-05)",
    ]
    assert page.quotes.index(2).data(ID_ROLE) == library.sessions["One"].id


def test_opening_a_quote_or_a_session_row_names_its_session(page, qtbot, library):
    page.problem_view.selectRow(3)
    with qtbot.waitSignal(page.session_chosen) as chosen:
        page.quote_view.activated.emit(page.quotes.index(2))
    assert chosen.args == [library.sessions["One"].id]
    with qtbot.waitSignal(page.session_chosen) as chosen:
        page.headline_view.activated.emit(page.headlines.index(3, 0))
    assert chosen.args == [library.sessions["Four"].id]


def test_export_asks_where_and_writes_the_report_of_the_filter_shown(page, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "bakery.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    page.scenario_box.setCurrentIndex(page.scenario_box.findData("bakery"))
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as finished:
        page.export_buttons["pdf"].click()
    assert finished.args == [str(target)]
    qtbot.waitUntil(lambda: page.export_thread is None)
    assert "Trends across 3 sessions" in PdfReader(target).pages[0].extract_text()
    assert page.status.text() == f"Saved {target}"
    assert all(button.isEnabled() for button in page.export_buttons.values())


def test_a_failed_export_says_why(page, qtbot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    page.export_to("md", blocker / "trends.md")
    qtbot.waitUntil(lambda: page.export_thread is None, timeout=10_000)
    assert page.status.text().startswith(f"The export to {blocker / 'trends.md'} failed")


def test_every_control_has_a_name_and_back_is_a_signal(page, qtbot):
    assert page.chart.accessibleDescription().startswith("4 sessions, 2026-01-05 to 2026-04-06. Without a bad day")
    for widget in (page.scenario_box, page.since_box, page.problem_view, page.quote_view, page.headline_view):
        assert widget.accessibleName()
    with qtbot.waitSignal(page.back_requested):
        next(b for b in page.findChildren(type(page.export_buttons["pdf"])) if b.text() == "‹ Home").click()


def test_an_empty_library_shows_sentences(qtbot, store):
    empty = TrendsPage(store)
    qtbot.addWidget(empty)
    assert empty.summary.text() == "Sessions of all scenarios, held at any date: none held yet."
    assert empty.chart.accessibleDescription() == "No sessions held yet."
    assert empty.better.index(0).data(Qt.ItemDataRole.DisplayRole).startswith("Nothing yet")
