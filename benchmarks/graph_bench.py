"""Query and network-view benchmarks on synthetic graphs of a chosen size.

Graphs are built by coopgraph's own graph builder from synthetic extraction records (actors
drawn from a pool that grows with the graph, events pairing two to four of them), so they have
the vocabulary's real shape: cooperation nodes, evidence, labels, named graphs.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coopgraph.records import Entity, Event, ExtractionRecord, SourceInfo  # noqa: E402

EVENT_TYPES = ("training", "meeting", "workshop", "seminar", "field_visit", "survey")
ROLES = ("organisers", "supporters", "participants")


def synthetic_records(n_docs: int, n_actors: int, seed: int = 1,
                      events_per_doc: int = 10) -> list[ExtractionRecord]:
    """n_docs records whose events link actors "Organisation 00017" ... from a pool of n_actors."""
    rng = random.Random(seed)
    records = []
    for d in range(n_docs):
        entities: dict[str, Entity] = {}
        events = []
        for k in range(events_per_doc):
            ids = rng.sample(range(n_actors), rng.randint(2, 4))
            roles: dict[str, list[str]] = {r: [] for r in ROLES}
            for i in ids:
                eid = f"a{i}"
                kind = "Project" if i % 7 == 0 else "Organisation"
                entities.setdefault(eid, Entity(id=eid, type=kind, name=f"{kind} {i:05d}",
                                                category=None if kind == "Project" else "government"))
                roles[rng.choice(ROLES)].append(eid)
            year = rng.randint(2010, 2024)
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(id=f"e{k}", title=f"Event {d}-{k}", type=rng.choice(EVENT_TYPES),
                                start=day, end=day, date_precision="day", status="completed",
                                evidence=f"Event {d}-{k} happened.",
                                **{r: tuple(v) for r, v in roles.items()}))
        name = f"synthetic-{d:06d}.txt"
        records.append(ExtractionRecord(
            document=name, entities=tuple(entities.values()), events=tuple(events),
            source=SourceInfo(name=name, sha256=f"{d:064x}", size=1000)))
    return records


def graph_builder() -> Callable[..., Any]:
    try:
        from coopgraph.graph import build_graph
    except ImportError:
        from coopgraph.graph.builder import build_graph
    return build_graph


def graph_file(target_triples: int, work: Path, seed: int = 1) -> tuple[Path, int, float]:
    """An N-Quads file of about target_triples quads; returns (path, quads, build seconds)."""
    build_graph = graph_builder()
    probe = build_graph(synthetic_records(20, 200, seed))
    per_doc = max(1, len(probe.serialize(format="nquads").splitlines()) // 20)
    n_docs = max(1, target_triples // per_doc)
    n_actors = max(50, int(n_docs * 1.5))
    t = time.perf_counter()
    graph = build_graph(synthetic_records(n_docs, n_actors, seed))
    built = time.perf_counter() - t
    path = work / f"graph-{target_triples}.nq"
    data = graph.serialize(format="nquads", encoding="utf-8")
    path.write_bytes(data)
    return path, data.count(b"\n"), built


def _best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def query_benchmark(target_triples: int, work: Path, *, baseline: bool = True) -> dict[str, Any]:
    """Load time and who-cooperated-with-whom time on the embedded store and rdflib's memory store."""
    from coopgraph.queries import OxigraphBackend, RdflibBackend, list_queries, run_query
    path, quads, built = graph_file(target_triples, work)
    out: dict[str, Any] = {"triples": quads, "graph_build_s": round(built, 3),
                           "nquads_mb": round(path.stat().st_size / 1e6, 1)}
    t = time.perf_counter()
    ox_backend = OxigraphBackend.from_file(path)
    out["oxigraph_load_s"] = round(time.perf_counter() - t, 3)
    q, result = _best_of(lambda: run_query(ox_backend, "who-cooperated-with-whom"), 3)
    out["oxigraph_query_s"] = round(q, 4)
    out["pairs"] = len(result.rows)
    out["oxigraph_library_s"] = {}
    for nq in list_queries():
        params = {p.name: p.example for p in nq.params if p.example is not None}
        try:
            s, _ = _best_of(lambda: run_query(ox_backend, nq.name, params), 1)
            out["oxigraph_library_s"][nq.name] = round(s, 4)
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            out["oxigraph_library_s"][nq.name] = f"error: {exc}"
    if baseline:
        t = time.perf_counter()
        rd_backend = RdflibBackend.from_file(path)
        out["rdflib_load_s"] = round(time.perf_counter() - t, 3)
        q, rd_result = _best_of(lambda: run_query(rd_backend, "who-cooperated-with-whom"), 1)
        out["rdflib_query_s"] = round(q, 4)
        out["rdflib_over_oxigraph"] = round(q / max(out["oxigraph_query_s"], 1e-6), 1)
        out["same_answer"] = len(rd_result.rows) == len(result.rows)
    path.unlink()
    return out


def viz_benchmark(n_actors: int, work: Path) -> dict[str, Any]:
    """Time and size of the network page for a graph with about n_actors actors."""
    try:
        from coopgraph.viz import write_network
    except ImportError as exc:
        return {"error": f"coopgraph.viz.write_network unavailable: {exc}"}
    graph = graph_builder()(synthetic_records(max(1, n_actors // 8), n_actors))
    path = work / f"network-{n_actors}.html"
    t = time.perf_counter()
    write_network(graph, path)
    seconds = time.perf_counter() - t
    return {"actors": n_actors, "seconds": round(seconds, 3),
            "html_mb": round(path.stat().st_size / 1e6, 2)}
