"""``coopgraph build`` end to end on the bundled corpus (issue #2 "Done when")."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from coopgraph.cli import main
from coopgraph.corpus import bundled_documents
from coopgraph.graph import validate_graph
from coopgraph.records import ExtractionRecord

CG = "https://w3id.org/coopgraph/ontology#"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("build") / "out"
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["build", "-o", str(out)])
    assert code == 0
    return out, buf.getvalue()


def _labels(g: Graph, cls: str) -> set[str]:
    return {str(g.value(s, RDFS.label)) for s in g.subjects(RDF.type, URIRef(CG + cls))}


def test_summary_counts_match_the_graph(built: tuple[Path, str]) -> None:
    out, stdout = built
    g = Graph().parse(out / "graph.ttl")
    counts = dict(re.findall(r"^  ([a-z ]+?)\s+(\d+)$", stdout, flags=re.M))
    assert int(counts["organisations"]) == len(_labels(g, "Organisation"))
    assert int(counts["events"]) == len(set(g.subjects(RDF.type, URIRef(CG + "Event"))))
    assert int(counts["cooperation pairs"]) == len(set(g.subjects(RDF.type, URIRef(CG + "Cooperation"))))
    assert "2 documents loaded" in stdout
    for name in ("graph.ttl", "graph.trig", "network.html", "manifest.json"):
        assert f"wrote {out / name}" in stdout


def test_graph_has_the_key_entities_and_validates(built: tuple[Path, str]) -> None:
    out, _ = built
    g = Graph().parse(out / "graph.ttl")
    orgs = _labels(g, "Organisation")
    assert "International Labour Organization" in orgs
    assert {"Selenge", "Dornod", "Zavkhan"} <= _labels(g, "Aimag")
    numbers = {int(n) for n in g.objects(None, URIRef(CG + "conventionNumber"))}
    assert {81, 129} <= numbers
    assert validate_graph(g).conforms


def test_gasi_and_ilo_cooperated(built: tuple[Path, str]) -> None:
    out, _ = built
    g = Graph().parse(out / "graph.ttl")
    by_label = {str(o): s for s, o in g.subject_objects(RDFS.label)}
    gasi = by_label["Government Agency for Specialised Inspection"]
    ilo = by_label["International Labour Organization"]
    assert (gasi, URIRef(CG + "cooperatesWith"), ilo) in g


def test_network_page_is_self_contained(built: tuple[Path, str]) -> None:
    out, _ = built
    html = (out / "network.html").read_text(encoding="utf-8")
    assert "International Labour Organization" in html
    external = re.findall(r"""(?:src|href)\s*=\s*["']?(https?:)?//""", html)
    assert external == []


def test_rebuild_with_nothing_changed_keeps_the_outputs(
        built: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = built
    names = ("graph.ttl", "graph.trig", "network.html", "manifest.json")
    stamps = {name: (out / name).stat().st_mtime_ns for name in names}
    summary = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["summary"]
    assert main(["build", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 documents loaded (2 unchanged, reused)" in printed
    assert f"up to date: nothing changed since the last build in {out} (--force rebuilds)" in printed
    assert f"  events             {summary['events']:>6}" in printed
    assert {name: (out / name).stat().st_mtime_ns for name in names} == stamps


def test_forced_rebuild_is_byte_identical(built: tuple[Path, str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = built
    names = ("graph.ttl", "graph.trig", "network.html")
    before = {name: (out / name).read_bytes() for name in names}
    assert main(["build", "--force", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert {name: (out / name).read_bytes() for name in names} == before


def test_missing_output_or_other_options_rebuild(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", "-q", "--no-network", "-o", str(out)]) == 0
    assert main(["build", "--no-network", "-o", str(out)]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["build", "-o", str(out)]) == 0  # now with the page: not up to date
    assert f"wrote {out / 'network.html'}" in capsys.readouterr().out
    (out / "graph.ttl").unlink()
    assert main(["build", "-o", str(out)]) == 0
    assert f"wrote {out / 'graph.ttl'}" in capsys.readouterr().out
    assert main(["build", "--base-iri", "https://example.org/id/", "-o", str(out)]) == 0
    assert "up to date" not in capsys.readouterr().out
    assert "https://example.org/id/" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_changed_document_is_extracted_again(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for doc in bundled_documents():
        shutil.copy(doc, corpus / doc.name)
    out = tmp_path / "out"
    assert main(["build", "-q", "-o", str(out), str(corpus)]) == 0
    iom = corpus / "iom-labour-migration-workshop.txt"
    iom.write_text(iom.read_text(encoding="utf-8") + "\nThe World Bank also attended.\n",
                   encoding="utf-8")
    assert main(["build", "-o", str(out), str(corpus)]) == 0
    assert "2 documents loaded (1 unchanged, reused)" in capsys.readouterr().out
    assert main(["build", "--force", "-o", str(out), str(corpus)]) == 0
    assert "2 documents loaded (0 unchanged, reused)" in capsys.readouterr().out


def test_build_help_lists_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--output", "--base-iri", "--force", "--encoding"):
        assert option in text


def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("Training 2017\n\nThe Ministry of Health organized a training on 3 May 2017.\n")
    out = tmp_path / "out"
    assert main(["build", "-q", "--no-network", "-o", str(out), str(doc)]) == 0
    (entry,) = (out / "cache").glob("note-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert main(["build", "--no-network", "-o", str(out), str(doc)]) == 0
    captured = capsys.readouterr()
    assert f"warning: {entry}: corrupt cache entry for {doc}; extracting it again" in captured.err
    assert "1 document loaded (0 unchanged, reused)" in captured.out
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][0]["name"] == "note.txt"
    assert manifest["documents"][0]["loaded"].startswith("20")
    assert manifest["warnings"] == [f"{entry}: corrupt cache entry for {doc}; extracting it again"]


def test_directory_build_reports_loaded_skipped_and_failed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    shutil.copy(bundled_documents()[0], docs / "sub" / "iom.txt")
    (docs / ".notes.txt").write_text("private")
    (docs / "iom.gold.json").write_text("{}")
    (docs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", "--no-network", "-o", str(out), str(docs)]) == 0
    captured = capsys.readouterr()
    assert "1 document loaded (0 unchanged, reused), 2 skipped, 1 failed" in captured.out
    assert f"warning: {docs / 'empty.txt'}: empty file; nothing to read (not loaded)" in captured.err
    assert f"note: {docs / '.notes.txt'}: skipped (hidden file)" in captured.err
    assert (f"note: {docs / 'iom.gold.json'}: skipped (gold annotation file (use it with "
            "coopgraph evaluate --gold))") in captured.err


def test_progress_counts_entities_and_events(corpus_records: tuple[ExtractionRecord, ...]) -> None:
    from coopgraph.cli._build import _ProgressLine

    progress = _ProgressLine()
    records = corpus_records
    for i, record in enumerate(records):
        progress(i + 1, len(records), Path(record.document), record)
    assert progress.entities == sum(len(r.entities) for r in records) > 50
    assert progress.events == sum(len(r.events) for r in records) > 40


def test_progress_in_a_log_comes_every_tenth_of_the_batch(
        capsys: pytest.CaptureFixture[str], corpus_records: tuple[ExtractionRecord, ...]) -> None:
    from coopgraph.cli._build import _ProgressLine

    record = corpus_records[0]
    progress = _ProgressLine(tty=False)
    for i in range(40):
        progress(i + 1, 40, Path(record.document), record)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" documents")[0] for line in lines] == [
        f"extracting {n}/40" for n in range(4, 41, 4)]
    assert lines[-1] == (f"extracting 40/40 documents: {40 * len(record.entities)} entities, "
                         f"{40 * len(record.events)} events")


def test_many_skipped_files_with_one_reason_are_one_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(bundled_documents()[0], docs / "iom.txt")
    for i in range(5):
        (docs / f"doc-{i}.gold.json").write_text("{}")
    (docs / ".hidden.txt").write_text("private")
    assert main(["build", "--no-network", "-o", str(tmp_path / "out"), str(docs)]) == 0
    err = capsys.readouterr().err.splitlines()
    notes = sorted(line for line in err if line.startswith("note:"))
    assert notes == [
        f"note: {docs / '.hidden.txt'}: skipped (hidden file)",
        f"note: 5 files skipped (gold annotation file (use it with coopgraph evaluate --gold)), "
        f"e.g. {docs / 'doc-0.gold.json'}",
    ]


def test_a_document_with_nothing_to_extract_is_built_with_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "cyrillic.txt"
    doc.write_bytes("Министерство труда провело семинар в Улаанбаатаре.\n".encode("cp1251"))
    out = tmp_path / "out"
    assert main(["build", "--encoding", "cp1251", "-o", str(out), str(doc)]) == 0
    captured = capsys.readouterr()
    assert (f"warning: {doc}: nothing was extracted (no organisation, place, person or event "
            "found); coopgraph reads English text: is the document in another language, or was "
            "it read with the wrong --encoding?") in captured.err
    assert ("warning: network.html not written: no organisation or project was found in the "
            "documents, so there is no cooperation to draw") in captured.err
    assert sorted(p.name for p in out.iterdir()) == ["answers", "cache", "graph.trig",
                                                     "graph.ttl", "manifest.json"]


def test_extract_that_reads_nothing_prints_no_json(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "cyrillic.txt"
    doc.write_bytes("Министерство труда провело семинар.\n".encode("cp1251"))
    assert main(["extract", str(doc)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (f"error: {doc}: not UTF-8 (byte 0xcc at offset 0); it looks "
                                    "like cp1251: pass --encoding cp1251")


def test_a_large_document_is_announced_before_it_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from coopgraph.cli._options import note_large_documents

    big = tmp_path / "annual-report.txt"
    with big.open("wb") as fh:
        fh.truncate(30_000_000)  # sparse: no 30 MB actually written
    small = tmp_path / "note.txt"
    small.write_text("A short note.\n", encoding="utf-8")
    note_large_documents([str(big), str(small), str(tmp_path / "missing.txt"), str(tmp_path)])
    assert capsys.readouterr().err == (
        f"note: {big} is 30 MB; reading it takes about 2 min\n")
