"""The PDF loader: reading order across columns, hyphenation repair, clear errors.

newsletter.pdf and scanned.pdf are written by tests/data/loaders/make_pdfs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats.pdf import Box, PdfLoader, join_lines, read_pdf, reading_order
from coopgraph.records import event_label

DATA = Path(__file__).parent / "data" / "loaders"
NEWSLETTER = DATA / "newsletter.pdf"


def test_two_columns_are_read_one_after_the_other() -> None:
    paragraphs = read_pdf(NEWSLETTER).text.split("\n\n")
    assert paragraphs == [
        "SECiM Newsletter, second quarter of 2017",
        "Training for labour inspectors",
        "Government Agency for Specialised Inspection (GASI) with assistance from SECiM project "
        "and International Labour Organization (ILO) organized a 2 day training for labour "
        "inspectors on 19-20 May 2017 in Ulaanbaatar.",
        "Steering committee meeting",
        "The Ministry of Labour and Social Protection (MoLSP) held the project steering "
        "committee meeting in September 2017 with the European Union (EU).",
    ]  # the page number "1" at the foot is dropped


def test_title_and_date_come_from_the_document_info() -> None:
    source = read_pdf(NEWSLETTER).source
    assert (source.title, source.date, source.media_type) == (
        "SECiM Newsletter Q2 2017", "2017-06-30", "application/pdf")
    assert source.size == NEWSLETTER.stat().st_size


@pytest.mark.parametrize(("lines", "joined"), [
    ("orga-\nnized", "organized"),
    ("labour inspec-\ntors met", "labour inspectors met"),
    ("the EU-\nMongolia dialogue", "the EU-Mongolia dialogue"),
    ("in 2016-\n2017", "in 2016-2017"),
    ("a well-\n  Known case", "a well-Known case"),
    ("first line\nsecond line\n", "first line second line"),
    ("e\ufb03cient sta\u00ad\nff", "efficient staff"),
])
def test_line_ends_are_joined_and_hyphenation_repaired(lines: str, joined: str) -> None:
    assert join_lines(lines) == joined


def test_reading_order_handles_three_columns_under_a_title() -> None:
    title = Box(50, 700, 560, 720, "title")
    cols = [Box(x, y, x + 150, y + 20, f"c{x}-{y}") for x in (50, 230, 410) for y in (600, 500)]
    footer = Box(50, 100, 560, 120, "footer")
    got = [b.text for b in reading_order([footer, *reversed(cols), title])]
    assert got == ["title", "c50-600", "c50-500", "c230-600", "c230-500", "c410-600",
                   "c410-500", "footer"]


def test_single_column_keeps_top_to_bottom_order() -> None:
    boxes = [Box(50, 700 - 40 * i, 500 - 30 * (i % 3), 720 - 40 * i, str(i)) for i in range(6)]
    assert [b.text for b in reading_order(list(reversed(boxes)))] == list("012345")


def test_scanned_pdf_without_text_layer_gives_a_clear_message() -> None:
    path = DATA / "scanned.pdf"
    with pytest.raises(ExtractionError) as info:
        read_pdf(path)
    assert info.value.message == (
        "no text layer (a scanned document?) in this PDF; coopgraph does no OCR: run OCR first "
        "(for example ocrmypdf) or use the text version")


def test_truncated_pdf_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.pdf"
    path.write_bytes(NEWSLETTER.read_bytes()[:900])
    with pytest.raises(ExtractionError) as info:
        read_pdf(path)
    assert str(info.value) == (f"{path}: truncated or damaged PDF (no end-of-file marker); "
                               "download or export it again")


def test_damaged_pdf_body_gives_a_clear_message(tmp_path: Path) -> None:
    data = NEWSLETTER.read_bytes()
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data[:300] + data[-40:])  # objects lost, end marker kept
    with pytest.raises(ExtractionError) as info:
        read_pdf(path)
    assert info.value.message.startswith("damaged PDF (")
    assert info.value.message.endswith("); download or export it again")


def test_sniffs_pdf_by_header_not_name(tmp_path: Path) -> None:
    loader = PdfLoader()
    assert loader.sniff(tmp_path / "newsletter.bin", NEWSLETTER.read_bytes()[:4096])
    assert not loader.sniff(tmp_path / "fake.pdf", b"This is not a PDF.")


def test_loading_the_newsletter_finds_both_columns_events() -> None:
    record = PdfLoader().load(NEWSLETTER)
    names = {e.id: e.name for e in record.entities}
    events = {event_label(e.title): e for e in record.events}
    training = events["Training for labour inspectors"]
    assert (training.type, training.start, training.end) == ("training", "2017-05-19",
                                                             "2017-05-20")
    assert [names[i] for i in training.organisers] == [
        "Government Agency for Specialised Inspection"]
    assert "International Labour Organization" in [names[i] for i in training.supporters]
    assert [names[i] for i in training.places] == ["Ulaanbaatar"]
    meeting = next(e for e in record.events if e.type == "steering_committee")
    assert meeting.title.startswith("Steering committee meeting")  # the right column's heading
    assert meeting.start == "2017-09"
    assert [names[i] for i in meeting.organisers] == ["Ministry of Labour and Social Protection"]
    assert "organized a 2 day training" in training.evidence  # hyphenation repaired
