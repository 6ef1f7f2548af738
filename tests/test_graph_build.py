"""build_graph on the gold records of the bundled corpus: identity, IRIs, roles, dates,
named graphs, determinism (tests/data/gold/README.md says where the records come from)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from coopgraph.graph import (
    DEFAULT_BASE_IRI,
    build_graph,
    cooperation_graph_iri,
    reference_graph_iri,
    summarise,
    to_trig,
    to_turtle,
    union_graph,
    validate_graph,
)
from coopgraph.graph.evidence import OA
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import Entity, Event, ExtractionRecord, SourceInfo
from graph_support import document_text, gold_record, gold_records

ID = DEFAULT_BASE_IRI
ILO = URIRef(ID + "organisation/international-labour-organization")
GASI = URIRef(ID + "organisation/government-agency-for-specialised-inspection")
MLSW = URIRef(ID + "organisation/ministry-of-labour-and-social-welfare")
UB = URIRef(ID + "place/ulaanbaatar")
SECIM_DOC = URIRef(ID + "document/secim-labour-policy-news")
IOM_DOC = URIRef(ID + "document/iom-labour-migration-workshop")
TRAINING = URIRef(ID + "event/secim-labour-policy-news/labour-inspector-training-2017")


@pytest.fixture(scope="module")
def ds():
    return build_graph(gold_records())


@pytest.fixture(scope="module")
def union(ds):
    return union_graph(ds)


def test_one_node_per_entity_across_documents(union):
    # Both documents name the Ministry of Labour and Social Welfare and Ulaanbaatar.
    assert set(union.objects(MLSW, CG.mentionedIn)) == {SECIM_DOC, IOM_DOC}
    assert set(union.objects(UB, CG.mentionedIn)) == {SECIM_DOC, IOM_DOC}
    assert len(list(union.subjects(RDFS.label, Literal("Ulaanbaatar")))) == 1
    assert (UB, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q23430")) in union
    assert (UB, RDF.type, CG.City) in union and (UB, RDF.type, CG.Place) in union


def test_labels_keep_every_form_seen(union):
    assert union.value(ILO, RDFS.label) == Literal("International Labour Organization")
    assert union.value(ILO, SKOS.prefLabel) == Literal("International Labour Organization")
    assert union.value(ILO, CG.acronym) == Literal("ILO")
    assert {str(x) for x in union.objects(ILO, SKOS.altLabel)} == {"ILO", "International Labour Organzation"}
    assert (ILO, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q54129")) in union
    assert (ILO, CG.category, CGC["category-international"]) in union
    assert {(ILO, RDF.type, CG.Organisation), (ILO, RDF.type, CG.Actor)} <= set(union)


def test_event_roles_dates_and_evidence(union):
    assert union.value(TRAINING, RDFS.label) == Literal("Training for Labour Inspectors 2017")
    assert union.value(TRAINING, CG.eventType) == CGC["event-training"]
    assert union.value(TRAINING, CG.status) == CGC["status-completed"]
    assert union.value(TRAINING, CG.startDate) == Literal("2017-05-19", datatype=XSD.date)
    assert union.value(TRAINING, CG.endDate) == Literal("2017-05-20", datatype=XSD.date)
    assert union.value(TRAINING, CG.datePrecision) == CGC["precision-day"]
    assert union.value(TRAINING, CG.year) == Literal(2017, datatype=XSD.integer)
    assert set(union.objects(TRAINING, CG.organiser)) == {GASI}
    assert ILO in set(union.objects(TRAINING, CG.supporter))
    subjects = {union.value(s, CG.conventionNumber) for s in union.objects(TRAINING, CG.subject)}
    assert subjects == {Literal(81, datatype=XSD.integer), Literal(129, datatype=XSD.integer)}
    assert union.value(TRAINING, CG.evidence) is not None
    assert union.value(TRAINING, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == SECIM_DOC


def test_month_and_year_precision_dates():
    rec = ExtractionRecord(document="d.txt", events=(
        Event(id="m", title="Month", start="2018-07", end="2018-08", date_precision="month"),
        Event(id="y", title="Year", start="2019", end="2019", date_precision="year"),
        Event(id="bad", title="Bad date", start="2019-13-40", date_precision="day")))
    g = union_graph(build_graph([rec]))
    m, y, bad = (URIRef(ID + f"event/d/{n}") for n in ("m", "y", "bad"))
    assert g.value(m, CG.startDate) == Literal("2018-07", datatype=XSD.gYearMonth)
    assert g.value(m, CG.datePrecision) == CGC["precision-month"]
    assert g.value(y, CG.startDate) == Literal("2019", datatype=XSD.gYear)
    assert g.value(y, CG.year) == Literal(2019, datatype=XSD.integer)
    assert g.value(bad, CG.startDate) is None
    assert g.value(bad, CG.datePrecision) == CGC["precision-unknown"]


def test_aimags_in_mongolia(union):
    mongolia = URIRef(ID + "place/mongolia")
    for name in ("selenge", "dornod", "zavkhan"):
        aimag = URIRef(ID + f"place/{name}")
        assert (aimag, RDF.type, CG.Aimag) in union
        assert (aimag, CG.locatedIn, mongolia) in union


def test_summary_counts_match_the_gold_records(ds):
    recs = gold_records()
    counts = summarise(ds)
    assert counts["events"] == sum(len(r.events) for r in recs)
    assert counts["conventions"] == 2
    distinct_places = {e.name for r in recs for e in r.entities if e.type == "Place"}
    assert counts["places"] == len(distinct_places)
    people = {e.name for r in recs for e in r.entities if e.type == "Person"}
    assert counts["people"] == len(people)
    assert counts["cooperation_pairs"] > 0


def test_named_graphs(ds):
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {reference_graph_iri(), cooperation_graph_iri(),
                     URIRef(ID + "graph/document/secim-labour-policy-news"),
                     URIRef(ID + "graph/document/iom-labour-migration-workshop")}
    iom = ds.graph(URIRef(ID + "graph/document/iom-labour-migration-workshop"))
    assert (TRAINING, RDF.type, CG.Event) not in iom
    assert (TRAINING, RDF.type, CG.Event) in ds.graph(URIRef(ID + "graph/document/secim-labour-policy-news"))


def test_replacing_a_document_changes_only_its_graph():
    iom, secim = gold_record("iom-labour-migration-workshop"), gold_record("secim-labour-policy-news")
    changed_event = replace(iom.events[0], title="Renamed workshop")
    iom2 = replace(iom, events=(changed_event, *iom.events[1:]),
                   source=replace(iom.source, sha256="0" * 64))
    a, b = build_graph([iom, secim]), build_graph([iom2, secim])
    secim_graph = URIRef(ID + "graph/document/secim-labour-policy-news")
    iom_graph = URIRef(ID + "graph/document/iom-labour-migration-workshop")
    for name in (secim_graph, reference_graph_iri(), cooperation_graph_iri()):
        assert to_turtle(a.graph(name)) == to_turtle(b.graph(name))
    assert to_turtle(a.graph(iom_graph)) != to_turtle(b.graph(iom_graph))


def test_same_output_in_any_order():
    recs = gold_records()
    expected_trig, expected_ttl = to_trig(build_graph(recs)), to_turtle(union_graph(build_graph(recs)))
    shuffled = [replace(r, entities=tuple(r.entities)) for r in recs[::-1]]
    random.Random(7).shuffle(shuffled)
    again = build_graph(shuffled)
    assert to_trig(again) == expected_trig
    assert to_turtle(union_graph(again)) == expected_ttl


def test_no_blank_nodes(ds):
    for g in ds.graphs():
        for triple in g:
            assert not any(isinstance(t, BNode) for t in triple), triple


def test_base_iri_is_a_setting():
    base = "https://example.org/kg/"
    g = union_graph(build_graph(gold_records(), base_iri=base))
    minted = {t for triple in g for t in triple
              if isinstance(t, URIRef) and "coopgraph/id/" in str(t)}
    assert minted == set()
    assert (URIRef(base + "organisation/international-labour-organization"), RDF.type, CG.Organisation) in g
    with pytest.raises(ValueError, match="must be an http"):
        build_graph([], base_iri="not an iri")


def _org(id_: str, name: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=id_, type="Organisation", name=name, aliases=aliases)


def test_acronym_links_merge_only_when_unambiguous():
    a = ExtractionRecord("a.txt", entities=(_org("x", "Alpha Steering Committee", ("PSC",)),))
    b = ExtractionRecord("b.txt", entities=(_org("y", "Beta Steering Committee", ("PSC",)),))
    c = ExtractionRecord("c.txt", entities=(_org("z", "PSC"),))
    d = ExtractionRecord("d.txt", entities=(_org("w", "ILO"),))
    e = ExtractionRecord("e.txt", entities=(_org("v", "International Labour Organization", ("ILO",)),))
    g = union_graph(build_graph([a, b, c, d, e]))
    orgs = set(g.subjects(RDF.type, CG.Organisation))
    assert {str(o)[len(ID):] for o in orgs} == {
        "organisation/alpha-steering-committee", "organisation/beta-steering-committee",
        "organisation/psc", "organisation/international-labour-organization"}


def test_variant_spellings_merge():
    a = ExtractionRecord("a.txt", entities=(_org("m", "Mongolian Employers\u2019 Federation"),))
    b = ExtractionRecord("b.txt", entities=(_org("n", "the Mongolian Employers' Federation", ("MONEF",)),))
    g = union_graph(build_graph([a, b]))
    assert len(set(g.subjects(RDF.type, CG.Organisation))) == 1


def test_a_soum_named_like_its_aimag_is_qualified_by_type_and_aimag():
    rec = ExtractionRecord("a.txt", entities=(
        Entity(id="s1", type="Place", name="Sukhbaatar", place_type="aimag"),
        Entity(id="s2", type="Place", name="Sukhbaatar", place_type="soum", parent="s1")))
    g = union_graph(build_graph([rec]))
    aimag, soum = URIRef(ID + "place/sukhbaatar"), URIRef(ID + "place/sukhbaatar-soum-sukhbaatar")
    assert (aimag, RDF.type, CG.Aimag) in g
    assert (soum, RDF.type, CG.Soum) in g
    assert (soum, CG.locatedIn, aimag) in g


def test_same_content_under_two_names_is_one_document():
    src = SourceInfo(name="a.txt", sha256="a" * 64)
    ev = (Event(id="e", title="Meeting"),)
    a = ExtractionRecord("a.txt", events=ev, source=src)
    b = ExtractionRecord("copy-of-a.txt", events=ev, source=replace(src, name="copy-of-a.txt"))
    g = union_graph(build_graph([b, a]))
    docs = set(g.subjects(RDF.type, CG.Document))
    assert docs == {URIRef(ID + "document/a")}
    assert g.value(URIRef(ID + "document/a"), SKOS.altLabel) == Literal("copy-of-a.txt")
    assert len(set(g.subjects(RDF.type, CG.Event))) == 1


def test_an_event_reported_once_has_its_quote_and_no_qualified_roles(union):
    # GASI organised the 2017 labour inspector training; the event's own quote backs each role
    quote = union.value(union.value(TRAINING, CG.evidence), OA.exact)
    assert quote is not None and str(quote) in document_text("secim-labour-policy-news")
    assert (TRAINING, CG.organiser, GASI) in union
    assert not set(union.subjects(CG.inEvent, TRAINING))


def _report(doc: str, quote: str, role: str) -> ExtractionRecord:
    """One document reporting the 2017 training, with its own quote and ILO's role."""
    return ExtractionRecord(
        f"{doc}.txt", source=SourceInfo(name=f"{doc}.txt", sha256=doc[0] * 64),
        entities=(Entity(id="mol", type="Organisation", name="Ministry of Labour"),
                  Entity(id="ilo", type="Organisation", name="International Labour Organization")),
        events=(Event(id="t", title="Training of inspectors", type="training", start="2017-05-19",
                      organisers=("mol",), **{role: ("ilo",)}, evidence=quote,
                      span=(0, len(quote))),),
    )


def test_each_role_of_a_merged_event_is_a_qualified_node_with_its_reports_quote():
    a = _report("alpha", "The Ministry of Labour ran a training with the ILO.", "supporters")
    b = _report("beta", "ILO staff took part in the ministry's training.", "participants")
    union = union_graph(build_graph([a, b]))
    [event] = set(union.subjects(RDF.type, CG.Event))
    rows = {(str(union.value(n, CG.roleType)).rsplit("-", 1)[1],
             str(union.value(n, CG.agent)).rsplit("/", 1)[1],
             str(union.value(union.value(n, CG.evidence), OA.exact)))
            for n in union.subjects(CG.inEvent, event)}
    assert rows == {
        ("organiser", "ministry-of-labour", a.events[0].evidence),
        ("supporter", "international-labour-organization", a.events[0].evidence),
        ("organiser", "ministry-of-labour", b.events[0].evidence),
        ("participant", "international-labour-organization", b.events[0].evidence)}
    assert validate_graph(build_graph([a, b])).conforms


def test_plain_triple_sets_give_the_same_outputs(ds, tmp_path):
    """build_quads skips rdflib's store; saving, validating, counting and exporting it give
    what the dataset gives."""
    from coopgraph.graph import build_quads, export_graph, save_graph, to_dataset, validate_graph

    quads = build_quads(gold_records())
    assert set(to_dataset(quads).quads()) == set(ds.quads())
    a, b = save_graph(ds, tmp_path / "a"), save_graph(quads, tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert summarise(quads) == summarise(ds)
    assert validate_graph(quads).conforms
    broken = {name: set(triples) for name, triples in quads.items()}
    broken[reference_graph_iri()].discard((ILO, RDFS.label, Literal("International Labour Organization")))
    assert validate_graph(broken).violations == [
        f"<{ILO}> rdfs:label: needs exactly one name (rdfs:label), a non-empty plain string"]
    for fmt in ("jsonld", "nquads", "turtle"):
        [x] = export_graph(ds, fmt, tmp_path / f"x.{fmt}")
        [y] = export_graph(quads, fmt, tmp_path / f"y.{fmt}")
        assert x.read_bytes() == y.read_bytes(), fmt
