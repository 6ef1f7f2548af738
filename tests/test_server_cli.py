"""``coopgraph query``, ``serve`` and ``push`` run in-process: exit codes and exact messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coopgraph.cli import _serve, main
from coopgraph.queries import EndpointBackend, run_query
from coopgraph.queries.server import OxigraphServer

from servers import free_port


def test_query_list_shows_every_query_and_its_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "who-cooperated-with-whom" in out and "Partners of an actor" in out
    assert "    --param actor=ILO  (string, required)" in out


def test_query_list_examples_paste_into_a_shell(corpus_build: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Each 'e.g.' line, split as a POSIX shell does, runs and answers rows (issue 15)."""
    import shlex

    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "    --param 'project=STVET 2'  (string, required)" in listing
    examples = [line[len("    e.g. "):] for line in listing.splitlines()
                if line.startswith("    e.g. coopgraph ")]
    assert len(examples) == 12
    for example in examples:
        argv = shlex.split(example)
        assert argv[:2] == ["coopgraph", "query"]
        assert main([*argv[1:], "-o", str(corpus_build)]) == 0, example
        assert "(0 rows)" not in capsys.readouterr().out, example


def test_query_prints_a_table(corpus_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "partners-of-actor", "--param", "actor=ILO", "-o", str(corpus_build)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["actor", "actorName", "partnerName"]
    assert "Government Agency for Specialised Inspection" in out


def test_query_json_on_a_graph_file(corpus_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "events-in-place", "--param", "place=Dornod", "--format", "json",
                 "--graph-file", str(corpus_build / "graph.ttl")])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    titles = {b["eventTitle"]["value"] for b in doc["results"]["bindings"]}
    assert "Field visit of expert team" in titles


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "partners-of-actor"],
     "error: query partners-of-actor needs --param actor=IRI-or-name (list them: coopgraph query --list)"),
    (["query", "partners-of-actor", "--param", "actor"],
     "error: --param needs NAME=VALUE, got 'actor'"),
    (["query"], "error: query needs a NAME (list them: coopgraph query --list)"),
])
def test_query_usage_errors(corpus_build: Path, capsys: pytest.CaptureFixture[str],
                            argv: list[str], message: str) -> None:
    assert main([*argv, "-o", str(corpus_build)]) == 2
    assert capsys.readouterr().err.strip() == message


def test_query_unknown_name(corpus_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "partners", "-o", str(corpus_build)]) == 2
    assert capsys.readouterr().err.startswith("error: unknown query 'partners' (known: ")


def test_query_without_a_build(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["query", "who-cooperated-with-whom"]) == 2
    assert capsys.readouterr().err.strip() == \
        "error: coopgraph-out/graph.ttl: no built graph; run coopgraph build first"


def test_query_unreachable_endpoint(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["query", "who-cooperated-with-whom", "--endpoint", url, "--timeout", "2"]) == 2
    assert capsys.readouterr().err.strip() == \
        f"error: {url}: connection refused; is the server running? try: coopgraph serve"


def test_query_remote_prints_the_same_table(corpus_build: Path, loaded_server: OxigraphServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "actors-engaged-with-subject", "--param", "subject=81",
                 "-o", str(corpus_build)]) == 0
    local = capsys.readouterr().out
    assert main(["query", "actors-engaged-with-subject", "--param", "subject=81",
                 "--endpoint", loaded_server.query_url]) == 0
    assert capsys.readouterr().out == local


def test_push_reports_triples_and_time(corpus_build: Path, loaded_server: OxigraphServer,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["push", "--endpoint", loaded_server.query_url, "-o", str(corpus_build)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("pushed ")
    assert f"to {loaded_server.query_url} by graph store in " in captured.out
    assert captured.err == ""  # the union default graph sees what was sent: no warning


def hidden_graphs_line(url: str) -> str:
    return (f"{url}: the server's default graph is not the union of its named graphs, so "
            "queries find nothing of what push sent; start Oxigraph with `oxigraph serve "
            "--union-default-graph` (coopgraph serve does), or pass --graph IRI to query one "
            "named graph")


def test_push_to_a_server_whose_default_graph_hides_the_named_graphs_says_so(
        corpus_build: Path, plain_oxigraph_server: OxigraphServer,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = plain_oxigraph_server.query_url
    assert main(["push", "--endpoint", url, "-o", str(corpus_build)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("pushed ") and " in 4 graphs to " in captured.out
    assert captured.err == f"warning: {hidden_graphs_line(url)}\n"


def test_empty_answer_from_such_a_server_names_the_fix(
        corpus_build: Path, plain_oxigraph_server: OxigraphServer,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = plain_oxigraph_server.query_url
    assert main(["push", "--endpoint", url, "-o", str(corpus_build)]) == 0
    capsys.readouterr()
    for argv in (["who-cooperated-with-whom"], ["partners-of-actor", "--param", "actor=ILO"]):
        assert main(["query", *argv, "--endpoint", url]) == 0
        captured = capsys.readouterr()
        assert captured.out.rstrip().endswith("(0 rows)")
        assert captured.err == f"note: no rows; {hidden_graphs_line(url)}\n"


def test_default_graph_view_of_both_kinds_of_oxigraph_server(
        corpus_build: Path, plain_oxigraph_server: OxigraphServer,
        loaded_server: OxigraphServer) -> None:
    from coopgraph.queries.default_graph import DefaultGraphView, inspect_default_graph
    from coopgraph.queries.push import push_graph

    assert push_graph(corpus_build, plain_oxigraph_server.query_url).visible is False
    assert push_graph(corpus_build, loaded_server.query_url).visible is True
    assert inspect_default_graph(plain_oxigraph_server.query_url) == DefaultGraphView(False, True)
    assert inspect_default_graph(loaded_server.query_url) == DefaultGraphView(True, True)


def test_push_to_an_unreachable_endpoint(corpus_build: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["push", "--endpoint", "http://127.0.0.1:1/sparql", "-o", str(corpus_build)]) == 2
    assert capsys.readouterr().err.strip() == ("error: http://127.0.0.1:1/sparql: connection "
                                               "refused; is the server running? try: coopgraph serve")


def test_serve_on_a_port_in_use_fails_with_a_clear_message(
        corpus_build: Path, loaded_server: OxigraphServer, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    build = tmp_path / "build"
    shutil.copytree(corpus_build, build)
    port = loaded_server.port
    assert main(["serve", "-o", str(build), "--port", str(port)]) == 2
    captured = capsys.readouterr()
    assert "SPARQL endpoint" not in captured.out
    assert captured.err.startswith(f"error: http://127.0.0.1:{port}: port {port} on 127.0.0.1 is "
                                   "in use (")
    assert captured.err.rstrip().endswith("another server?); stop it or pass --port N")


def test_serve_starts_oxigraph_on_the_build_and_stops_on_ctrl_c(
        corpus_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    build = tmp_path / "build"
    shutil.copytree(corpus_build, build)
    port = free_port()
    answers: list[int] = []

    def ask_then_interrupt(server: OxigraphServer) -> None:
        rows = run_query(EndpointBackend(server.query_url), "who-cooperated-with-whom").records()
        answers.append(len(rows))
        assert any({r["firstName"], r["secondName"]} == {
            "Government Agency for Specialised Inspection", "International Labour Organization"}
            for r in rows)
        raise KeyboardInterrupt

    monkeypatch.setattr(_serve, "wait_for_server", ask_then_interrupt)
    assert main(["serve", "-o", str(build), "--port", str(port)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"SPARQL endpoint: http://127.0.0.1:{port}/query"
    assert out.rstrip().endswith("stopped")
    assert answers and answers[0] > 0
    assert (build / "oxigraph-store").is_dir()


def test_serve_without_a_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "-o", str(tmp_path / "nothing")]) == 2
    assert capsys.readouterr().err.strip() == \
        f"error: {tmp_path}/nothing/graph.ttl: no built graph; run coopgraph build first"


@pytest.mark.parametrize("command", ["query", "serve", "push"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "usage: coopgraph " + command in capsys.readouterr().out


def test_an_empty_answer_for_a_named_actor_gets_a_hint(
        corpus_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "partners-of-actor", "--param", "actor=Nobody", "-o",
                 str(corpus_build)]) == 0
    captured = capsys.readouterr()
    assert captured.out.rstrip().endswith("(0 rows)")
    assert captured.err.strip() == (
        "note: no rows; nothing in the graph is named actor='Nobody' (names, acronyms, aliases "
        "and IRIs match whole, in any case; see coopgraph query organisations-by-category)")
    assert main(["query", "partners-of-actor", "--param", "actor=GASI", "-o",
                 str(corpus_build)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("argv", "hint"), [
    # a place that is in the graph with no event there (the soum Bulgan), any case
    (["events-in-place", "--param", "place=latvia"],
     "note: no rows; place='latvia' names Latvia (place id:place/latvia, listed by coopgraph "
     "query events-in-place), but no row fits it with the other parameters"),
    # a name of the wrong kind of thing
    (["partners-of-actor", "--param", "actor=Dornod"],
     "note: no rows; actor='Dornod' names Dornod (place id:place/dornod, listed by coopgraph "
     "query events-in-place), which is not an organisation or a project"),
    (["project-timeline", "--param", "project=ILO"],
     "note: no rows; project='ILO' names International Labour Organization (organisation "
     "id:organisation/international-labour-organization, listed by coopgraph query "
     "organisations-by-category), which is not a project"),
], ids=["place-without-events", "place-as-actor", "organisation-as-project"])
def test_the_empty_answer_hint_says_what_the_value_names(
        argv: list[str], hint: str, corpus_build: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", *argv, "-o", str(corpus_build)]) == 0
    captured = capsys.readouterr()
    assert captured.out.rstrip().endswith("(0 rows)")
    assert captured.err.strip() == hint
