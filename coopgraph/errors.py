"""The exceptions coopgraph raises.

The library never prints or exits: it raises one of these, and the CLI turns it into a one-line
message and an exit code (2 for input, usage and endpoint errors, 1 for a failed check).

    CoopgraphError
    ├── InputError        a document or file cannot be read (.path)
    ├── ExtractionError   a loader failed on a readable document (.path)
    ├── ValidationError   the graph breaks the SHACL shapes (.report)
    ├── QueryError        unknown query, bad header, missing parameter (.file, .line)
    └── EndpointError     a SPARQL server is unreachable or refused (.url, .status)
"""

from __future__ import annotations

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
