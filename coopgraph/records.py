"""Extraction records: what a loader read in one document, in the gold-file format.

The fields follow the gold annotation format (docs/gold-format.md) exactly, so that ``coopgraph extract`` output can be
scored against hand-made gold files and the graph is built from the same objects the evaluation
sees. Records are plain frozen dataclasses with no rdflib import: loaders produce them, the graph
layer consumes them (one-way flow).

Identifiers (``id``) are local to one record; the graph layer resolves them to global IRIs.
``spans`` keep provenance: (start, end) character offsets of the text each fact was read from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal as TypingLiteral, get_args

EntityType = TypingLiteral["Organisation", "Person", "Project", "Convention", "Policy", "Place"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
ORG_CATEGORIES: tuple[str, ...] = (
    "government", "international", "donor", "social_partner", "education", "research", "ngo",
    "private", "other",
)
PLACE_TYPES: tuple[str, ...] = ("country", "aimag", "soum", "city", "region")
POLICY_TYPES: tuple[str, ...] = (
    "law", "regulation", "programme", "classification", "plan", "strategy", "other",
)
EVENT_TYPES: tuple[str, ...] = (
    "training", "meeting", "workshop", "seminar", "conference", "forum", "field_visit",
    "study_visit", "expo", "steering_committee", "working_group", "survey", "launch",
    "publication", "other",
)
STATUSES: tuple[str, ...] = ("completed", "planned", "unknown")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")
PREDICATES: tuple[str, ...] = (
    "fundedBy", "implementedBy", "supports", "memberOf", "partOf", "locatedIn",
    "affiliatedWith", "cooperatesWith", "succeededBy",
)
ROLES: tuple[str, ...] = ("organisers", "supporters", "participants")

Span = tuple[int, int]


@dataclass(frozen=True)
class Entity:
    """An organisation, person, project, convention, policy or place named in a document."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    category: str | None = None  # Organisation
    country: str | None = None  # Organisation
    affiliation: str | None = None  # Person: entity id
    role: str | None = None  # Person
    funders: tuple[str, ...] = ()  # Project: entity ids
    implementers: tuple[str, ...] = ()  # Project: entity ids
    issuer: str | None = None  # Convention: entity id
    policy_type: str | None = None  # Policy
    place_type: str | None = None  # Place
    parent: str | None = None  # Place: entity id
    wikidata: str | None = None  # Q-id from reference data
    spans: tuple[Span, ...] = ()  # where it was mentioned


@dataclass(frozen=True)
class Event:
    """One activity: who organised, supported and took part, when, where, about what."""

    id: str
    title: str
    type: str = "other"
    start: str | None = None
    end: str | None = None
    date_precision: str = "unknown"
    status: str = "unknown"
    places: tuple[str, ...] = ()
    organisers: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    attendee_count: int | None = None
    evidence: str = ""
    span: Span | None = None  # offsets of `evidence` in the document text


@dataclass(frozen=True)
class Relation:
    """A stated relation between two entities (fundedBy, partOf, ...)."""

    subject: str
    predicate: str
    object: str
    evidence: str = ""
    span: Span | None = None


@dataclass(frozen=True)
class SourceInfo:
    """The document a record was read from; `sha256` identifies its content."""

    name: str
    path: str = ""
    sha256: str = ""
    media_type: str = "text/plain"
    title: str | None = None
    date: str | None = None
    size: int = 0


@dataclass(frozen=True)
class ExtractionRecord:
    """Everything read from one document (gold-file format plus provenance)."""

    document: str
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    source: SourceInfo | None = None
    #: What the loader had to change or leave out (text cut at a budget, invalid characters
    #: replaced), one line each; reported with the build's warnings.
    warnings: tuple[str, ...] = ()

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this local id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self) -> dict[str, Any]:
        """The gold-schema JSON object (tuples become lists; spans and source kept as extras).

        ``warnings`` appears only when there are some, so records of ordinary documents keep
        the gold-file layout.
        """
        data: dict[str, Any] = _jsonable(asdict(self))
        if not self.warnings:
            del data["warnings"]
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractionRecord:
        """Read a record (or a gold file): unknown keys are ignored, missing ones defaulted."""
        src = data.get("source")
        return cls(
            document=str(data.get("document", "")),
            entities=tuple(_build(Entity, e) for e in data.get("entities", [])),
            events=tuple(_build(Event, e) for e in data.get("events", [])),
            relations=tuple(_build(Relation, r) for r in data.get("relations", [])),
            source=_build(SourceInfo, src) if isinstance(src, dict) else None,
            warnings=tuple(str(w) for w in data.get("warnings", []) or []),
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _build(cls: Any, data: dict[str, Any]) -> Any:
    """Make `cls` from JSON: a null where the field has a non-null default keeps the default."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        v = data[f.name]
        if v is None and f.default is not None:
            continue
        if f.name == "span" and v is not None:
            v = (int(v[0]), int(v[1]))
        elif f.name == "spans":
            v = tuple((int(a), int(b)) for a, b in v)
        elif isinstance(v, list):
            v = tuple(v)
        kwargs[f.name] = v
    return cls(**kwargs)


#: between an event title's label and its account of the activity (loaders/text/event_titles.py)
TITLE_ACCOUNT_SEPARATOR = " — "


def event_label(title: str) -> str:
    """An event title's label, without the account from the sentence that reports it: what
    identifies the activity across documents (a second report tells it in other words)."""
    return title.split(TITLE_ACCOUNT_SEPARATOR, 1)[0]
