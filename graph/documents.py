"""Source documents: one node and one named graph per distinct document content.

Why: a document read twice under two names (same SHA-256) must be recorded once with both names,
and documents must be numbered in an order that does not depend on the order of the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.iris import SlugRegistry, mint
from coopgraph.ontology.namespace import CG
from coopgraph.records import ExtractionRecord


@dataclass(frozen=True)
class SourceDocument:
    """A record with the IRIs of its document node and named graph."""

    record: ExtractionRecord
    names: tuple[str, ...]
    slug: str
    iri: URIRef
    graph_iri: URIRef

    @property
    def sha256(self) -> str:
        return self.record.source.sha256 if self.record.source else ""


def _sort_key(r: ExtractionRecord) -> tuple[str, str, str]:
    src = r.source
    return (r.document, src.sha256 if src else "", src.path if src else "")


def prepare_documents(records: Sequence[ExtractionRecord], base_iri: str) -> list[SourceDocument]:
    """Sort records, fold those with the same content hash into one, and mint document IRIs."""
    kept: list[tuple[ExtractionRecord, list[str]]] = []
    by_hash: dict[str, list[str]] = {}
    for r in sorted(records, key=_sort_key):
        sha = r.source.sha256 if r.source else ""
        if sha and sha in by_hash:
            if r.document not in by_hash[sha]:
                by_hash[sha].append(r.document)
            continue
        names = [r.document]
        if sha:
            by_hash[sha] = names
        kept.append((r, names))
    slugs = SlugRegistry()
    out = []
    for r, names in kept:
        slug = slugs.claim(PurePath(r.document).stem or r.document or "document")
        out.append(SourceDocument(r, tuple(names), slug, mint(base_iri, "document", slug),
                                  mint(base_iri, "graph", "document", slug)))
    return out


def add_document_node(g: TripleSink, doc: SourceDocument) -> None:
    """The ``cg:Document`` node: file name(s), content hash, title and media type."""
    g.add((doc.iri, RDF.type, CG.Document))
    g.add((doc.iri, RDF.type, PROV.Entity))
    g.add((doc.iri, RDFS.label, Literal(doc.names[0])))
    for other in doc.names[1:]:
        g.add((doc.iri, SKOS.altLabel, Literal(other)))
    src = doc.record.source
    if src is None:
        return
    if src.sha256:
        g.add((doc.iri, CG.sha256, Literal(src.sha256)))
    if src.title:
        g.add((doc.iri, DCTERMS.title, Literal(src.title)))
    if src.media_type:
        g.add((doc.iri, DCTERMS["format"], Literal(src.media_type)))
