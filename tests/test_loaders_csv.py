"""The CSV / JSON event-register loader: rows become events and entities without NLP."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from coopgraph.errors import ExtractionError
from coopgraph.loaders.structured.register import COLUMNS, RegisterLoader
from coopgraph.records import ExtractionRecord

DATA = Path(__file__).parent / "data" / "loaders"
REGISTER = DATA / "events-register.csv"
HEADER = ",".join(COLUMNS)


def _load(path: Path) -> ExtractionRecord:
    return RegisterLoader().load(path)


def _by_name(record: ExtractionRecord) -> dict[str, str]:
    return {e.name: e.id for e in record.entities}


def test_register_rows_become_events_with_their_actors() -> None:
    record = _load(REGISTER)
    ids = _by_name(record)
    training = next(e for e in record.events if e.title == "Training for labour inspectors")
    assert (training.type, training.start, training.end, training.date_precision) == (
        "training", "2017-05-19", "2017-05-20", "day")
    assert training.organisers == (ids["Government Agency for Specialised Inspection"],)
    assert training.supporters == (ids["Support to Employment Creation in Mongolia"],
                                   ids["International Labour Organization"])
    assert training.places == (ids["Ulaanbaatar"],)
    assert training.projects == (ids["Support to Employment Creation in Mongolia"],)


def test_acronyms_and_repeated_names_give_one_entity() -> None:
    record = _load(REGISTER)
    secim = [e for e in record.entities if e.name == "Support to Employment Creation in Mongolia"]
    assert len(secim) == 1 and secim[0].type == "Project" and secim[0].aliases == ("SECiM",)
    ilo = next(e for e in record.entities if e.name == "International Labour Organization")
    assert ilo.type == "Organisation" and ilo.aliases == ("ILO",)
    meeting = next(e for e in record.events if e.title == "Steering committee meeting")
    assert meeting.participants == (_by_name(record)["Government Agency for Specialised "
                                                     "Inspection"], ilo.id)


def test_places_are_matched_to_aimags_from_reference_data() -> None:
    record = _load(REGISTER)
    visit = next(e for e in record.events if e.type == "field_visit")
    places = [record.entity(p) for p in visit.places]
    assert [(p.name, p.place_type) for p in places if p] == [
        ("Selenge", "aimag"), ("Dornod", "aimag"), ("Zavkhan", "aimag")]
    mongolia = record.entity(places[0].parent or "") if places[0] else None
    assert mongolia is not None and (mongolia.name, mongolia.place_type) == ("Mongolia", "country")
    assert "Zavkhan aimag" in (places[2].aliases if places[2] else ())


def test_month_and_year_dates_keep_their_precision_and_end_defaults_to_start() -> None:
    record = _load(REGISTER)
    got = {e.title: (e.start, e.end, e.date_precision) for e in record.events}
    assert got["Steering committee meeting"] == ("2017-09", "2017-09", "month")
    assert got["Field visit to Selenge, Dornod and Zavkhan"] == ("2018", "2018", "year")


def test_evidence_is_the_exact_row_text_at_its_offsets() -> None:
    record = _load(REGISTER)
    text = REGISTER.read_text(encoding="utf-8")
    for event in record.events:
        assert event.span is not None
        assert text[event.span[0]:event.span[1]] == event.evidence
        assert next(csv.reader([event.evidence]))[0] == event.title


def test_source_describes_the_file() -> None:
    source = _load(REGISTER).source
    assert source is not None
    assert (source.name, source.media_type, source.size) == (
        "events-register.csv", "text/csv", REGISTER.stat().st_size)


def test_json_register_reads_lists_and_strings(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text(json.dumps({"events": [
        {"title": "Workshop on labour migration", "type": "workshop", "start": "2016-11-03",
         "organisers": ["International Organization for Migration (IOM)"],
         "participants": "Ministry of Labour and Social Welfare; IOM", "place": "Ulaanbaatar"},
    ]}), encoding="utf-8")
    record = _load(path)
    (event,) = record.events
    iom = next(e for e in record.entities if e.name == "International Organization for Migration")
    mlsw = next(e for e in record.entities if e.name == "Ministry of Labour and Social Welfare")
    assert event.organisers == (iom.id,) and event.participants == (mlsw.id, iom.id)
    assert (event.start, event.end, event.type) == ("2016-11-03", "2016-11-03", "workshop")
    assert record.source is not None and record.source.media_type == "application/json"


def test_semicolon_delimited_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text('title;start;organisers\nMeeting of the working group;2018-02;'
                    '"GASI;ILO"\n', encoding="utf-8")
    (event,) = _load(path).events
    assert len(event.organisers) == 2 and event.start == "2018-02"


# --- bad input: each message names the file and the row --------------------------------------

def _bad(tmp_path: Path, text: str, name: str = "register.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExtractionError) as info:
        _load(path)
    assert info.value.path == str(path)
    return info.value.message


def test_missing_column_is_named(tmp_path: Path) -> None:
    message = _bad(tmp_path, "title,type,end\nTraining,training,2017\n")
    assert message.startswith("row 1: missing column 'start'; the header must name title, type,")


def test_bad_date_names_the_row(tmp_path: Path) -> None:
    message = _bad(tmp_path, f"{HEADER}\nA,meeting,2017-05-01\nB,meeting,2017-13-01\n")
    assert message == "row 3: bad start date: '2017-13-01' has no month 13"


def test_ambiguous_date_is_refused(tmp_path: Path) -> None:
    message = _bad(tmp_path, f"{HEADER}\nA,meeting,5/6/2017\n")
    assert message == ("row 2: bad start date: '5/6/2017' is not a date "
                       "(use YYYY-MM-DD, YYYY-MM or YYYY)")


def test_impossible_day_is_refused(tmp_path: Path) -> None:
    assert _bad(tmp_path, f"{HEADER}\nA,meeting,2017-02-30\n") == (
        "row 2: bad start date: '2017-02-30' is not a day of the calendar")


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    assert _bad(tmp_path, f"{HEADER}\nA,meeting,2017-05-20,2017-05-19\n") == (
        "row 2: end 2017-05-19 is before start 2017-05-20")


def test_unknown_event_type_lists_the_known_ones(tmp_path: Path) -> None:
    message = _bad(tmp_path, f"{HEADER}\nA,party,2017\n")
    assert message.startswith("row 2: unknown event type 'party' (use one of: training, meeting,")


def test_misspelt_column_gets_a_suggestion(tmp_path: Path) -> None:
    assert _bad(tmp_path, "title,start,suporters\nA,2017,ILO\n") == (
        "row 1: unknown column 'suporters' (did you mean 'supporters'?)")


def test_empty_title_names_the_row(tmp_path: Path) -> None:
    assert _bad(tmp_path, f"{HEADER}\nA,meeting,2017\n,meeting,2018\n") == (
        "row 3: empty title; every event needs one")


def test_row_with_extra_cells_names_the_row(tmp_path: Path) -> None:
    message = _bad(tmp_path, "title,start\nA,2017\nB,2018,ILO,GASI\n")
    assert message == ("row 3: 4 cells but the header names 2 columns; "
                       "quote cells that contain ','")


def test_header_without_rows(tmp_path: Path) -> None:
    assert _bad(tmp_path, f"{HEADER}\n") == "the register has a header but no rows"


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    message = _bad(tmp_path, '[{"title": "A",\n "start": 2017-05}]', "register.json")
    assert message.startswith("line 2 column 15: not valid JSON")


def test_json_item_with_bad_date_names_the_item(tmp_path: Path) -> None:
    message = _bad(tmp_path, json.dumps([{"title": "A", "start": "2017"},
                                         {"title": "B", "start": "May 2017"}]), "register.json")
    assert message.startswith("item 2: bad start date: 'May 2017' is not a date")


def test_sniffing_is_by_content_not_only_the_name(tmp_path: Path) -> None:
    loader = RegisterLoader()
    as_text = tmp_path / "events.txt"
    as_text.write_bytes(REGISTER.read_bytes())
    assert loader.sniff(as_text, as_text.read_bytes()[:4096])
    prose = tmp_path / "note.txt"
    prose.write_text("The title of the report, the start of the project.\n", encoding="utf-8")
    assert not loader.sniff(prose, prose.read_bytes())
    gold = tmp_path / "gold.json"
    gold.write_text('{"document": "a.txt", "entities": [], "events": [{"title": "x"}]}')
    assert not loader.sniff(gold, gold.read_bytes())
