"""Checking a graph against ``ontology/shapes.ttl``: coopgraph's SHACL Core checker
(graph/shacl_core.py) by default, pySHACL on request (``engine="pyshacl"``).

Why a wrapper: both engines find the same violations, and users want one readable line per
problem naming the node, the property and what is wrong, the same lines from either. Validation
runs without inference (our data asserts every class it uses), which keeps it fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Dataset, Graph, Node, URIRef
from rdflib.namespace import RDF, RDFS, SH

from coopgraph.graph.builder import bind_prefixes
from coopgraph.graph.bulk import graph_triples, paused_gc
from coopgraph.graph.serialization import GraphSets, union_graph, union_triples
from coopgraph.graph.index import Index, build_index
from coopgraph.graph.shacl_core import Checker, Shape, compile_shapes
from coopgraph.ontology import shapes_path


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL check: ``conforms`` and one readable line per violation."""

    conforms: bool
    violations: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The violations, one per line (empty when the graph conforms)."""
        return "\n".join(self.violations)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    g = Graph()
    g.parse(shapes_path(), format="turtle")
    return g


@lru_cache(maxsize=1)
def _compiled() -> list[Shape]:
    return compile_shapes(_shapes())


#: Validation engines: ``core`` (coopgraph's linear checker, the default) or ``pyshacl``.
ENGINES = ("core", "pyshacl")


def validate_graph(graph: Graph | Dataset | GraphSets, *, only_graphs: Iterable[URIRef] | None = None,
                   engine: str = "core") -> ValidationReport:
    """Validate ``graph`` (all its named graphs together) against the coopgraph shapes.

    ``only_graphs`` limits the check to the nodes described in those named graphs (their
    values are still looked up in the whole dataset), so a rebuild after one document changed
    can check that document's graph plus the reference and cooperation graphs instead of
    everything. ``engine="pyshacl"`` runs pySHACL instead of coopgraph's own checker (same
    report, much slower on large graphs).

    Raises:
        ValueError: unknown engine, or a shape the core checker does not support.
        pyshacl's ReportableRuntimeError only if the shapes file itself is broken.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; choose one of {', '.join(ENGINES)}")
    with paused_gc():
        if engine == "pyshacl":
            return _validate_pyshacl(graph, _subjects_of(graph, only_graphs))
        return _validate_core(graph, _subjects_of(graph, only_graphs))


def _subjects_of(graph: Graph | Dataset | GraphSets,
                 names: Iterable[URIRef] | None) -> set[Node] | None:
    if names is None:
        return None
    if isinstance(graph, Mapping):
        return {t[0] for name in names for t in graph.get(name, ())}
    if not isinstance(graph, Dataset):
        raise ValueError("only_graphs needs a dataset with named graphs")
    return {t[0] for name in names for t in graph_triples(graph.graph(name))}


def _validate_core(graph: Graph | Dataset | GraphSets, only: set[Node] | None) -> ValidationReport:
    index = build_index(union_triples(graph))
    checker = Checker(index)
    labels = _Labels(index)
    lines = []
    for shape in _compiled():
        focus = checker.focus_nodes(shape)
        if only is not None:
            focus &= only
        for node in focus:
            for v in checker.check(shape, node):
                lines.append(_line(v.focus, v.path, v.message, v.value, shape.iri, labels))
    lines.sort()
    return ValidationReport(not lines, lines)


class _Labels:
    """Prefixed names and labels for report lines, as pySHACL's data graph would give them."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.names = Graph()
        bind_prefixes(self.names)

    def show(self, node: Node | None, *, label: bool = True) -> str:
        if node is None:
            return "?"
        if isinstance(node, URIRef):
            qname = self.names.namespace_manager.normalizeUri(node)
            short = qname if not qname.startswith("<") else node.n3()
        else:
            short = node.n3()
        names = self.index.get(node, {}).get(RDFS.label) if label and isinstance(node, URIRef) else None
        return f"{short} ({min(names)})" if names else short


def _line(focus: Node, path: Node | None, message: object, value: Node | None, shape: Node,
          labels: _Labels) -> str:
    """``<focus> (label) cg:path: message (value: v)``: the same text for both engines."""
    parts = [labels.show(focus)]
    if path is not None:
        parts.append(labels.show(path, label=False))
    where = " ".join(parts)
    text = f"{where}: {message}" if message is not None else f"{where}: violates {labels.show(shape)}"
    if value is not None and value != focus:
        text += f" (value: {labels.show(value, label=False)})"
    return text


def _validate_pyshacl(graph: Graph | Dataset | GraphSets, only: set[Node] | None) -> ValidationReport:
    from pyshacl import validate as shacl_validate  # imported here: ~0.3 s, the rarely used engine

    data = union_graph(graph)
    conforms, results, _text = shacl_validate(
        data, shacl_graph=_shapes(), inference="none", advanced=False, allow_warnings=False)
    assert isinstance(results, Graph)
    labels = _Labels(build_index(graph_triples(data)))
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus, shape = results.value(r, SH.focusNode), results.value(r, SH.sourceShape)
        assert focus is not None and shape is not None  # every validation result names both
        if only is not None and focus not in only:
            continue
        violations.append(_line(focus, results.value(r, SH.resultPath),
                                results.value(r, SH.resultMessage), results.value(r, SH.value),
                                shape, labels))
    violations.sort()
    return ValidationReport(not violations if only is not None else bool(conforms), violations)


