"""``coopgraph export``: write a built graph in another format (RDF, GraphML, GEXF, CSV)."""

from __future__ import annotations

import argparse
from pathlib import Path

from coopgraph.cli._options import add_graph
from coopgraph.graph import EXPORT_FORMATS, export_graph, load_graph, resolve_graph_path
from coopgraph.graph.export import DEFAULT_NAMES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export", help="write a graph as Turtle, TriG, N-Quads, JSON-LD, GraphML, GEXF or CSV",
        description="Export a built graph. RDF formats (turtle, trig, nquads, jsonld) keep every "
                    "statement (trig, nquads and jsonld keep the named graphs); graphml and gexf "
                    "write the cooperation network for Gephi or Cytoscape; csv writes nodes.csv "
                    "and edges.csv.")
    p.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS, metavar="FORMAT",
                   help=f"one of: {', '.join(EXPORT_FORMATS)}")
    p.add_argument("-o", "--output", default=None, metavar="PATH",
                   help="file to write (for csv: a folder, or NAME.csv for NAME-nodes.csv and "
                        "NAME-edges.csv); default: next to the graph, e.g. graph.nq, network.gexf, csv/")
    add_graph(p)
    p.set_defaults(func=run)


#: Files ``coopgraph build`` writes itself: a default export never replaces them.
_BUILD_OUTPUTS = ("graph.ttl", "graph.trig")


def run(args: argparse.Namespace) -> int:
    source = resolve_graph_path(args.graph)
    target = Path(args.output) if args.output else source.parent / DEFAULT_NAMES[args.format]
    if args.output is None and target.name in _BUILD_OUTPUTS and target.is_file():
        print(f"{target} already holds the graph as {args.format} (written by coopgraph build); "
              "pass -o PATH to write a copy elsewhere")
        return 0
    for path in export_graph(load_graph(source), args.format, target):
        print(f"wrote {path}")
    return 0
