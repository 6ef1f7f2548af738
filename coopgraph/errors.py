"""The exceptions coopgraph raises.

The library never prints or exits: it raises one of these, and the CLI turns it into a one-line
message and an exit code (2 for input, usage and endpoint errors, 1 for a failed check).

    CoopgraphError
    ├── InputError        a document or file cannot be read (.path)
    ├── ExtractionError   a loader failed on a readable document (.path)
    ├── OutputError       an output cannot be written: no space, no permission (.path)
    │   └── LockedError   another build holds the build directory (.path, .pid)
    ├── ValidationError   the graph breaks the SHACL shapes (.report)
    ├── QueryError        unknown query, bad header, missing parameter (.file, .line)
    ├── EndpointError     a SPARQL server is unreachable or refused (.url, .status)
    └── SchedulerError    a Dask scheduler is unreachable, has no workers, or a worker differs (.address)
"""

from __future__ import annotations

import errno
from pathlib import Path


class CoopgraphError(Exception):
    """Base class: every error coopgraph raises on purpose is one of these."""

    exit_code: int = 2


class InputError(CoopgraphError):
    """A document cannot be used: missing, empty, binary, badly encoded or too large."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ExtractionError(InputError):
    """A loader understood the file type but could not read its content (malformed page, ...)."""


class OutputError(CoopgraphError):
    """An output cannot be written: the disk is full, a folder is read-only or is a file.

    Raised before anything replaces an old output (each is written aside, then moved), so the
    previous build's files are whole.
    """

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")

    @classmethod
    def from_os_error(cls, path: Path | str, exc: OSError) -> OutputError:
        """The one-line error for an ``OSError`` met while writing ``path``: what and what to do."""
        return cls(path, _WRITE_ADVICE.get(exc.errno or 0, f"cannot write ({exc.strerror or exc}); "
                                            "check the build directory (-o DIR)"))


#: What to tell the user for the usual write failures, by errno.
_WRITE_ADVICE: dict[int, str] = {
    errno.ENOSPC: "no space left on the device; the previous outputs are whole; free some "
                  "space or pass another -o DIR",
    errno.EDQUOT: "disk quota exceeded; the previous outputs are whole; free some space or "
                  "pass another -o DIR",
    errno.EACCES: "permission denied; the previous outputs are whole; make the folder writable "
                  "or pass another -o DIR",
    errno.EPERM: "operation not permitted; make the folder writable or pass another -o DIR",
    errno.EROFS: "read-only file system; pass another -o DIR",
    errno.ENOTDIR: "a part of this path is a file, not a folder; pass another -o DIR",
    errno.EEXIST: "exists and is not a folder; pass another -o DIR",
}


class LockedError(OutputError):
    """Another build is writing into the same build directory."""

    def __init__(self, path: Path | str, pid: int | None, holder: str, waited: float) -> None:
        self.pid = pid
        after = f" after waiting {waited:g} s" if waited else ""
        super().__init__(path, f"another build is writing here ({holder}){after}; wait for it "
                               "to finish (build --wait SECONDS) or pass another -o DIR")


class ValidationError(CoopgraphError):
    """The graph does not conform to ontology/shapes.ttl; `report` holds the readable violations."""

    exit_code = 1

    def __init__(self, message: str, report: str = "") -> None:
        self.report = report
        super().__init__(message)


class QueryError(CoopgraphError):
    """A named query cannot run as asked (unknown name, broken header, missing parameter)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
        super().__init__(where + message)


class EndpointError(CoopgraphError):
    """A SPARQL endpoint did not answer or answered with an error."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        self.url = url
        self.status = status
        super().__init__(f"{url}: {message}")


class SchedulerError(CoopgraphError):
    """The Dask cluster of ``build --scheduler`` cannot run the extraction: dask is not installed,
    the scheduler does not answer or has no workers, or a worker's extractor is not this one."""

    def __init__(self, address: str, message: str) -> None:
        self.address = address
        super().__init__(f"{address}: {message}")
