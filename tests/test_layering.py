"""The one-way flow loaders → graph → queries / viz, enforced on the source (issue #2)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: For each layer folder, the coopgraph subpackages it must never import.
FORBIDDEN: dict[str, set[str]] = {
    "loaders": {"coopgraph.graph", "coopgraph.queries", "coopgraph.viz", "coopgraph.pipeline",
                "rdflib"},
    "graph": {"coopgraph.queries", "coopgraph.viz", "coopgraph.loaders", "coopgraph.pipeline"},
    "queries": {"coopgraph.viz", "coopgraph.loaders", "coopgraph.pipeline"},
    "viz": {"coopgraph.loaders", "coopgraph.pipeline"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(layer: str) -> list[str]:
    bad = []
    for source in sorted((ROOT / layer).rglob("*.py")):
        for module in imported_modules(source):
            for banned in FORBIDDEN[layer]:
                if module == banned or module.startswith(banned + "."):
                    bad.append(f"{source.relative_to(ROOT)} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_from_its_left(layer: str) -> None:
    assert (ROOT / layer).is_dir()
    assert violations(layer) == []


def test_checker_detects_a_backward_import(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("from coopgraph.queries import run_query\nimport rdflib\n")
    assert imported_modules(source) == {"coopgraph.queries", "rdflib"}


def test_no_top_level_layer_packages_are_installed() -> None:
    import importlib.util

    import coopgraph.graph

    assert coopgraph.graph.__name__ == "coopgraph.graph"
    for name in ("graph", "loaders", "queries", "viz", "ontology"):
        spec = importlib.util.find_spec(name)
        # A top-level name may only resolve to the source checkout (tests run from it), never
        # to site-packages.
        assert spec is None or "site-packages" not in str(spec.origin), name


def test_subpackages_of_a_layer_are_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loaders are split into formats/, structured/ and text/: a backward import two folders
    down must be found, not silently skipped by a one-level glob."""
    layer = tmp_path / "loaders" / "text" / "deep"
    layer.mkdir(parents=True)
    (layer / "bad.py").write_text("from coopgraph.graph import build_graph\n")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert violations("loaders") == ["loaders/text/deep/bad.py imports coopgraph.graph"]
