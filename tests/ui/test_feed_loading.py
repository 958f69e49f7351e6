"""A big session's feed: the newest screenful at once, older notes above it in chunks, and never a note lost.

Most tests stop the chunk timer and run each chunk themselves (load_next_chunk), so every
state in between is checked; one lets the event loop do it.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtWidgets import QAbstractItemView

from studygroup.clock import ManualTime, SessionClock
from studygroup.errors import DatabaseLocked
from studygroup.model import Observation
from tests.ui.test_capture_page import make_session
from ui.capture import feed_model
from ui.capture.feed_model import NotesModel
from ui.capture.page import CapturePage
from ui.session_page import SessionPage

NOTES = 1000  # read as the newest 200, then 200 older, then the last 600


def note_id(number: int) -> str:
    """A UUID that reads as the note's number in its last digits."""
    return f"00000000-0000-4000-8000-{number:012d}"


def numbers(notes: list[Observation]) -> list[int]:
    return [int(n.id[-12:]) for n in notes]


@pytest.fixture
def session(store):
    return make_session(store)


@pytest.fixture
def clock(store, session, time):
    return SessionClock(session, time, persist=store.save_clock)


def write_notes(store, session, count: int) -> None:
    """Note i by person i mod 8, a friction when i is even and an idea when odd, i seconds in."""
    people = [p.id for p in session.participants]
    store.put_observations(
        [
            Observation(
                session.id,
                f"note {i}",
                kind=("friction", "idea")[i % 2],
                author_id=people[i % 8],
                session_seconds=float(i),
                wall_time=1000.0 + i,
                updated_at=1000.0 + i,
                id=note_id(i),
            )
            for i in range(count)
        ]
    )


def show(qtbot, page: CapturePage) -> CapturePage:
    qtbot.addWidget(page)
    page.switch_author(None)  # the facilitator: the feed shows
    page.resize(1366, 728)
    with qtbot.waitExposed(page):
        page.show()
    return page


@pytest.fixture
def page(qtbot, store, session, clock):
    """The Capture page on a 1,000-note session, shown, its older notes not loaded: the test runs each chunk."""
    write_notes(store, session, NOTES)
    opened = CapturePage(store, session, clock)
    opened.feed_model.chunk_timer.stop()
    yield show(qtbot, opened)
    opened.shutdown()


def load_the_rest(page: CapturePage) -> None:
    while page.feed_model.loading:
        page.feed_model.load_next_chunk()


def feed_numbers(page: CapturePage) -> list[int]:
    return numbers([page.feed_proxy.note_at(row) for row in range(page.feed_proxy.rowCount())])


def at_bottom(view: QAbstractItemView) -> bool:
    bar = view.verticalScrollBar()
    return bar.maximum() > 0 and bar.value() == bar.maximum()


def number_at(page: CapturePage, y: int) -> int:
    """The number of the note the feed shows at height *y* of its viewport."""
    return numbers([page.feed_proxy.note_at(page.feed_view.rowAt(y))])[0]


def bottom_number(page: CapturePage) -> int:
    return number_at(page, page.feed_view.viewport().height() - 1)


def test_the_feed_opens_on_the_newest_notes_and_older_ones_arrive_above_without_a_jump(page):
    model = page.feed_model
    assert model.loading
    assert numbers(model.notes_view()) == list(range(800, 1000))
    assert at_bottom(page.feed_view) and bottom_number(page) == 999
    steps = []
    while model.loading:
        model.load_next_chunk()
        steps.append((model.rowCount(), at_bottom(page.feed_view), bottom_number(page)))
    assert steps == [(400, True, 999), (1000, True, 999)]
    assert feed_numbers(page) == list(range(1000))
    assert not model.chunk_timer.isActive()


@pytest.mark.parametrize("mode", list(QAbstractItemView.ScrollMode))
def test_a_reader_scrolled_up_keeps_the_same_notes_in_view_as_older_ones_arrive(page, mode):
    page.feed_view.setVerticalScrollMode(mode)  # the style chooses: per pixel on macOS
    page.feed_view.scrollTo(page.feed_proxy.index(50, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    assert number_at(page, 0) == 850
    page.feed_model.load_next_chunk()
    assert number_at(page, 0) == 850
    page.feed_model.load_next_chunk()
    assert number_at(page, 0) == 850 and not page.feed_model.loading


def test_the_event_loop_loads_every_note_once_in_order_and_my_notes_follow(qtbot, store, session, clock):
    write_notes(store, session, NOTES)
    page = show(qtbot, CapturePage(store, session, clock))
    page.switch_author(session.participants[2].id)  # My notes: notes 2, 10, 18, ...
    qtbot.waitUntil(lambda: not page.feed_model.loading)
    assert numbers(page.feed_model.notes_view()) == list(range(1000))
    own = [page.own_proxy.note_at(row) for row in range(page.own_proxy.rowCount())]
    assert numbers(own) == list(range(2, 1000, 8))
    assert at_bottom(page.notes_view)
    page.shutdown()


def test_a_page_closed_mid_load_reads_no_more(qtbot, store, session, clock):
    write_notes(store, session, NOTES)
    page = CapturePage(store, session, clock)
    qtbot.addWidget(page)
    assert page.feed_model.chunk_timer.isActive()
    page.shutdown()  # the store may close next
    assert not page.feed_model.loading and not page.feed_model.chunk_timer.isActive()


def test_a_note_saved_during_the_load_stays_at_the_end_once(qtbot, page, store, session):
    qtbot.keyClicks(page.editor, "saved while loading")
    saved = page.save_current()
    # The clock never started: the note is 0 s in, so the store puts it second and a chunk reads it again.
    assert [n.id for n in store.observations(session.id)[:3]] == [note_id(0), saved.id, note_id(1)]
    load_the_rest(page)
    notes = page.feed_model.notes()
    assert numbers(notes[:1000]) == list(range(1000))
    assert [n.id for n in notes[1000:]] == [saved.id]


def test_edits_during_the_load_show_whether_the_note_was_loaded_or_not(qtbot, page, store, session):
    not_loaded = dataclasses.replace(store.find_observation(note_id(5)), text="edited before its chunk")
    store.update_observation(not_loaded)
    page.switch_author(session.participants[7].id)  # wrote note 999, the newest
    page.notes_view.selectRow(page.own_proxy.rowCount() - 1)
    assert page.edit_selected() and page.editor.toPlainText() == "note 999"
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "edited while loading")
    assert page.save_current() is not None
    load_the_rest(page)
    notes = page.feed_model.notes()
    assert numbers(notes) == list(range(1000))
    assert (notes[5].text, notes[999].text) == ("edited before its chunk", "edited while loading")


def test_a_note_deleted_during_the_load_never_comes_back(page, store, session):
    store.set_deleted(note_id(3), True)  # not loaded yet
    page.switch_author(session.participants[7].id)
    page.notes_view.selectRow(page.own_proxy.rowCount() - 1)  # note 999, loaded
    assert page.delete_selected()
    load_the_rest(page)
    assert numbers(page.feed_model.notes()) == [i for i in range(1000) if i not in (3, 999)]


def test_a_filter_chosen_during_the_load_shows_exactly_the_matching_notes(page, session):
    page.filters["author_id"].setCurrentIndex(4)  # Everyone, the facilitator, then the people: the third person
    assert feed_numbers(page) == list(range(802, 1000, 8))
    load_the_rest(page)
    assert feed_numbers(page) == list(range(2, 1000, 8))
    assert at_bottom(page.feed_view) and bottom_number(page) == 994


def test_a_session_smaller_than_the_first_screenful_loads_in_one_go(qtbot, store, session, clock):
    write_notes(store, session, 150)
    page = CapturePage(store, session, clock)
    assert not page.feed_model.loading and not page.feed_model.chunk_timer.isActive()
    assert numbers(page.feed_model.notes_view()) == list(range(150))
    show(qtbot, page)
    assert at_bottom(page.feed_view) and bottom_number(page) == 149
    page.shutdown()


@pytest.fixture
def session_page(qtbot, store, session):
    write_notes(store, session, NOTES)
    opened = SessionPage(store, session, ManualTime())
    qtbot.addWidget(opened)
    opened.capture.feed_model.chunk_timer.stop()
    yield opened
    opened.shutdown()


def test_review_counts_every_note_even_mid_load(session_page):
    assert session_page.capture.feed_model.rowCount() == 200
    session_page.review.refresh()
    assert numbers(session_page.review.summary.notes) == list(range(1000))
    assert not session_page.capture.feed_model.loading


def test_a_reload_during_the_load_replaces_it(session_page, store):
    store.set_deleted(note_id(0), True)
    session_page.review.notes_changed.emit()  # a rename on Review: the capture tab reloads from the store
    model = session_page.capture.feed_model
    assert not model.loading and not model.chunk_timer.isActive()
    model.load_next_chunk()  # a chunk already on its way does nothing
    assert numbers(model.notes_view()) == list(range(1, 1000))


class FlakyReader:
    """A store of notes 0..999 that fails the read after it is told to, and keeps what it was asked."""

    def __init__(self, session):
        self.notes = [Observation(session.id, f"note {i}", session_seconds=i, id=note_id(i)) for i in range(NOTES)]
        self.fail_next = False
        self.asked: list[tuple[int | None, int | None]] = []  # (before which note, how many)

    def __call__(self, before_id: str | None, limit: int | None) -> list[Observation]:
        self.asked.append((None if before_id is None else int(before_id[-12:]), limit))
        if self.fail_next:
            self.fail_next = False
            raise DatabaseLocked("Another program is using the database.")
        end = len(self.notes) if before_id is None else int(before_id[-12:])
        return self.notes[0 if limit is None else max(0, end - limit) : end]


def test_a_chunk_the_store_cannot_read_is_said_and_tried_again(qtbot, session):
    model = NotesModel(session)
    model.clock = itertools.count(0, 0.05).__next__  # each chunk takes a whole turn: the next is the fewest, CHUNK
    reader = FlakyReader(session)
    model.load(reader)
    model.chunk_timer.stop()
    reader.fail_next = True
    with qtbot.waitSignal(model.load_failed) as failed:
        model.load_next_chunk()
    assert failed.args == ["Older notes are not shown yet: Another program is using the database. Trying again."]
    assert model.loading and model.rowCount() == 200
    assert model.chunk_timer.isActive() and model.chunk_timer.interval() == 1000
    model.load_next_chunk()
    assert model.rowCount() == 400
    with qtbot.waitSignal(model.loaded):
        model.load_next_chunk()
    assert numbers(model.notes_view()) == list(range(1000))
    # Each chunk is read just before the oldest note read so far: no note is read twice.
    assert reader.asked == [(None, 200), (800, 200), (800, 200), (600, 2000)]


@pytest.mark.parametrize(
    ("seconds_a_chunk", "asked"),
    [
        (0.025, [(None, 200), (800, 200), (600, 400), (200, 800)]),  # twice as many while a chunk takes half a turn
        # Slower than a turn: CHUNK notes at a time, and a last read finds none left.
        (
            0.5,
            [(None, 200), (800, 200), (600, 100), (500, 100), (400, 100), (300, 100), (200, 100), (100, 100), (0, 100)],
        ),
    ],
)
def test_each_chunk_reads_as_many_notes_as_fit_in_a_turn_and_at_least_chunk(
    qapp, session, monkeypatch, seconds_a_chunk, asked
):
    monkeypatch.setattr(feed_model, "CHUNK", 100)
    model = NotesModel(session)
    model.clock = itertools.count(0, seconds_a_chunk).__next__  # read before a chunk and after it
    reader = FlakyReader(session)
    model.load(reader)
    model.chunk_timer.stop()
    while model.loading:
        model.load_next_chunk()
    assert reader.asked == asked
    assert numbers(model.notes_view()) == list(range(1000))


def test_finish_loading_reads_the_rest_at_once(session):
    model = NotesModel(session)
    reader = FlakyReader(session)
    model.load(reader)
    model.load_next_chunk()
    model.finish_loading()
    assert reader.asked == [(None, 200), (800, 200), (600, None)]
    assert numbers(model.notes_view()) == list(range(1000)) and not model.chunk_timer.isActive()
    model.cancel_loading()


def test_the_page_says_when_older_notes_cannot_be_read(page):
    page.feed_model.load_failed.emit("Older notes are not shown yet: the disk is full. Trying again.")
    assert page.status.text() == "Older notes are not shown yet: the disk is full. Trying again."
