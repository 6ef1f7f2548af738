"""Options shared by several subcommands, defined once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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


def add_reading(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reading", choices=["full", "rules"], default="full",
                   help="full: rules plus the statistical layer (spaCy names and parses; default); "
                        "rules: rules alone, about three times faster, for very large corpora")


def add_documents(p: argparse.ArgumentParser) -> None:
    p.add_argument("documents", nargs="*", metavar="DOC",
                   help="documents or directories (default: the bundled corpus)")


#: Documents at least this large get a note before they are read (extraction: ~250 KB/s).
LARGE_DOCUMENT_BYTES = 5_000_000
EXTRACTION_BYTES_PER_SECOND = 250_000


def note_large_documents(documents: list[str]) -> None:
    """Tell the user before a long silence: a 20 MB document takes over a minute to read."""
    for name in documents:
        path = Path(name)
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            continue
        if size >= LARGE_DOCUMENT_BYTES:
            seconds = size / EXTRACTION_BYTES_PER_SECOND
            print(f"note: {path} is {size / 1e6:.0f} MB; reading it takes about "
                  f"{seconds / 60:.0f} min" if seconds >= 90 else
                  f"note: {path} is {size / 1e6:.0f} MB; reading it takes about {seconds:.0f} s",
                  file=sys.stderr, flush=True)


ENV_HELP = ("Credentials for the endpoint come from the environment variables "
            "COOPGRAPH_ENDPOINT_USER and COOPGRAPH_ENDPOINT_PASSWORD, never from arguments; "
            "COOPGRAPH_ENDPOINT_AUTH=digest answers HTTP Digest challenges (Virtuoso's "
            "/sparql-auth and /sparql-graph-crud-auth) instead of sending Basic auth.")


def add_graph_source(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--graph-file", metavar="PATH",
                       help="graph file to load (.trig, .nq, .ttl, .nt) instead of the build folder")
    group.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="DIR",
                       help=f"build folder holding graph.trig or graph.ttl (default: ./{DEFAULT_OUTPUT})")


def positive_number(text: str) -> float:
    """An argparse type: a number above zero (a timeout or size of 0 would refuse everything)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text!r}")
    return value
