"""Issue 13, item 4: ``--timeout`` bounds a whole request, and an answer's size is bounded.

What the issue found: the timeout was a socket timeout, which bounds
each read: with ``--timeout 3``, a server sending one byte a second kept ``query`` running for
111 s (then a JSONDecodeError traceback), and ``push`` past 120 s; nothing bounded how much of
an answer was read.

The servers here are tiny local ones, started by each test on 127.0.0.1: one that sends its
answer one byte a second, one that never stops sending. Each gives up after DRIP_LIMIT seconds,
so that a client without a whole-request deadline fails these tests instead of hanging them.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coopgraph.cli import main
from coopgraph.errors import EndpointError
from coopgraph.queries import EndpointBackend

DRIP_LIMIT = 12.0
RESULTS = (b'{"head": {"vars": ["a"]}, "results": {"bindings": [{"a": {"type": "uri", '
           b'"value": "urn:a"}}, {"a": {"type": "uri", "value": "urn:b"}}]}}')


def http_answer(body: bytes, *, status: str = "200 OK", length: int | None = None,
                extra: str = "") -> bytes:
    size = len(body) if length is None else length
    return (f"HTTP/1.1 {status}\r\nContent-Type: application/sparql-results+json\r\n"
            f"Content-Length: {size}\r\n{extra}Connection: close\r\n\r\n").encode() + body


#: How a test server answers one request: (bytes sent at once, bytes sent one a second).
Reply = Callable[[bytes], tuple[bytes, bytes]]


class SlowServer:
    """A TCP server on 127.0.0.1 that reads each HTTP request whole, then answers as ``reply``
    says: some bytes at once, then the rest one byte a second (for at most DRIP_LIMIT s)."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.stopped = threading.Event()
        self.requests: list[bytes] = []
        self.arrivals: list[float] = []  # when each connection came (time.monotonic)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/query"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.arrivals.append(time.monotonic())
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        started = time.monotonic()
        with conn:
            try:
                request = read_request(conn)
                self.requests.append(request)
                at_once, dripped = self.reply(request)
                conn.sendall(at_once)
                for i in range(len(dripped)):
                    if self.stopped.wait(1.0) or time.monotonic() - started > DRIP_LIMIT:
                        return
                    conn.sendall(dripped[i:i + 1])
            except OSError:
                return  # the client gave up: what these tests want

    def stop(self) -> None:
        self.stopped.set()
        self.listener.close()


def read_request(conn: socket.socket) -> bytes:
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@pytest.fixture
def serve() -> Iterator[Callable[[Reply], SlowServer]]:
    started: list[SlowServer] = []

    def start(reply: Reply) -> SlowServer:
        started.append(SlowServer(reply))
        return started[-1]

    yield start
    for server in started:
        server.stop()


DRIPS: dict[str, Reply] = {
    "from the status line on": lambda request: (b"", http_answer(RESULTS)),
    "after the headers": lambda request: (http_answer(RESULTS)[:-len(RESULTS)], RESULTS),
}


def run_timed(argv: list[str], server: SlowServer) -> tuple[int, float]:
    """The exit code, and the seconds from the request's arrival to the command's end (what
    came before, such as loading the graph to push, is not the request's)."""
    code = main(argv)
    ended = time.monotonic()
    assert server.arrivals, "the command never reached the server"
    return code, ended - server.arrivals[0]


@pytest.mark.slow  # waits out a real 3 s timeout
@pytest.mark.parametrize("drip", list(DRIPS))
def test_query_on_a_dripping_server_ends_after_its_timeout(
        serve: Callable[[Reply], SlowServer], drip: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    server = serve(DRIPS[drip])
    code, took = run_timed(["query", "who-cooperated-with-whom", "--endpoint", server.url,
                            "--timeout", "3"], server)
    err = capsys.readouterr().err
    assert code == 2
    assert 2.5 < took < 5, f"took {took:.1f} s"
    assert err.count("\n") == 1 and err.startswith(f"error: {server.url}: ")
    assert "after 3 s" in err


@pytest.mark.slow  # waits out a real 3 s timeout
@pytest.mark.parametrize("drip", list(DRIPS))
def test_push_to_a_dripping_server_ends_after_its_timeout(
        serve: Callable[[Reply], SlowServer], drip: str, corpus_build: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server = serve(DRIPS[drip])
    code, took = run_timed(["push", "--endpoint", server.url, "--timeout", "3",
                            "-o", str(corpus_build)], server)
    err = capsys.readouterr().err
    assert code == 2
    assert 2.5 < took < 5, f"took {took:.1f} s"
    store = server.url.replace("/query", "/store")
    assert err.count("\n") == 1 and err.startswith(f"error: {store}: ")
    assert "after 3 s" in err


@pytest.mark.slow  # waits out a real 3 s timeout
def test_paging_past_a_row_cap_is_bounded_per_request(
        serve: Callable[[Reply], SlowServer]) -> None:
    """The first answer comes at once and reports a cap of 2 rows; the count query that paging
    starts with drips. Each request has its own bound: the whole call ends ~3 s later."""

    def reply(request: bytes) -> tuple[bytes, bytes]:
        if b"COUNT" in request:
            return b"", http_answer(RESULTS)
        return http_answer(RESULTS, extra="X-SPARQL-MaxRows: 2\r\n"), b""

    server = serve(reply)
    with pytest.raises(EndpointError) as err:
        EndpointBackend(server.url, timeout=3).select("SELECT ?a WHERE { ?a ?p ?o }", {})
    took = time.monotonic() - server.arrivals[0]
    assert 2.5 < took < 5, f"took {took:.1f} s"
    assert str(err.value) == (f"{server.url}: no answer after 3 s; is the server running? "
                              "try: coopgraph serve")
    assert len(server.requests) == 2


def test_an_answer_past_the_size_bound_is_refused(serve: Callable[[Reply], SlowServer],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    big = b'{"head": {"vars": ["a"]}, "results": {"bindings": [' + b" " * 3_000_000 + b"]}}"
    server = serve(lambda request: (http_answer(big), b""))
    assert main(["query", "who-cooperated-with-whom", "--endpoint", server.url,
                 "--max-response-mb", "1"]) == 2
    assert capsys.readouterr().err == (
        f"error: {server.url}: the answer is larger than 1 MB (it announces 3 MB); ask for "
        "fewer rows (LIMIT), or raise the bound with --max-response-mb\n")
    # Without a Content-Length (or with a false one) the bound holds while reading.
    liar = serve(lambda request: (http_answer(big, length=100)[:-len(big)]
                                  .replace(b"Content-Length: 100\r\n", b"") + big, b""))
    with pytest.raises(EndpointError, match=r"larger than 1 MB \(it goes on past that\)"):
        EndpointBackend(liar.url, max_bytes=1_000_000).select("SELECT ?a WHERE { ?a ?p ?o }", {})
    assert EndpointBackend(liar.url).select("SELECT ?a WHERE { ?a ?p ?o }", {}).rows == ()


def test_an_answer_that_is_not_json_is_one_line(serve: Callable[[Reply], SlowServer],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    server = serve(lambda request: (http_answer(b"<html><body>\x1b[31mMaintenance</body></html>"),
                                    b""))
    assert main(["query", "who-cooperated-with-whom", "--endpoint", server.url]) == 2
    assert capsys.readouterr().err == (f"error: {server.url}: the answer is not SPARQL JSON "
                                       "results (it begins: [31mMaintenance)\n")
