"""Notebook use (issue 15, item 8): short reprs, ``coopgraph.query`` for any SELECT with bound
parameters, ``to_pandas``, and docs/example.ipynb run cell by cell with plain ``exec``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rdflib import URIRef

import coopgraph
from coopgraph.extraction import LoadReport
from coopgraph.pipeline import BuildResult

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "example.ipynb"
ILO = URIRef("https://w3id.org/coopgraph/id/organisation/international-labour-organization")
LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing ?label WHERE { ?thing rdfs:label ?label }"""


def test_a_build_result_shows_counts_and_files_not_records(corpus_build: Path) -> None:
    records = coopgraph.extract(reading="rules")
    result = BuildResult(summary={"organisations": 44, "events": 59},
                         written=[corpus_build / "graph.ttl", corpus_build / "graph.trig"],
                         report=LoadReport(records=records, reused=1), output_dir=corpus_build,
                         records=records)
    shown = repr(result)
    assert shown == (f"<BuildResult {str(corpus_build)!r}: 2 documents (1 reused, 0 failed, "
                     "0 warnings); 44 organisations, 0 people, 0 projects, 0 conventions, "
                     "0 policies, 0 places, 59 events, 0 cooperation pairs; wrote graph.ttl, "
                     "graph.trig>")
    assert "ExtractionRecord" not in shown


def test_a_query_result_shows_its_size_columns_and_first_rows(corpus_build: Path) -> None:
    result = coopgraph.query(corpus_build, "partners-of-actor", {"actor": "ILO"})
    lines = repr(result).splitlines()
    assert lines[0] == ("<QueryResult: 12 rows × actor, actorName, partnerName, eventTitle, year, "
                        "actorRole, partnerRole, partner, event>")
    assert lines[1].split()[:3] == ["actor", "actorName", "partnerName"]
    assert len(lines) == 1 + 2 + 5 + 1 and lines[-1] == "… 7 more rows"
    assert repr(coopgraph.query(corpus_build, LABELS, {"label": "no such name"})) == \
        "<QueryResult: 0 rows × thing, label>"


def test_query_runs_sparql_text_with_a_parameter_bound_as_a_term(corpus_build: Path) -> None:
    found = coopgraph.query(corpus_build, LABELS, {"label": "International Labour Organization"})
    assert found.column("thing") == [ILO]
    hostile = coopgraph.query(corpus_build, LABELS, {"label": '"} ?thing ?p ?o . { #'})
    assert len(hostile) == 0  # matched as a literal, not read as query text


def test_query_runs_an_rq_file_by_its_header_types(corpus_build: Path, tmp_path: Path) -> None:
    rq = tmp_path / "events-in-year.rq"
    rq.write_text("#+ title: Events of a year\n#+ description: Event titles of one year.\n"
                  "#+ param: year | integer | required | 2017 | the year\n"
                  "PREFIX cg: <https://w3id.org/coopgraph/ontology#>\n"
                  "SELECT DISTINCT ?year WHERE { ?event cg:year ?year }\n", encoding="utf-8")
    assert coopgraph.query(corpus_build, rq, {"year": "2017"}).records() == [{"year": 2017}]
    assert coopgraph.query(corpus_build / "graph.ttl", str(rq), {"year": 2017}).records() == \
        [{"year": 2017}]
    with pytest.raises(coopgraph.QueryError, match="'2017x' is not an integer"):
        coopgraph.query(corpus_build, rq, {"year": "2017x"})


def test_query_on_an_rdflib_graph_and_on_a_backend(corpus_build: Path) -> None:
    graph = coopgraph.load_graph(corpus_build)
    assert coopgraph.query(graph, LABELS, {"label": "International Labour Organization"}) \
        .column("thing") == [ILO]
    backend = coopgraph.open_backend(corpus_build)
    found = coopgraph.query(backend, LABELS, {"label": "International Labour Organization"})
    assert found.column("thing") == [ILO]
    assert coopgraph.query(backend, LABELS, {"thing": ILO}).column("label")  # still open


@pytest.mark.slow  # rdflib's SPARQL engine on this library query: ~4 CPU-s
def test_a_library_query_on_an_rdflib_graph(corpus_build: Path) -> None:
    """A named library query on an rdflib graph (the fast loop passes an rdflib graph above)."""
    graph = coopgraph.load_graph(corpus_build)
    assert coopgraph.query(graph, "partners-of-actor", {"actor": "ILO"}).records()[0]["actor"] == "ILO"


def test_query_refuses_a_parameter_the_query_does_not_select(corpus_build: Path) -> None:
    with pytest.raises(coopgraph.QueryError, match=r"param 'o' is not a projected variable"):
        coopgraph.query(corpus_build, "SELECT ?s WHERE { ?s ?p ?o }", {"o": "x"})


def test_to_pandas_gives_a_data_frame_of_python_values(corpus_build: Path) -> None:
    pytest.importorskip("pandas")
    frame = coopgraph.query(corpus_build, "partners-of-actor", {"actor": "ILO"}).to_pandas()
    assert list(frame.columns)[:3] == ["actor", "actorName", "partnerName"]
    assert len(frame) == 12 and set(frame["actorName"]) == {"International Labour Organization"}
    assert frame["year"].tolist()[0] == 2017


def test_to_pandas_without_pandas_names_the_extra(corpus_build: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an install without pandas sees
    result = coopgraph.query(corpus_build, "partners-of-actor", {"actor": "ILO"})
    with pytest.raises(ImportError) as missing:
        result.to_pandas()
    assert str(missing.value) == "to_pandas needs pandas: pip install 'coopgraph[pandas]'"


@pytest.mark.slow
def test_the_example_notebook_runs(capsys: pytest.CaptureFixture[str]) -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, object] = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), namespace)
    result = namespace["result"]
    assert isinstance(result, BuildResult) and len(repr(result)) < 400
    assert result.summary["cooperation_pairs"] == 183
    assert namespace["partners"].records()[0]["actor"] == "ILO"  # type: ignore[attr-defined]
    assert namespace["organised"].records() == [  # type: ignore[attr-defined]
        {"organiser": "GASI", "eventTitle": "Training for Labour Inspectors", "year": 2017}]
    if namespace["frame"] is not None:
        assert "Government Agency for Specialised Inspection" in capsys.readouterr().out
