"""``coopgraph evaluate``: score extraction against gold files (precision, recall, F1)."""

from __future__ import annotations

import argparse
import json

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import add_documents, add_encoding, add_reading
from coopgraph.errors import InputError
from coopgraph.evaluation import (
    ACCURACY_MEASURES, PRF_MEASURES, EvaluationReport, evaluate, load_gold, load_predictions,
    score_records,
)
from coopgraph.extraction import extract


def run(args: argparse.Namespace) -> int:
    if args.pred and args.documents:
        raise InputError(None, "give documents to extract or --pred FILE_OR_DIR, not both")
    if args.pred:
        report = score_records(load_gold(args.gold), load_predictions(args.pred))
    else:
        records = extract(args.documents or None, encoding=args.encoding, reading=args.reading)
        report = evaluate(records, args.gold, all_gold=not args.documents)
    if args.format == "json":
        data = report.to_dict()
        if not args.explain:
            del data["discrepancies"]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_table(report, explain=args.explain))
    return 0


def render_table(report: EvaluationReport, *, explain: bool = False) -> str:
    """The report as aligned text: one line per measure, then the discrepancies if asked.

    A measure with nothing predicted and nothing expected shows "-" (the JSON keeps 1.0).
    """
    lines = [f"{'measure':<22} {'P':>6} {'R':>6} {'F1':>6}   pred  gold"]
    for name, label in PRF_MEASURES:
        s = report.score(name)
        values = (s.precision, s.recall, s.f1) if s.n_pred or s.n_gold else None
        shown = " ".join(f"{v:6.3f}" for v in values) if values else f"{'-':>6} {'-':>6} {'-':>6}"
        lines.append(f"{label:<22} {shown} {s.n_pred:6d} {s.n_gold:5d}")
    lines.append(f"{'matched events':<22} {'acc':>6}   right/total")
    for name, label in ACCURACY_MEASURES:
        a = report.accuracy(name)
        lines.append(f"{label:<22} {a.value:6.3f}   {a.correct}/{a.total}")
    if report.missing_documents:
        lines.append("documents without a prediction: " + ", ".join(report.missing_documents))
    if report.unscored_documents:
        lines.append("documents without a gold file: " + ", ".join(report.unscored_documents))
    if explain:
        lines.extend(f"[{d.document}] {d.kind} {d.measure}: {d.item}"
                     for d in report.discrepancies)
    return "\n".join(lines)


COMMAND = Command(
    run,
    description="Extract the documents (default: the bundled corpus), or read saved records "
                "with --pred, and compare them with the gold files <stem>.gold.json in "
                "--gold DIR: precision, recall and F1 for entities (overall and per type), "
                "events, actor links with and without role, relations and cooperation "
                "pairs; accuracy of start and end dates, type and status of matched events. "
                "Matching rules: docs/evaluation.md in the source repository.",
    epilog="exit codes: 0 scored; 2 missing gold directory, unreadable input or usage error",
    options=(
        option("--gold", required=True, metavar="DIR",
               help="directory of gold files named <document-stem>.gold.json"),
        add_documents,
        add_encoding,
        add_reading,
        option("--pred", metavar="FILE_OR_DIR",
               help="score saved records (output of `coopgraph extract`: a JSON file, JSON "
                    "lines, or a directory of .json files) instead of extracting"),
        option("--explain", action="store_true",
               help="also list every missed, spurious and wrong item"),
        option("--format", choices=["table", "json"], default="table",
               help="table: aligned text (default); json: counts and scores as JSON"),
    ),
)
