"""Golden files: the Turtle built from each document's gold record, compared byte for byte.

On mismatch the test prints the triples only in the expected file and only in the actual output
as sorted N-Triples. Rewrite the files only on purpose: ``pytest --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from coopgraph.graph import build_graph, to_turtle, union_graph
from graph_support import DOCS, gold_record

GOLDEN = Path(__file__).parent / "golden"


def _ntriples(g: Graph) -> str:
    lines = g.serialize(format="nt").splitlines()
    return "\n".join(sorted(ln for ln in lines if ln.strip()))


@pytest.mark.parametrize("stem", DOCS)
def test_golden_turtle(stem: str, update_golden: bool):
    actual = to_turtle(union_graph(build_graph([gold_record(stem)])))
    path = GOLDEN / f"{stem}.ttl"
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        _both, only_expected, only_actual = graph_diff(
            to_isomorphic(Graph().parse(data=expected, format="turtle")),
            to_isomorphic(Graph().parse(data=actual, format="turtle")))
        pytest.fail(f"{path.name} differs from the built graph (pytest --update-golden rewrites it)\n"
                    f"only expected:\n{_ntriples(only_expected)}\nonly actual:\n{_ntriples(only_actual)}",
                    pytrace=False)
