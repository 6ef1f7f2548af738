"""``coopgraph build``: the main job — documents in, graph.ttl / graph.trig / network.html out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coopgraph.records import ExtractionRecord

from coopgraph.cli._options import add_base_iri, add_documents, add_encoding, add_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build", help="build the knowledge graph and network page from documents",
        description="Read documents (files or directories; the bundled corpus when none are "
                    "given), extract who did what with whom, validate the graph against the "
                    "shapes and write graph.ttl, graph.trig, network.html and manifest.json "
                    "into the build directory. Unchanged documents are not re-extracted.")
    add_documents(p)
    add_output(p)
    add_base_iri(p)
    add_encoding(p)
    p.add_argument("--force", action="store_true", help="re-extract every document")
    p.add_argument("--no-network", action="store_true", help="do not write network.html")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.set_defaults(func=run)


class _ProgressLine:
    """One self-overwriting stderr line: documents done, entities and events found so far.

    Shown on a terminal, or for batches of 20+ documents so logs of long runs show progress.
    """

    def __init__(self) -> None:
        self.entities = 0
        self.events = 0

    def __call__(self, done: int, total: int, path: Path, record: ExtractionRecord | None) -> None:
        if record is not None:
            self.entities += len(record.entities)
            self.events += len(record.events)
        if total >= 20 or sys.stderr.isatty():
            end = "\n" if done == total else "\r"
            print(f"extracting {done}/{total} documents: {self.entities} entities, "
                  f"{self.events} events", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from coopgraph.pipeline import SUMMARY_LABELS, build

    result = build(args.documents or None, output_dir=args.output, base_iri=args.base_iri,
                   force=args.force, encoding=args.encoding, network=not args.no_network,
                   progress=None if args.quiet else _ProgressLine())
    rep = result.report
    for path, reason in rep.failed:
        print(f"warning: {path}: {reason} (not loaded)", file=sys.stderr)
    for skipped in rep.skipped:
        print(f"note: {skipped.path}: skipped ({skipped.reason})", file=sys.stderr)
    for line in rep.warnings:
        print(f"warning: {line}", file=sys.stderr)
    if args.quiet:
        return 0
    noun = "document" if len(rep.records) == 1 else "documents"
    print(f"coopgraph: {len(rep.records)} {noun} loaded ({rep.reused} unchanged, reused), "
          f"{len(rep.skipped)} skipped, {len(rep.failed)} failed")
    for key, label in SUMMARY_LABELS:
        print(f"  {label:<18} {result.summary.get(key, 0):>6}")
    for path in result.written:
        print(f"wrote {path}")
    return 0
