"""Bad input gives one clear line naming the file and the cause, and never half-written output
(issue #2, "Bad input")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coopgraph.cli import main
from coopgraph.errors import InputError
from coopgraph.extraction import load_documents
from coopgraph.loaders.formats.documents import read_document


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "binary": tmp_path / "image.txt",
        "latin1": tmp_path / "latin1.txt",
        "cyrillic": tmp_path / "cyrillic.txt",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b"  \n\t\n")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    files["latin1"].write_bytes("Ministry of Labour \u201cquoted\u201d".encode("cp1252"))
    files["cyrillic"].write_bytes("Министерство труда и социальной защиты Монголии провело "
                                  "семинар в Улаанбаатаре.".encode("cp1251"))
    return files


@pytest.mark.parametrize("kind, message", [
    ("empty", "empty file; nothing to read"),
    ("blank", "contains only white space; nothing to read"),
    ("binary", "looks like a binary file (NUL bytes)"),
    ("latin1", "not UTF-8 (byte 0x93 at offset 19); it looks like cp1252: pass --encoding cp1252"),
    ("cyrillic", "not UTF-8 (byte 0xcc at offset 0); it looks like cp1251: pass --encoding cp1251"),
])
def test_unreadable_document_is_named_with_its_cause(bad_files: dict[str, Path], kind: str,
                                                     message: str) -> None:
    with pytest.raises(InputError) as info:
        read_document(bad_files[kind])
    assert info.value.path == str(bad_files[kind])
    assert message in str(info.value)


def test_encoding_option_reads_a_cp1252_file(bad_files: dict[str, Path]) -> None:
    doc = read_document(bad_files["latin1"], encoding="cp1252")
    assert doc.text == "Ministry of Labour \u201cquoted\u201d"
    assert len(doc.source.sha256) == 64


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        load_documents([tmp_path / "nope.txt"])


def test_directory_without_documents(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text("Ministry of Health")
    with pytest.raises(InputError, match="no documents found"):
        load_documents([tmp_path])


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path, bad_files: dict[str, Path]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Training 2017\n\nThe Ministry of Health organized a training.\n")
    report = load_documents([good, bad_files["empty"], bad_files["binary"]])
    assert [r.document for r in report.records] == ["good.txt"]
    assert sorted((p.name, reason) for p, reason in report.failed) == [
        ("empty.txt", "empty file; nothing to read"),
        ("image.txt", "looks like a binary file (NUL bytes) but is named as text; save it as plain text (UTF-8)"),
    ]


def test_cli_extract_names_the_file_and_exits_2(bad_files: dict[str, Path],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(bad_files["empty"])]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {bad_files['empty']}: empty file; nothing to read"


def test_cli_build_with_only_bad_files_writes_nothing(tmp_path: Path, bad_files: dict[str, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", "-o", str(out), str(bad_files["empty"])]) == 2
    err = capsys.readouterr().err
    assert "empty file; nothing to read (no document could be loaded; nothing was written)" in err
    assert not (out / "graph.ttl").exists()


def test_cli_build_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-o", str(tmp_path / "out"), str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {tmp_path / 'missing.txt'}: no such file or directory; check the path")


def test_build_directory_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    out.write_text("not a directory")
    assert main(["build", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {out}: the build directory is an existing file; pass another -o DIR")


def test_endpoint_that_is_not_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "who-cooperated-with-whom", "--endpoint", "not-a-url"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: not-a-url: not an http(s) URL; give the server's query endpoint, "
        "e.g. http://127.0.0.1:7878/query")


def test_debug_is_accepted_after_the_command(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        main(["build", "-o", str(tmp_path / "o"), str(tmp_path / "missing.txt"), "--debug"])


def test_outputs_are_readable_by_others(tmp_path: Path) -> None:
    import os
    import stat

    from coopgraph._atomic import atomic_write_text

    old = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "shared.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_streamed_write_that_fails_midway_keeps_the_old_file(tmp_path: Path) -> None:
    from coopgraph._atomic import atomic_write_chunks

    target = tmp_path / "graph.ttl"
    atomic_write_chunks(target, ["old ", "content\n"])

    def chunks() -> Iterator[str]:
        yield "new content, half"
        raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError, match="writer failed"):
        atomic_write_chunks(target, chunks())
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temporary file left


def test_build_result_graph_is_the_written_graph(tmp_path: Path) -> None:
    from rdflib.namespace import RDF

    from coopgraph.graph import load_graph
    from coopgraph.ontology.namespace import CG
    from coopgraph.pipeline import build

    result = build(output_dir=tmp_path / "out", network=False)
    graph = result.graph
    assert set(graph.quads()) == set(load_graph(tmp_path / "out" / "graph.trig").quads())
    events = set(graph.subjects(RDF.type, CG.Event))
    assert len(events) == result.summary["events"] > 10
