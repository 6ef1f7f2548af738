"""Evidence: W3C Web Annotations pointing at the quote a statement was read from.

Each quote becomes ``oa:Annotation`` → target (``oa:hasSource`` the document) → selector
(``oa:TextQuoteSelector`` with ``oa:exact``, plus ``oa:TextPositionSelector`` with ``oa:start`` /
``oa:end`` when the offsets are known and agree with the quote's length). Target and selector are
IRIs derived from the annotation's, never blank nodes, so output stays byte-identical.
"""

from __future__ import annotations

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from coopgraph.graph.bulk import TripleSink
from coopgraph.graph.iris import mint
from coopgraph.slugs import short_hash
from coopgraph.records import Span

OA = Namespace("http://www.w3.org/ns/oa#")


def annotation_iri(base_iri: str, doc_slug: str, quote: str, span: Span | None) -> URIRef:
    """The annotation's IRI: by offsets when known (``123-456``), else by a hash of the quote."""
    if usable_span(quote, span):
        assert span is not None
        return mint(base_iri, "annotation", doc_slug, f"{span[0]}-{span[1]}")
    return mint(base_iri, "annotation", doc_slug, "q-" + short_hash(quote))


def usable_span(quote: str, span: Span | None) -> bool:
    """True when ``span`` is a non-negative range exactly as long as ``quote``."""
    return span is not None and 0 <= span[0] <= span[1] and span[1] - span[0] == len(quote)


def add_annotation(g: TripleSink, ann: URIRef, document: URIRef, quote: str, span: Span | None) -> URIRef:
    """Write the annotation (idempotent: the same quote twice gives the same triples)."""
    target, selector = URIRef(f"{ann}/target"), URIRef(f"{ann}/selector")
    g.add((ann, RDF.type, OA.Annotation))
    g.add((ann, OA.motivatedBy, OA.describing))
    g.add((ann, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, document))
    g.add((target, OA.hasSelector, selector))
    g.add((selector, RDF.type, OA.TextQuoteSelector))
    g.add((selector, OA.exact, Literal(quote)))
    if usable_span(quote, span):
        assert span is not None
        g.add((selector, RDF.type, OA.TextPositionSelector))
        g.add((selector, OA.start, Literal(span[0], datatype=XSD.nonNegativeInteger)))
        g.add((selector, OA.end, Literal(span[1], datatype=XSD.nonNegativeInteger)))
    return ann
