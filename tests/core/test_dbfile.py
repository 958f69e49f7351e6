"""The database file: no writes once its path names another file; the lock's owner read as Qt writes it."""

import os
import shutil
import socket
import subprocess
import sys

import pytest

from studygroup.demo import create_demo
from studygroup.errors import DatabaseInUse, DatabaseReplaced, StorageError
from studygroup.model import Observation
from studygroup.storage import dbfile
from studygroup.storage.backup import make_backup, restore_backup
from studygroup.storage.db import open_database
from studygroup.storage.store import Store


def note(session, text):
    return Observation(session.id, text, author_id=session.participants[0].id, phase_id=session.phases[0].id)


def note_texts(path):
    with Store.open(path) as opened:
        return {o.text for s in opened.list_sessions() for o in opened.observations(s["id"])}


def test_a_write_after_a_restore_under_the_store_is_refused_and_lands_nowhere(store, tmp_path):
    session = create_demo(store)
    backup = make_backup(store.db.connection, store.path)
    store.add_observation(note(session, "before the restore"))
    aside = restore_backup(backup, store.path)  # what `studygroup restore` did in the room
    with pytest.raises(DatabaseReplaced) as refused:
        store.add_observation(note(session, "typed after the restore"))
    assert str(refused.value) == (
        f"The database file {store.path} was replaced while studygroup was open "
        "(by a restore?); restart studygroup to use the new file."
    )
    assert isinstance(refused.value, StorageError)  # so the capture page keeps the note as not saved
    store.close()
    assert "typed after the restore" not in note_texts(aside)
    assert "before the restore" in note_texts(aside)
    assert "typed after the restore" not in note_texts(store.path)


def test_a_file_replaced_by_another_database_refuses_every_kind_of_write(store, tmp_path):
    session = create_demo(store)
    with Store.open(tmp_path / "other.db"):
        pass
    os.replace(tmp_path / "other.db", store.path)
    for write in (
        lambda: store.save_session(session),
        lambda: store.save_clock(session),
        lambda: store.set_deleted(store.observations(session.id)[0].id, True),
    ):
        with pytest.raises(DatabaseReplaced):
            write()
    assert store.db.file_replaced()


def test_a_removed_file_counts_as_replaced(store):
    create_demo(store)
    shutil.move(store.path, store.path.with_name("moved.db"))
    assert store.db.file_replaced()


def test_an_untouched_file_and_an_in_memory_database_write_as_before(store):
    session = create_demo(store)
    store.add_observation(note(session, "still here"))
    assert not store.db.file_replaced()
    with Store.open(":memory:") as memory:
        assert memory.db.identity is None
        session = create_demo(memory)
        memory.add_observation(note(session, "in memory"))
        assert not memory.db.file_replaced()


def test_the_check_runs_once_per_transaction_not_per_savepoint(store, monkeypatch):
    calls = []
    real = dbfile.file_identity
    monkeypatch.setattr("studygroup.storage.db.file_identity", lambda path: calls.append(path) or real(path))
    with store.db.atomic(), store.db.atomic():
        pass
    assert len(calls) == 1


# --- the lock's owner -------------------------------------------------------------------------------


def write_lock(db, text):
    dbfile.lock_path(db).write_text(text, encoding="utf-8")


def test_qt_lines_are_read_in_order(tmp_path):
    db = tmp_path / "x.db"
    write_lock(db, "4242\npython3.11\nlaptop\n3d12ab\n52b2-88c6\n")
    assert dbfile.read_lock(db) == dbfile.LockOwner(4242, "python3.11", "laptop", "3d12ab", "52b2-88c6")
    assert dbfile.read_lock(tmp_path / "none.db") is None


def test_a_live_pid_holds_and_a_dead_pid_is_stale(tmp_path):
    db = tmp_path / "x.db"
    exe = os.path.basename(os.path.realpath(sys.executable))
    write_lock(db, f"{os.getpid()}\n{exe}\n{socket.gethostname()}\n")
    assert dbfile.live_owner(db) == dbfile.LockOwner(os.getpid(), exe, socket.gethostname())
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(db, f"{dead.pid}\n{exe}\n{socket.gethostname()}\n")
    assert dbfile.live_owner(db) is None


def test_another_computer_or_an_unreadable_lock_holds(tmp_path):
    db = tmp_path / "x.db"
    write_lock(db, "1\npython3.11\nsomeone-elses-laptop\n")
    owner = dbfile.live_owner(db)
    assert dbfile.in_use_message(db, owner, "restore") == (
        f"studygroup is open on {db} on the computer someone-elses-laptop (process 1); close it there, then restore."
    )
    write_lock(db, "")
    assert dbfile.in_use_message(db, dbfile.live_owner(db), "restore") == (
        f"studygroup is open on {db} (its lock {db}.lock names no process); "
        "close it, or delete that lock if no studygroup is open, then restore."
    )


@pytest.mark.skipif(not os.path.exists("/proc/sys/kernel/random/boot_id"), reason="Linux boot id")
def test_a_lock_from_before_the_last_reboot_is_stale(tmp_path):
    db = tmp_path / "x.db"
    exe = os.path.basename(os.path.realpath(sys.executable))
    write_lock(db, f"{os.getpid()}\n{exe}\n{socket.gethostname()}\n\nnot-this-boot\n")
    assert dbfile.live_owner(db) is None


@pytest.mark.skipif(not os.path.exists("/proc/self/exe"), reason="Linux /proc")
def test_a_pid_now_running_another_program_is_stale(tmp_path):
    db = tmp_path / "x.db"
    write_lock(db, f"{os.getpid()}\nnot-python\n{socket.gethostname()}\n")
    assert dbfile.live_owner(db) is None


def test_holding_the_lock_refuses_a_second_holder_and_lets_go(tmp_path):
    db = tmp_path / "x.db"
    open_database(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys\nfrom studygroup.storage.dbfile import holding_lock\n"
                "with holding_lock(sys.argv[1]):\n    print('held', flush=True)\n    sys.stdin.read()\n"
            ),
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(DatabaseInUse, match=f"process {holder.pid}"), dbfile.holding_lock(db):
            pass
    finally:
        holder.stdin.close()
        holder.wait()
        holder.stdout.close()
    assert not dbfile.lock_path(db).exists()
    with dbfile.holding_lock(db):
        assert dbfile.read_lock(db).pid == os.getpid()
