"""Atomic file output: a reader never sees a half-written file, a crash never destroys the old one.

Each output is written to a temporary file in the same directory, flushed and fsynced, then moved
over the target with ``os.replace`` (atomic on POSIX and Windows). Inside :func:`staged`, the
moves wait for the end of the block, so a build whose last file hits a full disk leaves every
old output in place, not a mix of new and old. A failed write is an
:class:`~coopgraph.errors.OutputError` (one line: which file, what to do), never a raw ``OSError``.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from coopgraph.errors import OutputError

#: The writes of the innermost :func:`staged` block waiting to be moved into place (tmp, target).
_STAGE: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("coopgraph_stage", default=None)


def atomic_write_bytes(path: Path | str, data: bytes, *, durable: bool = True,
                       stage: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path.

    ``durable=False`` skips the fsync: still atomic (no half-written file), but a power cut may
    lose the new content. Right for caches that are rebuilt anyway, where an fsync per file
    dominates the cost of thousands of small writes. ``stage=False`` moves the file into place
    at once even inside a :func:`staged` block: a cache entry is read back before the block ends.
    """
    return _write(path, [data], durable=durable, stage=stage)


def atomic_write_parts(path: Path | str, parts: Iterable[bytes], *, durable: bool = True) -> Path:
    """``atomic_write_chunks`` for parts already encoded (a caller that needs their lengths)."""
    return _write(path, parts, durable=durable)


def atomic_write_chunks(path: Path | str, chunks: Iterable[str], *, durable: bool = True) -> Path:
    """Write the UTF-8 text ``chunks`` to ``path`` atomically, one after another; returns the path.

    Why: a graph of 10,000 documents is over half a gigabyte of Turtle; streaming its blocks
    to the temporary file never holds the whole text (and its encoded copy) in memory.
    """
    return _write(path, (chunk.encode("utf-8") for chunk in chunks), durable=durable)


@contextmanager
def staged() -> Iterator[None]:
    """Move every file written in the block into place at its end, or none if it fails.

    Why: a build writes four files; a full disk at the third must not leave new graph files
    beside an old manifest. Use :func:`staged_path` to read a file written earlier in the block.

    Raises:
        OutputError: a file could not be moved into place (the ones before it were).
    """
    pending: list[tuple[Path, Path]] = []
    token = _STAGE.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _target in pending:
            tmp.unlink(missing_ok=True)
        raise
    finally:
        _STAGE.reset(token)
    for tmp, target in pending:
        try:
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise OutputError.from_os_error(target, exc) from exc


def staged_path(path: Path) -> Path:
    """Where the content just written to ``path`` is now: its temporary file inside a
    :func:`staged` block, else ``path`` itself."""
    for tmp, target in reversed(_STAGE.get() or []):
        if target == path:
            return tmp
    return path


def _write(path: Path | str, parts: Iterable[bytes], *, durable: bool, stage: bool = True) -> Path:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError.from_os_error(target, exc) from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb", buffering=io.DEFAULT_BUFFER_SIZE * 64) as fh:
            for part in parts:
                fh.write(part)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are meant to be shared
        pending = _STAGE.get() if stage else None
        if pending is None:
            os.replace(tmp, target)
        else:
            pending.append((tmp, target))
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError.from_os_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: Path | str, text: str, *, durable: bool = True,
                      stage: bool = True) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically; returns the path (``stage``: as in
    :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"), durable=durable, stage=stage)


def _umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
