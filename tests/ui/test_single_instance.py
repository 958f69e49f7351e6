"""One app per database: a second one is refused and raises the first; stale locks recover."""

import os
import signal
import subprocess
import sys

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
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    assert not SingleInstance(db).acquire()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    holder.stdin.close()
    recovered = SingleInstance(db)
    assert recovered.acquire()
    recovered.release()
