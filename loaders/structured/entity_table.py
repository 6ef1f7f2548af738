"""Collecting the entities of one structured document, one per name, with stable local ids.

Why: a register names "ILO" on ten rows and an IATI file names the same organisation in every
activity; the record must hold it once, with every spelling seen kept as an alias, so the graph
layer can merge it with the same organisation found in text documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from coopgraph.loaders.structured.values import local_id, split_acronym
from coopgraph.names import name_key
from coopgraph.records import Entity, EntityType


@dataclass
class _Draft:
    """An entity being collected; frozen into an :class:`Entity` at the end."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    category: str | None = None
    place_type: str | None = None
    parent: str | None = None
    funders: list[str] = field(default_factory=list)
    implementers: list[str] = field(default_factory=list)


class TypeKeyedEntityTable:
    """Entities keyed by type and by every name or alias they were seen under.

    Why not the text extractor's ``EntityTable`` (loaders/text/entities.py): a register or an
    IATI file states each entity's type in its own field, so an organisation and a project of
    the same name stay two, and names match by ``name_key``; the text table lets a project take
    over an organisation of its name and forgives spelling variants and plurals, as prose
    needs. tests/test_entity_tables.py shows both."""

    def __init__(self) -> None:
        self._drafts: list[_Draft] = []
        self._by_key: dict[tuple[str, str], _Draft] = {}
        self._ids: set[str] = set()

    def add(self, entity_type: EntityType, name: str, *, aliases: tuple[str, ...] = (),
            category: str | None = None, place_type: str | None = None,
            parent: str | None = None) -> str:
        """The local id of the entity of this type named ``name`` (created on first sight).

        ``Name (ACR)`` is split into the name and the acronym alias. Any alias already known
        points to the same entity, so ``ILO`` and ``International Labour Organization (ILO)``
        become one.
        """
        base, acronym = split_acronym(name)
        forms = [base] + ([acronym] if acronym else []) + [a for a in aliases if a]
        draft = self._find(entity_type, forms)
        if draft is None:
            draft = _Draft(id=self._new_id(base), type=entity_type, name=base)
            self._drafts.append(draft)
        for form in forms:
            if form != draft.name and form not in draft.aliases:
                draft.aliases.append(form)
            self._by_key.setdefault((entity_type, name_key(form)), draft)
        draft.category = draft.category or category
        draft.place_type = draft.place_type or place_type
        draft.parent = draft.parent or parent
        return draft.id

    def add_funder(self, project_id: str, actor_id: str) -> None:
        """Record that ``actor_id`` funds the project ``project_id``."""
        draft = self._get(project_id)
        if actor_id not in draft.funders:
            draft.funders.append(actor_id)

    def add_implementer(self, project_id: str, actor_id: str) -> None:
        """Record that ``actor_id`` implements the project ``project_id``."""
        draft = self._get(project_id)
        if actor_id not in draft.implementers:
            draft.implementers.append(actor_id)

    def type_of(self, entity_id: str) -> str:
        """The type of a collected entity."""
        return self._get(entity_id).type

    def entities(self) -> tuple[Entity, ...]:
        """The collected entities, in order of first sight."""
        return tuple(
            replace(Entity(id=d.id, type=d.type, name=d.name), aliases=tuple(d.aliases),
                    category=d.category, place_type=d.place_type, parent=d.parent,
                    funders=tuple(d.funders), implementers=tuple(d.implementers))
            for d in self._drafts
        )

    def _find(self, entity_type: EntityType, forms: list[str]) -> _Draft | None:
        for form in forms:
            found = self._by_key.get((entity_type, name_key(form)))
            if found is not None:
                return found
        return None

    def _get(self, entity_id: str) -> _Draft:
        for d in self._drafts:
            if d.id == entity_id:
                return d
        raise KeyError(entity_id)

    def _new_id(self, name: str) -> str:
        base = local_id(name)
        candidate, n = base, 2
        while candidate in self._ids:
            candidate, n = f"{base}-{n}", n + 1
        self._ids.add(candidate)
        return candidate
