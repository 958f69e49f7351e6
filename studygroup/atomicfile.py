"""Write a file whole or not at all: a temporary file beside it, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Literal, TextIO, overload


@overload
def atomic_write(path: Path, mode: Literal["wb"] = "wb") -> AbstractContextManager[BinaryIO]: ...


@overload
def atomic_write(
    path: Path, mode: Literal["w"], *, encoding: str, newline: str | None = None
) -> AbstractContextManager[TextIO]: ...


def atomic_write(
    path: Path, mode: Literal["w", "wb"] = "wb", *, encoding: str | None = None, newline: str | None = None
) -> AbstractContextManager[BinaryIO | TextIO]:
    """Yield a file object; on success it replaces *path*, on any error *path* is untouched."""
    return _atomic_write(Path(path), mode, encoding, newline)


@contextlib.contextmanager
def _atomic_write(
    path: Path, mode: Literal["w", "wb"], encoding: str | None, newline: str | None
) -> Iterator[BinaryIO | TextIO]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        handle: BinaryIO | TextIO = (
            os.fdopen(fd, "wb") if mode == "wb" else os.fdopen(fd, "w", encoding=encoding, newline=newline)
        )
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _default_mode())  # mkstemp makes 0600; an export should read like any file
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _default_mode() -> int:
    """0666 minus the process umask (umask can only be read by setting it)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
