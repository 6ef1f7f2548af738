"""Does the network page stay responsive on a large graph? Measured in headless Chromium.

    python benchmarks/viz_browser_bench.py [--actors 2000] [--events 3500]

Builds a synthetic graph (benchmarks/graph_bench.py: actors paired by events, so about 3 links
per event), writes the page, opens it from file:// and reports: time to write the page, its
size, time until vis-network has drawn it, and the time of a category-filter change, a year
filter change and a search. Needs .ci/install-browser (Debian's chromium and chromium-driver).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.graph_bench import graph_builder, synthetic_records  # noqa: E402
from browser import chromium  # noqa: E402
from coopgraph.viz import build_network, save_network  # noqa: E402

_TIMED = """
var done = arguments[arguments.length - 1], t = performance.now();
%s
requestAnimationFrame(function () { done(performance.now() - t); });
"""


def measure(n_actors: int, n_events: int) -> dict[str, float | int]:
    docs = max(1, n_events // 10)
    graph = graph_builder()(synthetic_records(docs, n_actors))
    out: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory() as work:
        t = time.perf_counter()
        network = build_network(graph)
        path = save_network(network, Path(work) / "network.html")
        out["write_s"] = round(time.perf_counter() - t, 2)
        out["html_mb"] = round(path.stat().st_size / 1e6, 2)
        out["nodes"], out["edges"] = network.node_count, network.edge_count
        with chromium() as driver:
            driver.set_script_timeout(120)
            t = time.perf_counter()
            driver.get(path.as_uri())
            while driver.execute_script("return document.body.getAttribute('data-ready')") != "1":
                time.sleep(0.05)
            out["first_draw_s"] = round(time.perf_counter() - t, 2)
            out["filter_ms"] = round(driver.execute_async_script(_TIMED % (
                "document.querySelector('#cg-filter-category input').click();")))
            out["years_ms"] = round(driver.execute_async_script(_TIMED % (
                "var y = document.getElementById('cg-year-from'); y.value = Number(y.max);"
                "y.dispatchEvent(new Event('change'));")))
            out["search_ms"] = round(driver.execute_async_script(_TIMED % (
                "var s = document.getElementById('cg-search'); s.value = 'Organisation 00003';"
                "document.getElementById('cg-search-go').click();")))
            severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            out["console_errors"] = len(severe)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actors", type=int, default=2000)
    p.add_argument("--events", type=int, default=3500)
    args = p.parse_args()
    print(json.dumps(measure(args.actors, args.events), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
