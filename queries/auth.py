"""Endpoint credentials from the environment, as an HTTP ``Authorization`` header value.

COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD hold the credentials (never command-line
arguments, which show in ``ps``); COOPGRAPH_ENDPOINT_AUTH picks ``basic`` (the default: sent
with every request) or ``digest`` (Virtuoso's ``/sparql-auth`` and ``/sparql-graph-crud-auth``).

Why Digest is signed here before a request is sent, and not by urllib's HTTPDigestAuthHandler
(which answers the 401 of the real request): Virtuoso answers 401 before reading a large body
and closes the connection, so an unsigned graph upload ends in a broken pipe instead of a 401;
and a process-wide urllib opener (what SPARQLWrapper's Digest mode installed) would change every
other request of the process. A body-less HEAD fetches the challenge and a signed HEAD checks the
credentials, so a wrong password is an HTTP 401 with a hint, whatever the request. Every request
here goes through coopgraph.queries.transport (bounded in time, errors free of credentials);
``secret_values`` names what its error lines must never show.
"""

from __future__ import annotations

import base64
import os
import urllib.request

from coopgraph.errors import EndpointError
from coopgraph.queries.transport import send

ENV_USER = "COOPGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "COOPGRAPH_ENDPOINT_PASSWORD"
ENV_AUTH = "COOPGRAPH_ENDPOINT_AUTH"
AUTH_SCHEMES: tuple[str, ...] = ("basic", "digest")


def auth_scheme(url: str) -> str:
    """``basic`` or ``digest`` from COOPGRAPH_ENDPOINT_AUTH (default: basic).

    Raises EndpointError for any other value.
    """
    scheme = os.environ.get(ENV_AUTH, "").strip().lower() or "basic"
    if scheme not in AUTH_SCHEMES:
        raise EndpointError(url, f"{ENV_AUTH} must be basic or digest, not {scheme!r}")
    return scheme


def authorization(url: str, method: str, timeout: float) -> str | None:
    """The ``Authorization`` value for one ``method`` request to ``url``, or None.

    None without COOPGRAPH_ENDPOINT_USER, or when a Digest server asks for no authentication
    at ``url``. Raises EndpointError (HTTP 401 with a hint) when the server refuses the Digest
    credentials, for a bad COOPGRAPH_ENDPOINT_AUTH, or when the server does not answer the
    challenge request within ``timeout`` seconds.
    """
    user = os.environ.get(ENV_USER)
    if not user:
        return None
    password = os.environ.get(ENV_PASSWORD, "")
    if auth_scheme(url) == "basic":
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    status, challenge = head(url, None, timeout)
    scheme, _, fields = challenge.partition(" ")
    if status != 401 or scheme.lower() != "digest":
        return None
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, user, password)
    handler = urllib.request.HTTPDigestAuthHandler(passwords)
    chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(fields))

    def sign(request: urllib.request.Request) -> str:
        return f"Digest {handler.get_authorization(request, chal) or ''}"

    check = sign(urllib.request.Request(url, method="HEAD"))
    if head(url, check, timeout)[0] == 401:
        raise unauthorized(url, challenge, check)
    return sign(urllib.request.Request(url, method=method))


def head(url: str, authorization: str | None, timeout: float) -> tuple[int, str]:
    """Status and ``WWW-Authenticate`` header of a HEAD request, within ``timeout`` seconds.

    An HTTP error is an answer too (a Graph Store may not implement HEAD). Raises
    EndpointError when the server does not answer in time or cannot be reached.
    """
    answer = send(url, method="HEAD", timeout=timeout, authorization=authorization,
                  cut=True, secrets=secret_values())
    return answer.status, answer.header("WWW-Authenticate")


def secret_values(authorization: str | None = None) -> tuple[str, ...]:
    """What an error line must never show: the configured user and password, and the
    ``Authorization`` value sent (see coopgraph.queries.transport.excerpt)."""
    found = (os.environ.get(ENV_USER, ""), os.environ.get(ENV_PASSWORD, ""), authorization or "")
    return tuple(s for s in found if s)


def unauthorized(url: str, challenge: str, authorization: str | None) -> EndpointError:
    """HTTP 401 as an EndpointError that says which environment variable to set or check."""
    if not authorization:
        hint = f"set {ENV_USER} and {ENV_PASSWORD}"
    elif authorization.lower().startswith("basic") and challenge.lower().startswith("digest"):
        hint = f"the server asks for HTTP Digest: set {ENV_AUTH}=digest"
    else:
        hint = f"check {ENV_USER} and {ENV_PASSWORD}"
    return EndpointError(url.split("?", 1)[0], f"HTTP 401: unauthorized; {hint}", 401)
