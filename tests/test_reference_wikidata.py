"""Wikidata ids in the reference data: present where users expect them, well formed, unique,
and carried into the graph built from the bundled corpus as owl:sameAs links.

Why read the JSON files directly as well as through the loader: ``ilo_conventions.json`` and the
``iso3166_2`` field are not read by ``coopgraph.loaders.reference`` (yet), and a malformed or
duplicated id in any file would silently merge or mislabel entities in the graph.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import OWL

from coopgraph.graph import build_quads
from coopgraph.loaders.reference import reference
from coopgraph.ontology.namespace import CG
from coopgraph.records import ExtractionRecord

QID = re.compile(r"^Q[1-9][0-9]*$")
ISO_AIMAG = re.compile(r"^MN-0[0-9]{2}$")
WD = "http://www.wikidata.org/entity/"


def _read(name: str) -> list[dict[str, Any]]:
    path = resources.files("coopgraph.data").joinpath("reference", name)
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_aimag_and_the_capital_has_a_wikidata_id():
    places = reference().places
    aimags = [p for p in places if p.place_type == "aimag"]
    assert len(aimags) == 21
    capital = [p for p in places if p.id == "ulaanbaatar"]
    assert len(capital) == 1
    missing = [p.id for p in (*aimags, *capital) if not (p.wikidata and QID.match(p.wikidata))]
    assert missing == []


def test_aimag_iso_codes_are_well_formed_and_unique():
    raw = [p for p in _read("places.json") if p["place_type"] == "aimag"]
    codes = [p.get("iso3166_2") for p in raw]
    assert all(c and ISO_AIMAG.match(c) for c in codes), codes
    assert len(set(codes)) == len(codes) == 21
    capital = next(p for p in _read("places.json") if p["id"] == "ulaanbaatar")
    assert capital["iso3166_2"] == "MN-1"


@pytest.mark.parametrize("name", ["places.json", "organisations.json", "ilo_conventions.json"])
def test_every_wikidata_id_is_well_formed(name: str):
    entries = _read(name)
    assert all("wikidata" in e for e in entries), name
    bad = [e.get("id", e.get("number")) for e in entries
           if e["wikidata"] is not None and not QID.match(str(e["wikidata"]))]
    assert bad == []


def test_no_two_entries_share_a_wikidata_id():
    seen: dict[str, str] = {}
    clashes = []
    for name in ("places.json", "organisations.json", "ilo_conventions.json"):
        for e in _read(name):
            q = e.get("wikidata")
            if q is None:
                continue
            key = f"{name}:{e.get('id', e.get('number'))}"
            if q in seen:
                clashes.append((q, seen[q], key))
            seen[q] = key
    assert clashes == []


def test_loader_keeps_the_organisation_ids():
    raw = {o["id"]: o["wikidata"] for o in _read("organisations.json")}
    loaded = {o.id: o.wikidata for o in reference().organisations}
    assert loaded == raw
    assert sum(1 for q in loaded.values() if q) >= 28


@pytest.fixture(scope="module")
def corpus_quads(corpus_records: tuple[ExtractionRecord, ...]) -> dict[URIRef, set[tuple[Any, Any, Any]]]:
    return build_quads(list(corpus_records))


@pytest.mark.parametrize("aimag", ["Dornod", "Selenge", "Zavkhan"])
def test_corpus_graph_links_mentioned_aimags_to_wikidata(corpus_quads, aimag: str):
    expected = next(p.wikidata for p in reference().places if p.name == aimag)
    triples = set().union(*corpus_quads.values())
    nodes = {s for s, p, o in triples if p == RDFS.label and str(o) == aimag}
    aimag_nodes = {s for s in nodes if (s, RDF.type, CG.Aimag) in triples}
    assert len(aimag_nodes) == 1, nodes
    node = aimag_nodes.pop()
    links = {o for s, p, o in triples if s == node and p == OWL.sameAs}
    assert links == {URIRef(WD + expected)}
