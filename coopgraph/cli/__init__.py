"""The ``coopgraph`` command: each subcommand parses its options, calls one public function,
prints the result and returns an exit code (0 ok, 1 a check failed, 2 usage/input/endpoint error).

Only the module of the command being run is imported (``--version`` and ``--help`` import
none): see ``coopgraph.cli._commands``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from coopgraph import __version__
from coopgraph.cli import _commands
from coopgraph.errors import CoopgraphError


def make_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with the options of ``commands`` (every command when None).

    The other commands are listed by name and help line only, so that building the parser
    imports nothing but the modules of ``commands``.
    """
    full = set(_commands.COMMANDS if commands is None else commands)
    parser = argparse.ArgumentParser(
        prog="coopgraph",
        description="Turn documents about development cooperation into a knowledge graph "
                    "of who did what, with whom, where and when.",
        epilog="Run 'coopgraph COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"coopgraph {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _commands.COMMANDS:
        if name in full:
            _commands.register(sub, name)
        else:
            _commands.add_command(sub, name, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code instead of exiting (testable in-process)."""
    raw = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in raw  # accepted anywhere on the line, not only before the command
    command = _commands.chosen_command([a for a in raw if a != "--debug"])
    parser = make_parser([command] if command else [])
    try:
        args = parser.parse_args([a for a in raw if a != "--debug"])
    except SystemExit as exc:  # argparse exits on --help and usage errors
        return int(exc.code or 0)
    args.debug = debug
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except CoopgraphError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("error: interrupted; outputs already written are intact", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
