"""What the network page needs from the RDF graph, read with SPARQL into plain frozen records.

Why a reader of its own: the page is built from the graph (the vocabulary contract in
docs/vocabulary.md), never from loader records, so a graph loaded from ``graph.trig`` draws the
same picture as one just built. The queries live beside this module as ``network-*.rq`` files;
none takes parameters, so no document text ever reaches query text. They run on pyoxigraph (an
rdflib graph is copied into an in-memory store first): rdflib's SPARQL engine took 6 s for the
ten queries on the 5,000-triple corpus graph, far too slow for 2,000-actor graphs. Every list is
sorted, so the same graph always gives the same records (and the same HTML bytes).
"""

from __future__ import annotations

import csv
import io

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from coopgraph.errors import InputError
from coopgraph.defaults import ONTOLOGY_NS
from coopgraph.viz.triple_rows import TripleRows

CG = ONTOLOGY_NS
CGC = "https://w3id.org/coopgraph/concept/"


@dataclass(frozen=True)
class Evidence:
    """A quoted sentence and the document it was read from."""

    quote: str
    document: str


@dataclass(frozen=True)
class Actor:
    """An organisation or project: the nodes of the actors view."""

    iri: str
    name: str
    acronym: str | None
    category: str  # one of CATEGORY_KEYS
    country: str | None
    aliases: tuple[str, ...]
    same_as: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """A place events happened in, or one that contains such a place.

    ``kind`` is aimag, soum, city, region, country or place; ``parent`` the place it lies in
    (``cg:locatedIn``), which the places view follows up to the aimag or the capital.
    """

    iri: str
    name: str
    kind: str
    parent: str | None = None


@dataclass(frozen=True)
class Event:
    """An activity with its roles (actor IRI, role), places and evidence."""

    iri: str
    title: str
    type: str
    status: str
    start: str | None
    end: str | None
    year: int | None
    roles: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Cooperation:
    """A derived cooperation edge between two actors, weighted by shared events."""

    iri: str
    #: the two actors' IRIs, ``first`` sorting before ``second``
    first: str
    second: str
    #: the number of shared events: the edge's width in the diagram
    weight: int
    #: the years the shared events span (None when no shared event is dated)
    first_year: int | None
    last_year: int | None
    events: tuple[str, ...]
    #: local names of the predicates stated between the two (fundedBy, partOf, ...)
    relations: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Relation:
    """A relation stated between two actors (``predicate`` is its local name, e.g. fundedBy)."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class NetworkModel:
    """Everything the views draw, keyed by IRI and sorted."""

    actors: dict[str, Actor]
    events: dict[str, Event]
    places: dict[str, Place]
    cooperations: tuple[Cooperation, ...]
    relations: tuple[Relation, ...]
    documents: tuple[str, ...]  # "label — title" lines, sorted


CATEGORY_KEYS: tuple[str, ...] = (
    "government", "international", "donor", "social_partner", "education", "research", "ngo",
    "private", "other", "project",
)


Row = dict[str, str | None]
#: What the readers query: an Oxigraph store, or the build's triples (``TripleRows``).
Source = ox.Store | TripleRows
#: The per-graph triple sets of ``build_quads`` (graph name → triples).
GraphSets = Mapping[URIRef, Collection[tuple[object, object, object]]]


@cache
def _query_text(name: str) -> str:
    return files("coopgraph.viz").joinpath(f"network-{name}.rq").read_text(encoding="utf-8")


def _rows(store: Source, name: str) -> list[Row]:
    """The solutions of ``network-<name>.rq`` as {variable: lexical value or None}, sorted.

    A :class:`TripleRows` (the build's own triples) answers the same queries by look-ups.

    Why through SPARQL CSV: Oxigraph serialises the whole result in native code, and Python's
    csv module parses it in C; reading term objects one by one cost twice as long (at 1,000
    documents, 48,000 evidence rows: 2.0 s against 1.1 s). CSV writes an unbound value and an
    empty string alike; both become None here (the graph holds no empty labels or quotes).
    """
    if isinstance(store, TripleRows):
        return sorted(store.rows(name), key=lambda r: tuple(v or "" for v in r.values()))
    solutions = store.query(_query_text(name), use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    data = solutions.serialize(format=ox.QueryResultsFormat.CSV)
    assert data is not None
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(reader)
    rows = [{n: v or None for n, v in zip(header, values, strict=True)} for values in reader]
    return sorted(rows, key=lambda r: tuple(v or "" for v in r.values()))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _local(value: str | None, prefix: str) -> str | None:
    """``cgc:status-planned`` → ``planned`` (the part after ``prefix``), else None."""
    if value is None:
        return None
    for base in (CGC + prefix, CG):
        if value.startswith(base):
            return value[len(base):]
    return value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _ox_term(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def to_store(graph: Dataset | Graph | ox.Store) -> ox.Store:
    """An in-memory pyoxigraph store holding every triple of ``graph`` (a store is kept as is)."""
    if isinstance(graph, ox.Store):
        return graph
    graphs = list(graph.graphs()) if isinstance(graph, Dataset) else [graph]
    store = ox.Store()
    store.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o))  # type: ignore[arg-type]
                 for g in graphs for s, p, o in g)
    return store


def read_model(graph: Dataset | Graph | ox.Store | GraphSets) -> NetworkModel:
    """Read actors, events, places, cooperation edges and sources out of ``graph``.

    ``graph`` may also be the plain per-graph triple sets of ``build_quads``: ``coopgraph
    build`` draws its page from them (see :mod:`coopgraph.viz.triple_rows`) instead of loading
    the files it wrote into a store again.

    Raises:
        InputError: the graph has no actor at all (nothing to draw; is it a coopgraph graph?).
    """
    g: Source = TripleRows(graph) if isinstance(graph, Mapping) else to_store(graph)
    actors = _read_actors(g)
    if not actors:
        raise InputError(None, "the graph has no actor (cg:Actor); build it with coopgraph build")
    documents = _read_documents(g)
    evidence = _read_evidence(g, documents)
    events, places = _read_events(g, evidence)
    return NetworkModel(
        actors=actors, events=events, places=places,
        cooperations=_read_cooperations(g, evidence, set(actors)),
        relations=_read_relations(g), documents=tuple(sorted({shown for _, shown in documents.values()})),
    )


def _read_actors(g: Source) -> dict[str, Actor]:
    rows: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(g, "actors"):
        fields = rows[str(r["actor"])]
        if r["isProject"] == "true":
            fields["project"].add("yes")
        for key in ("label", "acronym", "country"):
            if r[key] is not None:
                fields[key].add(str(r[key]))
        if r["category"] is not None:
            fields["category"].add(_local(r["category"], "category-") or "other")
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(g, "names"):
        if r["alt"] is not None:
            names[str(r["actor"])]["alt"].add(r["alt"])
        if r["same"] is not None:
            names[str(r["actor"])]["same"].add(r["same"])
    return {iri: _make_actor(iri, rows[iri], names[iri]) for iri in sorted(rows)}


def _first(values: set[str]) -> str | None:
    return min(values) if values else None


def _make_actor(iri: str, f: dict[str, set[str]], n: dict[str, set[str]]) -> Actor:
    category = "project" if f["project"] else (_first(f["category"]) or "other")
    if category not in CATEGORY_KEYS:
        category = "other"
    name = _first(f["label"]) or iri.rsplit("/", 1)[-1]
    return Actor(iri=iri, name=name, acronym=_first(f["acronym"]), category=category,
                 country=_first(f["country"]), aliases=tuple(sorted(n["alt"] - {name})),
                 same_as=tuple(sorted(n["same"])))


def _read_documents(g: Source) -> dict[str, tuple[str, str]]:
    """Document IRI → (file name, "file name — title")."""
    docs: dict[str, tuple[str, str]] = {}
    for r in _rows(g, "documents"):
        doc = str(r["doc"])
        label = r["label"] or doc.rsplit("/", 1)[-1]
        shown = f"{label} — {r['title']}" if r["title"] is not None else label
        docs.setdefault(doc, (label, shown))
    return docs


def _read_evidence(g: Source, documents: dict[str, tuple[str, str]]
                   ) -> dict[str, tuple[Evidence, ...]]:
    found: dict[str, set[tuple[int, str, str]]] = defaultdict(set)
    for r in _rows(g, "evidence"):
        doc = r["doc"]
        label = documents.get(doc, (doc, doc))[0] if doc else ""
        found[str(r["subject"])].add((_int(r["start"]) or 0, label, str(r["quote"])))
    return {s: tuple(Evidence(quote=q, document=d) for _, d, q in sorted(v))
            for s, v in found.items()}


def _read_events(g: Source, evidence: dict[str, tuple[Evidence, ...]]
                 ) -> tuple[dict[str, Event], dict[str, Place]]:
    roles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in _rows(g, "roles"):
        roles[str(r["event"])].add((str(r["actor"]), _local(r["role"], "") or "participant"))
    places: dict[str, Place] = {}
    event_places: dict[str, set[str]] = defaultdict(set)
    for r in _rows(g, "places"):
        iri = str(r["place"])
        event_places[str(r["event"])].add(iri)
        kind = (_local(r["class"], "") or "place").lower()
        old = places.get(iri)
        if old is None or (old.kind == "place" and kind != "place"):
            places[iri] = Place(iri=iri, name=r["label"] or iri.rsplit("/", 1)[-1], kind=kind)
    _read_parents(g, places)
    events: dict[str, Event] = {}
    for r in _rows(g, "events"):
        iri = str(r["event"])
        if iri in events:
            continue
        events[iri] = Event(
            iri=iri, title=r["title"] or iri.rsplit("/", 1)[-1],
            type=_local(r["type"], "event-") or "other",
            status=_local(r["status"], "status-") or "unknown",
            start=r["start"], end=r["end"], year=_int(r["year"]),
            roles=tuple(sorted(roles[iri])), places=tuple(sorted(event_places[iri])),
            evidence=evidence.get(iri, ()))
    return dict(sorted(events.items())), dict(sorted(places.items()))


def _read_parents(g: Source, places: dict[str, Place]) -> None:
    """Add, in place, the parent of each place and of each parent's parent (with its kind).

    Why a fixed point rather than one pass: a soum's aimag is not always a place of an event
    itself, and the view needs the aimag's own parent (the country) to find the capital.
    """
    parents: dict[str, tuple[str, str | None, str]] = {}
    for r in _rows(g, "place-parents"):
        kind = (_local(r["class"], "") or "place").lower()
        child, parent = str(r["place"]), str(r["parent"])
        old = parents.get(child)
        if old is None or (old[2] == "place" and kind != "place"):
            parents[child] = (parent, r["label"], kind)
    todo = [iri for iri in places if iri in parents]
    while todo:
        iri = todo.pop()
        parent, label, kind = parents[iri]
        places[iri] = replace(places[iri], parent=parent)
        if parent not in places:
            places[parent] = Place(iri=parent, name=label or parent.rsplit("/", 1)[-1], kind=kind)
            if parent in parents:
                todo.append(parent)


def _read_cooperations(g: Source, evidence: dict[str, tuple[Evidence, ...]],
                       actors: set[str]) -> tuple[Cooperation, ...]:
    links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(g, "cooperation-links"):
        if r["event"] is not None:
            links[str(r["coop"])]["events"].add(r["event"])
        if r["relation"] is not None:
            links[str(r["coop"])]["relations"].add(r["relation"])
    coops: dict[str, Cooperation] = {}
    for r in _rows(g, "cooperation"):
        iri, first, second = str(r["coop"]), str(r["first"]), str(r["second"])
        if iri in coops or first not in actors or second not in actors or first == second:
            continue
        events = tuple(sorted(links[iri]["events"]))
        coops[iri] = Cooperation(
            iri=iri, first=first, second=second, weight=_int(r["weight"]) or len(events),
            first_year=_int(r["firstYear"]), last_year=_int(r["lastYear"]), events=events,
            relations=tuple(sorted(links[iri]["relations"])), evidence=evidence.get(iri, ()))
    return tuple(coops[k] for k in sorted(coops))


def _read_relations(g: Source) -> tuple[Relation, ...]:
    found = {Relation(subject=str(r["subject"]), predicate=_local(r["predicate"], "") or "",
                      object=str(r["object"])) for r in _rows(g, "relations")}
    return tuple(sorted(found, key=lambda x: (x.subject, x.predicate, x.object)))
