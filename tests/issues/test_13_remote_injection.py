"""Issue 13, item 1: no parameter value becomes query text on a remote endpoint.

What the issue found: for ``--endpoint``, values were written into
the ``VALUES`` block with rdflib's ``Literal.n3()``: a value holding a newline and ending in
``\\"`` closed the literal early, the next parameter became query text, and a real
``oxigraph serve`` returned the triples of a graph ``<urn:secret>`` in the ``year`` column.

Here a real Oxigraph server on 127.0.0.1 holds the bundled corpus and a ``<urn:secret>`` graph;
the exploit of the issue, and hypothesis' arbitrary strings, must come back as the very literals
sent and never reach that graph.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from coopgraph.cli import main
from coopgraph.errors import QueryError
from coopgraph.queries import EndpointBackend, run_query
from coopgraph.queries.library import QueryParam, to_term
from coopgraph.queries.server import OxigraphServer

SECRET = "TOP-SECRET-7c1f"
GASI = "https://w3id.org/coopgraph/id/organisation/government-agency-for-specialised-inspection"
ILO = "https://w3id.org/coopgraph/id/organisation/international-labour-organization"
#: The two values of the issue: the first closes the literal early, the second is query text.
EXPLOIT = {"actor": 'x\n\\"',
           "partner": f") (<{GASI}> <{ILO}>) }} GRAPH <urn:secret> {{ ?s ?p ?year }} #"}


def update(server: OxigraphServer, text: str) -> None:
    body = urllib.parse.urlencode({"update": text}).encode()
    with urllib.request.urlopen(urllib.request.Request(server.update_url, data=body),
                                timeout=10) as answer:
        assert answer.status in (200, 204)


@pytest.fixture(scope="module")
def secret_server(loaded_server: OxigraphServer) -> Iterator[OxigraphServer]:
    """The corpus server with a graph no library query may read; removed again afterwards."""
    update(loaded_server, f'INSERT DATA {{ GRAPH <urn:secret> {{ <urn:s> <urn:p> "{SECRET}" }} }}')
    yield loaded_server
    update(loaded_server, "DROP SILENT GRAPH <urn:secret>")


def test_the_exploit_of_the_issue_reads_no_other_graph(secret_server: OxigraphServer,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "evidence-between-actors", "--endpoint", secret_server.query_url,
            "--format", "csv"]
    for name, value in EXPLOIT.items():
        argv += ["--param", f"{name}={value}"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert SECRET not in out
    assert out.splitlines() == ["actor,partner,eventTitle,year,actorRole,partnerRole,quote,"
                                "document,event"]


#: Characters SPARQL's grammar gives a meaning to, so that short strings hit the edge cases often.
PIECES = [*'"\'\\\n\r\t\x00\x0b\x1b\x7f\x85\u2028#{}()<>?.;u0 ', "\\u0022", "\\U00000022",
          '"""', "'''", "GRAPH <urn:secret> { ?s ?p ?o }"]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
VALUES = st.one_of(st.text(max_size=40), HOSTILE)
ECHO = "SELECT ?actor ?partner WHERE { }"


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actor=VALUES, partner=VALUES)
@example(**EXPLOIT)
@example(actor="\\", partner="\\u0022 } #")
@example(actor='\n"', partner='"\n')
@example(actor="a\rb\x00c", partner="'''")
def test_any_string_comes_back_as_the_same_literal(secret_server: OxigraphServer, actor: str,
                                                   partner: str) -> None:
    backend = EndpointBackend(secret_server.query_url)
    sent = {"actor": Literal(actor), "partner": Literal(partner)}
    echoed = backend.select(ECHO, sent)
    assert echoed.columns == ("actor", "partner")
    assert echoed.rows == ((Literal(actor), Literal(partner)),)
    found = run_query(backend, "evidence-between-actors", {"actor": actor, "partner": partner})
    assert all(SECRET not in str(term) for row in found.rows for term in row)
    assert all(row[:2] == (Literal(actor), Literal(partner)) for row in found.rows)


@pytest.mark.parametrize("value", [
    "", "no-scheme", "http://a/b c", "http://a/<b>", 'http://a/"', "http://a/{b}", "http://a/|",
    "http://a/^", "http://a/`", "http://a/\\", "http://a/\n", "http://a/\x00", "http://a/\x7f",
    "http://a/> } GRAPH <urn:secret> { ?s ?p ?o } #", "http://a/\ud800",
])
def test_an_iri_outside_the_iriref_production_is_refused(value: str) -> None:
    from coopgraph.queries.terms import sparql_iri

    with pytest.raises(QueryError) as err:
        sparql_iri(value)
    assert "\n" not in str(err.value) and str(err.value).startswith("not a valid IRI")
    with pytest.raises(QueryError) as err:
        to_term(QueryParam("place", "iri", None, "http://x/", ""), value)
    assert "\n" not in str(err.value) and str(err.value).startswith("parameter place: ")


def test_terms_are_written_with_every_character_escaped() -> None:
    from coopgraph.queries.terms import sparql_term

    assert sparql_term(Literal('a"b\'c\\d\ne\rf\tg\x00h\x7fi\u2028j')) == (
        '"a\\"b\\\'c\\\\d\\ne\\rf\\tg\\u0000h\\u007Fi\\u2028j"')
    # A backslash before 'u' stays a backslash on servers that expand \u escapes before parsing
    # (SPARQL 1.1, section 19.2) as on those that do it while reading strings.
    assert sparql_term(Literal("\\u0022")) == '"\\\\\\u00750022"'
    assert sparql_term(Literal("2017", datatype=XSD.integer)) == (
        '"2017"^^<http://www.w3.org/2001/XMLSchema#integer>')
    assert sparql_term(Literal("Dornod", lang="mn-Latn")) == '"Dornod"@mn-Latn'
    assert sparql_term(URIRef(ILO)) == f"<{ILO}>"


def test_a_lone_surrogate_is_refused_in_one_line(secret_server: OxigraphServer,
                                                 corpus_build: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from coopgraph.queries.terms import sparql_term

    # What a non-UTF-8 byte on the command line becomes in Python (surrogateescape).
    for where in (["--endpoint", secret_server.query_url], ["-o", str(corpus_build)]):
        assert main(["query", "partners-of-actor", "--param", "actor=GASI\udcff", *where]) == 2
        err = capsys.readouterr().err
        assert err == ("error: parameter actor: not valid Unicode (lone surrogate U+DCFF at "
                       "offset 4); pass UTF-8 text\n")
    with pytest.raises(QueryError, match=r"lone surrogate U\+D800"):
        sparql_term(Literal("\ud800"))
