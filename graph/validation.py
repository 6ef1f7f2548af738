"""Checking a graph against ``ontology/shapes.ttl`` with pySHACL.

Why a wrapper: pySHACL returns a results graph; users want one readable line per problem
naming the node, the property and what is wrong. Validation runs without inference (our data
asserts every class it uses), which keeps it fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Node, URIRef
from rdflib.namespace import RDF, RDFS, SH

from coopgraph.graph.serialization import union_graph
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


def validate_graph(graph: Graph | Dataset) -> ValidationReport:
    """Validate ``graph`` (all its named graphs together) against the coopgraph shapes.

    Raises:
        pyshacl's ReportableRuntimeError only if the shapes file itself is broken.
    """
    data = union_graph(graph)
    conforms, results, _text = shacl_validate(
        data, shacl_graph=_shapes(), inference="none", advanced=False, allow_warnings=False)
    assert isinstance(results, Graph)
    violations = sorted(_describe(results, r, data) for r in results.subjects(RDF.type, SH.ValidationResult))
    return ValidationReport(bool(conforms), violations)


def _describe(results: Graph, result: Node, data: Graph) -> str:
    """``<focus> (label) cg:path: message [shape]`` for one validation result."""
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    value = results.value(result, SH.value)
    shape = results.value(result, SH.sourceShape)
    parts = [_show(focus, data)]
    if path is not None:
        parts.append(_show(path, data, label=False))
    where = " ".join(parts)
    text = f"{where}: {message}" if message is not None else f"{where}: violates {_show(shape, data)}"
    if value is not None and value != focus:
        text += f" (value: {_show(value, data, label=False)})"
    return text


def _show(node: Node | None, data: Graph, *, label: bool = True) -> str:
    """A node as a reader wants it: prefixed name or <IRI>, with its label when it has one."""
    if node is None:
        return "?"
    if isinstance(node, URIRef):
        qname = data.namespace_manager.normalizeUri(node)
        short = qname if not qname.startswith("<") else node.n3()
    else:
        short = node.n3()
    name = data.value(node, RDFS.label) if label and isinstance(node, URIRef) else None
    return f"{short} ({name})" if name is not None else short
