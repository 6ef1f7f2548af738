"""Event identity stays linear (issue 14): bounded blocks, and the same merges as all pairs.

The reference is the rule itself: every pair of mentions that ``_match_rank`` accepts, merged
in sorted order. Before issue 14 the candidates were every pair inside each block, which is
that reference (the blocks were exact) and grew as the square of the corpus; now each block
pairs only mentions it can decide, each with at most ``WINDOW`` neighbours on each side.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import URIRef

from coopgraph.extraction import load_documents
from coopgraph.graph import DEFAULT_BASE_IRI
from coopgraph.graph import event_identity as ei
from coopgraph.graph.documents import SourceDocument, prepare_documents
from coopgraph.graph.identity import resolve_entities
from coopgraph.records import Entity, Event, ExtractionRecord, SourceInfo

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"bundled": ROOT / "data" / "corpus", "loaders": ROOT / "tests" / "data" / "loaders",
           "heldout": ROOT / "tests" / "data" / "heldout",
           "devset": ROOT / "tests" / "data" / "devset", "dev2": ROOT / "tests" / "data" / "dev2"}


def documents(records: list[ExtractionRecord]) -> tuple[list[SourceDocument], object]:
    docs = prepare_documents(records, DEFAULT_BASE_IRI)
    return docs, resolve_entities([d.record for d in docs], DEFAULT_BASE_IRI)


def all_pairs_merges(records: list[ExtractionRecord]) -> dict[tuple[int, int], URIRef]:
    """Each mention's node when every pair the rules accept is a candidate."""
    docs, ids = documents(records)
    mentions = ei._mentions(docs, ids, DEFAULT_BASE_IRI)  # type: ignore[arg-type]
    pairs = []
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            rank = ei._match_rank(a, mentions[j])
            if rank is not None:
                first, second = sorted((str(a.own_iri), str(mentions[j].own_iri)))
                pairs.append((rank, first, second, i, j))
    groups = ei._Groups(mentions)
    for _rank, _a, _b, i, j in sorted(pairs):
        groups.try_union(i, j)
    out = {}
    for group in groups.members.values():
        group.sort(key=lambda m: (m.record, m.position))
        for m in group:
            out[(m.record, m.position)] = group[0].own_iri
    return out


def merges(records: list[ExtractionRecord]) -> dict[tuple[int, int], URIRef]:
    docs, ids = documents(records)
    return ei.resolve_events(docs, ids, DEFAULT_BASE_IRI).iri_of  # type: ignore[arg-type]


def merged_nodes(iri_of: dict[tuple[int, int], URIRef]) -> int:
    counts: dict[URIRef, int] = defaultdict(int)
    for iri in iri_of.values():
        counts[iri] += 1
    return sum(1 for n in counts.values() if n > 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[ExtractionRecord]:
    """200 documents of the benchmark generator (the same events told by several of them)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("generated")
    generate_corpus.generate_corpus(200, folder, 7)
    return list(load_documents([folder], reading="rules").records)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_same_merges_as_all_pairs_on_the_bundled_and_test_corpora(name: str) -> None:
    records = list(load_documents([CORPORA[name]], reading="rules").records)
    assert len(records) >= 2
    assert merges(records) == all_pairs_merges(records)


@pytest.mark.slow
def test_same_merges_as_all_pairs_on_a_generated_corpus(generated: list[ExtractionRecord]) -> None:
    expected = all_pairs_merges(generated)
    assert merged_nodes(expected) > 20  # the corpus does report shared events
    assert merges(generated) == expected


def _month_mentions(n: int) -> list[ExtractionRecord]:
    """n documents each reporting the 'Training on labour inspection' of ILO in May 2017."""
    ilo = Entity(id="ilo", type="Organisation", name="International Labour Organization")
    return [ExtractionRecord(
        document=f"report-{k:04d}.txt", entities=(ilo,),
        events=(Event(id="e1", title="Training on labour inspection", type="training",
                      start="2017-05", date_precision="month", organisers=("ilo",)),),
        source=SourceInfo(name=f"report-{k:04d}.txt", sha256=f"{k:064x}", size=100))
        for k in range(n)]


def test_a_block_that_grows_with_the_corpus_costs_linear_work() -> None:
    """One actor, one title, one month in 300 documents: all pairs would be 44,850 candidates;
    the bounded block makes at most 2 x WINDOW per mention, and still one event node."""
    records = _month_mentions(300)
    docs, ids = documents(records)
    candidates = ei._candidates(ei._mentions(docs, ids, DEFAULT_BASE_IRI))  # type: ignore[arg-type]
    assert len(candidates) <= 300 * 2 * ei.WINDOW < 300 * 299 // 2
    assert len(set(merges(records).values())) == 1
