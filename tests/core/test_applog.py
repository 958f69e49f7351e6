"""The log files: a rotating app log, and a crash log that a fatal error writes into."""

import logging
import subprocess
import sys

from studygroup.applog import CrashLog, start_log, stop_log

CRASH = """
import faulthandler, sys
from pathlib import Path
from studygroup.applog import CrashLog
CrashLog(Path(sys.argv[1])).start(Path("room.db"))
faulthandler._sigsegv()
"""


def test_a_fatal_error_leaves_its_stack_in_the_crash_log(tmp_path):
    child = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert child.returncode != 0
    text = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "started" in text and "database room.db" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert child.stderr == ""  # the user's terminal (if any) stays quiet; the file has it all


def test_a_clean_stop_leaves_only_the_start_line(tmp_path):
    crash = CrashLog(tmp_path)
    crash.start(tmp_path / "room.db")
    crash.stop()
    lines = (tmp_path / "crash.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("--- studygroup ")


def test_the_app_log_is_written_to_the_log_folder(tmp_path):
    handler = start_log(tmp_path / "log")
    try:
        logging.getLogger("studygroup.test").info("a note was saved")
        logging.getLogger("qt").warning("a Qt warning")
    finally:
        stop_log(handler)
    text = (tmp_path / "log" / "studygroup.log").read_text(encoding="utf-8")
    assert "INFO studygroup.test: a note was saved" in text
    assert "WARNING qt: a Qt warning" in text
