"""``coopgraph push``: load the built graph into a SPARQL server."""

from __future__ import annotations

import argparse
import sys

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import ENV_HELP, add_graph_source, positive_number
from coopgraph.queries.default_graph import hidden_graphs_message


def run_push(args: argparse.Namespace) -> int:
    from coopgraph.queries.push import push_graph

    report = push_graph(args.graph_file or args.output, args.endpoint,
                        update_endpoint=args.update_endpoint, store_endpoint=args.store_endpoint,
                        timeout=args.timeout)
    print(f"pushed {report.triples} triples in {report.graphs} graphs to {args.endpoint} "
          f"by {report.method} in {report.seconds:.2f} s")
    if not report.visible:
        print(f"warning: {hidden_graphs_message(args.endpoint)}", file=sys.stderr)
    return 0


COMMAND = Command(
    run_push,
    description="Send each named graph of the built graph to a SPARQL server with the "
                "Graph Store HTTP Protocol (PUT replaces the graph), falling back to SPARQL "
                "Update in batches. For an Oxigraph-style endpoint ending in /query, the "
                "/store and /update URLs are derived. " + ENV_HELP,
    options=(
        option("--endpoint", required=True, metavar="URL", help="the server's query endpoint"),
        option("--update-endpoint", metavar="URL", help="SPARQL Update endpoint"),
        option("--store-endpoint", metavar="URL", help="Graph Store HTTP Protocol endpoint"),
        option("--timeout", type=positive_number, default=30, metavar="SECONDS",
               help="give up on a request not done after this many seconds, from "
                    "connecting to the server's last byte; each graph is one request "
                    "(default: 30)"),
        add_graph_source,
    ),
)
