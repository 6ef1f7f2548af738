"""A small, fast, deterministic Turtle/TriG writer for coopgraph graphs.

Why not rdflib's serializer: it is slow on large graphs (it checks every node for RDF lists and
counts references) and its TriG output depends on the store's hash order. coopgraph graphs have
no blank nodes and no lists, so plain sorted output is enough: subjects by IRI, ``rdf:type``
first then predicates by IRI, objects IRIs first then literals, each group sorted by its text.
Literals are written on one line with escapes, so indentation never changes their value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')

Triple = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]


class TermWriter:
    """Renders terms with the given prefixes (longest namespace wins)."""

    def __init__(self, prefixes: Mapping[str, Namespace]) -> None:
        self._namespaces = sorted(((str(ns), p) for p, ns in prefixes.items()),
                                  key=lambda x: -len(x[0]))
        self._cache: dict[URIRef, str] = {}

    def iri(self, iri: URIRef) -> str:
        cached = self._cache.get(iri)
        if cached is None:
            cached = self._cache[iri] = self._render_iri(str(iri))
        return cached

    def _render_iri(self, text: str) -> str:
        for ns, prefix in self._namespaces:
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", text) + ">"

    def term(self, node: object) -> str:
        if isinstance(node, URIRef):
            return self.iri(node)
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, BNode):
            return f"_:{node}"
        raise TypeError(f"cannot write {node!r} as Turtle")

    def literal(self, lit: Literal) -> str:
        lexical = str(lit)
        if lit.datatype == XSD.integer and _INTEGER.match(lexical):
            return lexical
        quoted = '"' + _NEEDS_ESCAPE.sub(_escape, lexical) + '"'
        if lit.language:
            return f"{quoted}@{lit.language}"
        if lit.datatype is not None:
            return f"{quoted}^^{self.iri(lit.datatype)}"
        return quoted


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def _object_key(node: object, text: str) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, text)


def write_statements(triples: Iterable[Triple], terms: TermWriter, indent: str = "") -> list[str]:
    """The Turtle statements (one block per subject, sorted) for ``triples``."""
    index: dict[object, dict[URIRef, set[object]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        index[s][p].add(o)
    blocks = []
    for s in sorted(index, key=lambda n: (isinstance(n, BNode), str(n))):
        preds = index[s]
        order = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        lines = []
        for p in order:
            rendered = sorted(((o, terms.term(o)) for o in preds[p]), key=lambda x: _object_key(*x))
            objs = (",\n" + indent + "        ").join(text for _, text in rendered)
            lines.append(("a" if p == RDF.type else terms.iri(p)) + " " + objs)
        head = indent + terms.term(s) + " "
        blocks.append(head + (" ;\n" + indent + "    ").join(lines) + " .\n")
    return blocks


def prefix_header(prefixes: Mapping[str, Namespace]) -> str:
    """``@prefix`` lines for every prefix, sorted by prefix."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))


def write_turtle(triples: Iterable[Triple], prefixes: Mapping[str, Namespace]) -> str:
    """A Turtle document: prefixes, a blank line, then one sorted block per subject."""
    terms = TermWriter(prefixes)
    return prefix_header(prefixes) + "\n" + "\n".join(write_statements(triples, terms))


def write_trig(graphs: Iterable[tuple[URIRef | None, Iterable[Triple]]],
               prefixes: Mapping[str, Namespace]) -> str:
    """A TriG document: each (graph name, triples) pair as ``<name> { ... }`` in the given order."""
    terms = TermWriter(prefixes)
    parts = [prefix_header(prefixes)]
    for name, triples in graphs:
        body = "\n".join(write_statements(triples, terms, indent="    "))
        head = "{" if name is None else terms.iri(name) + " {"
        parts.append(f"\n{head}\n{body}}}\n")
    return "".join(parts)
