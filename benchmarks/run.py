"""Run coopgraph's benchmarks, print a table and write the figures as JSON.

    python benchmarks/run.py [--sizes 100,1000,10000] [--triples 10000,100000]
                             [--viz-actors 200,2000] [--quick] [--json benchmarks/results.json]

Build: a seeded synthetic corpus of each size (benchmarks/generate_corpus.py) is built by
`coopgraph build` in a fresh process (benchmarks/build_bench.py): documents/s, MB/s, peak memory,
incremental rebuild after one document changes, extraction F1 against the generated gold.
Queries: who-cooperated-with-whom (and every library query) on the embedded pyoxigraph store,
and on a local `oxigraph serve` (127.0.0.1, through the EndpointBackend), with rdflib's memory
store as the baseline for who-cooperated-with-whom, measured in the same run (ratio). Viz: time and size
of the network page at the given numbers of actors. Start: CPU seconds of `coopgraph --version`,
`--help` and a library query (benchmarks/start_bench.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_corpus  # noqa: E402
import graph_bench  # noqa: E402
import start_bench  # noqa: E402


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version(),
                            "cpus": os.cpu_count(), "processor": platform.processor() or "?"}
    for pkg in ("coopgraph", "rdflib", "pyoxigraph"):
        try:
            info[pkg] = version(pkg)
        except Exception:  # noqa: BLE001
            info[pkg] = "?"
    return info


def build_benchmark(n: int, work: Path, seed: int) -> dict[str, Any]:
    corpus = work / f"corpus-{n}"
    t = time.perf_counter()
    generate_corpus.generate_corpus(n, corpus, seed)
    generated = time.perf_counter() - t
    proc = subprocess.run([sys.executable, str(HERE / "build_bench.py"), str(corpus),
                           str(work / f"out-{n}")], capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {"error": proc.stderr.strip()[-500:]}
    result["generate_s"] = round(generated, 2)
    if "build_s" in result:
        result["docs_per_s"] = round(result["documents"] / result["build_s"], 1)
        result["mb_per_s"] = round(result["bytes"] / 1e6 / result["build_s"], 2)
    return result


def table(results: dict[str, Any]) -> str:
    lines = ["build (coopgraph build, fresh process)",
             f"{'docs':>7} {'MB':>6} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'peak MB':>8} "
             f"{'worker MB':>9} {'increm. s':>9} {'entities F1':>11} {'events F1':>9} {'coop F1':>7}"]
    for r in results["build"]:
        if "error" in r:
            lines.append(f"  error: {r['error']}")
            continue
        q = r["quality_f1"]
        lines.append(f"{r['documents']:>7} {r['bytes'] / 1e6:6.1f} {r['build_s']:8.2f} "
                     f"{r['docs_per_s']:8.1f} {r['mb_per_s']:6.2f} {r['peak_rss_mb']:8.0f} "
                     f"{r['peak_worker_rss_mb']:9.0f} {r['incremental_s']:9.2f} "
                     f"{q['entities']:11.3f} {q['events']:9.3f} {q['cooperation']:7.3f}")
        lines.append("        stages: " + ", ".join(
            f"{k} {v:.2f}s" if isinstance(v, float) else f"({v})" for k, v in r["stages_s"].items()))
    lines += ["", "who-cooperated-with-whom: embedded store (pyoxigraph) vs rdflib memory store",
              f"{'triples':>9} {'ox load s':>9} {'ox query s':>10} {'rdflib load s':>13} "
              f"{'rdflib query s':>14} {'ratio':>6}"]
    for r in results["queries"]:
        lines.append(f"{r['triples']:>9} {r['oxigraph_load_s']:9.2f} {r['oxigraph_query_s']:10.4f} "
                     f"{r.get('rdflib_load_s', float('nan')):13.2f} "
                     f"{r.get('rdflib_query_s', float('nan')):14.4f} "
                     f"{r.get('rdflib_over_oxigraph', float('nan')):6.1f}")
    for r in results["queries"]:
        lines += ["", f"library queries at {r['triples']} triples, median seconds (rows): "
                      "embedded pyoxigraph | local oxigraph server"
                      + (f" (loaded in {r['server']['load_s']:.1f} s)" if "server" in r else "")]
        remote = r.get("server", {}).get("library", {})
        for name, cell in r["oxigraph_library"].items():
            lines.append(f"  {name:<36} {_cell(cell):>16} | {_cell(remote.get(name, {})):>16}")
    if "start" in results:
        s = results["start"]
        lines += ["", f"CLI start, median CPU s of {s['runs']} runs: --version {s['version_cpu_s']:.3f}, "
                      f"--help {s['help_cpu_s']:.3f}, query who-cooperated-with-whom (bundled "
                      f"build) {s['query_cpu_s']:.3f}"]
    lines += ["", "network page (coopgraph.viz.write_network)"]
    for r in results["viz"]:
        lines.append(f"  {r.get('actors', '?')} actors: " + (
            r["error"] if "error" in r else f"{r['seconds']:.2f} s, {r['html_mb']:.2f} MB"))
    return "\n".join(lines)


def _cell(cell: dict[str, Any]) -> str:
    if "error" in cell:
        return "error"
    if "s" not in cell:
        return "-"
    return f"{cell['s']:.4f} ({cell['rows']})"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,1000", help="corpus sizes (default 100,1000)")
    p.add_argument("--triples", default="10000,100000", help="graph sizes for query benchmarks")
    p.add_argument("--viz-actors", default="200,2000", help="actor counts for the network page")
    p.add_argument("--no-baseline-above", type=int, default=200_000,
                   help="skip the slow rdflib baseline above this many triples")
    p.add_argument("--quick", action="store_true", help="only 100 documents, 10^4 triples, 200 actors")
    p.add_argument("--no-server", action="store_true",
                   help="skip the local Oxigraph server column of the query benchmark")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write JSON")
    p.add_argument("--append", action="store_true",
                   help="merge this run's figures into those already in --json (e.g. a "
                        "10,000-document build run on its own); a size measured again replaces "
                        "its earlier figures")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes, args.triples, args.viz_actors = "100", "10000", "200"
    results: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M"),
                               "build": [], "queries": [], "viz": []}
    with tempfile.TemporaryDirectory(prefix="coopgraph-bench-") as tmp:
        work = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",") if s):
            results["build"].append(build_benchmark(n, work, args.seed))
        for t in (int(s) for s in args.triples.split(",") if s):
            results["queries"].append(graph_bench.query_benchmark(
                t, work, baseline=t <= args.no_baseline_above, server=not args.no_server))
        for a in (int(s) for s in args.viz_actors.split(",") if s):
            results["viz"].append(graph_bench.viz_benchmark(a, work))
        results["start"] = start_bench.start_benchmark()
    if args.append and args.json.is_file():
        earlier = json.loads(args.json.read_text(encoding="utf-8"))
        for key, size in (("build", "documents"), ("queries", "triples"), ("viz", "actors")):
            fresh = {r.get(size) for r in results[key]}  # a size measured again replaces the old
            kept = [r for r in earlier.get(key, []) if r.get(size) not in fresh]
            results[key] = sorted(kept + results[key], key=lambda r: r.get(size) or 0)
        results["started"] = f"{earlier.get('started', '?')}, {results['started']}"
    print(table(results))
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
