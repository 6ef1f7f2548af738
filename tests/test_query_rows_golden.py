"""Every library query's rows and the page's model on the gold graph, against a stored answer.

Why: the evidence model (issue 14, item 3) and the way the graph is written may change, but what
a user asks must keep its answer. ``tests/golden/query-rows.json`` holds, for the graph built
from both bundled documents' gold records (fixed, so extraction changes do not touch it), the
rows of every library query run with its example parameters, of evidence-between-actors for
every cooperating pair, and the network page's model.
Rewrite it only on purpose: ``pytest --update-golden``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from coopgraph.graph import build_graph
from coopgraph.queries.backends import OxigraphBackend
from coopgraph.queries.library import list_queries
from coopgraph.queries.runner import run_query
from coopgraph.viz.model import read_model, to_store
from graph_support import gold_records

GOLDEN = Path(__file__).parent / "golden" / "query-rows.json"


def _plain(value: Any) -> Any:
    """JSON-ready: dataclasses as dicts, sets and tuples as sorted or ordered lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=json.dumps)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def answers() -> dict[str, Any]:
    """Each library query's columns and rows (as text), and the page's model."""
    store = to_store(build_graph(gold_records()))
    backend = OxigraphBackend(store)
    out: dict[str, Any] = {}
    for query in list_queries():
        result = run_query(backend, query.name, query.example_params())
        out[query.name] = {"columns": list(result.columns),
                           "rows": [[None if v is None else str(v) for v in row]
                                    for row in result.rows]}
    pairs = out["who-cooperated-with-whom"]["rows"]
    every = [run_query(backend, "evidence-between-actors", {"actor": row[5], "partner": row[6]})
             for row in pairs]
    out["evidence-between-actors, every pair"] = [
        [[None if v is None else str(v) for v in r] for r in result.rows] for result in every]
    out["page model"] = _plain(read_model(store))
    return out


def test_library_query_rows_and_page_model_unchanged(update_golden: bool) -> None:
    actual = answers()
    if update_golden:
        GOLDEN.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(actual) == sorted(expected)
    for name in expected:
        assert actual[name] == expected[name], f"{name}: answer changed"
