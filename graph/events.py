"""Events and stated relations of one document, with their evidence.

Returns plain facts (who took part in which event, which relation links whom, with which
annotation) so the cooperation layer derives pairs without querying the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.documents import SourceDocument
from coopgraph.graph.entities import ACTOR_TYPES
from coopgraph.graph.event_identity import EventIdentities, MergedFacts
from coopgraph.graph.evidence import add_annotation, annotation_iri
from coopgraph.graph.identity import Identities
from coopgraph.graph.iris import SlugRegistry, mint
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import EVENT_TYPES, PREDICATES, STATUSES, Event, Relation, event_label

_DATE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date, "day"),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth, "month"),
    (re.compile(r"^\d{4}$"), XSD.gYear, "year"),
)
_ROLES = (("organisers", CG.organiser, "organiser"), ("supporters", CG.supporter, "supporter"),
          ("participants", CG.participant, "participant"))
_AGENT, _ROLE_TYPE, _IN_EVENT, _EVIDENCE = CG.agent, CG.roleType, CG.inEvent, CG.evidence


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


@lru_cache(maxsize=1 << 16)
def integer(n: int) -> Literal:
    """The ``xsd:integer`` literal of ``n``, made once per value (years, weights and counts
    repeat; each new literal cost ~10 µs)."""
    return Literal(n, datatype=XSD.integer)


@lru_cache(maxsize=1 << 16)
def parse_date(value: str | None) -> tuple[Literal, str, int] | None:
    """An ISO date at its precision → (typed literal, precision, year); None if not a date.

    Cached: a corpus repeats a few thousand dates, and each call built a new literal (5% of
    building the graph at 1,000 documents)."""
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


def facts_of(ev: Event) -> MergedFacts:
    """The single-valued facts of an event reported by one document only."""
    return MergedFacts(event_label(ev.title).strip() or ev.id, ev.type, ev.status, ev.start, ev.end,
                       ev.attendee_count)


def years_of(start: str | None, end: str | None) -> tuple[int | None, int | None]:
    """First and last year of an event's dates (None, None when the start is not a date)."""
    first, last = parse_date(start), parse_date(end)
    if first is None:
        return None, None
    return first[2], max(first[2], last[2]) if last else first[2]


def add_event_facts(g: TripleSink, s: URIRef, facts: MergedFacts) -> None:
    """Label, type, status, dates, precision, year and attendee count of one event node."""
    g.add((s, RDFS.label, Literal(facts.title)))
    g.add((s, CG.eventType, CGC[f"event-{facts.type if facts.type in EVENT_TYPES else 'other'}"]))
    g.add((s, CG.status, CGC[f"status-{facts.status if facts.status in STATUSES else 'unknown'}"]))
    if facts.attendee_count is not None and facts.attendee_count >= 0:
        g.add((s, CG.attendeeCount, integer(facts.attendee_count)))
    start, end = parse_date(facts.start), parse_date(facts.end)
    if start is None:
        g.add((s, CG.datePrecision, CGC["precision-unknown"]))
        return
    g.add((s, CG.startDate, start[0]))
    g.add((s, CG.datePrecision, CGC[f"precision-{start[1]}"]))
    g.add((s, CG.year, integer(start[2])))
    if end is not None:
        g.add((s, CG.endDate, end[0]))


class DocumentWriter:
    """Writes one document's events and relations into its named graph."""

    def __init__(self, g: TripleSink, doc: SourceDocument, index: int, ids: Identities,
                 events: EventIdentities, base_iri: str) -> None:
        self.g, self.doc, self.index, self.ids, self.base = g, doc, index, ids, base_iri
        self.events = events
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

    def add_event(self, ev: Event, position: int) -> EventFact:
        """All triples of one event as this document reports it; returns its facts for cooperation.

        An event reported by several documents (see ``coopgraph.graph.event_identity``) is one
        node: its single-valued facts are written once, elsewhere (``add_event_facts`` into the
        reference graph); here go only this document's title (as ``skos:altLabel``, even when
        it is also the canonical ``rdfs:label``, so that this graph does not depend on what the
        other documents call the event), roles, places, subjects and evidence.
        """
        g = self.g
        s = self.events.iri_of[(self.index, position)]
        merged = self.events.facts.get(s)
        g.add((s, RDF.type, CG.Event))
        if merged is None:
            add_event_facts(g, s, facts_of(ev))
        elif event_label(ev.title).strip():
            g.add((s, SKOS.altLabel, Literal(event_label(ev.title).strip())))
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
        roles: list[tuple[str, URIRef]] = []
        for field_name, prop, role in _ROLES:
            for o in self._resolve(getattr(ev, field_name), ACTOR_TYPES):
                g.add((s, prop, o))
                actors.add(o)
                roles.append((role, o))
        g.add((s, PROV.wasDerivedFrom, self.doc.iri))
        ann = self._evidence(s, ev.evidence, ev.span)
        if merged is not None and ann is not None:
            for role, o in roles:
                self._add_participation(s, role, o, ann)
        first, last = years_of(ev.start, ev.end)
        return EventFact(s, frozenset(actors), first, last, ann, self.doc.iri)

    def _add_participation(self, event: URIRef, role: str, actor: URIRef, ann: URIRef) -> None:
        """A qualified role (``cg:Participation`` by the domain of its properties): one actor's
        role in the event, with this document's quote as evidence.

        Written only for an event several reports were merged into: there the union graph
        cannot tell which report's quote backs which role. An event reported once needs none
        (the direct triple and the event's ``cg:evidence`` say the same; they were 6 triples a
        role, a fifth of the graph: issue 14, item 3). No ``rdf:type`` and no
        ``prov:wasDerivedFrom`` (the quote names its document). IRI:
        ``<base>role/<doc>/<event slug>--<role>--<actor type>-<slug>`` (an event first minted in
        another document: ``<that doc>.<event slug>``; slugs never hold a dot)."""
        own = f"{self.base}event/{self.doc.slug}/"
        text = str(event)
        event_part = (text[len(own):] if text.startswith(own)
                      else text[len(self.base) + len("event/"):].replace("/", "."))
        node = mint(self.base, "role", self.doc.slug,
                    f"{event_part}--{role}--{self._local(actor)}")
        g = self.g
        g.add((node, _AGENT, actor))
        g.add((node, _ROLE_TYPE, CGC[f"role-{role}"]))
        g.add((node, _IN_EVENT, event))
        g.add((node, _EVIDENCE, ann))

    def _local(self, iri: URIRef) -> str:
        text = str(iri)
        return (text[len(self.base):] if text.startswith(self.base) else text).replace("/", "-")

    def add_relation(self, rel: Relation) -> RelationFact | None:
        """The direct triple, plus a stated-relation node (``cg:StatedRelation`` by the domain of
        its properties) carrying the quote when there is one; without a quote the node would
        say nothing the direct triple in this document's graph does not (issue 14, item 3)."""
        if rel.predicate not in PREDICATES:
            return None
        subj = self.ids.iri_of.get((self.index, rel.subject))
        obj = self.ids.iri_of.get((self.index, rel.object))
        if subj is None or obj is None or subj == obj:
            return None
        prop: URIRef = getattr(CG, rel.predicate)  # a predicate the ontology lacks raises (CG._fail)
        self.g.add((subj, prop, obj))
        node = mint(self.base, "relation", self.doc.slug,
                    self._relations.claim(f"{rel.subject} {rel.predicate} {rel.object}"))
        ann = self._evidence(node, rel.evidence, rel.span)
        if ann is not None:
            self.g.add((node, CG.relationSubject, subj))
            self.g.add((node, CG.relationPredicate, prop))
            self.g.add((node, CG.relationObject, obj))
        return RelationFact(subj, rel.predicate, obj, ann, self.doc.iri)
