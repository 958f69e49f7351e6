"""One app per database: a second is refused and raises the first; stale locks recover; restore respects the lock."""

import os
import signal
import subprocess
import sys

from studygroup.cli import main
from studygroup.storage.backup import make_backup, restore_backup
from studygroup.storage.dbfile import holding_lock
from studygroup.storage.store import Store
from ui.single_instance import SingleInstance

HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
assert lock.tryLock(100)
print("locked", flush=True)
sys.stdin.read()
"""


def test_second_app_is_refused_and_raises_the_first(qtbot, tmp_path):
    db = tmp_path / "one.db"
    first, second = SingleInstance(db), SingleInstance(db)
    assert first.acquire()
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert second.ask_first_to_raise()
    first.release()
    assert second.acquire()
    second.release()


def test_lock_left_by_a_killed_app_is_recovered(qtbot, tmp_path):
    db = tmp_path / "crashed.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    assert not SingleInstance(db).acquire()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    holder.stdin.close()
    recovered = SingleInstance(db)
    assert recovered.acquire()
    recovered.release()


def test_restore_refuses_while_a_real_app_lock_is_held_and_proceeds_once_it_died(qtbot, tmp_path, capsys):
    db = tmp_path / "room.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    capsys.readouterr()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["restore", "--db", str(db)]) == 2
        assert capsys.readouterr().err == (
            f"studygroup: studygroup is open on {db} (process {holder.pid}); close it, then restore.\n"
        )
        assert not list(tmp_path.glob("room-before-restore-*"))
    finally:
        os.kill(holder.pid, signal.SIGKILL)  # the app dies without releasing its lock
        holder.wait()
        holder.stdout.close()
        holder.stdin.close()
    assert main(["restore", "--db", str(db)]) == 0
    assert len(list(tmp_path.glob("room-before-restore-*.db"))) == 1


def test_an_app_starting_while_restore_holds_the_lock_is_refused(qtbot, tmp_path):
    db = tmp_path / "room.db"
    with holding_lock(db):
        starting = SingleInstance(db)
        assert not starting.acquire()
        assert starting.owner_pid() == os.getpid()
    assert starting.acquire()
    starting.release()


def test_the_app_restoring_its_own_damaged_file_is_not_refused_by_its_own_lock(qtbot, tmp_path):
    db = tmp_path / "room.db"
    with Store.open(db) as store:
        backup = make_backup(store.db.connection, db)
    db.write_bytes(b"damaged" * 100)
    app = SingleInstance(db)
    assert app.acquire()
    aside = restore_backup(backup, db)  # what ui.app.open_or_recover does after its "Open the latest backup"
    assert aside.read_bytes() == b"damaged" * 100
    assert app.lock_path.exists()  # still the app's, not removed by the restore
    assert not SingleInstance(db).acquire()
    app.release()
