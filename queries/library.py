"""The query library: named SPARQL queries in ``queries/*.rq``, each opening with a header.

Why files and not strings in Python: analysts read, copy and extend ``.rq`` files with any SPARQL
tool, and the header comment keeps them valid SPARQL. The header is a run of ``#+ key: value``
lines at the top of the file::

    #+ title: Partners of an actor
    #+ description: Everyone who shared an event with the actor, with the events and roles.
    #+ param: actor | string | required | ILO | the actor: name, acronym or IRI
    #+ param: since | integer | default=1900 | 2017 | first year counted

A ``param`` line has five ``|``-separated fields: name, type (``iri``, ``string``, ``date``,
``integer``), ``required`` or ``default=VALUE``, an example value, and a short description.
The parser is strict: an unknown key or a malformed line is a ``QueryError`` naming file and line.

Each parameter must be a variable the query projects, and one it groups by when it aggregates:
checked here because a value bound to an unprojected variable is refused by pyoxigraph's
``substitutions`` and silently ignored by an aggregate when sent as a trailing ``VALUES``.
Parameters are used only in the query's top-level group, so that binding them (rdflib
``initBindings``, pyoxigraph ``substitutions`` or a ``VALUES`` block opening the WHERE clause)
means the same on every backend.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier, Variable

from coopgraph.errors import QueryError
from coopgraph.queries.terms import check_iri, check_unicode

if TYPE_CHECKING:  # rdflib's SPARQL engine is imported only when a query needs its checks
    from rdflib.plugins.sparql.sparql import Query

PARAM_TYPES: tuple[str, ...] = ("iri", "string", "date", "integer")
HEADER_KEYS: tuple[str, ...] = ("title", "description", "param")
_HEADER_LINE = re.compile(r"^#\+\s*([A-Za-z_-]+)\s*:\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class QueryParam:
    """One named parameter of a query: a SPARQL variable the caller may (or must) bind."""

    name: str
    type: str
    default: str | None
    example: str
    description: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    """A query from the library: its name (the file stem), header fields and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    sparql: str
    path: str

    def param(self, name: str) -> QueryParam | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.params if p.name == name), None)

    def example_params(self) -> dict[str, str]:
        """Every parameter set to its example value (what the README and parity tests run)."""
        return {p.name: p.example for p in self.params}


def query_dir() -> Path:
    """The folder holding the bundled ``.rq`` files (package data of coopgraph.queries)."""
    return Path(str(resources.files("coopgraph.queries")))


def list_queries() -> list[NamedQuery]:
    """Every bundled query, sorted by name.

    Raises QueryError if any ``.rq`` file has a broken header or does not parse.
    """
    return [load_query_file(p) for p in sorted(query_dir().glob("*.rq"))]


def load_query(name: str) -> NamedQuery:
    """The bundled query called ``name`` (its file stem, e.g. ``partners-of-actor``).

    Raises QueryError for an unknown name (listing the known ones) or a broken file.
    """
    path = query_dir() / f"{name}.rq"
    if not _NAME_OK.match(name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(query_dir().glob("*.rq")))
        raise QueryError(f"unknown query {name!r} (known: {known})")
    return load_query_file(path)


_NAME_OK = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_METAVARS = {"iri": "IRI", "string": "TEXT", "date": "YYYY-MM-DD", "integer": "N"}


def load_query_file(path: Path) -> NamedQuery:
    """Read and check one ``.rq`` file.

    Raises QueryError (with file and line) for a bad header, a SPARQL syntax error, or a
    parameter the query does not project (or group by, when it aggregates).
    """
    return _checked_query(path, path.read_text(encoding="utf-8"))


def check_query(path: Path, text: str,
                params: tuple[QueryParam, ...] | None = None) -> NamedQuery:
    """Check a query text as a library file is checked: by its ``#+`` header, or, given
    ``params``, with those parameters and no header (an ad-hoc query's).

    Raises QueryError for a bad header, a syntax error or a parameter the query does not
    project (or group by, when it aggregates).
    """
    if params is None:
        return _checked_query(path, text)
    query = NamedQuery(path.stem, "", "", params, text, str(path))
    _check(query)
    return query


@lru_cache(maxsize=256)
def _checked_query(path: Path, text: str) -> NamedQuery:
    """Parse and check a query text once per process (keyed by its text, so an edited file is
    checked again). Why: rdflib's SPARQL parser takes ~80 ms per query, more than running most
    library queries on the embedded store."""
    fields, params = _parse_header(text, str(path))
    for key in ("title", "description"):
        if key not in fields:
            raise QueryError(f"missing header line '#+ {key}: ...'", str(path), 1)
    query = NamedQuery(path.stem, fields["title"], fields["description"], tuple(params), text,
                       str(path))
    _check(query)
    return query


def _check(query: NamedQuery) -> None:
    """Check syntax and parameters: with Oxigraph's parser when that settles it, else with
    rdflib's, whose algebra gives the precise message.

    Why two parsers: rdflib's SPARQL engine costs ~0.4 CPU-s to import and ~80 ms per query,
    more than a whole ``coopgraph query`` run otherwise; Oxigraph parses in microseconds. When
    Oxigraph accepts a SELECT that projects every parameter, none of which is an ``AS``
    alias, rdflib's check passes too (Oxigraph refuses to project a variable an aggregating
    query does not group by); any other case, and every error, goes to rdflib.
    """
    if not _passes_quick_check(query):
        _check_params(query, _prepare(query))


def _passes_quick_check(query: NamedQuery) -> bool:
    try:
        solutions = ox.Store().query(query.sparql)
    except SyntaxError:
        return False
    if not isinstance(solutions, ox.QuerySolutions):
        return False
    projected = {v.value for v in solutions.variables}
    return (all(p.name in projected and not _is_alias(query.sparql, p.name) for p in query.params)
            and (not query.params or where_brace(query.sparql) >= 0))


def _is_alias(sparql: str, name: str) -> bool:
    """``?name`` (or ``$name``) is made by an ``AS`` (an aggregate or a BIND), not matched."""
    return re.search(rf"\bAS\s+[?$]{re.escape(name)}\b", sparql, flags=re.IGNORECASE) is not None


def _parse_header(text: str, file: str) -> tuple[dict[str, str], list[QueryParam]]:
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break  # the header ends at the first line of SPARQL
            continue
        m = _HEADER_LINE.match(line)
        if not m:
            raise QueryError("malformed header line (expected '#+ key: value')", file, lineno)
        key, value = m.group(1), m.group(2).strip()
        if key not in HEADER_KEYS:
            raise QueryError(f"unknown header key {key!r} (expected {', '.join(HEADER_KEYS)})",
                             file, lineno)
        if key == "param":
            params.append(_parse_param(value, file, lineno, {p.name for p in params}))
        elif key in fields:
            raise QueryError(f"header key {key!r} given twice", file, lineno)
        elif not value:
            raise QueryError(f"header key {key!r} has no value", file, lineno)
        else:
            fields[key] = value
    return fields, params


def _parse_param(value: str, file: str, lineno: int, seen: set[str]) -> QueryParam:
    parts = [p.strip() for p in value.split("|")]
    if len(parts) != 5:
        raise QueryError("param needs 5 fields: name | type | required or default=VALUE | "
                         f"example | description (got {len(parts)})", file, lineno)
    name, ptype, req, example, description = parts
    if not _NAME.match(name):
        raise QueryError(f"param name {name!r} is not a SPARQL variable name", file, lineno)
    if name in seen:
        raise QueryError(f"param {name!r} declared twice", file, lineno)
    if ptype not in PARAM_TYPES:
        raise QueryError(f"param {name}: unknown type {ptype!r} (expected "
                         f"{', '.join(PARAM_TYPES)})", file, lineno)
    if req == "required":
        default = None
    elif req.startswith("default="):
        default = req[len("default="):]
    else:
        raise QueryError(f"param {name}: third field must be 'required' or 'default=VALUE', "
                         f"not {req!r}", file, lineno)
    param = QueryParam(name, ptype, default, example, description)
    for v in (default, example):
        if v is not None:
            try:
                to_term(param, v)
            except QueryError as exc:
                raise QueryError(str(exc), file, lineno) from None
    return param


def _prepare(query: NamedQuery) -> Query:
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(query.sparql)
    except Exception as exc:  # rdflib raises pyparsing errors with the position  # noqa: BLE001
        line = getattr(exc, "lineno", None)
        msg = str(getattr(exc, "msg", exc)).splitlines()[0]
        raise QueryError(f"SPARQL syntax error: {msg}", query.path, line) from None


def _check_params(query: NamedQuery, prepared: Query) -> None:
    algebra = prepared.algebra
    if algebra.name != "SelectQuery":
        raise QueryError("only SELECT queries can run here", query.path, 1)
    projected = {str(v) for v in algebra.get("PV") or []}
    grouped = _group_vars(algebra)
    for p in query.params:
        line = _param_line(query.sparql, p.name)
        if p.name not in projected:
            raise QueryError(f"param {p.name!r} is not a projected variable (add ?{p.name} to "
                             "SELECT)", query.path, line)
        if grouped is not None and p.name not in grouped:
            raise QueryError(f"param {p.name!r} must be in GROUP BY (the query aggregates)",
                             query.path, line)
    if query.params and where_brace(query.sparql) < 0:
        raise QueryError("no 'WHERE {' found to bind parameters in", query.path, None)


def _group_vars(node: object) -> set[str] | None:
    """Variables of the outermost GROUP BY, or None when the query does not aggregate."""
    name = getattr(node, "name", None)
    if name == "Group":
        exprs = node.get("expr") or []  # type: ignore[attr-defined]
        return {str(e) for e in exprs if isinstance(e, Variable)}
    if name in ("SelectQuery", "Project", "Distinct", "Reduced", "Slice", "OrderBy",
                "AggregateJoin", "Extend", "Filter", "ToMultiSet"):
        return _group_vars(node.get("p"))  # type: ignore[attr-defined]
    return None


def _param_line(text: str, name: str) -> int | None:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#+") and re.match(rf"#\+\s*param\s*:\s*{re.escape(name)}\s*\|", line):
            return lineno
    return None


def where_brace(sparql: str) -> int:
    """Offset just after the ``{`` opening the WHERE clause, or -1 (comments skipped).

    Used to open the WHERE clause with a ``VALUES`` block for remote endpoints; the text
    searched is the library's own query, never user input.
    """
    masked = re.sub(r"(?m)#.*$", lambda m: " " * len(m.group(0)), sparql)
    m = re.search(r"\bWHERE\s*\{", masked, flags=re.IGNORECASE)
    return m.end() if m else -1


def to_term(param: QueryParam, value: str) -> Identifier:
    """The RDF term for a user's value of ``param``: a URIRef or a typed Literal, never text.

    Raises QueryError when the value does not fit the declared type, or is not valid Unicode
    (a lone surrogate, which is what an undecodable byte on the command line becomes).
    """
    try:
        check_unicode(value)
        if param.type == "iri":
            check_iri(value)
    except QueryError as exc:
        raise QueryError(f"parameter {param.name}: {exc}") from None
    if param.type == "iri":
        return URIRef(value)
    if param.type == "integer":
        if not _INTEGER.match(value.strip()):
            raise QueryError(f"parameter {param.name}: {value!r} is not an integer")
        return Literal(int(value.strip()), datatype=XSD.integer)
    if param.type == "date":
        if not _DATE.match(value.strip()):
            raise QueryError(f"parameter {param.name}: {value!r} is not a date (YYYY-MM-DD)")
        return Literal(value.strip(), datatype=XSD.date)
    return Literal(value)


def bind_params(query: NamedQuery, params: Mapping[str, str] | None) -> dict[str, Identifier]:
    """Check the caller's values against the header and turn them into RDF terms.

    Defaults fill the gaps. Raises QueryError for an unknown parameter, a missing required
    one (with the CLI hint) or a value of the wrong type.
    """
    given = dict(params or {})
    for key in given:
        if query.param(key) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"query {query.name} has no parameter {key!r} (parameters: {known})")
    bound: dict[str, Identifier] = {}
    for p in query.params:
        value = given.get(p.name, p.default)
        if value is None:
            hint = "IRI-or-name" if "IRI" in p.description else _METAVARS[p.type]
            raise QueryError(f"query {query.name} needs --param {p.name}={hint} "
                             "(list them: coopgraph query --list)")
        bound[p.name] = to_term(p, value)
    return bound
