"""The command line's team library: `sync [FOLDER] [--json]` and `library-folder [PATH | --clear]`."""

import json

import pytest

from studygroup.cli import main
from studygroup.exchange.library_folder import write_session_bundle
from studygroup.storage.store import Store
from tests.core.test_sync import FILE, SESSION_ID, hold_session

NO_FOLDER = (
    "studygroup: No library folder is set: give one ('studygroup sync FOLDER') or set it with "
    "'studygroup library-folder PATH'.\n"
)


@pytest.fixture
def shared(tmp_path):
    """A folder holding one good bundle and one broken file."""
    folder = tmp_path / "shared"
    folder.mkdir()
    with Store.open(tmp_path / "writer.db") as writer:
        hold_session(writer)
        write_session_bundle(writer, SESSION_ID, folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "reader.db")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sync_imports_lists_the_refused_file_and_exits_0(capsys, db, shared):
    code, out, err = run(capsys, "sync", str(shared), "--db", db)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Synced 2 bundle files from {shared}: 1 imported (3 new notes, 0 updated from newer edits), "
        "0 unchanged, 1 refused.",
        f"Imported {FILE}: 'Checkout flow!', 3 new notes, 0 updated from newer edits.",
        "Refused broken.json: broken.json is not valid JSON (line 1, column 2: Expecting property name enclosed "
        "in double quotes); it may be truncated.",
    ]


def test_sync_json_says_the_same(capsys, db, shared):
    run(capsys, "sync", str(shared), "--db", db)
    code, out, _ = run(capsys, "sync", str(shared), "--db", db, "--json")
    assert code == 0
    assert json.loads(out) == {
        "folder": str(shared),
        "files": 2,
        "new_notes": 0,
        "updated_notes": 0,
        "imported": [],
        "unchanged": [FILE],
        "refused": [
            {
                "file": "broken.json",
                "reason": "broken.json is not valid JSON (line 1, column 2: Expecting property name enclosed in "
                "double quotes); it may be truncated.",
            }
        ],
    }


def test_sync_without_a_folder_uses_the_setting_or_says_none_is_set(capsys, db, shared):
    assert run(capsys, "sync", "--db", db) == (2, "", NO_FOLDER)
    assert run(capsys, "library-folder", "--db", db) == (0, "No library folder is set.\n", "")
    assert run(capsys, "library-folder", str(shared), "--db", db) == (0, f"The library folder is now {shared}\n", "")
    assert run(capsys, "library-folder", "--db", db) == (0, f"{shared}\n", "")
    code, out, _ = run(capsys, "sync", "--db", db, "--json")
    assert (code, json.loads(out)["new_notes"]) == (0, 3)
    code, out, _ = run(capsys, "library-folder", "--clear", "--db", db)
    assert (code, out) == (0, "No library folder is set now; ended sessions are no longer copied anywhere.\n")
    assert run(capsys, "sync", "--db", db)[0] == 2


def test_an_unusable_folder_is_one_line_and_exit_2(capsys, db, tmp_path):
    missing = tmp_path / "not-mounted"
    sentence = f"There is no library folder {missing}; connect the shared drive or create the folder first."
    assert run(capsys, "sync", str(missing), "--db", db) == (2, "", f"studygroup: {sentence}\n")
    assert run(capsys, "library-folder", str(missing), "--db", db) == (2, "", f"studygroup: {sentence}\n")
    assert run(capsys, "library-folder", "--db", db)[1] == "No library folder is set.\n"


def test_a_folder_and_clear_together_are_refused(capsys, db, shared):
    assert run(capsys, "library-folder", str(shared), "--clear", "--db", db) == (
        2,
        "",
        "studygroup: Give a folder or --clear, not both.\n",
    )
