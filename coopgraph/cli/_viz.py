"""``coopgraph viz``: draw the built graph as one self-contained, interactive HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from rdflib import Dataset

from coopgraph.cli._options import add_output
from coopgraph.errors import InputError
from coopgraph.graph.serialization import parse_dataset
from coopgraph.viz import DEFAULT_TITLE, VIEWS, build_network, save_network

_FORMATS = {".trig": "trig", ".ttl": "turtle", ".nq": "nquads", ".jsonld": "json-ld"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "viz", help="write the interactive cooperation network (one HTML file)",
        description="Draw the graph of a build (BUILD_DIR/graph.trig, else graph.ttl) as one "
                    "self-contained HTML page that opens offline: actors coloured by category, "
                    "links weighted by shared events, search, filters, communities and a side "
                    "panel with each link's events and quoted evidence.")
    add_output(p)
    p.add_argument("--graph-file", type=Path, metavar="PATH",
                   help="graph to draw (.trig, .ttl, .nq or .jsonld) instead of the build's")
    p.add_argument("--view", choices=VIEWS, default="actors",
                   help="actors: who cooperates with whom (default); bipartite: actors and "
                        "their events; places: actors and the places of their events")
    p.add_argument("--focus", metavar="NAME",
                   help="only the ego network of this actor (name, acronym or IRI)")
    p.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --focus: cooperation steps to include (default: 1)")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="page to write (default: BUILD_DIR/network.html)")
    p.add_argument("--title", default=DEFAULT_TITLE, help="page title")
    p.add_argument("--build-date", metavar="DATE",
                   help="date shown in the page (none by default, so rebuilds are byte-identical)")
    p.set_defaults(func=run)


def find_graph_file(build_dir: Path) -> Path:
    """The graph a build wrote in ``build_dir`` (TriG preferred: it keeps named graphs).

    Raises:
        InputError: the build directory has no graph.
    """
    for name in ("graph.trig", "graph.ttl"):
        if (build_dir / name).is_file():
            return build_dir / name
    raise InputError(build_dir / "graph.trig",
                     "no graph here; run coopgraph build first (or pass --graph-file)")


def load_graph_file(path: Path) -> Dataset:
    """Parse a graph file by its extension.

    Raises:
        InputError: the file is missing, of an unknown kind, or not valid RDF.
    """
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, f"unknown graph format (expected {', '.join(_FORMATS)})")
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({exc})") from None
    try:
        return parse_dataset(data, fmt)
    except Exception as exc:  # rdflib raises many kinds of parser errors
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(path, f"not valid {fmt} ({first})") from None


def run(args: argparse.Namespace) -> int:
    build_dir = Path(args.output)
    source = args.graph_file or find_graph_file(build_dir)
    network = build_network(load_graph_file(source), view=args.view, focus=args.focus,
                            depth=args.depth)
    out = save_network(network, args.out or build_dir / "network.html", title=args.title,
                       build_date=args.build_date)
    counts = ", ".join(f"{n} {what}" for what, n in network.counts.items())
    print(f"wrote {out} ({counts})")
    return 0
