"""Issue 13, item 6: ``coopgraph serve`` is read-only unless started with ``--writable``.

What the issue found: ``curl -X POST --data-urlencode 'update=DROP
ALL' http://127.0.0.1:7878/update`` answered 204 and emptied the store of a default ``serve``;
a PUT to ``/store`` answered 201. Oxigraph's server has no authentication, so anyone who could
reach the port could change the graph.

Each test starts ``coopgraph serve`` in-process on a copy of the corpus build and a free port,
then writes to it the way the issue did, while it runs.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coopgraph.cli import _serve, main
from coopgraph.queries import EndpointBackend
from coopgraph.queries.server import OxigraphServer
from servers import free_port

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def write_attempts(server: OxigraphServer) -> dict[str, int]:
    """The issue's writes, each with the status it got."""
    attempts = {
        "update DROP ALL": urllib.request.Request(
            server.update_url, data=urllib.parse.urlencode({"update": "DROP ALL"}).encode()),
        "PUT /store": urllib.request.Request(
            server.store_url + "?graph=urn:x", method="PUT", data=b"<urn:a> <urn:b> <urn:c> .",
            headers={"Content-Type": "application/n-triples"}),
        "DELETE /store": urllib.request.Request(server.store_url + "?default", method="DELETE"),
    }
    statuses = {}
    for name, request in attempts.items():
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                statuses[name] = answer.status
        except urllib.error.HTTPError as exc:
            statuses[name] = exc.code
            exc.close()
    return statuses


def triples(server: OxigraphServer) -> int:
    count = EndpointBackend(server.query_url).select(COUNT, {}).rows[0][0]
    return int(count)  # type: ignore[arg-type]


def serve_and(corpus_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              then: Callable[[OxigraphServer], None], *options: str) -> int:
    """Run ``coopgraph serve`` on a copy of the build; ``then`` runs while it serves."""
    build = tmp_path / "build"
    shutil.copytree(corpus_build, build)

    def act_then_stop(server: OxigraphServer) -> None:
        then(server)
        raise KeyboardInterrupt

    monkeypatch.setattr(_serve, "wait_for_server", act_then_stop)
    return main(["serve", "-o", str(build), "--port", str(free_port()), *options])


def test_serve_refuses_writes_by_default(corpus_build: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    seen: dict[str, Any] = {}

    def attack(server: OxigraphServer) -> None:
        seen["before"] = triples(server)
        seen["statuses"] = write_attempts(server)
        seen["after"] = triples(server)

    assert serve_and(corpus_build, tmp_path, monkeypatch, attack) == 0
    assert seen["statuses"] == {"update DROP ALL": 403, "PUT /store": 403, "DELETE /store": 403}
    assert seen["after"] == seen["before"] > 3000
    out = capsys.readouterr().out
    assert out.splitlines()[1] == ("read-only (--writable also takes SPARQL Update and Graph "
                                   "Store writes)")


def test_push_to_a_read_only_serve_says_why(corpus_build: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    codes: list[int] = []

    def push(server: OxigraphServer) -> None:
        codes.append(main(["push", "--endpoint", server.query_url, "-o", str(corpus_build)]))

    assert serve_and(corpus_build, tmp_path, monkeypatch, push) == 0
    assert codes == [2]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ": HTTP 403: " in err
    assert err.rstrip().endswith("; the server takes no writes there (coopgraph serve is "
                                 "read-only without --writable)")


def test_serve_takes_writes_only_with_writable(corpus_build: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    seen: dict[str, object] = {}

    def write(server: OxigraphServer) -> None:
        seen["statuses"] = write_attempts(server)
        seen["after"] = triples(server)

    assert serve_and(corpus_build, tmp_path, monkeypatch, write, "--writable") == 0
    assert seen["statuses"] == {"update DROP ALL": 204, "PUT /store": 201, "DELETE /store": 204}
    assert seen["after"] == 1  # the PUT after DROP ALL
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("writable, by anyone who can reach the port: update ")


def test_writable_says_what_it_opens(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert ("--writable also take writes: SPARQL Update at /update and Graph Store PUT, POST and "
            "DELETE at /store, from anyone who can reach the port, with no password") in help_text
