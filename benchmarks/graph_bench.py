"""Query and network-view benchmarks on synthetic graphs of a chosen size.

Graphs are built by coopgraph's own graph builder from synthetic extraction records (actors
drawn from a pool that grows with the graph, events pairing two to four of them), so they have
the vocabulary's real shape: cooperation nodes, evidence, labels, named graphs.
"""

from __future__ import annotations

import functools
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coopgraph.records import Entity, Event, ExtractionRecord, SourceInfo

EVENT_TYPES = ("training", "meeting", "workshop", "seminar", "field_visit", "survey")
ROLES = ("organisers", "supporters", "participants")
CATEGORIES = ("government", "international", "donor", "social_partner", "ngo")
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def _aimags() -> list[str]:
    """Aimag names from the project's reference data (places.json)."""
    import json
    places = json.loads((REFERENCE / "places.json").read_text(encoding="utf-8"))
    return sorted(p["name"] for p in places if p["place_type"] == "aimag")


def synthetic_records(n_docs: int, n_actors: int, seed: int = 1,
                      events_per_doc: int = 10) -> list[ExtractionRecord]:
    """n_docs records whose events link actors "Organisation 00017" ... from a pool of n_actors.

    Each document also names two aimags, a person affiliated to one of its actors, an ILO
    convention and a project with a funder and an implementer, and some events are planned,
    so that every library query has rows to return at every size.
    """
    rng = random.Random(seed)
    aimags = _aimags()
    records = []
    for d in range(n_docs):
        entities: dict[str, Entity] = {}
        events = []
        places = rng.sample(aimags, 2)
        for name in places:
            entities[name] = Entity(id=name, type="Place", name=name, place_type="aimag")
        project = f"a{7 * (d % max(1, n_actors // 7))}"
        number = rng.choice((81, 129, 144, 155, 187))
        entities["c"] = Entity(id="c", type="Convention", name=f"ILO Convention No. {number}")
        for k in range(events_per_doc):
            ids = rng.sample(range(n_actors), rng.randint(2, 4))
            roles: dict[str, list[str]] = {r: [] for r in ROLES}
            for i in ids:
                eid = f"a{i}"
                kind = "Project" if i % 7 == 0 else "Organisation"
                entities.setdefault(eid, Entity(
                    id=eid, type=kind, name=f"{kind} {i:05d}",
                    category=None if kind == "Project" else CATEGORIES[i % len(CATEGORIES)]))
                roles[rng.choice(ROLES)].append(eid)
            year = rng.randint(2010, 2024)
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            status = "planned" if k % 5 == 4 else "completed"
            events.append(Event(id=f"e{k}", title=f"Event {d}-{k}", type=rng.choice(EVENT_TYPES),
                                start=day, end=day, date_precision="day", status=status,
                                places=(places[k % 2],), subjects=("c",) if k % 3 == 0 else (),
                                projects=(project,) if k % 2 == 0 else (),
                                evidence=f"Event {d}-{k} happened.",
                                **{r: tuple(v) for r, v in roles.items()}))
        orgs = sorted(e.id for e in entities.values() if e.type == "Organisation")
        if orgs:
            entities["p"] = Entity(id="p", type="Person", name=f"Person {d:06d}",
                                   affiliation=orgs[0], role="director")
            entities.setdefault(project, Entity(id=project, type="Project",
                                                name=f"Project {int(project[1:]):05d}"))
            entities[project] = Entity(id=project, type="Project", name=entities[project].name,
                                       funders=(orgs[-1],), implementers=(orgs[0],))
        name = f"synthetic-{d:06d}.txt"
        records.append(ExtractionRecord(
            document=name, entities=tuple(entities.values()), events=tuple(events),
            source=SourceInfo(name=name, sha256=f"{d:064x}", size=1000)))
    return records


#: Parameters of the library queries on the synthetic graph (the .rq examples name real
#: bodies such as GASI that the synthetic graph does not hold). Actor pairs come from the
#: who-cooperated-with-whom answer at run time.
BENCH_PARAMS = {"subject": "81", "type": "training", "status": "planned", "place": "Dornod",
                "from": "2010", "to": "2024", "category": "government", "minimum": "2"}


def graph_builder() -> Callable[..., Any]:
    from coopgraph.graph import build_graph
    return build_graph


def graph_file(target_triples: int, work: Path, seed: int = 1) -> tuple[Path, int, float]:
    """An N-Quads file of about target_triples quads; returns (path, quads, build seconds)."""
    from coopgraph.graph import build_quads
    from coopgraph.graph.serialization import to_nquads

    probe = build_quads(synthetic_records(20, 200, seed))
    per_doc = max(1, sum(len(t) for t in probe.values()) // 20)
    n_docs = max(1, target_triples // per_doc)
    n_actors = max(50, int(n_docs * 1.5))
    t = time.perf_counter()
    quads = build_quads(synthetic_records(n_docs, n_actors, seed))
    built = time.perf_counter() - t
    path = work / f"graph-{target_triples}.nq"
    data = to_nquads(quads).encode("utf-8")
    path.write_bytes(data)
    return path, data.count(b"\n"), built


def _best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def _library_times(backend: Any, repeat: int) -> dict[str, Any]:
    """Median seconds of every library query (with BENCH_PARAMS) on ``backend``."""
    from coopgraph.queries import list_queries, run_query
    top = run_query(backend, "who-cooperated-with-whom").rows[0]
    chosen = {**BENCH_PARAMS, "actor": str(top[0]), "partner": str(top[1]),
              "project": "Project 00000"}
    out: dict[str, Any] = {}
    for nq in list_queries():
        params = {p.name: chosen.get(p.name, p.example) for p in nq.params}
        try:
            s, result = _best_of(functools.partial(run_query, backend, nq.name, params), repeat)
            out[nq.name] = {"s": round(s, 4), "rows": len(result.rows)}
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            out[nq.name] = {"error": str(exc)[:200]}
    return out


def _server_times(path: Path, repeat: int) -> dict[str, Any]:
    """Load the N-Quads into a fresh ``oxigraph serve`` on 127.0.0.1 and time every query there."""
    import socket
    import urllib.request

    from coopgraph.queries import EndpointBackend
    from coopgraph.queries.server import start_server

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = start_server(None, host="127.0.0.1", port=port, writable=True)
    try:
        t = time.perf_counter()
        request = urllib.request.Request(
            server.query_url.rsplit("/", 1)[0] + "/store", data=path.read_bytes(), method="POST",
            headers={"Content-Type": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
        loaded = time.perf_counter() - t
        backend = EndpointBackend(server.query_url, timeout=600)
        return {"load_s": round(loaded, 3), "library": _library_times(backend, repeat)}
    finally:
        server.stop()


def query_benchmark(target_triples: int, work: Path, *, baseline: bool = True,
                    server: bool = True) -> dict[str, Any]:
    """Every library query on the embedded store, on a local Oxigraph server, and
    who-cooperated-with-whom on rdflib's memory store as the baseline (ratio)."""
    from coopgraph.queries import OxigraphBackend, RdflibBackend, run_query
    path, quads, built = graph_file(target_triples, work)
    out: dict[str, Any] = {"triples": quads, "graph_build_s": round(built, 3),
                           "nquads_mb": round(path.stat().st_size / 1e6, 1)}
    t = time.perf_counter()
    ox_backend = OxigraphBackend.from_file(path)
    out["oxigraph_load_s"] = round(time.perf_counter() - t, 3)
    q, result = _best_of(lambda: run_query(ox_backend, "who-cooperated-with-whom"), 3)
    out["oxigraph_query_s"] = round(q, 4)
    out["pairs"] = len(result.rows)
    out["oxigraph_library"] = _library_times(ox_backend, 3)
    ox_backend.close()
    if server:
        out["server"] = _server_times(path, 3)
    if baseline:
        t = time.perf_counter()
        rd_backend = RdflibBackend.from_file(path)
        out["rdflib_load_s"] = round(time.perf_counter() - t, 3)
        q, rd_result = _best_of(lambda: run_query(rd_backend, "who-cooperated-with-whom"), 1)
        out["rdflib_query_s"] = round(q, 4)
        out["rdflib_over_oxigraph"] = round(q / max(out["oxigraph_query_s"], 1e-6), 1)
        out["same_answer"] = len(rd_result.rows) == len(result.rows)
    path.unlink()
    out["stored_answer"] = answer_benchmark(target_triples, work)
    return out


def viz_benchmark(n_actors: int, work: Path) -> dict[str, Any]:
    """Time and size of the network page for a graph with about n_actors actors."""
    try:
        from coopgraph.viz import write_network
    except ImportError as exc:
        return {"error": f"coopgraph.viz.write_network unavailable: {exc}"}
    from coopgraph.graph import build_quads, save_graph
    from coopgraph.pipeline import store_of
    save_graph(build_quads(synthetic_records(max(1, n_actors // 8), n_actors)), work / "viz")
    store = store_of(work / "viz" / "graph.ttl")
    path = work / f"network-{n_actors}.html"
    t = time.perf_counter()
    write_network(store, path)
    seconds = time.perf_counter() - t
    return {"actors": n_actors, "seconds": round(seconds, 3),
            "html_mb": round(path.stat().st_size / 1e6, 2)}


def answer_benchmark(target_triples: int, work: Path) -> dict[str, Any]:
    """who-cooperated-with-whom from the answer a build stores (issue 14) on the graph of
    ``graph_file``: seconds to compute the table from the triples, and to answer from it, in
    this process (median of three) and as a whole ``coopgraph query`` run (CPU seconds)."""
    import json
    import resource
    import subprocess

    from coopgraph.graph import build_quads
    from coopgraph.graph.cooperation_table import cooperation_table
    from coopgraph.graph.serialization import to_nquads
    from coopgraph.queries import open_backend, run_query
    from coopgraph.queries.answers import cooperation_answer, save_answers

    probe = build_quads(synthetic_records(20, 200, 1))
    per_doc = max(1, sum(len(t) for t in probe.values()) // 20)
    n_docs = max(1, target_triples // per_doc)
    quads = build_quads(synthetic_records(n_docs, max(50, int(n_docs * 1.5)), 1))
    folder = work / f"answers-{target_triples}"
    folder.mkdir()
    (folder / "graph.nq").write_text(to_nquads(quads), encoding="utf-8")
    t = time.perf_counter()
    answer = cooperation_answer(cooperation_table(quads))
    table_s = time.perf_counter() - t
    del quads
    save_answers(folder, {"who-cooperated-with-whom": answer}, "bench")
    (folder / "manifest.json").write_text(json.dumps({"build_key": "bench"}), encoding="utf-8")
    s, result = _best_of(lambda: run_query(open_backend(folder), "who-cooperated-with-whom"), 3)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "coopgraph", "query", "who-cooperated-with-whom",
                    "-o", str(folder), "--format", "csv"], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"triples": sum(1 for _ in (folder / "graph.nq").open("rb")),
            "table_s": round(table_s, 3), "stored_answer_s": round(s, 4),
            "rows": len(result.rows),
            "cli_cpu_s": round(after.ru_utime - before.ru_utime
                               + after.ru_stime - before.ru_stime, 2)}
