"""Relations a body's own name states, and bodies an office holder's title points to
(loaders/text/name_parts.py, loaders/text/office_holders.py), on invented sentences."""

from __future__ import annotations

import pytest

from coopgraph.loaders.text.loader import extract_text
from coopgraph.records import ExtractionRecord


def _named(rec: ExtractionRecord) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in rec.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in rec.relations}


@pytest.mark.parametrize(("text", "relation"), [
    # a place below country level inside a body's name: the body lies there
    ("Staff of the Khuvsgul One Stop Service Centre attended the course.",
     ("Khuvsgul One Stop Service Centre", "locatedIn", "Khuvsgul")),
    ("The Water Supply Authority of Ulaanbaatar city repaired the pipes.",
     ("Water Supply Authority of Ulaanbaatar city", "locatedIn", "Ulaanbaatar")),
    # a post of another body 'in' a city stands there ('... Representative Office in X')
    ("The Northland Trade and Economic Representative Office in Ulaanbaatar donated beds.",
     ("Northland Trade and Economic Representative Office in Ulaanbaatar", "locatedIn", "Ulaanbaatar")),
    # the whole named first, then a unit's head noun
    ("The Lakeside Water Agency (LWA) and its LWA Regional Bureau for Asia met in May.",
     ("LWA Regional Bureau for Asia", "partOf", "Lakeside Water Agency")),
    # a unit's head noun, 'of the', then the whole (a project named without its last word)
    ('The "Clean Rivers" project held a meeting of the Steering Committee of the Clean Rivers project.',
     ("Steering Committee of the Clean Rivers", "partOf", "Clean Rivers")),
])
def test_relations_a_name_states(text: str, relation: tuple[str, str, str]) -> None:
    assert relation in _named(extract_text(text))


@pytest.mark.parametrize(("text", "absent"), [
    # a country in a name says whose body it is, not where it stands; no Place is made for it
    ("The Bank of Mongolia and the Northland Fund signed a memorandum.", ("Bank of Mongolia", "locatedIn", "Mongolia")),
    # a ministry 'in' a city is where the sentence happened, not a post of the ministry there
    ("The Ministry of Health in Ulaanbaatar thanked the donors.", ("Ministry of Health", "locatedIn", "Ulaanbaatar")),
])
def test_a_country_in_a_name_is_not_its_location(text: str, absent: tuple[str, str, str]) -> None:
    rec = extract_text(text)
    assert absent not in _named(rec)


def test_a_place_only_inside_a_name_is_an_entity_but_not_a_venue() -> None:
    rec = extract_text("The Darkhan-Uul One Stop Service Centre held a training on 4 May 2022.")
    places = {e.name for e in rec.entities if e.type == "Place"}
    assert places == {"Darkhan-Uul"}
    assert all(not ev.places for ev in rec.events)


@pytest.mark.parametrize(("text", "person", "body"), [
    ("Mr. Bat, Governor of Khovd aimag, welcomed the team to the Khovd aimag Governor's Office.",
     "Bat", "Khovd aimag Governor's Office"),
    ("The Governor of Uvs aimag, Mr. Dorj, thanked the Uvs Governor's Office staff.", "Dorj", "Uvs Governor's Office"),
    ("Prime Minister J.Bold will meet the team to discuss the support of the Government of Riverland.",
     "J.Bold", "Government of Riverland"),
    # a minister whose ministry the text does not name belongs to the government it names
    ("The Minister of Foreign Affairs Ts.Dorj thanked the Government of Riverland.", "Ts.Dorj",
     "Government of Riverland"),
    # an ambassador belongs to the body's delegation when the text names one
    ("The meeting opened with the Ambassador of the Northland Union to Riverland, Mr. Ole Berg, at the "
     "Delegation of the Northland Union to Riverland.", "Ole Berg", "Delegation of the Northland Union"),
    # an abbreviated title word does not end the role phrase
    ("The training was conducted by Ms. Ada Brennan, Sr. Specialist on Water Safety, Lakeside Water Agency (LWA).",
     "Ada Brennan", "Lakeside Water Agency"),
    # a nationality adjective is not part of a ministry's name
    ("Mongolian Health Minister D. Sarangerel thanked the Mongolian Ministry of Health.", "D. Sarangerel",
     "Ministry of Health"),
])
def test_office_holders(text: str, person: str, body: str) -> None:
    assert (person, "affiliatedWith", body) in _named(extract_text(text))


def test_no_government_when_the_text_names_two() -> None:
    rec = extract_text("Prime Minister J.Bold thanked the Government of Riverland and the Government of Northland.")
    assert not [r for r in rec.relations if r.predicate == "affiliatedWith"]
