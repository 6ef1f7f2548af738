"""Issue 14, item 6: who-cooperated-with-whom answers from one sorted table the build stores.

The stored rows must be exactly what the SPARQL query gives on the same graph, in the same
order: checked on the bundled build and on a synthetic graph with many ties in weight.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import coopgraph
from coopgraph.graph import build_quads, to_nquads
from coopgraph.graph.cooperation_table import cooperation_table
from coopgraph.queries import OxigraphBackend, open_backend, run_query
from coopgraph.queries.answers import BuildFolderBackend, answer_path, cooperation_answer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("answers") / "out"
    coopgraph.build(output_dir=out, reading="rules", network=False)
    return out


def sparql_answer(graph_file: Path) -> coopgraph.queries.QueryResult:
    return run_query(OxigraphBackend.from_file(graph_file), "who-cooperated-with-whom")


def test_the_build_stores_the_answer_the_query_gives(build_dir: Path) -> None:
    backend = open_backend(build_dir)
    assert isinstance(backend, BuildFolderBackend)
    stored = run_query(backend, "who-cooperated-with-whom")
    assert backend._backend is None  # answered without loading the store
    expected = sparql_answer(build_dir / "graph.trig")
    assert stored.columns == expected.columns
    assert stored.rows == expected.rows
    assert len(stored.rows) == 183
    top = stored.records()[0]
    assert (top["firstName"], top["secondName"]) == (
        "Ministry of Labour and Social Protection", "Support to Employment Creation in Mongolia")


def test_other_questions_load_the_store(build_dir: Path) -> None:
    backend = open_backend(build_dir)
    rows = run_query(backend, "partners-of-actor", {"actor": "GASI"}).records()
    assert backend._backend is not None
    assert "International Labour Organization" in {r["partnerName"] for r in rows}


def test_an_answer_of_another_build_is_not_used(build_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    (copy / "answers").mkdir(parents=True)
    for name in ("graph.trig", "manifest.json"):
        (copy / name).write_bytes((build_dir / name).read_bytes())
    stored = answer_path(build_dir, "who-cooperated-with-whom").read_text(encoding="utf-8")
    head, body = stored.split("\n", 1)
    stale = json.dumps({**json.loads(head), "build_key": "0" * 64})
    answer_path(copy, "who-cooperated-with-whom").write_text(stale + "\n" + body,
                                                             encoding="utf-8")
    backend = open_backend(copy)
    result = run_query(backend, "who-cooperated-with-whom")
    assert backend._backend is not None  # the SPARQL ran
    assert result.rows == sparql_answer(build_dir / "graph.trig").rows


def test_the_table_equals_the_query_on_a_graph_with_ties(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from graph_bench import synthetic_records
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    quads = build_quads(synthetic_records(40, 60, seed=3))
    path = tmp_path / "graph.nq"
    path.write_text(to_nquads(quads), encoding="utf-8")
    expected = sparql_answer(path)
    table = cooperation_answer(cooperation_table(quads))
    weights = [int(r[2].toPython()) for r in expected.rows]  # type: ignore[union-attr]
    assert len(set(weights)) < len(weights) / 10  # mostly ties: the name and IRI order decide
    assert table.columns == expected.columns
    assert table.rows == expected.rows


def test_every_label_of_an_actor_gives_a_row() -> None:
    """A cooperation node with two labels on an actor gives two rows, as the query's join."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS, XSD

    from coopgraph.ontology.namespace import CG
    a, b, c = (URIRef(f"https://example.org/{x}") for x in "abc")
    triples = {(c, RDF.type, CG.Cooperation), (c, CG.firstActor, a), (c, CG.secondActor, b),
               (c, CG.weight, Literal(2, datatype=XSD.integer)),
               (a, RDFS.label, Literal("Alpha")), (a, RDFS.label, Literal("Aleph")),
               (b, RDFS.label, Literal("Beta"))}
    rows = cooperation_answer(cooperation_table({URIRef("https://example.org/g"): triples}))
    store = ox.Store()
    store.bulk_load(input=to_nquads({URIRef("https://example.org/g"): triples}).encode(),
                    format=ox.RdfFormat.N_QUADS)
    expected = run_query(OxigraphBackend(store), "who-cooperated-with-whom")
    assert [r["firstName"] for r in rows.records()] == ["Aleph", "Alpha"]
    assert rows.rows == expected.rows
