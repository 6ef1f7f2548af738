"""``coopgraph viz``: draw the built graph as one self-contained, interactive HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import add_output
from coopgraph.graph import load_graph
from coopgraph.viz import DEFAULT_TITLE, VIEWS, build_network, save_network
from coopgraph.viz.writer import MAX_PAGE_ACTORS


def run(args: argparse.Namespace) -> int:
    build_dir = Path(args.output)
    graph = load_graph(args.graph_file or build_dir)
    network = build_network(graph, view=args.view, focus=args.focus, depth=args.depth,
                            max_actors=args.max_actors)
    out = save_network(network, args.out or build_dir / "network.html", title=args.title,
                       build_date=args.build_date)
    counts = ", ".join(f"{n} {what}" for what, n in network.counts.items())
    print(f"wrote {out} ({counts})")
    return 0


COMMAND = Command(
    run,
    description="Draw the graph of a build (BUILD_DIR/graph.trig, else graph.ttl) as one "
                "self-contained HTML page that opens offline: actors coloured by category, "
                "links weighted by shared events, search, filters, communities and a side "
                "panel with each link's events and quoted evidence.",
    options=(
        add_output,
        option("--graph-file", type=Path, metavar="PATH",
               help="graph to draw (.trig, .ttl, .nq, .nt or .jsonld) instead of the build's"),
        option("--view", choices=VIEWS, default="actors",
               help="actors: who cooperates with whom (default); bipartite: actors and "
                    "their events; places: actors and the aimags (and the capital) their events "
                    "took place in"),
        option("--focus", metavar="NAME",
               help="only the ego network of this actor (name, acronym or IRI)"),
        option("--depth", type=int, default=1, metavar="N",
               help="with --focus: cooperation steps to include (default: 1)"),
        option("--out", type=Path, metavar="FILE",
               help="page to write (default: BUILD_DIR/network.html)"),
        option("--max-actors", type=int, default=MAX_PAGE_ACTORS, metavar="N",
               help=f"without --focus, draw only the N most connected actors (default "
                    f"{MAX_PAGE_ACTORS}; 0: all — a very large page may not open)"),
        option("--title", default=DEFAULT_TITLE, help="page title"),
        option("--build-date", metavar="DATE",
               help="date shown in the page (none by default, so rebuilds are byte-identical)"),
    ),
)
