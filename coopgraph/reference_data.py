"""The bundled reference files (data/reference/*.json) as read by every layer.

Why here and not in loaders/: the graph needs the gazetteer too (to tell a city from an aimag of
the same name when minting a place's IRI) and may not import the loaders, so each layer used to
read places.json its own way, one of them giving up silently when the file was missing. Now there
is one reader, and a missing or broken file raises the same error wherever it is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class RefPlace:
    """A place of the gazetteer (places.json)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    place_type: str
    parent: str | None
    wikidata: str | None


def read_reference(name: str) -> Any:
    """The parsed JSON of ``data/reference/<name>``.

    Raises:
        OSError, ValueError: the file is missing or not valid JSON (a broken install).
    """
    path = resources.files("coopgraph.data").joinpath("reference", name)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def reference_places() -> tuple[RefPlace, ...]:
    """The gazetteer's places, in file order (read once per process).

    Raises:
        OSError, ValueError, KeyError: places.json is missing, not JSON, or a place lacks a field.
    """
    return tuple(RefPlace(p["id"], p["name"], tuple(p.get("aliases") or ()), p["place_type"],
                          p.get("parent"), p.get("wikidata")) for p in read_reference("places.json"))
