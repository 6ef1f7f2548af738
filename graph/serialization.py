"""Deterministic serialisation of coopgraph datasets.

Why not ``Dataset.serialize`` alone: rdflib's TriG and N-Quads writers emit named graphs in the
store's (hash-dependent) order, and in rdflib 7.6 they warn about deprecated Dataset methods.
Here every named graph is written as sorted Turtle, graphs in IRI order, so the same dataset
gives the same bytes in every process.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from coopgraph.graph.builder import PREFIXES, bind_prefixes
from coopgraph.graph.bulk import Triple, fill_graph, graph_triples, paused_gc
from coopgraph.graph.turtle import TermWriter, write_nquads, write_trig, write_turtle


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


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of every graph in one plain graph (what ``graph.ttl`` holds)."""
    out = Graph()
    bind_prefixes(out)
    with paused_gc():
        fill_graph(out, union_triples(ds))
    return out


def union_triples(ds: Dataset | Graph) -> set[Triple]:
    """The set of all triples of every graph of ``ds`` (or of the graph itself)."""
    if not isinstance(ds, Dataset):
        return set(graph_triples(ds))
    out: set[Triple] = set()
    for g in ds.graphs():
        out.update(graph_triples(g))
    return out


def to_turtle(g: Graph) -> str:
    """Sorted Turtle with coopgraph's prefixes (same triples → same bytes)."""
    with paused_gc():
        return write_turtle(graph_triples(g), PREFIXES)


def to_trig(ds: Dataset) -> str:
    """TriG: every non-empty named graph in IRI order, each one sorted like Turtle."""
    with paused_gc():
        return write_trig([(_graph_name_iri(g.identifier), graph_triples(g))
                           for g in named_graphs(ds)], PREFIXES)


def save_texts(ds: Dataset) -> tuple[str, str]:
    """The union Turtle and the TriG of ``ds``, each graph read once, terms rendered once."""
    with paused_gc():
        graphs = [(_graph_name_iri(g.identifier), graph_triples(g)) for g in named_graphs(ds)]
        union: set[Triple] = set()
        for _name, triples in graphs:
            union.update(triples)
        terms = TermWriter(PREFIXES)
        return write_turtle(union, PREFIXES, terms), write_trig(graphs, PREFIXES, terms)


def to_nquads(ds: Dataset) -> str:
    """N-Quads, one sorted line per quad (stable across runs)."""
    with paused_gc():
        return write_nquads([(_graph_name_iri(g.identifier), graph_triples(g))
                             for g in named_graphs(ds)])


def graph_name(identifier: object) -> URIRef | None:
    """A named graph's IRI, or None for the dataset's default graph."""
    return _graph_name_iri(identifier)


def _graph_name_iri(identifier: object) -> URIRef | None:
    if isinstance(identifier, URIRef) and identifier != DATASET_DEFAULT_GRAPH_ID:
        return identifier
    return None
