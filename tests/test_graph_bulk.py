"""graph/bulk.py: filling rdflib's Memory store directly gives the same dataset as ``addN``.

The fixture is the bundled corpus's gold graph (tests/data/gold), whose entity triples sit in
several named graphs at once (e.g. Ulaanbaatar's ``cg:mentionedIn`` in both documents)."""

from __future__ import annotations

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from coopgraph.graph import build_graph
from coopgraph.graph.bulk import load_graphs
from coopgraph.ontology.namespace import CG
from graph_support import gold_records

UB = URIRef("https://w3id.org/coopgraph/id/place/ulaanbaatar")


def _graphs() -> dict[URIRef, set[tuple]]:
    ds = build_graph(gold_records())
    return {g.identifier: set(g) for g in ds.graphs() if len(g)}


def _slow(graphs: dict[URIRef, set[tuple]]) -> Dataset:
    ds = Dataset(default_union=True)
    for name in sorted(graphs, key=str):
        g = ds.graph(name)
        for t in graphs[name]:
            g.add(t)
    return ds


def test_fast_fill_equals_triple_by_triple_adds():
    graphs = _graphs()
    fast = Dataset(default_union=True)
    load_graphs(fast, graphs)
    slow = _slow(graphs)
    assert len(fast) == len(slow) > 800
    assert set(fast.quads()) == set(slow.quads())
    for name, triples in graphs.items():
        assert set(fast.graph(name)) == triples
    shared = _graph_names(fast, (UB, CG.mentionedIn, None))
    assert shared == _graph_names(slow, (UB, CG.mentionedIn, None))
    assert len(shared) == 2
    assert set(fast.subjects(RDF.type, CG.Aimag)) == set(slow.subjects(RDF.type, CG.Aimag)) != set()


def test_fast_filled_store_can_still_change():
    graphs = _graphs()
    fast = Dataset(default_union=True)
    load_graphs(fast, graphs)
    name = next(n for n in graphs if "document/secim" in str(n))
    g = fast.graph(name)
    before = len(g)
    g.remove((UB, None, None))
    assert (UB, CG.mentionedIn, None) not in g and len(g) < before
    assert (UB, CG.mentionedIn, None) in fast  # the other document still says it
    g.add((UB, CG.mentionedIn, URIRef("https://example.org/doc")))
    assert (UB, CG.mentionedIn, URIRef("https://example.org/doc")) in fast


def test_a_store_already_holding_data_takes_the_public_path():
    graphs = _graphs()
    ds = Dataset(default_union=True)
    extra = (UB, RDF.type, CG.Place)
    ds.graph(URIRef("https://example.org/g")).add(extra)
    load_graphs(ds, graphs)
    assert len(ds) == len(_slow(graphs)) and extra in ds


def _graph_names(ds: Dataset, pattern) -> set[URIRef]:
    """The names of the graphs holding triples that match ``pattern``."""
    return {c.identifier for _t, ctxs in ds.store.triples(pattern, context=None)
            for c in ctxs if c is not None}
