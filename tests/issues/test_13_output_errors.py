"""Issue #13 (https://github.com/coopgraph/coopgraph/issues/13), item 8: a full disk gave a raw
``OSError: [Errno 28]`` traceback and exit code 1. Now a write that fails (no space, no
permission, a folder that is a file) is one line and exit code 2, and the previous build's
outputs are all still there, byte for byte."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

import coopgraph._atomic as atomic
from coopgraph.cli import main

FIRST = "The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour.\n"
SECOND = "GIZ trained 40 inspectors in Erdenet on 3 June 2018 with the Ministry of Labour.\n"
OUTPUTS = ("graph.ttl", "graph.trig", "network.html", "manifest.json")


def _first_build(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A built folder, its document changed since (so the next build writes new outputs)."""
    doc, out = tmp_path / "report.txt", tmp_path / "out"
    doc.write_text(FIRST, encoding="utf-8")
    assert main(["build", "-q", "-o", str(out), str(doc)]) == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    doc.write_text(FIRST + SECOND, encoding="utf-8")
    return doc, out, before


class _FullDisk:
    """A file object that raises ENOSPC on its first write, as on a disk that just filled up."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


@pytest.mark.parametrize("fails_in", ["graph.trig", "network.html", "manifest.json"])
def test_full_disk_is_one_line_exit_2_and_the_old_outputs_are_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        fails_in: str) -> None:
    doc, out, before = _first_build(tmp_path)
    # The disk fills up when ``fails_in`` is written, after the outputs written before it.
    targets: dict[int, str] = {}
    real_mkstemp, real_fdopen = atomic.tempfile.mkstemp, os.fdopen

    def mkstemp(*, prefix: str, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(prefix=prefix, **kwargs)
        targets[fd] = prefix[1:-1]  # ".graph.trig." -> "graph.trig"
        return fd, name

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        fh = real_fdopen(fd, *args, **kwargs)
        return _FullDisk(fh) if targets.get(fd) == fails_in else fh

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    capsys.readouterr()
    code = main(["build", "-o", str(out), str(doc)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert captured.err.splitlines()[-1] == (
        f"error: {out / fails_in}: no space left on the device; the previous outputs are "
        "whole; free some space or pass another -o DIR")
    assert "Traceback" not in captured.err and "wrote" not in captured.out
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(["answers", "cache", *OUTPUTS])


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: file permissions do not bind root, so a read-only "
                           "folder is still writable (the folder-under-a-file test covers the "
                           "same error path)")
def test_read_only_build_folder_is_one_line_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, out, before = _first_build(tmp_path)
    out.chmod(0o555)
    try:
        capsys.readouterr()
        code = main(["build", "-o", str(out), str(doc)])
    finally:
        out.chmod(0o755)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.splitlines()[-1] == (
        f"error: {out / 'graph.ttl'}: permission denied; the previous outputs are whole; make "
        "the folder writable or pass another -o DIR")
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before


def test_build_folder_under_a_file_is_one_line_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text(FIRST, encoding="utf-8")
    out = doc / "out"  # a folder inside a file cannot be made
    code = main(["build", "-q", "-o", str(out), str(doc)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err == (f"error: {out}: a part of this path is a file, not a folder; pass another "
                   "-o DIR\n")
