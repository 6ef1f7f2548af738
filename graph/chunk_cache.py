"""The chunk cache: each document's graph chunk, made once and kept in the build directory.

Key (decision 0010): the document's content hash and name (the name gives its IRI), the
extractor's fingerprint (rules and reference data: they made the record), the builder's
fingerprint (the code that turns a record into triples and text) and the base IRI. Nothing
about the other documents is in the key: what the merge decides is applied on the way out
(``coopgraph.graph.chunk_mapping``), so adding a document never invalidates another's chunk.

Stored as one JSON file per chunk (``cache/chunks/<key>.json``): the standard library reads it
at several hundred MB/s, and unlike pickle a tampered file cannot run code. A file that does not
read back as a chunk is made again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from coopgraph._atomic import atomic_write_text
from coopgraph.graph.builder import PREFIXES
from coopgraph.graph.chunks import DocumentChunk, render_chunk
from coopgraph.graph.turtle import TermWriter
from coopgraph.records import ExtractionRecord

_FORMAT = 1  # bump when DocumentChunk's stored form changes


#: Gives a document's chunk when called (read from the cache when the writer reaches it).
ChunkSource = Callable[[], DocumentChunk]
#: A record's document name and content hash.
DocumentKey = tuple[str, str]


def cached_chunks(records: Sequence[ExtractionRecord], cache_dir: Path, *, extractor: str,
                  builder: str, base_iri: str, terms: TermWriter,
                  ) -> dict[DocumentKey, ChunkSource]:
    """Each record's chunk, by document name and content hash, as a source read when called.

    A record with no cached chunk (the extraction workers store the chunks of the documents
    they read: ``store_chunk``) gets one made here. Chunks of documents no longer built are
    removed.

    Why sources, not chunks: the chunks of 10,000 documents are ~700 MB of text. Read one at a
    time while the files are written, they are never in memory together.

    Raises:
        OutputError: a new chunk cannot be stored.
    """
    out: dict[DocumentKey, ChunkSource] = {}
    keys = []
    for record in records:
        name = document_key(record)
        key = chunk_key(record, extractor=extractor, builder=builder, base_iri=base_iri)
        if key is None:
            out[name] = _held(render_chunk(record, base_iri, terms))
            continue
        if not (cache_dir / f"{key}.json").is_file():
            save_chunk(cache_dir, key, render_chunk(record, base_iri, terms))
        keys.append(key)
        out[name] = partial(_load_or_make, cache_dir, key, record, base_iri, terms)
    prune_chunks(cache_dir, keys)
    return out


def store_chunk(record: ExtractionRecord, *, cache_dir: Path, extractor: str, builder: str,
                base_iri: str) -> str | None:
    """Make ``record``'s chunk and store it under its key; returns the key (None: the record
    has no content hash, nothing is stored).

    Why: run by the extraction worker that read the document (``load_documents``' ``map_record``),
    so the chunk is made and encoded in parallel, while the record is in hand, and never sent
    to the build process (at 1,000 documents 70 MB held there, and decoded and encoded again).

    Raises:
        OutputError: the chunk cannot be stored.
    """
    key = chunk_key(record, extractor=extractor, builder=builder, base_iri=base_iri)
    if key is not None:
        save_chunk(cache_dir, key, render_chunk(record, base_iri, _process_terms()))
    return key


@lru_cache(maxsize=1)
def _process_terms() -> TermWriter:
    """One term writer per worker process: a document's terms are mostly its predicates,
    classes and concepts, rendered once per process instead of once per document."""
    return TermWriter(PREFIXES)


def document_key(record: ExtractionRecord) -> DocumentKey:
    """(document name, content hash): how a record's chunk is found."""
    return record.document, record.source.sha256 if record.source else ""


def _held(chunk: DocumentChunk) -> ChunkSource:
    return lambda: chunk


def _load_or_make(cache_dir: Path, key: str, record: ExtractionRecord, base_iri: str,
                  terms: TermWriter) -> DocumentChunk:
    """The cached chunk; one that does not read back (a damaged file) is made and stored again.

    Raises:
        OutputError: the chunk made again cannot be stored.
    """
    chunk = load_chunk(cache_dir, key)
    if chunk is None:
        chunk = render_chunk(record, base_iri, terms)
        save_chunk(cache_dir, key, chunk)
    return chunk


def chunk_key(record: ExtractionRecord, *, extractor: str, builder: str,
              base_iri: str) -> str | None:
    """The cache key of ``record``'s chunk; None when the record has no content hash."""
    if record.source is None or not record.source.sha256:
        return None
    parts = [_FORMAT, record.source.sha256, record.document, extractor, builder, base_iri]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def load_chunk(cache_dir: Path, key: str) -> DocumentChunk | None:
    """The cached chunk under ``key``, or None (missing, unreadable or not a chunk)."""
    try:
        data = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return _chunk_of(data)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save_chunk(cache_dir: Path, key: str, chunk: DocumentChunk) -> None:
    """Store ``chunk`` under ``key`` (atomically; a crash leaves no half file).

    Raises:
        OutputError: the cache directory cannot be written.
    """
    data = {"graph": chunk.graph_iri, "document": chunk.document_iri,
            "blocks": chunk.blocks, "subjects": chunk.subjects, "entities": chunk.entities,
            "names": chunk.names, "events": chunk.events}
    # not staged with the build's outputs: the writer reads it back before they move
    atomic_write_text(cache_dir / f"{key}.json", json.dumps(data, ensure_ascii=False),
                      durable=False, stage=False)


def prune_chunks(cache_dir: Path, keep: Iterable[str]) -> None:
    """Remove the cached chunks of documents this build no longer has (changed or gone)."""
    wanted = {f"{key}.json" for key in keep}
    try:
        entries = list(cache_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.suffix == ".json" and entry.name not in wanted:
            entry.unlink(missing_ok=True)


def _chunk_of(data: Any) -> DocumentChunk:
    """A chunk from its stored form (raises TypeError, KeyError or ValueError if it is not)."""
    blocks, subjects = data["blocks"], data["subjects"]
    if not (isinstance(blocks, list) and isinstance(subjects, list) and len(blocks) == len(subjects)
            and all(isinstance(x, str) for x in blocks + subjects)):
        raise ValueError("not a chunk")
    entities, names, events = data["entities"], data["names"], data["events"]
    if not (isinstance(entities, dict) and isinstance(names, dict) and isinstance(events, list)):
        raise ValueError("not a chunk")
    return DocumentChunk(str(data["graph"]), str(data["document"]), tuple(blocks),
                         tuple(subjects), {str(k): str(v) for k, v in entities.items()},
                         {str(k): str(v) for k, v in names.items()}, tuple(str(e) for e in events))
