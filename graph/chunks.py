"""A document's graph chunk: its named graph as Turtle text, made from the document alone.

Why (decision 0010, issue 14 item 1): a one-document change must cost one document. The chunk
is made once per document and cached (``coopgraph.graph.chunk_cache``); every IRI in it is the
one the document mints alone (``resolve_entities([record])``, its own event IRIs), so adding or
changing another document never invalidates it. The reduce (``coopgraph.graph.chunk_mapping``)
turns a chunk into the document's part of the output by substituting the few IRIs the merge
decides otherwise, and by writing again, in context, the few blocks whose content the merge
changes (an entity whose canonical name another document decides, an event merged with
another document's report).

The chunk keeps one Turtle block per subject (sorted as ``graph/turtle.py`` sorts them), the
subject of each block, and the small tables the reduce needs: local entity id → local IRI,
local IRI → the canonical name the document alone gives it, event position → local IRI.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopgraph.graph.builder import PREFIXES, add_document
from coopgraph.graph.bulk import Triple
from coopgraph.graph.documents import prepare_documents
from coopgraph.graph.event_identity import resolve_events
from coopgraph.graph.events import DocumentWriter
from coopgraph.graph.identity import resolve_entities
from coopgraph.graph.turtle import TermWriter, iter_blocks
from coopgraph.records import ExtractionRecord


@dataclass(frozen=True)
class DocumentChunk:
    """One document's named graph, minted from the document alone, in blocks."""

    #: The named graph's and the document node's IRIs as the document alone mints them.
    graph_iri: str
    document_iri: str
    #: One Turtle statement per subject (no indentation), in sorted subject order.
    blocks: tuple[str, ...]
    #: The subject IRI of each block.
    subjects: tuple[str, ...]
    #: Local entity id → the IRI the document alone gives it.
    entities: dict[str, str]
    #: Local entity IRI → the canonical name the document alone gives it.
    names: dict[str, str]
    #: The IRI of the event at each position of the record's events.
    events: tuple[str, ...]

    def text(self) -> str:
        """The chunk as the TriG body of its named graph (blocks apart by a blank line)."""
        return "\n".join(self.blocks)


def render_chunk(record: ExtractionRecord, base_iri: str,
                 terms: TermWriter | None = None) -> DocumentChunk:
    """The chunk of ``record``'s document as if it were the only document built.

    Raises:
        ValueError: ``base_iri`` is not an http(s) IRI ending in ``/`` or ``#``.
    """
    [doc] = prepare_documents([record], base_iri)
    ids = resolve_entities([record], base_iri)
    events = resolve_events([doc], ids, base_iri)
    triples: set[Triple] = set()
    add_document(DocumentWriter(triples, doc, 0, ids, events, base_iri), [], [])
    subjects, blocks = [], []
    for subject, block in iter_blocks(triples, terms or TermWriter(PREFIXES)):
        subjects.append(str(subject))
        blocks.append(block)
    entities = {local: str(iri) for (_rec, local), iri in sorted(ids.iri_of.items())}
    return DocumentChunk(
        str(doc.graph_iri), str(doc.iri), tuple(blocks), tuple(subjects), entities,
        {str(e.iri): e.name for e in ids.entities},
        tuple(str(events.iri_of[(0, p)]) for p in range(len(record.events))))
