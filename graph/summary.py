"""Counting what a graph holds, for the ``build`` summary line and for tests."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from coopgraph.ontology.namespace import CG

_COUNTED: tuple[tuple[str, URIRef], ...] = (
    ("organisations", CG.Organisation), ("people", CG.Person), ("projects", CG.Project),
    ("conventions", CG.Convention), ("policies", CG.Policy), ("places", CG.Place),
    ("events", CG.Event), ("cooperation_pairs", CG.Cooperation),
)


def summarise(graph: Graph | Dataset) -> dict[str, int]:
    """How many organisations, people, projects, conventions, policies, places, events and
    cooperation pairs the graph holds (distinct nodes, over all named graphs).

    Places count every node typed ``cg:Place`` or one of its subclasses.
    """
    place_classes = {CG.Place, CG.Country, CG.Aimag, CG.Soum, CG.City, CG.Region}
    seen: dict[str, set[URIRef]] = {key: set() for key, _ in _COUNTED}
    keys = {cls: key for key, cls in _COUNTED}
    graphs = list(graph.graphs()) if isinstance(graph, Dataset) else [graph]
    for g in graphs:
        for s, _, cls in g.triples((None, RDF.type, None)):
            if cls in place_classes:
                seen["places"].add(s)  # type: ignore[arg-type]
            elif cls in keys:
                seen[keys[cls]].add(s)  # type: ignore[arg-type, index]
    return {key: len(nodes) for key, nodes in seen.items()}
