"""Issue 14, item 7: ``build --scheduler`` extracts on a Dask cluster, with the outputs of a
local build (https://github.com/coopgraph/coopgraph/issues/14).

The cluster is a real ``LocalCluster`` of two worker processes on 127.0.0.1 (closed at the end
of the module); the documents are the bundled corpus, a held-out page and a file that cannot be
read, so records, warnings and failures all cross the cluster. The tests that need a cluster are
marked slow (starting it and loading the model in both workers takes ~10 s on 2 cores); the
error lines that need none run in the fast loop.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import coopgraph
from coopgraph import cluster
from coopgraph.cli import main
from coopgraph.corpus import bundled_documents
from coopgraph.extraction import load_documents

distributed = pytest.importorskip(
    "distributed", reason="build --scheduler needs dask.distributed: pip install '.[dask]'")

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-process LocalCluster on 127.0.0.1, closed after (its HTTP server on
    a free port of 127.0.0.1: Dask's default, 8787, may be taken, and a warning is an error)."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0") as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask-corpus")
    for doc in [*bundled_documents(), HELDOUT / "tvet-centre-handover-news.txt"]:
        shutil.copy(doc, folder / doc.name)
    (folder / "minutes-cp1252.txt").write_bytes("Meeting with the \u201cMinistry\u201d".encode("cp1252"))
    (folder / "notes.txt").write_bytes(b"")  # refused on the client: nothing to send
    return folder


@pytest.fixture(scope="module")
def builds(corpus: Path, scheduler: str, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[coopgraph.BuildResult, coopgraph.BuildResult]:
    root = tmp_path_factory.mktemp("dask-builds")
    local = coopgraph.build([corpus], output_dir=root / "local")
    on_cluster = coopgraph.build([corpus], output_dir=root / "cluster", scheduler=scheduler)
    return local, on_cluster


def without_load_dates(text: str) -> object:
    """A manifest or cache entry with the time each document was first loaded left out: it is
    the one thing two builds made at different times must differ in."""
    data = json.loads(text)
    if isinstance(data, dict) and "documents" in data:
        for doc in data["documents"]:
            doc.pop("loaded")
    elif isinstance(data, dict):
        data.pop("loaded")
    return data


@pytest.mark.slow
def test_the_cluster_build_writes_every_output_of_the_local_build_byte_for_byte(
        builds: tuple[coopgraph.BuildResult, coopgraph.BuildResult]) -> None:
    local, on_cluster = builds
    files = sorted(p.relative_to(local.output_dir) for p in local.output_dir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(on_cluster.output_dir)
                           for p in on_cluster.output_dir.rglob("*") if p.is_file())
    assert {"graph.ttl", "graph.trig", "network.html", "manifest.json"} <= {str(f) for f in files}
    records = [f for f in files if f.parts[0] == "cache" and f.parts[1] != "chunks"]
    assert len(records) == 3
    # each document's graph chunk: made by the pool's workers locally, by the client here
    assert len([f for f in files if f.parts[:2] == ("cache", "chunks")]) == 3
    for name in files:
        a, b = (local.output_dir / name).read_bytes(), (on_cluster.output_dir / name).read_bytes()
        if name.name == "manifest.json" or name in records:
            assert without_load_dates(a.decode()) == without_load_dates(b.decode()), name
        else:
            assert a == b, name


@pytest.mark.slow
def test_records_failures_and_warnings_come_back_as_a_local_build_has_them(
        builds: tuple[coopgraph.BuildResult, coopgraph.BuildResult], corpus: Path) -> None:
    local, on_cluster = builds
    assert [r.to_dict() for r in on_cluster.records] == [r.to_dict() for r in local.records]
    assert [r.document for r in on_cluster.records] == [
        "iom-labour-migration-workshop.txt", "secim-labour-policy-news.txt",
        "tvet-centre-handover-news.txt"]
    assert on_cluster.records[0].source is not None
    assert on_cluster.records[0].source.path == str(corpus / "iom-labour-migration-workshop.txt")
    assert on_cluster.report.failed == local.report.failed == [
        (corpus / "minutes-cp1252.txt",
         "not UTF-8 (byte 0x93 at offset 17); it looks like cp1252: pass --encoding cp1252"),
        (corpus / "notes.txt", "empty file; nothing to read")]
    assert on_cluster.report.warnings == local.report.warnings
    assert on_cluster.summary == local.summary
    assert on_cluster.summary["cooperation_pairs"] > 183  # the bundled corpus' pairs and more


@pytest.mark.slow
def test_the_documents_were_extracted_by_the_workers(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    with distributed.Client(scheduler, set_as_default=False) as client:
        before = client.run_on_scheduler(_extractions_done)
        report = coopgraph.build([corpus], output_dir=tmp_path / "out", scheduler=scheduler,
                                 network=False).report
        done = client.run_on_scheduler(_extractions_done) - before
    # the cp1252 file failed on a worker; the empty one was refused here, as a local build does
    assert (done, len(report.records), len(report.failed)) == (4, 3, 2)


def _extractions_done(dask_scheduler: distributed.Scheduler) -> int:
    """Extraction tasks that have finished on this scheduler so far (counts only go up)."""
    prefix = dask_scheduler.task_prefixes.get("extract_on_worker")
    return 0 if prefix is None else int(prefix.state_counts["memory"])


@pytest.mark.slow
def test_batches_of_documents_give_the_records_of_a_local_build(scheduler: str, tmp_path: Path) -> None:
    docs = [*bundled_documents(), *sorted(HELDOUT.glob("*.txt"))]
    (tmp_path / "khovd-empty.txt").write_bytes(b"")
    docs.append(tmp_path / "khovd-empty.txt")
    local = load_documents(docs, workers=1, reading="rules")
    with distributed.Client(scheduler, set_as_default=False) as client:
        before = client.run_on_scheduler(_extractions_done)
        on_cluster = load_documents(docs, scheduler=scheduler, reading="rules")
        tasks = client.run_on_scheduler(_extractions_done) - before
    assert [r.to_dict() for r in on_cluster.records] == [r.to_dict() for r in local.records]
    assert on_cluster.failed == local.failed == [(tmp_path / "khovd-empty.txt", "empty file; nothing to read")]
    # 13 documents for 2 worker threads: batches of 2, the empty file refused here inside one
    assert (len(docs), tasks) == (13, 7)


def test_a_batch_holds_at_most_its_documents_and_bytes(tmp_path: Path) -> None:
    sizes = {"a": 3 * 2**20, "b": 2**20, "c": 1, "d": 5 * 2**20, "e": 10, "f": 20, "g": 30}
    jobs: list[cluster.Job] = []
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
        jobs.append((tmp_path / name, None, "rules"))
    batches = [[job[0].name for job in batch.jobs] for batch in cluster._batches(jobs, 2)]
    assert batches == [["a", "b"], ["c"], ["d"], ["e", "f"], ["g"]]


@pytest.mark.slow
def test_the_cache_works_as_in_a_local_build(corpus: Path, scheduler: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(corpus, docs)
    for bad in ("minutes-cp1252.txt", "notes.txt"):  # a file that fails is tried at every build
        (docs / bad).unlink()
    out = tmp_path / "out"
    first = coopgraph.build([docs], output_dir=out, scheduler=scheduler, network=False)
    assert first.report.reused == 0
    # nothing to extract: no connection is made (this address has no scheduler), outputs kept
    again = coopgraph.build([docs], output_dir=out, scheduler="tcp://127.0.0.1:9", network=False)
    assert again.up_to_date and again.report.reused == 3
    # a local build reads what the cluster cached, and the cluster what a local build cached
    assert coopgraph.build([docs], output_dir=out, network=False).report.reused == 3
    page = docs / "tvet-centre-handover-news.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nIOM opened an office in Khovd.\n", encoding="utf-8")
    changed = coopgraph.build([docs], output_dir=out, scheduler=scheduler, network=False)
    assert changed.report.reused == 2 and not changed.up_to_date


@pytest.mark.slow
def test_a_worker_with_another_extractor_stops_the_build(
        corpus: Path, scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "extractor_version", lambda reading="full": "0.0.0+other-rules+rules")
    with pytest.raises(coopgraph.SchedulerError) as caught:
        coopgraph.build([corpus], output_dir=tmp_path / "out", scheduler=scheduler, reading="rules")
    message = str(caught.value)
    assert message.startswith(f"{scheduler}: worker tcp://127.0.0.1:")
    assert "this machine with 0.0.0+other-rules+rules; install the same coopgraph" in message
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.slow
def test_a_scheduler_without_workers_is_one_line_with_the_command_to_start_one(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1.0)
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address="127.0.0.1:0") as empty:
        code = main(["build", str(corpus), "-o", str(tmp_path / "out"), "--scheduler",
                     empty.scheduler_address])
        address = empty.scheduler_address
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: {address}: the scheduler has no worker after 1 s; start one on each machine: "
        f"dask worker {address} --nthreads 1\n")


def test_an_unreachable_scheduler_is_one_line_naming_the_address(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1.0)
    code = main(["build", str(corpus), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert capsys.readouterr().err == (
        "error: tcp://127.0.0.1:9: no Dask scheduler answered (Timed out trying to connect to "
        "tcp://127.0.0.1:9 after 1 s); is it running? start one with `dask scheduler` and pass "
        "its address (tcp://HOST:8786)\n")


def test_a_malformed_address_is_refused_at_once(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--scheduler", "myhost"]) == 2
    assert capsys.readouterr().err == ("error: myhost: not a scheduler address; pass tcp://HOST:PORT "
                                       "(the scheduler's port is 8786 by default)\n")


def test_without_dask_the_error_names_the_extra_to_install(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"),
                 "--scheduler", "tcp://10.0.0.5:8786"]) == 2
    assert capsys.readouterr().err == (
        "error: tcp://10.0.0.5:8786: --scheduler needs dask.distributed, which is not installed; "
        "install the extra: pip install 'coopgraph[dask]' (in a checkout: pip install '.[dask]'), "
        "or pip install 'dask[distributed]'\n")
