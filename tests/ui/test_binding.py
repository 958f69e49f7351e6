"""The Qt binding itself: a release that leaks or drops references on every signal kills a real session.

PySide6 6.12.0 drops one reference to True or None on each Signal.emit() from Python; the
clock emits several times a second, so the app aborted about two minutes into every running
session while every unit test (which injects time) passed. This test emits as many signals
as a long session does, in a fresh interpreter, and checks the refcounts do not move.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

EMITS = 20_000

CHILD = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        bare = Signal()
        with_args = Signal(int, str, object)
        flag = Signal(bool)

    app = QCoreApplication([])
    emitter = Emitter()
    emitter.bare.connect(lambda: None)
    emitter.with_args.connect(lambda number, text, value: None)
    emitter.flag.connect(lambda on: None)

    def counts():
        return sys.getrefcount(True), sys.getrefcount(None), sys.getrefcount(False)

    for _ in range(100):  # warm up: the first emits may cache objects for good
        emitter.bare.emit(); emitter.with_args.emit(1, "x", None); emitter.flag.emit(True)
    before = counts()
    for _ in range({EMITS}):
        emitter.bare.emit()
    for _ in range({EMITS}):
        emitter.with_args.emit(1, "x", None)
        emitter.flag.emit(True)
    print(json.dumps({{"before": before, "after": counts()}}))
""")


def test_signal_emit_keeps_refcounts_of_true_and_none():
    # On Python 3.12+ True and None are immortal: the counts cannot move, but nor can a lost
    # reference abort the interpreter; the crash this guards against is a 3.11 one.
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, f"the binding crashed while emitting signals:\n{child.stderr[-2000:]}"
    counts = json.loads(child.stdout.strip().splitlines()[-1])
    assert counts["after"] == counts["before"], f"refcounts of True, None, False drifted: {counts}"
