"""Measure one build of a generated corpus, in a fresh process so peak memory is its own.

    python benchmarks/build_bench.py CORPUS_DIR OUT_DIR [--reading rules|full] [--no-quality]

Prints one JSON object: documents, bytes, total and per-stage seconds (wall, and CPU of this
process) of `coopgraph build`
(coopgraph.pipeline.build, or load_documents + build_graph where the pipeline is missing), the
seconds of an incremental rebuild after one document changes, peak resident memory of this
process and of its largest worker, CPU seconds of the build (this process and its extraction
workers), quads per document, and extraction quality (coopgraph.evaluation) against CORPUS_DIR/gold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The repository root first on the path, so `coopgraph` is this checkout's package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STAGES = ("load_documents", "build_quads", "build_quads_and_tables", "build_merged", "validate_graph",
          "summarise", "save_graph", "write_graph_chunks", "store_of", "write_network")


def _timed(stages: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` counting its wall seconds in ``stages[name]`` and its CPU seconds (this process)
    in ``stages[name + ".cpu"]``; a mapping of graphs it returns is counted in ``stages["quads"]``."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        try:
            result = fn(*args, **kwargs)
            quads = result[0] if isinstance(result, tuple) else result
            quads = getattr(quads, "quads", quads)  # build_merged: a MergedBuild
            if name.startswith("build_") and isinstance(quads, dict):
                stages["quads"] = sum(len(v) for v in quads.values())
            return result
        finally:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
            stages[name + ".cpu"] = stages.get(name + ".cpu", 0.0) + time.process_time() - c
    return wrapper


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_build(docs: list[Path], out: Path, stages: dict[str, float],
              reading: str = "full") -> list[Any]:
    """One build of the documents (not the gold/ folder beside them); returns its records.
    Stage times are collected by wrapping the pipeline's own references to each step."""
    try:
        from coopgraph import pipeline
    except ImportError:
        pipeline = None  # the build pipeline is not importable yet: time its first two steps
    if pipeline is not None:
        originals = {name: getattr(pipeline, name) for name in STAGES if hasattr(pipeline, name)}
        for name, fn in originals.items():
            setattr(pipeline, name, _timed(stages, name, fn))
        from coopgraph.errors import CoopgraphError
        try:
            return list(pipeline.build(docs, output_dir=out, reading=reading).records)
        except CoopgraphError as exc:  # e.g. no actor to draw: time the build without the page
            stages["note"] = f"network page skipped: {exc}"  # type: ignore[assignment]
            return list(pipeline.build(docs, output_dir=out, network=False,
                                       reading=reading).records)
        finally:  # unwrap, so a second build's stages are not counted in this one's too
            for name, fn in originals.items():
                setattr(pipeline, name, fn)
    from coopgraph.extraction import load_documents
    build_graph = graph_builder()
    report = _timed(stages, "load_documents", load_documents)(docs, cache_dir=out / "cache")
    _timed(stages, "build_graph", build_graph)(report.records)
    return list(report.records)


def graph_builder() -> Callable[..., Any]:
    """coopgraph.graph.build_graph, or the builder module's while the package is assembled."""
    try:
        from coopgraph.graph import build_graph
    except ImportError:
        from coopgraph.graph.builder import build_graph
    return build_graph


def peak_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of the largest finished child (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def quality(records: list[Any], gold_dir: Path) -> dict[str, float]:
    from coopgraph.evaluation import evaluate
    report = evaluate(records, gold_dir, all_gold=False)
    keys = ("entities", "entities.Organisation", "events", "links", "links.role", "relations",
            "cooperation")
    out = {k: round(report.score(k).f1, 4) for k in keys}
    out.update({k: round(report.accuracy(k).value, 4) for k in ("event.start", "event.status")})
    return out


def _rounded(stages: dict[str, float]) -> dict[str, Any]:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in stages.items()}


def measure(corpus: Path, out: Path, reading: str = "full",
            with_quality: bool = True) -> dict[str, Any]:
    docs = sorted(corpus.glob("*.txt"))
    shutil.rmtree(out, ignore_errors=True)
    stages: dict[str, float] = {}
    t, c = time.perf_counter(), cpu_s()
    records = run_build(docs, out, stages, reading)
    total, total_cpu = time.perf_counter() - t, cpu_s() - c
    own, kids = peak_mb()
    changed = docs[0]
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\nThe report was published on 3 March 2020.\n", encoding="utf-8")
    inc_stages: dict[str, float] = {}
    try:
        t, c = time.perf_counter(), cpu_s()
        run_build(docs, out, inc_stages, reading)
        incremental, incremental_cpu = time.perf_counter() - t, cpu_s() - c
    finally:
        changed.write_text(original, encoding="utf-8")
    quads = stages.pop("quads", 0)
    inc_stages.pop("quads", None)
    return {
        "documents": len(docs), "bytes": sum(p.stat().st_size for p in docs),
        "reading": reading, "records": len(records), "build_s": round(total, 3),
        "build_cpu_s": round(total_cpu, 3), "stages_s": _rounded(stages),
        "quads": quads, "quads_per_document": round(quads / max(len(records), 1), 1),
        "incremental_s": round(incremental, 3), "incremental_cpu_s": round(incremental_cpu, 3),
        "incremental_stages_s": _rounded(inc_stages),
        "peak_rss_mb": round(own, 1), "peak_worker_rss_mb": round(kids, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "quality_f1": quality(records, corpus / "gold") if with_quality else {},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reading", choices=("full", "rules"), default="full")
    parser.add_argument("--no-quality", action="store_true", help="skip the F1 against gold/")
    args = parser.parse_args(argv)
    try:
        result = measure(args.corpus, args.out, args.reading, not args.no_quality)
    except Exception as exc:  # report any failure as data: the runner prints it  # noqa: BLE001
        result = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
