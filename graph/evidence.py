"""Evidence: one node per quote, in W3C Web Annotation terms, naming the document, the exact
text and its character offsets.

Each quote is ``<annotation IRI> oa:hasSource <document> ; oa:exact "…" ; oa:start n ; oa:end m``
(offsets only when known and agreeing with the quote's length). Why one node and no
``rdf:type``: a full Web Annotation is three typed nodes (annotation → target → selector,
11 triples a quote); nothing ever pointed at the inner two, and evidence was a fifth of every
graph (issue 14, item 3). The terms keep their W3C meaning (RDFS inference types the node an
``oa:SpecificResource`` and a text quote/position selector). The node's IRI is derived from the
document and the offsets (or a hash of the quote), never a blank node, so output stays
byte-identical.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import XSD

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.iris import mint
from coopgraph.slugs import short_hash
from coopgraph.records import Span

OA = Namespace("http://www.w3.org/ns/oa#")
_SOURCE, _EXACT, _START, _END = OA.hasSource, OA.exact, OA.start, OA.end


def annotation_iri(base_iri: str, doc_slug: str, quote: str, span: Span | None) -> URIRef:
    """The evidence node's IRI: by offsets when known (``123-456``), else by a hash of the quote."""
    if usable_span(quote, span):
        assert span is not None
        return mint(base_iri, "annotation", doc_slug, f"{span[0]}-{span[1]}")
    return mint(base_iri, "annotation", doc_slug, "q-" + short_hash(quote))


def usable_span(quote: str, span: Span | None) -> bool:
    """True when ``span`` is a non-negative range exactly as long as ``quote``."""
    return span is not None and 0 <= span[0] <= span[1] and span[1] - span[0] == len(quote)


@lru_cache(maxsize=1 << 16)
def offset(n: int) -> Literal:
    """The ``xsd:nonNegativeInteger`` literal of a character offset, made once per value
    (building a literal from an int costs ~10 µs in rdflib; offsets repeat across documents)."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


def add_annotation(g: TripleSink, ann: URIRef, document: URIRef, quote: str, span: Span | None) -> URIRef:
    """Write the evidence node (idempotent: the same quote twice gives the same triples)."""
    g.add((ann, _SOURCE, document))
    g.add((ann, _EXACT, Literal(quote)))
    if usable_span(quote, span):
        assert span is not None
        g.add((ann, _START, offset(span[0])))
        g.add((ann, _END, offset(span[1])))
    return ann
