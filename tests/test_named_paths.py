"""Every repository path a docstring, README.md or docs/ names exists (issue 16).

Why: files move (loaders/ was split in three, tests were renamed) and the words pointing at them
stayed behind: docstrings named a test file and a generator that did not exist. A reader who
follows such a path finds nothing. This reads the text only (no imports), so it takes well under
a second.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The repository's own top-level folders and files: a path starting with one is the repository's.
_TOP = (".ci", "benchmarks", "coopgraph", "data", "docs", "graph", "loaders", "ontology", "queries",
        "tests", "viz")
_TOP_FILES = ("README.md", "CHANGELOG.md", "pyproject.toml")
_FOLDERS = "|".join(re.escape(t) for t in _TOP)
_FILES = "|".join(re.escape(f) for f in _TOP_FILES)
_PATH = re.compile(rf"(?<![\w./:>-])(?:(?:{_FOLDERS})/[\w./-]*|(?:{_FILES}))(?![\w/*<{{])")
#: Markdown links to files: [text](target) with a relative target.
_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s#]+)(?:#[^)]*)?\)")
_SOURCES = ("coopgraph", "loaders", "graph", "queries", "viz", "ontology", "tests", "benchmarks")


def _docstrings(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield doc


def _texts() -> Iterator[tuple[Path, str]]:
    for folder in _SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "data" not in path.relative_to(ROOT).parts[1:2]:
                for doc in _docstrings(path):
                    yield path, doc
    for path in (ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")),
                 *sorted(ROOT.glob("*/README.md"))):
        yield path, path.read_text(encoding="utf-8")


def named_paths(text: str) -> set[str]:
    """The repository paths named in ``text``, as written (globs and placeholders left out)."""
    found = set()
    for m in _PATH.finditer(text):
        path = m.group(0).rstrip(".,:;")
        if not any(c in path for c in "*<>{}") and not path.endswith("/..."):
            found.add(path)
    return found


def missing_paths() -> list[str]:
    missing = set()
    for source, text in _texts():
        where = source.relative_to(ROOT)
        for path in named_paths(text):
            if not (ROOT / path).exists():
                missing.add(f"{where}: {path}")
        if source.suffix == ".md":
            for target in _LINK.findall(text):
                if not (source.parent / target).exists() and not (ROOT / target).exists():
                    missing.add(f"{where}: link {target}")
    return sorted(missing)


def test_every_named_repository_path_exists() -> None:
    assert missing_paths() == []


@pytest.mark.parametrize(("text", "paths"), [
    ("see loaders/text/dates.py, and tests/test_names.py.", {"loaders/text/dates.py", "tests/test_names.py"}),
    ("data/reference/*.json and tests/issues/test_<n>_<slug>.py", set()),
    ("https://example.org/graph/x.ttl and coopgraph-out/graph.ttl", set()),
    ("IRIs <base>graph/reference; files tests/issues/test_13_*.py", set()),
    ("the README.md says; queries/README.md too", {"README.md", "queries/README.md"}),
])
def test_paths_are_found_as_written(text: str, paths: set[str]) -> None:
    assert named_paths(text) == paths
