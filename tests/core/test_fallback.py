"""The fallback file: a note the database refused is appended as plain text, and the typist is told where."""

import datetime

from studygroup.demo import demo_scenario
from studygroup.errors import DiskFull
from studygroup.fallback import FALLBACK_FILE, append_fallback, keep_unsaved
from studygroup.model import Observation, Participant, Session


def session_and_notes():
    session = Session(
        title="Thursday group",
        date="2026-12-03",
        scenario=demo_scenario(),
        facilitator="Jo Park",
        participants=[Participant("Ana Ruiz")],
    )
    wall = datetime.datetime(2026, 12, 3, 14, 7, 9).timestamp()  # local time, as the file writes it
    ana = session.participants[0].id
    plain = Observation(
        session.id, "slow <b>page</b> & more", "bad_day", 3, ana, wall_time=wall, journey_step="Payouts"
    )
    classic = Observation(session.id, "no refund", expected="a button", happened="a form", wall_time=wall + 60)
    return session, plain, classic


def test_notes_are_appended_as_plain_text(tmp_path):
    session, plain, classic = session_and_notes()
    path = tmp_path / FALLBACK_FILE
    append_fallback(path, session, plain)
    append_fallback(path, session, classic)
    assert path.read_text(encoding="utf-8") == (
        "--- 2026-12-03T14:07:09 | Thursday group | Ana Ruiz | Bad day 3 | Payouts\n"
        "slow <b>page</b> & more\n"
        "\n"
        "--- 2026-12-03T14:08:09 | Thursday group | Jo Park (facilitator) | Friction 1 | \n"
        "no refund\n"
        "I expected: a button\n"
        "What happened: a form\n"
        "\n"
    )


def test_the_typist_is_told_where_the_copy_is_or_that_there_is_none(tmp_path):
    session, plain, _ = session_and_notes()
    problem = DiskFull("The disk is full.")
    said = keep_unsaved(tmp_path, session, plain, problem)
    copy = tmp_path / FALLBACK_FILE
    assert said == f"Not saved: The disk is full. The text stays here, and a copy was added to {copy}."
    assert "slow <b>page</b> & more" in copy.read_text(encoding="utf-8")
    missing = tmp_path / "gone"
    said = keep_unsaved(missing, session, plain, problem)
    assert said.startswith(f"Not saved: The disk is full. Copying it to {missing / FALLBACK_FILE} failed too (")
    assert said.endswith("); the text stays here, copy it somewhere safe.")
