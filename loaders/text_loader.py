"""Plain text and Markdown documents: read the text, then run the rule-based extractor."""

from __future__ import annotations

from pathlib import Path

from coopgraph.loaders.documents import Document, document_from_text, read_document
from coopgraph.records import ExtractionRecord

_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def extract_document(document: Document) -> ExtractionRecord:
    """Extract entities, events and relations from a decoded document."""
    return ExtractionRecord(document=document.source.name, source=document.source)


def extract_text(text: str, name: str = "text.txt") -> ExtractionRecord:
    """Extract from text in memory (the Python API and tests)."""
    return extract_document(document_from_text(text, name))


class TextLoader:
    """Loader for ``.txt`` and ``.md`` files (and any other name whose bytes look like text)."""

    name = "text"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in _TEXT_SUFFIXES:
            return True
        return b"\x00" not in head and not head.startswith((b"%PDF", b"PK\x03\x04", b"<?xml"))

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        media = "text/markdown" if path.suffix.lower() in {".md", ".markdown"} else "text/plain"
        return extract_document(read_document(path, encoding=encoding, media_type=media))
