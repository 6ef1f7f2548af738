"""``coopgraph serve``: a local SPARQL endpoint (Oxigraph) over the built graph."""

from __future__ import annotations

import argparse
import signal

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import add_output
from coopgraph.queries.server import DEFAULT_BIND, DEFAULT_PORT, prepare_store, start_server


def run_serve(args: argparse.Namespace) -> int:
    store = prepare_store(args.output)
    server = start_server(store, host=args.bind, port=args.port, writable=args.writable)
    print(f"SPARQL endpoint: {server.query_url}", flush=True)
    if args.writable:
        print(f"writable, by anyone who can reach the port: update {server.update_url}  graph "
              f"store {server.store_url}", flush=True)
    else:
        print("read-only (--writable also takes SPARQL Update and Graph Store writes)",
              flush=True)
    print("try: coopgraph query who-cooperated-with-whom --endpoint "
          f"{server.query_url}   (Ctrl-C to stop)", flush=True)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # stop the child on TERM too
    try:
        wait_for_server(server)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
    print("stopped", flush=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def wait_for_server(server: object) -> None:
    """Block until the server process ends (Ctrl-C raises KeyboardInterrupt here)."""
    server.process.wait()  # type: ignore[attr-defined]


COMMAND = Command(
    run_serve,
    description="Load the built graph into an Oxigraph store inside the build folder and "
                "start Oxigraph's SPARQL server on it, read-only; stop with Ctrl-C. Queries "
                "see the union of the named graphs. The store is loaded again from the "
                "build at every start.",
    options=(
        add_output,
        option("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})"),
        option("--bind", default=DEFAULT_BIND, metavar="HOST",
               help=f"address to listen on (default: {DEFAULT_BIND}, this machine only)"),
        option("--writable", action="store_true",
               help="also take writes: SPARQL Update at /update and Graph Store PUT, POST "
                    "and DELETE at /store, from anyone who can reach the port, with no "
                    "password (Oxigraph's server has no authentication); with --bind "
                    "beyond 127.0.0.1 that is anyone on the network, and on a shared "
                    "machine every local user"),
    ),
)
