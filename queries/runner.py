"""run_query: look a query up in the library, bind its parameters as RDF terms, run it."""

from __future__ import annotations

from collections.abc import Mapping

from coopgraph.queries.backends import QueryBackend
from coopgraph.queries.library import bind_params, load_query
from coopgraph.queries.results import QueryResult


def run_query(backend: QueryBackend, name: str,
              params: Mapping[str, str] | None = None) -> QueryResult:
    """Run the library query ``name`` on ``backend`` with ``params`` (name → text value).

    Values are turned into URIRef or typed Literal terms from the header's declared types, and
    defaults fill the gaps; no value is ever pasted into the query text.
    Raises QueryError (unknown query or parameter, missing or ill-typed value) and, on a
    remote backend, EndpointError.
    """
    query = load_query(name)
    return backend.select(query.sparql, bind_params(query, params))
