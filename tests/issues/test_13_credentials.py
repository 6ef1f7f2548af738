"""Issue 13, item 5: error lines never show credentials.

What the issue found: error lines quoted the server's answer, so a
server or proxy that echoes the request put ``Authorization: Basic YWxpY2U6…`` on stderr.

The servers here echo every request header back, in the body of an error, in an answer that is
not SPARQL JSON, and in place of an HTTP status line. An error line must show the status and a
short excerpt of the answer, cleaned of control characters, and nothing matching the user, the
password or the ``Authorization`` value.
"""

from __future__ import annotations

import base64
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopgraph.cli import main

USER, PASSWORD = "alice-analyst", "s3cret-Pa55word/+="
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
NEVER = (USER, PASSWORD, TOKEN, "Basic ", "Authorization: B")


class EchoHeaders(http.server.BaseHTTPRequestHandler):
    """Answers every request with ``status`` and a body of a terminal escape, a NUL and a
    right-to-left override, then the request's headers, then a long tail."""

    status = 500

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = (b"\x1b[31mpwned\x00\xe2\x80\xae " + f"{self.requestline}\r\n{self.headers}".encode()
                + b"x" * 5000)
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST  # noqa: N815
    do_HEAD = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_USER", USER)
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_PASSWORD", PASSWORD)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoHeaders)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


def assert_safe(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("error: "), err
    for secret in NEVER:
        assert secret not in err, f"{secret!r} shown in {err!r}"
    assert err.isprintable() or err[:-1].isprintable()
    assert len(err) < 400


@pytest.mark.parametrize("status", [400, 403, 500, 502])
def test_query_errors_show_the_status_and_no_credentials(
        echo: str, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    EchoHeaders.status = status
    assert main(["query", "who-cooperated-with-whom", "--endpoint", echo]) == 2
    err = capsys.readouterr().err
    assert_safe(err)
    assert err.startswith(f"error: {echo}: HTTP {status}: [31mpwned POST /query HTTP/1.1 ")
    assert "Authorization: [redacted]" in err


def test_push_errors_show_the_status_and_no_credentials(echo: str, corpus_build: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    EchoHeaders.status = 500
    assert main(["push", "--endpoint", echo, "-o", str(corpus_build)]) == 2
    err = capsys.readouterr().err
    assert_safe(err)
    store = echo.replace("/query", "/store")
    assert err.startswith(f"error: {store}: HTTP 500: [31mpwned PUT /store?graph=")


def test_an_echo_that_is_not_json_shows_no_credentials(echo: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    EchoHeaders.status = 200
    assert main(["query", "who-cooperated-with-whom", "--endpoint", echo]) == 2
    err = capsys.readouterr().err
    assert_safe(err)
    assert "the answer is not SPARQL JSON results (it begins: [31mpwned POST /query" in err


def test_an_echo_instead_of_a_status_line_shows_no_credentials(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_USER", USER)
    monkeypatch.setenv("COOPGRAPH_ENDPOINT_PASSWORD", PASSWORD)
    listener = socket.create_server(("127.0.0.1", 0))

    def answer() -> None:
        conn, _ = listener.accept()
        with conn:
            request = conn.recv(65536)
            lines = request.split(b"\r\n")
            auth = next(line for line in lines if line.lower().startswith(b"authorization"))
            conn.sendall(auth + b"\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    try:
        assert main(["query", "who-cooperated-with-whom", "--endpoint", url, "--timeout", "5"]) == 2
    finally:
        listener.close()
    err = capsys.readouterr().err
    assert_safe(err)
    assert err.startswith(f"error: {url}: ")


def test_credentials_in_the_url_are_refused_and_not_shown(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    url = f"http://{USER}:{PASSWORD.replace('/', '%2F')}@127.0.0.1:1/query"
    assert main(["query", "who-cooperated-with-whom", "--endpoint", url]) == 2
    err = capsys.readouterr().err
    assert err == ("error: http://[redacted]@127.0.0.1:1/query: credentials in the URL; set "
                   "COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD instead (a URL shows "
                   "in ps and in logs)\n")
