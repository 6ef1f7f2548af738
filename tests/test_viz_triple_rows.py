"""The page's model read from the build's own triples equals the one read with SPARQL.

Why: ``coopgraph build`` draws its page from the triple sets it built (viz/triple_rows.py)
instead of loading the written graph into Oxigraph again; ``coopgraph viz`` on a graph file
still reads it with the ``network-*.rq`` queries. Both must give the same model, hence the same
page. Checked on the bundled gold records, the devset's gold records and the newsletter and
register that report the same events (merged events, qualified roles).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from coopgraph.graph import build_quads, to_nquads
from coopgraph.viz.model import _rows, read_model
from coopgraph.viz.triple_rows import _COLUMNS, TripleRows
from test_graph_tables import CASES


@pytest.mark.parametrize("case", sorted(CASES))
def test_model_from_triples_equals_model_from_sparql(case: str) -> None:
    quads = build_quads(CASES[case]())
    store = ox.Store()
    store.load(to_nquads(quads).encode(), format=ox.RdfFormat.N_QUADS)
    rows = TripleRows(quads)
    for name in _COLUMNS:
        assert _rows(rows, name) == _rows(store, name), name
    assert read_model(quads) == read_model(store)
