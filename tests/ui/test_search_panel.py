"""The search panel: typing searches after a pause, matches are highlighted from escaped text, Enter opens."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studygroup.model import Observation, Participant, Scenario, Session
from ui.library.search_panel import DEBOUNCE_MS, MARKUP_ROLE, SearchPanel


@pytest.fixture
def notes(store):
    ada = Participant("Ada <Lovelace>")
    session = Session("Payouts & <b>co</b>", "2026-03-02", "Jo", Scenario("Co", "who", "why"), participants=[ada])
    store.save_session(session)
    texts = ("The payout date <b>was</b> hidden & late", "Nothing about money here", "payout again")
    added = [Observation(session.id, text, kind="friction", author_id=ada.id, session_seconds=90.0) for text in texts]
    for note in added:
        store.add_observation(note)
    return session, added


@pytest.fixture
def panel(qtbot, store, notes):
    shown = SearchPanel(store)
    qtbot.addWidget(shown)
    return shown


def test_typing_searches_once_the_typing_pauses(panel, qtbot, qtmodeltester):
    assert panel.debounce.interval() == DEBOUNCE_MS == 150 and panel.debounce.isSingleShot()
    QTest.keyClicks(panel.field, "payou")
    assert panel.model.rowCount() == 0 and panel.debounce.isActive()  # no query on every keystroke
    with qtbot.waitSignal(panel.searched, timeout=2000) as searched:
        pass
    assert searched.args == [2]
    texts = [panel.model.index(row).data() for row in range(2)]
    assert {text.split("\n")[0] for text in texts} == {"The payout date <b>was</b> hidden & late", "payout again"}
    assert panel.status.text() == "2 notes match “payou”, best first."
    qtmodeltester.check(panel.model)


def test_the_highlight_markup_escapes_the_users_text(panel, notes):
    panel.field.setText("hidden")
    panel.run_search()
    markup = panel.model.index(0).data(MARKUP_ROLE)
    assert "&lt;b&gt;was&lt;/b&gt;" in markup and "&amp; late" in markup
    assert "<b>hidden</b></span>" in markup  # our one tag, around the matched word only
    assert markup.count("<b>") == 1
    assert "Payouts &amp; &lt;b&gt;co&lt;/b&gt; · 2026-03-02 · 01:30 · Ada &lt;Lovelace&gt; · Friction" in markup


def test_enter_opens_the_best_hit_and_double_click_any(panel, qtbot, notes):
    session, added = notes
    panel.field.setText("again")
    with qtbot.waitSignal(panel.note_chosen) as chosen:
        QTest.keyClick(panel.field, Qt.Key.Key_Return)  # the pending search runs first
    assert chosen.args == [session.id, added[2].id]
    with qtbot.waitSignal(panel.note_chosen) as chosen:
        panel.results.activated.emit(panel.model.index(0))
    assert chosen.args == [session.id, added[2].id]


def test_nothing_found_and_nothing_typed_are_sentences(panel):
    assert panel.status.text() == "Type words to search the notes of every session."
    panel.field.setText("zebra")
    panel.run_search()
    assert (panel.model.rowCount(), panel.status.text()) == (0, "No note matches “zebra”.")
    panel.field.setText("   ")
    panel.run_search()
    assert panel.status.text() == "Type words to search the notes of every session."
