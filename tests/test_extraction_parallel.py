"""Extraction over a process pool gives exactly the serial result, and the cache follows the
extractor: a record made by another extractor is never reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopgraph import extraction
from coopgraph.corpus import bundled_documents
from coopgraph.extraction import LoadReport, load_documents

HELDOUT = Path(__file__).parent / "data" / "heldout"


def _documents() -> list[Path]:
    docs = bundled_documents() + sorted(HELDOUT.glob("*.txt"))
    assert len(docs) >= 6
    return docs


@pytest.fixture(scope="module")
def pooled() -> tuple[LoadReport, list[tuple[int, str]]]:
    """One extraction over a pool of two processes, with the progress it reported (each pool
    process loads the statistical model, so the module starts one pool, not two)."""
    seen: list[tuple[int, str]] = []
    report = load_documents(_documents(), workers=2,
                            progress=lambda done, total, path, rec: seen.append((done, path.name)))
    return report, seen


def test_pool_and_serial_extraction_give_identical_records(
        pooled: tuple[LoadReport, list[tuple[int, str]]]) -> None:
    serial = load_documents(_documents(), workers=1)
    report, _ = pooled
    assert not serial.failed and not report.failed
    assert [r.to_dict() for r in report.records] == [r.to_dict() for r in serial.records]
    assert sum(len(r.events) for r in serial.records) > 30


def test_progress_reports_every_document_in_input_order_from_the_pool(
        pooled: tuple[LoadReport, list[tuple[int, str]]]) -> None:
    report, seen = pooled
    assert [d for d, _ in seen] == list(range(1, len(report.records) + 1))
    assert sorted(name for _, name in seen) == sorted(p.name for p in _documents())


def test_cache_made_by_another_extractor_is_not_reused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = bundled_documents()
    first = load_documents(docs, cache_dir=tmp_path)
    assert first.reused == 0
    assert load_documents(docs, cache_dir=tmp_path).reused == len(docs)
    monkeypatch.setattr(extraction, "extractor_version", lambda reading="full": "0.0.0+other-rules")
    again = load_documents(docs, cache_dir=tmp_path)
    assert again.reused == 0
    assert [r.to_dict() for r in again.records] == [r.to_dict() for r in first.records]


def test_extractor_fingerprint_changes_with_any_rule_or_reference_file(tmp_path: Path) -> None:
    from coopgraph import __version__

    assert extraction.extractor_version().startswith(__version__ + "+")
    rules, data = tmp_path / "loaders", tmp_path / "data"
    (data / "reference").mkdir(parents=True)
    rules.mkdir()
    (rules / "dates.py").write_text("MONTHS = 12\n")
    (data / "reference" / "places.json").write_text("[]")
    locations = [(rules, "*.py"), (data, "reference/*.json")]
    before = extraction.files_fingerprint(locations)
    assert len(before) == 12 and before == extraction.files_fingerprint(locations)
    (data / "reference" / "places.json").write_text('[{"name": "Dornod"}]')
    after_data = extraction.files_fingerprint(locations)
    (rules / "dates.py").write_text("MONTHS = 13\n")
    after_rule = extraction.files_fingerprint(locations)
    assert len({before, after_data, after_rule}) == 3
