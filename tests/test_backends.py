"""Every library query gives the same rows on every backend; endpoint errors say what to do.

The remote backend is a real Oxigraph server started on 127.0.0.1 (tests/servers.py) with the
bundled corpus graph pushed into it; error paths use a small fake endpoint that answers with an
HTTP error or never answers.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal

from coopgraph.errors import EndpointError, InputError, QueryError
from coopgraph.queries import (EndpointBackend, list_queries, open_backend,
                               run_query)
from coopgraph.queries.backends import QueryShape, paged_query, query_shape, values_query
from coopgraph.queries.push import push_graph
from coopgraph.queries.server import OxigraphServer
from servers import row_keys

QUERIES = [q.name for q in list_queries()]


@pytest.fixture(scope="module")
def backends(corpus_build: Path, loaded_server: OxigraphServer) -> Iterator[dict[str, object]]:
    made = {"oxigraph": open_backend(corpus_build),
            "rdflib": open_backend(corpus_build, kind="rdflib"),
            "endpoint": open_backend(endpoint=loaded_server.query_url)}
    yield made
    for b in made.values():
        b.close()  # type: ignore[attr-defined]


@pytest.mark.slow  # rdflib's SPARQL engine on every query: about 9 CPU-s of the fast loop's 110
@pytest.mark.parametrize("name", QUERIES)
def test_every_query_gives_the_same_rows_on_every_backend(backends, name: str) -> None:  # type: ignore[no-untyped-def]
    params = next(q for q in list_queries() if q.name == name).example_params()
    results = {k: run_query(b, name, params) for k, b in backends.items()}
    reference = results["oxigraph"]
    assert len(reference) > 0, f"{name} with its example parameters returns no row"
    for kind, result in results.items():
        assert result.columns == reference.columns, kind
        assert row_keys(result) == row_keys(reference), kind


def test_remote_run_prints_the_same_table(backends) -> None:  # type: ignore[no-untyped-def]
    local = run_query(backends["oxigraph"], "who-cooperated-with-whom")
    remote = run_query(backends["endpoint"], "who-cooperated-with-whom")
    assert remote.to_table() == local.to_table()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=40))
def test_any_string_is_bound_as_a_literal_remotely(loaded_server: OxigraphServer, value: str) -> None:
    backend = EndpointBackend(loaded_server.query_url)
    result = run_query(backend, "events-in-place", {"place": value})
    assert all(row[0] == Literal(value) for row in result.rows)
    if value.strip().lower() not in {"dornod", "selenge", "zavkhan", "mongolia", "ulaanbaatar"}:
        assert len(result) == 0 or value.lower().startswith("http")


HOSTILE = ['"', "}", "#", "\n", "DROP ALL", "'", '" } DROP ALL { "', "ILO\n} #", "\\"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_leave_the_server_graph_unchanged(loaded_server: OxigraphServer,
                                                         value: str) -> None:
    backend = EndpointBackend(loaded_server.query_url)
    before = run_query(backend, "who-cooperated-with-whom")
    assert run_query(backend, "partners-of-actor", {"actor": value}).rows == ()
    assert row_keys(run_query(backend, "who-cooperated-with-whom")) == row_keys(before)


def test_values_block_opens_the_where_clause() -> None:
    text = values_query('SELECT ?a WHERE { ?s ?p ?a }', {"a": Literal('x" } #')})
    assert text == 'SELECT ?a WHERE {\n  VALUES (?a) { ("x\\" } #") }\n ?s ?p ?a }'


# --- paging past a server's row cap ----------------------------------------------------------

def test_query_shape_skips_braces_and_keywords_inside_values() -> None:
    text = values_query("PREFIX ex: <http://ex.org/a#>\nSELECT ?a ?b WHERE { ?a ex:p ?b }\n"
                        "ORDER BY ?b", {"b": Literal('} LIMIT 5 # {')})
    shape = query_shape(text)
    assert shape == QueryShape(body_start=text.index("SELECT"), has_order=True, limit=None,
                               offset=None)
    assert query_shape(text + " LIMIT 10 OFFSET 20") == QueryShape(shape.body_start, True, 10, 20)
    with pytest.raises(QueryError, match="braces do not balance"):
        query_shape("SELECT ?a WHERE { ?a ?b ?c")


def test_paged_query_keeps_the_prologue_and_makes_the_order_total() -> None:
    text = "PREFIX ex: <http://ex.org/>\nSELECT ?a ?b WHERE { ?a ex:p ?b }\nORDER BY DESC(?b)"
    page = paged_query(text, query_shape(text), ("a", "b"), 50, 100)
    assert page == ("PREFIX ex: <http://ex.org/>\nSELECT ?a ?b WHERE {\n  {\n"
                    "SELECT ?a ?b WHERE { ?a ex:p ?b }\nORDER BY DESC(?b) ?a ?b\n  }\n}\n"
                    "LIMIT 50 OFFSET 100")
    unordered = "SELECT ?a WHERE { ?a ?p ?o }"
    assert paged_query(unordered, query_shape(unordered), ("a",), 10, 0) == (
        "SELECT ?a WHERE {\n  {\nSELECT ?a WHERE { ?a ?p ?o }\nORDER BY ?a\n  }\n}\n"
        "LIMIT 10 OFFSET 0")


class CappedEndpoint(http.server.BaseHTTPRequestHandler):
    """A server that counts 5 rows, says it cut every answer at 2 rows, and ignores OFFSET."""

    def do_POST(self) -> None:
        query = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if b"COUNT" in query:
            body = (b'{"head": {"vars": ["rows"]}, "results": {"bindings": [{"rows": {"type": '
                    b'"literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", '
                    b'"value": "5"}}]}}')
        else:
            body = (b'{"head": {"vars": ["a"]}, "results": {"bindings": ['
                    b'{"a": {"type": "literal", "value": "1"}}, '
                    b'{"a": {"type": "literal", "value": "2"}}]}}')
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("X-SPARQL-MaxRows", "2")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_pages_that_do_not_add_up_are_an_error_not_an_endless_loop() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CappedEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        with pytest.raises(EndpointError) as err:
            EndpointBackend(url, timeout=5).select("SELECT ?a WHERE { ?a ?p ?o }", {})
    finally:
        server.shutdown()
        server.server_close()
    assert str(err.value) == (f"{url}: paging past the server's cap of 2 rows gave 6 rows where "
                              "the server counts 5")


# --- errors ----------------------------------------------------------------------------------

def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_endpoint_says_to_start_the_server() -> None:
    url = f"http://127.0.0.1:{closed_port()}/query"
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(url, timeout=2), "who-cooperated-with-whom")
    assert str(err.value) == f"{url}: connection refused; is the server running? try: coopgraph serve"
    assert err.value.url == url


class FakeEndpoint(http.server.BaseHTTPRequestHandler):
    """Answers every request with the class's status and body, or never when ``hang`` is set."""

    status = 500
    body = b"boom"
    hang = threading.Event()
    seen_auth: ClassVar[list[str | None]] = []

    def do_POST(self) -> None:
        FakeEndpoint.seen_auth.append(self.headers.get("Authorization"))
        if self.hang.is_set():
            threading.Event().wait(3)  # say nothing for longer than the client waits
            return
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(self.body)

    do_PUT = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeEndpoint)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeEndpoint.hang.clear()
    FakeEndpoint.seen_auth.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("status", "body"), [(500, b"storage on fire"), (400, b"Parse error: x"),
                                              (503, b"busy")])
def test_http_errors_carry_status_and_server_message(fake: str, status: int, body: bytes) -> None:
    FakeEndpoint.status, FakeEndpoint.body = status, body
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(fake, timeout=5), "who-cooperated-with-whom")
    assert err.value.status == status
    assert str(err.value) == f"{fake}: HTTP {status}: {body.decode()}"


def test_http_401_says_which_credentials_to_set(fake: str) -> None:
    # The body of a 401 is not shown: it says nothing a hint does not, and it is where proxies
    # echo the credentials they were sent (issue 13).
    FakeEndpoint.status, FakeEndpoint.body = 401, b"who are you"
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(fake, timeout=5), "who-cooperated-with-whom")
    assert err.value.status == 401
    assert str(err.value) == (f"{fake}: HTTP 401: unauthorized; set COOPGRAPH_ENDPOINT_USER and "
                              "COOPGRAPH_ENDPOINT_PASSWORD")


def test_silent_endpoint_times_out(fake: str) -> None:
    FakeEndpoint.hang.set()
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(fake, timeout=1), "who-cooperated-with-whom")
    assert str(err.value) == f"{fake}: no answer after 1 s; is the server running? try: coopgraph serve"


def test_credentials_come_from_the_environment(fake: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_USER", "analyst")
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_PASSWORD", "s3cret")
    FakeEndpoint.status, FakeEndpoint.body = 401, b"nope"
    with pytest.raises(EndpointError):
        run_query(EndpointBackend(fake, timeout=5), "who-cooperated-with-whom")
    assert FakeEndpoint.seen_auth and FakeEndpoint.seen_auth[-1] is not None


def test_syntax_error_from_a_real_server_shows_its_message(loaded_server: OxigraphServer) -> None:
    with pytest.raises(EndpointError) as err:
        EndpointBackend(loaded_server.query_url).select("SELECT ?x WHERE { ?x }", {})
    assert err.value.status == 400


def test_missing_build_says_run_build(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        open_backend(tmp_path / "coopgraph-out")
    assert str(err.value) == f"{tmp_path}/coopgraph-out/graph.ttl: no built graph; run coopgraph build first"


def test_unknown_backend_kind(corpus_build: Path) -> None:
    with pytest.raises(QueryError, match="unknown backend kind 'sqlite'"):
        open_backend(corpus_build, kind="sqlite")


# --- push ------------------------------------------------------------------------------------

def count_triples(url: str) -> int:
    result = EndpointBackend(url).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {})
    return int(result.rows[0][0])  # type: ignore[arg-type]


def test_push_replaces_what_was_there(corpus_build: Path, loaded_server: OxigraphServer) -> None:
    first = push_graph(corpus_build, loaded_server.query_url)
    assert first.method == "graph store" and first.graphs >= 3
    assert count_triples(loaded_server.query_url) == first.triples
    again = push_graph(corpus_build, loaded_server.query_url)
    assert count_triples(loaded_server.query_url) == again.triples == first.triples


def test_push_falls_back_to_sparql_update(corpus_build: Path, loaded_server: OxigraphServer) -> None:
    report = push_graph(corpus_build, loaded_server.query_url,
                        store_endpoint=loaded_server.url + "/no-store-here")
    assert report.method == "sparql update"
    assert count_triples(loaded_server.query_url) == report.triples
    rows = run_query(EndpointBackend(loaded_server.query_url), "evidence-between-actors",
                     {"actor": "GASI", "partner": "ILO"}).records()
    assert any("organized 2 day training" in str(r["quote"]) for r in rows)


def test_push_to_an_endpoint_of_unknown_layout_updates_the_endpoint_itself(
        corpus_build: Path) -> None:
    # Not /query (Oxigraph's layout): SPARQL Update goes to the given URL, as Virtuoso takes it;
    # here nothing listens there, and the error names the URL it tried.
    with pytest.raises(EndpointError, match=r"^http://127\.0\.0\.1:1/sparql: connection refused"):
        push_graph(corpus_build, "http://127.0.0.1:1/sparql")
