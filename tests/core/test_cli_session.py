"""`studygroup rename`, `duplicate`, `archive`, `trash` and `list --archived / --trash`: errors exit 2."""

import json
from pathlib import Path

import pytest

from studygroup.cli import main
from studygroup.model import Phase, Scenario, Session
from studygroup.storage.store import Store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "library.db")


@pytest.fixture
def session_id(db):
    session = Session(
        "Checkout day",
        "2026-03-02",
        "Jo",
        Scenario("Crumb & Co", "who", "why", key="bakery"),
        phases=[Phase("Warm-up", 5)],
        status="ended",
    )
    with Store.open(Path(db)) as store:
        store.save_session(session)
    return session.id


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, db, *flags):
    code, out, _ = run(capsys, "list", "--db", db, "--json", *flags)
    assert code == 0
    return [row["title"] for row in json.loads(out)]


def test_rename_by_prefix(capsys, db, session_id):
    code, out, err = run(capsys, "rename", session_id[:8], "Checkout, March", "--db", db)
    assert (code, out, err) == (0, "Renamed “Checkout day” to “Checkout, March”.\n", "")
    assert listed(capsys, db) == ["Checkout, March"]


def test_a_blank_title_is_one_line_and_exit_2(capsys, db, session_id):
    code, out, err = run(capsys, "rename", session_id, "  ", "--db", db)
    assert (code, out) == (2, "")
    assert err == "studygroup: Give the session a title, for example “Checkout study group, March”.\n"
    assert listed(capsys, db) == ["Checkout day"]


def test_duplicate_prints_the_new_id_last(capsys, db, session_id):
    code, out, err = run(capsys, "duplicate", session_id, "--db", db)
    assert (code, err) == (0, "")
    first, new_id = out.splitlines()
    assert first.startswith("Planned “Checkout day (again)” for ")
    with Store.open(Path(db)) as store:
        plan = store.load_session(new_id)
    assert (plan.status, [p.name for p in plan.phases], plan.scenario.key) == ("planned", ["Warm-up"], "bakery")


def test_archive_and_undo(capsys, db, session_id):
    code, out, _ = run(capsys, "archive", session_id, "--db", db)
    assert (code, out) == (0, "Archived “Checkout day”; it stays in the trends and search.\n")
    assert listed(capsys, db) == [] and listed(capsys, db, "--archived") == ["Checkout day"]
    code, out, _ = run(capsys, "list", "--db", db, "--archived")
    assert out == f"{session_id}  2026-03-02  ended        0 notes  Checkout day  (archived)\n"
    assert run(capsys, "archive", session_id, "--undo", "--db", db)[1] == "Unarchived “Checkout day”.\n"
    assert listed(capsys, db) == ["Checkout day"]


def test_trash_restore_and_delete_forever(capsys, db, session_id):
    code, out, _ = run(capsys, "trash", session_id, "--db", db)
    assert (code, out) == (
        0,
        f"Moved “Checkout day” to the trash; 'studygroup trash {session_id[:8]} --restore' brings it back.\n",
    )
    assert listed(capsys, db) == [] and listed(capsys, db, "--trash") == ["Checkout day"]
    assert run(capsys, "trash", session_id, "--restore", "--db", db)[1] == "Restored “Checkout day” from the trash.\n"
    assert listed(capsys, db, "--trash") == [] and listed(capsys, db) == ["Checkout day"]
    code, _, err = run(capsys, "trash", session_id, "--forever", "--db", db)
    assert (code, err) == (
        2,
        "studygroup: “Checkout day” is not in the trash; move it there before deleting it for good.\n",
    )
    run(capsys, "trash", session_id, "--db", db)
    assert (
        run(capsys, "trash", session_id, "--forever", "--db", db)[1]
        == "Deleted “Checkout day” and its notes for good.\n"
    )
    assert listed(capsys, db, "--trash") == [] and listed(capsys, db, "--archived") == []
    assert run(capsys, "list", "--db", db, "--trash")[1] == "The trash is empty.\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("rename", "zzz", "T"), "The id 'zzz' matches no session; run 'studygroup list' to see them."),
        (("trash", "zzz"), "The id 'zzz' matches no session; run 'studygroup list' to see them."),
        (("trash", "x", "--restore", "--forever"), "argument --forever: not allowed with argument --restore"),
        (("list", "--archived", "--trash"), "argument --trash: not allowed with argument --archived"),
    ],
)
def test_errors_are_one_line_with_exit_2(capsys, db, session_id, argv, message):
    code, out, err = run(capsys, *argv, "--db", db)
    assert (code, out) == (2, "")
    assert err.startswith(f"studygroup: {message}") and err.count("\n") == 1


@pytest.mark.parametrize(
    "command", [("rename", "abc", "T"), ("duplicate", "abc"), ("archive", "abc"), ("trash", "abc")]
)
def test_a_missing_database_is_never_made(capsys, tmp_path, command):
    missing = tmp_path / "nothing.db"
    code, _, err = run(capsys, *command, "--db", str(missing))
    assert (code, err) == (2, f"studygroup: There is no database at {missing} (check --db).\n")
    assert not missing.exists()
