"""The rows of the page's ``network-*.rq`` queries, read from the build's own triples.

Why: ``coopgraph build`` drew the page from an Oxigraph store loaded again from the
``graph.ttl`` it had just written (at 1,000 documents 2.4-3.9 CPU-s to parse and index, and
+326 MB), while the same triples were still in memory as plain sets. The page's queries are
fixed, parameterless basic patterns, so each is answered here by look-ups in a subject index
built in one pass over the triples it reads (issue 14, item 4). Each function gives the rows
the SPARQL gives through Oxigraph's CSV results: every variable in SELECT order, lexical values,
DISTINCT, one row per combination of OPTIONAL values, unbound as None.
``tests/test_viz_triple_rows.py`` requires both readings to give the same model.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from itertools import product
from typing import Any

from rdflib import Literal, URIRef

from coopgraph.defaults import ONTOLOGY_NS
from coopgraph.graph.index import build_index

Row = dict[str, str | None]
_NONE: list[object] = []
Triple = tuple[Any, Any, Any]

_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
_SAME = URIRef("http://www.w3.org/2002/07/owl#sameAs")
_TITLE = URIRef("http://purl.org/dc/terms/title")
_OA = "http://www.w3.org/ns/oa#"
_EXACT, _SOURCE, _START = URIRef(_OA + "exact"), URIRef(_OA + "hasSource"), URIRef(_OA + "start")


def _cg(name: str) -> URIRef:
    return URIRef(ONTOLOGY_NS + name)


_ACTOR_CLASSES = (_cg("Actor"), _cg("Organisation"), _cg("Project"))
_PLACE_CLASSES = tuple(_cg(n) for n in ("Country", "Aimag", "Soum", "City", "Region"))
_ROLES = tuple(_cg(n) for n in ("organiser", "supporter", "participant"))
_RELATIONS = tuple(_cg(n) for n in ("fundedBy", "implementedBy", "supports", "memberOf",
                                    "partOf", "affiliatedWith", "succeededBy"))
_EVENT, _COOPERATION, _DOCUMENT = _cg("Event"), _cg("Cooperation"), _cg("Document")
_LOCATED_IN = _cg("locatedIn")

#: Every predicate a page query reads; other triples are not indexed.
_READ = frozenset({
    _RDF_TYPE, _LABEL, _ALT, _SAME, _TITLE, _EXACT, _SOURCE, _START, _LOCATED_IN,
    *_ROLES, *_RELATIONS,
    *(_cg(n) for n in ("acronym", "category", "country", "eventType", "status", "startDate",
                       "endDate", "year", "place", "evidence", "viaEvent", "viaRelation",
                       "firstActor", "secondActor", "weight", "firstYear", "lastYear"))})


def _text(term: object) -> str | None:
    """The lexical value as Oxigraph's CSV writes it; an empty string reads as unbound."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None and \
            str(term.datatype) == "http://www.w3.org/2001/XMLSchema#boolean":
        return "true" if term.toPython() else "false"
    return str(term) or None


class TripleRows:
    """Answers the page's queries over the union of ``graphs`` (name → triples)."""

    def __init__(self, graphs: Mapping[Any, Collection[Triple]]) -> None:
        # Objects in lists, not sets (build_index's lists): hashing an rdflib literal runs
        # Python code; repeats (a triple in several named graphs) are dropped where rows are made.
        read = _READ
        # Whether a predicate is read, decided once per predicate object: ``p in read`` ran
        # rdflib's Python-level ``__eq__`` for every triple (the triples outlive this loop, so
        # no id is reused while it runs).
        decided: dict[int, bool] = {}

        def kept(triples: Collection[Triple]) -> Iterator[Triple]:
            for t in triples:
                keep = decided.get(id(t[1]))
                if keep is None:
                    keep = decided[id(t[1])] = t[1] in read
                if keep:
                    yield t

        index = build_index(t for triples in graphs.values() for t in kept(triples))
        self.index = index
        self._typed: dict[Any, list[Any]] = {}
        for s, preds in index.items():
            for cls in preds.get(_RDF_TYPE, ()):
                self._typed.setdefault(cls, []).append(s)

    def rows(self, name: str) -> list[Row]:
        """The DISTINCT rows of ``network-<name>.rq`` (unsorted)."""
        make: Callable[[], Iterable[tuple[str | None, ...]]] = getattr(
            self, "_" + name.replace("-", "_"))
        columns = _COLUMNS[name]
        return [dict(zip(columns, r, strict=True)) for r in dict.fromkeys(make())]

    # ---------------------------------------------------------------- helpers

    def _values(self, s: Any, p: Any) -> list[Any]:
        preds = self.index.get(s)
        return preds.get(p, _NONE) if preds else _NONE

    def _optional(self, s: Any, p: Any) -> list[str | None]:
        found = {_text(o) for o in self._values(s, p)}
        return sorted(found, key=lambda v: v or "") if found else [None]

    def _instances(self, *classes: Any) -> list[Any]:
        return list(dict.fromkeys(s for c in classes for s in self._typed.get(c, ())))

    def _kinds(self, s: Any) -> list[str | None]:
        types = self._values(s, _RDF_TYPE)
        kinds: list[str | None] = [str(c) for c in _PLACE_CLASSES if c in types]
        return kinds or [None]

    # ---------------------------------------------------------------- one per query

    def _actors(self) -> Iterable[tuple[str | None, ...]]:
        for a in self._instances(*_ACTOR_CLASSES):
            project = "true" if _cg("Project") in self._values(a, _RDF_TYPE) else "false"
            for row in product(self._optional(a, _LABEL), self._optional(a, _cg("acronym")),
                               self._optional(a, _cg("category")),
                               self._optional(a, _cg("country"))):
                yield (str(a), project, *row)

    def _names(self) -> Iterable[tuple[str | None, ...]]:
        for a in self._instances(*_ACTOR_CLASSES):
            for alt in self._values(a, _ALT):
                yield str(a), _text(alt), None
            for same in self._values(a, _SAME):
                yield str(a), None, _text(same)

    def _documents(self) -> Iterable[tuple[str | None, ...]]:
        for d in self._instances(_DOCUMENT):
            for row in product(self._optional(d, _LABEL), self._optional(d, _TITLE)):
                yield (str(d), *row)

    def _evidence(self) -> Iterable[tuple[str | None, ...]]:
        for s in self._instances(_EVENT, _COOPERATION):
            for ann in self._values(s, _cg("evidence")):
                for quote in self._values(ann, _EXACT):
                    for row in product(self._optional(ann, _SOURCE), self._optional(ann, _START)):
                        yield (str(s), _text(quote), *row)

    def _roles(self) -> Iterable[tuple[str | None, ...]]:
        for e in self._instances(_EVENT):
            for role in _ROLES:
                for actor in self._values(e, role):
                    yield str(e), str(role), str(actor)

    def _places(self) -> Iterable[tuple[str | None, ...]]:
        for e in self._instances(_EVENT):
            for place in self._values(e, _cg("place")):
                for row in product(self._optional(place, _LABEL), self._kinds(place)):
                    yield (str(e), str(place), *row)

    def _place_parents(self) -> Iterable[tuple[str | None, ...]]:
        for s, preds in self.index.items():
            for parent in preds.get(_LOCATED_IN, ()):
                for row in product(self._optional(parent, _LABEL), self._kinds(parent)):
                    yield (str(s), str(parent), *row)

    def _events(self) -> Iterable[tuple[str | None, ...]]:
        fields = (_LABEL, _cg("eventType"), _cg("status"), _cg("startDate"), _cg("endDate"),
                  _cg("year"))
        for e in self._instances(_EVENT):
            for row in product(*(self._optional(e, p) for p in fields)):
                yield (str(e), *row)

    def _cooperation_links(self) -> Iterable[tuple[str | None, ...]]:
        for c in self._instances(_COOPERATION):
            for ev in self._values(c, _cg("viaEvent")):
                yield str(c), _text(ev), None
            for rel in self._values(c, _cg("viaRelation")):
                yield str(c), None, _text(rel)

    def _cooperation(self) -> Iterable[tuple[str | None, ...]]:
        for c in self._instances(_COOPERATION):
            for first, second in product(self._values(c, _cg("firstActor")),
                                         self._values(c, _cg("secondActor"))):
                for row in product(self._optional(c, _cg("weight")),
                                   self._optional(c, _cg("firstYear")),
                                   self._optional(c, _cg("lastYear"))):
                    yield (str(c), str(first), str(second), *row)

    def _relations(self) -> Iterable[tuple[str | None, ...]]:
        actors = set(self._typed.get(_cg("Actor"), ()))
        for s in actors:
            for p in _RELATIONS:
                for o in self._values(s, p):
                    if o in actors:
                        yield str(s), str(p), str(o)


#: Each query's SELECT variables, in order (what Oxigraph's CSV header holds).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("actor", "isProject", "label", "acronym", "category", "country"),
    "names": ("actor", "alt", "same"),
    "documents": ("doc", "label", "title"),
    "evidence": ("subject", "quote", "doc", "start"),
    "roles": ("event", "role", "actor"),
    "places": ("event", "place", "label", "class"),
    "place-parents": ("place", "parent", "label", "class"),
    "events": ("event", "title", "type", "status", "start", "end", "year"),
    "cooperation-links": ("coop", "event", "relation"),
    "cooperation": ("coop", "first", "second", "weight", "firstYear", "lastYear"),
    "relations": ("subject", "predicate", "object"),
}
