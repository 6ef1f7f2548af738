"""``coopgraph serve``: a real SPARQL server (Oxigraph's) over the built graph, on 127.0.0.1.

Why Oxigraph's own server and not a home-made HTTP handler: it speaks the full SPARQL 1.1
Protocol (query ``/query``, update ``/update``, Graph Store ``/store``), is installed with the
project (pip package ``oxigraph``) and is ready in a fraction of a second. The graph is loaded
into an on-disk store inside the build folder (``oxigraph-store/``), rebuilt on each start so it
never serves a stale graph, and served with ``--union-default-graph`` so the library queries
see every named graph, exactly as the embedded backend does.

Read-only unless asked (``oxigraph serve-read-only``): Oxigraph's server has no authentication,
so a writable one lets anyone who reaches the port change or empty the store (issue 13: a
``DROP ALL`` posted to ``/update`` answered 204 and emptied it). With ``writable=True`` it also
takes SPARQL Update at ``/update`` and Graph Store writes (PUT, POST, DELETE) at ``/store``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from coopgraph.errors import EndpointError, InputError
from coopgraph.queries.backends import find_graph_file

STORE_DIR = "oxigraph-store"
DEFAULT_PORT = 7878
DEFAULT_BIND = "127.0.0.1"


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: next to this Python first (a venv), then on PATH.

    Raises InputError with the pip command when it is not installed.
    """
    local = Path(sys.executable).with_name("oxigraph")
    if local.is_file():
        return str(local)
    found = shutil.which("oxigraph")
    if not found:
        raise InputError(None, "the oxigraph server is not installed; run: pip install oxigraph")
    return found


def prepare_store(build_dir: Path | str) -> Path:
    """Load the built graph into a fresh ``oxigraph-store/`` inside ``build_dir``.

    The store is built beside the old one and swapped in, so a failed load keeps the old one.
    Raises InputError when there is no built graph or the loader fails.
    """
    graph_file = find_graph_file(build_dir)
    target = Path(build_dir) / STORE_DIR
    fresh = Path(build_dir) / f".{STORE_DIR}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    cmd = [oxigraph_command(), "load", "--location", str(fresh), "--file", str(graph_file)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        reason = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise InputError(graph_file, f"oxigraph could not load it: {reason}")
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)
    return target


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve`` process; ``stop()`` ends it (also on context exit)."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    log: IO[bytes]
    writable: bool = False
    #: the server's address, and its SPARQL query, SPARQL update and graph store services
    url: str = field(init=False)
    query_url: str = field(init=False)
    update_url: str = field(init=False)
    store_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.url = f"http://{self.host}:{self.port}"
        self.query_url, self.update_url, self.store_url = (
            f"{self.url}/{service}" for service in ("query", "update", "store"))

    def stop(self, timeout: float = 5) -> None:
        """Terminate the server, killing it if it does not stop within ``timeout`` seconds."""
        stop_process(self.process, timeout)
        self.log.close()

    def __enter__(self) -> OxigraphServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def stop_process(process: subprocess.Popen[bytes], timeout: float) -> None:
    """Terminate ``process`` (servers save their state on TERM), kill it if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


def start_server(store_dir: Path | str | None, *, host: str = DEFAULT_BIND,
                 port: int = DEFAULT_PORT, ready_timeout: float = 15,
                 union_default_graph: bool = True, writable: bool = False) -> OxigraphServer:
    """Start Oxigraph's server on ``store_dir`` and wait until it answers.

    Read-only (``oxigraph serve-read-only``) unless ``writable``; a writable server keeps its
    store in memory when ``store_dir`` is None (a read-only one needs a store).
    ``union_default_graph=False`` starts it as a plain ``oxigraph serve`` would be (the default
    graph separate from the named graphs), which is how the tests meet a shared server.
    Raises EndpointError when it exits early (port taken, store locked) or is not ready in time,
    ValueError for a read-only server without a store.
    """
    if store_dir is None and not writable:
        raise ValueError("a read-only server needs a store_dir (an empty one serves nothing)")
    _check_port_free(host, port)
    mode = "serve" if writable else "serve-read-only"
    cmd = [oxigraph_command(), mode, "--bind", f"{host}:{port}"]
    if union_default_graph:
        cmd.append("--union-default-graph")
    if store_dir is not None:
        cmd[2:2] = ["--location", str(store_dir)]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop(); a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    server = OxigraphServer(process, host, port, log, writable)
    try:
        _wait_ready(server, ready_timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _check_port_free(host: str, port: int) -> None:
    """Fail early when something already listens on ``host:port``.

    Why: otherwise the readiness probe is answered by the *other* server while ours exits on
    "address in use", and a user would query somebody else's data believing it was theirs.
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise EndpointError(f"http://{host}:{port}",
                                f"port {port} on {host} is in use ({exc.strerror or exc}; another "
                                "server?); stop it or pass --port N") from None


def _wait_ready(server: OxigraphServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    probe = server.query_url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            server.log.seek(0)
            err = server.log.read().decode("utf-8", "replace")
            last = (err.strip().splitlines() or [f"exit code {server.process.returncode}"])[-1]
            raise EndpointError(server.url, f"oxigraph serve stopped: {last}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as answer:
                if answer.status == 200 and server.process.poll() is None:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise EndpointError(server.url, f"oxigraph serve not ready after {timeout:g} s")
