"""What the mention finders learn on the way, before the entities it concerns are all known.

Two kinds of note, each its own type so that mypy checks every use (they were 4-tuples with
``"__home__"`` and ``"@name"`` markers in their strings):

- ``HomeProjectHint``: words that name the document's own project ("the project", "Expert Team
  (ET)"), kept until ``home_project.resolve_home_project`` knows which project that is;
- ``RelationHint``: a relation a finder saw while reading a name ("ILO Mongolia Office" is part
  of ILO and located in Mongolia), read out with the other relations by
  ``relations.find_relations``. Its object may be an entity id, or ``ActorNamed``: a name whose
  entity is looked up only then, once every mention has been read.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopgraph.loaders.text.entities import EntityTable
from coopgraph.records import Span


@dataclass(frozen=True)
class HomeProjectHint:
    """Words naming the document's own project, whichever project that turns out to be."""

    span: Span
    #: another name of the project ("Expert Team" and "ET" of "Expert Team (ET)"); None for a
    #: generic mention ("the project"), which names it without adding a name
    alias: str | None = None


@dataclass(frozen=True)
class ActorNamed:
    """The organisation or project a name finds once every mention has been read (the two share
    one key space in ``EntityTable``): "ACR" of "ACR Steering Committee", where "Steering
    Committee" is a body already read and ACR may be named in full only later."""

    name: str


@dataclass(frozen=True)
class RelationHint:
    """A relation seen while reading a name: ``subject`` ``predicate`` ``object``, read from the
    words at ``span``. Ids are those of the moment (``EntityTable.resolve`` follows merges)."""

    subject: str
    predicate: str
    object: str | ActorNamed
    span: Span

    def object_id(self, table: EntityTable) -> str | None:
        """The object's entity id; None when an ``ActorNamed`` names nothing after all."""
        if isinstance(self.object, ActorNamed):
            target = table.find("Project", self.object.name)
            return target.id if target is not None else None
        return self.object
