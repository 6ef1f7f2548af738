"""CPU time of short CLI runs: ``coopgraph --version``, ``--help`` and a library query.

    python benchmarks/start_bench.py [BUILD_DIR]    # prints JSON

Each command runs in a fresh interpreter, five times; the figure is the median of user + system
CPU seconds of the child (``resource.getrusage(RUSAGE_CHILDREN)``), not wall time, so that
other jobs on a shared machine change it little. The query runs on BUILD_DIR (default: a build
of the bundled corpus made first, which is not timed). Issue 14's target: ≤ 0.3 CPU-s for
``--version``.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RUNS = 5


def cpu_seconds(argv: list[str]) -> float:
    """Median CPU seconds (user + system) of ``python -m coopgraph ARGV`` over RUNS runs."""
    times = []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "coopgraph", *argv], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return round(statistics.median(times), 3)


def start_benchmark(build_dir: Path | None = None) -> dict[str, Any]:
    """CPU seconds of --version, --help and who-cooperated-with-whom on a build folder."""
    with tempfile.TemporaryDirectory(prefix="coopgraph-start-") as tmp:
        if build_dir is None:
            build_dir = Path(tmp) / "out"
            subprocess.run([sys.executable, "-m", "coopgraph", "build", "-q", "--no-network",
                            "--reading", "rules", "-o", str(build_dir)], check=True)
        return {"version_cpu_s": cpu_seconds(["--version"]),
                "help_cpu_s": cpu_seconds(["--help"]),
                "query_cpu_s": cpu_seconds(["query", "who-cooperated-with-whom",
                                            "-o", str(build_dir)]),
                "runs": RUNS}


if __name__ == "__main__":
    print(json.dumps(start_benchmark(Path(sys.argv[1]) if len(sys.argv) > 1 else None)))
