"""A small, fast, deterministic Turtle/TriG writer for coopgraph graphs.

Why not rdflib's serializer: it is slow on large graphs (it checks every node for RDF lists and
counts references) and its TriG output depends on the store's hash order. coopgraph graphs have
no blank nodes and no lists, so plain sorted output is enough: subjects by IRI, ``rdf:type``
first then predicates by IRI, objects IRIs first then literals, each group sorted by its text.
Literals are written on one line with escapes, so indentation never changes their value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from coopgraph.graph.index import build_index

_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')

Triple = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]
_TYPE = RDF.type  # looked up once: namespace attribute access is slow in hot loops
_BARE_DATATYPES = {XSD.integer}  # written bare (``42``); a set probe skips rdflib's __eq__


class TermWriter:
    """Renders terms with the given prefixes (longest namespace wins); each term once."""

    def __init__(self, prefixes: Mapping[str, str], *, ntriples: bool = False) -> None:
        self._ntriples = ntriples  # N-Triples/N-Quads: no prefixes, no bare integers
        self._namespaces = sorted(((str(ns), p) for p, ns in prefixes.items()),
                                  key=lambda x: -len(x[0]))
        self._cache: dict[object, str] = {}
        self._keys: dict[object, tuple[int, str]] = {}
        self._predicates: dict[URIRef, tuple[tuple[bool, str], str]] = {}

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
        cached = self._cache.get(node)
        if cached is not None:
            return cached
        if isinstance(node, URIRef):
            text = self._render_iri(str(node))
        elif isinstance(node, Literal):
            text = self.literal(node)
        elif isinstance(node, BNode):
            text = f"_:{node}"
        else:
            raise TypeError(f"cannot write {node!r} as Turtle")
        self._cache[node] = text
        return text

    def predicate(self, p: URIRef) -> tuple[tuple[bool, str], str]:
        """Sort key (``rdf:type`` first, then by IRI) and text (``a`` for rdf:type) of a predicate."""
        cached = self._predicates.get(p)
        if cached is None:
            is_type = p == _TYPE
            cached = self._predicates[p] = ((not is_type, str(p)), "a" if is_type else self.iri(p))
        return cached

    def object_key(self, node: object) -> tuple[int, str]:
        """Sort key of an object: IRIs before literals, then by rendered text."""
        key = self._keys.get(node)
        if key is None:
            key = self._keys[node] = (0 if isinstance(node, URIRef) else 1, self.term(node))
        return key

    def literal(self, lit: Literal) -> str:
        lexical = str(lit)
        if not self._ntriples and lit.datatype in _BARE_DATATYPES and _INTEGER.match(lexical):
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


def iter_statements(triples: Iterable[Triple], terms: TermWriter, indent: str = "") -> Iterator[str]:
    """The Turtle statements of ``triples``, one block per subject in sorted order, as made."""
    for _subject, block in iter_blocks(triples, terms, indent):
        yield block


def iter_blocks(triples: Iterable[Triple], terms: TermWriter,
                indent: str = "") -> Iterator[tuple[object, str]]:
    """``iter_statements``' blocks with the subject each describes (a document's graph chunk
    keeps them apart, so the reduce can replace the block of a node the merge changed)."""
    index = build_index(triples)
    sep_objects = ",\n" + indent + "        "
    sep_preds = " ;\n" + indent + "    "
    key, term = terms.object_key, terms.term
    pred_info = {p: terms.predicate(p) for preds in index.values() for p in preds}
    pred_order = {p: i for i, p in enumerate(sorted(pred_info, key=lambda p: pred_info[p][0]))}
    for s in sorted(index, key=lambda n: (isinstance(n, BNode), str(n))):
        preds = index[s]
        lines = []
        for p in (sorted(preds, key=pred_order.__getitem__) if len(preds) > 1 else preds):
            objs = preds[p]
            if len(objs) == 1:
                texts = term(objs[0])
            else:
                texts = sep_objects.join([key(o)[1] for o in sorted(set(objs), key=key)])
            lines.append(pred_info[p][1] + " " + texts)
        yield s, indent + term(s) + " " + sep_preds.join(lines) + " .\n"


def prefix_header(prefixes: Mapping[str, str]) -> str:
    """``@prefix`` lines for every prefix, sorted by prefix."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))


def write_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str],
                 terms: TermWriter | None = None) -> str:
    """A Turtle document: prefixes, a blank line, then one sorted block per subject."""
    return "".join(iter_turtle(triples, prefixes, terms))


def iter_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str],
                terms: TermWriter | None = None) -> Iterator[str]:
    """``write_turtle``'s text in pieces (for streaming to a file)."""
    terms = terms or TermWriter(prefixes)
    yield prefix_header(prefixes) + "\n"
    for i, block in enumerate(iter_statements(triples, terms)):
        yield "\n" + block if i else block


def write_trig(graphs: Iterable[tuple[URIRef | None, Iterable[Triple]]],
                 prefixes: Mapping[str, str], terms: TermWriter | None = None) -> str:
    """A TriG document: each (graph name, triples) pair as ``<name> { ... }`` in the given order."""
    return "".join(iter_trig(graphs, prefixes, terms))


def iter_trig(graphs: Iterable[tuple[URIRef | None, Iterable[Triple]]],
              prefixes: Mapping[str, str], terms: TermWriter | None = None) -> Iterator[str]:
    """``write_trig``'s text in pieces (for streaming to a file)."""
    terms = terms or TermWriter(prefixes)
    yield prefix_header(prefixes)
    for name, triples in graphs:
        head = "{" if name is None else terms.iri(name) + " {"
        yield f"\n{head}\n"
        for i, block in enumerate(iter_statements(triples, terms, indent="    ")):
            yield "\n" + block if i else block
        yield "}\n"


def write_nquads(graphs: Iterable[tuple[URIRef | None, Iterable[Triple]]]) -> str:
    """N-Quads: one line per quad (graph name omitted for the default graph), lines sorted."""
    terms = TermWriter({}, ntriples=True)
    lines = []
    for name, triples in graphs:
        tail = " .\n" if name is None else f" {terms.iri(name)} .\n"
        for s, p, o in triples:
            lines.append(f"{terms.term(s)} {terms.iri(p)} {terms.term(o)}{tail}")
    lines.sort()
    return "".join(lines)
