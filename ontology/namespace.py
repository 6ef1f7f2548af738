"""The coopgraph vocabularies as rdflib namespaces: Python never spells an ontology IRI.

Generated from ``coopgraph.ttl`` and ``schemes.ttl`` (``_fail = True`` turns a typo into an
``AttributeError``); ``tests/test_ontology.py`` checks that both agree. Concepts whose
names are not Python identifiers are reached by item: ``CGC["category-government"]``.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class CG(DefinedNamespace):
    """Classes and properties of the coopgraph ontology."""

    _fail = True
    _NS = Namespace("https://w3id.org/coopgraph/ontology#")

    # classes
    Actor: URIRef
    Aimag: URIRef
    City: URIRef
    Convention: URIRef
    Cooperation: URIRef
    Country: URIRef
    Document: URIRef
    Event: URIRef
    Organisation: URIRef
    Participation: URIRef
    Person: URIRef
    Place: URIRef
    Policy: URIRef
    Project: URIRef
    Region: URIRef
    Soum: URIRef
    StatedRelation: URIRef

    # properties
    acronym: URIRef
    agent: URIRef
    affiliatedWith: URIRef
    affiliation: URIRef
    attendeeCount: URIRef
    category: URIRef
    conventionNumber: URIRef
    cooperatesWith: URIRef
    country: URIRef
    datePrecision: URIRef
    endDate: URIRef
    eventType: URIRef
    evidence: URIRef
    firstActor: URIRef
    firstYear: URIRef
    fundedBy: URIRef
    implementedBy: URIRef
    inEvent: URIRef
    involvedPerson: URIRef
    issuer: URIRef
    lastYear: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    mentionedIn: URIRef
    organiser: URIRef
    partOf: URIRef
    participant: URIRef
    place: URIRef
    policyType: URIRef
    project: URIRef
    relationObject: URIRef
    relationPredicate: URIRef
    relationSubject: URIRef
    roleTitle: URIRef
    roleType: URIRef
    secondActor: URIRef
    sha256: URIRef
    startDate: URIRef
    status: URIRef
    subject: URIRef
    succeededBy: URIRef
    succeeds: URIRef
    supporter: URIRef
    supports: URIRef
    viaEvent: URIRef
    viaRelation: URIRef
    weight: URIRef
    year: URIRef


class CGC(DefinedNamespace):
    """SKOS concept schemes and concepts (organisation categories, event types, ...)."""

    _fail = True
    _NS = Namespace("https://w3id.org/coopgraph/concept/")
    _extras = [  # noqa: RUF012 - rdflib's DefinedNamespace declares it a list
        "category-donor",
        "category-education",
        "category-government",
        "category-international",
        "category-ngo",
        "category-other",
        "category-private",
        "category-research",
        "category-social_partner",
        "date-precision",
        "event-conference",
        "event-expo",
        "event-field_visit",
        "event-forum",
        "event-launch",
        "event-meeting",
        "event-other",
        "event-publication",
        "event-seminar",
        "event-steering_committee",
        "event-study_visit",
        "event-survey",
        "event-training",
        "event-type",
        "event-working_group",
        "event-workshop",
        "policy-classification",
        "policy-law",
        "policy-other",
        "policy-plan",
        "policy-programme",
        "policy-regulation",
        "policy-strategy",
        "policy-type",
        "precision-day",
        "precision-month",
        "precision-unknown",
        "precision-year",
        "role-organiser",
        "role-participant",
        "role-supporter",
        "role-type",
        "status-completed",
        "status-planned",
        "status-unknown",
    ]

    category: URIRef
    status: URIRef
