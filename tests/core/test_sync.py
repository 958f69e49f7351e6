"""A team's library folder: two laptops share one folder; each ended session is written there, a sync imports."""

import datetime
import json
import os
from pathlib import Path

import pytest

from studygroup.demo import build_demo_session
from studygroup.errors import LibraryFolderError
from studygroup.exchange.library_folder import (
    IMPORTED_KEY,
    bundle_file_name,
    library_folder,
    on_session_ended,
    set_library_folder,
    sync_from_folder,
    write_session_bundle,
)
from studygroup.storage.store import Store

SESSION_ID = "0a0a0a0a-0000-4000-8000-000000000001"
TWIN_ID = "0a0a0a0a-0000-4000-8000-000000000002"  # the same first 8 characters
FILE = "2025-03-14-checkout-flow-0a0a0a0a.json"
LATER = 2_000_000_000.0  # after every stamp the demo notes carry


def hold_session(store, session_id=SESSION_ID, title="Checkout flow!", notes=3):
    """A held session with a known id, title and date, and *notes* of the demo's notes."""
    session, demo_notes = build_demo_session(today=datetime.date(2025, 3, 14))
    session.id, session.title = session_id, title
    with store.atomic():
        store.save_session(session)
        for note in demo_notes[:notes]:
            note.session_id = session_id
            store.add_observation(note)
    return session


@pytest.fixture
def folder(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    return shared


@pytest.fixture
def laptop_a(tmp_path, folder):
    with Store.open(tmp_path / "a.db") as store:
        set_library_folder(store, folder)
        yield store


@pytest.fixture
def laptop_b(tmp_path, folder):
    with Store.open(tmp_path / "b.db", now=lambda: LATER) as store:
        set_library_folder(store, folder)
        yield store


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def texts(store, session_id=SESSION_ID):
    return sorted(note.text for note in store.observations(session_id))


def test_an_ended_session_is_written_under_its_date_title_and_id(laptop_a, folder):
    hold_session(laptop_a)
    assert on_session_ended(laptop_a, SESSION_ID) is None
    assert names(folder) == [FILE]
    assert json.loads((folder / FILE).read_text(encoding="utf-8"))["session"]["id"] == SESSION_ID


def test_without_a_library_folder_nothing_is_written(store, folder):
    hold_session(store)
    assert library_folder(store) is None
    assert on_session_ended(store, SESSION_ID) is None
    assert names(folder) == []


def test_a_session_and_its_notes_reach_the_other_laptop_and_the_newer_edit_comes_back(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    report = sync_from_folder(laptop_b, folder)
    assert [name for name, _ in report.imported] == [FILE]
    assert (report.new_notes, report.updated_notes) == (3, 0)
    assert texts(laptop_b) == texts(laptop_a)

    note = laptop_b.observations(SESSION_ID)[0]
    note.text = "edited on laptop B"
    laptop_b.update_observation(note)
    assert write_session_bundle(laptop_b, SESSION_ID, folder) == folder / FILE
    assert names(folder) == [FILE]  # the same session is the same file

    report = sync_from_folder(laptop_a, folder)
    assert (report.new_notes, report.updated_notes) == (0, 1)
    assert laptop_a.find_observation(note.id).text == "edited on laptop B"


def test_syncing_again_changes_nothing_and_says_unchanged(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    sync_from_folder(laptop_b, folder)
    report = sync_from_folder(laptop_b, folder)
    assert (report.imported, report.unchanged, report.refused) == ([], [FILE], [])
    assert report.lines() == [
        f"Synced 1 bundle file from {folder}: 0 imported (0 new notes, 0 updated from newer edits), "
        "1 unchanged, 0 refused."
    ]


def test_the_laptop_that_wrote_a_file_finds_it_unchanged(laptop_a, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    assert sync_from_folder(laptop_a, folder).unchanged == [FILE]


def test_rewriting_merges_what_the_other_laptop_put_in_the_file_first(laptop_a, laptop_b, folder, tmp_path):
    session = hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    sync_from_folder(laptop_b, folder)
    laptop_b.add_observation(note_by(session, "typed on B"))
    write_session_bundle(laptop_b, SESSION_ID, folder)
    laptop_a.add_observation(note_by(session, "typed on A later"))  # A has not synced since
    write_session_bundle(laptop_a, SESSION_ID, folder)
    with Store.open(tmp_path / "c.db") as laptop_c:
        assert sync_from_folder(laptop_c, folder).new_notes == 5
        assert {"typed on A later", "typed on B"} <= set(texts(laptop_c))


def note_by(session, text):
    from studygroup.model import Observation

    return Observation(session.id, text, author_id=session.participants[0].id)


def test_a_twin_of_the_first_eight_characters_gets_the_whole_id(laptop_a, folder):
    hold_session(laptop_a)
    hold_session(laptop_a, TWIN_ID)
    first = write_session_bundle(laptop_a, SESSION_ID, folder)
    second = write_session_bundle(laptop_a, TWIN_ID, folder)
    assert (first.name, second.name) == (FILE, f"2025-03-14-checkout-flow-{TWIN_ID}.json")
    assert json.loads(first.read_text(encoding="utf-8"))["session"]["id"] == SESSION_ID


def test_bad_files_are_refused_one_by_one_and_the_good_ones_imported(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    good = (folder / FILE).read_text(encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    (folder / "truncated.json").write_text(good[:40], encoding="utf-8")
    (folder / "x.json").mkdir()
    (folder / ".hidden.json").write_text("{", encoding="utf-8")  # hidden: e.g. a write under way
    (folder / "readme.txt").write_text("not a bundle", encoding="utf-8")
    report = sync_from_folder(laptop_b, folder)
    assert [name for name, _ in report.imported] == [FILE]
    assert report.refused == [
        ("broken.json", "broken.json is not valid JSON (line 1, column 2: Expecting property name enclosed in double "
         "quotes); it may be truncated."),
        ("other.json", 'This file is not a studygroup bundle (its "format" is not "studygroup-bundle").'),
        ("truncated.json", "truncated.json is not valid JSON (line 3, column 12: Unterminated string starting "
         "at); it may be truncated."),
        ("x.json", "x.json is a folder, not a bundle."),
    ]  # fmt: skip
    assert report.files == 5
    assert [s["id"] for s in laptop_b.list_sessions()] == [SESSION_ID]
    assert report.lines()[-1] == "Refused x.json: x.json is a folder, not a bundle."


def test_a_refused_file_is_tried_again_and_imports_once_mended(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    good = (folder / FILE).read_bytes()
    (folder / FILE).write_bytes(good[:100])
    assert [name for name, _ in sync_from_folder(laptop_b, folder).refused] == [FILE]
    assert [name for name, _ in sync_from_folder(laptop_b, folder).refused] == [FILE]
    (folder / FILE).write_bytes(good)
    assert sync_from_folder(laptop_b, folder).new_notes == 3


def test_a_note_id_of_another_session_refuses_only_that_file(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    data["session"]["id"] = TWIN_ID
    for note in data["observations"]:
        note["session_id"] = TWIN_ID
        for version in note["versions"]:
            version["session_id"] = TWIN_ID
    (folder / "copy.json").write_text(json.dumps(data), encoding="utf-8")
    report = sync_from_folder(laptop_b, folder)
    assert [name for name, _ in report.imported] == [FILE]
    assert [name for name, _ in report.refused] == ["copy.json"]
    assert "already belongs to another session" in report.refused[0][1]
    assert [s["id"] for s in laptop_b.list_sessions()] == [SESSION_ID]


def test_a_folder_that_is_a_file_is_refused_in_one_sentence(laptop_a, tmp_path):
    hold_session(laptop_a)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("", encoding="utf-8")
    sentence = f"The library folder {a_file} is a file, not a folder."
    with pytest.raises(LibraryFolderError) as refused:
        sync_from_folder(laptop_a, a_file)
    assert str(refused.value) == sentence
    with pytest.raises(LibraryFolderError):
        write_session_bundle(laptop_a, SESSION_ID, a_file)
    with pytest.raises(LibraryFolderError):
        set_library_folder(laptop_a, a_file)


def test_a_missing_folder_is_never_created(laptop_a, folder, tmp_path):
    hold_session(laptop_a)
    folder.rmdir()  # the shared drive is not mounted
    assert on_session_ended(laptop_a, SESSION_ID) == (
        f"There is no library folder {folder}; connect the shared drive or create the folder first."
    )
    assert not folder.exists()
    under_a_file = tmp_path / "a.db" / "shared"
    with pytest.raises(LibraryFolderError, match="^There is no library folder"):
        sync_from_folder(laptop_a, under_a_file)


def test_an_unreadable_file_under_the_name_is_kept_and_the_bundle_written_beside_it(laptop_a, folder):
    """Half a file from a failed copy, or a merge conflict: a person may still want what is in it."""
    hold_session(laptop_a)
    (folder / FILE).write_text('{"format": "studygroup-bundle", "ver', encoding="utf-8")
    assert on_session_ended(laptop_a, SESSION_ID) is None
    assert names(folder) == [f"2025-03-14-checkout-flow-{SESSION_ID}.json", FILE]
    assert (folder / FILE).read_text(encoding="utf-8") == '{"format": "studygroup-bundle", "ver'


def test_a_bundle_that_cannot_be_replaced_is_a_sentence_not_an_exception(laptop_a, folder):
    hold_session(laptop_a)
    (folder / FILE).mkdir()  # a folder where the bundle goes: even root cannot replace it
    assert on_session_ended(laptop_a, SESSION_ID) == f"The library folder {folder} cannot be written: Is a directory."
    assert names(folder) == [FILE]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_a_sentence(laptop_a, folder):
    hold_session(laptop_a)
    folder.chmod(0o555)
    try:
        sentence = on_session_ended(laptop_a, SESSION_ID)
    finally:
        folder.chmod(0o755)
    assert sentence == f"The library folder {folder} cannot be written: Permission denied."
    assert names(folder) == []


def test_the_setting_is_kept_absolute_and_can_be_cleared(store, folder, monkeypatch):
    monkeypatch.chdir(folder.parent)
    assert set_library_folder(store, Path("shared")) == folder
    assert library_folder(store) == folder
    assert set_library_folder(store, None) is None
    assert library_folder(store) is None


def test_a_file_touched_but_not_changed_is_unchanged_and_a_changed_one_of_equal_size_is_not(laptop_a, laptop_b, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    sync_from_folder(laptop_b, folder)
    path = folder / FILE
    path.write_bytes(path.read_bytes())  # a copy or a git checkout: new mtime, same content
    os.utime(path, (1, 1))
    assert sync_from_folder(laptop_b, folder).unchanged == [FILE]
    note = laptop_a.observations(SESSION_ID)[0]
    size = path.stat().st_size
    path.write_text(path.read_text(encoding="utf-8").replace(note.text, note.text[::-1]), encoding="utf-8")
    assert path.stat().st_size == size
    assert [name for name, _ in sync_from_folder(laptop_b, folder).imported] == [FILE]


def test_files_gone_from_the_folder_are_forgotten(laptop_a, folder):
    hold_session(laptop_a)
    on_session_ended(laptop_a, SESSION_ID)
    assert list(laptop_a.setting(IMPORTED_KEY)) == [FILE]
    (folder / FILE).unlink()
    assert sync_from_folder(laptop_a, folder).files == 0
    assert laptop_a.setting(IMPORTED_KEY) == {}


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Café au lait: the payout", "2025-03-14-cafe-au-lait-the-payout-0a0a0a0a.json"),
        ("☕ !!", "2025-03-14-session-0a0a0a0a.json"),
        ("../../etc/passwd", "2025-03-14-etc-passwd-0a0a0a0a.json"),
    ],
)
def test_file_names_are_safe_and_readable(store, title, name):
    assert bundle_file_name(hold_session(store, title=title, notes=0)) == name
