"""Where queries run: one ``QueryBackend`` Protocol, three implementations, one factory.

- ``OxigraphBackend`` (the embedded default): the built graph loaded into an in-memory
  pyoxigraph store, parameters passed as ``substitutions``. Chosen because it is fast enough for
  large graphs: at 10^6 triples a cooperation aggregate took 1.3 s on pyoxigraph against 83 s on
  rdflib's memory store (1.6 s through rdflib on the Oxigraph store), and pyoxigraph is already
  a dependency for ``coopgraph serve``.
- ``RdflibBackend``: an rdflib ``Dataset`` with parameters as ``initBindings``; slow, but pure
  Python and the reference for the parity tests.
- ``EndpointBackend``: any SPARQL 1.1 server through SPARQLWrapper; parameters become a
  ``VALUES`` block opening the WHERE clause, written with rdflib's ``term.n3()`` (never user text
  formatted into the query). Credentials come from COOPGRAPH_ENDPOINT_USER and
  COOPGRAPH_ENDPOINT_PASSWORD, never from the command line (which shows in ``ps``).

All backends query the union of the named graphs as the default graph (``graph.trig`` keeps one
named graph per document); a remote server must do the same (``coopgraph serve`` starts Oxigraph
with ``--union-default-graph``) or be given ``graph_iri``.
"""

from __future__ import annotations

import os
import socket
import urllib.error
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from coopgraph.errors import EndpointError, InputError, QueryError
from coopgraph.queries.library import where_brace
from coopgraph.queries.results import QueryResult, Term, make_result

ENV_USER = "COOPGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "COOPGRAPH_ENDPOINT_PASSWORD"
DEFAULT_BUILD_DIR = "coopgraph-out"
GRAPH_FILES: tuple[str, ...] = ("graph.trig", "graph.nq", "graph.ttl")
_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
            ".nt": ox.RdfFormat.N_TRIPLES}
_RDFLIB_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}
SERVE_HINT = "is the server running? try: coopgraph serve"


class QueryBackend(Protocol):
    """Something that answers a SELECT with parameters bound as RDF terms."""

    name: str

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        """Run a SELECT with ``bindings`` (variable name → term). Raises QueryError or
        EndpointError."""
        ...

    def close(self) -> None:
        """Release the store or connection."""
        ...


class OxigraphBackend:
    """The embedded default: an in-memory pyoxigraph store (see module docstring for why)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_file(cls, path: Path) -> OxigraphBackend:
        """Load a graph file (TriG, N-Quads, Turtle, N-Triples). Raises InputError."""
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=_FORMATS[path.suffix])
        except SyntaxError as exc:
            raise InputError(path, f"not valid RDF: {exc}") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
        return cls(store)

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
        try:
            solutions = self.store.query(sparql, substitutions=subs,
                                         use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("library queries must be SELECT queries")
        columns = [v.value for v in solutions.variables]
        rows = [[_from_ox(s[c]) for c in columns] for s in solutions]
        return make_result(columns, rows)

    def close(self) -> None:
        self.store = ox.Store()


class RdflibBackend:
    """rdflib's memory store with ``initBindings``: slow but pure Python (parity reference)."""

    name = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_file(cls, path: Path) -> RdflibBackend:
        """Parse a graph file into a union-default Dataset. Raises InputError."""
        ds = Dataset(default_union=True)
        try:
            ds.parse(path, format=_RDFLIB_FORMATS[path.suffix])
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
        except Exception as exc:  # rdflib parsers raise many types  # noqa: BLE001
            raise InputError(path, f"not valid RDF: {exc}") from None
        return cls(ds)

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        try:
            result = self.dataset.query(sparql, initBindings=dict(bindings))  # noqa: N803
        except Exception as exc:  # pyparsing errors for syntax  # noqa: BLE001
            raise QueryError(f"SPARQL error: {exc}") from None
        columns = [str(v) for v in result.vars or []]
        rows = [[_normal(r[i]) for i in range(len(columns))] for r in result]  # type: ignore[index]
        return make_result(columns, rows)

    def close(self) -> None:
        self.dataset = Dataset(default_union=True)


class EndpointBackend:
    """A remote SPARQL 1.1 endpoint through SPARQLWrapper, with a bounded timeout."""

    name = "endpoint"

    def __init__(self, url: str, *, graph_iri: str | None = None, timeout: float = 10) -> None:
        if not url.lower().startswith(("http://", "https://")):
            raise EndpointError(url, "not an http(s) URL; give the server's query endpoint, "
                                     "e.g. http://127.0.0.1:7878/query")
        self.url = url
        self.graph_iri = graph_iri
        self.timeout = timeout

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper  # imported on first remote use

        client = SPARQLWrapper(self.url)
        client.setQuery(values_query(sparql, bindings))
        client.setReturnFormat(JSON)
        client.setMethod(POST)
        client.setTimeout(int(self.timeout))
        if self.graph_iri:
            client.addDefaultGraph(self.graph_iri)
        user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
        if user:
            client.setCredentials(user, password or "")
        doc = call_endpoint(self.url, self.timeout, lambda: client.queryAndConvert())
        return _from_json(self.url, doc)

    def close(self) -> None:
        """Nothing to release: each query opens its own HTTP request."""


def values_query(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a ``VALUES`` block opening its WHERE clause, terms written by ``n3()``.

    At the start of the WHERE clause the values are visible to the whole top-level group (a
    trailing VALUES would join after aggregation and filtering). Raises QueryError when the
    query has no WHERE clause to put them in.
    """
    if not bindings:
        return sparql
    at = where_brace(sparql)
    if at < 0:
        raise QueryError("no 'WHERE {' to bind parameters in")
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(v.n3() for v in bindings.values())
    return f"{sparql[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{sparql[at:]}"


def call_endpoint(url: str, timeout: float, call: object) -> object:
    """Run one SPARQLWrapper call, turning its and urllib's exceptions into EndpointError."""
    from SPARQLWrapper import SPARQLExceptions as sx

    try:
        return call()  # type: ignore[operator]
    except (socket.timeout, TimeoutError):
        raise EndpointError(url, f"no answer after {timeout:g} s; {SERVE_HINT}") from None
    except urllib.error.HTTPError as exc:
        raise EndpointError(url, f"HTTP {exc.code}: {_http_body(exc)}", exc.code) from None
    except urllib.error.URLError as exc:
        raise EndpointError(url, f"{_reason(exc.reason, timeout)}; {SERVE_HINT}") from None
    except ConnectionError as exc:
        raise EndpointError(url, f"{exc.strerror or exc}; {SERVE_HINT}") from None
    except sx.SPARQLWrapperException as exc:
        status = {sx.QueryBadFormed: 400, sx.Unauthorized: 401, sx.EndPointNotFound: 404,
                  sx.URITooLong: 414, sx.EndPointInternalError: 500}.get(type(exc))
        raise EndpointError(url, _wrapper_message(exc, status), status) from None


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"no answer after {timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)


def _http_body(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace").strip()
    except Exception:  # noqa: BLE001 - the body is a courtesy
        body = ""
    return " ".join(body.split())[:300] or str(exc.reason)


def _wrapper_message(exc: Exception, status: int | None) -> str:
    text = " ".join(str(exc).split())
    for marker in ("Response:", "response:"):
        if marker in text:
            text = text.split(marker, 1)[1].strip().lstrip("b'\"").rstrip("'\"")
    prefix = f"HTTP {status}: " if status else ""
    return prefix + text[:300]


def _from_json(url: str, doc: object) -> QueryResult:
    if not isinstance(doc, dict) or "head" not in doc:
        raise EndpointError(url, "the answer is not SPARQL JSON results")
    columns = list(doc["head"].get("vars", []))
    rows = [[_json_term(b.get(c)) for c in columns] for b in doc["results"]["bindings"]]
    return make_result(columns, rows)


def _json_term(b: dict[str, str] | None) -> Term | None:
    if b is None:
        return None
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return _normal(Literal(value, lang=b.get("xml:lang"), datatype=b.get("datatype")))


def _to_ox(term: Identifier) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))


def _from_ox(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    return _normal(Literal(term.value, lang=term.language, datatype=term.datatype.value
                           if not term.language else None))


def _normal(term: object) -> Term | None:
    """Plain and xsd:string literals are the same term in RDF 1.1; keep one form."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term  # type: ignore[return-value]


def find_graph_file(graph_path: Path | str | None) -> Path:
    """The graph file to load: the path itself, or graph.trig/.nq/.ttl inside a build folder.

    Raises InputError when there is no built graph (telling the user to run coopgraph build).
    """
    path = Path(graph_path) if graph_path is not None else Path(DEFAULT_BUILD_DIR)
    if path.is_dir() or graph_path is None or (path.suffix not in _FORMATS and not path.exists()):
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(path / "graph.ttl", "no built graph; run coopgraph build first")
    if not path.is_file():
        raise InputError(path, "no such graph file; run coopgraph build first")
    if path.suffix not in _FORMATS:
        raise InputError(path, f"unknown graph format {path.suffix!r} (expected "
                         f"{', '.join(sorted(_FORMATS))})")
    return path


def open_backend(graph_path: Path | str | None = None, *, endpoint: str | None = None,
                 graph_iri: str | None = None, timeout: float = 10,
                 kind: str = "oxigraph") -> QueryBackend:
    """The backend the settings ask for: ``endpoint`` means remote, otherwise the built graph.

    ``graph_path`` is a graph file or a build folder (default ./coopgraph-out); ``kind`` picks
    the embedded engine (``oxigraph``, the default, or ``rdflib``). Raises InputError when
    there is no built graph.
    """
    if endpoint:
        return EndpointBackend(endpoint, graph_iri=graph_iri, timeout=timeout)
    path = find_graph_file(graph_path)
    if kind == "rdflib":
        return RdflibBackend.from_file(path)
    if kind != "oxigraph":
        raise QueryError(f"unknown backend kind {kind!r} (expected oxigraph or rdflib)")
    return OxigraphBackend.from_file(path)
