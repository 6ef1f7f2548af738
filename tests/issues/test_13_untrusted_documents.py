"""Issue #13 (https://github.com/coopgraph/coopgraph/issues/13), items 3, 9 and 11: a damaged
file is one line of the build report and never stops the batch; HTML text outside block
elements is read; lone surrogates never reach the writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from coopgraph.cli import main
from coopgraph.extraction import load_documents
from coopgraph.loaders.formats.html import read_html
from coopgraph.pipeline import build
from hostile_files import BAD_FILES, SENTENCE, good_docx, surrogate_json


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Every bad kind next to three good documents (text, Word, HTML)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, make in BAD_FILES.items():
        make(folder / name)
    (folder / "good.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    good_docx(folder / "good.docx")
    (folder / "good.html").write_text(f"<html><body><p>{SENTENCE}</p></body></html>",
                                      encoding="utf-8")
    return folder


#: What each bad file's report line says (its cause, in the words of the loader).
EXPECTED_REASONS = {
    "zlib.docx": "damaged Word document (zlib.error: Error -3 while decompressing data",
    "eof.docx": "damaged Word document (EOFError: the data ends early)",
    "lxml.docx": "damaged Word document (XMLSyntaxError: Opening and ending tag mismatch",
    "encoding.xml": "line 1: the XML declaration names an unknown encoding (unknown encoding: "
                    "UTF-O); save the file as UTF-8",
    "pdfminer.pdf": "PDF",
    "csv.csv": "row 2: not valid CSV (unexpected end of data)",
}


def test_each_bad_file_is_one_report_line_and_the_good_ones_are_built(
        mixed_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(mixed_folder), "-o", str(tmp_path / "out"), "--no-network"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Traceback" not in err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(d["name"] for d in manifest["documents"]) == ["good.docx", "good.html",
                                                                "good.txt"]
    failed = {Path(f["path"]).name: f["reason"] for f in manifest["failed"]}
    assert sorted(failed) == sorted(BAD_FILES)
    for name, reason in EXPECTED_REASONS.items():
        assert reason in failed[name], (name, failed[name])
        lines = [ln for ln in err.splitlines() if f"{name}:" in ln]
        assert len(lines) == 1 and lines[0].startswith("warning: ") \
            and lines[0].endswith("(not loaded)"), lines


def test_an_unexpected_loader_exception_is_reported_not_raised(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library error nobody anticipated (here a KeyError subclass from a plugin-like loader)
    is still that file's report line."""
    from coopgraph.loaders.text import loader as text_loader

    class Odd(Exception):
        pass

    def explode(document: object) -> object:
        raise Odd("something deep inside\nsecond line")

    monkeypatch.setattr(text_loader, "extract_document", explode)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    report = load_documents([tmp_path / "a.txt"])
    assert report.records == []
    assert report.failed == [(tmp_path / "a.txt", "could not be read (Odd: something deep "
                              "inside); the file may be damaged: check it opens in its own "
                              "application")]


def test_html_text_outside_block_elements_is_read(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text(f"<html><body>{SENTENCE}</body></html>", encoding="utf-8")
    assert read_html(page).text == SENTENCE


def test_bare_html_text_is_read_without_menus_and_footers(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<header>Site of the project</header>"
        f"Intro line before any block. <p>{SENTENCE}</p> A closing remark after it."
        "<footer>Copyright 2017, all rights reserved</footer></body></html>", encoding="utf-8")
    assert read_html(page).text == ("Intro line before any block.\n\n" + SENTENCE
                                    + "\n\nA closing remark after it.")


def test_bare_html_sentence_is_extracted(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text(f"<html><body>{SENTENCE}</body></html>", encoding="utf-8")
    record = load_documents([page]).records[0]
    names = {e.name for e in record.entities}
    assert {"Darkhan", "Ministry of Labour"} <= names
    assert [(e.start, e.type) for e in record.events] == [("2017-05-05", "workshop")]


def test_lone_surrogates_are_replaced_and_the_build_finishes(tmp_path: Path) -> None:
    register = surrogate_json(tmp_path / "register.json")
    result = build([register], output_dir=tmp_path / "out", network=False)
    (record,) = result.records
    assert record.events[0].title == "Workshop \ufffd in Darkhan"
    assert "ILO \ufffd" in {e.name for e in record.entities}
    assert result.report.warnings == [
        f"{register}: invalid characters (lone UTF-16 surrogates, e.g. from a \\ud801 escape) "
        "replaced by U+FFFD in 4 place(s)"]  # the title, the entity and twice the quoted item
    turtle = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    titles = {str(o) for o in turtle.objects() if "Workshop" in str(o)}
    assert "Workshop \ufffd in Darkhan" in titles
    again = build([register], output_dir=tmp_path / "out", network=False)
    assert again.up_to_date and again.report.warnings == result.report.warnings
