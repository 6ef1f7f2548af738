"""Gold extraction records ready for the graph tests (see tests/data/gold/README.md).

Each gold record gets the bundled document's name, path and SHA-256 and the offsets of its
evidence quotes in the document text, as a loader would give them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from coopgraph.corpus import bundled_corpus_dir
from coopgraph.graph import anchor_record
from coopgraph.records import ExtractionRecord, SourceInfo

GOLD_DIR = Path(__file__).parent / "data" / "gold"
DOCS = ("iom-labour-migration-workshop", "secim-labour-policy-news")


def document_text(stem: str) -> str:
    """The bundled document's text as loaders read it (UTF-8, line breaks normalised)."""
    raw = (bundled_corpus_dir() / f"{stem}.txt").read_bytes().decode("utf-8-sig")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


@cache
def gold_record(stem: str) -> ExtractionRecord:
    """The gold record of one bundled document, with source info and evidence offsets."""
    data = json.loads((GOLD_DIR / f"{stem}.gold.json").read_text(encoding="utf-8"))
    path = bundled_corpus_dir() / f"{stem}.txt"
    raw = path.read_bytes()
    source = SourceInfo(name=path.name, path=path.name, sha256=hashlib.sha256(raw).hexdigest(),
                        size=len(raw))
    record = replace(ExtractionRecord.from_dict(data), source=source)
    return anchor_record(record, document_text(stem))


def gold_records() -> list[ExtractionRecord]:
    """Both gold records, in document order."""
    return [gold_record(stem) for stem in DOCS]
