"""``coopgraph push``: load the built graph into a SPARQL server, replacing what was there.

Each named graph (one per document, reference, cooperation) is sent with the SPARQL 1.1 Graph
Store HTTP Protocol (``PUT store?graph=IRI``, which replaces that graph). A server without a
Graph Store endpoint gets SPARQL Update instead: ``DROP SILENT GRAPH`` then ``INSERT DATA`` in
batches, every term written by coopgraph.queries.terms (document text is untrusted: rdflib's
``n3()`` let a quote that ends in a backslash and a newline close a literal early, which in an
update would run the rest of the text as SPARQL Update). Triples in the default graph go to the
default graph the same way. Each request is bounded as a whole by ``timeout`` seconds (connect
to last byte; coopgraph.queries.transport). Credentials come from
COOPGRAPH_ENDPOINT_USER / COOPGRAPH_ENDPOINT_PASSWORD, as HTTP Basic or, with
COOPGRAPH_ENDPOINT_AUTH=digest, HTTP Digest (Virtuoso's ``/sparql-graph-crud-auth`` and
``/sparql-auth``); see coopgraph.queries.auth.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from coopgraph.errors import EndpointError, QueryError
from coopgraph.queries.auth import authorization, head, secret_values, unauthorized
from coopgraph.queries.backends import RdflibBackend
from coopgraph.queries.terms import sparql_term
from coopgraph.queries.transport import ConnectionClosed, check_url, http_error, send

BATCH_SIZE = 1000


@dataclass(frozen=True)
class PushReport:
    """What was sent: triples, graphs, the protocol used and the time taken.

    ``visible`` is False when a query over the server's default graph could not find a triple
    sent into a named graph: then the library queries answer nothing there (see
    coopgraph.queries.default_graph for why and the fix).
    """

    triples: int
    graphs: int
    method: str
    seconds: float
    visible: bool = True


def derived_url(endpoint: str, service: str) -> str | None:
    """The ``/update`` or ``/store`` URL beside a ``.../query`` endpoint (Oxigraph layout)."""
    if endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("query")] + service
    return None


def push_graph(graph_path: Path | str | None, endpoint: str, *, update_endpoint: str | None = None,
               store_endpoint: str | None = None, timeout: float = 30) -> PushReport:
    """Send every graph of the built graph file (or build folder) to the server.

    Uses the Graph Store Protocol at ``store_endpoint`` (default: beside ``endpoint``), falling
    back to SPARQL Update at ``update_endpoint`` (default: beside an Oxigraph-style ``.../query``
    endpoint, else ``endpoint`` itself) when the server has no store endpoint. Raises
    EndpointError on network/HTTP errors and on a request not done within ``timeout`` seconds
    (connect to last byte), InputError when there is no built graph.
    """
    for url in (endpoint, update_endpoint, store_endpoint):
        if url:
            check_url(url)
    store = store_endpoint or derived_url(endpoint, "store")
    # Servers such as Virtuoso take SPARQL Update at the query URL itself; a server that does
    # not answers with an HTTP error, which is reported with its own message.
    update = update_endpoint or derived_url(endpoint, "update") or endpoint
    dataset = _load(graph_path)
    started = time.perf_counter()
    graphs = [g for g in dataset.graphs() if len(g)]
    method, triples = "graph store", 0
    for graph in graphs:
        if store and method == "graph store":
            try:
                triples += _put_graph(store, graph, timeout)
                continue
            except EndpointError as exc:
                if exc.status not in (404, 405, 415, 501) or not update:
                    raise
                method = "sparql update"
        if not update:
            raise QueryError("push needs --update-endpoint: the server has no Graph Store endpoint")
        method = "sparql update"
        triples += _update_graph(update, graph, timeout)
    seconds = time.perf_counter() - started
    return PushReport(triples, len(graphs), method, seconds, _visible(endpoint, graphs, timeout))


def _visible(endpoint: str, graphs: list[Graph], timeout: float) -> bool:
    """Whether a query over the default graph sees a triple just sent into a named graph."""
    from coopgraph.queries.default_graph import default_graph_sees

    sample = next((t for g in graphs if not _is_default(g) for t in g.triples((None, RDF.type, None))
                   if isinstance(t[0], URIRef) and isinstance(t[2], URIRef)), None)
    if sample is None:
        return True  # nothing in a named graph: nothing a default graph could hide
    return default_graph_sees(endpoint, sample, timeout=timeout)  # type: ignore[arg-type]


def _load(graph_path: Path | str | None) -> Dataset:
    from coopgraph.queries.backends import find_graph_file

    return RdflibBackend.from_file(find_graph_file(graph_path)).dataset


def _is_default(graph: Graph) -> bool:
    return graph.identifier == DATASET_DEFAULT_GRAPH_ID


def _put_graph(store: str, graph: Graph, timeout: float) -> int:
    target = "default" if _is_default(graph) else "graph=" + urllib.parse.quote(
        str(graph.identifier), safe="")
    url = f"{store}?{target}"
    body = graph.serialize(format="nt", encoding="utf-8")
    _send(url, body, "application/n-triples", "PUT", timeout)
    return len(graph)


def _update_graph(update: str, graph: Graph, timeout: float) -> int:
    name = None if _is_default(graph) else URIRef(graph.identifier)
    clear = "DROP SILENT DEFAULT" if name is None else f"DROP SILENT GRAPH {sparql_term(name)}"
    _sparql_update(update, clear, timeout)
    return sum(_insert(update, name, batch, timeout) for batch in _batches(graph, BATCH_SIZE))


def _insert(update: str, name: URIRef | None, batch: list[tuple[object, object, object]],
            timeout: float) -> int:
    """``INSERT DATA`` one batch; a batch the server rejects (HTTP 400) is sent again in halves.

    Why: servers limit the size of one update in their own ways (Virtuoso 7 refuses an INSERT
    DATA whose generated SQL passes 10,000 lines, error SP031: about 2,000 short triples).
    A single triple that is still rejected raises its EndpointError.
    """
    lines = "\n".join(" ".join(sparql_term(t) for t in triple) + " ."  # type: ignore[arg-type]
                      for triple in batch)
    body = (f"INSERT DATA {{ {lines} }}" if name is None
            else f"INSERT DATA {{ GRAPH {sparql_term(name)} {{\n{lines}\n}} }}")
    try:
        _sparql_update(update, body, timeout)
    except EndpointError as exc:
        if exc.status != 400 or len(batch) == 1:
            raise
        half = len(batch) // 2
        return _insert(update, name, batch[:half], timeout) + _insert(update, name, batch[half:],
                                                                      timeout)
    return len(batch)


def _batches(triples: Iterable[tuple[object, object, object]], size: int
             ) -> Iterator[list[tuple[object, object, object]]]:
    batch: list[tuple[object, object, object]] = []
    for t in sorted(triples):
        batch.append(t)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _sparql_update(url: str, update: str, timeout: float) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("utf-8")
    _send(url, body, "application/x-www-form-urlencoded", "POST", timeout)


def _send(url: str, body: bytes, content_type: str, method: str, timeout: float) -> None:
    """One write, done within ``timeout`` seconds; any error status raises EndpointError."""
    header = authorization(url, method, timeout)
    try:
        answer = send(url, method=method, timeout=timeout, body=body, cut=True,
                      max_bytes=ERROR_BODY_LIMIT, headers={"Content-Type": content_type},
                      authorization=header, secrets=secret_values(header))
    except ConnectionClosed:
        # A server that refuses the credentials may answer before reading the body and close
        # the connection (Virtuoso does): ask again without a body to tell.
        status, challenge = head(url, header, timeout)
        if status == 401:
            raise unauthorized(url, challenge or head(url, None, timeout)[1], header) from None
        raise
    if answer.status == 401:
        challenge = answer.header("WWW-Authenticate") or head(url, None, timeout)[1]
        raise unauthorized(url, challenge, header)
    if answer.status >= 300:
        hint = READ_ONLY_HINT if answer.status == 403 else ""
        raise http_error(url, answer, secret_values(header), hint=hint)


#: What is read of a write's answer: nothing in it is used, so a long one is cut.
ERROR_BODY_LIMIT = 64 * 1024
READ_ONLY_HINT = ("the server takes no writes there (coopgraph serve is read-only without "
                  "--writable)")
