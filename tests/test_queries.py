"""The query library: strict headers, safe parameters, and real rows on the bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from coopgraph.errors import QueryError
from coopgraph.queries import list_queries, load_query, open_backend, run_query
from coopgraph.queries.backends import OxigraphBackend
from coopgraph.queries.library import bind_params, load_query_file

ID = "https://w3id.org/coopgraph/id/"
ISSUE_QUESTIONS = {
    "who-cooperated-with-whom", "partners-of-actor", "evidence-between-actors", "events-in-place",
    "events-by-type-and-status", "actors-engaged-with-subject", "project-timeline",
    "people-and-affiliations", "most-connected-actors", "actors-in-several-aimags",
    "projects-funders-implementers", "organisations-by-category",
}


@pytest.fixture(scope="module")
def backend(corpus_build: Path):  # type: ignore[no-untyped-def]
    b = open_backend(corpus_build)
    yield b
    b.close()


def records(backend, name, **params):  # type: ignore[no-untyped-def]
    return run_query(backend, name, params).records()


# --- the library and its headers ---------------------------------------------------------------

def test_library_has_the_twelve_questions_with_titles_and_examples() -> None:
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= ISSUE_QUESTIONS
    for q in queries.values():
        assert q.title and q.description
        assert all(p.example for p in q.params)
    assert [p.name for p in queries["evidence-between-actors"].params] == ["actor", "partner"]
    assert queries["events-in-place"].param("from").default == "1900"  # type: ignore[union-attr]


def write_rq(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.rq"
    path.write_text(text, encoding="utf-8")
    return path


QUERY_BODY = "SELECT ?actor ?x WHERE { ?x ?p ?actor }\n"


@pytest.mark.parametrize(("header", "line", "message"), [
    ("#+ title: T\n#+ parm: actor\n", 2, "unknown header key 'parm' (expected title, description, param)"),
    ("#+ title: T\n#+ description: D\n#+ param: actor | string | required | ILO\n", 3,
     "param needs 5 fields"),
    ("#+ title: T\n#+ description: D\n#+ param: actor | text | required | ILO | d\n", 3,
     "param actor: unknown type 'text'"),
    ("#+ title: T\n#+ description: D\n#+ param: actor | string | optional | ILO | d\n", 3,
     "third field must be 'required' or 'default=VALUE'"),
    ("#+ title: T\n#+ description: D\n#+ param: n | integer | default=x | 2 | d\n", 3,
     "'x' is not an integer"),
    ("#+ title: T\n#+ description: D\n#+ param: nope | string | required | a | d\n", 3,
     "param 'nope' is not a projected variable"),
    ("#+ title: T\n#+title only\n", 2, "malformed header line"),
])
def test_broken_header_names_file_and_line(tmp_path: Path, header: str, line: int,
                                           message: str) -> None:
    path = write_rq(tmp_path, header + QUERY_BODY)
    with pytest.raises(QueryError) as err:
        load_query_file(path)
    assert err.value.file == str(path) and err.value.line == line
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_parameter_must_be_grouped_when_the_query_aggregates(tmp_path: Path) -> None:
    path = write_rq(tmp_path, "#+ title: T\n#+ description: D\n"
                    "#+ param: actor | string | required | a | d\n"
                    "SELECT ?actor (COUNT(?x) AS ?n) WHERE { ?x ?p ?actor } GROUP BY ?x\n")
    with pytest.raises(QueryError, match="param 'actor' must be in GROUP BY") as err:
        load_query_file(path)
    assert err.value.line == 3


def test_sparql_syntax_error_is_a_query_error(tmp_path: Path) -> None:
    path = write_rq(tmp_path, "#+ title: T\n#+ description: D\nSELECT ?x WHERE { ?x ?p }\n")
    with pytest.raises(QueryError, match="SPARQL syntax error") as err:
        load_query_file(path)
    assert err.value.file == str(path)


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"unknown query 'partners' \(known: .*partners-of-actor"):
        load_query("partners")
    with pytest.raises(QueryError, match="unknown query"):
        load_query("../pyproject")


def test_parameters_become_typed_terms_and_are_checked() -> None:
    q = load_query("events-in-place")
    bound = bind_params(q, {"place": "Dornod", "from": "2017"})
    assert bound == {"place": Literal("Dornod"), "from": Literal(2017), "to": Literal(2100)}
    with pytest.raises(QueryError, match="parameter from: 'soon' is not an integer"):
        bind_params(q, {"place": "Dornod", "from": "soon"})
    with pytest.raises(QueryError, match="query events-in-place has no parameter 'aimag' "
                                         "\\(parameters: place, from, to\\)"):
        bind_params(q, {"aimag": "Dornod"})
    with pytest.raises(QueryError) as err:
        bind_params(load_query("partners-of-actor"), {})
    assert str(err.value) == ("query partners-of-actor needs --param actor=IRI-or-name "
                              "(list them: coopgraph query --list)")


# --- expected rows on the bundled corpus --------------------------------------------------------

def test_who_cooperated_with_whom_has_the_gasi_ilo_pair_most_first(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "who-cooperated-with-whom")
    pair = [r for r in rows if {r["firstName"], r["secondName"]} == {
        "Government Agency for Specialised Inspection", "International Labour Organization"}]
    assert len(pair) == 1 and pair[0]["events"] == 2 and pair[0]["firstYear"] == 2017
    weights = [r["events"] for r in rows]
    assert weights == sorted(weights, reverse=True)
    assert rows[0]["events"] > 1


def test_partners_of_ilo_by_acronym_name_and_iri_agree(backend) -> None:  # type: ignore[no-untyped-def]
    by_acronym = records(backend, "partners-of-actor", actor="ilo")
    partners = {r["partnerName"] for r in by_acronym}
    assert {"Government Agency for Specialised Inspection",
            "Ministry of Labour and Social Protection"} <= partners
    gasi = {(r["eventTitle"], r["actorRole"], r["partnerRole"]) for r in by_acronym
            if r["partnerName"] == "Government Agency for Specialised Inspection"}
    assert ("Training for Labour Inspectors", "supporter", "organiser") in gasi
    iri = by_acronym[0]["event"] and next(
        r for r in records(backend, "who-cooperated-with-whom")
        if r["firstName"] == "International Labour Organization"
        or r["secondName"] == "International Labour Organization")
    ilo_iri = iri["first"] if iri["firstName"] == "International Labour Organization" else iri["second"]
    by_iri = records(backend, "partners-of-actor", actor=ilo_iri)
    by_name = records(backend, "partners-of-actor", actor="International Labour Organization")
    strip = lambda rows: sorted((r["partner"], r["event"], r["actorRole"], r["partnerRole"]) for r in rows)  # noqa: E731
    assert strip(by_iri) == strip(by_name) == strip(by_acronym)


def test_evidence_between_gasi_and_ilo_quotes_the_document(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "evidence-between-actors", actor="GASI", partner="ILO")
    training = [r for r in rows if r["eventTitle"] == "Training for Labour Inspectors"]
    assert training and training[0]["actorRole"] == "organiser"
    assert training[0]["partnerRole"] == "supporter"
    assert "organized 2 day training for Labour inspectors" in training[0]["quote"]
    assert training[0]["document"] == "secim-labour-policy-news.txt"


def test_events_in_dornod_include_planned_events(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "events-in-place", place="Dornod")
    assert {r["venueName"] for r in rows} == {"Dornod"}
    assert "planned" in {r["status"] for r in rows}
    assert any(r["eventTitle"] == "Field visit of expert team" and str(r["start"]) == "2017-12-04"
               for r in rows)
    # a period that excludes 2017 drops the dated field visit but keeps the undated events
    later = records(backend, "events-in-place", place="dornod", **{"from": "2018"})
    assert "Field visit of expert team" not in {r["eventTitle"] for r in later}
    assert len(later) == len(rows) - 1


def test_an_aimag_includes_its_soums(backend) -> None:  # type: ignore[no-untyped-def]
    selenge = records(backend, "events-in-place", place="Selenge")
    venues = {r["venueName"] for r in selenge}
    assert "Selenge" in venues
    soums = records(backend, "events-in-place", place="Sukhbaatar")
    assert {r["event"] for r in soums} <= {r["event"] for r in selenge}


def test_planned_trainings(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "events-by-type-and-status", type="training", status="planned")
    assert rows and {(r["type"], r["status"]) for r in rows} == {("training", "planned")}
    assert "Training for TVET teachers" in {r["eventTitle"] for r in rows}
    everything = records(backend, "events-by-type-and-status")
    assert {"completed", "planned"} <= {r["eventStatus"] for r in everything}
    assert {(r["eventType"], r["eventStatus"]) for r in rows} == {("training", "planned")}


@pytest.mark.parametrize("subject", ["81", "C81", "Labour Inspection Convention, 1947 (No. 81)"])
def test_actors_engaged_with_convention_81(backend, subject: str) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "actors-engaged-with-subject", subject=subject)
    actors = {r["actorName"] for r in rows}
    assert {"Government Agency for Specialised Inspection", "International Labour Organization"} <= actors
    assert {r["subjectName"] for r in rows} == {"Labour Inspection Convention, 1947 (No. 81)"}
    assert ("Government Agency for Specialised Inspection", "organiser") in {
        (r["actorName"], r["role"]) for r in rows}


def test_stvet2_timeline_is_in_date_order(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "project-timeline", project="STVET 2")
    starts = [str(r["start"]) for r in rows if r["start"] is not None]
    assert starts and starts == sorted(starts)
    assert rows[0]["eventTitle"] == "SECiM team's first field visit to Selenge aimag"


def test_people_and_affiliations(backend) -> None:  # type: ignore[no-untyped-def]
    rows = {r["personName"]: r for r in records(backend, "people-and-affiliations")}
    assert rows["Agrita Groza"]["roleTitle"] == "Team leader"
    assert rows["Agrita Groza"]["organisationName"] == "Support to Employment Creation in Mongolia"
    assert rows["Kieran Best"]["organisationName"] == "International Organization for Migration"


def test_most_connected_international_actors(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "most-connected-actors", category="international")
    assert {r["actorCategory"] for r in rows} == {"international"}
    ilo = next(r for r in rows if r["actorName"] == "International Labour Organization")
    assert ilo["events"] == 3 and ilo["degree"] >= 4
    degrees = [r["degree"] for r in rows]
    assert degrees == sorted(degrees, reverse=True)


def test_actors_in_several_aimags(backend) -> None:  # type: ignore[no-untyped-def]
    rows = records(backend, "actors-in-several-aimags")
    secim = {r["aimagName"] for r in rows if r["actorName"] == "Support to Employment Creation in Mongolia"}
    assert {"Selenge", "Dornod", "Zavkhan"} <= secim
    assert all(r["aimags"] >= 2 for r in rows)
    assert len(records(backend, "actors-in-several-aimags", minimum="100")) == 0


def test_projects_funders_implementers(backend) -> None:  # type: ignore[no-untyped-def]
    rows = {(r["projectName"], r["relation"], r["actorName"])
            for r in records(backend, "projects-funders-implementers")}
    assert ("Youth employment project of SDC", "funded by",
            "Swiss Agency for Development and Cooperation") in rows


def test_organisations_by_category(backend) -> None:  # type: ignore[no-untyped-def]
    donors = records(backend, "organisations-by-category", category="donor")
    assert {r["organisationCategory"] for r in donors} == {"donor"}
    assert "European Union" in {r["organisationName"] for r in donors}
    every = records(backend, "organisations-by-category")
    assert {"government", "international", "donor"} <= {r["organisationCategory"] for r in every}


# --- hostile parameter values -----------------------------------------------------------------

HOSTILE = ['"', "}", "#", "\n", "DROP ALL", "'", 'ILO" } ; DROP ALL ; SELECT * WHERE { "',
           "ILO\n} #", "\\", '"""', "<http://x>", "?actor"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_match_only_as_literals(backend, value: str) -> None:  # type: ignore[no-untyped-def]
    size = len(backend.store)
    result = run_query(backend, "partners-of-actor", {"actor": value})
    assert result.rows == ()
    assert result.columns[0] == "actor"
    assert len(backend.store) == size


def test_results_formats(backend) -> None:  # type: ignore[no-untyped-def]
    result = run_query(backend, "evidence-between-actors", {"actor": "GASI", "partner": "ILO"})
    doc = json.loads(result.to_json())
    assert doc["head"]["vars"] == list(result.columns)
    first = doc["results"]["bindings"][0]
    assert first["actor"] == {"type": "literal", "value": "GASI"}
    assert first["year"] == {"type": "literal", "value": "2017",
                             "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["event"]["type"] == "uri"
    csv_lines = result.to_csv().splitlines()
    assert csv_lines[0] == ",".join(result.columns)
    assert result.to_tsv().splitlines()[0] == "\t".join(result.columns)
    md = result.to_markdown().splitlines()
    assert md[0].startswith("| actor | partner |") and len(md) == len(result) + 2
    table = result.to_table()
    assert table.rstrip().endswith(f"({len(result)} rows)")
    assert all(len(line) < 600 for line in table.splitlines())
    assert isinstance(result.rows[0][-1], URIRef)


def test_table_fits_a_terminal_by_leaving_out_iri_columns(backend: OxigraphBackend) -> None:
    result = run_query(backend, "who-cooperated-with-whom")
    full = result.to_table()
    assert max(len(line) for line in full.splitlines()) > 100
    fitted = result.to_table(width=100)
    lines = fitted.splitlines()
    assert lines[0].split() == ["firstName", "secondName", "events", "firstYear", "lastYear"]
    assert all(len(line) <= 100 for line in lines[:-1])
    assert lines[-1] == (f"({len(result)} rows; IRI columns first, second left out to fit the "
                         "terminal: --format csv shows all)")
    assert len(lines) == len(result) + 3
    assert result.format("table", width=None) == full
