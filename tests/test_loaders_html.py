"""The HTML loader: main text without page furniture, headings as item boundaries, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats.html import HtmlLoader, read_html
from coopgraph.records import event_label

DATA = Path(__file__).parent / "data" / "loaders"
PAGE = DATA / "project-news.html"


def test_main_text_keeps_the_article_and_drops_menus_and_footers() -> None:
    text = read_html(PAGE).text
    assert "Government Agency for Specialised Inspection (GASI) with assistance from SECiM " \
           "project and International Labour Organization (ILO) organized a 2 day training" in text
    for furniture in ("Skip to content", "Home", "About the European Union", "Related news",
                      "Share on Facebook", "Funded by the European Union", "window.tracker",
                      "console.log", "font-family"):
        assert furniture not in text


def test_headings_and_list_items_are_paragraphs_of_their_own() -> None:
    paragraphs = read_html(PAGE).text.split("\n\n")
    assert paragraphs[0] == "Training for labour inspectors"
    assert "Next steps" in paragraphs
    i = paragraphs.index("Next steps")
    assert paragraphs[i + 1] == ("A follow-up workshop in Selenge aimag is planned for "
                                 "September 2017.")
    assert "Selenge | 12" in paragraphs  # a table row as one line


def test_title_and_date_come_from_the_page_metadata() -> None:
    source = read_html(PAGE).source
    assert source.title == "Labour inspectors trained on ILO conventions | SECiM project news"
    assert source.date == "2017-05-25"
    assert source.media_type == "text/html"
    assert len(source.sha256) == 64 and source.size == PAGE.stat().st_size


def test_date_from_json_ld_and_time_element(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                    '"datePublished": "2018-03-08T10:00:00Z"}</script></head>'
                    "<body><p>Text.</p></body></html>", encoding="utf-8")
    assert read_html(page).source.date == "2018-03-08"
    page.write_text('<html><body><article><time datetime="2016-11-03">3 Nov</time><p>Text.</p>'
                    "</article></body></html>", encoding="utf-8")
    assert read_html(page).source.date == "2016-11-03"


def test_menus_marked_only_by_class_are_dropped(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<html><body><div id="main-menu"><a href="/">Home</a></div>'
                    '<div class="content"><p>The steering committee met in Ulaanbaatar.</p>'
                    '</div><div class="site_footer">Contact us</div></body></html>',
                    encoding="utf-8")
    assert read_html(page).text == "The steering committee met in Ulaanbaatar."


def test_declared_encoding_is_honoured(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Ministry’s '
                     "report</p></body></html>".encode("cp1252"))
    assert read_html(page).text == "Ministry’s report"


def test_page_of_only_scripts_gives_a_clear_message() -> None:
    path = DATA / "only-scripts.html"
    with pytest.raises(ExtractionError) as info:
        read_html(path)
    assert str(info.value) == (f"{path}: no readable text in this page (only scripts, styles or "
                               "navigation); save the article itself, or its text as .txt")


def test_sniffs_html_by_content(tmp_path: Path) -> None:
    loader = HtmlLoader()
    saved = tmp_path / "page.txt"
    assert loader.sniff(saved, PAGE.read_bytes()[:4096])
    assert loader.sniff(saved, b"\xef\xbb\xbf<!-- saved -->\n<html><body>x</body></html>")
    assert not loader.sniff(saved, b"A plain text about <b>bold</b> claims.")
    assert not loader.sniff(tmp_path / "a.pdf", b"%PDF-1.4 <html>")


def test_loading_the_page_finds_its_actors_event_and_conventions() -> None:
    record = HtmlLoader().load(PAGE)
    names = {e.name: e for e in record.entities}
    training = next(e for e in record.events if e.type == "training")
    assert (event_label(training.title), training.start, training.end) == (
        "Training for labour inspectors", "2017-05-19", "2017-05-20")
    assert [record.entity(i).name for i in training.organisers if record.entity(i)] == [
        "Government Agency for Specialised Inspection"]
    supporters = {names[n].id for n in ("International Labour Organization",)}
    assert supporters <= set(training.supporters)
    conventions = {e.name for e in record.entities if e.type == "Convention"}
    assert {"Labour Inspection Convention, 1947 (No. 81)",
            "Labour Inspection (Agriculture) Convention, 1969 (No. 129)"} <= conventions
    assert {"Selenge", "Dornod", "Zavkhan"} <= {
        e.name for e in record.entities if e.type == "Place" and e.place_type == "aimag"}
    assert record.source is not None and record.source.title is not None
    assert "Related news" not in "".join(e.evidence for e in record.events)
