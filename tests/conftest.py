"""Shared pytest options and fixtures (keep small; add yours below)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.ttl from the current output instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (pytest --update-golden)."""
    return bool(request.config.getoption("--update-golden"))

from servers import (corpus_build, corpus_records, loaded_server,  # noqa: E402,F401  (tests/servers.py)
                     oxigraph_server, plain_oxigraph_server)
