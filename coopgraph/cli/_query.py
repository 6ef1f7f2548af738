"""``coopgraph query``: ask the query library, on the build or on a SPARQL server."""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import ENV_HELP, add_graph_source, positive_number
from coopgraph.errors import EndpointError, QueryError
from coopgraph.queries import QueryBackend, list_queries, open_backend, run_query
from coopgraph.queries.default_graph import hidden_graphs_message, inspect_default_graph
from coopgraph.queries.names import NameMatch, find_names
from coopgraph.queries.results import FORMATS, short_iri
from coopgraph.queries.transport import DEFAULT_MAX_BYTES, MB


def run_query_command(args: argparse.Namespace) -> int:
    if args.list:
        print(format_listing(), end="")
        return 0
    if not args.name:
        raise QueryError("query needs a NAME (list them: coopgraph query --list)")
    params = parse_params(args.param)
    backend = open_backend(args.graph_file or args.output, endpoint=args.endpoint,
                           graph_iri=args.graph_iri, timeout=args.timeout,
                           max_bytes=int(args.max_response_mb * MB), kind=args.backend)
    try:
        result = run_query(backend, args.name, params)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write(result.format(args.format, width=width))
        if not result.rows:
            for line in _endpoint_hints(args) or _empty_answer_hints(backend, params):
                print(line, file=sys.stderr)
    finally:
        backend.close()
    return 0


def _endpoint_hints(args: argparse.Namespace) -> list[str]:
    """On an empty answer from a server: a default graph that hides the named graphs?"""
    if not args.endpoint or args.graph_iri:
        return []
    try:
        view = inspect_default_graph(args.endpoint, timeout=args.timeout)
    except EndpointError:
        return []  # the answer stands; a hint is not worth an error
    return [f"note: no rows; {hidden_graphs_message(args.endpoint)}"] if view.hides_named_graphs else []


#: Parameters naming something in the graph, and the kinds of thing each may name.
_NAMED_KINDS = {"actor": ("organisation", "project"), "partner": ("organisation", "project"),
                "project": ("project",), "place": ("place",),
                "subject": ("convention", "policy")}
#: The query that lists each kind of thing.
_LISTING_QUERIES = {"organisation": "organisations-by-category",
                    "project": "projects-funders-implementers", "person": "people-and-affiliations",
                    "place": "events-in-place", "convention": "actors-engaged-with-subject",
                    "policy": "actors-engaged-with-subject", "event": "events-by-type-and-status"}


def _empty_answer_hints(backend: QueryBackend, params: dict[str, str]) -> list[str]:
    """Why an answer may be empty: for each value naming a thing, what the graph calls by that
    name (looked up, not guessed), or that nothing is called so."""
    lines = []
    for name, value in params.items():
        kinds = _NAMED_KINDS.get(name)
        if kinds is None:
            continue
        try:
            found = find_names(backend, value)
        except EndpointError:
            return []  # the answer stands; a hint is not worth an error
        lines.append(_name_hint(name, value, kinds, found))
    return lines


def _name_hint(name: str, value: str, kinds: tuple[str, ...], found: list[NameMatch]) -> str:
    given = f"{name}={value!r}"
    if not found:
        return (f"note: no rows; nothing in the graph is named {given} (names, acronyms, "
                f"aliases and IRIs match whole, in any case; see coopgraph query "
                f"{_LISTING_QUERIES[kinds[0]]})")
    shown = "; ".join(f"{m.label} ({m.kind} {short_iri(m.iri)}, listed by coopgraph query "
                      f"{_LISTING_QUERIES[m.kind]})" for m in found[:3])
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    if any(m.kind in kinds for m in found):
        return (f"note: no rows; {given} names {shown}{more}, but no row fits it with the other "
                "parameters")
    wanted = " or ".join(("an " if k[0] in "aeiou" else "a ") + k for k in kinds)
    return f"note: no rows; {given} names {shown}{more}, which is not {wanted}"


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings to a dict (the value may itself contain '='). Raises QueryError."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param needs NAME=VALUE, got {pair!r}")
        params[name] = value
    return params


def format_listing() -> str:
    """The query list: name and title, one indented line per parameter, then a command line.

    Values are quoted for a POSIX shell (``--param 'project=STVET 2'``), so every line can be
    pasted as it is; unquoted, a space split the value into an unrecognised argument.
    """
    lines: list[str] = []
    for q in list_queries():
        lines.append(f"{q.name:<32} {q.title}")
        for p in q.params:
            need = "required" if p.required else f"default {p.default!r}"
            lines.append(f"    --param {shlex.quote(f'{p.name}={p.example}')}  ({p.type}, {need}) "
                         f"{p.description}")
        example = " ".join(f"--param {shlex.quote(f'{p.name}={p.example}')}"
                           for p in q.params if p.required)
        lines.append(f"    e.g. coopgraph query {q.name}" + (f" {example}" if example else ""))
    return "\n".join(lines) + "\n"


COMMAND = Command(
    run_query_command,
    description="Run a library query (queries/*.rq) on the built graph, or on a SPARQL "
                "endpoint with --endpoint, and print the rows. An answer cut at the "
                "server's row cap (Virtuoso's X-SPARQL-MaxRows) is fetched again page by "
                "page. " + ENV_HELP,
    epilog="Example: coopgraph query partners-of-actor --param actor=ILO",
    options=(
        option("name", nargs="?", metavar="NAME", help="query name (see --list)"),
        option("--list", action="store_true", help="list the queries and their parameters"),
        option("--param", action="append", default=[], metavar="NAME=VALUE",
               help="a parameter value (repeatable); values are bound as RDF terms"),
        add_graph_source,
        option("--endpoint", metavar="URL", help="query this SPARQL endpoint instead"),
        option("--graph", dest="graph_iri", metavar="IRI",
               help="with --endpoint: the graph to use as default graph"),
        option("--timeout", type=positive_number, default=10, metavar="SECONDS",
               help="with --endpoint: give up on a request not answered in full after this "
                    "many seconds, from connecting to the last byte (default: 10)"),
        option("--max-response-mb", type=positive_number, default=DEFAULT_MAX_BYTES / MB,
               metavar="MB",
               help="with --endpoint: refuse an answer larger than this "
                    f"(default: {DEFAULT_MAX_BYTES / MB:g})"),
        option("--backend", choices=["oxigraph", "rdflib"], default="oxigraph",
               help="embedded engine for local runs (default: oxigraph, much faster)"),
        option("--format", choices=FORMATS, default="table",
               help="output format; json is SPARQL 1.1 Query Results JSON (default: table)"),
    ),
)
