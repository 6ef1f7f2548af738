"""Entity triples: the identity record (reference graph) and what each document says (its graph).

Why split: single-valued facts (type, canonical label, acronym, category, Wikidata link) are
decided over all documents and kept once in the reference graph; what a document says about an
entity (forms seen, affiliation, funders, parent place) stays in that document's graph, so
replacing a document replaces exactly those statements.
"""

from __future__ import annotations

import re

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.identity import Identities, ResolvedEntity
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import ORG_CATEGORIES, POLICY_TYPES, Entity

WD = Namespace("http://www.wikidata.org/entity/")

_PLACE_CLASS = {"country": CG.Country, "aimag": CG.Aimag, "soum": CG.Soum, "city": CG.City,
                "region": CG.Region}
_CLASS = {"Organisation": CG.Organisation, "Project": CG.Project, "Person": CG.Person,
          "Convention": CG.Convention, "Policy": CG.Policy, "Place": CG.Place}
_NUMBER = re.compile(r"(?:\bNo\.?\s*|\bC\s*0*|#\s*)(\d{1,4})\b", re.IGNORECASE)

ACTOR_TYPES = frozenset({"Organisation", "Project"})


def classes_of(entity: ResolvedEntity) -> list[URIRef]:
    """The rdf:type values: the class, cg:Actor for actors, the place subclass for places."""
    out = [_CLASS[entity.type]]
    if entity.type in ACTOR_TYPES:
        out.append(CG.Actor)
    place_type = entity.attribute("place_type")
    if entity.type == "Place" and place_type in _PLACE_CLASS:
        out.append(_PLACE_CLASS[place_type])
    return out


def convention_number(entity: ResolvedEntity) -> int | None:
    """The number in a convention's name or aliases (``No. 81``, ``C081``, ``#129``)."""
    for form in (entity.name, *entity.forms()):
        m = _NUMBER.search(form)
        if m:
            return int(m.group(1))
    return None


def add_identity(g: TripleSink, entity: ResolvedEntity) -> None:
    """Type, canonical labels, acronym, Wikidata link and single-valued attributes."""
    s = entity.iri
    for cls in classes_of(entity):
        g.add((s, RDF.type, cls))
    g.add((s, RDFS.label, Literal(entity.name)))
    g.add((s, SKOS.prefLabel, Literal(entity.name)))
    acronym = entity.acronym()
    if acronym:
        g.add((s, CG.acronym, Literal(acronym)))
    for q in entity.wikidata:
        g.add((s, OWL.sameAs, WD[q]))
    for other in entity.also_known_as:  # the IRI a smaller build gave it (identity.py)
        g.add((s, OWL.sameAs, other))
    _add_attributes(g, entity)


def _add_attributes(g: TripleSink, entity: ResolvedEntity) -> None:
    s = entity.iri
    if entity.type == "Organisation":
        category = entity.attribute("category")
        if category in ORG_CATEGORIES:
            g.add((s, CG.category, CGC[f"category-{category}"]))
        country = entity.attribute("country")
        if country:
            g.add((s, CG.country, Literal(country)))
    elif entity.type == "Policy":
        policy_type = entity.attribute("policy_type")
        if policy_type in POLICY_TYPES:
            g.add((s, CG.policyType, CGC[f"policy-{policy_type}"]))
    elif entity.type == "Convention":
        number = convention_number(entity)
        if number is not None:
            g.add((s, CG.conventionNumber, Literal(number, datatype=XSD.integer)))


def add_mentions(g: TripleSink, ids: Identities, record_index: int, entities: tuple[Entity, ...],
                 document: URIRef) -> None:
    """What one document says about its entities: forms seen, links to other entities."""
    for e in sorted(entities, key=lambda x: x.id):
        s = ids.iri_of.get((record_index, e.id))
        if s is None:
            continue
        resolved = ids.by_iri[s]
        g.add((s, CG.mentionedIn, document))
        for form in resolved.forms(record_index):
            g.add((s, SKOS.altLabel, Literal(form)))
        _add_links(g, ids, record_index, e, s)


def _add_links(g: TripleSink, ids: Identities, rec: int, e: Entity, s: URIRef) -> None:
    def target(local_id: str | None, types: frozenset[str]) -> URIRef | None:
        iri = ids.iri_of.get((rec, local_id)) if local_id else None
        return iri if iri is not None and ids.by_iri[iri].type in types else None

    if e.type == "Person":
        if (o := target(e.affiliation, ACTOR_TYPES)) is not None:
            g.add((s, CG.affiliation, o))
        if e.role:
            g.add((s, CG.roleTitle, Literal(e.role)))
    elif e.type == "Project":
        for f in e.funders:
            if (o := target(f, ACTOR_TYPES)) is not None:
                g.add((s, CG.fundedBy, o))
        for i in e.implementers:
            if (o := target(i, ACTOR_TYPES)) is not None:
                g.add((s, CG.implementedBy, o))
    elif e.type == "Convention":
        if (o := target(e.issuer, frozenset({"Organisation"}))) is not None:
            g.add((s, CG.issuer, o))
    elif e.type == "Place" and (o := target(e.parent, frozenset({"Place"}))) is not None and o != s:
        g.add((s, CG.locatedIn, o))
