"""The subcommands, in the order ``--help`` shows them, and where each one lives.

Why a table of module names rather than imported modules: a command's module imports what the
command needs (the extractor, rdflib's SPARQL engine, networkx …), and importing all of them
made every start pay for all of them (1.2 CPU-s for ``coopgraph --version``). The CLI imports
only the module of the command it runs; ``--help`` and ``--version`` import none.

Each module ends with ``COMMAND = Command(run, description=..., options=(...))``: what its
``--help`` says, its options in the order ``--help`` lists them, and the function that takes
the parsed arguments and returns an exit code. :func:`register` turns that table into the
subcommand's parser, so the modules hold data, not nine copies of the same argparse calls.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

#: what runs a command: the parsed arguments in, the exit code out
Run = Callable[[argparse.Namespace], int]
#: adds one option (or a group of them) to a command's parser
Option = Callable[[argparse.ArgumentParser], object]

#: name → (module defining ``COMMAND``, one-line help shown by ``coopgraph --help``).
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("coopgraph.cli._build",
              "build the knowledge graph and network page from documents"),
    "extract": ("coopgraph.cli._extract",
                "print what the loaders read, as gold-format JSON records"),
    "evaluate": ("coopgraph.cli._evaluate",
                 "score extraction against gold files (precision, recall, F1)"),
    "viz": ("coopgraph.cli._viz", "write the interactive cooperation network (one HTML file)"),
    "validate": ("coopgraph.cli._validate", "check a graph against the coopgraph SHACL shapes"),
    "export": ("coopgraph.cli._export",
               "write a graph as Turtle, TriG, N-Quads, JSON-LD, GraphML, GEXF or CSV"),
    "query": ("coopgraph.cli._query", "run a named question from the query library"),
    "serve": ("coopgraph.cli._serve",
              "start a local SPARQL endpoint (Oxigraph) over the built graph"),
    "push": ("coopgraph.cli._push",
             "load the built graph into a SPARQL server, replacing what was there"),
}


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
                **kwargs: Any) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` with its help line from :data:`COMMANDS` (one home)."""
    return sub.add_parser(name, help=COMMANDS[name][1], **kwargs)


@dataclass(frozen=True)
class Command:
    """A subcommand as its module declares it (see the module docstring)."""

    run: Run
    description: str
    options: tuple[Option, ...]
    epilog: str | None = None


def option(*flags: str, **settings: Any) -> Option:
    """An option of one command: ``argparse``'s ``add_argument(*flags, **settings)``, called when
    the command's parser is built."""
    def add(parser: argparse.ArgumentParser) -> object:
        return parser.add_argument(*flags, **settings)
    return add


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Add command ``name`` with the options its module declares, importing the module now."""
    command: Command = import_module(COMMANDS[name][0]).COMMAND
    parser = add_command(sub, name, description=command.description, epilog=command.epilog)
    for add in command.options:
        add(parser)
    parser.set_defaults(func=command.run)


def chosen_command(argv: list[str]) -> str | None:
    """The subcommand named on a command line, found without importing any command.

    The top-level parser takes no option with a value, so the command is the first argument
    that is not an option; anything else (``--version``, ``--help``, a typo) is None.
    """
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None
