"""Choosing loaders by content, and batches where some files are bad (issue 7)."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopgraph.errors import CoopgraphError
from coopgraph.extraction import load_documents
from coopgraph.loaders.registry import builtin_loaders, find_loader
from coopgraph.records import ExtractionRecord

DATA = Path(__file__).parent / "data" / "loaders"


def test_text_loader_stays_last_as_the_fallback() -> None:
    names = [loader.name for loader in builtin_loaders()]
    assert names == ["iati", "pdf", "docx", "html", "register", "text"]


def test_loaders_are_chosen_by_content_whatever_the_name(tmp_path: Path) -> None:
    renamed = {
        "newsletter.pdf": "newsletter.txt", "project-news.html": "page.txt",
        "iati-activities.xml": "activities.dat", "events-register.csv": "register.txt",
    }
    expected = {"newsletter.txt": "pdf", "page.txt": "html", "activities.dat": "iati",
                "register.txt": "register"}
    for original, new in renamed.items():
        shutil.copy(DATA / original, tmp_path / new)
    doc = docx.Document()
    doc.add_paragraph("A report.")
    doc.save(str(tmp_path / "report.bin"))
    expected["report.bin"] = "docx"
    (tmp_path / "notes.md").write_text("# Notes\n\nPlain text.\n", encoding="utf-8")
    expected["notes.md"] = "text"
    assert {name: find_loader(tmp_path / name).name for name in expected} == expected


def test_bad_files_are_reported_and_the_rest_of_the_batch_loads(tmp_path: Path) -> None:
    for name in ("events-register.csv", "iati-activities.xml", "only-scripts.html"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "truncated.pdf").write_bytes((DATA / "newsletter.pdf").read_bytes()[:700])
    with zipfile.ZipFile(tmp_path / "photos.docx", "w") as archive:
        archive.writestr("a.txt", "not a report")
    (tmp_path / "bad-version.xml").write_text('<iati-activities version="9.9"/>',
                                              encoding="utf-8")
    (tmp_path / "bad-date.csv").write_text("title,start\nA,2017\nB,17/05/2017\n",
                                           encoding="utf-8")
    report = load_documents([tmp_path])
    assert sorted(r.document for r in report.records) == [
        "events-register.csv", "iati-activities.xml"]
    failed = {p.name: message for p, message in report.failed}
    assert failed == {
        "bad-date.csv": "row 3: bad start date: '17/05/2017' is not a date "
                        "(use YYYY-MM-DD, YYYY-MM or YYYY)",
        "bad-version.xml": "line 1: <iati-activities version='9.9'> is not supported; "
                           "coopgraph reads IATI 2.01, 2.02, 2.03",
        "only-scripts.html": "no readable text in this page (only scripts, styles or "
                             "navigation); save the article itself, or its text as .txt",
        "photos.docx": "a zip archive, but not a Word document (no word/document.xml); "
                       "unpack it and pass the documents inside",
        "truncated.pdf": "truncated or damaged PDF (no end-of-file marker); "
                         "download or export it again",
    }


_PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>",
             b'<?xml version="1.0"?><iati-activities version="2.03">',
             b"title,type,start\n", b'[{"title": ']


@settings(max_examples=80, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=600),
       suffix=st.sampled_from([b"", b"\n%%EOF\n"]),
       name=st.sampled_from(["x.pdf", "x.docx", "x.html", "x.xml", "x.csv", "x.json", "x.txt"]))
def test_random_bytes_raise_our_error_or_load(prefix: bytes, body: bytes, suffix: bytes,
                                               name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(prefix + body + suffix)
        try:
            record = find_loader(path).load(path)
        except CoopgraphError as exc:
            assert str(exc).startswith(str(path))
        else:
            assert isinstance(record, ExtractionRecord) and record.document == name


PLUGIN_MODULE = '''
from pathlib import Path

from coopgraph.records import Entity, ExtractionRecord, SourceInfo


class LedgerLoader:
    """Reads '*.ledger' files: one organisation name per line."""

    name = "ledger"

    def sniff(self, path: Path, head: bytes) -> bool:
        return path.suffix == ".ledger"

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        names = [n.strip() for n in path.read_text(encoding=encoding or "utf-8").splitlines() if n.strip()]
        return ExtractionRecord(
            document=path.name, source=SourceInfo(name=path.name, path=str(path)),
            entities=tuple(Entity(id=f"o{i}", type="Organisation", name=n) for i, n in enumerate(names)))
'''


def _install_plugin(site: Path, entry: str) -> None:
    """A distribution on ``site`` registering ``entry`` in the coopgraph.loaders group."""
    (site / "coopgraph_ledger_plugin.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    info = site / "coopgraph_ledger_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: coopgraph-ledger-plugin\n"
                                   "Version: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[coopgraph.loaders]\n{entry}\n", encoding="utf-8")


def test_a_plugin_loader_is_found_through_its_entry_point(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopgraph.extraction import load_documents
    from coopgraph.loaders.registry import available_loaders, plugin_loaders

    _install_plugin(tmp_path, "ledger = coopgraph_ledger_plugin:LedgerLoader")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin_loaders.cache_clear()
    try:
        assert next(loader.name for loader in available_loaders()) == "ledger"
        doc = tmp_path / "partners.ledger"
        doc.write_text("International Labour Organization\nGASI\n", encoding="utf-8")
        report = load_documents([doc], workers=1)
        assert [e.name for e in report.records[0].entities] == [
            "International Labour Organization", "GASI"]
    finally:
        monkeypatch.undo()
        plugin_loaders.cache_clear()
    assert "ledger" not in [loader.name for loader in available_loaders()]


def test_a_broken_plugin_is_left_out_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopgraph.loaders.registry import available_loaders, plugin_loaders

    _install_plugin(tmp_path, "broken = coopgraph_ledger_plugin:NoSuchLoader")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin_loaders.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match=r"loader plugin 'broken' \(coopgraph_ledger_plugin:"
                                                 r"NoSuchLoader\) is ignored"):
            names = [loader.name for loader in available_loaders()]
        assert names[0] != "broken" and "text" in names
    finally:
        monkeypatch.undo()
        plugin_loaders.cache_clear()
