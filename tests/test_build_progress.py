"""Progress of a build: bars for every long step on a terminal, nothing extra in a log.

Issue 15: only extraction showed progress, though at scale writing the graph and drawing the
page take most of a build. The terminal is a real pseudo-terminal (pty) running the installed
``coopgraph``; the log is the CLI run in-process with stderr captured (not a terminal).
"""

from __future__ import annotations

import os
import pty
import shutil
import sys
from pathlib import Path

import pytest

from coopgraph import build
from coopgraph.cli import main
from coopgraph.pipeline import STAGES
from coopgraph.corpus import bundled_documents

BARS = ("reading documents: 100%", "building the graph: ", "checking the shapes: ",
        "writing graph.ttl and graph.trig: ", "drawing network.html: ")


def small_corpus(folder: Path) -> Path:
    folder.mkdir()
    iom = min(bundled_documents(), key=lambda p: p.stat().st_size)
    shutil.copy(iom, folder / iom.name)
    return folder


def run_in_a_terminal(args: list[str], cwd: Path) -> str:
    """Run ``python -m coopgraph ARGS`` on a pseudo-terminal with no size (as `script` or
    `ssh -T` give) and return everything it wrote there."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout and stderr are the terminal
        os.chdir(cwd)
        os.execv(sys.executable, [sys.executable, "-m", "coopgraph", *args])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    return out.decode("utf-8", errors="replace")


def test_a_terminal_shows_a_bar_for_reading_and_for_every_later_step(tmp_path: Path) -> None:
    docs = small_corpus(tmp_path / "docs")
    # rules reading: the bars are the same, and a fresh process skips loading the spaCy model
    shown = run_in_a_terminal(["build", "--reading", "rules", "-o", str(tmp_path / "out"), str(docs)],
                              tmp_path)
    positions = [shown.find(bar) for bar in BARS]
    assert -1 not in positions, shown
    assert positions == sorted(positions)  # in the order the build runs them
    assert "\r" in shown.split("coopgraph: 1 document loaded")[0]  # bars redraw in place
    assert (tmp_path / "out" / "network.html").exists()


def test_a_log_gets_no_bars(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = small_corpus(tmp_path / "docs")
    assert main(["build", "-o", str(tmp_path / "out"), str(docs)]) == 0
    err = capsys.readouterr().err
    assert not any(bar.split(":")[0] in err for bar in BARS)
    assert "\r" not in err


def test_the_api_reports_each_step_as_it_starts_and_ends(tmp_path: Path) -> None:
    seen: list[tuple[str, bool]] = []
    build([small_corpus(tmp_path / "docs")], output_dir=tmp_path / "out",
          stage=lambda name, done: seen.append((name, done)))
    assert seen == [(name, done) for name in STAGES for done in (False, True)]
    seen.clear()
    again = build([tmp_path / "docs"], output_dir=tmp_path / "out",
                  stage=lambda name, done: seen.append((name, done)))
    assert again.up_to_date and seen == []  # nothing rebuilt, no step to show
