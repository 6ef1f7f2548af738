"""The name rules, one home each (coopgraph/names.py, coopgraph/slugs.py, coopgraph/reference_data.py):
where two rules differ, both are pinned here with the cases that tell them apart (issue 16)."""

from __future__ import annotations

from importlib import resources

import pytest

from coopgraph.names import is_short_form, looks_like_acronym, name_key, variant_key
from coopgraph.reference_data import read_reference, reference_places
from coopgraph.slugs import MAX_SLUG, id_slug, slugify


@pytest.mark.parametrize(("name", "key"), [
    ("The Tövschüren  Soum-Office", "tovschuren soum office"),
    ("Ministry of Labour and Social Protection", "ministry of labour and social protection"),
    ("“Women’s Fund”", "women s fund"),
    ("the_Asia Foundation", "asia foundation"),
    ("Theatre Union", "theatre union"),
])
def test_name_key_ignores_case_accents_quotes_punctuation_and_a_leading_the(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(("name", "key"), [
    ("The Ministries  of Labor", "ministry of labour"),
    ("Women's Organisations", "women organization"),
    ("Vocational Training Centres", "vocational training center"),
    ("Business Association", "business association"),
])
def test_variant_key_also_folds_spellings_plurals_and_apostrophes(name: str, key: str) -> None:
    assert variant_key(name) == key


def test_the_two_keys_differ_where_they_say() -> None:
    # across documents a plural is another name; inside one text it is the same body
    assert name_key("Labour Ministries") != name_key("Labor Ministry")
    assert variant_key("Labour Ministries") == variant_key("Labor Ministry")
    # accents: folded across documents, kept as written inside one text
    assert name_key("Tövschüren") == name_key("Tovschuren")
    assert variant_key("Tövschüren") != variant_key("Tovschuren")


@pytest.mark.parametrize(("token", "acronym", "short_form"), [
    ("ILO", True, True),
    ("SECiM", True, True),
    ("MoLSP", True, True),
    ("GIZ2", True, True),
    ("Ilo", False, False),
    ("#81", False, True),     # a convention number: a weak key, not written as an acronym
    ("C1", False, True),
    ("AaAaAaAaAaAaA", False, True),  # too long for the acronym pattern, still one token
    ("ILO Office", False, False),
])
def test_acronym_shape_and_short_form_are_two_rules(token: str, acronym: bool, short_form: bool) -> None:
    assert looks_like_acronym(token) is acronym
    assert is_short_form(token) is short_form


def test_iri_slug_is_never_empty_and_hashes_what_it_cuts() -> None:
    assert slugify("Tövschüren soum") == "tovschuren-soum"
    assert slugify("!!!").startswith("x-") and slugify("!!!") != slugify("???")
    long = "Ministry of " + "Very " * 20 + "Long Names"
    cut = slugify(long)
    assert len(cut) <= MAX_SLUG + 11 and cut != slugify(long + " Two")
    assert cut.startswith("ministry-of-very-very")


def test_id_slug_is_readable_and_cut_at_a_hyphen() -> None:
    assert id_slug("Ministry of Health") == "ministry-of-health"
    assert id_slug("International Labour Organization", limit=24) == "international-labour"
    assert id_slug("!!!") == "entity"
    assert id_slug("!!!", fallback="item") == "item"


def test_every_layer_reads_the_same_gazetteer() -> None:
    from coopgraph.graph.identity import _reference_place_types
    from coopgraph.loaders.reference import reference
    from coopgraph.loaders.structured.place_names import find_place

    places = reference_places()
    assert reference().places == places
    raw = read_reference("places.json")
    assert [p.id for p in places] == [p["id"] for p in raw]
    dornod = next(p for p in places if p.name == "Dornod")
    assert dornod.place_type == "aimag"
    assert find_place("Dornod Province") is not None
    assert "aimag" in _reference_place_types()[name_key("Dornod")]


def test_a_missing_reference_file_raises_the_same_error_everywhere() -> None:
    missing = resources.files("coopgraph.data").joinpath("reference", "no-such-file.json")
    assert not missing.is_file()
    with pytest.raises(FileNotFoundError):
        read_reference("no-such-file.json")
