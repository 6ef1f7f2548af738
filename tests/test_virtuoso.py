"""The bundled graph pushed into a real OpenLink Virtuoso 7, queried back through the library.

Virtuoso runs on 127.0.0.1 with its own virtuoso.ini, a fresh dba password and a result cap of
VIRTUOSO_ROW_CAP (50) rows (tests/servers.py), so that results larger than the cap show that
paging brings every row back. Writes use HTTP Digest authentication, as Virtuoso requires.
Virtuoso answers a query without FROM over all its graphs: the union of the pushed named graphs
(plus its own system graph, which no library query can match).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal

from coopgraph.cli import main
from coopgraph.errors import EndpointError
from coopgraph.queries import EndpointBackend, OxigraphBackend, list_queries, open_backend, run_query
from coopgraph.queries.push import PushReport, push_graph
from servers import VIRTUOSO_ROW_CAP, VirtuosoServer, row_keys, virtuoso_server  # noqa: F401

#: Starts a Virtuoso server: part of the full run (.ci/run), not of the fast loop (issue 16).
pytestmark = pytest.mark.slow

QUERIES = [q.name for q in list_queries()]
IOM_GRAPH = "https://w3id.org/coopgraph/id/graph/document/iom-labour-migration-workshop"


def digest_env(mp: pytest.MonkeyPatch, password: str) -> None:
    mp.setenv("COOPGRAPH_ENDPOINT_USER", "dba")
    mp.setenv("COOPGRAPH_ENDPOINT_PASSWORD", password)
    mp.setenv("COOPGRAPH_ENDPOINT_AUTH", "digest")


def push_to(server: VirtuosoServer, build: Path) -> PushReport:
    return push_graph(build, server.query_url, update_endpoint=server.auth_url,
                      store_endpoint=server.store_url)


@pytest.fixture(scope="module")
def pushed(virtuoso_server: VirtuosoServer, corpus_build: Path) -> PushReport:  # noqa: F811
    """The bundled graph pushed into Virtuoso with digest authentication."""
    with pytest.MonkeyPatch.context() as mp:
        digest_env(mp, virtuoso_server.password)
        return push_to(virtuoso_server, corpus_build)


@pytest.fixture(scope="module")
def local(corpus_build: Path) -> Iterator[OxigraphBackend]:
    backend = open_backend(corpus_build)
    assert isinstance(backend, OxigraphBackend)
    yield backend
    backend.close()


@pytest.fixture
def remote(virtuoso_server: VirtuosoServer, pushed: PushReport) -> EndpointBackend:  # noqa: F811
    return EndpointBackend(virtuoso_server.query_url, timeout=30)


def graph_sizes(backend: object) -> dict[str, int]:
    """Triples per named graph of the pushed build (Virtuoso's own graphs left out)."""
    result = backend.select(  # type: ignore[attr-defined]
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/coopgraph/')) } GROUP BY ?g", {})
    return {str(g): int(n) for g, n in result.rows}  # type: ignore[arg-type]


def raw_select(url: str, query: str) -> tuple[int, str | None]:
    """Rows and X-SPARQL-MaxRows header of a plain HTTP request, bypassing coopgraph."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        doc = json.loads(answer.read())
        return len(doc["results"]["bindings"]), answer.headers.get("X-SPARQL-MaxRows")


# --- push ------------------------------------------------------------------------------------

def test_push_puts_every_named_graph_with_digest_auth(virtuoso_server: VirtuosoServer,  # noqa: F811
                                                      pushed: PushReport,
                                                      local: OxigraphBackend) -> None:
    expected = graph_sizes(local)
    assert pushed.method == "graph store"
    assert pushed.visible  # a query without FROM sees Virtuoso's named graphs
    assert pushed.graphs == len(expected) == 4
    assert pushed.triples == sum(expected.values())
    assert graph_sizes(EndpointBackend(virtuoso_server.query_url)) == expected


def test_push_again_replaces_the_graphs(virtuoso_server: VirtuosoServer,  # noqa: F811
                                        pushed: PushReport, corpus_build: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    again = push_to(virtuoso_server, corpus_build)
    assert again.triples == pushed.triples
    assert sum(graph_sizes(EndpointBackend(virtuoso_server.query_url)).values()) == pushed.triples


def test_push_by_sparql_update_with_digest_auth(virtuoso_server: VirtuosoServer,  # noqa: F811
                                                pushed: PushReport, corpus_build: Path,
                                                local: OxigraphBackend,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    report = push_graph(corpus_build, virtuoso_server.query_url,
                        update_endpoint=virtuoso_server.auth_url,
                        store_endpoint=virtuoso_server.url + "/no-store-here")
    assert report.method == "sparql update" and report.triples == pushed.triples
    assert graph_sizes(EndpointBackend(virtuoso_server.query_url)) == graph_sizes(local)


def test_push_with_the_default_password_is_refused(virtuoso_server: VirtuosoServer,  # noqa: F811
                                                   corpus_build: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, "dba")  # the package's default, replaced by the test setup
    with pytest.raises(EndpointError) as err:
        push_to(virtuoso_server, corpus_build)
    assert str(err.value) == (f"{virtuoso_server.store_url}: HTTP 401: unauthorized; check "
                              "COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD")
    assert err.value.status == 401


def test_push_with_basic_auth_is_refused_by_a_digest_server(
        virtuoso_server: VirtuosoServer, corpus_build: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_AUTH", "basic")
    with pytest.raises(EndpointError) as err:
        push_to(virtuoso_server, corpus_build)
    assert str(err.value) == (f"{virtuoso_server.store_url}: HTTP 401: unauthorized; the server "
                              "asks for HTTP Digest: set COOPGRAPH_ENDPOINT_AUTH=digest")
    assert err.value.status == 401


def test_push_without_credentials_says_which_to_set(virtuoso_server: VirtuosoServer,  # noqa: F811
                                                    corpus_build: Path) -> None:
    with pytest.raises(EndpointError) as err:
        push_to(virtuoso_server, corpus_build)
    assert str(err.value) == (f"{virtuoso_server.store_url}: HTTP 401: unauthorized; set "
                              "COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD")


# --- the library on Virtuoso -----------------------------------------------------------------

@pytest.mark.parametrize("name", QUERIES)
def test_every_query_gives_the_same_rows_in_the_same_order(remote: EndpointBackend,
                                                           local: OxigraphBackend,
                                                           name: str) -> None:
    params = next(q for q in list_queries() if q.name == name).example_params()
    expected = run_query(local, name, params)
    got = run_query(remote, name, params)
    assert len(expected) > 0, f"{name} with its example parameters returns no row"
    assert got.columns == expected.columns
    # Every ORDER BY in the library is total and sorts text by STR(): Virtuoso orders long
    # literals by their first 20 characters only, so the order must match too.
    assert row_keys(got, ordered=True) == row_keys(expected, ordered=True)


def test_remote_table_is_the_local_table(remote: EndpointBackend, local: OxigraphBackend) -> None:
    assert (run_query(remote, "partners-of-actor", {"actor": "ILO"}).to_table()
            == run_query(local, "partners-of-actor", {"actor": "ILO"}).to_table())


@pytest.mark.parametrize("value", ['"', "}", "#", "\n", "DROP ALL", '" } DROP ALL { "', "ILO\n} #"])
def test_hostile_values_are_matched_as_literals(remote: EndpointBackend, value: str) -> None:
    before = graph_sizes(remote)
    result = run_query(remote, "events-in-place", {"place": value})
    assert result.rows == ()
    assert result.columns[0] == "place"
    assert graph_sizes(remote) == before


def test_a_parameter_value_is_bound_on_virtuoso(remote: EndpointBackend) -> None:
    rows = run_query(remote, "events-in-place", {"place": "Dornod"}).rows
    assert len(rows) == 4 and all(r[0] == Literal("Dornod") for r in rows)


# --- the row cap -----------------------------------------------------------------------------

def test_the_server_really_cuts_results_at_its_cap(virtuoso_server: VirtuosoServer,  # noqa: F811
                                                   pushed: PushReport) -> None:
    text = next(q for q in list_queries() if q.name == "who-cooperated-with-whom").sparql
    assert raw_select(virtuoso_server.query_url, text) == (VIRTUOSO_ROW_CAP, str(VIRTUOSO_ROW_CAP))


def test_an_ordered_result_past_the_cap_comes_back_whole(remote: EndpointBackend,
                                                         local: OxigraphBackend) -> None:
    expected = run_query(local, "who-cooperated-with-whom")
    assert len(expected) > 3 * VIRTUOSO_ROW_CAP  # several pages, the last one short
    got = run_query(remote, "who-cooperated-with-whom")
    assert row_keys(got, ordered=True) == row_keys(expected, ordered=True)


def test_an_unordered_result_past_the_cap_comes_back_whole(remote: EndpointBackend,
                                                           corpus_build: Path) -> None:
    # Compared with rdflib, not Oxigraph: pyoxigraph's store turns integer-derived literals
    # such as "1276"^^xsd:nonNegativeInteger (oa:end) into xsd:integer, while Virtuoso and
    # rdflib keep the datatype they were given.
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{IOM_GRAPH}> {{ ?s ?p ?o }} }}"
    expected = open_backend(corpus_build, kind="rdflib").select(query, {})
    # several pages, the last one short (the leaner evidence model left this graph 131 triples)
    assert len(expected) > 2 * VIRTUOSO_ROW_CAP and len(expected) % VIRTUOSO_ROW_CAP
    got = remote.select(query, {})
    assert len(got) == len(expected)
    assert row_keys(got) == row_keys(expected)


def test_a_limit_above_the_cap_is_an_error_not_a_cut_result(remote: EndpointBackend) -> None:
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{IOM_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 200"
    with pytest.raises(EndpointError) as err:
        remote.select(query, {})
    assert str(err.value) == (
        f"{remote.url}: the server cut the result at its cap of {VIRTUOSO_ROW_CAP} rows "
        "(X-SPARQL-MaxRows) and the query has its own LIMIT/OFFSET, so it cannot be paged; "
        "raise the server's cap (Virtuoso: ResultSetMaxRows in virtuoso.ini) or ask for fewer rows")


def test_a_limit_at_the_cap_is_complete(remote: EndpointBackend) -> None:
    query = (f"SELECT ?s ?p ?o WHERE {{ GRAPH <{IOM_GRAPH}> {{ ?s ?p ?o }} }} "
             f"LIMIT {VIRTUOSO_ROW_CAP}")
    assert len(remote.select(query, {})) == VIRTUOSO_ROW_CAP


# --- authentication --------------------------------------------------------------------------

def test_queries_through_the_digest_endpoint(virtuoso_server: VirtuosoServer,  # noqa: F811
                                             pushed: PushReport, local: OxigraphBackend,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    got = run_query(EndpointBackend(virtuoso_server.auth_url), "evidence-between-actors",
                    {"actor": "GASI", "partner": "ILO"})
    assert any("organized 2 day training" in str(r["quote"]) for r in got.records())


def test_a_wrong_password_is_http_401(virtuoso_server: VirtuosoServer,  # noqa: F811
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, "dba")
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(virtuoso_server.auth_url), "who-cooperated-with-whom")
    assert str(err.value) == (f"{virtuoso_server.auth_url}: HTTP 401: unauthorized; check "
                              "COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD")
    assert err.value.status == 401


def test_an_unknown_auth_scheme_is_named(virtuoso_server: VirtuosoServer,  # noqa: F811
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_AUTH", "kerberos")
    with pytest.raises(EndpointError) as err:
        run_query(EndpointBackend(virtuoso_server.auth_url), "who-cooperated-with-whom")
    assert str(err.value) == (f"{virtuoso_server.auth_url}: COOPGRAPH_ENDPOINT_AUTH must be "
                              "basic or digest, not 'kerberos'")


# --- the CLI ---------------------------------------------------------------------------------

def test_cli_push_and_query_on_virtuoso(virtuoso_server: VirtuosoServer,  # noqa: F811
                                        corpus_build: Path, pushed: PushReport,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    digest_env(monkeypatch, virtuoso_server.password)
    code = main(["push", "--endpoint", virtuoso_server.query_url, "--update-endpoint",
                 virtuoso_server.auth_url, "--store-endpoint", virtuoso_server.store_url,
                 "-o", str(corpus_build)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(f"pushed {pushed.triples} triples in 4 graphs to "
                          f"{virtuoso_server.query_url} by graph store in ")
    assert main(["query", "who-cooperated-with-whom", "-o", str(corpus_build),
                 "--format", "csv"]) == 0
    local_csv = capsys.readouterr().out
    assert main(["query", "who-cooperated-with-whom", "--endpoint", virtuoso_server.query_url,
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out == local_csv


def test_missing_virtuoso_skips_or_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh machine skips the Virtuoso tests with the fix; CI (.ci/run) fails instead."""
    import servers
    monkeypatch.setattr(servers, "virtuoso_commands", lambda: None)
    monkeypatch.delenv(servers.REQUIRE_VIRTUOSO_ENV, raising=False)
    reason = ("Virtuoso 7 is not installed (no virtuoso-t/isql-vt on PATH); "
              "install it with .ci/install-virtuoso")
    with pytest.raises(pytest.skip.Exception) as skipped:
        servers.require_virtuoso()
    assert str(skipped.value) == reason
    monkeypatch.setenv(servers.REQUIRE_VIRTUOSO_ENV, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        servers.require_virtuoso()
    assert str(failed.value) == f"{reason} (COOPGRAPH_REQUIRE_VIRTUOSO=1)"
