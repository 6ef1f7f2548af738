"""Cooperation pairs and their evidence on the bundled corpus (gold records, then the extractor)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from coopgraph.graph import DEFAULT_BASE_IRI, build_graph, union_graph
from coopgraph.ontology.namespace import CG
from graph_support import document_text, gold_records

ID = DEFAULT_BASE_IRI
OA = "http://www.w3.org/ns/oa#"
GASI = URIRef(ID + "organisation/government-agency-for-specialised-inspection")
ILO = URIRef(ID + "organisation/international-labour-organization")
GASI_ILO = URIRef(ID + "cooperation/organisation-government-agency-for-specialised-inspection"
                       "--organisation-international-labour-organization")

EVIDENCE_QUERY = """
SELECT ?coop ?doc ?quote ?start ?end WHERE {
  ?coop a cg:Cooperation ; cg:evidence ?ann .
  ?ann oa:hasSource ?doc ; oa:exact ?quote ; oa:start ?start ; oa:end ?end .
}"""


@pytest.fixture(scope="module")
def union():
    return union_graph(build_graph(gold_records()))


def test_gasi_ilo_pair(union):
    assert union.value(GASI_ILO, CG.firstActor) == GASI
    assert union.value(GASI_ILO, CG.secondActor) == ILO
    events = {str(e)[len(ID):] for e in union.objects(GASI_ILO, CG.viaEvent)}
    assert events == {"event/secim-labour-policy-news/labour-inspector-training-2017"}
    assert union.value(GASI_ILO, CG.weight) == Literal(1, datatype=XSD.integer)
    assert union.value(GASI_ILO, CG.firstYear) == Literal(2017, datatype=XSD.integer)
    assert union.value(GASI_ILO, CG.lastYear) == Literal(2017, datatype=XSD.integer)
    assert (GASI, CG.cooperatesWith, ILO) in union and (ILO, CG.cooperatesWith, GASI) in union


def test_weight_counts_shared_events(union):
    for coop in union.subjects(RDF.type, CG.Cooperation):
        events = set(union.objects(coop, CG.viaEvent))
        assert union.value(coop, CG.weight).toPython() == len(events)
        a, b = union.value(coop, CG.firstActor), union.value(coop, CG.secondActor)
        assert str(a) < str(b)
        for ev in events:
            actors = {o for p in (CG.organiser, CG.supporter, CG.participant, CG.project)
                      for o in union.objects(ev, p)}
            assert {a, b} <= actors


def test_stated_relation_makes_a_pair(union):
    stvet2 = union.value(predicate=SKOS.altLabel, object=Literal("STVET 2"))
    assert isinstance(stvet2, URIRef)
    eu = URIRef(ID + "organisation/european-union")
    pair = URIRef(f"{ID}cooperation/organisation-european-union--{str(stvet2)[len(ID):].replace('/', '-')}")
    assert (stvet2, CG.fundedBy, eu) in union
    assert union.value(pair, CG.viaRelation) == Literal("fundedBy")
    assert (eu, CG.cooperatesWith, stvet2) in union


def test_every_cooperation_edge_has_a_verbatim_quote(union):
    texts = {URIRef(ID + f"document/{stem}"): document_text(stem)
             for stem in ("secim-labour-policy-news", "iom-labour-migration-workshop")}
    good: set[URIRef] = set()
    for row in union.query(EVIDENCE_QUERY, initNs={"cg": CG._NS, "oa": OA}):
        text = texts[row.doc]
        if text[int(row.start):int(row.end)] == str(row.quote):
            good.add(row.coop)
    pairs = set(union.subjects(RDF.type, CG.Cooperation))
    assert len(pairs) > 100
    assert pairs - good == set()


def test_sentences_connecting_two_actors(union):
    query = """
    SELECT DISTINCT ?quote WHERE {
      ?coop cg:firstActor ?a ; cg:secondActor ?b ; cg:evidence/oa:exact ?quote .
    }"""
    rows = union.query(query, initNs={"cg": CG._NS, "oa": OA}, initBindings={"a": GASI, "b": ILO})
    quotes = [str(r.quote) for r in rows]
    assert len(quotes) == 1
    assert quotes[0].startswith("Government Agency for Specialised Inspection (GASI) with assistance")
