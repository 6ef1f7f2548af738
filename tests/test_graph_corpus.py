"""The real pipeline on the bundled corpus: extract() → build_graph → checks on real values."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from coopgraph.graph import DEFAULT_BASE_IRI, build_graph, to_trig, union_graph, validate_graph
from coopgraph.ontology.namespace import CG
from graph_support import document_text

ID = DEFAULT_BASE_IRI
OA = "http://www.w3.org/ns/oa#"
ILO = URIRef(ID + "organisation/international-labour-organization")
GASI = URIRef(ID + "organisation/government-agency-for-specialised-inspection")


@pytest.fixture(scope="module")
def records(corpus_records):
    return list(corpus_records)


@pytest.fixture(scope="module")
def ds(records):
    return build_graph(records)


@pytest.fixture(scope="module")
def union(ds):
    return union_graph(ds)


def test_ilo_node(union):
    assert (ILO, RDF.type, CG.Organisation) in union
    assert union.value(ILO, RDFS.label) == Literal("International Labour Organization")


def test_aimags(union):
    labels = {str(union.value(a, RDFS.label)) for a in union.subjects(RDF.type, CG.Aimag)}
    assert {"Selenge", "Dornod", "Zavkhan"} <= labels


def test_conventions_81_and_129(union):
    numbers = {union.value(c, CG.conventionNumber) for c in union.subjects(RDF.type, CG.Convention)}
    assert {Literal(81, datatype=XSD.integer), Literal(129, datatype=XSD.integer)} <= numbers


def test_gasi_ilo_cooperation(union):
    pairs = [c for c in union.subjects(CG.firstActor, GASI) if (c, CG.secondActor, ILO) in union]
    assert len(pairs) == 1
    assert union.value(pairs[0], CG.weight).toPython() >= 1
    assert (GASI, CG.cooperatesWith, ILO) in union and (ILO, CG.cooperatesWith, GASI) in union


def test_graph_conforms(ds):
    report = validate_graph(ds)
    assert report.conforms, report.text()


def test_every_cooperation_edge_has_a_verbatim_quote(union):
    texts = {URIRef(ID + f"document/{stem}"): document_text(stem)
             for stem in ("secim-labour-policy-news", "iom-labour-migration-workshop")}
    query = """SELECT ?coop ?doc ?quote ?start ?end WHERE {
      ?coop a cg:Cooperation ; cg:evidence ?ann .
      ?ann oa:hasSource ?doc ; oa:exact ?quote ; oa:start ?start ; oa:end ?end . }"""
    good = {row.coop for row in union.query(query, initNs={"cg": CG._NS, "oa": OA})
            if texts[row.doc][int(row.start):int(row.end)] == str(row.quote)}
    pairs = set(union.subjects(RDF.type, CG.Cooperation))
    assert pairs and pairs - good == set()


def test_build_is_byte_identical_in_any_order(records, ds):
    assert to_trig(build_graph(list(reversed(records)))) == to_trig(ds)
