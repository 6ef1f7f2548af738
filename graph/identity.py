"""One IRI per real-world entity across documents.

Records name the same body differently (``ILO``, ``International Labour Organization``, a typo,
a curly apostrophe) and give it a different local id in each document. Here the mentions of all
records are grouped into entities and each entity gets one IRI minted from its canonical name.

Rules (same entity type, places also the same place type):

* strong links merge at once: the same Wikidata id; the same name; one's name is the other's
  alias; a shared alias of several words;
* an acronym-only link (``PSC`` named in one document, an alias elsewhere) merges only when it
  points to exactly one entity, so two documents' different "PSC"s stay apart.

IRIs stay put when the corpus grows (researchers cite them): a slug comes from what the
entity's own documents say, never from a counter over the corpus. A soum is qualified by its
aimag (``place/bulgan-soum-arkhangai``: soum names repeat across aimags and match aimag names),
another non-reference place by its type when its name is a reference place of another type
(``place/bulgan-city``). When a merge changes the canonical name, the IRI each document alone
would have given is kept as ``owl:sameAs`` (``also_known_as``), so an IRI cited from a smaller
build is still found.

Work is linear in the number of mentions plus aliases (dictionary look-ups, union-find).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from coopgraph.graph.iris import mint
from coopgraph.graph.union_find import UnionFind
from coopgraph.names import is_short_form, name_key
from coopgraph.reference_data import reference_places
from coopgraph.slugs import short_hash, slugify
from coopgraph.records import Entity, ExtractionRecord

_SEGMENT = {
    "Organisation": "organisation", "Project": "project", "Person": "person",
    "Convention": "convention", "Policy": "policy", "Place": "place",
}
_WD = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Mention:
    """One entity as one record describes it."""

    record: int
    entity: Entity


@dataclass
class ResolvedEntity:
    """A real-world entity: its IRI, canonical name and every mention across records."""

    iri: URIRef
    type: str
    name: str
    mentions: list[Mention]
    wikidata: list[str] = field(default_factory=list)
    #: IRIs its documents alone would have minted for it (other canonical names), as owl:sameAs.
    also_known_as: list[URIRef] = field(default_factory=list)

    _by_record: dict[int, list[Mention]] | None = field(default=None, repr=False, compare=False)

    def forms(self, record: int | None = None) -> list[str]:
        """Every distinct name and alias seen (in one record, or in all), canonical name excluded.

        Per-record look-ups use an index built on first use, so asking for each of N records
        costs O(mentions) in total rather than O(N x mentions).
        """
        if record is None:
            mentions = self.mentions
        else:
            if self._by_record is None:
                self._by_record = defaultdict(list)
                for m in self.mentions:
                    self._by_record[m.record].append(m)
            mentions = self._by_record.get(record, [])
        seen: dict[str, None] = {}
        for m in mentions:
            for form in (m.entity.name, *m.entity.aliases):
                if form.strip() and form != self.name:
                    seen.setdefault(form.strip(), None)
        return sorted(seen)

    def attribute(self, name: str) -> str | None:
        """The most common non-empty value of a single-valued entity field (ties: smallest)."""
        counts: Counter[str] = Counter(v for m in self.mentions if (v := getattr(m.entity, name)))
        if not counts:
            return None
        return min(counts, key=lambda v: (-counts[v], v))

    def acronym(self) -> str | None:
        """The acronym of an organisation or project, if a name or alias is one that fits."""
        if self.type not in ("Organisation", "Project"):
            return None
        if is_short_form(self.name):
            return self.name
        initials = "".join(w[0] for w in name_key(self.name).split())
        fits = [f for f in self.forms() if is_short_form(f) and _subsequence(name_key(f), initials)]
        return min(fits, key=lambda f: (-len(f), f)) if fits else None


@dataclass
class Identities:
    """The result of resolution: entities sorted by IRI and the (record, local id) → IRI map."""

    entities: list[ResolvedEntity]
    iri_of: dict[tuple[int, str], URIRef]
    by_iri: dict[URIRef, ResolvedEntity]


def resolve_entities(records: Sequence[ExtractionRecord], base_iri: str) -> Identities:
    """Group every record's entities into real-world entities and mint their IRIs."""
    mentions = [Mention(i, e) for i, r in enumerate(records) for e in r.entities
                if e.type in _SEGMENT and e.name.strip()]
    groups = _group(mentions)
    parents = {(i, e.id): e.name for i, r in enumerate(records) for e in r.entities}
    entities = _mint(groups, base_iri, parents)
    iri_of = {(m.record, m.entity.id): ent.iri for ent in entities for m in ent.mentions}
    return Identities(entities, iri_of, {e.iri: e for e in entities})


def _kind(e: Entity) -> str:
    return f"Place:{e.place_type}" if e.type == "Place" else e.type


def _group(mentions: list[Mention]) -> list[list[Mention]]:
    uf = UnionFind(len(mentions))
    first: dict[tuple[str, str], int] = {}  # strong key → first mention holding it

    def link(key: tuple[str, str], i: int) -> None:
        j = first.setdefault(key, i)
        if j != i:
            uf.union(i, j)

    weak_alias: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        kind, e = _kind(m.entity), m.entity
        if e.wikidata and _WD.match(e.wikidata):
            link((kind, "wd:" + e.wikidata), i)
        if not is_short_form(e.name):
            link((kind, name_key(e.name)), i)
        for alias in e.aliases:
            if alias.strip() and not is_short_form(alias):
                link((kind, name_key(alias)), i)
            elif alias.strip():
                weak_alias[(kind, name_key(alias))].append(i)
    _link_acronyms(mentions, uf, weak_alias)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[uf.find(i)].append(m)
    return list(groups.values())


def _link_acronyms(mentions: list[Mention], uf: UnionFind,
                   weak_alias: dict[tuple[str, str], list[int]]) -> None:
    """Merge entities known only by an acronym with the one entity having it as an alias."""
    named: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if is_short_form(m.entity.name):
            named[(_kind(m.entity), name_key(m.entity.name))].append(i)
    for key in sorted(named):
        ids = named[key]
        for j in ids[1:]:
            uf.union(ids[0], j)
        targets = {uf.find(j) for j in weak_alias.get(key, ())} - {uf.find(ids[0])}
        if len(targets) == 1:
            uf.union(ids[0], targets.pop())


def _canonical_name(group: list[Mention]) -> str:
    counts = Counter(m.entity.name.strip() for m in group)
    return min(counts, key=lambda n: (is_short_form(n), -counts[n], -len(n), n))


def _mint(groups: list[list[Mention]], base_iri: str,
          parents: dict[tuple[int, str], str]) -> list[ResolvedEntity]:
    """IRIs from canonical names qualified by what the documents say (no counters).

    Slugs that still collide (homonyms no rule tells apart) are claimed in a sorted order: the
    first keeps the slug, the others get a hash of their identity key.
    """
    drafts = []
    for g in groups:
        g.sort(key=lambda m: (m.record, m.entity.id))
        name = _canonical_name(g)
        tiebreak = sorted(name_key(f) for m in g for f in (m.entity.name, *m.entity.aliases))
        segment = _SEGMENT[g[0].entity.type]
        slug = _slug(name, g, parents)
        drafts.append((segment, slug, _kind(g[0].entity), name_key(name), tiebreak, name, g))
    drafts.sort(key=lambda d: (d[0], d[1], d[2], d[3], d[4]))
    taken: set[tuple[str, str]] = set()
    out = []
    for segment, slug, kind, key, _tb, name, g in drafts:
        if (segment, slug) in taken:
            slug = f"{slug}-{short_hash(kind + '|' + key, 6)}"
        taken.add((segment, slug))
        iri = mint(base_iri, segment, slug)
        wds = sorted({m.entity.wikidata for m in g if m.entity.wikidata and _WD.match(m.entity.wikidata)})
        out.append(ResolvedEntity(iri, g[0].entity.type, name, g, wds))
    primary = {e.iri for e in out}
    for entity in out:
        segment = _SEGMENT[entity.type]
        alone = {mint(base_iri, segment, _slug(_canonical_name(ms), ms, parents))
                 for ms in _by_record(entity.mentions)}
        entity.also_known_as = sorted(alone - primary, key=str)
    out.sort(key=lambda e: str(e.iri))
    return out


def _by_record(mentions: list[Mention]) -> list[list[Mention]]:
    grouped: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.record].append(m)
    return [grouped[r] for r in sorted(grouped)]


def _slug(name: str, group: list[Mention], parents: dict[tuple[int, str], str]) -> str:
    """The slug of an entity named ``name``: places qualified so homonyms stay apart."""
    first = group[0].entity
    if first.type != "Place":
        return slugify(name)
    place_type = (first.place_type or "").lower()
    if place_type == "soum":
        parent = next((parents[(m.record, m.entity.parent)] for m in group
                       if m.entity.parent and (m.record, m.entity.parent) in parents), None)
        return slugify(f"{name} soum {parent}" if parent else f"{name} soum")
    other_types = _reference_place_types().get(name_key(name), set()) - {place_type}
    if place_type not in ("aimag", "country") and other_types:
        return slugify(f"{name} {place_type or 'place'}")
    return slugify(name)


@lru_cache(maxsize=1)
def _reference_place_types() -> dict[str, set[str]]:
    """Name key → place types of the bundled gazetteer (aimags, countries, cities)."""
    types: dict[str, set[str]] = defaultdict(set)
    for place in reference_places():
        for form in (place.name, *place.aliases):
            types[name_key(form)].add(place.place_type)
    return dict(types)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    letters = [c for c in short if c.isalpha()]
    return bool(letters) and all(c in it for c in letters)
