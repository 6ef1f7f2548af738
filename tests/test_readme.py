"""The README stays true: every command it shows exists, every query it names is in the library,
and the example commands run on the bundled corpus."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from coopgraph.cli import main, make_parser
from coopgraph.queries import list_queries

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[list[str]]:
    blocks = re.findall(r"```\n(.*?)```", README, flags=re.S)
    lines = [ln.removeprefix("$ ").strip() for b in blocks for ln in b.splitlines()]
    return [shlex.split(ln.split(" | ")[0]) for ln in lines if ln.startswith("coopgraph ")]


def test_every_readme_subcommand_is_registered() -> None:
    registered = set(make_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    shown = {argv[1] for argv in readme_commands()}
    assert {"build", "extract", "evaluate", "query", "viz", "validate"} <= shown
    assert shown <= registered
    headings = set(re.findall(r"^### `coopgraph (\w+)", README, flags=re.M))
    assert registered - {"serve", "push"} <= headings | shown


def test_every_library_query_is_listed_in_readme() -> None:
    names = sorted(q.name for q in list_queries())
    assert len(names) == 12
    assert [n for n in names if f"`{n}`" not in README] == []


@pytest.mark.parametrize("argv", [a for a in readme_commands() if a[1] == "query"],
                         ids=lambda a: " ".join(a[2:5]))
def test_readme_query_examples_run(argv: list[str], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch,
                                   corpus_build: Path) -> None:
    monkeypatch.chdir(corpus_build.parent)
    args = [*argv[1:], "-o", str(corpus_build)]
    assert main(args) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip()


def test_every_runtime_dependency_is_justified_with_its_weight() -> None:
    """Issue 15 (weight): each dependency in pyproject.toml has a row in the README's table
    with its installed size, and the table names nothing that is not a dependency."""
    import tomllib
    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {re.split(r"[ <>=!~;\[]", dep, maxsplit=1)[0].lower().replace("_", "-")
              for dep in project["dependencies"]}
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dependencies, and why", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "MB |" in line]
    named = {name.strip().lower().replace("_", "-")
             for row in rows for name in row.split("|")[1].split(",")}
    assert named == wanted
    assert "scipy" not in wanted  # dropped: the layout is numpy's (tests/test_viz.py)


def readme_output(command: str) -> str:
    """What the README shows ``$ COMMAND`` printing (the rest of its code block)."""
    block = re.search(rf"```\n\$ {re.escape(command)}\n(.*?)```", README, flags=re.S)
    assert block, f"no `$ {command}` example in the README"
    return block.group(1)


def test_build_viz_and_validate_print_what_the_readme_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15 (a newcomer's try): the README said 5865 triples where validate printed 5859."""
    monkeypatch.chdir(tmp_path)  # as a new user: the default ./coopgraph-out
    for command in ("coopgraph build", "coopgraph viz", "coopgraph validate"):
        assert main(command.split()[1:]) == 0
        assert capsys.readouterr().out == readme_output(command), command
