"""Every page fits the room's laptop (1366x768) and a projector (1280x720), with the app's real style.

The window sizes are client areas once the title bar and a panel are taken off: 1366x728
and 1280x680. Each page is shown at both; its minimum size must fit, and the widgets a
facilitator reaches for (bottom-row buttons, the question round, the notes' text) must be
whole inside the window.
"""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from studygroup.demo import AGENDA, create_demo, demo_scenario
from studygroup.model import Participant, Phase, Session
from studygroup.nudges import RULE1_HINT
from tests.ui.conftest import unstyle
from ui import style
from ui.capture.feed_model import NOTE
from ui.main_window import MainWindow
from ui.session_page import CAPTURE, REVIEW, RUN
from ui.window_fit import FRAME_ALLOWANCE

SIZES = [(1366, 728), (1280, 680)]  # 1366x768 and 1280x720 less a title bar and a panel
# Eight people (the largest group) with long-ish names, and a facilitator: the widest tables and rows.
PEOPLE = (
    "Dana Whitfield",
    "Marco Ruiz",
    "Aiko Tanaka",
    "Femi Adeyemi",
    "Lena Novak",
    "Chris Okafor",
    "Priya Shah-Lindqvist",
    "Farah Abdelrahman",
)


@pytest.fixture(autouse=True)
def app_style(qapp):
    """The app's stylesheet and fonts, as the installed app has them; without them sizes mean little."""
    style.apply(qapp)
    yield
    unstyle(qapp)


def live_session(store) -> Session:
    session = Session(
        title="Thursday group",
        date=datetime.date.today().isoformat(),
        facilitator="Jordan Ellis",
        scenario=demo_scenario(),
        phases=[Phase(n, m, p) for n, m, p in AGENDA],
        participants=[Participant(name, "Finance", "Bookkeeper") for name in PEOPLE],
        lingo=["KYC", "Connect"],
        journey_steps=["Sign-up", "Payouts"],
    )
    store.save_session(session)
    return session


@pytest.fixture
def window(qtbot, store, time):
    win = MainWindow(store, clock_time_source=time)
    qtbot.addWidget(win)
    yield win
    win._close_session()  # timers stop and drafts reach the store before it closes


def show_at(qtbot, window: QWidget, size: tuple[int, int]) -> None:
    """Show *window* with a client area of *size*, laid out."""
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(3):  # wrapped rows and fonts set in resize events settle over a few passes
        QApplication.processEvents()


def assert_fits(window: QWidget, size: tuple[int, int]) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], f"minimum {hint.width()}x{hint.height()}"
    assert (window.width(), window.height()) == size  # not held larger by a minimum size


def assert_inside(window: QWidget, *widgets: QWidget) -> None:
    """Each widget is shown and wholly inside the window's client area."""
    for widget in widgets:
        assert widget.isVisible(), widget.accessibleName() or widget.objectName()
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert window.rect().contains(rect), f"{widget.accessibleName() or widget.objectName()} at {rect}"


def assert_note_column_readable(view) -> None:
    """The Note column is more than a sliver, and it ends inside the view: no sideways scrolling to read it."""
    column = view.model().columnCount() - 1
    assert view.columnWidth(column) > 200
    assert view.columnViewportPosition(column) + view.columnWidth(column) <= view.viewport().width()


def assert_whole_text(*buttons) -> None:
    """No button is narrower than its text needs (Qt would elide it: "Star…ound")."""
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()


@pytest.mark.parametrize("size", SIZES)
def test_home_fits(qtbot, window, store, size):
    create_demo(store)
    window.show_home()
    show_at(qtbot, window, size)
    assert_fits(window, size)
    assert_inside(window, window.home.new_button, window.home.demo_button, window.home.table)


@pytest.mark.parametrize("size", SIZES)
def test_plan_fits_and_shows_a_whole_group(qtbot, window, size):
    window.show_new_session()
    plan = window.plan_page
    plan.people_panel.model.set_people([Participant(name) for name in PEOPLE])
    show_at(qtbot, window, size)
    assert_fits(window, size)
    table = plan.people_panel.table
    plan.scroll.ensureWidgetVisible(table)
    row_height = table.rowHeight(0)
    assert table.viewport().height() >= 8 * row_height  # the whole group, 4 to 8 people, without scrolling
    assert table.rowViewportPosition(7) + row_height <= table.viewport().height()


@pytest.mark.parametrize("size", SIZES)
def test_run_console_with_the_question_round_fits(qtbot, window, store, time, size):
    page = window.open_session(live_session(store).id)
    page.tabs.setCurrentIndex(RUN)
    console = page.console
    console.actions_by_id["question_round"].setChecked(True)
    panel = console.question_round
    panel.actions_by_id["start_turn"].trigger()
    time.advance(30)
    panel.refresh()
    show_at(qtbot, window, size)
    assert_fits(window, size)
    round_buttons = list(panel.buttons.values())
    console_buttons = [
        console.buttons[key] for key in ("start_pause", "next_phase", "end_session", "projector", "question_round")
    ]
    assert_inside(window, *round_buttons, *console_buttons, console.countdown, panel.countdown, panel.table)
    assert_whole_text(*round_buttons, *console_buttons)
    table = panel.table
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)  # every name whole: "Farah …" no more
    last = table.visualRect(table.model().index(len(PEOPLE) - 1, 0))
    assert last.bottom() <= table.viewport().height()  # all eight people's airtime in view
    page.shutdown()


def test_the_start_button_fits_each_of_its_texts(qtbot, window, store, size=SIZES[1]):
    page = window.open_session(live_session(store).id)
    page.console.actions_by_id["question_round"].setChecked(True)
    panel = page.console.question_round
    show_at(qtbot, window, size)
    button = panel.buttons["start_turn"]
    for step in ("start", "pause", "resume"):  # Start round, Pause turn, Start turn
        if step != "start":
            panel.start_or_pause()
        QApplication.processEvents()
        assert button.width() >= button.sizeHint().width(), button.text()
    page.shutdown()


def open_capture(qtbot, window, store, size, author):
    session = live_session(store)
    page = window.open_session(session.id)
    page.tabs.setCurrentIndex(CAPTURE)
    capture = page.capture
    capture.switch_author(session.participants[2].id if author == "participant" else None)
    show_at(qtbot, window, size)
    return capture


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("author", ["participant", "facilitator"])
def test_capture_fits(qtbot, window, store, size, author):
    capture = open_capture(qtbot, window, store, size, author)
    assert_fits(window, size)
    buttons = [
        capture.save_button,
        capture.edit_button,
        capture.delete_button,
        capture.undo_button,
        *capture.kinds.buttons.values(),
        *capture.severity.buttons.values(),
    ]
    assert_inside(window, *buttons, capture.editor, capture.notes_view, capture.step_edit)
    assert_whole_text(*buttons)
    assert capture.notes_view.viewport().height() >= capture.notes_view.verticalHeader().defaultSectionSize()
    assert capture.editor.height() >= 3 * capture.editor.fontMetrics().lineSpacing()
    if author == "facilitator":
        assert_inside(window, capture.feed_view)
        assert_note_column_readable(capture.feed_view)  # the note itself, not just who and when
    else:
        assert not capture.feed.isVisible()
    capture.classic_toggle.setChecked(True)  # the classic form's two fields take one more line
    for _ in range(3):
        QApplication.processEvents()
    assert_fits(window, size)
    assert_inside(window, capture.expected_edit, capture.happened_edit, capture.save_button, capture.edit_button)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("author", ["participant", "facilitator"])
def test_both_nudges_share_one_line_and_move_nothing(qtbot, window, store, size, author):
    capture = open_capture(qtbot, window, store, size, author)
    before = capture.save_button.mapTo(window, QPoint(0, 0))
    capture.editor.setPlainText("The KYC page: we should just add a skip button")
    QApplication.processEvents()
    assert capture.rule1_hint.isVisible() and capture.rule2_row.isVisible()
    assert capture.rule1_hint.text() == f"{RULE1_HINT} (KYC)"
    assert capture.save_button.mapTo(window, QPoint(0, 0)) == before
    one, two = (QRect(w.mapTo(window, QPoint(0, 0)), w.size()) for w in (capture.rule1_hint, capture.rule2_row))
    assert abs(one.center().y() - two.center().y()) <= 1 and one.right() < two.left()  # side by side, one line
    assert capture.nudges.height() < 2 * capture.rule1_hint.fontMetrics().lineSpacing() + 4
    assert capture.rule1_hint.shown_text().endswith("(KYC)")  # shortened in the middle: the words stay
    assert_inside(window, capture.keep_as_idea, capture.rule1_hint, capture.rule2_hint)
    assert_whole_text(capture.keep_as_idea)


def test_the_feed_and_the_notes_list_follow_the_newest_note(qtbot, window, store, size=SIZES[1]):
    capture = open_capture(qtbot, window, store, size, "facilitator")
    capture.private_toggle.setChecked(False)  # everyone's notes in the shared list
    for number in range(25):
        capture.switch_author(capture.session.participants[number % len(PEOPLE)].id)
        capture.editor.setPlainText(f"Note number {number}: the payout page was confusing")
        assert capture.save_current() is not None
    capture.switch_author(None)
    capture.editor.setPlainText("The facilitator's own last note")
    capture.save_current()
    QApplication.processEvents()
    for view in (capture.notes_view, capture.feed_view):
        model = view.model()
        last = view.visualRect(model.index(model.rowCount() - 1, NOTE))
        assert last.isValid() and view.viewport().rect().contains(last), view.accessibleName()
    cell = capture.feed_view.model().index(0, NOTE)
    assert cell.data() == "Note number 0: the payout page was confusing"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("tab", range(4))
def test_review_fits_on_every_inner_tab(qtbot, window, store, size, tab):
    page = window.open_session(create_demo(store).id)
    page.tabs.setCurrentIndex(REVIEW)
    review = page.review
    review.tidy_tabs.setCurrentIndex(tab)
    show_at(qtbot, window, size)
    assert_fits(window, size)
    buttons = list(review.export_buttons.values())
    assert_inside(
        window, *buttons, review.phase_chart, review.step_chart, review.headlines, review.tidy_tabs.currentWidget()
    )
    assert_whole_text(*buttons)
    if tab == 2:
        view = review.follow_view
        assert_note_column_readable(view)  # the note text is visible and takes the room left
        assert all(view.columnWidth(c) >= view.sizeHintForColumn(c) for c in (1, 3))  # time and kind whole
    for chart in (review.phase_chart, review.step_chart):
        slot = chart.plot_rect().width() / len(chart.categories)
        metrics = QFontMetrics(chart.label_font())
        for lines in chart.category_labels():
            assert 1 <= len(lines) <= 3
            assert all(metrics.horizontalAdvance(text) <= slot for text in lines)  # never into a neighbour


def fake_screen(monkeypatch, area: QRect) -> None:
    monkeypatch.setattr("ui.window_fit.available_geometry", lambda window: QRect(area))


@pytest.mark.parametrize("area", [QRect(0, 0, 1366, 728), QRect(0, 27, 1280, 693)])
def test_the_first_window_fits_the_available_screen(qtbot, store, monkeypatch, tmp_path, area):
    monkeypatch.setattr(
        "ui.main_window.app_settings", lambda: QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
    fake_screen(monkeypatch, area)
    win = MainWindow(store)
    qtbot.addWidget(win)
    frame = QRect(win.pos(), win.size().grownBy(FRAME_ALLOWANCE))  # title bar and borders included
    assert area.contains(frame), f"{frame} outside {area}"
    assert win.width() <= 1280 and win.height() <= 800
    assert abs(frame.center().x() - area.center().x()) <= 1  # centred


def test_a_saved_size_larger_than_the_screen_is_shrunk(qtbot, store, monkeypatch, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr("ui.main_window.app_settings", lambda: settings)
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(40, 40, 1900, 1100)  # saved on a bigger screen last time
    settings.setValue("main_window/geometry", big.saveGeometry())
    area = QRect(0, 0, 1366, 728)
    fake_screen(monkeypatch, area)
    win = MainWindow(store)
    qtbot.addWidget(win)
    assert area.contains(QRect(win.pos(), win.size().grownBy(FRAME_ALLOWANCE)))
