"""Recognising place names from structured sources against the bundled reference gazetteer.

Why: a register cell "Selenge" or an IATI location "Selenge Province" must become the aimag
Selenge (with its country), the same place the text extractor finds, so both meet in one node.
The names live in ``data/reference/places.json`` (owned by the reference data), not in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopgraph.loaders.structured.entity_table import TypeKeyedEntityTable
from coopgraph.names import name_key
from coopgraph.reference_data import reference_places

#: Words that only say what kind of place a name is ("Selenge aimag", "Dornod Province").
_KIND_WORDS = re.compile(r"\s+(aimag|aimak|province|prefecture)$", re.I)


@dataclass(frozen=True)
class KnownPlace:
    """A place from the gazetteer: canonical name, kind and containing place's name."""

    name: str
    place_type: str
    parent: str | None
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, KnownPlace]:
    """Name key → place, from the package's gazetteer (read once)."""
    places = reference_places()
    names = {p.id: p.name for p in places}
    table: dict[str, KnownPlace] = {}
    for p in places:
        place = KnownPlace(p.name, p.place_type, names.get(p.parent or ""), p.aliases)
        for form in (place.name, *place.aliases):
            table.setdefault(name_key(form), place)
    return table


def find_place(name: str) -> KnownPlace | None:
    """The gazetteer place this name refers to, or None when it is not known."""
    cleaned = _KIND_WORDS.sub("", " ".join(name.split()))
    return _gazetteer().get(name_key(cleaned))


def add_place(table: TypeKeyedEntityTable, name: str) -> str:
    """Add a place to ``table`` under its gazetteer name (and its country), returning its id.

    An unknown name is kept as written, with no kind: better a plain place than a wrong aimag.
    """
    known = find_place(name)
    if known is None:
        return table.add("Place", name)
    parent_id = None
    if known.parent:
        parent = find_place(known.parent)
        parent_id = table.add("Place", known.parent,
                              place_type=parent.place_type if parent else None)
    written = " ".join(name.split())
    aliases = (written,) if written != known.name else ()
    return table.add("Place", known.name, aliases=aliases, place_type=known.place_type,
                     parent=parent_id)
