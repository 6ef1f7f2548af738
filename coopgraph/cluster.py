"""The extraction map of a build on a Dask cluster (``build --scheduler ADDRESS``).

Each document is extracted independently of the others, so the map runs wherever there are
workers; the reduce (graph, validation, files, page) stays on the client, in
:func:`coopgraph.pipeline.build`, as does the cache. Everything here serves one promise: the
records that come back are those a local build makes, in the same order, so every output after
them is byte-identical.

- **The bytes travel, not the path.** A team's workers run on other machines and do not see the
  client's disk. The client reads each document, the task writes it to a temporary folder on the
  worker under its own name (loaders choose by name and first bytes), extracts it with the very
  function a local build uses, and puts the client's path back in the record (and in any message
  that names the temporary file).
- **Each task checks the worker's extractor.** Records are cached under the client's extractor
  fingerprint (code, reference data, reading, model); a worker with another coopgraph, other
  reference data or no working model would make records no local build makes, and the cache
  would keep them. Such a worker stops the build with a :class:`SchedulerError` naming it.
- **Results are taken in input order** from a bounded window of tasks in flight, so progress is
  reported as a local build reports it and the client never holds the whole corpus in memory.
"""

from __future__ import annotations

import tempfile
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from coopgraph.errors import SchedulerError
from coopgraph.extraction import Progress, _load_one, extractor_version
from coopgraph.loaders.formats.documents import MAX_DOCUMENT_BYTES
from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.statistical import Reading
from coopgraph.records import ExtractionRecord

if TYPE_CHECKING:
    from distributed import Client, Future

#: A document to extract: its path on the client, the encoding asked for, the reading.
Job = tuple[Path, str | None, Reading]
Outcome = ExtractionRecord | str

#: Seconds to reach the scheduler, and then to see at least one worker.
CONNECT_TIMEOUT_S = 10.0

#: Tasks in flight per worker thread: enough that no worker waits while results are taken in
#: order, few enough that the client holds only a window of documents' bytes.
_AHEAD_PER_THREAD = 4

_INSTALL = ("install the extra: pip install 'coopgraph[dask]' (in a checkout: pip install '.[dask]'), "
            "or pip install 'dask[distributed]'")


class WorkerMismatch(Exception):
    """Raised in a task on a worker whose extractor is not the client's; carried back by Dask."""


def load_on_cluster(jobs: Sequence[Job], address: str,
                    progress: Progress | None = None) -> list[Outcome]:
    """Each job's record, or the one-line reason it could not be loaded, in the order of
    ``jobs``, extracted by the workers of the Dask scheduler at ``address``.

    Raises:
        SchedulerError: dask.distributed is not installed; the address is malformed; no
            scheduler answers there, or it has no worker; a worker's extractor differs from
            this one; the workers died on a document or the scheduler went away.
    """
    if not jobs:
        return []
    expected = extractor_version(jobs[0][2])
    with _client(address) as client:
        return _map_in_order(client, address, jobs, expected, progress)


@contextmanager
def _client(address: str) -> Iterator[Client]:
    """A connected client with at least one worker, closed on the way out."""
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError(address, "--scheduler needs dask.distributed, which is not installed; "
                             + _INSTALL) from None
    _check_address(address)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except OSError as exc:
        raise SchedulerError(address, f"no Dask scheduler answered ({exc}); is it running? start one "
                             "with `dask scheduler` and pass its address (tcp://HOST:8786)") from None
    try:
        _wait_for_a_worker(client, address)
        yield client
    finally:
        client.close()


def _check_address(address: str) -> None:
    """Refuse a malformed TCP address before Dask sees it (its client then hangs on close).

    Raises:
        SchedulerError: the address has no host or port.
    """
    from distributed.comm.addressing import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme in ("tcp", "tls"):
        try:
            parse_host_port(location)
        except ValueError:
            raise SchedulerError(address, "not a scheduler address; pass tcp://HOST:PORT "
                                          "(the scheduler's port is 8786 by default)") from None


def _wait_for_a_worker(client: Client, address: str) -> None:
    """Raises SchedulerError when no worker joins the scheduler in time (tasks would wait forever)."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except TimeoutError:
        raise SchedulerError(address, f"the scheduler has no worker after {CONNECT_TIMEOUT_S:g} s; "
                             f"start one on each machine: dask worker {address} --nthreads 1") from None


def _map_in_order(client: Client, address: str, jobs: Sequence[Job], expected: str,
                  progress: Progress | None) -> list[Outcome]:
    """Submit a window of jobs ahead, take results in input order, submit the next as each ends."""
    ahead = _AHEAD_PER_THREAD * max(1, sum(client.nthreads().values()))
    waiting: deque[tuple[Job, Future[Outcome] | Outcome]] = deque()
    todo = iter(jobs)
    out: list[Outcome] = []
    for job in todo:
        waiting.append((job, _submit(client, job, expected)))
        if len(waiting) >= ahead:
            break
    while waiting:
        job, pending = waiting.popleft()
        outcome = pending if isinstance(pending, ExtractionRecord | str) else _result(pending, job, address)
        nxt = next(todo, None)
        if nxt is not None:
            waiting.append((nxt, _submit(client, nxt, expected)))
        out.append(outcome)
        if progress:
            progress(len(out), len(jobs), job[0], outcome if isinstance(outcome, ExtractionRecord) else None)
    return out


def _submit(client: Client, job: Job, expected: str) -> Future[Outcome] | Outcome:
    """A task extracting ``job`` from its bytes; or, for a file the client cannot send (not
    readable, empty, over the size limit), the local outcome, which is the same refusal."""
    path, encoding, reading = job
    try:
        size = path.stat().st_size
        content = path.read_bytes() if 0 < size <= MAX_DOCUMENT_BYTES else None
    except OSError:
        content = None
    if content is None:
        return _load_one(job)
    import dask

    # One task carries one document (at most the size limit), sent once: Dask's warning about
    # large task graphs is meant for data repeated in a graph.
    limit = f"{MAX_DOCUMENT_BYTES + 2**20}B"
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": limit}):
        return client.submit(extract_on_worker, str(path), path.name, content, encoding, reading,
                             expected, pure=False)


def _result(future: Future[Outcome], job: Job, address: str) -> Outcome:
    """The outcome of one task.

    Raises:
        SchedulerError: the worker's extractor differs, the workers died on the document, or
            the scheduler was lost.
    """
    from distributed import KilledWorker

    try:
        outcome: Outcome = future.result()
    except WorkerMismatch as exc:
        raise SchedulerError(address, str(exc)) from None
    except KilledWorker:
        raise SchedulerError(address, f"{job[0]}: the workers that read it died (out of memory?); "
                             "see the workers' logs, or build it without --scheduler") from None
    except (OSError, TimeoutError, RuntimeError) as exc:  # the scheduler or a connection lost
        raise SchedulerError(address, f"lost the cluster while extracting {job[0]} "
                             f"({type(exc).__name__}: {exc}); run the build again") from None
    return outcome


#: One document at a time per worker process: the extractor fills its caches (the spaCy model,
#: the rules' tables) lazily for one thread, and Python threads would not run the rules in
#: parallel anyway. Start workers with --nthreads 1 and as many processes as cores.
_ONE_AT_A_TIME = threading.Lock()


def extract_on_worker(path_text: str, name: str, content: bytes, encoding: str | None,
                      reading: Reading, expected: str) -> Outcome:
    """Extract one document from its bytes on a worker, as a local build would from the file.

    Raises:
        WorkerMismatch: this worker's extractor fingerprint is not ``expected`` (another
            coopgraph, other reference data, another or no working model).
    """
    with _ONE_AT_A_TIME:
        _check_extractor(reading, expected)
        with tempfile.TemporaryDirectory(prefix="coopgraph-") as folder:
            local = Path(folder) / name
            local.write_bytes(content)
            return _as_client_path(_load_one((local, encoding, reading)), str(local), path_text)


def _check_extractor(reading: Reading, expected: str) -> None:
    """Raises WorkerMismatch unless this worker extracts exactly as the client would."""
    here = extractor_version(reading)
    if reading == "full" and not statistical.available():
        here = f"{here} (model does not load: {statistical.problem()})"
    if here != expected:
        from distributed import get_worker

        raise WorkerMismatch(
            f"worker {get_worker().address} extracts with {here}, this machine with {expected}; "
            "install the same coopgraph, reference data and spaCy model on every worker")


def _as_client_path(outcome: Outcome, local: str, path_text: str) -> Outcome:
    """The outcome with the worker's temporary path replaced by the client's path."""
    if isinstance(outcome, str):
        return outcome.replace(local, path_text)
    source = outcome.source
    if source is not None and source.path == local:
        source = replace(source, path=path_text)
    return replace(outcome, source=source,
                   warnings=tuple(w.replace(local, path_text) for w in outcome.warnings))
