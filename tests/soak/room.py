"""A real room for the soak: Xvfb, the installed `studygroup` command, and xdotool's real key events."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCREEN = "1366x768x24"  # the laptop in the room
REQUIRED_ENV = "STUDYGROUP_SOAK_REQUIRED"  # set by .ci/run: a missing tool is a failure, not a skip


def require_tools() -> None:
    """Skip (or, under CI, fail) when Xvfb or xdotool is missing."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        message = f"the soak needs {' and '.join(missing)} (Debian: apt-get install xvfb xdotool)"
        if os.environ.get(REQUIRED_ENV):
            pytest.fail(message)
        pytest.skip(message)


def installed_command() -> Path:
    """The `studygroup` console script of this environment: the command users start."""
    script = Path(sys.executable).parent / "studygroup"
    found = script if script.exists() else shutil.which("studygroup")
    assert found, "the studygroup command is not installed in this environment (pip install -e .)"
    return Path(found)


class VirtualScreen:
    """An Xvfb server on a free display, stopped by close()."""

    def __init__(self):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        self.display = f":{number}"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class RealApp:
    """The installed app on a virtual screen, driven with real key events through xdotool."""

    def __init__(self, screen: VirtualScreen, db: Path, out_dir: Path, extra_args=()):
        self.screen, self.db, self.out_dir = screen, db, out_dir
        self.env = {**os.environ, "DISPLAY": screen.display, "QT_QPA_PLATFORM": "xcb"}
        self.stderr_path = out_dir / "app-stderr.txt"
        self._stderr = open(self.stderr_path, "wb")  # noqa: SIM115 - open for the app's life
        self.process = subprocess.Popen(
            [str(installed_command()), "gui", "--db", str(db), *extra_args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
        )
        self.window = self.wait_for_window(lambda name: name.endswith("studygroup") and "projector" not in name)

    # --- windows and keys -------------------------------------------------------------

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def windows(self) -> dict[str, str]:
        """Visible windows of the app: id to title."""
        ids = self.xdotool("search", "--onlyvisible", "--pid", str(self.process.pid), check=False).split()
        return {wid: self.xdotool("getwindowname", wid, check=False) for wid in ids}

    def wait_for_window(self, wanted, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.alive(), f"the app exited while starting: {self.stderr()}"
            match = next((wid for wid, name in self.windows().items() if wanted(name)), None)
            if match:
                return match
            time.sleep(0.2)
        raise AssertionError(f"no matching window within {timeout} s; saw {self.windows()}")

    def focus(self, window: str | None = None) -> None:
        self.xdotool("windowfocus", "--sync", window or self.window)

    def keys(self, *keys: str, window: str | None = None) -> None:
        """Press key chords (xdotool names: ctrl+2, alt+p, Return) in the focused window."""
        self.focus(window)
        self.xdotool("key", "--clearmodifiers", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.focus()
        self.xdotool("type", "--delay", "25", text)

    def screenshot(self, name: str) -> Path | None:
        """The whole screen as a PNG, when ImageMagick's `import` is there (for people to look at)."""
        if shutil.which("import") is None:
            return None
        path = self.out_dir / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, capture_output=True, timeout=30)
        return path

    # --- the process --------------------------------------------------------------------

    def alive(self) -> bool:
        return self.process.poll() is None

    def rss_mib(self) -> float:
        """Resident memory now, from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
        raise AssertionError("no VmRSS line")

    def stderr(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def wait_exit(self, timeout: float) -> int:
        code = self.process.wait(timeout=timeout)
        self._stderr.close()
        return code

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.alive():
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        self._stderr.close()
