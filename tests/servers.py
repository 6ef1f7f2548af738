"""Real SPARQL servers for tests: Oxigraph's ``oxigraph serve`` on 127.0.0.1, on a free port.

Also the graph built from the bundled corpus (extract → build_graph → save_graph), the input of
every query test. Imported by tests/conftest.py, so the fixtures are available everywhere.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopgraph.queries.server import OxigraphServer, start_server


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder with graph.ttl and graph.trig built from the bundled corpus."""
    from coopgraph.extraction import extract
    from coopgraph.graph import build_graph, save_graph

    out = tmp_path_factory.mktemp("corpus-build")
    save_graph(build_graph(extract()), out)
    return out


@pytest.fixture(scope="session")
def oxigraph_server() -> Iterator[OxigraphServer]:
    """An empty in-memory Oxigraph server (union default graph), stopped after the session."""
    server = start_server(None, host="127.0.0.1", port=free_port())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def loaded_server(oxigraph_server: OxigraphServer, corpus_build: Path) -> OxigraphServer:
    """The server with the bundled corpus graph pushed into it (Graph Store protocol)."""
    from coopgraph.queries.push import push_graph

    push_graph(corpus_build, oxigraph_server.query_url)
    return oxigraph_server
