"""Real SPARQL servers for tests, on 127.0.0.1 and free ports: Oxigraph's ``oxigraph serve``
and OpenLink Virtuoso 7 (``virtuoso-t``, Debian package ``virtuoso-opensource``, installed by
.ci/install-virtuoso).

Also the graph built from the bundled corpus (extract → build_graph → save_graph), the input of
every query test. Imported by tests/conftest.py, so the fixtures are available everywhere.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from coopgraph.queries.results import QueryResult
from coopgraph.records import ExtractionRecord
from coopgraph.queries.server import OxigraphServer, start_server, stop_process


def row_keys(result: QueryResult, *, ordered: bool = False) -> list[tuple[str, ...]]:
    """Each row as the N-Triples forms of its terms ('' when unbound), sorted unless ``ordered``.

    N-Triples forms keep datatype and language, so ``"2017"^^xsd:integer`` and ``"2017"`` stay
    different; the only normalisation is the backends' own (plain = xsd:string, RDF 1.1).
    """
    keys = [tuple("" if v is None else v.n3() for v in row) for row in result.rows]
    return keys if ordered else sorted(keys)


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def corpus_records() -> tuple[ExtractionRecord, ...]:
    """The bundled corpus as ``extract()`` reads it (full reading), once per test process.

    Why shared: a dozen modules need these records and each extraction costs ~0.6 CPU-s; the
    records are frozen dataclasses, so no test can change them for another."""
    from coopgraph.extraction import extract

    return tuple(extract())


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory,
                 corpus_records: tuple[ExtractionRecord, ...]) -> Path:
    """A build folder with graph.ttl and graph.trig built from the bundled corpus."""
    from coopgraph.graph import build_graph, save_graph

    out = tmp_path_factory.mktemp("corpus-build")
    save_graph(build_graph(list(corpus_records)), out)
    return out


@pytest.fixture(scope="session")
def oxigraph_server() -> Iterator[OxigraphServer]:
    """An empty, writable, in-memory Oxigraph server (union default graph), stopped after the
    session."""
    server = start_server(None, host="127.0.0.1", port=free_port(), writable=True)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def plain_oxigraph_server() -> Iterator[OxigraphServer]:
    """An empty in-memory ``oxigraph serve`` without --union-default-graph, as a team's shared
    server is often started: its default graph is not the union of the named graphs."""
    server = start_server(None, host="127.0.0.1", port=free_port(), union_default_graph=False,
                          writable=True)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def loaded_server(oxigraph_server: OxigraphServer, corpus_build: Path) -> OxigraphServer:
    """The server with the bundled corpus graph pushed into it (Graph Store protocol)."""
    from coopgraph.queries.push import push_graph

    push_graph(corpus_build, oxigraph_server.query_url)
    return oxigraph_server


# --- Virtuoso 7 ----------------------------------------------------------------------------

# ResultSetMaxRows and MaxSortedTopRows in the test ini: small, so that tests exceed them, and
# equal, as Virtuoso's defaults are (10,000 each), so paging must avoid a sorted OFFSET (SR353).
VIRTUOSO_ROW_CAP = 50
VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
DisableTcpSocket   = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = ., {dir}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
ThreadsPerQuery    = 2
MaxSortedTopRows   = {row_cap}

[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {dir}/www
MaxClientConnections = 5
ServerThreads      = 5
Charset            = UTF-8

[SPARQL]
ResultSetMaxRows   = {row_cap}
MaxQueryExecutionTime      = 60
MaxQueryCostEstimationTime = 400
"""


@dataclass
class VirtuosoServer:
    """A running ``virtuoso-t +foreground`` with its own database folder and dba password."""

    process: subprocess.Popen[bytes]
    http_port: int
    sql_port: int
    folder: Path
    password: str
    started_in: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        """Anonymous, read-only SPARQL endpoint."""
        return f"{self.url}/sparql"

    @property
    def auth_url(self) -> str:
        """SPARQL query and update endpoint behind HTTP Digest authentication."""
        return f"{self.url}/sparql-auth"

    @property
    def store_url(self) -> str:
        """Graph Store HTTP Protocol endpoint behind HTTP Digest authentication."""
        return f"{self.url}/sparql-graph-crud-auth"

    def log_tail(self, lines: int = 5) -> str:
        log = self.folder / "virtuoso.log"
        text = log.read_text("utf-8", "replace") if log.is_file() else ""
        return " | ".join(text.strip().splitlines()[-lines:])

    def stop(self, timeout: float = 20) -> None:
        """Terminate (Virtuoso checkpoints and exits on TERM), kill if it does not stop in time."""
        stop_process(self.process, timeout)


def virtuoso_commands() -> tuple[str, str] | None:
    """Paths of ``virtuoso-t`` and its isql client (``isql-vt`` on Debian), or None."""
    server = shutil.which("virtuoso-t") or (
        "/usr/bin/virtuoso-t" if Path("/usr/bin/virtuoso-t").is_file() else None)
    isql = shutil.which("isql-vt") or shutil.which("isql-v")
    return (server, isql) if server and isql else None


REQUIRE_VIRTUOSO_ENV = "COOPGRAPH_REQUIRE_VIRTUOSO"


def require_virtuoso() -> None:
    """Skip the calling test when Virtuoso is missing, or fail under COOPGRAPH_REQUIRE_VIRTUOSO=1."""
    if virtuoso_commands() is not None:
        return
    reason = ("Virtuoso 7 is not installed (no virtuoso-t/isql-vt on PATH); "
              "install it with .ci/install-virtuoso")
    if os.environ.get(REQUIRE_VIRTUOSO_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_VIRTUOSO_ENV}=1)", pytrace=False)
    pytest.skip(reason)


def start_virtuoso(folder: Path, *, ready_timeout: float = 90) -> VirtuosoServer:
    """Write a private virtuoso.ini into ``folder``, start Virtuoso and wait until it answers.

    Then replace the default dba/dba password with a random one (sent on isql's standard input,
    so it never shows in ``ps``). Raises RuntimeError when the server stops or is not ready in
    ``ready_timeout`` seconds (the first start creates the database: ~7 s here).
    """
    commands = virtuoso_commands()
    assert commands is not None
    server_cmd, isql = commands
    (folder / "www").mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port,
                                       row_cap=VIRTUOSO_ROW_CAP), "utf-8")
    started = time.monotonic()
    out = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([server_cmd, "+foreground", "+configfile", str(ini)],
                               cwd=folder, stdout=out, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    out.close()
    server = VirtuosoServer(process, http_port, sql_port, folder, secrets.token_hex(16))
    try:
        _wait_virtuoso(server, started + ready_timeout)
        _set_dba_password(server, isql, started + ready_timeout)
    except BaseException:
        server.stop()
        raise
    server.started_in = time.monotonic() - started
    return server


def _wait_virtuoso(server: VirtuosoServer, deadline: float) -> None:
    probe = server.query_url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {server.process.returncode}: "
                               f"{server.log_tail()}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"virtuoso not ready on {server.url}: {server.log_tail()}")


def _set_dba_password(server: VirtuosoServer, isql: str, deadline: float) -> None:
    # A hex password needs no quoting in Virtuoso SQL (isql read "a-b" as an expression).
    script = f"USER_SET_PASSWORD('dba', '{server.password}');\nEXIT;\n".encode()
    while True:
        done = subprocess.run([isql, f"127.0.0.1:{server.sql_port}", "dba", "dba"], input=script,
                              capture_output=True, timeout=30, check=False)
        text = (done.stdout + done.stderr).decode("utf-8", "replace")
        if done.returncode == 0 and "Error" not in text:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"could not change the dba password: {' '.join(text.split())[-300:]}")
        time.sleep(0.5)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """An empty Virtuoso 7 (result cap VIRTUOSO_ROW_CAP rows), stopped after the session.

    Skipped, with the reason shown in pytest's summary, only when Virtuoso is not installed
    (.ci/install-virtuoso installs it); a failure instead under ``COOPGRAPH_REQUIRE_VIRTUOSO=1``,
    which .ci/run sets so that CI runs them.
    """
    require_virtuoso()
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()
