"""Exports for other tools: RDF formats that round-trip, and network formats for Gephi,
Cytoscape and spreadsheets.

Formats: turtle (union graph), trig and nquads (named graphs kept), jsonld (named graphs, the
context of ``ontology/context.jsonld``), graphml and gexf (the cooperation network), csv
(``nodes.csv`` + ``edges.csv``). Every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
from rdflib import Dataset

from coopgraph._atomic import atomic_write_text
from coopgraph.errors import InputError
from coopgraph.graph.network import to_networkx
from coopgraph.graph.builder import PREFIXES, to_dataset
from coopgraph.graph.bulk import paused_gc
from coopgraph.graph.jsonld import write_jsonld
from coopgraph.graph.serialization import (
    GraphSets,
    graph_sets,
    to_nquads,
    to_trig,
    union_triples,
)
from coopgraph.graph.turtle import write_turtle
from coopgraph.ontology import context_path

EXPORT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv")

#: The file name (or suffix) each format writes by default.
DEFAULT_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq",
                 "jsonld": "graph.jsonld", "graphml": "network.graphml", "gexf": "network.gexf",
                 "csv": "csv"}

_NODE_COLUMNS = ("id", "label", "type", "category", "acronym", "wikidata")
_EDGE_COLUMNS = ("source", "target", "source_label", "target_label", "weight", "first_year",
                 "last_year", "relations", "cooperation")


def export_graph(dataset: Dataset | GraphSets, fmt: str, path: Path | str) -> list[Path]:
    """Write ``dataset`` in format ``fmt`` to ``path``; returns the files written.

    For csv, ``path`` is a folder (``nodes.csv`` and ``edges.csv`` go in it) or a file name
    ending in ``.csv`` whose stem prefixes both (``net.csv`` → ``net-nodes.csv``, ``net-edges.csv``).

    Raises:
        InputError: unknown format.
        OSError: the files cannot be written.
    """
    target = Path(path)
    if fmt not in EXPORT_FORMATS:
        raise InputError(None, f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "csv":
        return _write_csv(_as_dataset(dataset), target)
    return [atomic_write_text(target, _render(dataset, fmt))]


def _as_dataset(dataset: Dataset | GraphSets) -> Dataset:
    return dataset if isinstance(dataset, Dataset) else to_dataset(dataset)


def _render(dataset: Dataset | GraphSets, fmt: str) -> str:
    if fmt == "turtle":
        with paused_gc():
            return write_turtle(union_triples(dataset), PREFIXES)
    if fmt == "trig":
        return to_trig(dataset)
    if fmt == "nquads":
        return to_nquads(dataset)
    if fmt == "jsonld":
        return _jsonld(dataset)
    net = to_networkx(_as_dataset(dataset))
    lines = nx.generate_graphml(net) if fmt == "graphml" else nx.generate_gexf(net)
    return "\n".join(lines) + "\n"


def _jsonld(dataset: Dataset | GraphSets) -> str:
    """Sorted, byte-stable JSON-LD with the published context (named graphs kept)."""
    context = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    with paused_gc():
        return write_jsonld(graph_sets(dataset), context)


def _write_csv(dataset: Dataset, target: Path) -> list[Path]:
    if target.suffix.lower() == ".csv":
        nodes_path = target.with_name(f"{target.stem}-nodes.csv")
        edges_path = target.with_name(f"{target.stem}-edges.csv")
    else:
        nodes_path, edges_path = target / "nodes.csv", target / "edges.csv"
    net = to_networkx(dataset)
    nodes = [{"id": n, **attrs} for n, attrs in net.nodes(data=True)]
    edges = []
    for a, b, attrs in sorted(net.edges(data=True), key=lambda e: (e[0], e[1])):
        edges.append({"source": a, "target": b, "source_label": net.nodes[a].get("label", ""),
                      "target_label": net.nodes[b].get("label", ""), **attrs})
    return [atomic_write_text(nodes_path, _csv_text(_NODE_COLUMNS, nodes)),
            atomic_write_text(edges_path, _csv_text(_EDGE_COLUMNS, edges))]


def _csv_text(columns: tuple[str, ...], rows: list[dict[str, object]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return buf.getvalue()
