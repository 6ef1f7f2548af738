"""Issue #13 (https://github.com/coopgraph/coopgraph/issues/13), item 7: two builds into one
folder both printed ``wrote …`` and exited 0. Now the second refuses (or waits) with one line
naming the build that holds the folder, and a lock left by a killed build is taken over."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from coopgraph._lock import build_lock
from coopgraph.corpus import bundled_documents
from coopgraph.errors import LockedError
from coopgraph.pipeline import build

SENTENCE = "The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour.\n"


def _coopgraph(*args: str) -> list[str]:
    """The command line of a real build process (run with cwd outside the checkout, since
    `python -m` puts the cwd first on sys.path)."""
    return [sys.executable, "-m", "coopgraph", *args]


def _start_slow_build(tmp_path: Path, out: Path) -> subprocess.Popen[str]:
    """A real `coopgraph build` of 30 copies of the longest bundled document, returned once
    it is extracting (so it holds the folder)."""
    docs = tmp_path / "many"
    docs.mkdir()
    secim = max(bundled_documents(), key=lambda p: p.stat().st_size)
    for i in range(30):
        shutil.copy(secim, docs / f"copy-{i:02d}.txt")
    proc = subprocess.Popen(_coopgraph("build", "--no-network", "-o", str(out), str(docs)),
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stderr is not None
    seen = ""
    while "extracting 3/30" not in seen:
        chunk = proc.stderr.read(1)
        if not chunk:
            break
        seen += chunk
    assert "extracting 3/30" in seen, f"the first build ended early: {seen!r}"
    return proc


@pytest.mark.slow
def test_second_build_refuses_naming_the_holder_and_a_killed_ones_lock_is_taken_over(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    small = tmp_path / "small.txt"
    small.write_text(SENTENCE, encoding="utf-8")
    first = _start_slow_build(tmp_path, out)
    try:
        second = subprocess.run(_coopgraph("build", "--no-network", "-o", str(out), str(small)),
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert first.poll() is None, "the first build must still be running for this test"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert first.stderr is not None
        first.stderr.close()
    assert second.returncode == 2, second.stderr
    assert second.stdout == ""
    lines = second.stderr.splitlines()
    assert len(lines) == 1, second.stderr
    assert lines[0].startswith(f"error: {out}: another build is writing here (pid {first.pid}, "
                               "started 20"), lines[0]
    assert lines[0].endswith("; wait for it to finish (build --wait SECONDS) or pass another "
                             "-o DIR")
    assert not (out / "graph.ttl").exists()

    # The first build was killed holding the lock: the next build takes it over and says so.
    third = subprocess.run(_coopgraph("build", "--no-network", "-o", str(out), str(small)),
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert third.returncode == 0, third.stderr
    assert (f"warning: {out}: took over the lock of a build that is no longer running "
            f"(pid {first.pid}, started 20") in third.stderr
    assert f"wrote {out / 'graph.ttl'}" in third.stdout


def test_a_build_waits_for_the_holder_up_to_its_limit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    small = tmp_path / "small.txt"
    small.write_text(SENTENCE, encoding="utf-8")
    with build_lock(out) as holder:
        t0 = time.monotonic()
        with pytest.raises(LockedError) as caught:
            build([small], output_dir=out, network=False, wait=0.6)
        assert time.monotonic() - t0 >= 0.6
    assert caught.value.pid == os.getpid() == holder.pid
    assert f"(pid {os.getpid()}, started {holder.started}) after waiting 0.6 s;" in str(caught.value)

    held = threading.Event()

    def hold_briefly() -> None:
        with build_lock(out):
            held.set()
            time.sleep(0.5)

    thread = threading.Thread(target=hold_briefly)
    thread.start()
    assert held.wait(5)
    result = build([small], output_dir=out, network=False, wait=30)
    thread.join()
    assert [p.name for p in result.written] == ["graph.ttl", "graph.trig",
                                                "who-cooperated-with-whom.json", "manifest.json"]
    assert not any("took over" in w for w in result.report.warnings)
