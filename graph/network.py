"""The cooperation network as a networkx graph: actors as nodes, cooperation pairs as edges.

Why here: GraphML, GEXF and CSV exports (Gephi, Cytoscape, spreadsheets) need plain nodes and
weighted edges with attributes, read straight from the RDF (one pass over the triples).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from coopgraph.graph.serialization import union_graph
from coopgraph.ontology.namespace import CG

_TYPES = (("Organisation", CG.Organisation), ("Project", CG.Project))


def to_networkx(graph: Graph | Dataset) -> nx.Graph[str]:
    """Undirected graph of actors joined by cooperation.

    Node attributes: ``label``, ``type`` (Organisation or Project), and when known ``category``,
    ``acronym``, ``wikidata``. Edge attributes: ``weight`` (shared events), ``first_year``,
    ``last_year``, ``relations`` (stated relation names, comma-separated), ``cooperation`` (IRI).
    """
    if isinstance(graph, Dataset):
        graph = union_graph(graph)
    net: nx.Graph[str] = nx.Graph()
    for type_name, cls in _TYPES:
        for node in sorted({s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}, key=str):
            net.add_node(str(node), **_node_attributes(graph, node, type_name))
    for coop in sorted(set(graph.subjects(RDF.type, CG.Cooperation)), key=str):
        a, b = graph.value(coop, CG.firstActor), graph.value(coop, CG.secondActor)
        if a is None or b is None:
            continue
        net.add_edge(str(a), str(b), **_edge_attributes(graph, coop))
    return net


def _node_attributes(graph: Graph | Dataset, node: URIRef, type_name: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {"label": str(graph.value(node, RDFS.label) or node), "type": type_name}
    category = graph.value(node, CG.category)
    if category is not None:
        attrs["category"] = str(category).rsplit("category-", 1)[-1]
    acronym = graph.value(node, CG.acronym)
    if acronym is not None:
        attrs["acronym"] = str(acronym)
    same = sorted(str(o) for o in graph.objects(node, OWL.sameAs)
                  if str(o).startswith("http://www.wikidata.org/entity/"))  # not a former IRI
    if same:
        attrs["wikidata"] = same[0].rsplit("/", 1)[-1]
    return attrs


def _edge_attributes(graph: Graph | Dataset, coop: URIRef | Any) -> dict[str, Any]:
    attrs: dict[str, Any] = {"cooperation": str(coop), "weight": _int(graph.value(coop, CG.weight)) or 0}
    for key, prop in (("first_year", CG.firstYear), ("last_year", CG.lastYear)):
        value = _int(graph.value(coop, prop))
        if value is not None:
            attrs[key] = value
    relations = sorted(str(o) for o in graph.objects(coop, CG.viaRelation))
    if relations:
        attrs["relations"] = ",".join(relations)
    return attrs


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        py = value.toPython()
        return py if isinstance(py, int) else None
    return None
