"""One build at a time in a build directory: a lock file that says who holds it.

Why: two builds into one folder both printed ``wrote …`` and exited 0, but the outputs were a
mix or only one build's (issue 13, item 7). The lock is an advisory OS lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows) on ``DIR/.coopgraph.lock``, so the system releases it when the
holder dies however it dies; the file's content (pid, start time, host) is only for the message.
A lock file that still names a process when nobody holds the lock was left by a build that was
killed: it is taken over with a warning. A build that ends cleanly removes the file.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from coopgraph.errors import LockedError, OutputError

LOCK_NAME = ".coopgraph.lock"
#: Seconds between two attempts while waiting for another build.
_POLL = 0.2


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) a build directory's lock, from the lock file."""

    pid: int
    started: str
    host: str

    def describe(self) -> str:
        here = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"pid {self.pid}{here}, started {self.started}"


@contextmanager
def build_lock(directory: Path, *, wait: float = 0.0,
               warnings: list[str] | None = None) -> Iterator[Holder]:
    """Hold ``directory``'s build lock for the ``with`` block; creates the directory.

    ``wait`` is how many seconds to wait for another build to finish (0: refuse at once).
    A stale lock's takeover is noted in ``warnings``.

    Raises:
        LockedError: another live build holds the lock (after ``wait`` seconds).
        OutputError: the directory or its lock file cannot be created.
    """
    path = directory / LOCK_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError.from_os_error(directory, exc) from exc
    fh = _open_locked(path, directory, wait)
    try:
        stale = _read_holder(fh)
        if stale is not None and warnings is not None:
            warnings.append(f"{directory}: took over the lock of a build that is no longer "
                            f"running ({stale.describe()})")
        me = Holder(os.getpid(), time.strftime("%Y-%m-%d %H:%M:%S"), socket.gethostname())
        _write_holder(fh, me)
        yield me
    finally:
        path.unlink(missing_ok=True)  # removed while still locked: only a killed build's stays
        _unlock(fh)
        fh.close()


def _open_locked(path: Path, directory: Path, wait: float) -> IO[str]:
    """The lock file, opened and locked. Why the loop: a build that ends removes the file, so
    a waiter may lock a file that is no longer at ``path``; it then opens the new one."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - returned locked
        except OSError as exc:
            raise OutputError.from_os_error(directory, exc) from exc
        try:
            _acquire(fh, directory, deadline, wait)
        except BaseException:
            fh.close()
            raise
        if _same_file(fh, path):
            return fh
        _unlock(fh)
        fh.close()


def _same_file(fh: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def _acquire(fh: IO[str], directory: Path, deadline: float, wait: float) -> None:
    while not _try_lock(fh):
        if time.monotonic() >= deadline:
            holder = _read_holder(fh)
            raise LockedError(directory, holder.pid if holder else None,
                              holder.describe() if holder else "its process is unknown",
                              wait)
        time.sleep(_POLL)


def _read_holder(fh: IO[str]) -> Holder | None:
    fh.seek(0)
    try:
        data = json.loads(fh.read() or "null")
        return Holder(int(data["pid"]), str(data["started"]), str(data["host"]))
    except (ValueError, TypeError, KeyError):
        return None


def _write_holder(fh: IO[str], holder: Holder) -> None:
    fh.seek(0)
    fh.truncate()
    fh.write(json.dumps({"pid": holder.pid, "started": holder.started, "host": holder.host}))
    fh.flush()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
