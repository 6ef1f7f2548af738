"""The reduce tables (graph/tables.py) equal what a pass over the built triples gives.

Why: the build prints its counts and stores who-cooperated-with-whom from the merge's own tables
instead of scanning every triple; the two must never disagree. Checked on the bundled gold
records, on the devset's gold records (many documents, shared actors and events), and on the
newsletter and register that report the same events.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopgraph.graph import build_quads, summarise
from coopgraph.graph.builder import build_quads_and_tables
from coopgraph.graph.cooperation_table import cooperation_table
from coopgraph.loaders.formats.pdf import PdfLoader
from coopgraph.loaders.structured.register import RegisterLoader
from coopgraph.records import ExtractionRecord, SourceInfo
from graph_support import gold_records

DATA = Path(__file__).parent / "data"


def _devset() -> list[ExtractionRecord]:
    out = []
    for path in sorted((DATA / "devset").glob("*.gold.json")):
        record = ExtractionRecord.from_dict(json.loads(path.read_text(encoding="utf-8")))
        name = path.name.replace(".gold.json", ".txt")
        out.append(ExtractionRecord(name, entities=record.entities, events=record.events,
                                    relations=record.relations,
                                    source=SourceInfo(name=name, sha256=f"{len(out):064x}")))
    return out


CASES = {
    "bundled gold": gold_records,
    "devset gold": _devset,
    "newsletter and register": lambda: [PdfLoader().load(DATA / "loaders" / "newsletter.pdf"),
                                        RegisterLoader().load(DATA / "loaders" / "events-register.csv")],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_tables_equal_a_pass_over_the_triples(case: str) -> None:
    records = CASES[case]()
    quads, tables = build_quads_and_tables(records)
    assert quads == build_quads(records)
    assert tables.summary == summarise(quads)
    assert tables.cooperation == cooperation_table(quads)
    assert tables.summary["cooperation_pairs"] > 0 and tables.cooperation
