"""The graph layer: extraction records in, an RDF dataset out, and what to do with it.

``build_graph`` is the only place that mints IRIs. The dataset has one named graph per source
document, one for entity identities (reference) and one for derived cooperation; ``save_graph``
writes ``graph.ttl`` (union) and ``graph.trig`` (named graphs) byte-identically for the same input.
"""

from __future__ import annotations

from coopgraph.graph.anchoring import anchor_record, find_span
from coopgraph.graph.builder import (
    build_graph,
    build_quads,
    cooperation_graph_iri,
    reference_graph_iri,
    to_dataset,
)
from coopgraph.graph.export import EXPORT_FORMATS, export_graph
from coopgraph.defaults import DEFAULT_BASE_IRI
from coopgraph.graph.network import to_networkx
from coopgraph.graph.serialization import to_nquads, to_trig, to_turtle, union_graph
from coopgraph.graph.storage import load_graph, resolve_graph_path, save_graph
from coopgraph.graph.summary import summarise
from coopgraph.graph.validation import ValidationReport, validate_graph
from coopgraph.slugs import slugify

__all__ = [
    "DEFAULT_BASE_IRI",
    "EXPORT_FORMATS",
    "ValidationReport",
    "anchor_record",
    "build_graph",
    "build_quads",
    "cooperation_graph_iri",
    "export_graph",
    "find_span",
    "load_graph",
    "reference_graph_iri",
    "resolve_graph_path",
    "save_graph",
    "slugify",
    "summarise",
    "to_dataset",
    "to_networkx",
    "to_nquads",
    "to_trig",
    "to_turtle",
    "union_graph",
    "validate_graph",
]
