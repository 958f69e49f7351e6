"""A merge is planned outside the write lock and applied in one short transaction, only if still valid."""

from __future__ import annotations

import pytest

from studygroup.demo import create_demo
from studygroup.exchange import bundle
from studygroup.exchange.bundle import export_bundle, import_bundle
from studygroup.model import Observation, Participant
from studygroup.storage.store import Store


@pytest.fixture
def two_laptops(tmp_path):
    """This laptop's store (demo), and a bundle from laptop two with one note edited later and one new note."""
    with Store.open(tmp_path / "here.db") as here:
        session = create_demo(here)
        export_bundle(here, session.id, tmp_path / "out.json")
        with Store.open(tmp_path / "two.db", now=lambda: 3e9) as two:
            import_bundle(two, tmp_path / "out.json")
            note = two.observations(session.id)[0]
            note.text = "edited on laptop two"
            two.update_observation(note)
            two.add_observation(Observation(session.id, "new on laptop two", author_id=session.participants[1].id))
            export_bundle(two, session.id, tmp_path / "back.json")
        yield here, session, note.id, tmp_path / "back.json"


def interfering_plans(monkeypatch, interfere, times: int) -> list[bool]:
    """Run *interfere* after each of the first *times* plans made outside a transaction; returns where plans ran."""
    made_in_transaction: list[bool] = []
    real_plan = bundle._plan

    def plan(store, incoming):
        result = real_plan(store, incoming)
        made_in_transaction.append(store.db.connection.in_transaction)
        if not store.db.connection.in_transaction and len(made_in_transaction) <= times:
            interfere(len(made_in_transaction))
        return result

    monkeypatch.setattr(bundle, "_plan", plan)
    return made_in_transaction


def test_an_edit_between_plan_and_apply_makes_the_plan_again(two_laptops, monkeypatch):
    here, session, note_id, path = two_laptops

    def edit_here(_attempt: int) -> None:  # the UI, on its own connection, edits the note meanwhile
        with Store.open(here.path) as ui:
            mine = ui.find_observation(note_id)
            mine.text = "edited here meanwhile"
            ui.update_observation(mine)

    plans = interfering_plans(monkeypatch, edit_here, times=1)
    report = import_bundle(here, path)
    assert plans == [False, False]  # the first plan went stale, the second was applied
    # Laptop two's edit is later than the one made here meanwhile, so it is the note; nothing is lost.
    assert here.find_observation(note_id).text == "edited on laptop two"
    kept = [v.text for v in here.observation_versions(note_id)]
    assert "edited here meanwhile" in kept
    assert (report.updated_notes, report.new_notes) == (1, 1)


def test_a_note_saved_meanwhile_to_the_same_session_does_not_stale_the_plan(two_laptops, monkeypatch):
    here, session, _note_id, path = two_laptops

    def save_here(attempt: int) -> None:
        with Store.open(here.path) as ui:
            ui.add_observation(Observation(session.id, f"typed live {attempt}", author_id=session.participants[0].id))

    plans = interfering_plans(monkeypatch, save_here, times=5)
    import_bundle(here, path)
    assert plans == [False]
    texts = [n.text for n in here.observations(session.id)]
    assert "typed live 1" in texts and "new on laptop two" in texts


def test_after_stale_plans_the_merge_is_planned_inside_its_transaction(two_laptops, monkeypatch):
    here, session, note_id, path = two_laptops

    def edit_here(attempt: int) -> None:
        with Store.open(here.path) as ui:
            mine = ui.find_observation(note_id)
            mine.text = f"edited here, time {attempt}"
            ui.update_observation(mine)

    plans = interfering_plans(monkeypatch, edit_here, times=bundle.PLAN_ATTEMPTS)
    report = import_bundle(here, path)
    assert plans == [False] * bundle.PLAN_ATTEMPTS + [True]
    assert report.updated_notes == 1 and here.find_observation(note_id).text == "edited on laptop two"
    kept = [v.text for v in here.observation_versions(note_id)]
    assert [f"edited here, time {n}" for n in range(1, bundle.PLAN_ATTEMPTS + 1)] == [
        text for text in kept if text.startswith("edited here")
    ]


def test_people_from_another_laptop_are_appended_without_rewriting_the_clock(two_laptops, tmp_path):
    here, session, _note_id, _path = two_laptops
    with Store.open(tmp_path / "three.db") as three:
        import_bundle(three, tmp_path / "out.json")
        grown = three.load_session(session.id)
        grown.participants.append(Participant("Late arrival"))
        three.save_session(grown)
        export_bundle(three, session.id, tmp_path / "grown.json")
    running = here.load_session(session.id)
    running.status, running.current_phase = "running", 2
    here.save_clock(running)  # the clock moved on here after laptop three's copy was taken
    report = import_bundle(here, tmp_path / "grown.json")
    merged = here.load_session(session.id)
    assert report.people_added == 1 and merged.participants[-1].name == "Late arrival"
    assert (merged.status, merged.current_phase) == ("running", 2)
    assert [p.id for p in merged.participants[:-1]] == [p.id for p in session.participants]
