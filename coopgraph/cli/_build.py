"""``coopgraph build``: the main job — documents in, graph.ttl / graph.trig / network.html out."""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from coopgraph.cli._commands import Command, option
from coopgraph.cli._options import (
    add_base_iri, add_documents, add_encoding, add_reading, add_output, note_large_documents,
)

if TYPE_CHECKING:  # imported when run, not when the CLI starts (keeps `--help` fast)
    from coopgraph.loaders.registry import Skipped
    from coopgraph.records import ExtractionRecord


#: What each step of a build after reading is called on its progress bar.
_STAGE_WORDS = {"graph": "building the graph", "validation": "checking the shapes",
                "writing": "writing graph.ttl and graph.trig", "page": "drawing network.html"}


class _ProgressLine:
    """Progress on stderr: documents read (entities and events so far), then each later step.

    On a terminal, tqdm bars: one for reading (documents done of all, time left), then one per
    step (graph, shapes, files, page) with its time running, so a long build shows where it is.
    In a log (stderr not a terminal) no bars: batches of 20+ documents get one line per tenth,
    so logs of long runs show progress without thousands of lines, and the steps stay quiet.
    """

    def __init__(self, tty: bool | None = None) -> None:
        self.entities = 0
        self.events = 0
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.shown_tenth = 0
        self._bar: _Bar | None = None

    def __call__(self, done: int, total: int, path: Path, record: ExtractionRecord | None) -> None:
        if record is not None:
            self.entities += len(record.entities)
            self.events += len(record.events)
        if self.tty:
            if self._bar is None:
                self._bar = _Bar("reading documents", total)
            self._bar.advance(done, f"{self.entities} entities, {self.events} events")
            if done == total:
                self._bar.close()
                self._bar = None
        elif total >= 20 and (tenth := done * 10 // total) > self.shown_tenth:
            self.shown_tenth = tenth
            print(f"extracting {done}/{total} documents: {self.entities} entities, "
                  f"{self.events} events", file=sys.stderr, flush=True)

    def stage(self, name: str, done: bool) -> None:
        """A step of the build starts (a bar with its running time) or ends (the bar closes)."""
        if not self.tty:
            return
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if not done:
            self._bar = _Bar(_STAGE_WORDS.get(name, name), None)


class _Bar:
    """A tqdm bar on stderr; one without a total shows its running time, refreshed by a timer.

    Why tqdm: spaCy already installs it (no added weight), it imports in ~20 ms, and it draws
    one self-overwriting line per bar; the timer keeps a step's clock moving while the step
    runs without calling back.
    """

    def __init__(self, what: str, total: int | None) -> None:
        from tqdm import tqdm  # only when a bar is shown: `coopgraph --help` stays fast

        fmt = None if total else "{desc}: {elapsed}"
        # the terminal's size, 80×24 when it reports none: a pseudo-terminal without a size
        # (ssh -T, script, CI runners) gives tqdm -1 rows, and it then draws nothing at all
        size = shutil.get_terminal_size()
        self.bar = tqdm(total=total, desc=what, unit="doc", file=sys.stderr, leave=True,
                        bar_format=fmt, ncols=size.columns, nrows=size.lines)
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        if not total:
            self._timer = threading.Thread(target=self._tick, daemon=True)
            self._timer.start()

    def _tick(self) -> None:
        while not self._stop.wait(0.25):
            self.bar.refresh()

    def advance(self, done: int, note: str) -> None:
        self.bar.set_postfix_str(note, refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
        self.bar.close()


#: More skipped files than this with the same reason are reported as one line.
_SKIPPED_SHOWN = 3


def skipped_lines(skipped: list[Skipped]) -> list[str]:
    """One note per skipped file, or one per reason when many files share it (e.g. gold files)."""
    by_reason: dict[str, list[Skipped]] = {}
    for item in skipped:
        by_reason.setdefault(item.reason, []).append(item)
    lines = []
    for reason, items in by_reason.items():
        if len(items) > _SKIPPED_SHOWN:
            lines.append(f"note: {len(items)} files skipped ({reason}), e.g. {items[0].path}")
        else:
            lines.extend(f"note: {s.path}: skipped ({reason})" for s in items)
    return lines


def run(args: argparse.Namespace) -> int:
    from coopgraph.pipeline import SUMMARY_LABELS, build

    if not args.quiet:
        note_large_documents(args.documents)
    progress = None if args.quiet else _ProgressLine()
    result = build(args.documents or None, output_dir=args.output, base_iri=args.base_iri,
                   force=args.force, encoding=args.encoding, network=not args.no_network,
                   reading=args.reading,
                   progress=progress, stage=progress.stage if progress else None,
                   wait=args.wait, scheduler=args.scheduler)
    rep = result.report
    for path, reason in rep.failed:
        print(f"warning: {path}: {reason} (not loaded)", file=sys.stderr)
    for line in skipped_lines(rep.skipped):
        print(line, file=sys.stderr)
    for line in rep.warnings:
        print(f"warning: {line}", file=sys.stderr)
    if args.quiet:
        return 0
    noun = "document" if len(rep.records) == 1 else "documents"
    print(f"coopgraph: {len(rep.records)} {noun} loaded ({rep.reused} unchanged, reused), "
          f"{len(rep.skipped)} skipped, {len(rep.failed)} failed")
    for key, label in SUMMARY_LABELS:
        print(f"  {label:<18} {result.summary.get(key, 0):>6}")
    if result.up_to_date:
        print(f"up to date: nothing changed since the last build in {result.output_dir} "
              "(--force rebuilds)")
        return 0
    for path in result.written:
        print(f"wrote {path}")
    return 0


COMMAND = Command(
    run,
    description="Read documents (files or directories; the bundled corpus when none are "
                "given), extract who did what with whom, validate the graph against the "
                "shapes and write graph.ttl, graph.trig, network.html and manifest.json "
                "into the build directory. Unchanged documents are not re-extracted; when "
                "nothing changed at all the outputs are kept ('up to date').",
    epilog="exit codes: 0 built (documents that could not be read are reported and left "
           "out); 1 the graph breaks the shapes (nothing written); 2 no document could be "
           "read, another build holds the directory, an output cannot be written (disk "
           "full, no permission; old outputs are kept whole), the --scheduler cluster "
           "cannot extract (dask missing, unreachable, no worker), or usage error",
    options=(
        add_documents,
        add_output,
        add_base_iri,
        add_encoding,
        add_reading,
        option("--force", action="store_true", help="re-extract every document"),
        option("--no-network", action="store_true", help="do not write network.html"),
        option("--wait", type=float, default=0.0, metavar="SECONDS",
               help="when another build is writing into the same directory, wait up to "
                    "SECONDS for it to finish (default: refuse at once)"),
        option("--scheduler", metavar="ADDRESS",
               help="extract the documents on the workers of this Dask scheduler "
                    "(tcp://HOST:8786; needs the dask extra); the graph, files and page are "
                    "built here, identical to a build without it"),
        option("-q", "--quiet", action="store_true", help="print only errors"),
    ),
)
