"""The database file itself: which process holds it, and whether its path still names the file we opened.

The app holds `<db>.lock` with Qt's QLockFile (ui/single_instance.py). Qt writes the owner's
pid, process name and host name on the first three lines, then the machine id and the boot id
(qtbase src/corelib/io/qlockfile.cpp, `lockFileContents`). This module reads and writes that
format without Qt, so `studygroup restore` refuses while an app has the file open, and holds
the lock itself while it swaps the file, so an app starting meanwhile is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from studygroup.errors import DatabaseInUse

if sys.platform != "win32":  # Windows has no fcntl: Qt keeps its lock file open there, which already bars removing it
    import fcntl

FileIdentity = tuple[int, int]


def file_identity(path: Path | str) -> FileIdentity | None:
    """(device, inode) of the file at *path*; None for an in-memory database or a missing file."""
    if str(path) in ("", ":memory:"):
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def replaced_message(path: Path | str) -> str:
    """The one sentence for a database file swapped under a running app."""
    return (
        f"The database file {path} was replaced while studygroup was open (by a restore?); "
        "restart studygroup to use the new file."
    )


def lock_path(db_path: Path | str) -> Path:
    """The lock a running app holds beside *db_path*."""
    return Path(str(db_path) + ".lock")


@dataclass(frozen=True)
class LockOwner:
    """The lines of a QLockFile; pid 0 when the file cannot be read as one."""

    pid: int
    app: str = ""
    host: str = ""
    machine_id: str = ""
    boot_id: str = ""


def read_lock(db_path: Path | str) -> LockOwner | None:
    """Who the lock beside *db_path* names, or None when there is no lock file."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    lines = text.split("\n") + [""] * 5
    try:
        pid = int(lines[0])
    except ValueError:
        pid = 0
    return LockOwner(pid if 0 < pid < 2**31 else 0, *lines[1:5])  # 0: no process we could ask about


def owner_alive(owner: LockOwner) -> bool:
    """Whether the owner still runs, judged as QLockFile judges it: only a dead owner's lock is stale."""
    if owner.pid == 0 or not _same_host(owner):
        return True  # an unreadable lock, or a process on another computer: we cannot tell, so it holds
    if owner.boot_id and _boot_id() and owner.boot_id != _boot_id():
        return False  # written before the last reboot
    if not _pid_alive(owner.pid):
        return False
    name = _process_name(owner.pid)
    return not (name and owner.app and name != Path(owner.app).name)  # else the pid now runs another program


def live_owner(db_path: Path | str) -> LockOwner | None:
    """The live process holding *db_path*, or None when the file is free (or its lock is stale)."""
    owner = read_lock(db_path)
    return owner if owner is not None and owner_alive(owner) else None


def in_use_message(db_path: Path | str, owner: LockOwner, then: str = "try again") -> str:
    """One sentence: who holds *db_path*, and what to do before *then*."""
    if owner.pid == 0:
        return (
            f"studygroup is open on {db_path} (its lock {lock_path(db_path)} names no process); "
            f"close it, or delete that lock if no studygroup is open, then {then}."
        )
    if not _same_host(owner):
        return (
            f"studygroup is open on {db_path} on the computer {owner.host} (process {owner.pid}); "
            f"close it there, then {then}."
        )
    return f"studygroup is open on {db_path} (process {owner.pid}); close it, then {then}."


@contextlib.contextmanager
def holding_lock(db_path: Path | str, then: str = "try again") -> Iterator[None]:
    """Hold the app's lock on *db_path* for a while; raises DatabaseInUse while another live process holds it.

    A stale lock is taken over. A lock this very process holds (the app restoring its own
    damaged file at start) is used as it is. *then* ends the refusal: "close it, then ...".
    """
    fd = _take_lock(Path(db_path), then)
    try:
        yield
    finally:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(lock_path(db_path))
            os.close(fd)


def _take_lock(db_path: Path, then: str) -> int | None:
    """The open lock file, now ours; None when this process held it already."""
    path = lock_path(db_path)
    for _attempt in range(3):
        owner = read_lock(db_path)
        if owner is not None:
            if owner.pid == os.getpid() and _same_host(owner):
                return None
            if owner_alive(owner):
                raise DatabaseInUse(in_use_message(db_path, owner, then))
            _remove_stale(path)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue  # taken between our look and our try: look again
        try:
            _write_owner(fd, path)
        except OSError:
            os.close(fd)
            os.unlink(path)
            raise
        return fd
    raise DatabaseInUse(in_use_message(db_path, read_lock(db_path) or LockOwner(0), then))


def _write_owner(fd: int, path: Path) -> None:
    """Our lines in Qt's order, so the app's QLockFile sees a live owner and stays out."""
    with contextlib.suppress(OSError):  # as Qt: nobody can remove it while we live (not on every file system)
        _lock_exclusive(fd)
    name = _process_name(os.getpid()) or Path(os.path.realpath(sys.executable)).name
    lines = (str(os.getpid()), name, _host_name(), _machine_id(), _boot_id())
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if os.write(fd, data) != len(data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))  # a short write: the disk is full
    os.fsync(fd)


def _remove_stale(path: Path) -> None:
    """Remove a dead owner's lock, unless someone holds it after all (Qt's removeStaleLock)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY)
        try:
            _lock_exclusive(fd)
            os.unlink(path)
        finally:
            os.close(fd)


def _lock_exclusive(fd: int) -> None:
    """Lock *fd* without waiting (OSError when someone holds it); nothing on Windows, which has no flock."""
    if sys.platform != "win32":
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _same_host(owner: LockOwner) -> bool:
    ours = _machine_id()
    if owner.machine_id and ours:
        return owner.machine_id == ours
    return not owner.host or owner.host == _host_name()


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill(pid, 0) would end the process there; assume it lives
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, and another user's
    return True


def _process_name(pid: int) -> str:
    """The executable's file name, as Qt compares it on Linux; "" where it cannot be known."""
    try:
        target = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""
    return Path(target.removesuffix(" (deleted)")).name


def _host_name() -> str:
    return os.environ.get("COMPUTERNAME", "") if sys.platform == "win32" else socket.gethostname()


def _read_first(*paths: str) -> str:
    for path in paths:
        with contextlib.suppress(OSError):
            text = Path(path).read_text(encoding="ascii", errors="replace").strip()
            if text:
                return text
    return ""


def _machine_id() -> str:
    return _read_first("/etc/machine-id", "/var/lib/dbus/machine-id")


def _boot_id() -> str:
    return _read_first("/proc/sys/kernel/random/boot_id")
