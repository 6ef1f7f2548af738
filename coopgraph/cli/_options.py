"""Options shared by several subcommands, defined once."""

from __future__ import annotations

import argparse

from coopgraph.defaults import DEFAULT_BASE_IRI, DEFAULT_OUTPUT


def add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="DIR",
                   help=f"build directory (default: ./{DEFAULT_OUTPUT})")


def add_base_iri(p: argparse.ArgumentParser) -> None:
    p.add_argument("--base-iri", default=DEFAULT_BASE_IRI, metavar="IRI",
                   help=f"namespace for minted resources (default: {DEFAULT_BASE_IRI})")


def add_encoding(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", default=None, metavar="NAME",
                   help="text encoding of the documents (default: UTF-8)")


def add_documents(p: argparse.ArgumentParser) -> None:
    p.add_argument("documents", nargs="*", metavar="DOC",
                   help="documents or directories (default: the bundled corpus)")


def add_graph(p: argparse.ArgumentParser, default: str = DEFAULT_OUTPUT) -> None:
    """The optional GRAPH argument of commands that read a built graph."""
    p.add_argument("graph", nargs="?", default=default, metavar="GRAPH",
                   help=f"graph file or build directory (default: ./{default})")
