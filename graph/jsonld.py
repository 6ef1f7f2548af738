"""Byte-stable JSON-LD for coopgraph datasets, using the published context.

Why not rdflib's JSON-LD serializer: it lists nodes and values in the store's (hash) order, so
two exports of the same dataset differed from run to run. Here every named graph becomes
``{"@id": graph, "@graph": [nodes sorted by @id]}``, values are sorted like the Turtle writer
sorts them, keys are sorted, and terms are compacted with the prefixes of
``ontology/context.jsonld`` exactly where Turtle would use a prefixed name. Literals keep their
lexical form (``{"@value": "12", "@type": "xsd:integer"}``), so parsing gives back the same graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from coopgraph.graph.bulk import Triple
from coopgraph.graph.turtle import TermWriter

_TYPE = RDF.type


class _Compactor:
    """Compact IRIs (``cg:agent``) where the context has the prefix, full IRIs elsewhere."""

    def __init__(self, context: Mapping[str, str]) -> None:
        self._terms = TermWriter(context)
        self._cache: dict[object, str] = {}

    def iri(self, node: URIRef | BNode) -> str:
        cached = self._cache.get(node)
        if cached is None:
            if isinstance(node, BNode):
                cached = f"_:{node}"
            else:
                text = self._terms.iri(node)
                cached = str(node) if text.startswith("<") else text
            self._cache[node] = cached
        return cached

    def value(self, node: object) -> Any:
        if isinstance(node, (URIRef, BNode)):
            return {"@id": self.iri(node)}
        assert isinstance(node, Literal)
        out: dict[str, str] = {"@value": str(node)}
        if node.language:
            out["@language"] = node.language
        elif node.datatype is not None:
            out["@type"] = self.iri(node.datatype)
        return out


def write_jsonld(graphs: Iterable[tuple[URIRef | None, Iterable[Triple]]],
                 context: Mapping[str, str]) -> str:
    """JSON-LD text: the context, then each (graph name, triples) in the given order."""
    compact = _Compactor(context)
    top: list[dict[str, Any]] = []
    for name, triples in graphs:
        nodes = _nodes(triples, compact)
        if name is None:
            top.extend(nodes)
        else:
            top.append({"@id": compact.iri(name), "@graph": nodes})
    doc = {"@context": dict(context), "@graph": top}
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _nodes(triples: Iterable[Triple], compact: _Compactor) -> list[dict[str, Any]]:
    """One node object per subject, sorted by ``@id``; values sorted by their JSON text."""
    index: dict[object, dict[object, list[object]]] = {}
    for s, p, o in triples:
        index.setdefault(s, {}).setdefault(p, []).append(o)
    out = []
    for s, preds in index.items():
        node: dict[str, Any] = {"@id": compact.iri(s)}  # type: ignore[arg-type]
        for p, objs in preds.items():
            if p == _TYPE and all(isinstance(o, URIRef) for o in objs):
                node["@type"] = sorted(compact.iri(o) for o in objs)  # type: ignore[arg-type]
                continue
            values = [compact.value(o) for o in objs]
            values.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            node[compact.iri(p)] = values  # type: ignore[arg-type]
        out.append(node)
    out.sort(key=lambda n: n["@id"])
    return out
