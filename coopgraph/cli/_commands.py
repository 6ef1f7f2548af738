"""The list of subcommand registrars, in the order ``--help`` shows them.

Each module in this package defines ``register(subparsers)``, adding one or more subcommands
whose ``func`` takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coopgraph.cli import _build, _evaluate, _export, _extract, _push, _query, _serve, _validate, _viz

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

REGISTRARS: list[Registrar] = [
    _build.register,
    _extract.register,
    _evaluate.register,
    _viz.register,
    _validate.register,
    _export.register,
    _query.register,
    _serve.register,
    _push.register,
]
