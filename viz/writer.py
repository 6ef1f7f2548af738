"""``write_network``: the RDF graph in, one self-contained ``network.html`` out.

Why three functions: ``build_network`` does the work that depends on the graph (read, project,
lay out) and returns counts the CLI prints; ``save_network`` renders and writes it atomically;
``write_network`` is both in one call for the Python API and ``coopgraph build``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from coopgraph._atomic import atomic_write_text
from coopgraph.viz.layout import place_nodes
from coopgraph.viz.model import GraphSets, read_model
from coopgraph.viz.page import render_page
from coopgraph.viz.payload import JSONObject, make_payload
from coopgraph.viz.views import build_view, ego_actors, most_connected_actors

DEFAULT_TITLE = "coopgraph cooperation network"

_NODE_WORDS = {"actor": "actors", "event": "events", "place": "places (aimags and the capital)"}
_EDGE_WORDS = {"actors": "cooperation links", "bipartite": "roles", "places": "actor–place links"}


@dataclass(frozen=True)
class Network:
    """One view of the graph, laid out and ready to render."""

    view: str
    focus: str | None
    depth: int
    payload: JSONObject
    counts: dict[str, int]
    sources: tuple[str, ...]
    node_count: int
    edge_count: int


#: Without ``focus``, a page shows at most this many actors (the most connected ones).
MAX_PAGE_ACTORS = 2000


def build_network(graph: Dataset | Graph | ox.Store | GraphSets, *, view: str = "actors", focus: str | None = None,
                  depth: int = 1, max_actors: int | None = MAX_PAGE_ACTORS) -> Network:
    """Project ``graph`` into ``view`` (the ego network of ``focus`` when given) and lay it out.

    Without ``focus`` and with more than ``max_actors`` actors, only the ``max_actors`` most
    connected are drawn (None or 0: all), and the page's counts say how many were left out.

    Raises:
        InputError: unknown view, no actor named ``focus``, negative depth, or no actor at all.
    """
    model = read_model(graph)
    keep = ego_actors(model, focus, depth) if focus is not None else None
    left_out = 0
    if keep is None and max_actors and len(model.actors) > max_actors:
        keep = most_connected_actors(model, max_actors)
        left_out = len(model.actors) - len(keep)
    g = build_view(model, view, keep)
    payload = make_payload(model, g, place_nodes(g))
    counts: dict[str, int] = {}
    for node in sorted(g.nodes):
        kind = g.nodes[node]["kind"]
        counts[_NODE_WORDS[kind]] = counts.get(_NODE_WORDS[kind], 0) + 1
    counts[_EDGE_WORDS[view]] = g.number_of_edges()
    if g.graph.get("elsewhere"):
        counts["events abroad or without an aimag left out"] = int(g.graph["elsewhere"])
    if left_out:
        counts["less connected actors left out (see coopgraph viz --focus)"] = left_out
    payload["view"] = view
    payload["focus"] = focus
    return Network(view=view, focus=focus, depth=depth, payload=payload, counts=counts,
                   sources=model.documents, node_count=g.number_of_nodes(),
                   edge_count=g.number_of_edges())


def save_network(network: Network, path: Path, *, title: str = DEFAULT_TITLE,
                 sources: Sequence[str] | None = None, build_date: str | None = None) -> Path:
    """Render ``network`` and write it to ``path`` atomically; returns the path.

    ``sources`` (document names) defaults to the documents recorded in the graph.

    Raises:
        AssetError: vis-network or the template is missing from the installation.
        OSError: the file cannot be written.
    """
    shown = tuple(sources) if sources is not None else network.sources
    payload: JSONObject = {**network.payload, "title": title}
    page = render_page(payload, title=title, build_date=build_date, counts=network.counts,
                       sources=shown)
    return atomic_write_text(path, page)


def write_network(graph: Dataset | Graph | ox.Store | GraphSets, path: Path, *, view: str = "actors",
                  focus: str | None = None, depth: int = 1, title: str = DEFAULT_TITLE,
                  sources: Sequence[str] | None = None, build_date: str | None = None,
                  max_actors: int | None = MAX_PAGE_ACTORS) -> Path:
    """Write the interactive cooperation network of ``graph`` to ``path`` as one HTML file.

    The page is self-contained (no URL is loaded), deterministic (the same graph and arguments
    give the same bytes; pass ``build_date`` to show one), and escapes all document text.

    Raises:
        InputError: unknown view, no actor named ``focus``, negative depth, or no actor at all.
        AssetError: vis-network or the template is missing from the installation.
        OSError: the file cannot be written.
    """
    network = build_network(graph, view=view, focus=focus, depth=depth, max_actors=max_actors)
    return save_network(network, Path(path), title=title, sources=sources,
                        build_date=build_date)
