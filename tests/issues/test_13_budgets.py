"""Issue #13 (https://github.com/coopgraph/coopgraph/issues/13), items 2 and 10: per-document
budgets for every format. HTML nested 20k deep, 20,000 IATI activities, 300k DOCX paragraphs,
2,000+ PDF pages and a million CSV columns all ran unbounded; now each loader reads up to its
budget (loaders/formats/budgets.py) and says in the record what it left out. The budgets are
lowered here so that small crafted files reach them."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopgraph.extraction import load_documents
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.docx import read_docx
from coopgraph.loaders.formats.html import read_html
from coopgraph.loaders.formats.pdf import read_pdf
from coopgraph.loaders.registry import find_loader
from hostile_files import docx_bytes, document_xml, pdf_bytes

SENTENCES = [
    "The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour.",
    "GIZ trained 40 inspectors in Erdenet on 3 June 2018.",
    "UNDP opened an office in Khovd on 9 July 2019.",
    "IOM organised a seminar in Ulaanbaatar on 2 March 2020.",
]


def _note(what: str, limit: int, total: int) -> str:
    return (f"only the first {limit:,} of {total:,} {what} were read (coopgraph's "
            "per-document limit); split the document to read the rest")


def test_pdf_pages_past_the_budget_are_left_out(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_PDF_PAGES", 2)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes(*SENTENCES))
    document = read_pdf(path)
    assert document.text == "\n\n".join(SENTENCES[:2])
    assert document.warnings == (_note("pages", 2, 4),)


def test_docx_paragraphs_past_the_budget_are_left_out(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_DOCX_PARAGRAPHS", 3)
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(document_xml(*SENTENCES)))
    document = read_docx(path)
    assert document.text == "\n\n".join(SENTENCES[:3])
    assert document.warnings == (_note("paragraphs and tables", 3, 4),)


def test_html_elements_past_the_budget_are_left_out(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_HTML_ELEMENTS", 2)
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + "".join(f"<p>{s}</p>" for s in SENTENCES)
                    + "</body></html>", encoding="utf-8")
    document = read_html(path)
    assert document.text == "\n\n".join(SENTENCES[:2])
    assert document.warnings == (_note("HTML elements", 2, 4),)


def test_html_deeper_than_the_budget_is_read_as_plain_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_HTML_DEPTH", 3)
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><div><p>{SENTENCES[0]}</p><div><div><p>{SENTENCES[1]}</p>"
                    f"<p>{SENTENCES[2]}</p></div></div></div></body></html>", encoding="utf-8")
    document = read_html(path)
    # body > div > div > div (depth 3) keeps its paragraphs; below it they run together.
    assert document.text == f"{SENTENCES[0]}\n\n{SENTENCES[1]} {SENTENCES[2]}"
    assert document.warnings == ("HTML nested more than 3 elements deep (coopgraph's "
                                 "per-document limit): the deeper markup was read as plain "
                                 "text",)


def _iati(path: Path, n: int) -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03">'
        + "".join(f"<iati-activity><iati-identifier>XM-DAC-{i}</iati-identifier><title>"
                  f"<narrative>Project number {i}</narrative></title></iati-activity>"
                  for i in range(1, n + 1)) + "</iati-activities>", encoding="utf-8")
    return path


def test_iati_activities_past_the_budget_are_left_out(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_IATI_ACTIVITIES", 2)
    path = _iati(tmp_path / "activities.xml", 3)
    record = find_loader(path).load(path)
    assert sorted(e.name for e in record.entities if e.type == "Project") == [
        "Project number 1", "Project number 2"]
    assert record.warnings == (_note("activities", 2, 3),)


def test_csv_columns_and_rows_past_the_budget_are_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_CSV_COLUMNS", 3)
    monkeypatch.setattr(budgets, "MAX_CSV_ROWS", 2)
    path = tmp_path / "register.csv"
    path.write_text("title,start,type,venue,organisers\n"
                    "Labour inspection workshop,2017-05-05,workshop,Darkhan,ILO\n"
                    "Safety training,2018-06-03,training,Erdenet,GIZ\n"
                    "Migration seminar,2020-03-02,seminar,Ulaanbaatar,IOM\n", encoding="utf-8")
    record = find_loader(path).load(path)
    assert [e.title for e in record.events] == ["Labour inspection workshop", "Safety training"]
    assert record.entities == ()  # venue and organisers are past the column budget
    assert record.warnings == (_note("columns", 3, 5), _note("rows", 2, 3))


def test_a_cut_is_a_warning_of_the_build(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "MAX_IATI_ACTIVITIES", 1)
    path = _iati(tmp_path / "activities.xml", 2)
    report = load_documents([path], workers=1)
    assert report.warnings == [f"{path}: {_note('activities', 1, 2)}"]
