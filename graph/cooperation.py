"""Cooperation between actors, derived from shared events and stated relations.

Two actors cooperated when they share an event in any role (organiser, supporter, participant,
project) or a document states a cooperation-like relation between them. Each unordered pair
becomes one ``cg:Cooperation`` node (weight = number of shared events, first/last year, events,
relations, evidence, source documents) plus ``cg:cooperatesWith`` in both directions.

Cost: one pass over events with the pairs of each event's actors, then one pass over pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.events import EventFact, RelationFact, integer
from coopgraph.graph.iris import mint
from coopgraph.ontology.namespace import CG

#: Stated relations that count as cooperation between two actors.
COOPERATION_PREDICATES = frozenset(
    {"cooperatesWith", "supports", "fundedBy", "implementedBy", "partOf", "memberOf"})


@dataclass
class Pair:
    """Everything known about one actor pair."""

    first: URIRef
    second: URIRef
    #: the events both took part in, in any role
    events: set[URIRef] = field(default_factory=set)
    #: local names of the predicates stated between them (fundedBy, partOf, ...)
    relations: set[str] = field(default_factory=set)
    #: the years of the shared events: the edge's first and last year come from here
    years: set[int] = field(default_factory=set)
    #: the quotes behind the shared events and the stated relations
    annotations: set[URIRef] = field(default_factory=set)
    #: the documents that report a shared event or a relation
    documents: set[URIRef] = field(default_factory=set)
    #: The documents one of ``annotations`` quotes (each quote names its document).
    quoted: set[URIRef] = field(default_factory=set)


def derive_pairs(events: Iterable[EventFact], relations: Iterable[RelationFact],
                 actors: frozenset[URIRef]) -> list[Pair]:
    """The cooperation pairs, sorted by (first, second) IRI."""
    pairs: dict[tuple[URIRef, URIRef], Pair] = {}

    def pair(a: URIRef, b: URIRef) -> Pair:
        first, second = sorted((a, b), key=str)
        return pairs.setdefault((first, second), Pair(first, second))

    for iri, facts in _by_event(events).items():
        members = frozenset().union(*(f.actors for f in facts))
        years = {y for f in facts for y in (f.first_year, f.last_year) if y is not None}
        annotations = {f.annotation for f in facts if f.annotation is not None}
        documents = {f.document for f in facts}
        quoted = {f.document for f in facts if f.annotation is not None}
        for a, b in combinations(sorted(members, key=str), 2):
            p = pair(a, b)
            p.events.add(iri)
            p.documents.update(documents)
            p.years.update(years)
            p.annotations.update(annotations)
            p.quoted.update(quoted)
    for rel in relations:
        if rel.predicate in COOPERATION_PREDICATES and rel.subject in actors \
                and rel.object in actors and rel.subject != rel.object:
            p = pair(rel.subject, rel.object)
            p.relations.add(rel.predicate)
            p.documents.add(rel.document)
            if rel.annotation is not None:
                p.annotations.add(rel.annotation)
                p.quoted.add(rel.document)
    return [pairs[k] for k in sorted(pairs, key=lambda k: (str(k[0]), str(k[1])))]


def _by_event(events: Iterable[EventFact]) -> dict[URIRef, list[EventFact]]:
    """Facts grouped by event node: an event reported by several documents counts once, with
    the actors, years and evidence of every report."""
    out: dict[URIRef, list[EventFact]] = defaultdict(list)
    for ev in events:
        out[ev.iri].append(ev)
    return out


def cooperation_iri(base_iri: str, pair: Pair) -> URIRef:
    """``<base>cooperation/<first local name>--<second local name>`` (readable and stable)."""
    def local(iri: URIRef) -> str:
        text = str(iri)
        return (text[len(base_iri):] if text.startswith(base_iri) else text).replace("/", "-")
    return mint(base_iri, "cooperation", f"{local(pair.first)}--{local(pair.second)}")


def add_pairs(g: TripleSink, pairs: Iterable[Pair], base_iri: str, labels: dict[URIRef, str]) -> None:
    """Write the cooperation nodes and the symmetric ``cg:cooperatesWith`` triples.

    ``prov:wasDerivedFrom`` names only the documents none of the pair's quotes comes from (a
    project's funders field has no quote): a quote names its document already, and the
    repeated links were a twentieth of the graph (issue 14, item 3)."""
    for p in pairs:
        s = cooperation_iri(base_iri, p)
        g.add((s, RDF.type, CG.Cooperation))
        g.add((s, RDFS.label, Literal(f"{labels.get(p.first, p.first)} and "
                                      f"{labels.get(p.second, p.second)}")))
        g.add((s, CG.firstActor, p.first))
        g.add((s, CG.secondActor, p.second))
        g.add((s, CG.weight, integer(len(p.events))))
        if p.years:
            g.add((s, CG.firstYear, integer(min(p.years))))
            g.add((s, CG.lastYear, integer(max(p.years))))
        for ev in p.events:
            g.add((s, CG.viaEvent, ev))
        for name in p.relations:
            g.add((s, CG.viaRelation, Literal(name)))
        for ann in p.annotations:
            g.add((s, CG.evidence, ann))
        for doc in p.documents - p.quoted:
            g.add((s, PROV.wasDerivedFrom, doc))
        g.add((p.first, CG.cooperatesWith, p.second))
        g.add((p.second, CG.cooperatesWith, p.first))
