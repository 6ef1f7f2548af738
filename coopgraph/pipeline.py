"""The main job: documents in, a validated graph and a network page out, in one build directory.

Why one function: the CLI, the Python API and the benchmarks must all build the same way —
load (reusing unchanged documents), build the graph, validate it *before* anything is written
(a failing build never replaces good outputs), then write every output atomically.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from coopgraph._atomic import atomic_write_text, staged
from coopgraph._lock import build_lock
from coopgraph._resources import packages_fingerprint
from coopgraph.errors import InputError, ValidationError
from coopgraph.extraction import (
    LoadReport, Progress, extractor_version, load_documents, reading_used,
)
from coopgraph.loaders.text.statistical import Reading
from coopgraph.defaults import DEFAULT_BASE_IRI
from coopgraph.graph import load_graph, validate_graph
from coopgraph.graph.builder import PREFIXES, build_merged
from coopgraph.graph.chunk_cache import cached_chunks, store_chunk
from coopgraph.graph.chunk_files import write_graph_chunks
from coopgraph.graph.turtle import TermWriter
from coopgraph.graph.bulk import paused_gc
from coopgraph.queries.answers import PRECOMPUTED, answer_path, cooperation_answer, save_answers
from coopgraph.records import ExtractionRecord
from coopgraph.viz import write_network

#: Order and wording of the counts printed after a build.
SUMMARY_LABELS: tuple[tuple[str, str], ...] = (
    ("organisations", "organisations"), ("people", "people"), ("projects", "projects"),
    ("conventions", "conventions"), ("policies", "policies"), ("places", "places"),
    ("events", "events"), ("cooperation_pairs", "cooperation pairs"),
)


@dataclass(repr=False)
class BuildResult:
    """What a build produced: counts, the files written and the load report.

    ``graph`` reads the written ``graph.trig`` back into an rdflib ``Dataset`` on first use:
    most builds only write files, and keeping the triples alive after writing them doubled the
    build's peak memory.
    """

    summary: dict[str, int]
    written: list[Path]
    report: LoadReport
    output_dir: Path
    records: list[ExtractionRecord] = field(default_factory=list)
    #: True when nothing changed since the last build in ``output_dir``: its outputs were kept.
    up_to_date: bool = False

    def __repr__(self) -> str:
        """Counts and the files written, never the records: a notebook cell echoing a build
        printed every extraction record (tens of KB for two documents)."""
        rep = self.report
        counts = ", ".join(f"{self.summary.get(key, 0)} {label}" for key, label in SUMMARY_LABELS)
        files = ", ".join(p.name for p in self.written) or "none"
        state = "up to date, outputs kept" if self.up_to_date else f"wrote {files}"
        return (f"<BuildResult {str(self.output_dir)!r}: {len(rep.records)} documents "
                f"({rep.reused} reused, {len(rep.failed)} failed, {len(rep.warnings)} warnings); "
                f"{counts}; {state}>")

    @cached_property
    def graph(self) -> Dataset:
        """The built graph as an rdflib dataset (union of named graphs as default graph)."""
        return load_graph(self.output_dir / "graph.trig")


#: The steps of a build after reading, in order, as passed to a ``stage`` callback.
STAGES: tuple[str, ...] = ("graph", "validation", "writing", "page")

#: ``stage(name, done)``: called with ``done=False`` when a step starts, ``True`` when it ends.
Stage = Callable[[str, bool], None]


def _no_stage(name: str, done: bool) -> None:
    """The default ``stage`` callback: nothing to show."""


@contextmanager
def _stage(stage: Stage, name: str) -> Iterator[None]:
    """Tell ``stage`` that step ``name`` starts, then that it ended (also when it failed)."""
    stage(name, False)
    try:
        yield
    finally:
        stage(name, True)


def build(paths: Iterable[Path | str] | None = None, *, output_dir: Path | str = "coopgraph-out",
          base_iri: str = DEFAULT_BASE_IRI, force: bool = False, encoding: str | None = None,
          network: bool = True, progress: Progress | None = None,
          workers: int | None = None, reading: Reading = "full",
          wait: float = 0.0, stage: Stage | None = None,
          scheduler: str | None = None) -> BuildResult:
    """Build the graph of ``paths`` (the bundled corpus when None) into ``output_dir``.

    ``reading``: ``"full"`` (rules and the statistical layer, default) or ``"rules"`` (rules
    alone, faster); see :func:`coopgraph.extract`.

    Documents whose content is unchanged since the last build in the same directory are not
    extracted again (``force`` re-extracts all). Documents that fail are reported, not fatal,
    as long as at least one document loads.

    Why the graph never enters rdflib's store here: at 1,000 documents filling it cost as much
    as building the triples. The plain triple sets are validated, streamed to the files and
    read by the network page (``coopgraph.viz.triple_rows``), then dropped; loading the written
    graph into Oxigraph again for the page cost 2.4 CPU-s and 326 MB at 1,000 documents.

    ``scheduler``: the address of a Dask scheduler (``tcp://HOST:8786``; needs the ``dask``
    extra). The documents to extract are extracted by its workers, everything else here, with
    outputs byte-identical to a build without it; see :mod:`coopgraph.cluster`.

    One build at a time writes into ``output_dir``: another build's lock is waited for up to
    ``wait`` seconds, then refused; a lock left by a killed build is taken over with a warning.

    ``progress`` is called after each document is read; ``stage`` when each later step starts
    and ends (see :data:`STAGES`), so a caller can show where a long build spends its time.

    Raises:
        InputError: no document could be loaded.
        ValidationError: the graph breaks ontology/shapes.ttl (nothing is written).
        LockedError: another build holds ``output_dir`` (its pid and start time are named).
        OutputError: an output cannot be written (disk full, no permission); old outputs whole.
        SchedulerError: ``scheduler`` is given and its cluster cannot run the extraction
            (dask missing, no scheduler or no worker there, a worker's extractor differs).
    """
    out = Path(output_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "the build directory is an existing file; pass another -o DIR")
    lock_notes: list[str] = []
    with build_lock(out, wait=wait, warnings=lock_notes):
        return _build_locked(paths, out, lock_notes, base_iri=base_iri, force=force,
                             encoding=encoding, network=network, progress=progress,
                             workers=workers, reading=reading, stage=stage or _no_stage,
                             scheduler=scheduler)


def _build_locked(paths: Iterable[Path | str] | None, out: Path, lock_notes: list[str], *,
                  base_iri: str, force: bool, encoding: str | None, network: bool,
                  progress: Progress | None, workers: int | None,
                  reading: Reading, stage: Stage, scheduler: str | None) -> BuildResult:
    """The build itself, run while holding ``out``'s lock."""
    chunk_dir = out / "cache" / "chunks"
    # each new document's graph chunk made and stored by the worker that reads it (0010)
    store = partial(store_chunk, cache_dir=chunk_dir, builder=_builder_fingerprint(),
                    base_iri=base_iri, extractor=extractor_version(reading_used(reading)))
    report = load_documents(paths, encoding=encoding, cache_dir=out / "cache", force=force,
                            progress=progress, workers=workers, reading=reading,
                            scheduler=scheduler, map_record=store)
    report.warnings[:0] = lock_notes
    if not report.records:
        first, reason = report.failed[0] if report.failed else (out, "no documents")
        raise InputError(first, f"{reason} (no document could be loaded; nothing was written)")
    key = build_key(report, base_iri=base_iri, network=network)
    kept = None if force else _unchanged_outputs(out, key, network)
    if kept is not None:
        written, summary = kept
        _write_manifest(out, report, key=key, summary=summary)  # this run's warnings and dates
        return BuildResult(summary=summary, written=written, report=report, output_dir=out,
                           records=list(report.records), up_to_date=True)
    with _stage(stage, "graph"):
        chunks = cached_chunks(report.records, chunk_dir,
                               extractor=extractor_version(report.reading),
                               builder=_builder_fingerprint(), base_iri=base_iri,
                               terms=TermWriter(PREFIXES))
        built = build_merged(report.records, base_iri=base_iri)
        quads, tables = built.quads, built.tables
    with _stage(stage, "validation"):
        check = validate_graph(quads)
    if not check.conforms:
        shown = "\n".join(check.violations[:20])
        raise ValidationError(
            f"the graph breaks {len(check.violations)} shape constraint(s); nothing was written:"
            f"\n{shown}", report="\n".join(check.violations))
    summary = tables.summary  # counts and the stored answer come from the merge's tables
    answers = {"who-cooperated-with-whom": cooperation_answer(tables.cooperation)}
    with staged():  # all outputs move into place together, or none (a full disk at the last)
        with _stage(stage, "writing"):  # each document's cached chunk, mapped (decision 0010)
            written = write_graph_chunks(built, out, chunks=chunks, base_iri=base_iri)
        written += save_answers(out, answers, key)
        if network and summary.get("organisations", 0) + summary.get("projects", 0) == 0:
            report.warnings.append("network.html not written: no organisation or project was "
                                   "found in the documents, so there is no cooperation to draw")
        elif network:
            sources = [r.document for r in report.records]
            # from the triples in hand, not a store loaded again; the collector paused, as
            # while building: it rescanned the half million triples held (0.45 -> 1.5 CPU-s
            # to index them at 1,000 documents)
            with _stage(stage, "page"), paused_gc():
                written.append(write_network(quads, out / "network.html", sources=sources))
        del quads, built
        written.append(_write_manifest(out, report, key=key, summary=summary))
    return BuildResult(summary=summary, written=written, report=report, output_dir=out,
                       records=list(report.records))


def build_key(report: LoadReport, *, base_iri: str, network: bool) -> str:
    """A digest of everything a build's outputs depend on: each document's name, path and
    content hash, the failures, the base IRI, whether a page is drawn, and fingerprints of the
    extractor (rules, reference data) and of the graph builder, ontology, shapes and page."""
    parts = {
        "documents": [[r.document, r.source.path if r.source else "",
                       r.source.sha256 if r.source else ""] for r in report.records],
        "failed": sorted(str(p) for p, _ in report.failed),
        "base_iri": base_iri, "network": network, "extractor": extractor_version(report.reading),
        "builder": _builder_fingerprint(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1)
def _builder_fingerprint() -> str:
    """Fingerprint of the code and files that turn records into outputs (graph, ontology, viz)."""
    return packages_fingerprint((("coopgraph.graph", ("*.py",)),
                                 ("coopgraph.ontology", ("*.py", "*.ttl", "*.jsonld")),
                                 ("coopgraph.viz", ("*.py", "*.rq", "*.js", "*.css", "*.html"))))


def _unchanged_outputs(out: Path, key: str, network: bool) -> tuple[list[Path], dict[str, int]] | None:
    """The outputs and counts of the last build when its key equals ``key`` and every output
    is still there; None when anything must be built again."""
    names = ["graph.ttl", "graph.trig"] + (["network.html"] if network else []) + ["manifest.json"]
    paths = [out / name for name in names] + [answer_path(out, name) for name in PRECOMPUTED]
    if not all(p.is_file() for p in paths):
        return None
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    summary = manifest.get("summary") if isinstance(manifest, dict) else None
    if manifest.get("build_key") != key or not isinstance(summary, dict):
        return None
    return paths, {k: int(v) for k, v in summary.items()}


def store_of(graph_path: Path) -> ox.Store:
    """An in-memory Oxigraph store of a graph file (what the network page reads).

    The page reads the union ``graph.ttl``, not the TriG: a place or actor is described in the
    named graph of every document that mentions it, and queries over the union of named graphs
    met each of those copies, so joins grew with documents × mentions (at 10,000 documents the
    page's queries ran for minutes instead of seconds).
    """
    store = ox.Store()
    fmt = ox.RdfFormat.TRIG if graph_path.suffix == ".trig" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(graph_path), format=fmt)
    return store


def _write_manifest(out: Path, report: LoadReport, *, key: str, summary: dict[str, int]) -> Path:
    """Record what went into the build: names, content hashes and when each was first loaded.

    The load date lives here rather than in the graph so that graph files stay byte-identical
    for the same input.
    """
    manifest = {
        "documents": [
            {"name": r.document, "path": r.source.path if r.source else "",
             "sha256": r.source.sha256 if r.source else "",
             "loaded": report.loaded.get(r.source.path if r.source else "", "")}
            for r in report.records
        ],
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in report.skipped],
        "failed": [{"path": str(p), "reason": reason} for p, reason in report.failed],
        "warnings": list(report.warnings),
        "summary": summary,
        "build_key": key,
    }
    path = out / "manifest.json"
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    try:
        if path.read_text(encoding="utf-8") == text:
            return path  # unchanged: leave the file (and its time stamp) alone
    except (OSError, UnicodeDecodeError):
        pass
    return atomic_write_text(path, text)
