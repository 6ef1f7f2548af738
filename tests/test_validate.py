"""SHACL validation: the bundled graph conforms, each shape catches its own breakage with a
message in the user's words, and ``coopgraph validate`` reports it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from coopgraph.cli import main
from coopgraph.graph import (
    DEFAULT_BASE_IRI,
    build_graph,
    reference_graph_iri,
    save_graph,
    union_graph,
    validate_graph,
)
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import Entity, Event, ExtractionRecord, Relation, SourceInfo
from graph_support import gold_records

ID = DEFAULT_BASE_IRI
OA = "http://www.w3.org/ns/oa#"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
ORG = URIRef(ID + "organisation/ministry-of-labour")
PROJECT = URIRef(ID + "project/skills-project")
PERSON = URIRef(ID + "person/ann-example")
CONV = URIRef(ID + "convention/labour-inspection-convention-no-81")
POLICY = URIRef(ID + "policy/employment-law")
PLACE = URIRef(ID + "place/selenge")
EVENT = URIRef(ID + "event/small/training")
DOC = URIRef(ID + "document/small")
TEXT = "The Ministry of Labour and the Skills Project ran a training in Selenge."


def small_record() -> ExtractionRecord:
    """One of everything, valid."""
    return ExtractionRecord(
        document="small.txt", source=SourceInfo(name="small.txt", sha256="ab" * 32),
        entities=(
            Entity(id="mol", type="Organisation", name="Ministry of Labour", category="government"),
            Entity(id="sp", type="Project", name="Skills Project", funders=("mol",)),
            Entity(id="ann", type="Person", name="Ann Example", affiliation="mol", role="Director"),
            Entity(id="c81", type="Convention", name="Labour Inspection Convention (No. 81)"),
            Entity(id="law", type="Policy", name="Employment Law", policy_type="law"),
            Entity(id="selenge", type="Place", name="Selenge", place_type="aimag")),
        events=(Event(id="training", title="Training", type="training", start="2017-05-19",
                      end="2017-05-19", date_precision="day", status="completed",
                      places=("selenge",), organisers=("mol",), participants=("sp",),
                      projects=("sp",), subjects=("c81", "law"), people=("ann",),
                      attendee_count=12, evidence=TEXT[:43], span=(0, 43)),),
        relations=(Relation("sp", "fundedBy", "mol", evidence=TEXT[:18], span=(0, 18)),))


def small_graph() -> Graph:
    return union_graph(build_graph([small_record()]))


def test_small_and_bundled_graphs_conform():
    assert validate_graph(small_graph()).conforms
    report = validate_graph(build_graph(gold_records()))
    assert report.conforms, report.text()
    assert report.violations == []


def _set(g: Graph, s: URIRef, p: URIRef, o: object) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))  # type: ignore[arg-type]


def _coop(g: Graph) -> URIRef:
    coop = g.value(predicate=RDF.type, object=CG.Cooperation)
    assert isinstance(coop, URIRef)
    return coop


def _role(g: Graph) -> URIRef:
    """A qualified role, as the builder writes one for an event merged from several reports
    (the small graph's one event is reported once, so it has none of its own)."""
    role = URIRef(ID + "role/small/training--organiser--organisation-ministry-of-labour")
    if (role, CG.inEvent, EVENT) not in g:
        g.add((role, CG.agent, ORG))
        g.add((role, CG.roleType, CGC["role-organiser"]))
        g.add((role, CG.inEvent, EVENT))
        g.add((role, CG.evidence, g.value(EVENT, CG.evidence)))
    return role


BREAKAGES: list[tuple[str, Callable[[Graph], None], str]] = [
    ("organisation without name", lambda g: g.remove((ORG, RDFS.label, None)),
     "needs exactly one name (rdfs:label)"),
    ("organisation not an actor", lambda g: g.remove((ORG, RDF.type, CG.Actor)),
     "an organisation must also be typed cg:Actor"),
    ("unknown category", lambda g: _set(g, ORG, CG.category, CGC["event-training"]),
     "an organisation has at most one category"),
    ("project funded by a place", lambda g: g.add((PROJECT, CG.fundedBy, PLACE)),
     "is funded (cg:fundedBy) by something that is not an organisation or project"),
    ("person affiliated with a place", lambda g: _set(g, PERSON, CG.affiliation, PLACE),
     "a person's affiliation (cg:affiliation) must be an organisation or project"),
    ("convention number as text", lambda g: _set(g, CONV, CG.conventionNumber, Literal("81")),
     "a positive xsd:integer such as 81"),
    ("policy type not a concept", lambda g: _set(g, POLICY, CG.policyType, Literal("law")),
     "a policy has at most one type"),
    ("place in an organisation", lambda g: g.add((PLACE, CG.locatedIn, ORG)),
     "a place can only be located (cg:locatedIn) in another place"),
    ("event start date as text", lambda g: _set(g, EVENT, CG.startDate, Literal("19 May 2017")),
     "an event has at most one start date, written as xsd:date"),
    ("event without status", lambda g: g.remove((EVENT, CG.status, None)),
     "an event needs exactly one status"),
    ("event organised by a person", lambda g: g.add((EVENT, CG.organiser, PERSON)),
     "an event's organiser (cg:organiser) must be an organisation or project"),
    ("negative attendance", lambda g: _set(g, EVENT, CG.attendeeCount, Literal(-3, datatype=XSD.integer)),
     "an event has at most one attendee count"),
    ("event without source", lambda g: g.remove((EVENT, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None)),
     "must say which source document it comes from"),
    ("cooperation with itself", lambda g: _set(g, _coop(g), CG.secondActor, g.value(_coop(g), CG.firstActor)),
     "an actor cannot cooperate with itself"),
    ("cooperation without weight", lambda g: g.remove((_coop(g), CG.weight, None)),
     "a cooperation needs exactly one weight"),
    ("cooperation resting on nothing", lambda g: (g.remove((_coop(g), CG.viaEvent, None)),
                                                 g.remove((_coop(g), CG.viaRelation, None))),
     "a cooperation must rest on at least one shared event"),
    ("bad document hash", lambda g: _set(g, DOC, CG.sha256, Literal("xyz")),
     "64 lower-case hexadecimal digits"),
    ("evidence without document", lambda g: g.remove((g.value(EVENT, CG.evidence), URIRef(OA + "hasSource"), None)),
     "the evidence needs exactly one source document (oa:hasSource a cg:Document)"),
    ("evidence without quote", lambda g: g.remove((g.value(EVENT, CG.evidence), URIRef(OA + "exact"), None)),
     "the evidence needs exactly one non-empty quote (oa:exact)"),
    ("quote offsets reversed", lambda g: _set(g, URIRef(f"{ID}annotation/small/0-43"), URIRef(OA + "start"),
                                              Literal(50, datatype=XSD.nonNegativeInteger)),
     "the quote's start offset (oa:start) is after its end offset (oa:end)"),
    ("role without agent", lambda g: g.remove((_role(g), CG.agent, None)),
     "a participation needs exactly one agent (cg:agent), an organisation or project"),
    ("role of a person", lambda g: _set(g, _role(g), CG.agent, PERSON),
     "a participation needs exactly one agent (cg:agent), an organisation or project"),
    ("role type not a role", lambda g: _set(g, _role(g), CG.roleType, CGC["status-completed"]),
     "a participation needs exactly one role type"),
    ("role without quote", lambda g: g.remove((_role(g), CG.evidence, None)),
     "needs its quote (cg:evidence)"),
    ("relation without quote", lambda g: g.remove((URIRef(ID + "relation/small/sp-fundedby-mol"), CG.evidence, None)),
     "needs its quote (cg:evidence)"),
    ("cooperation from nowhere", lambda g: (g.remove((_coop(g), CG.evidence, None)),
                                           g.remove((_coop(g), PROV_DERIVED, None))),
     "must say which source document it comes from"),
    ("relation with unknown predicate", lambda g: _set(g, URIRef(ID + "relation/small/sp-fundedby-mol"),
                                                       CG.relationPredicate, RDFS.label),
     "a stated relation needs exactly one predicate"),
]


@pytest.mark.parametrize("name, breakage, message", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_each_shape_reports_its_breakage(name: str, breakage: Callable[[Graph], None], message: str):
    g = small_graph()
    breakage(g)
    report = validate_graph(g)
    assert not report.conforms
    assert any(message in line for line in report.violations), report.text()


def test_violation_line_names_node_path_and_message():
    g = small_graph()
    g.remove((ORG, RDFS.label, None))
    report = validate_graph(g)
    assert report.violations == [
        f"<{ORG}> rdfs:label: needs exactly one name (rdfs:label), a non-empty plain string"]


def test_cli_validate_conforming_graph(tmp_path, capsys):
    save_graph(build_graph([small_record()]), tmp_path)
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 0
    n = len(small_graph())
    assert capsys.readouterr().out == f"{tmp_path / 'graph.ttl'}: conforms to the coopgraph shapes ({n} triples)\n"


@pytest.mark.parametrize("engine", ["core", "pyshacl"])
def test_cli_validate_reports_violations(tmp_path, capsys, engine):
    g = small_graph()
    g.remove((ORG, RDFS.label, None))
    path = tmp_path / "broken.ttl"
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    assert main(["validate", "--engine", engine, str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"<{ORG}> rdfs:label: needs exactly one name (rdfs:label), a non-empty plain string\n"
    assert err == f"error: {path}: 1 SHACL violation(s) listed above\n"


def test_cli_validate_missing_and_corrupt(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.ttl")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'nope.ttl'}: no such file; run `coopgraph build` first or pass the graph's path\n")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {bad}: not valid turtle: ")


def test_cli_errors_on_bad_graph_files_say_why_in_one_printable_line(tmp_path, capsys):
    """A new user's trial: the reason was on rdflib's second line and was cut; a parser's message
    carried a file's escape bytes to the terminal; a UTF-8 error left out the byte."""
    plain = tmp_path / "plain.ttl"
    plain.write_text("hello world\n", encoding="utf-8")
    assert main(["validate", str(plain)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {plain}: not valid turtle: ") and "Bad syntax" in err and err.count("\n") == 1
    binary = tmp_path / "binary.ttl"
    binary.write_bytes(b"ok \xff\xfe")
    assert main(["validate", str(binary)]) == 2
    assert capsys.readouterr().err == f"error: {binary}: not UTF-8 (byte 0xff at offset 3); is this an RDF file?\n"
    escape = tmp_path / "escape.ttl"
    escape.write_bytes(b"\x1b]0;pwned\x07\x1b[31mRED stuff .\n")
    assert main(["query", "who-cooperated-with-whom", "--graph-file", str(escape)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {escape}: not valid RDF: ") and "\x1b" not in err and "\x07" not in err


@pytest.mark.parametrize("name, breakage, message", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_core_checker_reports_what_pyshacl_reports(name: str, breakage: Callable[[Graph], None],
                                                   message: str):
    g = small_graph()
    breakage(g)
    core, reference = validate_graph(g), validate_graph(g, engine="pyshacl")
    assert (core.conforms, core.violations) == (reference.conforms, reference.violations)


def test_both_engines_accept_the_bundled_graph():
    ds = build_graph(gold_records())
    assert validate_graph(ds, engine="pyshacl").conforms and validate_graph(ds).conforms


def test_only_graphs_checks_the_nodes_of_those_graphs():
    ds = build_graph([small_record()])
    doc_graph = URIRef(ID + "graph/document/small")
    ds.graph(doc_graph).remove((EVENT, CG.status, None))
    ds.graph(doc_graph).add((EVENT, CG.status, Literal("done")))
    expected = (f"<{EVENT}> (Training) cg:status: an event needs exactly one status: "
                'cgc:status-completed, cgc:status-planned or cgc:status-unknown (value: "done")')
    assert validate_graph(ds, only_graphs=[doc_graph]).violations == [expected]
    assert validate_graph(ds, only_graphs=[reference_graph_iri()]).conforms
    with pytest.raises(ValueError, match="unknown validation engine 'fast'"):
        validate_graph(ds, engine="fast")
