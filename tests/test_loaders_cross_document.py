"""The same fact stated in a PDF newsletter and in a CSV register meets in one event (issue 7).

The newsletter (tests/data/loaders/newsletter.pdf) reports the GASI training of 19-20 May 2017
in prose; row 2 of events-register.csv records it as data. Both records must describe the same
event (title, dates, actors by name), and in the built graph they must be one event node whose
actors are the same nodes (graph/event_identity.py merges reports of the same event).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDFS

from coopgraph.graph.builder import build_graph
from coopgraph.loaders.structured.register import RegisterLoader
from coopgraph.loaders.formats.pdf import PdfLoader
from coopgraph.names import name_key
from coopgraph.ontology.namespace import CG
from coopgraph.records import Event, ExtractionRecord, event_label

DATA = Path(__file__).parent / "data" / "loaders"
TITLE = "Training for labour inspectors"


@pytest.fixture(scope="module")
def records() -> tuple[ExtractionRecord, ExtractionRecord]:
    return (PdfLoader().load(DATA / "newsletter.pdf"),
            RegisterLoader().load(DATA / "events-register.csv"))


def _event(record: ExtractionRecord) -> Event:
    return next(e for e in record.events if name_key(event_label(e.title)) == name_key(TITLE))


def _forms(record: ExtractionRecord, ids: tuple[str, ...]) -> list[set[str]]:
    """Every name form (name and aliases, as comparison keys) of each actor."""
    out = []
    for i in ids:
        entity = record.entity(i)
        assert entity is not None
        out.append({name_key(f) for f in (entity.name, *entity.aliases)})
    return out


def _same_actors(a: list[set[str]], b: list[set[str]]) -> bool:
    return len(a) == len(b) and all(any(x & y for y in b) for x in a)


def test_pdf_and_csv_records_state_the_same_event(
        records: tuple[ExtractionRecord, ExtractionRecord]) -> None:
    pdf, csv = records
    in_pdf, in_csv = _event(pdf), _event(csv)
    assert (in_pdf.type, in_pdf.start, in_pdf.end, in_pdf.date_precision) == (
        in_csv.type, in_csv.start, in_csv.end, in_csv.date_precision) == (
        "training", "2017-05-19", "2017-05-20", "day")
    for role in ("organisers", "supporters", "places", "projects"):
        assert _same_actors(_forms(pdf, getattr(in_pdf, role)), _forms(csv, getattr(in_csv, role))
                            ), role


def test_in_the_graph_both_reports_are_one_event_with_shared_actor_nodes(
        records: tuple[ExtractionRecord, ExtractionRecord]) -> None:
    graph = build_graph(list(records))
    events = sorted(set(graph.subjects(RDFS.label, Literal(TITLE))))
    events = [e for e in events if (e, CG.startDate, None) in graph]
    assert len(events) == 1
    sources = {str(d).rsplit("/", 1)[-1] for d in graph.objects(events[0], PROV.wasDerivedFrom)}
    assert sources == {"newsletter", "events-register"}
    roles: dict[URIRef, set[tuple[URIRef, URIRef]]] = {}
    for event in events:
        roles[event] = {(p, o) for p in (CG.organiser, CG.supporter, CG.place)
                        for o in graph.objects(event, p)}
        assert str(graph.value(event, CG.startDate)) == "2017-05-19"
    first = roles[events[0]]
    assert all(r == first for r in roles.values())
    organisers = {graph.value(o, RDFS.label) for p, o in first if p == CG.organiser}
    assert organisers == {Literal("Government Agency for Specialised Inspection")}
