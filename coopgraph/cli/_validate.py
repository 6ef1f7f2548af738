"""``coopgraph validate``: check a built graph against the SHACL shapes of ontology/shapes.ttl."""

from __future__ import annotations

import argparse
import sys

from coopgraph.cli._commands import Command, option
from coopgraph.defaults import DEFAULT_OUTPUT
from coopgraph.graph import load_graph, resolve_graph_path, validate_graph
from coopgraph.graph.validation import ENGINES

DEFAULT_GRAPH = f"{DEFAULT_OUTPUT}/graph.ttl"


def run(args: argparse.Namespace) -> int:
    path = resolve_graph_path(args.graph)
    dataset = load_graph(path)
    report = validate_graph(dataset, engine=args.engine)
    if report.conforms:
        print(f"{path}: conforms to the coopgraph shapes ({len(dataset)} triples)")
        return 0
    for line in report.violations:
        print(line)
    print(f"error: {path}: {len(report.violations)} SHACL violation(s) listed above", file=sys.stderr)
    return 1


COMMAND = Command(
    run,
    description="Validate a graph (.ttl, .trig, .nq, or a build directory) against "
                "ontology/shapes.ttl (coopgraph's SHACL Core checker, or pySHACL with --engine "
                "pyshacl). Prints one line per violation naming the "
                "node, the property and the problem. Exit status: 0 conforms, 1 violations, "
                "2 the graph cannot be read.",
    options=(
        option("--engine", choices=ENGINES, default="core",
               help="core: coopgraph's fast checker of the shapes (default); pyshacl: the "
                    "reference SHACL engine (same report, much slower on large graphs)"),
        option("graph", nargs="?", default=DEFAULT_GRAPH, metavar="GRAPH",
               help=f"graph file or build directory (default: ./{DEFAULT_GRAPH})"),
    ),
)
