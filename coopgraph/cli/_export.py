"""``coopgraph export``: write a built graph in another format (RDF, GraphML, GEXF, CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coopgraph.cli._commands import Command, option
from coopgraph.defaults import DEFAULT_OUTPUT
from coopgraph.errors import InputError
from coopgraph.graph import EXPORT_FORMATS, export_graph, load_graph, resolve_graph_path
from coopgraph.graph.export import DEFAULT_NAMES


#: Files ``coopgraph build`` writes itself: a default export never replaces them.
_BUILD_OUTPUTS = ("graph.ttl", "graph.trig")
DEPRECATED_OUTPUT = ("warning: export -o PATH for the file to write is deprecated; use --out PATH "
                     "(-o is the build folder in every command)")


def run(args: argparse.Namespace) -> int:
    build_dir, out = _build_dir_and_target(args)
    source = resolve_graph_path(args.graph or build_dir)
    target = Path(out) if out else source.parent / DEFAULT_NAMES[args.format]
    if out is None and target.name in _BUILD_OUTPUTS and target.is_file():
        print(f"{target} already holds the graph as {args.format} (written by coopgraph build); "
              "pass --out PATH to write a copy elsewhere")
        return 0
    for path in export_graph(load_graph(source), args.format, target):
        print(f"wrote {path}")
    return 0


def _build_dir_and_target(args: argparse.Namespace) -> tuple[str, str | None]:
    """The build folder and the file to write, from ``-o`` and ``--out``.

    Why the guess: ``-o`` used to be export's file to write, and scripts pass it so. A ``-o``
    naming a folder that holds a built graph is the build folder (its meaning everywhere
    else); anything else is the old form, kept with a warning on stderr.
    """
    given = args.output
    if given is None or any((Path(given) / name).is_file() for name in _BUILD_OUTPUTS):
        return given or DEFAULT_OUTPUT, args.out
    if args.out is not None:
        raise InputError(Path(given), "no built graph in this -o folder (--out names the file "
                         "to write; -o is the build folder)")
    print(DEPRECATED_OUTPUT, file=sys.stderr)
    return DEFAULT_OUTPUT, given


COMMAND = Command(
    run,
    description="Export a built graph. RDF formats (turtle, trig, nquads, jsonld) keep every "
                "statement (trig, nquads and jsonld keep the named graphs); graphml and gexf "
                "write the cooperation network for Gephi or Cytoscape; csv writes nodes.csv "
                "and edges.csv.",
    options=(
        option("--format", "-f", required=True, choices=EXPORT_FORMATS, metavar="FORMAT",
               help=f"one of: {', '.join(EXPORT_FORMATS)}"),
        option("--out", default=None, metavar="PATH",
               help="file to write (for csv: a folder, or NAME.csv for NAME-nodes.csv and "
                    "NAME-edges.csv); default: next to the graph, e.g. graph.nq, network.gexf, csv/"),
        option("-o", "--output", default=None, metavar="DIR",
               help=f"build folder to export, as in every command (default: ./{DEFAULT_OUTPUT}); "
                    "the older '-o PATH' for the file to write still works, with a warning"),
        option("graph", nargs="?", default=None, metavar="GRAPH",
               help="graph file or build folder to export (default: the -o build folder)"),
    ),
)
