"""Every example in queries/README.md runs, prints the columns shown, and returns rows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from coopgraph.cli import main

README = Path(__file__).parent.parent / "queries" / "README.md"
EXAMPLE = re.compile(r"```\n\$ coopgraph (query .+)\n```\n\n(\| .+ \|)\n", re.MULTILINE)
EXAMPLES = EXAMPLE.findall(README.read_text(encoding="utf-8"))


def test_readme_has_an_example_for_every_query() -> None:
    from coopgraph.queries import list_queries

    shown = {shlex.split(cmd)[1] for cmd, _ in EXAMPLES}
    assert shown == {q.name for q in list_queries()}


@pytest.mark.parametrize(("command", "header"), EXAMPLES, ids=[shlex.split(c)[1] for c, _ in EXAMPLES])
def test_readme_example_runs(corpus_build: Path, capsys: pytest.CaptureFixture[str],
                             command: str, header: str) -> None:
    argv = [*shlex.split(command), "-o", str(corpus_build), "--format", "markdown"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == header
    assert len(lines) > 2, f"{command} returns no row on the bundled corpus"
