"""Extraction of N generated documents: in one process, in the local pool of 2, and on a Dask
``LocalCluster`` of 1 and of 2 worker processes (``build --scheduler``'s map, issue 14 item 7).

    python benchmarks/cluster_bench.py [N] [--reading full|rules] [--json benchmarks/results.json]

Prints JSON; with ``--json`` also stores it as ``"cluster"`` in that file (the other figures
kept). Wall seconds of ``load_documents`` (extraction only, no cache), because the point is
work spread over processes, and the CPU seconds all processes spent on it (this one, which also
runs a LocalCluster's scheduler, and the pool's or the cluster's workers): on a shared machine
they show what the cluster costs per document when wall seconds cannot. The model is loaded
everywhere before timing (the pool's workers share the parent's; each Dask worker loads its own,
timed apart as ``worker_model_s``), and a cluster's start is timed apart too. The load average
before and after each run is recorded: on a shared machine other jobs take cores, and the
figures mean little without it. Every run must give the same records; the script fails otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate_corpus  # noqa: E402  (benchmarks/, not installed)

from coopgraph.extraction import load_documents  # noqa: E402
from coopgraph.loaders.text import statistical  # noqa: E402


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed(label: str, run: Callable[[], Any],
          other_cpu: Callable[[], float] = lambda: 0.0) -> tuple[dict[str, Any], Any]:
    """Wall seconds of ``run()`` with the 1-minute load average before and after, and the CPU
    seconds it cost: this process, its ended children, and ``other_cpu()`` (a cluster's workers)."""
    before = os.getloadavg()[0]
    cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) + other_cpu()
    start = time.perf_counter()
    value = run()
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) + other_cpu() - cpu
    row = {"run": label, "seconds": round(seconds, 2), "cpu_s": round(cpu, 2),
           "load_before": round(before, 2), "load_after": round(os.getloadavg()[0], 2)}
    print(json.dumps(row), file=sys.stderr, flush=True)
    return row, value


def on_cluster(docs: list[Path], workers: int, reading: str) -> tuple[list[dict[str, Any]], Any]:
    """Start a LocalCluster of ``workers`` processes on 127.0.0.1, load the model in each,
    extract, and close it again."""
    from distributed import Client, LocalCluster

    rows = []
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster, set_as_default=False) as client:
        started = time.perf_counter() - start

        def workers_cpu() -> float:
            usage = client.run(resource.getrusage, resource.RUSAGE_SELF)
            return sum(u.ru_utime + u.ru_stime for u in usage.values())

        model_s = 0.0
        if reading == "full":
            row, _ = timed(f"dask-{workers}-model", lambda: client.run(statistical.available),
                           workers_cpu)
            model_s = row["seconds"]
        row, report = timed(f"dask-{workers}", lambda: load_documents(
            docs, reading=reading, scheduler=cluster.scheduler_address), workers_cpu)
        row.update(start_s=round(started, 2), worker_model_s=model_s)
        rows.append(row)
    return rows, report


def cluster_benchmark(n: int, reading: str = "full", seed: int = 1) -> dict[str, Any]:
    """Seconds to extract ``n`` generated documents four ways, with the machine's load."""
    with tempfile.TemporaryDirectory(prefix="coopgraph-cluster-") as tmp:
        docs = generate_corpus(n, Path(tmp) / "corpus", seed=seed)
        if reading == "full":
            assert statistical.available(), statistical.problem()
        rows = []
        row, serial = timed("one process", lambda: load_documents(docs, workers=1, reading=reading))
        rows.append(row)
        row, pooled = timed("local pool of 2", lambda: load_documents(docs, workers=2, reading=reading))
        rows.append(row)
        reports = [serial, pooled]
        for workers in (1, 2):
            more, report = on_cluster(docs, workers, reading)
            rows.extend(more)
            reports.append(report)
        expected = [r.to_dict() for r in serial.records]
        for report in reports:
            assert not report.failed and [r.to_dict() for r in report.records] == expected
        size = sum(p.stat().st_size for p in docs)
    base = rows[0]["seconds"]
    for row in rows:
        row["speedup_vs_one_process"] = round(base / row["seconds"], 2)
    return {"documents": n, "bytes": size, "reading": reading, "cpus": os.cpu_count(),
            "records_identical": True, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", type=int, nargs="?", default=300)
    parser.add_argument("--reading", choices=("full", "rules"), default="full")
    parser.add_argument("--json", type=Path, help="store the figures as 'cluster' in this file")
    parser.add_argument("--note", default="", help="what else the machine was doing")
    args = parser.parse_args(argv)
    result = cluster_benchmark(args.documents, args.reading)
    if args.note:
        result["note"] = args.note
    print(json.dumps(result, indent=2))
    if args.json:
        data = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        data["cluster"] = result
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
