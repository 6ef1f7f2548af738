"""A build killed midway leaves the previous outputs whole (issue #4, "Bad input")."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rdflib import Graph

from coopgraph.cli import main
from coopgraph.corpus import bundled_documents


@pytest.mark.slow
def test_killed_build_leaves_previous_outputs_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", "-q", "-o", str(out)]) == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig",
                                                           "network.html", "manifest.json")}
    docs = tmp_path / "many"
    docs.mkdir()
    secim = max(bundled_documents(), key=lambda p: p.stat().st_size)
    for i in range(40):
        shutil.copy(secim, docs / f"copy-{i:02d}.txt")
    # cwd outside the checkout: `python -m` puts the cwd first on sys.path, and the source
    # folder coopgraph/ alone is not the installed package.
    with subprocess.Popen(
            [sys.executable, "-m", "coopgraph", "build", "--force", "-o", str(out), str(docs)],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}) as proc:
        assert proc.stderr is not None
        seen = ""
        # Progress in a log (not a terminal) comes every tenth of the batch: 4 of 40.
        while "extracting 4/40" not in seen:
            chunk = proc.stderr.read(1)
            if not chunk:
                break
            seen += chunk
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert "extracting 4/40" in seen, f"build ended before it could be interrupted: {seen!r}"
    assert proc.returncode == -signal.SIGKILL
    after = {name: (out / name).read_bytes() for name in before}
    assert after == before
    assert len(Graph().parse(out / "graph.ttl")) > 1000
