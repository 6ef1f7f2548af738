"""Where queries run: one ``QueryBackend`` Protocol, three implementations, one factory.

- ``OxigraphBackend`` (the embedded default): the built graph loaded into an in-memory
  pyoxigraph store, parameters passed as ``substitutions``. Chosen because it is fast enough for
  large graphs: at 10^6 triples a cooperation aggregate took 1.3 s on pyoxigraph against 83 s on
  rdflib's memory store (1.6 s through rdflib on the Oxigraph store), and pyoxigraph is already
  a dependency for ``coopgraph serve``.
- ``RdflibBackend``: an rdflib ``Dataset`` with parameters as ``initBindings``; slow, but pure
  Python and the reference for the parity tests.
- ``EndpointBackend``: any SPARQL 1.1 server (the SPARQL 1.1 Protocol, query by POST);
  parameters become a ``VALUES`` block opening the WHERE clause, each value written by
  ``coopgraph.queries.terms.sparql_term``, which escapes every character SPARQL gives a meaning
  to, so that no value can become query text. Each request is bounded as a whole in time
  (``timeout``: connect to last byte) and size (``max_bytes``) by coopgraph.queries.transport,
  whose error lines quote the server only in a short, cleaned, credential-free excerpt.
  Credentials come from COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD, never from the
  command line (which shows in ``ps``); COOPGRAPH_ENDPOINT_AUTH picks HTTP ``basic`` (the
  default) or ``digest`` (Virtuoso's ``/sparql-auth``).

Servers that cap result sizes: Virtuoso cuts every SELECT at ``ResultSetMaxRows`` rows (10,000
by default) without an error, and says so only in an ``X-SPARQL-MaxRows`` response header.
``EndpointBackend`` reads that header: when a result reaches the cap and the query has no LIMIT
or OFFSET of its own, it fetches the whole result again page by page (the query, with its ORDER
BY made total, as a sub-select under ``LIMIT cap OFFSET n``, as many pages as the server
counts rows); when the query has its own LIMIT
above the cap, it raises EndpointError instead of returning a silently cut result.

All backends query the union of the named graphs as the default graph (``graph.trig`` keeps one
named graph per document); a remote server must do the same (``coopgraph serve`` starts Oxigraph
with ``--union-default-graph``) or be given ``graph_iri``.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from coopgraph.errors import EndpointError, InputError, QueryError
from coopgraph.queries.auth import authorization, secret_values, unauthorized
from coopgraph.queries.library import where_brace
from coopgraph.queries.results import QueryResult, Term, make_result
from coopgraph.queries.terms import check_iri, sparql_term
from coopgraph.queries.transport import DEFAULT_MAX_BYTES, check_url, excerpt, http_error, send
from coopgraph._sanitise import printable

CAP_HEADER = "X-SPARQL-MaxRows"
DEFAULT_BUILD_DIR = "coopgraph-out"
GRAPH_FILES: tuple[str, ...] = ("graph.trig", "graph.nq", "graph.ttl")
_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
            ".nt": ox.RdfFormat.N_TRIPLES}
_RDFLIB_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}
RESULTS_JSON = "application/sparql-results+json, application/json;q=0.9"


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
            raise InputError(path, f"not valid RDF: {printable(str(exc))[:300]}") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
        return cls(store)

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
        try:
            solutions = self.store.query(sparql, substitutions=subs,
                                         use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("library queries must be SELECT queries")
        columns = [v.value for v in solutions.variables]
        # Each distinct term is converted once: making rdflib terms cost ~10× the query itself
        # on large answers (3,424 rows: 0.08 s to query, 1 s to convert), and answers repeat
        # the same names, IRIs and numbers row after row.
        converted: dict[object, Term | None] = {}

        def term(value: object) -> Term | None:
            if value is None:
                return None
            found = converted.get(value, _MISSING)
            if found is _MISSING:
                found = converted[value] = _from_ox(value)
            return found  # type: ignore[return-value]

        rows = [[term(s[c]) for c in columns] for s in solutions]
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
            raise InputError(path, f"not valid RDF: {printable(str(exc))[:300]}") from None
        return cls(ds)

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        try:
            result = self.dataset.query(sparql, initBindings=dict(bindings))
        except Exception as exc:  # pyparsing errors for syntax  # noqa: BLE001
            raise QueryError(f"SPARQL error: {exc}") from None
        columns = [str(v) for v in result.vars or []]
        rows = [[_normal(r[i]) for i in range(len(columns))] for r in result]  # type: ignore[index]
        return make_result(columns, rows)

    def close(self) -> None:
        self.dataset = Dataset(default_union=True)


class EndpointBackend:
    """A remote SPARQL 1.1 endpoint over HTTP, each request bounded in time and size."""

    name = "endpoint"

    def __init__(self, url: str, *, graph_iri: str | None = None, timeout: float = 10,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.url = check_url(url)
        if graph_iri:
            check_iri(graph_iri)
        self.graph_iri = graph_iri
        self.timeout = timeout
        self.max_bytes = max_bytes

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        """Run the query; a result the server cut at its row cap is paged or refused.

        Raises EndpointError (network, HTTP, authentication, no complete answer within the
        timeout, an answer past ``max_bytes``, a capped result that cannot be paged) or
        QueryError (nowhere to bind the parameters, a value that cannot be a term).
        """
        query = values_query(sparql, bindings)
        result, cap = self._fetch(query)
        if cap is None or len(result) < cap:
            return result
        shape = query_shape(query)
        if shape.limit is not None and shape.limit <= cap and shape.offset is None:
            return result  # the query asked for at most the cap: nothing was cut
        if shape.limit is not None or shape.offset is not None:
            raise EndpointError(self.url, f"the server cut the result at its cap of {cap} rows "
                                f"({CAP_HEADER}) and the query has its own LIMIT/OFFSET, so it "
                                "cannot be paged; raise the server's cap (Virtuoso: "
                                "ResultSetMaxRows in virtuoso.ini) or ask for fewer rows")
        return self._paged(query, shape, result.columns, cap)

    def _paged(self, query: str, shape: QueryShape, columns: tuple[str, ...],
               cap: int) -> QueryResult:
        """The whole result, ``cap`` rows a request, in the query's own order made total.

        The server counts the rows first, which bounds the number of pages and checks that
        they add up (a server that ignored OFFSET would otherwise page forever).
        """
        total = self._count(query, shape)
        rows: list[tuple[Term | None, ...]] = []
        for offset in range(0, total, cap):
            page, _ = self._fetch(paged_query(query, shape, columns, cap, offset))
            rows.extend(page.rows)
        if len(rows) != total:
            raise EndpointError(self.url, f"paging past the server's cap of {cap} rows gave "
                                f"{len(rows)} rows where the server counts {total}")
        return make_result(columns, rows)

    def _count(self, query: str, shape: QueryShape) -> int:
        text = (f"{query[:shape.body_start]}SELECT (COUNT(*) AS ?rows) WHERE {{\n  {{\n"
                f"{query[shape.body_start:].rstrip()}\n  }}\n}}")
        result, _ = self._fetch(text)
        value = result.rows[0][0] if len(result) == 1 and result.columns == ("rows",) else None
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
            raise EndpointError(self.url, "the server did not count the rows to page through")
        return int(value.toPython())

    def _fetch(self, query: str) -> tuple[QueryResult, int | None]:
        """One request (SPARQL 1.1 Protocol, query by POST): the rows, and the server's row cap
        when it reports one."""
        form = [("query", query)] + ([("default-graph-uri", self.graph_iri)]
                                     if self.graph_iri else [])
        header = authorization(self.url, "POST", self.timeout)
        answer = send(self.url, method="POST", timeout=self.timeout, max_bytes=self.max_bytes,
                      body=urllib.parse.urlencode(form).encode("utf-8"),
                      headers={"Content-Type": "application/x-www-form-urlencoded",
                               "Accept": RESULTS_JSON},
                      authorization=header, secrets=secret_values(header))
        if answer.status == 401:
            raise unauthorized(self.url, answer.header("WWW-Authenticate"), header)
        if answer.status >= 300:
            raise http_error(self.url, answer, secret_values(header))
        return (_from_json(self.url, answer.body, secret_values(header)),
                _cap(answer.header(CAP_HEADER) or None))

    def close(self) -> None:
        """Nothing to release: each query opens its own HTTP request."""


def values_query(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a ``VALUES`` block opening its WHERE clause, each term written by
    ``sparql_term`` (coopgraph.queries.terms), so that no value can become query text.

    At the start of the WHERE clause the values are visible to the whole top-level group (a
    trailing VALUES would join after aggregation and filtering). Raises QueryError when the
    query has no WHERE clause to put them in, or a value cannot be written as a term.
    """
    if not bindings:
        return sparql
    at = where_brace(sparql)
    if at < 0:
        raise QueryError("no 'WHERE {' to bind parameters in")
    for name in bindings:
        if not _VARIABLE.match(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(sparql_term(v) for v in bindings.values())
    return f"{sparql[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{sparql[at:]}"


_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _cap(header: str | None) -> int | None:
    if header is None or not header.strip().isdigit():
        return None
    return int(header.strip())


@dataclass(frozen=True)
class QueryShape:
    """Where a SELECT's parts are: the end of its prologue, the end of its WHERE clause, and
    the solution modifiers after it."""

    body_start: int  # where SELECT begins, after the PREFIX/BASE declarations
    has_order: bool
    limit: int | None
    offset: int | None


# Strings (long and short), IRIs and comments: masked before counting braces or keywords.
_MASKED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""'
                     r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"'
                     r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\s]*>'
                     r"|#[^\n]*")


def query_shape(query: str) -> QueryShape:
    """Find the SELECT keyword, the WHERE clause and the solution modifiers after it.

    Strings, IRIs and comments are masked first, so a ``}`` or ``#`` inside a bound value
    cannot mislead the brace count. Raises QueryError when there is no SELECT or WHERE
    clause, or its braces do not balance.
    """
    masked = _MASKED.sub(lambda m: " " * len(m.group(0)), query)
    select = re.search(r"\bSELECT\b", masked, re.IGNORECASE)
    opening = re.search(r"\{", masked[select.end():]) if select else None
    if select is None or opening is None:
        raise QueryError("not a SELECT query with a WHERE clause")
    depth, end = 0, -1
    for i in range(select.end() + opening.start(), len(masked)):
        depth += {"{": 1, "}": -1}.get(masked[i], 0)
        if depth == 0:
            end = i + 1
            break
    if end < 0:
        raise QueryError("the WHERE clause's braces do not balance")
    tail = masked[end:]
    limit = re.search(r"\bLIMIT\s+(\d+)", tail, re.IGNORECASE)
    offset = re.search(r"\bOFFSET\s+(\d+)", tail, re.IGNORECASE)
    return QueryShape(select.start(), bool(re.search(r"\bORDER\s+BY\b", tail, re.IGNORECASE)),
                      int(limit.group(1)) if limit else None,
                      int(offset.group(1)) if offset else None)


def paged_query(query: str, shape: QueryShape, columns: tuple[str, ...], size: int,
                offset: int) -> str:
    """One page of ``query`` (which has no LIMIT or OFFSET of its own).

    The query becomes a sub-select whose ORDER BY is made total (every projected variable
    appended as a tie-breaker, so that pages neither overlap nor skip rows), sliced by an
    outer ``LIMIT size OFFSET offset``. The slice sits outside the sorted sub-select because
    Virtuoso refuses a sorted LIMIT/OFFSET reaching past MaxSortedTopRows (error SR353; 10,000
    by default, the same as its row cap) and documents this sub-select form for paging.
    """
    ties = " ".join(f"?{c}" for c in columns)
    order = f" {ties}" if shape.has_order else f"\nORDER BY {ties}"
    inner = query[shape.body_start:].rstrip() + order
    return (f"{query[:shape.body_start]}SELECT {ties} WHERE {{\n  {{\n{inner}\n  }}\n}}\n"
            f"LIMIT {size} OFFSET {offset}")


def _from_json(url: str, body: bytes, hidden: tuple[str, ...] = ()) -> QueryResult:
    """SPARQL 1.1 Query Results JSON to a QueryResult. Raises EndpointError for anything else,
    quoting the start of it (``hidden`` redacted, see transport.excerpt)."""
    converted: dict[tuple[tuple[str, str], ...], Term | None] = {}
    try:
        doc = json.loads(body)
        columns = [str(c) for c in doc["head"].get("vars", [])]
        rows = [[_json_cell(b.get(c), converted) for c in columns]
                for b in doc["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        shown = excerpt(body, hidden, limit=60)
        raise EndpointError(url, "the answer is not SPARQL JSON results"
                                 + (f" (it begins: {shown})" if shown else " (it is empty)")
                            ) from None
    return make_result(columns, rows)


def _json_cell(b: dict[str, str] | None, converted: dict[tuple[tuple[str, str], ...], Term | None]
               ) -> Term | None:
    """``_json_term``, once per distinct term of an answer: answers repeat the same names,
    IRIs and numbers row after row, and a typed Literal costs ~15 µs to make."""
    if b is None:
        return None
    key = tuple(sorted(b.items()))
    found = converted.get(key, _MISSING)
    if found is _MISSING:
        found = converted[key] = _json_term(b)
    return found  # type: ignore[return-value]


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
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return Literal(term.value)  # plain and xsd:string are one term in RDF 1.1 (see _normal)
    return Literal(term.value, datatype=datatype)


_MISSING = object()
_XSD_STRING = str(XSD.string)


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
                 max_bytes: int = DEFAULT_MAX_BYTES, kind: str = "oxigraph") -> QueryBackend:
    """The backend the settings ask for: ``endpoint`` means remote, otherwise the built graph.

    ``graph_path`` is a graph file or a build folder (default ./coopgraph-out); ``kind`` picks
    the embedded engine (``oxigraph``, the default, or ``rdflib``); ``timeout`` (seconds, each
    request as a whole) and ``max_bytes`` (largest answer read) bound a remote endpoint.
    Raises InputError when there is no built graph, EndpointError for an endpoint URL that is
    not http(s) or holds credentials, QueryError for a ``graph_iri`` that is no IRI.
    """
    if endpoint:
        return EndpointBackend(endpoint, graph_iri=graph_iri, timeout=timeout,
                               max_bytes=max_bytes)
    path = find_graph_file(graph_path)
    if kind == "rdflib":
        return RdflibBackend.from_file(path)
    if kind != "oxigraph":
        raise QueryError(f"unknown backend kind {kind!r} (expected oxigraph or rdflib)")
    from coopgraph.queries.answers import BuildFolderBackend, stores_answers  # imports this module

    if stores_answers(path.parent) and path.name in GRAPH_FILES:
        return BuildFolderBackend(path.parent, path)  # loads the store only when asked
    return OxigraphBackend.from_file(path)
