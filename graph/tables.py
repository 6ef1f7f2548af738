"""The reduce tables: what the build prints and stores, read off the merge's own small tables.

Why: the counts printed after a build and the stored who-cooperated-with-whom answer were each a
pass over every built triple (at 1,000 documents, 0.8 million triples: about 4 CPU-s for the
two), yet both are decided by the merge itself: the resolved entities (type, canonical name),
the event nodes, and the cooperation pairs. Taken from those tables they cost a pass over a few
thousand rows (issue 14, item 1: reduce over small tables). ``summarise`` and
``cooperation_table`` stay for any graph read back from a file; tests require both ways to
agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef

from coopgraph.graph.cooperation import Pair
from coopgraph.graph.cooperation_table import CooperationRow
from coopgraph.graph.events import integer
from coopgraph.graph.identity import ResolvedEntity

#: Entity type → the summary's key (every place subclass counts as a place).
_COUNTED_TYPES = {"Organisation": "organisations", "Person": "people", "Project": "projects",
                  "Convention": "conventions", "Policy": "policies", "Place": "places"}
_KEYS = ("organisations", "people", "projects", "conventions", "policies", "places", "events",
         "cooperation_pairs")


@dataclass(frozen=True)
class BuildTables:
    """What the reduce decided, in rows: the counts and the cooperation summary."""

    summary: dict[str, int]
    cooperation: list[CooperationRow]


def reduce_tables(entities: Iterable[ResolvedEntity], events: Iterable[URIRef],
                  pairs: Iterable[Pair], labels: Mapping[URIRef, str]) -> BuildTables:
    """The counts (as ``summarise`` gives them on the built graph) and the cooperation rows (as
    ``cooperation_table`` gives them) from the resolved entities, the event nodes and pairs."""
    summary = dict.fromkeys(_KEYS, 0)
    for e in entities:
        key = _COUNTED_TYPES.get(e.type)
        if key is not None:
            summary[key] += 1
    summary["events"] = len(set(events))
    pair_list = list(pairs)
    summary["cooperation_pairs"] = len(pair_list)
    return BuildTables(summary, cooperation_rows(pair_list, labels))


def cooperation_rows(pairs: Iterable[Pair], labels: Mapping[URIRef, str]) -> list[CooperationRow]:
    """One row per pair whose actors both have a name: most shared events first, then by first
    name, second name and IRIs (the query's order)."""
    rows = []
    for p in pairs:
        a, b = labels.get(p.first), labels.get(p.second)
        if a is None or b is None:
            continue
        weight = len(p.events)
        first_year = integer(min(p.years)) if p.years else None
        last_year = integer(max(p.years)) if p.years else None
        key = (-weight, a, b, str(p.first), str(p.second),
               "" if first_year is None else str(first_year),
               "" if last_year is None else str(last_year))
        rows.append(CooperationRow(key, Literal(a), Literal(b),
                                   integer(weight), first_year, last_year,
                                   p.first, p.second))
    return sorted(rows, key=lambda r: r.sort_key)
