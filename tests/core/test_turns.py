"""Question-round turns: stored with what was said, carried in bundles (newer wins), printed in the summaries."""

from __future__ import annotations

import json
import sqlite3

import pytest

from studygroup.errors import BundleError, InvalidRecord
from studygroup.exchange.bundle import bundle_dict, export_bundle, import_bundle
from studygroup.export.markdown import render_markdown
from studygroup.export.pdf import export_pdf
from studygroup.model import Participant, Phase, Scenario, Session, Turn
from studygroup.storage.store import Store
from studygroup.summary import summarise
from tests.pdfprobe import flat_text


def small_session() -> Session:
    return Session(
        "Turns",
        "2026-03-03",
        "Jo",
        Scenario("Co", "A baker", "Get paid", probing_questions=["What surprised you?", "Where did you stop?"]),
        phases=[Phase("Explore", 30)],
        participants=[Participant("Ana"), Participant("Ben")],
    )


def laptop(path, now: float) -> tuple[Store, Session]:
    store = Store.open(path, now=lambda: now)
    session = small_session()
    store.save_session(session)
    return store, session


def test_a_turn_is_written_then_updated_and_read_back_in_the_order_turns_began(store):
    session = small_session()
    store.save_session(session)
    ana, ben = session.participants
    second = store.save_turn(Turn(session.id, ben.id, "Q", started_seconds=60, started_at=5.0))
    first = store.save_turn(Turn(session.id, ana.id, "Q", started_seconds=60, started_at=2.0))
    first.text, first.seconds_spoken = "The fees were a shock", 42.5
    store.save_turn(first)
    assert [(t.participant_id, t.text, t.seconds_spoken) for t in store.turns(session.id)] == [
        (ana.id, "The fees were a shock", 42.5),
        (ben.id, "", 0.0),
    ]
    assert store.find_turn(second.id) == second


def test_a_turn_past_its_limit_is_refused_and_someone_with_a_turn_stays_in_the_group(store):
    session = small_session()
    store.save_session(session)
    ana = session.participants[0]
    with pytest.raises(InvalidRecord, match=r"turn.text: is 2,001 characters long; the most is 2,000\."):
        store.save_turn(Turn(session.id, ana.id, "Q", text="x" * 2001))
    store.save_turn(Turn(session.id, ana.id, "Q", text="kept"))
    session.participants = session.participants[1:]
    store.save_session(session)  # Ana leaves the plan, but her turn names her
    assert [p.name for p in store.load_session(session.id).participants] == ["Ana", "Ben"]
    with pytest.raises(sqlite3.IntegrityError):
        store.save_turn(Turn(session.id, "00000000-0000-4000-8000-000000000000", "Q"))


def test_turns_travel_in_the_bundle_and_come_back_byte_identical(tmp_path):
    store, session = laptop(tmp_path / "a.db", now=500.0)
    with store:
        ana, ben = session.participants
        store.save_turn(Turn(session.id, ana.id, "What surprised you?", 10, 1.0, 30, "Fees <b>hidden</b>\nat the end"))
        store.save_turn(Turn(session.id, ben.id, "What surprised you?", 40, 2.0, 12))
        export_bundle(store, session.id, tmp_path / "first.json")
    data = json.loads((tmp_path / "first.json").read_text())
    assert [t["text"] for t in data["turns"]] == ["Fees <b>hidden</b>\nat the end", ""]
    assert "session_id" not in data["turns"][0]
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_bundle(fresh, tmp_path / "first.json")
        assert (report.turns_added, report.turns_updated) == (2, 0)
        assert report.lines()[1] == "Also: 2 question-round turns added."
        export_bundle(fresh, session.id, tmp_path / "second.json")
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()


def test_a_bundle_without_turns_has_no_such_field(tmp_path):
    store, session = laptop(tmp_path / "a.db", now=500.0)
    with store:
        assert "turns" not in bundle_dict(store, session.id)


def test_the_newer_turn_wins_a_merge_and_an_older_one_changes_nothing(tmp_path):
    one, session = laptop(tmp_path / "one.db", now=100.0)
    with one:
        turn = one.save_turn(Turn(session.id, session.participants[0].id, "Q", text="first words"))
        export_bundle(one, session.id, tmp_path / "one.json")
    with Store.open(tmp_path / "two.db", now=lambda: 200.0) as two:
        import_bundle(two, tmp_path / "one.json")
        turn.text = "later words"
        two.save_turn(turn)
        export_bundle(two, session.id, tmp_path / "two.json")
    with Store.open(tmp_path / "one.db", now=lambda: 150.0) as one:
        report = import_bundle(one, tmp_path / "two.json")
        assert (report.turns_added, report.turns_updated) == (0, 1)
        assert one.find_turn(turn.id).text == "later words"
        again = import_bundle(one, tmp_path / "two.json")
        assert (again.turns_added, again.turns_updated) == (0, 0)
        older = import_bundle(one, tmp_path / "one.json")
        assert older.turns_updated == 0 and one.find_turn(turn.id).text == "later words"


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        ({"participant_id": "00000000-0000-4000-8000-000000000000"}, "is not a participant of this session"),
        ({"text": "x" * 2001}, "turns[0].text: is 2,001 characters long; the most is 2,000."),
        ({"colour": "red"}, "turns[0].colour: is not a field this format knows."),
        ({"seconds_spoken": -1}, "turns[0].seconds_spoken: -1 is out of range"),
    ],
)
def test_a_bad_turn_refuses_the_bundle_whole(tmp_path, change, sentence):
    store, session = laptop(tmp_path / "a.db", now=500.0)
    with store:
        store.save_turn(Turn(session.id, session.participants[0].id, "Q"))
        data = bundle_dict(store, session.id)
    data["turns"][0].update(change)
    (tmp_path / "bad.json").write_text(json.dumps(data))
    with Store.open(tmp_path / "fresh.db") as fresh:
        with pytest.raises(BundleError, match=sentence.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
            import_bundle(fresh, tmp_path / "bad.json")
        assert fresh.list_sessions() == []


HOSTILE = "<b>|**bold**|</b> & =1+1 # not a heading"


def said_summary():
    session = small_session()
    ana, ben = session.participants
    turns = [
        Turn(session.id, ben.id, "Where did you stop?", 300, 9.0, 65, "At the card form"),
        Turn(session.id, ana.id, "What surprised you?", 100, 1.0, 75.4, HOSTILE),
        Turn(session.id, ben.id, "What surprised you?", 180, 2.0, 20),
    ]
    return summarise(session, [], None, turns)


def test_the_summary_groups_what_was_said_by_question_in_the_order_asked():
    said = said_summary().said
    assert [q.question for q in said] == ["What surprised you?", "Where did you stop?"]
    assert [(t.name, t.spoken, t.text) for t in said[0].turns] == [("Ana", "01:15", HOSTILE), ("Ben", "00:20", "")]


def test_markdown_prints_what_was_said_escaped_under_the_question_round():
    text = render_markdown(said_summary())
    section = text[text.index("## Question round") :]
    assert "### What was said" in section
    assert "**1. What surprised you?**" in section and "**2. Where did you stop?**" in section
    assert "| Ana | 01:15 | \\<b\\>\\|\\*\\*bold\\*\\*\\|\\</b\\> \\& =1+1 # not a heading |" in section
    assert "| Ben | 00:20 | — |" in section


def test_the_pdf_prints_what_was_said_as_typed(tmp_path):
    summary = said_summary()
    path = tmp_path / "s.pdf"
    export_pdf(summary.session, [], path, turns=summary.turns)
    text = flat_text(path)
    assert "Whatwassaid" in text and "1.Whatsurprisedyou?" in text
    assert "<b>|**bold**|</b>&=1+1#notaheading" in text and "Atthecardform" in text
