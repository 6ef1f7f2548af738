"""``build_graph``: extraction records in, an RDF dataset with named graphs out.

Named graphs: one per source document (``<base>graph/document/<slug>``), one for the entity
identity records and reference data (``<base>graph/reference``), one for derived cooperation
(``<base>graph/cooperation``). The same records in any order give the same triples and IRIs, so
serialisations are byte-identical; no blank node is ever made.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from coopgraph.graph.bulk import Triple, load_graphs, paused_gc
from coopgraph.graph.cooperation import add_pairs, derive_pairs
from coopgraph.graph.documents import SourceDocument, add_document_node, prepare_documents
from coopgraph.graph.entities import ACTOR_TYPES, WD, add_identity, add_mentions
from coopgraph.graph.event_identity import EventIdentities, resolve_events
from coopgraph.graph.events import DocumentWriter, EventFact, RelationFact, add_event_facts
from coopgraph.graph.evidence import OA
from coopgraph.graph.identity import Identities, resolve_entities
from coopgraph.defaults import DEFAULT_BASE_IRI
from coopgraph.graph.iris import check_base_iri, mint
from coopgraph.graph.tables import BuildTables, reduce_tables
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import ExtractionRecord

PREFIXES: dict[str, Namespace] = {
    "cg": Namespace(str(CG._NS)), "cgc": Namespace(str(CGC._NS)), "dcterms": Namespace(str(DCTERMS._NS)),
    "oa": OA, "owl": Namespace(str(OWL._NS)), "prov": Namespace(str(PROV._NS)), "rdf": Namespace(str(RDF._NS)),
    "rdfs": Namespace(str(RDFS._NS)), "skos": Namespace(str(SKOS._NS)), "wd": WD, "xsd": Namespace(str(XSD._NS)),
}


def reference_graph_iri(base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The named graph holding entity identities (labels, types, Wikidata links)."""
    return mint(base_iri, "graph", "reference")


def cooperation_graph_iri(base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The named graph holding the derived cooperation nodes and edges."""
    return mint(base_iri, "graph", "cooperation")


def new_dataset() -> Dataset:
    """An empty dataset with coopgraph's prefixes bound (queries see the union of graphs)."""
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def bind_prefixes(g: Graph) -> None:
    """Bind the prefixes used in coopgraph output (stable, readable Turtle)."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def build_graph(records: Sequence[ExtractionRecord], *,
                base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    """Turn extraction records into the coopgraph dataset.

    Records with the same content hash are recorded once (with both names); entities are merged
    across documents (see ``coopgraph.graph.identity``); references to unknown local ids, and
    relations whose predicate is not in the vocabulary, are left out.

    Raises:
        ValueError: ``base_iri`` is not an http(s) IRI ending in ``/`` or ``#``.
    """
    check_base_iri(base_iri)
    with paused_gc():
        return to_dataset(_build(records, base_iri))


def build_quads(records: Sequence[ExtractionRecord], *,
                base_iri: str = DEFAULT_BASE_IRI) -> dict[URIRef, set[Triple]]:
    """The same graph as ``build_graph``, as plain sets of triples per named graph.

    Why: filling rdflib's store costs about as much as building the triples, and several
    times their memory. ``validate_graph``, ``save_graph``, ``export_graph`` and ``summarise``
    accept this mapping directly, so a build that only writes files never needs the store;
    ``to_dataset`` makes one when a caller wants rdflib's API.

    Raises:
        ValueError: ``base_iri`` is not an http(s) IRI ending in ``/`` or ``#``.
    """
    check_base_iri(base_iri)
    with paused_gc():
        return _build(records, base_iri)


def build_quads_and_tables(records: Sequence[ExtractionRecord], *,
                           base_iri: str = DEFAULT_BASE_IRI
                           ) -> tuple[dict[URIRef, set[Triple]], BuildTables]:
    """``build_quads``, plus the reduce tables (counts, cooperation rows) the build prints and
    stores, taken from the merge's own tables instead of a pass over every triple.

    Raises:
        ValueError: ``base_iri`` is not an http(s) IRI ending in ``/`` or ``#``.
    """
    check_base_iri(base_iri)
    tables: list[BuildTables] = []
    with paused_gc():
        return _build(records, base_iri, tables), tables[0]


@dataclass(frozen=True)
class MergedBuild:
    """A built graph with what the merge decided: the documents as numbered, the entity and
    event identities, and the reduce tables. The pipeline writes the files from each
    document's cached chunk and this mapping (``coopgraph.graph.chunk_files``)."""

    quads: dict[URIRef, set[Triple]]
    tables: BuildTables
    documents: list[SourceDocument]
    identities: Identities
    events: EventIdentities


def build_merged(records: Sequence[ExtractionRecord], *,
                 base_iri: str = DEFAULT_BASE_IRI) -> MergedBuild:
    """``build_quads_and_tables``, keeping the merge's identities for the chunk mapping.

    Raises:
        ValueError: ``base_iri`` is not an http(s) IRI ending in ``/`` or ``#``.
    """
    check_base_iri(base_iri)
    tables: list[BuildTables] = []
    merges: list[tuple[list[SourceDocument], Identities, EventIdentities]] = []
    with paused_gc():
        quads = _build(records, base_iri, tables, merges)
    docs, ids, events = merges[0]
    return MergedBuild(quads, tables[0], docs, ids, events)


def to_dataset(graphs: Mapping[URIRef, Iterable[Triple]]) -> Dataset:
    """An rdflib dataset (prefixes bound, union as default) holding ``graphs``."""
    ds = new_dataset()
    with paused_gc():
        load_graphs(ds, graphs)
    return ds


def _build(records: Sequence[ExtractionRecord], base_iri: str,
           tables: list[BuildTables] | None = None,
           merges: list[tuple[list[SourceDocument], Identities, EventIdentities]] | None = None,
           ) -> dict[URIRef, set[Triple]]:
    """The named graphs of ``records``; the reduce tables are appended to ``tables`` if given,
    the documents and identities to ``merges``."""
    docs = prepare_documents(records, base_iri)
    ids = resolve_entities([d.record for d in docs], base_iri)
    sinks: dict[URIRef, set[Triple]] = defaultdict(set)
    reference = sinks[reference_graph_iri(base_iri)]
    for entity in ids.entities:
        add_identity(reference, entity)
    event_ids = resolve_events(docs, ids, base_iri)
    for iri in sorted(event_ids.facts, key=str):
        add_event_facts(reference, iri, event_ids.facts[iri])
    events: list[EventFact] = []
    relations: list[RelationFact] = []
    for index, doc in enumerate(docs):
        writer = DocumentWriter(sinks[doc.graph_iri], doc, index, ids, event_ids, base_iri)
        add_document(writer, events, relations)
    actors = frozenset(e.iri for e in ids.entities if e.type in ACTOR_TYPES)
    labels = {e.iri: e.name for e in ids.entities}
    pairs = derive_pairs(events, relations, actors)
    add_pairs(sinks[cooperation_graph_iri(base_iri)], pairs, base_iri, labels)
    if tables is not None:
        tables.append(reduce_tables(ids.entities, event_ids.iri_of.values(), pairs, labels))
    if merges is not None:
        merges.append((docs, ids, event_ids))
    return dict(sinks)


def add_document(writer: DocumentWriter, events: list[EventFact],
                 relations: list[RelationFact]) -> None:
    """Write one document's named graph through ``writer``; its event and relation facts (for
    cooperation) are appended to ``events`` and ``relations``."""
    doc, index, ids = writer.doc, writer.index, writer.ids
    add_document_node(writer.g, doc)
    add_mentions(writer.g, ids, index, doc.record.entities, doc.iri)
    for position, ev in enumerate(doc.record.events):
        events.append(writer.add_event(ev, position))
    for rel in doc.record.relations:
        fact = writer.add_relation(rel)
        if fact is not None:
            relations.append(fact)
    relations.extend(_project_relations(doc, index, ids))


def _project_relations(doc: SourceDocument, index: int, ids: Identities) -> list[RelationFact]:
    """A project's ``funders`` and ``implementers`` fields, as relations without a quote."""
    out = []
    for e in doc.record.entities:
        s = ids.iri_of.get((index, e.id))
        if e.type != "Project" or s is None:
            continue
        for predicate, targets in (("fundedBy", e.funders), ("implementedBy", e.implementers)):
            for t in targets:
                o = ids.iri_of.get((index, t))
                if o is not None and o != s:
                    out.append(RelationFact(s, predicate, o, None, doc.iri))
    return out
