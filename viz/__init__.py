"""The interactive cooperation network: one self-contained HTML page drawn from the RDF graph.

``write_network(graph, path)`` is all most callers need; ``build_network`` + ``save_network``
split it for callers that want the counts first (the ``coopgraph viz`` command).
"""

from __future__ import annotations

from coopgraph.viz.page import AssetError
from coopgraph.viz.views import VIEWS
from coopgraph.viz.writer import DEFAULT_TITLE, Network, build_network, save_network, write_network

__all__ = [
    "DEFAULT_TITLE", "VIEWS", "AssetError", "Network", "build_network", "save_network",
    "write_network",
]
