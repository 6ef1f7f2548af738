"""Entity IRIs stay put when the corpus grows (issue 15, item 4).

Researchers cite IRIs: building A, then A+B, must find every entity IRI of A again, as the IRI
of the same node or as its owl:sameAs. Before, a counter made the soum Bulgan ``place/bulgan``
alone and ``place/bulgan-2`` once a document named Bulgan aimag, and a merged name moved an
organisation's IRI.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, URIRef

from coopgraph.extraction import extract
from coopgraph.graph import build_graph, union_graph
from coopgraph.graph.identity import resolve_entities
from coopgraph.records import Entity, ExtractionRecord

ID = "https://w3id.org/coopgraph/id/"
CG = "https://w3id.org/coopgraph/ontology#"
ENTITY_CLASSES = [URIRef(CG + c) for c in
                  ("Organisation", "Project", "Person", "Convention", "Policy", "Place")]
HELDOUT = Path(__file__).parent / "data" / "heldout"


def entity_iris(records: list[ExtractionRecord]) -> set[URIRef]:
    g = union_graph(build_graph(records))
    return {s for cls in ENTITY_CLASSES for s in g.subjects(RDF.type, cls)
            if isinstance(s, URIRef)}


def found_again(records: list[ExtractionRecord]) -> set[URIRef]:
    """Entity IRIs of a build and every IRI they are owl:sameAs."""
    g = union_graph(build_graph(records))
    nodes = {s for cls in ENTITY_CLASSES for s in g.subjects(RDF.type, cls)}
    return nodes | {o for s in nodes for o in g.objects(s, OWL.sameAs) if isinstance(o, URIRef)}


def place(id_: str, name: str, place_type: str, parent: str | None = None) -> Entity:
    return Entity(id=id_, type="Place", name=name, place_type=place_type, parent=parent)


A = ExtractionRecord("a.txt", entities=(
    place("arkhangai", "Arkhangai", "aimag"),
    place("bulgan", "Bulgan", "soum", parent="arkhangai"),
    Entity(id="nso", type="Organisation", name="National Statistics Office"),
))
B = ExtractionRecord("b.txt", entities=(
    place("bulgan", "Bulgan", "aimag"),
    place("bulgan-city", "Bulgan", "city", parent="bulgan"),
    Entity(id="nso", type="Organisation", name="National Statistics Office of Mongolia",
           aliases=("National Statistics Office", "NSO")),
))
C = ExtractionRecord("c.txt", entities=(
    Entity(id="nso", type="Organisation", name="National Statistics Office of Mongolia",
           aliases=("NSO",)),
))


def test_a_soum_keeps_its_iri_when_an_aimag_of_the_same_name_arrives() -> None:
    alone = entity_iris([A])
    assert URIRef(ID + "place/bulgan-soum-arkhangai") in alone
    grown = entity_iris([A, B, C])
    assert {URIRef(ID + "place/bulgan-soum-arkhangai"), URIRef(ID + "place/bulgan"),
            URIRef(ID + "place/bulgan-city")} <= grown


def test_a_merge_that_renames_an_entity_keeps_the_earlier_iri_as_same_as() -> None:
    assert URIRef(ID + "organisation/national-statistics-office") in entity_iris([A])
    g = union_graph(build_graph([A, B, C]))
    nso = URIRef(ID + "organisation/national-statistics-office-of-mongolia")
    assert set(g.objects(nso, OWL.sameAs)) == {URIRef(ID + "organisation/national-statistics-office")}
    assert entity_iris([A]) <= found_again([A, B, C])


def test_the_order_of_documents_does_not_matter() -> None:
    assert found_again([C, B, A]) == found_again([A, B, C])
    assert entity_iris([C, B, A]) == entity_iris([A, B, C])


def test_every_real_document_keeps_its_entity_iris_in_the_whole_corpus(
        corpus_records: tuple[ExtractionRecord, ...]) -> None:
    """Each held-out and bundled document built alone, then all of them together."""
    documents = sorted(p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md", ".html"))
    records = extract(documents) + list(corpus_records)
    everything = resolve_entities(records, ID)
    found = {e.iri for e in everything.entities} | {i for e in everything.entities
                                                     for i in e.also_known_as}
    lost = {r.document: sorted(str(e.iri) for e in resolve_entities([r], ID).entities
                               if e.iri not in found) for r in records}
    assert {doc: iris for doc, iris in lost.items() if iris} == {}
