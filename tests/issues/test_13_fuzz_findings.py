"""Issue #13 (https://github.com/coopgraph/coopgraph/issues/13), items 2 and 10: what the long
fuzz run (benchmarks/fuzz.py) found, each reduced to a small crafted document. Times are CPU
seconds of this process, so a busy shared machine does not make them fail."""

from __future__ import annotations

import time
from pathlib import Path

from coopgraph.loaders.formats.documents import document_from_text
from coopgraph.loaders.registry import find_loader
from coopgraph.names import looks_like_acronym
from coopgraph.loaders.text.loader import extract_document


def _cpu_seconds_to_extract(text: str) -> tuple[float, int]:
    started = time.process_time()
    record = extract_document(document_from_text(text, name="fuzz.md"))
    return time.process_time() - started, len(record.events)


def test_a_long_run_of_letters_is_not_tried_as_an_acronym() -> None:
    # A name candidate 'AaAa…a-' backtracked cubically in the acronym pattern before its length
    # was checked: 3.5 s for 2,000 letters, 170 s for one fuzz document.
    started = time.process_time()
    assert looks_like_acronym("Aa" * 1000 + "-") is False
    assert time.process_time() - started < 0.5
    assert [looks_like_acronym(t) for t in ("MoLSP", "ILO", "GIZ2", "Ilo", "SECiM", "AaAaAaAaAaAaA")] \
        == [True, True, True, False, True, False]


def _mentions(n: int) -> str:
    return ("The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour.\n\n"
            + "Ministry Labour Social Protection " * n + "ILO, " * n)


def test_many_mentions_in_one_long_sentence_are_read_in_linear_time() -> None:
    # Each mention rescanned its whole sentence for venue and area verbs: 3.8 s for n = 1000,
    # over 100 s for the fuzz document with 3,000 of each. A ratio, not a time limit: four
    # times the mentions cost about four times as much (measured 3.1-3.6x), a rescan sixteen.
    _cpu_seconds_to_extract(_mentions(10))  # warm caches and lazy imports
    small, small_events = _cpu_seconds_to_extract(_mentions(300))
    large, large_events = _cpu_seconds_to_extract(_mentions(1200))
    assert small_events == large_events == 1
    assert large < 8 * small, (small, large)


def test_html_nested_thousands_deep_is_read_flat_with_a_warning(tmp_path: Path) -> None:
    # A RecursionError escaped the HTML walk (18 of the first 4,000 fuzz documents).
    page = tmp_path / "deep.html"
    page.write_text("<html><body><p>The ILO held a workshop in Darkhan on 5 May 2017 with the "
                    "Ministry of Labour.</p>" + "<b>" * 3000 + "Deep text of GIZ." + "</b>" * 3000
                    + "</body></html>", encoding="utf-8")
    record = find_loader(page).load(page)
    assert record.warnings == (
        "HTML nested more than 200 elements deep (coopgraph's per-document limit): the deeper "
        "markup was read as plain text",)
    assert record.source is not None
    assert [e.title for e in record.events] != []
    assert any(e.name == "GIZ" or "GIZ" in e.aliases for e in record.entities)
