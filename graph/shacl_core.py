"""A linear-time checker for the SHACL Core subset that ``ontology/shapes.ttl`` uses.

Why: pySHACL needed ~60 s for the ~550,000 triples of 1,000 generated documents (and grows
with them), longer than the whole build may take. coopgraph's shapes use only simple paths and
a dozen constraint components, each a dictionary look-up per focus node, so checking them here
is one pass over the focus nodes. pySHACL stays available (``validate_graph(...,
engine="pyshacl")``); ``tests/test_validate.py`` runs every breakage fixture through both and
requires the same report lines.

Supported: ``sh:targetClass`` (with ``rdfs:subClassOf`` in the data), ``sh:targetSubjectsOf``
(nodes without an ``rdf:type``, such as a qualified role, are found by a property they must
have), ``sh:property`` with an
IRI ``sh:path``, ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:in``,
``sh:nodeKind`` (IRI, Literal, BlankNode), ``sh:hasValue``, ``sh:pattern``, ``sh:minLength``,
``sh:minInclusive``, ``sh:disjoint``, ``sh:lessThanOrEquals``, ``sh:node``, ``sh:or``,
``sh:message``. Anything else in a shape raises ``ValueError`` naming it, so a new shape never
goes silently unchecked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from coopgraph.graph.index import Index
from coopgraph.ontology.namespace import CG


# namespace attribute look-ups are slow; these run once per checked value
_TYPE, _STRING, _LANG_STRING = RDF.type, XSD.string, RDF.langString
_EMPTY: dict[Any, list[Any]] = {}

_HANDLED = {SH.path, SH.property, SH.targetClass, SH.targetSubjectsOf, SH.message, SH.minCount, SH.maxCount,
            SH.datatype, SH["class"], SH["in"], SH.nodeKind, SH.hasValue, SH.pattern,
            SH.minLength, SH.minInclusive, SH.disjoint, SH.lessThanOrEquals, SH.node, SH["or"],
            RDF.type, RDFS.comment, RDFS.label, SH.name, SH.description}
_NODE_KINDS = {SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,)}


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the path (None at node level), message and value."""

    focus: Node
    path: URIRef | None
    message: str | None
    value: Node | None


@dataclass
class Shape:
    """A node shape (``path`` None) or property shape, compiled from the shapes graph."""

    iri: Node
    path: URIRef | None = None
    message: str | None = None
    targets: list[URIRef] = field(default_factory=list)
    #: ``sh:targetSubjectsOf``: every subject of these predicates is a focus node.
    subject_targets: list[URIRef] = field(default_factory=list)
    checks: list[tuple[Node, Any]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)


def compile_shapes(shapes: Graph) -> list[Shape]:
    """The targeted node shapes of ``shapes``, with their property and nested shapes compiled.

    Raises:
        ValueError: a shape uses a path or constraint this checker does not support.
    """
    cache: dict[Node, Shape] = {}
    targeted = sorted(set(shapes.subjects(SH.targetClass, None))
                      | set(shapes.subjects(SH.targetSubjectsOf, None)), key=str)
    return [_compile(shapes, s, cache) for s in targeted]


#: Namespaces whose terms the graph builder takes from rdflib's cached attributes.
_CANONICAL_NAMESPACES = (CG, RDF, RDFS, XSD, SH)


def _canonical(node: Node) -> Node:
    """The very object the graph builder uses for ``node`` (e.g. ``CG.weight``), when it is a
    term of a known namespace; else ``node`` itself.

    Why: the index is probed with shape terms millions of times; a dictionary look-up whose key
    is the *same object* skips rdflib's Python-level ``__eq__``, which otherwise ran 2.7 million
    times and took a sixth of the validation time at 1,000 documents.
    """
    if isinstance(node, URIRef):
        for ns in _CANONICAL_NAMESPACES:
            base = str(ns._NS)
            if node.startswith(base):
                try:
                    return getattr(ns, node[len(base):])  # type: ignore[no-any-return]
                except AttributeError:
                    return node
    return node


def _compile(shapes: Graph, node: Node, cache: dict[Node, Shape]) -> Shape:
    if node in cache:
        return cache[node]
    shape = cache[node] = Shape(node)
    for p, o in sorted(shapes.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
        p, o = _canonical(p), _canonical(o)
        if p not in _HANDLED:
            raise ValueError(f"shape {node.n3()} uses {p.n3()}, which coopgraph's checker "
                             "does not support; extend graph/shacl_core.py or use engine='pyshacl'")
        if p == SH.path:
            if not isinstance(o, URIRef):
                raise ValueError(f"shape {node.n3()}: only IRI paths are supported")
            shape.path = o
        elif p == SH.message:
            shape.message = str(o)
        elif p == SH.targetClass:
            shape.targets.append(o)  # type: ignore[arg-type]
        elif p == SH.targetSubjectsOf:
            shape.subject_targets.append(o)  # type: ignore[arg-type]
        elif p == SH.property:
            shape.properties.append(_compile(shapes, o, cache))
        elif p == SH.node:
            shape.checks.append((_NODE, _compile(shapes, o, cache)))
        elif p == SH["or"]:
            shape.checks.append((p, [_compile(shapes, m, cache) for m in Collection(shapes, o)]))
        elif p == SH["in"]:
            shape.checks.append((p, frozenset(_canonical(m) for m in Collection(shapes, o))))
        elif p == SH.pattern:
            shape.checks.append((p, re.compile(str(o))))
        elif p in (SH.minCount, SH.maxCount, SH.minLength):
            shape.checks.append((p, int(o)))  # type: ignore[call-overload]
        elif p not in (RDF.type, RDFS.comment, RDFS.label, SH.name, SH.description):
            shape.checks.append((p, o))
    return shape


class Checker:
    """Evaluates compiled shapes against an index of the data."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._subclasses: dict[Node, frozenset[Node]] = {}
        self._sub_of: dict[Node, list[Node]] = defaultdict(list)
        self._instances: dict[Node, list[Node]] = defaultdict(list)
        self._with_predicate: dict[Node, list[Node]] = {}
        for s, preds in index.items():
            for c in preds.get(RDFS.subClassOf, ()):
                self._sub_of[c].append(s)
            for c in preds.get(RDF.type, ()):
                self._instances[c].append(s)

    def classes(self, cls: Node) -> frozenset[Node]:
        """``cls`` and its subclasses (rdfs:subClassOf* in the data graph)."""
        found = self._subclasses.get(cls)
        if found is None:
            seen, todo = {cls}, [cls]
            while todo:
                for sub in self._sub_of.get(todo.pop(), ()):
                    if sub not in seen:
                        seen.add(sub)
                        todo.append(sub)
            found = self._subclasses[cls] = frozenset(seen)
        return found

    def focus_nodes(self, shape: Shape) -> set[Node]:
        found = {n for t in shape.targets for c in self.classes(t) for n in self._instances.get(c, ())}
        for predicate in shape.subject_targets:
            found.update(self._subjects_of(predicate))
        return found

    def _subjects_of(self, predicate: Node) -> list[Node]:
        """The subjects having ``predicate`` (one pass over the index per predicate, kept)."""
        found = self._with_predicate.get(predicate)
        if found is None:
            found = self._with_predicate[predicate] = [
                s for s, preds in self.index.items() if predicate in preds]
        return found

    def values(self, focus: Node, path: URIRef) -> list[Node]:
        preds = self.index.get(focus)
        if not preds:
            return []
        return list(dict.fromkeys(preds.get(path, ())))

    def check(self, shape: Shape, focus: Node) -> list[Violation]:
        """Every violation of ``shape`` (and its property shapes) at ``focus``."""
        out: list[Violation] = []
        if shape.path is None:
            values = [focus]
        else:
            preds = self.index.get(focus)
            found = preds.get(shape.path) if preds else None
            values = list(dict.fromkeys(found)) if found else []
        for kind, param in shape.checks:
            if kind is _NODE:
                # as pySHACL does: the failing value, then what is wrong inside it
                for v in values:
                    nested = self.check(param, v)
                    if nested:
                        out.append(Violation(focus, shape.path, shape.message, v))
                        out.extend(nested)
                continue
            failed = _FAILURES[kind](self, param, focus, values)
            if failed:
                out.extend(Violation(focus, shape.path, shape.message, v) for v in failed)
        for prop in shape.properties:
            out.extend(self.check(prop, focus))
        return out

    def conforms(self, shape: Shape, focus: Node) -> bool:
        return not self.check(shape, focus)


def _value_test(test: Any) -> Any:
    """A per-value test turned into a constraint returning the values that fail it."""
    def failures(c: Checker, param: Any, _focus: Node, values: list[Node]) -> list[Node | None]:
        return [v for v in values if not test(c, v, param)]
    return failures


def _disjoint(c: Checker, param: Any, focus: Node, values: list[Node]) -> list[Node | None]:
    other = set(c.values(focus, param))
    return [v for v in values if v in other]


def _less_or_equal(c: Checker, param: Any, focus: Node, values: list[Node]) -> list[Node | None]:
    others = c.values(focus, param)
    return [v for v in values if not all(_le(v, w) for w in others)]


def _le(a: Node, b: Node) -> bool:
    if not (isinstance(a, Literal) and isinstance(b, Literal)):
        return False
    try:
        return bool(a.toPython() <= b.toPython())
    except TypeError:
        return False


def _datatype_ok(_c: Checker, v: Node, dt: URIRef) -> bool:
    if not isinstance(v, Literal) or v.ill_typed:
        return False
    if dt == _STRING:
        return (v.datatype is None or v.datatype == _STRING) and not v.language
    if dt == _LANG_STRING:
        return v.datatype is None and bool(v.language)
    return v.datatype == dt


def _class_ok(c: Checker, v: Node, cls: URIRef) -> bool:
    types = c.index.get(v, _EMPTY).get(_TYPE, ())
    wanted = c.classes(cls)
    return any(t in wanted for t in types)


def _min_inclusive_ok(_c: Checker, v: Node, bound: Literal) -> bool:
    if not isinstance(v, Literal) or v.ill_typed:
        return False
    try:
        return bool(v.toPython() >= bound.toPython())
    except TypeError:
        return False


def _min_length_ok(_c: Checker, v: Node, n: int) -> bool:
    return not isinstance(v, BNode) and len(str(v)) >= n


def _pattern_ok(_c: Checker, v: Node, pattern: re.Pattern[str]) -> bool:
    return not isinstance(v, BNode) and pattern.search(str(v)) is not None


_NODE = SH.node
_FAILURES: dict[Node, Any] = {
    SH.minCount: lambda _c, n, _f, values: [None] if len(values) < n else [],
    SH.maxCount: lambda _c, n, _f, values: [None] if len(values) > n else [],
    SH.hasValue: lambda _c, value, _f, values: [] if value in values else [None],
    SH.disjoint: _disjoint,
    SH.lessThanOrEquals: _less_or_equal,
    SH.datatype: _value_test(_datatype_ok),
    SH["class"]: _value_test(_class_ok),
    SH["in"]: _value_test(lambda _c, v, allowed: v in allowed),
    SH.nodeKind: _value_test(lambda _c, v, kind: isinstance(v, _NODE_KINDS.get(kind, ()))),
    SH.minInclusive: _value_test(_min_inclusive_ok),
    SH.minLength: _value_test(_min_length_ok),
    SH.pattern: _value_test(_pattern_ok),
    SH["or"]: _value_test(lambda c, v, members: any(c.conforms(m, v) for m in members)),
}
