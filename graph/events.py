"""Events and stated relations of one document, with their evidence.

Returns plain facts (who took part in which event, which relation links whom, with which
annotation) so the cooperation layer derives pairs without querying the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from coopgraph.graph.documents import SourceDocument
from coopgraph.graph.entities import ACTOR_TYPES
from coopgraph.graph.evidence import add_annotation, annotation_iri
from coopgraph.graph.identity import Identities
from coopgraph.graph.iris import SlugRegistry, mint
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import EVENT_TYPES, PREDICATES, STATUSES, Event, Relation

_DATE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date, "day"),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth, "month"),
    (re.compile(r"^\d{4}$"), XSD.gYear, "year"),
)
_ROLES = (("organisers", CG.organiser), ("supporters", CG.supporter),
          ("participants", CG.participant))


@dataclass(frozen=True)
class EventFact:
    """An event's actors (any role), years and evidence, for cooperation."""

    iri: URIRef
    actors: frozenset[URIRef]
    first_year: int | None
    last_year: int | None
    annotation: URIRef | None
    document: URIRef


@dataclass(frozen=True)
class RelationFact:
    """A stated relation between two resolved entities."""

    subject: URIRef
    predicate: str
    object: URIRef
    annotation: URIRef | None
    document: URIRef


def parse_date(value: str | None) -> tuple[Literal, str, int] | None:
    """An ISO date at its precision → (typed literal, precision, year); None if not a date."""
    if not value:
        return None
    for pattern, datatype, precision in _DATE_FORMS:
        if pattern.match(value):
            try:
                date.fromisoformat({4: value + "-01-01", 7: value + "-01"}.get(len(value), value))
            except ValueError:
                return None
            return Literal(value, datatype=datatype), precision, int(value[:4])
    return None


class DocumentWriter:
    """Writes one document's events and relations into its named graph."""

    def __init__(self, g: Graph, doc: SourceDocument, index: int, ids: Identities,
                 base_iri: str) -> None:
        self.g, self.doc, self.index, self.ids, self.base = g, doc, index, ids, base_iri
        self._events = SlugRegistry()
        self._relations = SlugRegistry()

    def _resolve(self, local_ids: tuple[str, ...], types: frozenset[str]) -> list[URIRef]:
        out = []
        for local in local_ids:
            iri = self.ids.iri_of.get((self.index, local))
            if iri is not None and self.ids.by_iri[iri].type in types and iri not in out:
                out.append(iri)
        return out

    def _evidence(self, subject: URIRef, quote: str, span: tuple[int, int] | None) -> URIRef | None:
        if not quote:
            return None
        ann = annotation_iri(self.base, self.doc.slug, quote, span)
        add_annotation(self.g, ann, self.doc.iri, quote, span)
        self.g.add((subject, CG.evidence, ann))
        return ann

    def add_event(self, ev: Event) -> EventFact:
        """All triples of one event; returns its facts for cooperation."""
        g = self.g
        s = mint(self.base, "event", self.doc.slug, self._events.claim(ev.id or ev.title))
        g.add((s, RDF.type, CG.Event))
        g.add((s, RDFS.label, Literal(ev.title.strip() or ev.id)))
        g.add((s, CG.eventType, CGC[f"event-{ev.type if ev.type in EVENT_TYPES else 'other'}"]))
        g.add((s, CG.status, CGC[f"status-{ev.status if ev.status in STATUSES else 'unknown'}"]))
        first, last = self._add_dates(s, ev)
        if ev.attendee_count is not None and ev.attendee_count >= 0:
            g.add((s, CG.attendeeCount, Literal(ev.attendee_count, datatype=XSD.integer)))
        for o in self._resolve(ev.places, frozenset({"Place"})):
            g.add((s, CG.place, o))
        for o in self._resolve(ev.subjects, frozenset({"Convention", "Policy"})):
            g.add((s, CG.subject, o))
        for o in self._resolve(ev.people, frozenset({"Person"})):
            g.add((s, CG.involvedPerson, o))
        projects = self._resolve(ev.projects, frozenset({"Project"}))
        for o in projects:
            g.add((s, CG.project, o))
        actors = set(projects)
        for field_name, prop in _ROLES:
            for o in self._resolve(getattr(ev, field_name), ACTOR_TYPES):
                g.add((s, prop, o))
                actors.add(o)
        g.add((s, PROV.wasDerivedFrom, self.doc.iri))
        ann = self._evidence(s, ev.evidence, ev.span)
        return EventFact(s, frozenset(actors), first, last, ann, self.doc.iri)

    def _add_dates(self, s: URIRef, ev: Event) -> tuple[int | None, int | None]:
        start, end = parse_date(ev.start), parse_date(ev.end)
        if start is None:
            self.g.add((s, CG.datePrecision, CGC["precision-unknown"]))
            return None, None
        self.g.add((s, CG.startDate, start[0]))
        self.g.add((s, CG.datePrecision, CGC[f"precision-{start[1]}"]))
        self.g.add((s, CG.year, Literal(start[2], datatype=XSD.integer)))
        if end is not None:
            self.g.add((s, CG.endDate, end[0]))
        return start[2], max(start[2], end[2]) if end else start[2]

    def add_relation(self, rel: Relation) -> RelationFact | None:
        """The direct triple plus a ``cg:StatedRelation`` node carrying the evidence."""
        if rel.predicate not in PREDICATES:
            return None
        subj = self.ids.iri_of.get((self.index, rel.subject))
        obj = self.ids.iri_of.get((self.index, rel.object))
        if subj is None or obj is None or subj == obj:
            return None
        prop = CG[rel.predicate]
        self.g.add((subj, prop, obj))
        node = mint(self.base, "relation", self.doc.slug,
                    self._relations.claim(f"{rel.subject} {rel.predicate} {rel.object}"))
        self.g.add((node, RDF.type, CG.StatedRelation))
        self.g.add((node, CG.relationSubject, subj))
        self.g.add((node, CG.relationPredicate, prop))
        self.g.add((node, CG.relationObject, obj))
        self.g.add((node, PROV.wasDerivedFrom, self.doc.iri))
        ann = self._evidence(node, rel.evidence, rel.span)
        return RelationFact(subj, rel.predicate, obj, ann, self.doc.iri)
