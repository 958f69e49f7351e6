"""User text is never markup on screen: labels, tooltips and dialogs show it as typed."""

import datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt  # QtGui's Qt namespace also holds mightBeRichText
from PySide6.QtWidgets import QAbstractItemView, QApplication, QInputDialog, QLabel, QWidget

from studygroup.clock import ManualTime
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from ui import dialogs
from ui.main_window import MainWindow
from ui.run.question_round import TOGGLE_SPEC

# Captured at import, before the autouse fixture in conftest swaps them for failing stubs.
REAL = {name: getattr(dialogs, name) for name in ("inform", "ask_yes_no", "choose", "ask_text", "ask_pin")}

PLAIN = Qt.TextFormat.PlainText
might_be_rich = Qt.mightBeRichText


def markup(word: str) -> str:
    """A field value that Qt would draw as a big heading, were it taken as rich text."""
    return f"<h1>{word}</h1>"


def markup_session(store) -> Session:
    scenario = Scenario(
        company=markup("company"),
        who_they_are=markup("persona"),
        outcome_problem=markup("outcome"),
        product=markup("product"),
        starting_point=markup("start"),
        success_looks_like=markup("success"),
        probing_questions=[markup("question1"), markup("question2"), markup("question3")],
        roles=[markup("role1"), markup("role2")],
        rule_one=markup("rule1"),
        rule_two=markup("rule2"),
    )
    session = Session(
        title=markup("title"),
        date=datetime.date.today().isoformat(),
        facilitator=markup("facilitator"),
        scenario=scenario,
        phases=[Phase(markup("phase1"), 5, markup("prompt1")), Phase(markup("phase2"), 10, markup("prompt2"))],
        participants=[
            Participant(markup("Ann"), markup("design"), markup("role1")),
            Participant(markup("Bo"), markup("support"), markup("role2")),
        ],
        lingo=[markup("lingo")],
        journey_steps=[markup("step")],
    )
    store.save_session(session)
    store.add_observation(
        Observation(
            session.id,
            markup("note"),
            author_id=session.participants[0].id,
            phase_id=session.phases[0].id,
            journey_step=markup("step"),
            tags=[markup("tag")],
            expected=markup("expected"),
            happened=markup("happened"),
            follow_up=True,
        )
    )
    return session


@pytest.fixture
def window(qtbot, store):
    session = markup_session(store)
    win = MainWindow(store, clock_time_source=ManualTime())
    qtbot.addWidget(win)
    win.home.reload()
    page = win.open_session(session.id)
    page.console.timer.stop()
    win.show()
    for tab in range(page.tabs.count()):  # Run, Capture, Review: each draws its user text
        page.tabs.setCurrentIndex(tab)
    page.console.actions_by_id[TOGGLE_SPEC.id].trigger()  # the question round panel
    page.console.question_round.actions_by_id["start_turn"].trigger()
    page.console.show_projector()
    return win  # closing it (qtbot) shuts the session page down


def all_widgets(window, kind=QWidget) -> list:
    """Every *kind* widget of *window*, the projector included (a window, and the console's child).

    Only this test's window: top-level widgets other tests left behind are not ours to judge."""
    return [widget for widget in [window, *window.findChildren(kind)] if isinstance(widget, kind)]


def test_every_label_showing_markup_shows_it_as_text(window):
    labels = all_widgets(window, QLabel)
    texts = {label.text() for label in labels}
    assert "1 of 2 · <h1>phase1</h1>" in texts  # the run console
    assert "<h1>prompt1</h1>" in texts
    assert "1  <h1>rule1</h1>" in texts  # the projector's rules card
    assert "You are <h1>company</h1>" in texts
    assert "Now answering: <h1>Ann</h1>" in texts  # the projector during the question round
    rich = sorted(label.text() for label in labels if label.textFormat() != PLAIN and might_be_rich(label.text()))
    assert rich == []


def tooltips(widgets):
    """The tooltips of *widgets* and of every cell in their item views."""
    for widget in widgets:
        yield widget.toolTip()
        if isinstance(widget, QAbstractItemView):
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    yield model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""


def markup_in(tips) -> list[str]:
    """The tooltips Qt would render as rich text, with the user's markup still raw."""
    return sorted(tip for tip in tips if might_be_rich(tip) and "<h1>" in tip)


def test_no_tooltip_takes_user_text_for_markup(window):
    widgets = [w for w in all_widgets(window) if w.objectName() != "personButton"]  # those: the next test
    tips = list(tooltips(widgets))
    assert "<p>&lt;h1&gt;note&lt;/h1&gt;</p>" in tips  # the feed's note, escaped
    assert "<p>&lt;h1&gt;Ann&lt;/h1&gt;: 00:00</p>" in tips  # the question round's airtime table
    assert markup_in(tips) == []


def test_the_person_chips_tooltips_take_no_markup(window):
    chips = [w for w in all_widgets(window) if w.objectName() == "personButton"]
    assert len(chips) == 3
    assert markup_in(tooltips(chips)) == []


def close_later(record: list, act) -> None:
    """Once the modal box is up, note its label's text format, then answer it with *act*."""

    def run():
        box = QApplication.activeModalWidget()
        label = box.findChild(QLabel, "qt_msgbox_label") or box.findChild(QLabel)
        record.append((label.text(), label.textFormat()))
        act(box)

    QTimer.singleShot(0, run)


def click(text: str):
    """Press the box's button that reads *text* (mnemonic ampersands aside)."""
    return lambda box: next(b for b in box.buttons() if b.text().replace("&", "") == text).click()


def type_and_accept(value: str):
    """Type *value* into the input dialog and press OK."""

    def act(box: QInputDialog):
        box.setTextValue(value)
        box.accept()

    return act


@pytest.mark.parametrize(
    "name, args, act, expected",
    [
        ("inform", ("T", "<h1>inform</h1>"), click("OK"), None),
        ("ask_yes_no", ("T", "<h1>yes-no</h1>"), click("Yes"), True),
        ("ask_yes_no", ("T", "<h1>yes-no</h1>"), click("No"), False),
        ("ask_yes_no", ("T", "<h1>yes-no</h1>"), lambda box: box.defaultButton().click(), False),  # Enter: No
        ("choose", ("T", "<h1>choose</h1>", ["<b>one</b>", "two"]), click("two"), 1),
        ("choose", ("T", "<h1>choose</h1>", ["one"]), click("Cancel"), None),
        ("ask_text", ("T", "<h1>ask-text</h1>", "x"), type_and_accept("<b>typed</b>"), "<b>typed</b>"),
        ("ask_text", ("T", "<h1>ask-text</h1>"), lambda box: box.reject(), None),
        ("ask_pin", ("T", "<h1>ask-pin</h1>"), type_and_accept("4821"), "4821"),
    ],
)
def test_each_dialog_shows_its_text_as_text(qtbot, name, args, act, expected):
    record = []
    close_later(record, act)
    assert REAL[name](None, *args) == expected
    assert record == [(args[1], PLAIN)]
