"""``coopgraph extract``: print extraction records in the gold-file JSON format."""

from __future__ import annotations

import argparse
import json
import sys

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import add_documents, add_encoding, add_reading, note_large_documents
from coopgraph.extraction import load_documents


def run(args: argparse.Namespace) -> int:
    note_large_documents(args.documents)
    report = load_documents(args.documents or None, encoding=args.encoding, reading=args.reading)
    for path, reason in report.failed:
        print(f"error: {path}: {reason}", file=sys.stderr)
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    if not report.records:
        return 2  # nothing to print: no empty JSON list for a pipe to mistake for a result
    dicts = [r.to_dict() for r in report.records]
    if args.format == "jsonl":
        for d in dicts:
            print(json.dumps(d, ensure_ascii=False))
    else:
        out = dicts[0] if len(dicts) == 1 else dicts
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 2 if report.failed else 0


COMMAND = Command(
    run,
    description="Extract entities, events and relations from documents and print them in "
                "the JSON format of the gold files (one record per document; a JSON list "
                "when there are several). Errors and warnings go to stderr.",
    epilog="exit codes: 0 all documents read; 2 a document could not be read (the others "
           "are still printed) or usage error",
    options=(
        add_documents,
        add_encoding,
        add_reading,
        option("--format", choices=["json", "jsonl"], default="json",
               help="json: one record, or a list of records (default); jsonl: one per line"),
    ),
)
