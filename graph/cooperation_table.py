"""The cooperation summary: one sorted row per actor pair, read off the built triples.

Why: who-cooperated-with-whom is the question asked first and most, and at 10^6 triples the
SPARQL aggregate takes 1.7 s on a store that itself takes 4 s to load. The build writes this
table beside the graph (``answers/`` in the build folder, see coopgraph.queries.answers), so
the question is answered by reading one file. The rows are what
``queries/who-cooperated-with-whom.rq`` selects, in its order: a parity test runs both.

Cost: one pass over the triples, keeping only cooperation nodes and labels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import product

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from coopgraph.graph.bulk import Triple, paused_gc
from coopgraph.ontology.namespace import CG

_FIELDS = {CG.firstActor: "first", CG.secondActor: "second", CG.weight: "events",
           CG.firstYear: "firstYear", CG.lastYear: "lastYear"}


@dataclass(frozen=True)
class CooperationRow:
    """One row of who-cooperated-with-whom (the query's columns, in its sort order)."""

    sort_key: tuple[int, str, str, str, str, str, str]
    first_name: Literal
    second_name: Literal
    events: Literal
    first_year: Literal | None
    last_year: Literal | None
    first: URIRef
    second: URIRef


def cooperation_table(graphs: Mapping[URIRef, Collection[Triple]]) -> list[CooperationRow]:
    """Every distinct (names, weight, years, actors) row of the cooperation nodes, sorted as the
    query sorts: most shared events first, then by first name, second name and IRIs.

    SPARQL semantics kept: every label of each actor gives a row, a node without weight or
    actors gives none, a missing year is unbound.
    """
    nodes: dict[URIRef, dict[str, set[object]]] = defaultdict(lambda: defaultdict(set))
    cooperation: set[URIRef] = set()
    labels: dict[URIRef, set[Literal]] = defaultdict(set)
    rows: dict[tuple[object, ...], CooperationRow] = {}
    with paused_gc():  # the collector would rescan the millions of triples held: 20x slower
        for triples in graphs.values():
            _scan(triples, nodes, cooperation, labels)
        for node in cooperation:
            for row in _rows(nodes.get(node, {}), labels):
                rows[(row.sort_key, row.first_name.language, row.first_name.datatype,
                      row.second_name.language, row.second_name.datatype)] = row
    return sorted(rows.values(), key=lambda r: r.sort_key)


#: What the scan keeps, by predicate: a dictionary look-up per triple (rdflib's ``==`` on terms
#: costs ~10 times a hash look-up, and the scan meets every triple of the graph).
_KEPT: dict[URIRef, str] = {**_FIELDS, RDFS.label: "label", RDF.type: "type"}
_COOPERATION = frozenset({CG.Cooperation})


def _scan(triples: Iterable[Triple], nodes: dict[URIRef, dict[str, set[object]]],
          cooperation: set[URIRef], labels: dict[URIRef, set[Literal]]) -> None:
    kept = _KEPT
    for s, p, o in triples:
        field = kept.get(p)
        if field is None:
            continue
        if field == "label":
            if isinstance(o, Literal):
                labels[s].add(o)
        elif field == "type":
            if o in _COOPERATION:
                cooperation.add(s)
        else:
            nodes[s][field].add(o)


def _rows(fields: Mapping[str, set[object]],
          labels: Mapping[URIRef, set[Literal]]) -> Iterable[CooperationRow]:
    """The node's rows: the product of its values, as the query's joins make it."""
    years = [sorted(fields.get(name) or {None}, key=str) for name in ("firstYear", "lastYear")]
    for first, second, events in product(fields.get("first", ()), fields.get("second", ()),
                                         fields.get("events", ())):
        if not (isinstance(first, URIRef) and isinstance(second, URIRef)
                and isinstance(events, Literal) and isinstance(events.toPython(), int)):
            continue
        for a, b, y1, y2 in product(labels.get(first, ()), labels.get(second, ()), *years):
            key = (-int(events.toPython()), str(a), str(b), str(first), str(second),
                   "" if y1 is None else str(y1), "" if y2 is None else str(y2))
            yield CooperationRow(key, a, b, events, y1, y2, first,  # type: ignore[arg-type]
                                 second)
