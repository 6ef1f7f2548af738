"""The DOCX loader: headings, paragraphs and tables in document order; clear errors."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import docx
import pytest

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats.docx import DocxLoader, read_docx
from coopgraph.loaders.formats.sniffing import OLE_MAGIC


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small Word report built with python-docx: title, headings, a table between paragraphs."""
    document = docx.Document()
    document.core_properties.title = "Annual report 2018"
    document.core_properties.created = datetime.datetime(2019, 2, 1, 9, 0)
    document.add_heading("Annual report 2018", 0)
    document.add_heading("Field visits", 1)
    document.add_paragraph("SECiM organized a field visit to Selenge, Dornod and Zavkhan "
                           "aimags in June 2018 with the International Labour Organization "
                           "(ILO).")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Aimag", "Month", "Partner"), ("Dornod", "June 2018", "ILO"),
                             ("Zavkhan", "July 2018", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).merge(table.cell(2, 2))
    document.add_heading("Trainings", 1)
    document.add_paragraph("GASI trained   labour inspectors\tin Ulaanbaatar.")
    path = tmp_path_factory.mktemp("docx") / "annual-report.docx"
    document.save(str(path))
    return path


def test_headings_paragraphs_and_tables_in_document_order(report: Path) -> None:
    assert read_docx(report).text.split("\n\n") == [
        "Annual report 2018",
        "Field visits",
        "SECiM organized a field visit to Selenge, Dornod and Zavkhan aimags in June 2018 with "
        "the International Labour Organization (ILO).",
        "Aimag | Month | Partner",
        "Dornod | June 2018 | ILO",
        "Zavkhan | July 2018",  # the merged cell is read once
        "Trainings",
        "GASI trained labour inspectors in Ulaanbaatar.",
    ]


def test_title_and_date_come_from_the_document_properties(report: Path) -> None:
    source = read_docx(report).source
    assert (source.title, source.date) == ("Annual report 2018", "2019-02-01")
    assert source.media_type.endswith("wordprocessingml.document")


def _bad(path: Path) -> str:
    with pytest.raises(ExtractionError) as info:
        read_docx(path)
    assert info.value.path == str(path)
    return info.value.message


def test_zip_renamed_docx_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo-list.txt", "field visit photos")
    assert DocxLoader().sniff(path, path.read_bytes()[:4096])
    assert _bad(path) == ("a zip archive, but not a Word document (no word/document.xml); "
                          "unpack it and pass the documents inside")


def test_old_doc_format_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504)
    assert _bad(path) == "an old Word 97-2003 .doc file; save it as .docx first"


def test_text_file_named_docx_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("just some notes", encoding="utf-8")
    assert _bad(path) == "not a Word .docx file (not a zip package); save it from Word as .docx"


def test_empty_word_document_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert _bad(path) == "this Word document holds no text"


def test_sniffs_docx_content_under_another_name(report: Path, tmp_path: Path) -> None:
    loader = DocxLoader()
    head = report.read_bytes()[:4096]
    assert loader.sniff(tmp_path / "report.bin", head)
    assert not loader.sniff(tmp_path / "a.txt", b"PK\x03\x04 not word")


def test_loading_the_report_finds_its_actors_and_places(report: Path) -> None:
    record = DocxLoader().load(report)
    by_type = {(e.type, e.name) for e in record.entities}
    assert ("Organisation", "International Labour Organization") in by_type
    assert {("Place", "Selenge"), ("Place", "Dornod"), ("Place", "Zavkhan")} <= by_type
    visit = next(e for e in record.events if e.type == "field_visit")
    assert (visit.start, visit.date_precision) == ("2018-06", "month")
    assert {record.entity(p).name for p in visit.places if record.entity(p)} >= {
        "Selenge", "Dornod", "Zavkhan"}
    ilo = next(e.id for e in record.entities if e.name == "International Labour Organization")
    assert ilo in visit.organisers + visit.supporters + visit.participants
