"""Choosing a loader for a file and walking directories of documents.

Loaders are found by content sniffing (first bytes plus name), in registration order; third
parties add loaders through the ``coopgraph.loaders`` entry-point group, each entry pointing to a
zero-argument callable that returns a :class:`~coopgraph.loaders.base.Loader`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from coopgraph.errors import InputError
from coopgraph.loaders.base import Loader
from coopgraph.loaders.structured.register import RegisterLoader
from coopgraph.loaders.formats.docx import DocxLoader
from coopgraph.loaders.formats.html import HtmlLoader
from coopgraph.loaders.structured.iati import IatiLoader
from coopgraph.loaders.formats.pdf import PdfLoader
from coopgraph.loaders.text.loader import TextLoader

ENTRY_POINT_GROUP = "coopgraph.loaders"
#: Names never treated as documents when walking a directory.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


def builtin_loaders() -> list[Loader]:
    """The loaders shipped with coopgraph, most specific first."""
    return [IatiLoader(), PdfLoader(), DocxLoader(), HtmlLoader(), RegisterLoader(), TextLoader()]


def available_loaders() -> list[Loader]:
    """Loaders registered by installed plugins, then the built-in ones."""
    return list(plugin_loaders()) + builtin_loaders()


@lru_cache(maxsize=1)
def plugin_loaders() -> tuple[Loader, ...]:
    """The loaders of the ``coopgraph.loaders`` entry-point group, by entry name.

    Found once per process: scanning every installed distribution's metadata took longer than
    extracting a short document (2,000 metadata reads for 30 documents). A plugin that fails to
    import is left out with a warning naming it, rather than stopping every build.
    ``plugin_loaders.cache_clear()`` looks again (after installing a plugin in a running process).
    """
    found: list[Loader] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            found.append(ep.load()())
        except Exception as exc:  # noqa: BLE001 - any import or constructor error of a plugin
            warnings.warn(f"loader plugin {ep.name!r} ({ep.value}) is ignored: it could not be "
                          f"loaded ({type(exc).__name__}: {exc})", RuntimeWarning, stacklevel=2)
    return tuple(found)


def find_loader(path: Path, loaders: Iterable[Loader] | None = None) -> Loader:
    """The first loader that recognises ``path``.

    Raises:
        InputError: no loader recognises the file.
    """
    with path.open("rb") as fh:
        head = fh.read(4096)
    for loader in loaders if loaders is not None else available_loaders():
        if loader.sniff(path, head):
            return loader
    raise InputError(path, "no loader for this kind of file; coopgraph reads text, Markdown, HTML, PDF, DOCX, "
                     "IATI XML and CSV/JSON registers")


@dataclass(frozen=True)
class Skipped:
    """A path left out of a directory walk, and why."""

    path: Path
    reason: str


def iter_document_paths(paths: Iterable[Path | str], skipped: list[Skipped] | None = None
                        ) -> Iterator[Path]:
    """Expand files and directories into document paths, sorted for deterministic builds.

    Directories are walked recursively; hidden files are skipped (and reported in ``skipped``).

    Raises:
        InputError: a path does not exist.
    """
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(p, "no such file or directory; check the path")
        if p.is_file():
            yield p
            continue
        for child in sorted(p.rglob("*")):
            if not child.is_file():
                continue
            rel = child.relative_to(p)
            reason = _skip_reason(rel)
            if reason:
                if skipped is not None:
                    skipped.append(Skipped(child, reason))
                continue
            yield child


def _skip_reason(rel: Path) -> str | None:
    """Why a file met while walking a directory is not a document, or None if it may be one."""
    if any(part.startswith(".") for part in rel.parts) or rel.name in _IGNORED_NAMES:
        return "hidden file"
    if rel.name.endswith(".gold.json"):
        return "gold annotation file (use it with coopgraph evaluate --gold)"
    return None
