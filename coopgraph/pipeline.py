"""The main job: documents in, a validated graph and a network page out, in one build directory.

Why one function: the CLI, the Python API and the benchmarks must all build the same way —
load (reusing unchanged documents), build the graph, validate it *before* anything is written
(a failing build never replaces good outputs), then write every output atomically.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from coopgraph._atomic import atomic_write_text
from coopgraph.errors import InputError, ValidationError
from coopgraph.extraction import LoadReport, Progress, load_documents
from coopgraph.defaults import DEFAULT_BASE_IRI
from coopgraph.graph import build_quads, load_graph, save_graph, summarise, validate_graph
from coopgraph.records import ExtractionRecord
from coopgraph.viz import write_network

#: Order and wording of the counts printed after a build.
SUMMARY_LABELS: tuple[tuple[str, str], ...] = (
    ("organisations", "organisations"), ("people", "people"), ("projects", "projects"),
    ("conventions", "conventions"), ("policies", "policies"), ("places", "places"),
    ("events", "events"), ("cooperation_pairs", "cooperation pairs"),
)


@dataclass
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

    @cached_property
    def graph(self) -> Dataset:
        """The built graph as an rdflib dataset (union of named graphs as default graph)."""
        return load_graph(self.output_dir / "graph.trig")


def build(paths: Iterable[Path | str] | None = None, *, output_dir: Path | str = "coopgraph-out",
          base_iri: str = DEFAULT_BASE_IRI, force: bool = False, encoding: str | None = None,
          network: bool = True, progress: Progress | None = None,
          workers: int | None = None) -> BuildResult:
    """Build the graph of ``paths`` (the bundled corpus when None) into ``output_dir``.

    Documents whose content is unchanged since the last build in the same directory are not
    extracted again (``force`` re-extracts all). Documents that fail are reported, not fatal,
    as long as at least one document loads.

    Why the graph never enters rdflib's store here: at 1,000 documents filling it cost as much
    as building the triples. The plain triple sets are validated and streamed to the files,
    then dropped; the network page reads an Oxigraph store loaded from the TriG just written.

    Raises:
        InputError: no document could be loaded.
        ValidationError: the graph breaks ontology/shapes.ttl (nothing is written).
    """
    out = Path(output_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "the build directory is an existing file; pass another -o DIR")
    report = load_documents(paths, encoding=encoding, cache_dir=out / "cache", force=force,
                            progress=progress, workers=workers)
    if not report.records:
        first, reason = report.failed[0] if report.failed else (out, "no documents")
        raise InputError(first, f"{reason} (no document could be loaded; nothing was written)")
    quads = build_quads(report.records, base_iri=base_iri)
    check = validate_graph(quads)
    if not check.conforms:
        shown = "\n".join(check.violations[:20])
        raise ValidationError(
            f"the graph breaks {len(check.violations)} shape constraint(s); nothing was written:"
            f"\n{shown}", report="\n".join(check.violations))
    summary = summarise(quads)
    written = save_graph(quads, out)
    del quads
    if network:
        sources = [r.document for r in report.records]
        written.append(write_network(store_of(out / "graph.trig"), out / "network.html",
                                     sources=sources))
    written.append(_write_manifest(out, report))
    return BuildResult(summary=summary, written=written, report=report, output_dir=out,
                       records=list(report.records))


def store_of(trig_path: Path) -> ox.Store:
    """An in-memory Oxigraph store of a TriG file (what the network page reads)."""
    store = ox.Store()
    store.bulk_load(path=str(trig_path), format=ox.RdfFormat.TRIG)
    return store


def _write_manifest(out: Path, report: LoadReport) -> Path:
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
    }
    return atomic_write_text(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
