"""Does a SPARQL server's default graph show the named graphs that ``push`` sends?

Why: ``push`` puts every document in a named graph, and the library queries ask the default
graph (no FROM, no GRAPH). Virtuoso and ``coopgraph serve`` answer those over the union of the
named graphs; a plain ``oxigraph serve`` (and other stores by default) keeps the default graph
separate and empty, so every query gave "(0 rows)" with exit code 0 and no reason. Checked here,
the same way a query is sent (EndpointBackend: credentials, timeout, error messages).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef

from coopgraph.queries.backends import EndpointBackend
from coopgraph.queries.terms import sparql_term

#: What to do about it, in the words of the servers people run.
UNION_FIX = ("start Oxigraph with `oxigraph serve --union-default-graph` (coopgraph serve "
             "does), or pass --graph IRI to query one named graph")


@dataclass(frozen=True)
class DefaultGraphView:
    """Whether the default graph and the named graphs of a server hold any triple."""

    default_has_data: bool
    named_have_data: bool

    @property
    def hides_named_graphs(self) -> bool:
        """True when data sits only in named graphs that a query without GRAPH cannot see."""
        return self.named_have_data and not self.default_has_data


def hidden_graphs_message(url: str) -> str:
    """The one line shown by ``push`` and ``query`` when the default graph hides the data."""
    return (f"{url}: the server's default graph is not the union of its named graphs, so "
            f"queries find nothing of what push sent; {UNION_FIX}")


def inspect_default_graph(url: str, *, timeout: float = 10) -> DefaultGraphView:
    """Ask ``url`` whether its default graph, and any named graph, holds a triple.

    Raises EndpointError when the server does not answer.
    """
    backend = EndpointBackend(url, timeout=timeout)
    default = backend.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", {})
    named = backend.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", {})
    return DefaultGraphView(bool(default.rows), bool(named.rows))


def default_graph_sees(url: str, triple: tuple[URIRef, URIRef, URIRef | Literal], *,
                       timeout: float = 10) -> bool:
    """Whether a query over the default graph of ``url`` finds ``triple`` (no blank nodes).

    The triple is written by coopgraph.queries.terms, as every term sent to a server is. Raises
    EndpointError when the server does not answer.
    """
    if any(isinstance(term, BNode) for term in triple):
        raise ValueError("a triple with blank nodes cannot be asked for")
    pattern = " ".join(sparql_term(term) for term in triple)
    found = EndpointBackend(url, timeout=timeout).select(
        f"SELECT (1 AS ?found) WHERE {{ {pattern} }} LIMIT 1", {})
    return bool(found.rows)
