"""The loader interface: a source in, an extraction record out.

A loader is any object with ``media_types``, ``sniff`` and ``load``. New formats plug in through the
``coopgraph.loaders`` entry-point group (see loaders/registry.py), so a third party can add one
without touching coopgraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from coopgraph.records import ExtractionRecord


@runtime_checkable
class Loader(Protocol):
    """Turns one document file into an :class:`ExtractionRecord`."""

    #: A short name shown in reports and accepted by ``--loader``.
    name: str

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when this loader can read the file, judged from its name and first bytes."""
        ...

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read the file and extract what it says.

        Raises:
            InputError: the file cannot be read (empty, binary, bad encoding, too large).
            ExtractionError: the content is malformed for this format.
        """
        ...
