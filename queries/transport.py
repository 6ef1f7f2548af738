"""One HTTP request to a SPARQL server, bounded in time and size, with errors safe to print.

Why not a socket timeout alone (what SPARQLWrapper and ``urlopen(timeout=)`` give): it bounds
each read, not the request, so a server that sends one byte a second never trips it (issue 13:
``query --timeout 3`` ran for 111 s and ended in a JSONDecodeError traceback; ``push`` ran past
120 s). Here ``timeout`` bounds the whole request, wall-clock: connecting, sending, the status
line, the headers and every byte of the answer. A watchdog shuts the request's sockets down when
the time is up, whatever read they are in (it works on a duplicate of each socket, so it can
never touch a descriptor the process has reused meanwhile). An answer is read up to
``max_bytes`` (512 MB by default), an error answer up to 64 KiB.

Why error lines show only a short, cleaned excerpt of what the server said: the answer comes from
a server (or a proxy) that may be hostile or may echo the request, credentials included. So an
excerpt has its control characters and markup removed, is cut to 200 characters, and has every
``Authorization`` value and every secret the caller names (user, password, header value)
replaced by ``[redacted]``; request headers are never part of a message.

Still urllib underneath, so proxies from the environment (``https_proxy``...), HTTPS
certificate checks and redirects behave as everywhere else in Python; an ``Authorization``
header is never sent on to a redirect's target.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any

from coopgraph.errors import EndpointError
from coopgraph._sanitise import UNPRINTABLE

MB = 1_000_000
DEFAULT_MAX_BYTES = 512 * MB
ERROR_BODY_BYTES = 64 * 1024
EXCERPT_CHARS = 200
SERVE_HINT = "is the server running? try: coopgraph serve"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """A server's answer: status, headers and body (an error status is an answer too)."""

    status: int
    headers: Message
    body: bytes

    def header(self, name: str) -> str:
        """The value of response header ``name``, or ''."""
        return str(self.headers.get(name, "") or "")


class ConnectionClosed(EndpointError):
    """The server closed the connection while the request was being sent or answered."""


def send(url: str, *, method: str, timeout: float, body: bytes | None = None,
         headers: Mapping[str, str] | None = None, authorization: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES, cut: bool = False,
         secrets: Iterable[str] = ()) -> Answer:
    """Send one request and read the whole answer within ``timeout`` seconds, wall-clock.

    An answer longer than ``max_bytes`` raises EndpointError, or with ``cut`` is cut there (for
    answers whose body does not matter). HTTP error statuses are returned, not raised: the caller
    decides (see ``http_error``). ``secrets`` are hidden in any server text an error quotes.
    Raises EndpointError when there is no complete answer in time, the answer is too large, or
    the network fails (ConnectionClosed when the server closed the connection).
    """
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if authorization:
        request.add_unredirected_header("Authorization", authorization)
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
    secrets = tuple(secrets) + ((authorization,) if authorization else ())
    try:
        return _exchange(opener, request, deadline, max_bytes, cut, secrets)
    except EndpointError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _failure(_plain(url), exc, deadline, secrets) from None
    finally:
        deadline.close()


def _exchange(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
              deadline: _Deadline, max_bytes: int, cut: bool, secrets: tuple[str, ...]) -> Answer:
    try:
        response: Any = opener.open(request, timeout=deadline.seconds)
        status = int(response.status)
    except urllib.error.HTTPError as exc:
        response, status = exc, int(exc.code)
    deadline.answered = True
    if status >= 300:
        max_bytes, cut = min(max_bytes, ERROR_BODY_BYTES), True
    try:
        data = _read(response, max_bytes, cut, deadline, _plain(request.full_url))
    finally:
        _close(response)
    if deadline.expired:  # the watchdog cut the answer short: it may look complete
        raise _late(_plain(request.full_url), deadline)
    return Answer(status, response.headers, data)


def _close(response: Any) -> None:
    with contextlib.suppress(Exception):  # an HTTPError without a body has nothing to close
        response.close()


def _read(response: Any, limit: int, cut: bool, deadline: _Deadline, url: str) -> bytes:
    declared = str(response.headers.get("Content-Length", "")).strip()
    if not cut and declared.isdigit() and int(declared) > limit:
        raise _too_large(url, limit, f"it announces {_megabytes(int(declared))} MB")
    chunks: list[bytes] = []
    while True:
        if getattr(response, "fp", True) is None:  # an HTTPError without a body
            break
        chunk = response.read(min(_CHUNK, limit + 1 - deadline.received))
        if not chunk:
            break
        deadline.received += len(chunk)
        if deadline.received > limit:
            if not cut:
                raise _too_large(url, limit, "it goes on past that")
            chunks.append(chunk[: len(chunk) - (deadline.received - limit)])
            break
        chunks.append(chunk)
    return b"".join(chunks)


def http_error(url: str, answer: Answer, secrets: Iterable[str] = (),
               hint: str = "") -> EndpointError:
    """An error status as one line: ``HTTP 502: <short, cleaned excerpt of the answer>``, and
    ``hint`` (what to do) after it."""
    said = excerpt(answer.body, secrets) or _REASONS.get(answer.status, "no message")
    return EndpointError(_plain(url), f"HTTP {answer.status}: {said}" + (f"; {hint}" if hint
                                                                          else ""), answer.status)


_REASONS = {s.value: s.phrase.lower() for s in http.HTTPStatus}


# --- what a server says, made safe to print --------------------------------------------------

_AUTH_LINE = re.compile(r"(?i)((?:proxy-)?authorization)[\"']?\s*[:=]\s*"
                        r"(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|[^\r\n<]*)")
_TAG = re.compile(r"<[^<>]{0,500}>")


def excerpt(body: bytes | str, secrets: Iterable[str] = (), limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``body`` that are safe on a terminal and in a log.

    Every ``Authorization`` value and each of ``secrets`` (and its Basic/URL-encoded forms)
    becomes ``[redacted]``; control and bidirectional-format characters, markup and runs of
    white space become single spaces.
    """
    forms = _secret_forms(secrets)
    # Enough to show `limit` characters after markup is removed, and every secret that starts
    # in it whole (redacted before the text is cut).
    window = 64 * limit + max((len(f) for f in forms), default=0)
    text = body[: 4 * window].decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = text[:window]
    for secret in forms:
        text = text.replace(secret, "[redacted]")
    text = text[: 64 * limit]
    text = _AUTH_LINE.sub(lambda m: f"{m.group(1)}: [redacted]", text)
    text = UNPRINTABLE.sub(" ", _TAG.sub(" ", text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _secret_forms(secrets: Iterable[str]) -> list[str]:
    """Each secret, its URL-encoded forms, what follows the scheme of a header value (the token
    of ``Basic <token>``) and a Digest ``response``: longest first, so that a secret inside
    another is replaced after it."""
    forms: set[str] = set()
    for secret in secrets:
        if not secret:
            continue
        forms.update((secret, secret.partition(" ")[2].strip(),
                      urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret, safe="")))
        forms.update(re.findall(r'response="?([0-9A-Fa-f]{16,})', secret))
    return sorted((f for f in forms if f), key=len, reverse=True)


# --- the watchdog ----------------------------------------------------------------------------

class _Deadline:
    """Shuts down every socket of one request when ``seconds`` have passed since its start."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self.answered = False  # the status line and headers arrived
        self.received = 0  # bytes of the body read so far
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (through a duplicate the watchdog owns)."""
        with self._lock:
            twin = sock.dup()
            self._sockets.append(twin)
            if self.expired:
                _shutdown(twin)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for twin in self._sockets:
                _shutdown(twin)

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            for twin in self._sockets:
                twin.close()
            self._sockets.clear()


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other end
        sock.shutdown(socket.SHUT_RDWR)


def _watched(http_class: Callable[..., http.client.HTTPConnection],
             deadline: _Deadline) -> Callable[..., http.client.HTTPConnection]:
    """``http_class`` whose sockets connect within the time left and are watched."""

    def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = http_class(host, **kwargs)
        create = connection._create_connection  # type: ignore[attr-defined]

        def connect(address: tuple[str, int], timeout: float = deadline.seconds,
                    source_address: tuple[str, int] | None = None) -> socket.socket:
            sock = create(address, min(timeout, deadline.remaining()), source_address)
            deadline.watch(sock)
            return sock  # type: ignore[no-any-return]

        connection._create_connection = connect  # type: ignore[attr-defined]
        return connection

    return make


class _WatchedHandler(urllib.request.AbstractHTTPHandler):
    """Opens connections that the request's deadline watches; mixed into the HTTP and the HTTPS
    handler below (each still says which connection class it opens)."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
        return super().do_open(_watched(http_class, self._deadline), req, **kwargs)


class _HTTPHandler(_WatchedHandler, urllib.request.HTTPHandler):
    pass


class _HTTPSHandler(_WatchedHandler, urllib.request.HTTPSHandler):
    pass


# --- failures as one line --------------------------------------------------------------------

def _failure(url: str, exc: BaseException, deadline: _Deadline,
             secrets: Iterable[str]) -> EndpointError:
    if deadline.expired or isinstance(exc, TimeoutError) or isinstance(
            getattr(exc, "reason", None), TimeoutError):
        return _late(url, deadline)
    reason = getattr(exc, "reason", exc) if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
        return ConnectionClosed(url, f"{_os_reason(reason)}; {SERVE_HINT}")
    if isinstance(reason, http.client.HTTPException):
        said = excerpt(str(reason), secrets, 80)
        return EndpointError(url, f"not an HTTP answer ({type(reason).__name__}"
                                  f"{': ' + said if said else ''})")
    if isinstance(reason, OSError):
        return EndpointError(url, f"{_os_reason(reason)}; {SERVE_HINT}")
    return EndpointError(url, f"{excerpt(str(reason), secrets, 120)}; {SERVE_HINT}")


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or excerpt(str(exc), (), 120) or type(exc).__name__).lower()


def _late(url: str, deadline: _Deadline) -> EndpointError:
    if not deadline.answered:
        return EndpointError(url, f"no answer after {deadline.seconds:g} s; {SERVE_HINT}")
    return EndpointError(url, f"the answer was not complete after {deadline.seconds:g} s "
                              f"({deadline.received:,} bytes arrived); the server is stalled "
                              "or slow: try again later, ask for less, or raise --timeout")


def _too_large(url: str, limit: int, how: str) -> EndpointError:
    return EndpointError(url, f"the answer is larger than {_megabytes(limit)} MB ({how}); ask for "
                              "fewer rows (LIMIT), or raise the bound with --max-response-mb")


def _megabytes(size: int) -> str:
    return f"{size / MB:,.1f}".rstrip("0").rstrip(".")


def _plain(url: str) -> str:
    """``url`` without its query string (a long query text or graph IRI adds nothing)."""
    return url.split("?", 1)[0]


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL without credentials in it; else EndpointError.

    Why refuse ``http://user:password@host/``: the URL shows in ``ps``, in shell history and
    in every error line; credentials belong in COOPGRAPH_ENDPOINT_USER / _PASSWORD.
    """
    try:
        plain = url.isprintable() and not any(ch.isspace() for ch in url)
        parts = urllib.parse.urlsplit(url) if plain else None
        port = parts.port if parts else None
    except ValueError:  # a port that is no number
        parts = port = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        shown = excerpt(url, (), 80) if parts is None else _plain(url)
        raise EndpointError(shown, "not an http(s) URL; give the server's query endpoint, "
                                   "e.g. http://127.0.0.1:7878/query")
    if parts.username is not None or parts.password is not None:
        host = parts.hostname + (f":{port}" if port else "")
        raise EndpointError(f"{parts.scheme}://[redacted]@{host}{parts.path}",
                            "credentials in the URL; set COOPGRAPH_ENDPOINT_USER and "
                            "COOPGRAPH_ENDPOINT_PASSWORD instead (a URL shows in ps and in logs)")
    return url
