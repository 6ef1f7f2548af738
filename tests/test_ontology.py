"""The ontology files: namespace module and Turtle agree, every term is documented, the shapes
are valid SHACL, and schema.org / ORG queries find coopgraph data through the alignments."""

from __future__ import annotations

import json

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from coopgraph.graph import build_graph, union_graph
from coopgraph.graph.builder import PREFIXES
from coopgraph.ontology import context_path, load_ontology, ontology_path, schemes_path, shapes_path
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import (
    DATE_PRECISIONS,
    EVENT_TYPES,
    ORG_CATEGORIES,
    PLACE_TYPES,
    POLICY_TYPES,
    ROLES,
    STATUSES,
)
from graph_support import gold_records

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
ILO = URIRef("https://w3id.org/coopgraph/id/organisation/international-labour-organization")


def _declared(path, ns: str, types) -> set[str]:
    g = Graph().parse(path)
    return {str(s)[len(ns):] for t in types for s in g.subjects(RDF.type, t) if str(s).startswith(ns)}


def test_namespace_module_matches_the_ontology():
    ns = str(CG._NS)
    declared = _declared(ontology_path(), ns, (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty))
    assert set(CG.__annotations__) == declared
    with pytest.raises(AttributeError):
        CG.Organization  # noqa: B018 (American spelling is not ours)


def test_concept_namespace_matches_the_schemes():
    ns = str(CGC._NS)
    declared = _declared(schemes_path(), ns, (SKOS.Concept, SKOS.ConceptScheme))
    assert set(CGC.__annotations__) | set(CGC._extras) == declared
    expected = ({f"category-{v}" for v in ORG_CATEGORIES} | {f"event-{v}" for v in EVENT_TYPES}
                | {f"status-{v}" for v in STATUSES} | {f"policy-{v}" for v in POLICY_TYPES}
                | {f"precision-{v}" for v in DATE_PRECISIONS}
                | {f"role-{v.removesuffix('s')}" for v in ROLES})
    assert expected <= declared
    # place types are classes, not concepts: Country, Aimag, Soum, City, Region
    assert {v.capitalize() for v in PLACE_TYPES} <= set(CG.__annotations__)


def test_every_term_has_label_and_comment():
    g = load_ontology()
    terms = {s for s in g.subjects() if isinstance(s, URIRef)
             and (str(s).startswith(str(CG._NS)) or str(s).startswith(str(CGC._NS)))}
    assert len(terms) > 100
    missing = sorted(str(t) for t in terms
                     if g.value(t, RDFS.label) is None or g.value(t, RDFS.comment) is None)
    assert missing == []
    onto = URIRef("https://w3id.org/coopgraph/ontology")
    assert g.value(onto, OWL.versionInfo) == Literal("1.1.0")


def test_every_class_and_property_is_aligned_or_a_subclass():
    g = Graph().parse(ontology_path())
    for cls in g.subjects(RDF.type, OWL.Class):
        assert g.value(cls, RDFS.subClassOf) is not None, cls
    unaligned = {p for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in g.subjects(RDF.type, t)
                 if g.value(p, RDFS.subPropertyOf) is None and g.value(p, OWL.inverseOf) is None}
    assert g.value(CG.inEvent, OWL.inverseOf) == URIRef("http://www.w3.org/ns/prov#qualifiedAssociation")
    assert {str(p).rsplit("#", 1)[1] for p in unaligned} == {
        "relationSubject", "relationPredicate", "relationObject"}


def test_shapes_conform_to_shacl_shacl():
    shapes = Graph().parse(shapes_path())
    conforms, _graph, text = shacl_validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text
    assert len(set(shapes.subjects(RDF.type, SH.NodeShape))) >= 12


def test_shapes_concept_lists_match_the_record_values():
    shapes = Graph().parse(shapes_path())
    lists = []
    for node in shapes.objects(None, SH["in"]):
        lists.append({str(x).rsplit("/", 1)[-1] for x in shapes.items(node)})
    assert {f"category-{v}" for v in ORG_CATEGORIES} in lists
    assert {f"event-{v}" for v in EVENT_TYPES} in lists
    assert {f"status-{v}" for v in STATUSES} in lists
    assert {f"policy-{v}" for v in POLICY_TYPES} in lists
    assert {f"precision-{v}" for v in DATE_PRECISIONS} in lists


@pytest.fixture(scope="module")
def data_and_ontology():
    g = union_graph(build_graph(gold_records()))
    g += load_ontology()
    return g


def test_schema_org_query_finds_organisations(data_and_ontology):
    rows = data_and_ontology.query(
        "SELECT ?x WHERE { ?x a/rdfs:subClassOf* schema:Organization ; rdfs:label ?name }",
        initNs={"schema": SCHEMA, "rdfs": RDFS})
    assert ILO in {r.x for r in rows}


def test_org_and_schema_properties_find_roles(data_and_ontology):
    rows = data_and_ontology.query(
        """SELECT ?event ?who WHERE {
             ?p rdfs:subPropertyOf* schema:organizer . ?event ?p ?who .
             ?who a/rdfs:subClassOf* org:Organization }""",
        initNs={"schema": SCHEMA, "rdfs": RDFS, "org": ORG})
    training = URIRef("https://w3id.org/coopgraph/id/event/secim-labour-policy-news/"
                      "labour-inspector-training-2017")
    gasi = URIRef("https://w3id.org/coopgraph/id/organisation/government-agency-for-specialised-inspection")
    assert (training, gasi) in {(r.event, r.who) for r in rows}


def test_rdfs_inference_types_data_in_standard_terms():
    import owlrl

    g = union_graph(build_graph([gold_records()[0]]))  # the small IOM document
    g += Graph().parse(ontology_path())
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(g)
    iom = URIRef("https://w3id.org/coopgraph/id/organisation/international-organization-for-migration")
    assert {(iom, RDF.type, SCHEMA.Organization), (iom, RDF.type, ORG.Organization)} <= set(g)


def test_jsonld_context_declares_the_output_prefixes():
    context = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    assert {p: str(ns) for p, ns in PREFIXES.items()} == context
