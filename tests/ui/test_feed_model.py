"""The feed's filter proxy follows its source exactly: appends, edits, removals and resets."""

from __future__ import annotations

import dataclasses
import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from studygroup.demo import build_demo_session
from ui.capture.feed_filter import ANY, NotesFilter
from ui.capture.feed_model import NotesModel, collector_paused


def shown(proxy: NotesFilter) -> list[str]:
    return [proxy.note_at(row).id for row in range(proxy.rowCount())]


def expected(model: NotesModel, author, kind) -> list[str]:
    return [n.id for n in model.notes() if (author is ANY or n.author_id == author) and (kind is ANY or n.kind == kind)]


def test_proxy_passes_the_model_tester(qtmodeltester):
    session, notes = build_demo_session(3)
    model = NotesModel(session)
    model.set_notes(notes[10:20])
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)  # and again on every change below: it stays connected
    proxy.set_filter("kind", "friction")
    model.append(notes[20:])
    model.prepend(notes[:10])
    assert proxy.rowCount() == 14


def test_older_notes_go_on_top_in_one_insert_and_ids_already_there_are_skipped(qtbot):
    session, notes = build_demo_session(3)
    model = NotesModel(session)
    model.set_notes(notes[4:6])
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    with qtbot.waitSignal(proxy.rowsInserted) as inserted:
        model.prepend(notes[:5])  # notes[4] is there already
    assert inserted.args[1:] == [0, 3]
    assert shown(proxy) == [n.id for n in notes[:6]]
    assert [model.row_of(n.id) for n in notes[:6]] == [0, 1, 2, 3, 4, 5]


def test_a_chunk_leaves_the_collector_as_it_found_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # an export paused it: that pause is the export's to end
    finally:
        gc.enable()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["append", "prepend", "edit", "remove", "filter_author", "filter_kind", "clear"]),
            st.integers(0, 1000),
        ),
        max_size=25,
    )
)
def test_proxy_always_shows_exactly_the_matching_notes(qapp, operations):
    session, notes = build_demo_session(5)
    people = [p.id for p in session.participants] + [None]
    kinds = ["friction", "bad_day", "idea", "delight"]
    model = NotesModel(session)
    model.set_notes(notes[20:30])
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    older, pending = notes[:20], notes[30:]
    for op, number in operations:
        current = model.notes()
        if op == "append" and pending:
            model.append(pending[: 1 + number % 5])
            pending = pending[1 + number % 5 :]
        elif op == "prepend" and older:
            model.prepend(older[-(1 + number % 5) :])
            older = older[: -(1 + number % 5)]
        elif op == "edit" and current:
            note = current[number % len(current)]
            model.replace(dataclasses.replace(note, kind=kinds[number % len(kinds)]))
        elif op == "remove" and current:
            model.remove(current[number % len(current)].id)
        elif op == "filter_author":
            proxy.set_filter("author_id", people[number % len(people)])
        elif op == "filter_kind":
            proxy.set_filter("kind", kinds[number % len(kinds)])
        elif op == "clear":
            proxy.set_filters(author_id=ANY, kind=ANY)
        assert shown(proxy) == expected(model, proxy.filter_value("author_id"), proxy.filter_value("kind"))
        for row in range(proxy.rowCount()):
            assert proxy.mapFromSource(proxy.mapToSource(proxy.index(row, 0))).row() == row
