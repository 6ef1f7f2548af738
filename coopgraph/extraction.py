"""Loading documents into extraction records: the first step of every pipeline.

Why a module of its own: the CLI's ``extract`` and ``build`` and the Python API share the same
rules for expanding directories, choosing loaders, caching by content hash, and reporting what
was skipped or failed, and a failing document must never stop the rest of a batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, UTC
from functools import lru_cache
from pathlib import Path

from coopgraph._atomic import atomic_write_text
from coopgraph._sanitise import valid_unicode
from coopgraph._resources import files_fingerprint, packages_fingerprint  # noqa: F401 (API)
from coopgraph.corpus import bundled_documents
from coopgraph.errors import CoopgraphError, InputError
from coopgraph.loaders.registry import Skipped, find_loader, iter_document_paths
from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.statistical import READINGS, Reading
from coopgraph.records import ExtractionRecord

#: Below this many documents a process pool costs more than it saves.
_PARALLEL_THRESHOLD = 64

#: Called after each document: (documents done, total, path, its record or None on failure).
Progress = Callable[[int, int, Path, ExtractionRecord | None], None]


@dataclass
class LoadReport:
    """What happened to each input path in one run."""

    records: list[ExtractionRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    reused: int = 0
    #: Non-fatal problems, one line each (e.g. a corrupt cache entry that was rebuilt).
    warnings: list[str] = field(default_factory=list)
    #: When each document (by path) was first loaded into this build directory (ISO 8601, UTC).
    loaded: dict[str, str] = field(default_factory=dict)
    #: The reading the documents got ("rules" when a full reading fell back for want of a model).
    reading: Reading = "full"
    #: What ``load_documents``' ``map_record`` made of each record extracted in this run (in
    #: the worker that extracted it), by (document name, content hash). A build stores these
    #: graph chunks in its cache and empties this.
    mapped: dict[tuple[str, str], object] = field(default_factory=dict)


def extract(paths: Iterable[Path | str] | None = None, *, encoding: str | None = None,
            strict: bool = True, reading: Reading = "full",
            model: str | None = None) -> list[ExtractionRecord]:
    """Extract one record per document (the bundled corpus when ``paths`` is None).

    ``reading`` is ``"full"`` (rules and the statistical layer, the default) or ``"rules"``
    (rules alone: about three times faster, for very large corpora). When the layer cannot be
    loaded, a full reading falls back to the rules with one ``RuntimeWarning`` naming the fix.
    ``model`` names the spaCy model (package or folder) for this process from now on, in place
    of ``COOPGRAPH_SPACY_MODEL`` and the defaults (``en_core_web_sm``, then its PyPI re-upload).

    Raises:
        InputError: with ``strict``, the first document that cannot be read; an unknown reading.
    """
    if model is not None:
        statistical.set_model_name(model)
        extractor_version.cache_clear()
    report = load_documents(paths, encoding=encoding, reading=reading)
    for line in report.warnings:
        if line.startswith(_FALLBACK_PREFIX):
            warnings.warn(line, RuntimeWarning, stacklevel=2)
    if strict and report.failed:
        path, message = report.failed[0]
        raise InputError(path, message)
    return report.records


def load_documents(paths: Iterable[Path | str] | None = None, *, encoding: str | None = None,
                   cache_dir: Path | None = None, force: bool = False,
                   progress: Progress | None = None, workers: int | None = None,
                   reading: Reading = "full", scheduler: str | None = None,
                   map_record: Callable[[ExtractionRecord], object] | None = None) -> LoadReport:
    """Load every document, reusing cached records whose content hash is unchanged.

    ``map_record`` (a picklable function) runs on each record extracted in this run, in the
    worker process that extracted it, and its results are kept in ``report.mapped``: the build
    makes each document's graph chunk there, while the record is in hand (decision 0010). On a
    Dask cluster it is not sent (the caller makes what is missing); if it raises, that record
    has no entry.

    Failures are collected in the report (file and one-line reason), never raised, so one bad
    file does not stop the batch. ``reading`` as in :func:`extract`; a full reading whose model
    cannot be loaded is done by the rules alone, with one warning in the report. With
    ``scheduler`` (a Dask scheduler's address) the documents not in the cache are extracted by
    that cluster's workers (:mod:`coopgraph.cluster`), giving the same records; when every
    document is cached, no connection is made.

    Raises:
        InputError: a given path does not exist, or there is no document at all; an unknown
            reading.
        SchedulerError: ``scheduler`` is given and the cluster cannot run the extraction.
    """
    report = LoadReport()
    reading = report.reading = _effective_reading(reading, report)
    given = list(paths) if paths is not None else bundled_documents()
    doc_paths = sorted(set(iter_document_paths(given, report.skipped)), key=_sort_key)
    if not doc_paths:
        names = ", ".join(str(p) for p in given) or "(nothing)"
        raise InputError(names, "no documents found; pass documents (text, Markdown, HTML, PDF, DOCX, "
                                "IATI XML, CSV) or a folder of them")
    todo: list[Path] = []
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    for p in doc_paths:
        cached = None if force or cache_dir is None else _read_cache(cache_dir, p, report, reading)
        if cached is not None:
            report.warnings.extend(f"{p}: {w}" for w in cached.warnings)
            report.records.append(cached)
            report.reused += 1
        else:
            todo.append(p)
    if scheduler is not None:
        from coopgraph.cluster import load_on_cluster

        results: list[tuple[ExtractionRecord | str, object]] = [
            (r, None) for r in load_on_cluster([(p, encoding, reading) for p in todo],
                                               scheduler, progress)]
    else:
        results = _run_loaders(todo, encoding, progress, workers, reading, map_record)
    for p, (outcome, mapped) in zip(todo, results, strict=True):
        if mapped is not None and isinstance(outcome, ExtractionRecord):
            report.mapped[(outcome.document, outcome.source.sha256 if outcome.source else "")] = mapped
        if isinstance(outcome, ExtractionRecord):
            report.warnings.extend(f"{p}: {w}" for w in outcome.warnings)
            if not outcome.entities and not outcome.events:
                report.warnings.append(
                    f"{p}: nothing was extracted (no organisation, place, person or event found); "
                    "coopgraph reads English text: is the document in another language, or was "
                    "it read with the wrong --encoding?")
            report.records.append(outcome)
            report.loaded.setdefault(str(p), now)
            if cache_dir is not None:
                _write_cache(cache_dir, p, outcome, report.loaded[str(p)], reading)
        else:
            report.failed.append((p, outcome))
    report.records.sort(key=lambda r: (r.document, r.source.sha256 if r.source else ""))
    return report


#: How the one fallback warning starts (extract() turns it into a RuntimeWarning).
_FALLBACK_PREFIX = "statistical layer off: "


def reading_used(reading: Reading) -> Reading:
    """The reading documents asked to get ``reading`` get: a full one is done by the rules alone
    when the model cannot be loaded (``load_documents`` says so in a warning). A build keys the
    chunks its workers store by the extractor of this reading."""
    return "rules" if reading == "full" and not statistical.available() else reading


def _effective_reading(reading: str, report: LoadReport) -> Reading:
    """The reading the documents get: a full reading needs the model, checked once here (not in
    each pool worker), so a missing model gives one warning per run, not one per process.

    Raises:
        InputError: ``reading`` is not one of ``rules``, ``full``.
    """
    if reading not in READINGS:
        raise InputError(None, f"unknown reading {reading!r}; use one of: {', '.join(READINGS)}")
    if reading == "full" and not statistical.available():
        report.warnings.append(_FALLBACK_PREFIX + (statistical.problem() or "the model could not be loaded"))
        return "rules"
    return "full" if reading == "full" else "rules"


def _sort_key(p: Path) -> tuple[str, str]:
    return (p.name, str(p))


def _load_one(args: tuple[Path, str | None, Reading]) -> ExtractionRecord | str:
    """One document's record, or the one-line reason it could not be loaded.

    Why the last clause catches every ``Exception``: the libraries under the loaders (zipfile,
    zlib, lxml, expat, pdfminer, csv, a plugin's own) each raise their own types on hostile
    input, and the batch promise is that one file never stops the rest. The known kinds are
    worded by the loaders; anything else is still reported with its type, naming this file.
    The reading is set for the loaders to read (the Loader API has no slot for it).
    """
    path, encoding, reading = args
    token = statistical.current_reading.set(reading)
    try:
        return valid_unicode(find_loader(path).load(path, encoding=encoding))
    except InputError as exc:
        return exc.message
    except CoopgraphError as exc:
        return str(exc)
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        return f"could not be read ({type(exc).__name__}: {_first_line(exc)})"
    except Exception as exc:  # noqa: BLE001 - see the docstring
        return (f"could not be read ({type(exc).__name__}: {_first_line(exc)}); the file may be "
                "damaged: check it opens in its own application")
    finally:
        statistical.current_reading.reset(token)


def _load_and_map(args: tuple[Path, str | None, Reading,
                              Callable[[ExtractionRecord], object] | None]
                  ) -> tuple[ExtractionRecord | str, object]:
    """``_load_one``, then ``map_record`` on the record (None when it raises: the caller makes
    what is missing, and meets the error itself if there is one)."""
    path, encoding, reading, map_record = args
    outcome = _load_one((path, encoding, reading))
    if map_record is None or not isinstance(outcome, ExtractionRecord):
        return outcome, None
    try:
        return outcome, map_record(outcome)
    except Exception:  # noqa: BLE001 - see the docstring
        return outcome, None


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message, at most 200 characters (a report line each)."""
    text = str(exc).strip().split("\n", 1)[0]
    return text if len(text) <= 200 else text[:199] + "…"


def _run_loaders(paths: Sequence[Path], encoding: str | None, progress: Progress | None,
                 workers: int | None, reading: Reading,
                 map_record: Callable[[ExtractionRecord], object] | None = None,
                 ) -> list[tuple[ExtractionRecord | str, object]]:
    """Run loaders (and ``map_record``) in order; on many documents, in a process pool
    (results stay in input order).

    The pool's workers are forked after :func:`_effective_reading` loaded the model, so they
    share the parent's copy of it instead of each loading their own."""
    jobs = [(p, encoding, reading, map_record) for p in paths]
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    out: list[tuple[ExtractionRecord | str, object]] = []
    # An explicit ``workers`` > 1 always uses the pool (tests check it matches a serial run).
    if n_workers > 1 and len(jobs) > 1 and (workers is not None or len(jobs) >= _PARALLEL_THRESHOLD):
        with ProcessPoolExecutor(max_workers=n_workers) as pool:
            chunk = max(1, min(32, len(jobs) // (n_workers * 4)))
            for i, result in enumerate(pool.map(_load_and_map, jobs, chunksize=chunk)):
                out.append(result)
                if progress:
                    progress(i + 1, len(jobs), jobs[i][0], _record_or_none(result[0]))
        return out
    for i, job in enumerate(jobs):
        out.append(_load_and_map(job))
        if progress:
            progress(i + 1, len(jobs), job[0], _record_or_none(out[-1][0]))
    return out


def _record_or_none(outcome: ExtractionRecord | str) -> ExtractionRecord | None:
    return outcome if isinstance(outcome, ExtractionRecord) else None


def _cache_file(cache_dir: Path, path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"{path.stem}-{key}.json"


def _read_cache(cache_dir: Path, path: Path, report: LoadReport,
                reading: Reading) -> ExtractionRecord | None:
    """The cached record for ``path`` if its content hash still matches, else None.

    A corrupt entry (interrupted disk, hand edit) is not fatal: it is reported as a warning and
    the document is extracted again.
    """
    f = _cache_file(cache_dir, path)
    if not f.exists():
        return None
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
        record = ExtractionRecord.from_dict(data["record"])
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        report.warnings.append(f"{f}: corrupt cache entry for {path}; extracting it again")
        return None
    if isinstance(data.get("loaded"), str):
        report.loaded[str(path)] = data["loaded"]
    if data.get("extractor") != extractor_version(reading) or not record.source \
            or record.source.sha256 != digest:
        return None
    return record


def _write_cache(cache_dir: Path, path: Path, record: ExtractionRecord, loaded: str,
                 reading: Reading) -> None:
    payload = {"extractor": extractor_version(reading), "loaded": loaded, "record": record.to_dict()}
    atomic_write_text(_cache_file(cache_dir, path), json.dumps(payload, ensure_ascii=False),
                      durable=False)


@lru_cache(maxsize=4)
def extractor_version(reading: Reading = "full") -> str:
    """coopgraph's version plus a fingerprint of the extraction rules and reference data, the
    reading, and for a full reading the statistical model's name and version.

    Why: a cached record is only valid for the extractor that made it. Keying on the version
    alone kept stale records after a rule or reference file changed within one version (a
    development checkout, or a user editing data/reference); any change to a loader module or
    a reference file now re-extracts every document once. A record read by the rules alone, or
    with another model, is not the record of a full reading with this model.
    """
    from coopgraph import __version__
    rules = packages_fingerprint((("coopgraph.loaders", ("**/*.py",)),
                                  ("coopgraph.data", ("reference/*.json",))))
    model = (statistical.model_id() or "no-model").replace(" ", "-") if reading == "full" else "rules"
    return f"{__version__}+{rules}+{model}"
