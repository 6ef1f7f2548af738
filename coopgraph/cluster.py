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
  A task carries a batch of consecutive documents, as the local pool sends chunks.
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
_AHEAD_PER_THREAD = 2

#: A task carries up to this many documents and bytes (fewer on a small corpus, so that every
#: worker gets some): one task per document cost as much CPU in Dask as a third of extraction.
_BATCH_DOCUMENTS = 16
_BATCH_BYTES = 4 * 2**20

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
    """Submit a window of batches ahead, take outcomes in input order, submit the next batch
    as each one ends."""
    threads = max(1, sum(client.nthreads().values()))
    size = max(1, min(_BATCH_DOCUMENTS, -(-len(jobs) // (threads * 4))))  # ceil: 4 per thread
    batches = _batches(jobs, size)
    waiting: deque[_Batch] = deque()
    out: list[Outcome] = []
    for batch in batches:
        waiting.append(batch.submit(client, expected))
        if len(waiting) >= _AHEAD_PER_THREAD * threads:
            break
    while waiting:
        batch = waiting.popleft()
        outcomes = batch.outcomes(address)
        nxt = next(batches, None)
        if nxt is not None:
            waiting.append(nxt.submit(client, expected))
        for job, outcome in zip(batch.jobs, outcomes, strict=True):
            out.append(outcome)
            if progress:
                progress(len(out), len(jobs), job[0],
                         outcome if isinstance(outcome, ExtractionRecord) else None)
    return out


def _batches(jobs: Sequence[Job], size: int) -> Iterator[_Batch]:
    """Consecutive jobs in batches of ``size`` documents and at most _BATCH_BYTES (a larger
    document goes alone), read from disk only when the batch is about to be sent."""
    batch: list[Job] = []
    weight = 0
    for job in jobs:
        try:
            nbytes = job[0].stat().st_size
        except OSError:
            nbytes = 0
        if batch and (len(batch) >= size or weight + nbytes > _BATCH_BYTES):
            yield _Batch(batch)
            batch, weight = [], 0
        batch.append(job)
        weight += nbytes
    if batch:
        yield _Batch(batch)


class _Batch:
    """Consecutive jobs sent as one task (Dask costs ~14 CPU-ms per task on this project's
    machine, a short document ~40 ms to read), with the outcomes decided on the client."""

    def __init__(self, jobs: list[Job]) -> None:
        self.jobs = jobs
        #: Outcomes known without the cluster (a file the client cannot send), else None.
        self.local: list[Outcome | None] = []
        self.future: Future[list[Outcome]] | None = None

    def submit(self, client: Client, expected: str) -> _Batch:
        """Send the batch's documents as one task; a file the client cannot send (not
        readable, empty, over the size limit) is refused here as a local build refuses it."""
        sent: list[tuple[str, str, bytes, str | None, Reading]] = []
        for job in self.jobs:
            content = _content(job[0])
            self.local.append(_load_one(job) if content is None else None)
            if content is not None:
                sent.append((str(job[0]), job[0].name, content, job[1], job[2]))
        if sent:
            import dask

            # One task carries its documents (at most one over _BATCH_BYTES, up to the size
            # limit) once: Dask's warning about large graphs is meant for data repeated in them.
            limit = f"{MAX_DOCUMENT_BYTES + _BATCH_BYTES}B"
            with dask.config.set({"distributed.admin.large-graph-warning-threshold": limit}):
                self.future = client.submit(extract_on_worker, sent, expected, pure=False)
        return self

    def outcomes(self, address: str) -> list[Outcome]:
        """Each job's outcome, in order.

        Raises:
            SchedulerError: the worker's extractor differs, the workers died on the batch, or
                the scheduler was lost.
        """
        remote = iter(self._remote(address))
        return [next(remote) if known is None else known for known in self.local]

    def _remote(self, address: str) -> list[Outcome]:
        if self.future is None:
            return []
        from distributed import KilledWorker

        names = ", ".join(str(job[0]) for job, known in zip(self.jobs, self.local, strict=True)
                          if known is None)
        try:
            return self.future.result()
        except WorkerMismatch as exc:
            raise SchedulerError(address, str(exc)) from None
        except KilledWorker:
            raise SchedulerError(address, f"the workers died reading {names} (out of memory?); "
                                 "see the workers' logs, or build without --scheduler") from None
        except (OSError, TimeoutError, RuntimeError) as exc:  # the scheduler or a connection lost
            raise SchedulerError(address, f"lost the cluster while extracting {names} "
                                 f"({type(exc).__name__}: {exc}); run the build again") from None


def _content(path: Path) -> bytes | None:
    """The bytes to send, or None for a file the loaders would refuse before reading it."""
    try:
        size = path.stat().st_size
        return path.read_bytes() if 0 < size <= MAX_DOCUMENT_BYTES else None
    except OSError:
        return None


#: One document at a time per worker process: the extractor fills its caches (the spaCy model,
#: the rules' tables) lazily for one thread, and Python threads would not run the rules in
#: parallel anyway. Start workers with --nthreads 1 and as many processes as cores.
_ONE_AT_A_TIME = threading.Lock()


def extract_on_worker(documents: Sequence[tuple[str, str, bytes, str | None, Reading]],
                      expected: str) -> list[Outcome]:
    """Extract documents from their bytes on a worker, as a local build would from the files:
    each is (client's path, file name, bytes, encoding, reading).

    Raises:
        WorkerMismatch: this worker's extractor fingerprint is not ``expected`` (another
            coopgraph, other reference data, another or no working model).
    """
    with _ONE_AT_A_TIME:
        out: list[Outcome] = []
        for path_text, name, content, encoding, reading in documents:
            _check_extractor(reading, expected)
            with tempfile.TemporaryDirectory(prefix="coopgraph-") as folder:
                local = Path(folder) / name
                local.write_bytes(content)
                out.append(_as_client_path(_load_one((local, encoding, reading)), str(local), path_text))
        return out


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
