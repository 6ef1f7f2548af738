"""The query library: named SPARQL questions over the built graph, on any backend.

    from coopgraph.queries import open_backend, run_query
    with_backend = open_backend("coopgraph-out")
    print(run_query(with_backend, "partners-of-actor", {"actor": "ILO"}).to_table())
"""

from coopgraph.queries.adhoc import query
from coopgraph.queries.backends import (
    EndpointBackend,
    OxigraphBackend,
    QueryBackend,
    RdflibBackend,
    open_backend,
)
from coopgraph.queries.library import NamedQuery, QueryParam, list_queries, load_query
from coopgraph.queries.results import QueryResult
from coopgraph.queries.runner import run_query

__all__ = [
    "EndpointBackend",
    "NamedQuery",
    "OxigraphBackend",
    "QueryBackend",
    "QueryParam",
    "QueryResult",
    "RdflibBackend",
    "list_queries",
    "load_query",
    "open_backend",
    "query",
    "run_query",
]
