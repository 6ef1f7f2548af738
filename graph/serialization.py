"""Deterministic serialisation of coopgraph datasets.

Why not ``Dataset.serialize`` alone: rdflib's TriG and N-Quads writers emit named graphs in the
store's (hash-dependent) order, and in rdflib 7.6 they warn about deprecated Dataset methods.
Here every named graph is written as sorted Turtle, graphs in IRI order, so the same dataset
gives the same bytes in every process.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from coopgraph._atomic import atomic_write_chunks
from coopgraph.graph.builder import PREFIXES, bind_prefixes
from coopgraph.graph.bulk import Triple, fill_graph, graph_triples, paused_gc
from coopgraph.graph.turtle import (
    TermWriter, iter_trig, iter_turtle, write_nquads, write_trig, write_turtle,
)


@contextmanager
def quiet_dataset() -> Iterator[None]:
    """Silence rdflib 7.6's warnings about its own deprecated Dataset internals (parse, TriG)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"(Dataset\.\w+|ConjunctiveGraph) is deprecated",
                                category=DeprecationWarning)
        yield


def parse_dataset(data: str, fmt: str) -> Dataset:
    """A dataset from TriG, N-Quads, Turtle or JSON-LD text (parse errors propagate)."""
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    with quiet_dataset():
        ds.parse(data=data, format=fmt)
    return ds


def named_graphs(ds: Dataset) -> list[Graph]:
    """The non-empty named graphs of ``ds`` (the default graph included if non-empty), by IRI."""
    graphs = [g for g in ds.graphs() if len(g) > 0]
    return sorted(graphs, key=lambda g: str(g.identifier))


def union_graph(ds: Dataset | Graph | GraphSets) -> Graph:
    """All triples of every graph in one plain graph (what ``graph.ttl`` holds)."""
    out = Graph()
    bind_prefixes(out)
    with paused_gc():
        fill_graph(out, union_triples(ds))
    return out


#: A built graph without rdflib's store: named graph IRI → its triples (``build_quads``).
GraphSets = Mapping[URIRef, Collection[Triple]]


def graph_sets(ds: Dataset | GraphSets) -> list[tuple[URIRef | None, Collection[Triple]]]:
    """(graph name, triples) of every non-empty graph, by name; None names the default graph."""
    if isinstance(ds, Mapping):
        return [(name, ds[name]) for name in sorted(ds, key=str) if ds[name]]
    return [(_graph_name_iri(g.identifier), graph_triples(g)) for g in named_graphs(ds)]


def union_triples(ds: Dataset | Graph | GraphSets) -> set[Triple]:
    """The set of all triples of every graph of ``ds`` (or of the graph itself)."""
    if isinstance(ds, Graph) and not isinstance(ds, Dataset):
        return set(graph_triples(ds))
    out: set[Triple] = set()
    for _name, triples in graph_sets(ds):
        out.update(triples)
    return out


def to_turtle(g: Graph) -> str:
    """Sorted Turtle with coopgraph's prefixes (same triples → same bytes)."""
    with paused_gc():
        return write_turtle(graph_triples(g), PREFIXES)


def to_trig(ds: Dataset | GraphSets) -> str:
    """TriG: every non-empty named graph in IRI order, each one sorted like Turtle."""
    with paused_gc():
        return write_trig(graph_sets(ds), PREFIXES)


def write_graph_files(ds: Dataset | GraphSets, turtle_path: Path, trig_path: Path) -> list[Path]:
    """Stream the union Turtle and the TriG of ``ds`` to two files, each written atomically.

    Each graph is read once and each term rendered once for both files; neither text is ever
    held whole in memory.
    """
    with paused_gc():
        graphs = graph_sets(ds)
        union: set[Triple] = set()
        for _name, triples in graphs:
            union.update(triples)
        terms = TermWriter(PREFIXES)
        ttl = atomic_write_chunks(turtle_path, iter_turtle(union, PREFIXES, terms))
        del union
        trig = atomic_write_chunks(trig_path, iter_trig(graphs, PREFIXES, terms))
        return [ttl, trig]


def to_nquads(ds: Dataset | GraphSets) -> str:
    """N-Quads, one sorted line per quad (stable across runs)."""
    with paused_gc():
        return write_nquads(graph_sets(ds))


def _graph_name_iri(identifier: object) -> URIRef | None:
    if isinstance(identifier, URIRef) and identifier != DATASET_DEFAULT_GRAPH_ID:
        return identifier
    return None
