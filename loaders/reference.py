"""Reference data: background knowledge read from data/reference/*.json, loaded once per process.

Why a data file and not code: places, ILO conventions, well-known organisations and renamed
bodies are facts about the world that users extend; the extractor only knows how to use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coopgraph.reference_data import RefPlace, read_reference, reference_places


@dataclass(frozen=True)
class RefOrg:
    """A well-known organisation (organisations.json): its names, kind, Wikidata item and place."""

    id: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    category: str
    wikidata: str | None
    country: str | None
    parent: str | None
    implementer: bool = False  # an agency that implements projects ("a project of X" is implemented by X)


@dataclass(frozen=True)
class RefConvention:
    """An ILO convention (ilo_conventions.json): a text names it by number or title, the graph by
    its id and full name."""

    number: int
    title: str
    year: int
    wikidata: str | None = None

    @property
    def id(self) -> str:
        return f"c{self.number:03d}"

    @property
    def full_name(self) -> str:
        return f"{self.title}, {self.year} (No. {self.number})"


@dataclass(frozen=True)
class Succession:
    """A body renamed or replaced by another (successions.json), with the names of each."""

    old: str
    old_aliases: tuple[str, ...]
    new: str
    new_aliases: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Reference:
    """All the reference data, as :func:`reference` reads it."""

    places: tuple[RefPlace, ...]
    organisations: tuple[RefOrg, ...]
    conventions: dict[int, RefConvention]
    successions: tuple[Succession, ...]

    @property
    def home_country(self) -> RefPlace | None:
        """The country whose provinces the gazetteer lists (its first-level divisions' parent).

        Why derived, not written down: the gazetteer is the one place that says which country
        coopgraph reads about; another country's gazetteer makes that country the home one, and a
        body of a document set there gets that country, without a change in code."""
        parents = [p.parent for p in self.places if p.place_type == "aimag" and p.parent]
        if not parents:
            return None
        top = max(set(parents), key=parents.count)
        return next((p for p in self.places if p.id == top), None)


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The bundled reference data (cached: read once per process).

    Raises:
        OSError, ValueError: a reference file is missing or not valid JSON (a broken install).
    """
    places = reference_places()
    orgs = tuple(RefOrg(o["id"], o["name"], tuple(o.get("acronyms") or ()),
                        tuple(o.get("aliases") or ()), o.get("category") or "other",
                        o.get("wikidata"), o.get("country"), o.get("parent"), bool(o.get("implementer")))
                 for o in read_reference("organisations.json"))
    convs = {c["number"]: RefConvention(c["number"], c["title"], c["year"], c.get("wikidata"))
             for c in read_reference("ilo_conventions.json")}
    succ = tuple(Succession(s["from"], tuple(s.get("from_aliases") or ()), s["to"],
                            tuple(s.get("to_aliases") or ()), s.get("note", ""))
                 for s in read_reference("successions.json"))
    return Reference(places, orgs, convs, succ)
