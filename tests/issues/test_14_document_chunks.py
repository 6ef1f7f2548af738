"""Issue 14, item 1: each document's graph chunk is made from the document alone, cached, and
turned into the output by the reduce's mapping (decision 0010;
https://github.com/coopgraph/coopgraph/issues/14).

What must hold: the files written from mapped chunks hold exactly the quads the whole-graph
builder makes (so every query's rows are unchanged); a rebuild after one change writes the bytes
a cold build of the same documents writes; a document's chunk does not change when other
documents are added (only the mapping applied on the way out does), so it is never made again.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest

from coopgraph import build
from coopgraph.extraction import load_documents
from coopgraph.graph import DEFAULT_BASE_IRI
from coopgraph.graph import chunk_cache
from coopgraph.graph.builder import PREFIXES, MergedBuild, build_merged
from coopgraph.graph.chunk_cache import cached_chunks
from coopgraph.graph.chunk_files import write_graph_chunks
from coopgraph.graph.chunk_mapping import Context, map_document, substitute
from coopgraph.graph.chunks import render_chunk
from coopgraph.graph.serialization import to_nquads
from coopgraph.graph.turtle import TermWriter
from coopgraph.records import ExtractionRecord, SourceInfo

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (ROOT / "data" / "corpus", ROOT / "tests" / "data" / "devset",
           ROOT / "tests" / "data" / "dev2", ROOT / "tests" / "data" / "heldout")


@pytest.fixture(scope="module")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 documents of the benchmark generator: the same events and bodies told by several
    documents under other names, so the mapping replaces IRIs and rewrites blocks."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("generated")
    generate_corpus.generate_corpus(80, folder, 3)
    return folder


@pytest.fixture(scope="module")
def generated(generated_dir: Path) -> list[ExtractionRecord]:
    return list(load_documents([generated_dir], reading="rules").records)


@pytest.fixture(scope="module")
def test_corpora() -> list[ExtractionRecord]:
    return list(load_documents(list(CORPORA), reading="rules").records)


def write_files(built: MergedBuild, out: Path, cache: Path) -> None:
    """The build's last two steps: each document's chunk cached, the files written from them."""
    chunks = cached_chunks([d.record for d in built.documents], cache, extractor="e",
                           builder="b", base_iri=DEFAULT_BASE_IRI, terms=TermWriter(PREFIXES))
    write_graph_chunks(built, out, chunks=chunks, base_iri=DEFAULT_BASE_IRI)


def written_quads(records: list[ExtractionRecord], out: Path) -> tuple[set[str], set[str]]:
    """(quads the chunk files hold, quads ``build_quads`` makes), as N-Quads lines."""
    built = build_merged(records)
    write_files(built, out, out / "chunks")
    got = {str(q) for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)}
    expected = {str(q) for q in ox.parse(to_nquads(built.quads), format=ox.RdfFormat.N_QUADS)}
    union = {str(t) for t in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert union == {str(ox.Triple(q.subject, q.predicate, q.object))
                     for q in ox.parse(to_nquads(built.quads), format=ox.RdfFormat.N_QUADS)}
    return got, expected


def mapping_kinds(records: list[ExtractionRecord]) -> dict[str, int]:
    """How many documents the mapping left alone, replaced IRIs in, rewrote blocks of, or wrote
    whole in context."""
    built = build_merged(records)
    terms = TermWriter(PREFIXES)
    context = Context(built.identities, built.events, DEFAULT_BASE_IRI, terms)
    kinds = dict.fromkeys(("alone", "replace", "rewrite", "whole"), 0)
    for index, doc in enumerate(built.documents):
        m = map_document(render_chunk(doc.record, DEFAULT_BASE_IRI, terms), doc, index, context)
        kinds["whole"] += m.whole
        kinds["replace"] += bool(m.replace)
        kinds["rewrite"] += bool(m.rewrite)
        kinds["alone"] += not (m.whole or m.replace or m.rewrite)
    return kinds


def test_mapped_chunks_hold_the_whole_graphs_quads_on_a_generated_corpus(
        generated: list[ExtractionRecord], tmp_path: Path) -> None:
    got, expected = written_quads(generated, tmp_path)
    assert got == expected
    kinds = mapping_kinds(generated)
    assert kinds["replace"] > 0 and kinds["rewrite"] > 0 and kinds["alone"] > 0, kinds


def test_mapped_chunks_hold_the_whole_graphs_quads_on_the_test_corpora(
        test_corpora: list[ExtractionRecord], tmp_path: Path) -> None:
    got, expected = written_quads(test_corpora, tmp_path)
    assert got == expected


def test_documents_the_mapping_cannot_express_are_written_whole_in_context(
        test_corpora: list[ExtractionRecord], tmp_path: Path) -> None:
    """Two files named alike (the second's slug gets ``-2``) and one content under two names."""
    first, second = test_corpora[0], test_corpora[1]
    assert first.source is not None and second.source is not None
    namesake = replace(second, document="sub/" + first.document,
                       source=replace(second.source, path="sub/" + first.source.path))
    twin = replace(first, document="copy-" + first.document,
                   source=replace(first.source, path="copy-" + first.source.path))
    records = [first, second, namesake, twin]
    assert mapping_kinds(records)["whole"] == 2
    got, expected = written_quads(records, tmp_path)
    assert got == expected


def test_substitution_never_touches_a_literal() -> None:
    text = ('<https://x.org/id/a> rdfs:label "see <https://x.org/id/a> \\" <https://x.org/id/a>" ;\n'
            '    cg:partOf <https://x.org/id/a> .\n')
    assert substitute(text, {"<https://x.org/id/a>": "<https://x.org/id/b>"}) == (
        '<https://x.org/id/b> rdfs:label "see <https://x.org/id/a> \\" <https://x.org/id/a>" ;\n'
        '    cg:partOf <https://x.org/id/b> .\n')


def test_a_documents_chunk_does_not_change_when_documents_are_added(
        generated: list[ExtractionRecord], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first 40 documents' chunks are made once; building all 80 makes only the 40 new
    ones, and leaves the cached files of the first 40 as they were."""
    built = build_merged(generated[:40])
    cache = tmp_path / "chunks"
    write_files(built, tmp_path, cache)
    before = {p.name: p.read_bytes() for p in cache.iterdir()}
    made: list[str] = []
    real = chunk_cache.render_chunk

    def counting(record: ExtractionRecord, base_iri: str, terms: TermWriter | None = None):  # type: ignore[no-untyped-def]
        made.append(record.document)
        return real(record, base_iri, terms)

    monkeypatch.setattr(chunk_cache, "render_chunk", counting)
    write_files(build_merged(generated), tmp_path, cache)
    assert sorted(made) == sorted(r.document for r in generated[40:])
    assert {name: (cache / name).read_bytes() for name in before} == before


def test_chunk_key_names_content_name_extractor_builder_and_base() -> None:
    record = ExtractionRecord(document="a.txt", source=SourceInfo(name="a.txt", path="a.txt", sha256="1" * 64))
    key = chunk_cache.chunk_key(record, extractor="e", builder="b", base_iri=DEFAULT_BASE_IRI)
    others = [
        chunk_cache.chunk_key(replace(record, document="b.txt"), extractor="e", builder="b",
                              base_iri=DEFAULT_BASE_IRI),
        chunk_cache.chunk_key(replace(record, source=SourceInfo(name="a.txt", path="a.txt", sha256="2" * 64)),
                              extractor="e", builder="b", base_iri=DEFAULT_BASE_IRI),
        chunk_cache.chunk_key(record, extractor="f", builder="b", base_iri=DEFAULT_BASE_IRI),
        chunk_cache.chunk_key(record, extractor="e", builder="c", base_iri=DEFAULT_BASE_IRI),
        chunk_cache.chunk_key(record, extractor="e", builder="b", base_iri="https://x.org/"),
    ]
    assert key is not None and len({key, *others}) == 6
    assert chunk_cache.chunk_key(ExtractionRecord(document="a.txt"), extractor="e", builder="b",
                                 base_iri=DEFAULT_BASE_IRI) is None


def test_a_corrupt_chunk_is_made_again(test_corpora: list[ExtractionRecord], tmp_path: Path) -> None:
    built = build_merged(test_corpora[:3])
    cache = tmp_path / "chunks"
    write_files(built, tmp_path, cache)
    trig = (tmp_path / "graph.trig").read_bytes()
    for entry in cache.iterdir():
        entry.write_text('{"blocks": [1]}', encoding="utf-8")
    write_files(built, tmp_path, cache)
    assert (tmp_path / "graph.trig").read_bytes() == trig


@pytest.mark.slow
def test_a_rebuild_after_one_change_writes_the_bytes_of_a_cold_build(
        generated_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(generated_dir, corpus)
    out = tmp_path / "out"
    build([corpus], output_dir=out, reading="rules")
    changed = sorted(corpus.glob("*.txt"))[5]
    changed.write_text(changed.read_text(encoding="utf-8")
                       + "\nThe International Labour Organization also attended.\n",
                       encoding="utf-8")
    again = build([corpus], output_dir=out, reading="rules")
    assert again.report.reused == len(again.report.records) - 1
    cold = build([corpus], output_dir=tmp_path / "cold", reading="rules")
    names = ["graph.ttl", "graph.trig", "network.html", "answers/who-cooperated-with-whom.json"]
    for name in names:
        assert (out / name).read_bytes() == (cold.output_dir / name).read_bytes(), name
    kept = sorted(p.name for p in (out / "cache" / "chunks").iterdir())
    assert kept == sorted(p.name for p in (cold.output_dir / "cache" / "chunks").iterdir())


def test_the_extraction_workers_make_the_chunks_the_build_would(
        generated_dir: Path, tmp_path: Path) -> None:
    """Chunks made and stored by the pool's workers, while each record is in hand, are the
    chunks made from the records afterwards (so the cold build has none to make)."""
    store = partial(chunk_cache.store_chunk, cache_dir=tmp_path, extractor="e", builder="b",
                    base_iri=DEFAULT_BASE_IRI)
    report = load_documents([generated_dir], reading="rules", workers=2, map_record=store)
    assert len(report.mapped) == len(report.records) == 80
    for record in report.records:
        key = chunk_cache.chunk_key(record, extractor="e", builder="b", base_iri=DEFAULT_BASE_IRI)
        assert key is not None and report.mapped[chunk_cache.document_key(record)] == key
        assert chunk_cache.load_chunk(tmp_path, key) == render_chunk(record, DEFAULT_BASE_IRI)


@pytest.mark.slow
def test_a_cold_build_makes_no_chunk_after_extraction(
        generated_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers' chunks are stored and read back while the outputs are still staged (they
    were made again when the cache entry waited for the outputs to move into place)."""
    made: list[str] = []
    real = chunk_cache.render_chunk

    def counting(record: ExtractionRecord, base_iri: str, terms: TermWriter | None = None):  # type: ignore[no-untyped-def]
        made.append(record.document)
        return real(record, base_iri, terms)

    monkeypatch.setattr(chunk_cache, "render_chunk", counting)
    build([generated_dir], output_dir=tmp_path / "out", reading="rules", workers=2)
    assert made == []
