"""query: any SELECT (a library name, an ``.rq`` file or SPARQL text) on any graph, with
parameters bound as RDF terms.

Why beside ``run_query``: an analyst in a notebook writes their own question, or copies a
library ``.rq`` and edits it; ``run_query`` takes library names only. Values still never touch
the query text: they go to the same backends' ``substitutions`` / ``initBindings`` / ``VALUES``.
Which parameters a query takes comes from its ``#+`` header when it has one (typed as the
header says, as for the library); a query without a header takes any projected variable, typed
from the Python value (``str`` → plain literal, ``int`` → xsd:integer, ``datetime.date`` →
xsd:date, an rdflib ``URIRef`` or ``Literal`` as it is).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from coopgraph.errors import QueryError
from coopgraph.queries.backends import QueryBackend, RdflibBackend, open_backend
from coopgraph.queries.library import (
    NamedQuery, QueryParam, bind_params, check_query, load_query, load_query_file,
)
from coopgraph.queries.results import QueryResult
from coopgraph.queries.terms import check_unicode

#: What ``query`` runs on: a build folder or graph file, an rdflib graph, or an open backend.
Source = str | Path | Graph | QueryBackend
#: A parameter value: text (typed by the header, else a plain literal), a number, a date or a term.
ParamValue = str | int | datetime.date | Identifier

_LIBRARY_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def query(source: Source, sparql: str | Path,
          params: Mapping[str, ParamValue] | None = None) -> QueryResult:
    """Run a SELECT on ``source`` with ``params`` bound as RDF terms, never as text.

    ``sparql`` is read as: a ``Path``, or a ``str`` ending in ``.rq`` with no space, is a query
    file; a lone kebab-case word is a library query (``"partners-of-actor"``); anything else
    is SPARQL text. ``source`` is a build folder or graph file (loaded into the embedded
    Oxigraph store), an rdflib ``Graph``/``Dataset`` (queried in place), or a backend from
    ``open_backend`` (left open for the caller).

    Raises QueryError (syntax, a parameter the query does not project or declare, a value of
    the wrong type), InputError (no graph at the path) and, on a remote backend, EndpointError.
    """
    named = _named_query(sparql)
    bindings = (bind_params(named, {k: _text(v) for k, v in (params or {}).items()})
                if named.params else _typed(named, params or {}))
    backend, owned = _backend(source)
    try:
        return backend.select(named.sparql, bindings)
    finally:
        if owned:
            backend.close()


def _named_query(sparql: str | Path) -> NamedQuery:
    if isinstance(sparql, Path) or (sparql.endswith(".rq") and not re.search(r"\s", sparql)):
        path = Path(sparql)
        if not path.is_file():
            raise QueryError(f"no query file {str(path)!r}; pass an .rq file, a library name "
                             "or SPARQL text")
        text = path.read_text(encoding="utf-8")
        return load_query_file(path) if text.lstrip().startswith("#+") else _plain(text, path)
    if _LIBRARY_NAME.match(sparql):
        return load_query(sparql)
    if sparql.lstrip().startswith("#+"):
        return check_query(Path("<query>"), sparql)
    return _plain(sparql, Path("<query>"))


def _plain(text: str, path: Path) -> NamedQuery:
    """A query without a header: parameters are checked when they are known (see _typed)."""
    return NamedQuery(path.stem, "", "", (), text, str(path))


def _typed(named: NamedQuery, params: Mapping[str, ParamValue]) -> dict[str, Identifier]:
    """Terms from Python values, after checking that each names a projected variable (a value
    bound to any other variable is refused by pyoxigraph and ignored by an aggregate)."""
    bindings = {name: _term(name, value) for name, value in params.items()}
    declared = tuple(QueryParam(n, "string", "", "", "") for n in bindings)
    check_query(Path(named.path), named.sparql, declared)
    return bindings


def _term(name: str, value: ParamValue) -> Identifier:
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, datetime.date)):
        raise QueryError(f"parameter {name}: {type(value).__name__} values cannot be bound "
                         "(pass str, int, datetime.date or an rdflib URIRef/Literal)")
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    check_unicode(value)
    return Literal(value)


def _text(value: ParamValue) -> str:
    """A value for a header-typed parameter, as the command line would give it."""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _backend(source: Source) -> tuple[QueryBackend, bool]:
    """The backend to ask, and whether ``query`` opened it (and so closes it)."""
    if isinstance(source, Graph):
        return RdflibBackend(source), False  # type: ignore[arg-type]
    if isinstance(source, (str, Path)):
        return open_backend(source), True
    if callable(getattr(source, "select", None)):
        return source, False
    raise QueryError(f"cannot query a {type(source).__name__}: pass a build folder, a graph "
                     "file, an rdflib Graph or a backend from open_backend")
