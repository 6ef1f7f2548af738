"""The IATI activity loader: projects, roles, identifiers, dates and places from IATI 2.0x XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopgraph.errors import ExtractionError
from coopgraph.loaders.structured.iati import IatiLoader
from coopgraph.records import Entity, ExtractionRecord

DATA = Path(__file__).parent / "data" / "loaders"
IATI = DATA / "iati-activities.xml"


@pytest.fixture(scope="module")
def record() -> ExtractionRecord:
    return IatiLoader().load(IATI)


def _named(record: ExtractionRecord, name: str) -> Entity:
    return next(e for e in record.entities if e.name == name)


def test_each_activity_is_a_project_with_its_identifier_as_alias(record: ExtractionRecord) -> None:
    projects = {e.name: e.aliases for e in record.entities if e.type == "Project"}
    assert projects == {
        "Support to Employment Creation in Mongolia": ("XI-IATI-EC_DEVCO-2015-365432",),
        "Strengthening labour inspection in Mongolia": ("XM-DAC-41302-MNG-17-01",),
    }


def test_roles_map_to_funded_by_and_implemented_by(record: ExtractionRecord) -> None:
    secim = _named(record, "Support to Employment Creation in Mongolia")
    eu = _named(record, "European Union")
    molsp = _named(record, "Ministry of Labour and Social Protection")
    ilo = _named(record, "International Labour Organization")
    assert secim.funders == (eu.id,)
    assert secim.implementers == (molsp.id, ilo.id)  # accountable (2) and implementing (4)
    triples = {(r.subject, r.predicate, r.object) for r in record.relations}
    assert (secim.id, "fundedBy", eu.id) in triples
    assert (secim.id, "implementedBy", ilo.id) in triples
    labour = _named(record, "Strengthening labour inspection in Mongolia")
    gasi = _named(record, "Government Agency for Specialised Inspection")
    assert (labour.funders, labour.implementers) == ((ilo.id,), (gasi.id,))


def test_org_refs_are_aliases_and_merge_the_same_organisation(record: ExtractionRecord) -> None:
    ilo = [e for e in record.entities if "XM-DAC-41302" in e.aliases]
    assert len(ilo) == 1  # participating in one activity, reporting the other
    assert ilo[0].name == "International Labour Organization"
    assert ilo[0].aliases == ("XM-DAC-41302", "International Labour Office")
    assert ilo[0].category == "international"
    eu = _named(record, "European Union")
    assert "XI-IATI-EC_DEVCO" in eu.aliases and eu.category == "government"
    assert _named(record, "Government Agency for Specialised Inspection").aliases == (
        "MN-GOV-GASI",)


def test_locations_become_aimags_in_the_recipient_country(record: ExtractionRecord) -> None:
    places = {e.name: (e.place_type, e.parent) for e in record.entities if e.type == "Place"}
    assert places == {"Mongolia": ("country", None), "Selenge": ("aimag", "mongolia"),
                      "Dornod": ("aimag", "mongolia"), "Zavkhan": ("aimag", "mongolia")}
    assert _named(record, "Selenge").aliases == ("Selenge Province",)


def test_dates_become_a_project_period_event(record: ExtractionRecord) -> None:
    events = {e.title: e for e in record.events}
    secim = events["Implementation of Support to Employment Creation in Mongolia"]
    # actual start wins over planned start; planned end used when there is no actual end
    assert (secim.type, secim.start, secim.end, secim.date_precision, secim.status) == (
        "other", "2016-01-04", "2019-12-31", "day", "unknown")
    assert secim.projects == (_named(record, "Support to Employment Creation in Mongolia").id,)
    assert secim.supporters == (_named(record, "European Union").id,)
    assert set(secim.places) == {"mongolia", "selenge", "dornod"}
    labour = events["Implementation of Strengthening labour inspection in Mongolia"]
    assert (labour.start, labour.end, labour.status) == ("2017-03-01", "2017-12-31", "completed")


def test_sectors_are_kept_as_text(record: ExtractionRecord) -> None:
    evidence = {e.title: e.evidence for e in record.events}
    assert evidence["Implementation of Support to Employment Creation in Mongolia"].endswith(
        "Sectors: Employment creation; Vocational training")
    assert evidence["Implementation of Strengthening labour inspection in Mongolia"].endswith(
        "Sectors: sector 16020")


def test_source_metadata(record: ExtractionRecord) -> None:
    assert record.source is not None
    assert (record.source.media_type, record.source.date) == ("application/xml", "2018-01-15")


def test_sniffs_iati_by_root_element(tmp_path: Path) -> None:
    loader = IatiLoader()
    assert loader.sniff(tmp_path / "data.txt", IATI.read_bytes()[:4096])
    assert not loader.sniff(tmp_path / "x.xml", b'<?xml version="1.0"?>\n<rss version="2.0">')


# --- bad input --------------------------------------------------------------------------------

def _bad(tmp_path: Path, text: str) -> str:
    path = tmp_path / "activities.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        IatiLoader().load(path)
    assert info.value.path == str(path)
    return info.value.message


def test_invalid_xml_names_line_and_column(tmp_path: Path) -> None:
    text = IATI.read_text(encoding="utf-8").replace("</title>", "</titel>", 1)
    assert _bad(tmp_path, text) == "line 14 column 5: not valid XML (mismatched tag)"


def test_unknown_version_is_refused(tmp_path: Path) -> None:
    text = IATI.read_text(encoding="utf-8").replace('version="2.03"', 'version="1.05"')
    assert _bad(tmp_path, text) == ("line 5: <iati-activities version='1.05'> is not supported; "
                                    "coopgraph reads IATI 2.01, 2.02, 2.03")


def test_missing_version_is_refused(tmp_path: Path) -> None:
    message = _bad(tmp_path, '<iati-activities><iati-activity/></iati-activities>')
    assert message.startswith("line 1: <iati-activities version=None> is not supported")


def test_activity_without_identifier_names_its_line(tmp_path: Path) -> None:
    text = ('<iati-activities version="2.03">\n <iati-activity>\n  <title><narrative>X'
            '</narrative></title>\n </iati-activity>\n</iati-activities>')
    assert _bad(tmp_path, text) == "line 2: <iati-activity> has no <iati-identifier>"


def test_bad_activity_date_names_its_line(tmp_path: Path) -> None:
    text = ('<iati-activities version="2.02">\n <iati-activity>\n  <iati-identifier>A-1'
            '</iati-identifier>\n  <activity-date type="1" iso-date="2017-31-01"/>\n'
            ' </iati-activity>\n</iati-activities>')
    assert _bad(tmp_path, text) == ("line 4: <activity-date iso-date='2017-31-01'> is not a date "
                                    "(use YYYY-MM-DD)")


def test_other_iati_files_are_refused(tmp_path: Path) -> None:
    assert _bad(tmp_path, '<iati-organisations version="2.03"/>') == (
        "line 1: root element <iati-organisations> is not <iati-activities>; "
        "only IATI activity files are read")


def test_external_entities_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>\n'
            '<iati-activities version="2.03"><iati-activity><iati-identifier>&s;'
            '</iati-identifier></iati-activity></iati-activities>')
    assert _bad(tmp_path, text) == ("line 2: DTD refused: coopgraph never expands DTDs, "
                                    "entities or external references in XML")


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 8))
    text = f'<!DOCTYPE x [<!ENTITY l0 "lol">{lol}]>\n<iati-activities version="2.03"/>'
    assert _bad(tmp_path, text).startswith("line 1: DTD refused")


def test_file_without_activities(tmp_path: Path) -> None:
    assert _bad(tmp_path, '<iati-activities version="2.03"></iati-activities>') == (
        "the file has no <iati-activity> element")
