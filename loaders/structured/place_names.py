"""Recognising place names from structured sources against the bundled reference gazetteer.

Why: a register cell "Selenge" or an IATI location "Selenge Province" must become the aimag
Selenge (with its country), the same place the text extractor finds, so both meet in one node.
The names live in ``data/reference/places.json`` (owned by the reference data), not in code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from coopgraph.loaders.structured.entity_table import EntityTable
from coopgraph.loaders.structured.values import name_key

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
    """Name key → place, read once from the package's reference data (empty if absent)."""
    resource = files("coopgraph.data") / "reference" / "places.json"
    try:
        entries: list[dict[str, Any]] = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    names = {str(e.get("id")): str(e.get("name")) for e in entries}
    table: dict[str, KnownPlace] = {}
    for e in entries:
        aliases = tuple(str(a) for a in e.get("aliases") or ())
        place = KnownPlace(str(e["name"]), str(e.get("place_type") or ""),
                           names.get(str(e.get("parent"))), aliases)
        for form in (place.name, *aliases):
            table.setdefault(name_key(form), place)
    return table


def find_place(name: str) -> KnownPlace | None:
    """The gazetteer place this name refers to, or None when it is not known."""
    cleaned = _KIND_WORDS.sub("", " ".join(name.split()))
    return _gazetteer().get(name_key(cleaned))


def add_place(table: EntityTable, name: str) -> str:
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
