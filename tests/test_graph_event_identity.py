"""One event node per real-world event across documents (graph/event_identity.py).

Real case: the newsletter PDF and the events register CSV of tests/data/loaders both report the
GASI training of 19-20 May 2017 and the SECiM steering committee of September 2017. Small
hand-made records then check each rule, including the cases that must stay apart.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from coopgraph.graph import (
    DEFAULT_BASE_IRI,
    build_graph,
    reference_graph_iri,
    to_trig,
    to_turtle,
    union_graph,
    validate_graph,
)
from coopgraph.loaders.structured.register import RegisterLoader
from coopgraph.loaders.formats.pdf import PdfLoader
from coopgraph.ontology.namespace import CG, CGC
from coopgraph.records import Entity, Event, ExtractionRecord, SourceInfo

ID = DEFAULT_BASE_IRI
DATA = Path(__file__).parent / "data" / "loaders"
TRAINING = URIRef(ID + "event/events-register/training-for-labour-inspectors-2017-05-19")
STEERING = URIRef(ID + "event/events-register/steering-committee-meeting-2017-09")
GASI = URIRef(ID + "organisation/government-agency-for-specialised-inspection")
ILO = URIRef(ID + "organisation/international-labour-organization")
REGISTER_GRAPH = URIRef(ID + "graph/document/events-register")
NEWSLETTER_GRAPH = URIRef(ID + "graph/document/newsletter")


@pytest.fixture(scope="module")
def loaded() -> list[ExtractionRecord]:
    return [PdfLoader().load(DATA / "newsletter.pdf"), RegisterLoader().load(DATA / "events-register.csv")]


@pytest.fixture(scope="module")
def ds(loaded):
    return build_graph(loaded)


def test_newsletter_and_register_reports_are_one_node_each(ds):
    union = union_graph(ds)
    events = set(union.subjects(RDF.type, CG.Event))
    assert TRAINING in events and STEERING in events
    assert len(events) == 3  # training, steering committee, and the register's field visit
    assert union.value(TRAINING, RDFS.label) == Literal("Training for labour inspectors")
    assert union.value(TRAINING, CG.startDate) == Literal("2017-05-19", datatype=XSD.date)
    assert union.value(TRAINING, CG.status) == CGC["status-completed"]  # the newsletter knows
    assert set(union.objects(TRAINING, CG.organiser)) == {GASI}
    assert validate_graph(ds).conforms


def test_canonical_label_and_other_titles_as_alt_labels(ds):
    union = union_graph(ds)
    assert list(union.objects(STEERING, RDFS.label)) == [Literal("Steering committee meeting")]
    long_title = Literal("Steering committee meeting: project steering committee meeting")
    assert set(union.objects(STEERING, SKOS.altLabel)) == {long_title,
                                                           Literal("Steering committee meeting")}
    # each document graph states its own title, whatever the other documents call the event
    assert list(ds.graph(NEWSLETTER_GRAPH).objects(STEERING, SKOS.altLabel)) == [long_title]
    assert (STEERING, RDFS.label, None) not in ds.graph(NEWSLETTER_GRAPH)


def test_each_document_graph_keeps_its_own_statements(ds):
    register, newsletter = ds.graph(REGISTER_GRAPH), ds.graph(NEWSLETTER_GRAPH)
    reference = ds.graph(reference_graph_iri())
    assert (TRAINING, PROV.wasDerivedFrom, URIRef(ID + "document/events-register")) in register
    assert (TRAINING, PROV.wasDerivedFrom, URIRef(ID + "document/newsletter")) in newsletter
    for g in (register, newsletter):
        ann = g.value(TRAINING, CG.evidence)
        assert ann is not None and (ann, URIRef("http://www.w3.org/ns/oa#exact"), None) in g
        assert (TRAINING, CG.supporter, ILO) in g
    assert (TRAINING, CG.startDate, None) in reference
    assert (TRAINING, CG.startDate, None) not in register


def test_shared_event_counts_once_in_cooperation(ds):
    union = union_graph(ds)
    coop = URIRef(f"{ID}cooperation/organisation-government-agency-for-specialised-inspection"
                  "--organisation-international-labour-organization")
    assert set(union.objects(coop, CG.viaEvent)) == {TRAINING, STEERING}
    assert union.value(coop, CG.weight) == Literal(2, datatype=XSD.integer)
    assert len(set(union.objects(coop, CG.evidence))) == 4  # both quotes of both reports


def test_same_result_in_any_order(loaded):
    assert to_trig(build_graph(loaded)) == to_trig(build_graph(loaded[::-1]))


def test_changing_one_report_leaves_the_other_documents_graph(loaded):
    pdf, csv = loaded
    renamed = replace(pdf, events=tuple(replace(e, title="Revised: " + e.title) for e in pdf.events))
    a, b = build_graph([pdf, csv]), build_graph([renamed, csv])
    assert to_turtle(a.graph(REGISTER_GRAPH)) == to_turtle(b.graph(REGISTER_GRAPH))
    assert to_turtle(a.graph(NEWSLETTER_GRAPH)) != to_turtle(b.graph(NEWSLETTER_GRAPH))


# ---------------------------------------------------------------- the rules, one by one

def _record(doc: str, *events: Event) -> ExtractionRecord:
    ents = (Entity("a", "Organisation", "Alpha Agency"), Entity("b", "Organisation", "Beta Bureau"))
    return ExtractionRecord(f"{doc}.txt", entities=ents, events=events,
                            source=SourceInfo(name=f"{doc}.txt", sha256=doc[0] * 64))


def _ev(title: str, start: str | None, kind: str = "training", **roles: tuple[str, ...]) -> Event:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(start or ""), "unknown")
    return Event(id=title.lower().replace(" ", "-"), title=title, type=kind, start=start,
                 date_precision=precision, **roles)


def _event_count(*records: ExtractionRecord) -> int:
    return len(set(union_graph(build_graph(list(records))).subjects(RDF.type, CG.Event)))


@pytest.mark.parametrize("first, second, expected", [
    (_ev("Inspector training", "2020-03-04", organisers=("a",)),
     _ev("Training", "2020-03-04", supporters=("a",)), 1),            # same day, shared actor, vague
    (_ev("Training on informal employment", "2020-03-04", organisers=("a",)),
     _ev("Training on wage statistics", "2020-03-04", organisers=("a",)), 2),  # distinct titles
    (_ev("Inspector training", "2020-03-04"), _ev("Inspector training 2020", "2020-03-04"), 1),
    (_ev("Inspector training", "2020-03-04", organisers=("a",)),
     _ev("Inspector training", "2020-03-05", organisers=("a",)), 1 + 1),      # another day
    (_ev("Inspector training", "2020-03-04", organisers=("a",)),
     _ev("Inspector training", "2020-03-04", "meeting", organisers=("a",)), 2),  # another type
    (_ev("Inspector training", "2020-03-04", organisers=("a",)),
     _ev("Inspector training", "2020-03-04", "other", organisers=("a",)), 1),    # 'other' fits
    (_ev("Steering committee", "2020-03", "meeting", organisers=("a",)),
     _ev("Steering committee meeting in March", "2020-03-17", "meeting", participants=("a",)), 1),
    (_ev("Steering committee", "2020-03", "meeting", organisers=("a",)),
     _ev("Annual review", "2020-03", "meeting", organisers=("a",)), 2),           # titles differ
    (_ev("Inspector training", None, organisers=("a",)),
     _ev("Inspector training", None, organisers=("a",)), 1),                       # undated, same org
    (_ev("Inspector training", None, organisers=("a",)),
     _ev("Inspector training", None, organisers=("b",)), 2),                       # undated, other org
    (_ev("Inspector training", None, supporters=("a",)),
     _ev("Inspector training", None, supporters=("a",)), 2),                       # not organisers
    (_ev("Inspector training", "2019", organisers=("a",)),
     _ev("Inspector training", "2020", organisers=("a",)), 2),                     # other year
])
def test_merge_rules(first: Event, second: Event, expected: int):
    assert _event_count(_record("x", first), _record("y", second)) == expected


def test_two_events_of_one_document_never_merge():
    same = _ev("Inspector training", "2020-03-04", organisers=("a",))
    rec = _record("x", same, replace(same, id="again"))
    assert _event_count(rec) == 2
    assert _event_count(rec, _record("y", same)) == 2


def test_a_month_report_does_not_join_two_different_days():
    month = _ev("Inspector training", "2020-03", organisers=("a",))
    day1 = _ev("Inspector training", "2020-03-04", organisers=("a",))
    day2 = _ev("Inspector training", "2020-03-18", organisers=("a",))
    records = [_record("x", day1), _record("y", month), _record("z", day2)]
    assert _event_count(*records) == 2
    assert to_trig(build_graph(records)) == to_trig(build_graph(records[::-1]))
