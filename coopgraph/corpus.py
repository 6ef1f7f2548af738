"""The bundled corpus: copies of the first documents, shipped as package data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled_corpus_dir() -> Path:
    """Directory holding the bundled documents (inside the installed package)."""
    return Path(str(files("coopgraph.data") / "corpus"))


def bundled_documents() -> list[Path]:
    """The bundled documents, sorted by name."""
    return sorted(p for p in bundled_corpus_dir().iterdir() if p.suffix in {".txt", ".md"})
