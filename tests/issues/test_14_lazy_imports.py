"""Issue 14, item 5: ``coopgraph --version`` and ``coopgraph query`` import only what they use.

Before: every start imported every command's module, and with them networkx, numpy, rdflib's
SPARQL engine and pyparsing (1.2-1.3 CPU-s for ``--version``). Each check runs a fresh
interpreter and reads its ``sys.modules``, so a module imported at start by any path fails it.
The CPU-time target (≤ 0.3 CPU-s) is measured in benchmarks/, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coopgraph.errors import QueryError
from coopgraph.queries.library import (NamedQuery, _check_params, _passes_quick_check, _prepare,
                                       check_query, list_queries)

#: Never needed to print the version or to answer a library query on the embedded store.
HEAVY = ("networkx", "numpy", "scipy", "pyparsing", "spacy", "pyshacl", "rdflib.plugins.sparql",
         "coopgraph.graph", "coopgraph.loaders", "coopgraph.viz", "coopgraph.extraction")


def modules_after(argv: list[str], cwd: Path) -> tuple[int, str, set[str]]:
    """Run ``coopgraph ARGV`` in a fresh interpreter; its exit code, output and the top
    modules it imported."""
    script = ("import json, sys\nfrom coopgraph.cli import main\ncode = main(sys.argv[1:])\n"
              "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script, *argv], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False)
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    return code, done.stdout, set(modules)


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_version_imports_no_command(tmp_path: Path) -> None:
    code, out, modules = modules_after(["--version"], tmp_path)
    assert (code, out) == (0, "coopgraph 0.1.0\n")
    assert heavy_in(modules) == []
    assert "rdflib" not in modules
    assert not any(m.startswith("coopgraph.cli._") and m not in ("coopgraph.cli._commands",)
                   for m in modules)


def test_help_lists_every_command_without_importing_them(tmp_path: Path) -> None:
    code, out, modules = modules_after(["--help"], tmp_path)
    assert code == 0
    for name in ("build", "extract", "evaluate", "viz", "validate", "export", "query", "serve",
                 "push"):
        assert f"    {name} " in out
    assert "run a named question from the query library" in out
    assert heavy_in(modules) == []


def test_query_imports_the_query_layer_only(corpus_build: Path, tmp_path: Path) -> None:
    code, out, modules = modules_after(
        ["query", "partners-of-actor", "--param", "actor=ILO", "-o", str(corpus_build),
         "--format", "csv"], tmp_path)
    assert code == 0
    assert "Government Agency for Specialised Inspection" in out
    assert heavy_in(modules) == []


def test_a_command_still_gets_its_own_options(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from coopgraph.cli import main
    assert main(["export", "--help"]) == 0
    assert "--format" in capsys.readouterr().out
    assert main(["query", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize("named", list_queries(), ids=lambda q: q.name)
def test_quick_check_agrees_with_rdflib_on_the_library(named: NamedQuery) -> None:
    """Every bundled query passes Oxigraph's quick check, and rdflib's full check agrees."""
    assert _passes_quick_check(named)
    _check_params(named, _prepare(named))


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT ?x WHERE { ?x ?p ?o ", "SPARQL syntax error"),
    ("SELECT ?x WHERE { ?x ?p ?actor }", "param 'actor' is not a projected variable"),
    ("SELECT ?actor (COUNT(?x) AS ?n) WHERE { ?x ?p ?actor } GROUP BY ?x",
     "param 'actor' must be in GROUP BY"),
    ("SELECT ?p (COUNT(?x) AS ?actor) WHERE { ?x ?p ?o } GROUP BY ?p",
     "param 'actor' must be in GROUP BY"),
])
def test_queries_the_quick_check_refuses_get_rdflibs_message(text: str, message: str,
                                                             tmp_path: Path) -> None:
    from coopgraph.queries.library import QueryParam
    param = QueryParam("actor", "string", None, "ILO", "the actor")
    with pytest.raises(QueryError, match=message):
        check_query(tmp_path / "q.rq", text, (param,))
