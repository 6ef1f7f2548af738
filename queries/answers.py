"""Answers a build stores beside its graph, and the backend that reads them first.

Why: a library query without parameters has one answer per build. who-cooperated-with-whom,
the question asked first and most, took 1.7 s at 10^6 triples on a store that takes 4 s to load
(``coopgraph query`` loads it on every run). The build writes its rows, sorted as the query
sorts them (coopgraph.graph.cooperation_table), into ``answers/<query>.json``; the embedded
backend of a build folder answers that exact query from the file and loads the store only
for other questions.

A stored answer is used only when its build key equals the one in the folder's
``manifest.json``: both are written by the same build, in one step with the graph files, so an
answer from an older build is never read against a newer graph. A remote endpoint or a graph
file given by path always runs the SPARQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib.term import Identifier

from coopgraph._atomic import atomic_write_text
from coopgraph.queries.backends import OxigraphBackend, _from_json
from coopgraph.queries.library import load_query
from coopgraph.queries.results import QueryResult, make_result

if TYPE_CHECKING:  # the graph package imports networkx; a query reading an answer needs none
    from coopgraph.graph.cooperation_table import CooperationRow

ANSWERS_DIR = "answers"
#: The library queries whose answers a build stores.
PRECOMPUTED: tuple[str, ...] = ("who-cooperated-with-whom",)


def answer_path(build_dir: Path, name: str) -> Path:
    """Where a build keeps the answer to the library query ``name``."""
    return build_dir / ANSWERS_DIR / f"{name}.json"


def cooperation_answer(rows: Sequence[CooperationRow]) -> QueryResult:
    """The who-cooperated-with-whom answer from the cooperation table (its columns, in order)."""
    return make_result(  # the columns the .rq projects, in order (the parity test runs both)
        ("firstName", "secondName", "events", "firstYear", "lastYear", "first", "second"),
        [(r.first_name, r.second_name, r.events, r.first_year, r.last_year, r.first, r.second)
         for r in rows])


def save_answers(build_dir: Path, answers: Mapping[str, QueryResult], build_key: str) -> list[Path]:
    """Write each answer as a line naming its build, then SPARQL 1.1 Query Results JSON."""
    written = []
    for name, result in answers.items():
        head = json.dumps({"query": name, "build_key": build_key}) + "\n"
        written.append(atomic_write_text(answer_path(build_dir, name), head + result.to_json()))
    return written


def stores_answers(build_dir: Path) -> bool:
    """Whether ``build_dir`` holds stored answers (a build of this version wrote it)."""
    return (build_dir / ANSWERS_DIR).is_dir()


def load_answer(build_dir: Path, name: str) -> QueryResult | None:
    """The stored answer to ``name`` when it belongs to the folder's current build, else None."""
    path = answer_path(build_dir, name)
    try:
        manifest = json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))
        with path.open("rb") as handle:
            head = json.loads(handle.readline())
            if head.get("build_key") != manifest.get("build_key") or head.get("query") != name:
                return None
            return _from_json(str(path), handle.read())
    except (OSError, ValueError, AttributeError):
        return None


class BuildFolderBackend:
    """The embedded backend of a build folder: stored answers first, the store when needed.

    Behaves as :class:`OxigraphBackend` on the folder's graph file (which it loads on the first
    question without a stored answer); ``select`` of a precomputed library query's exact text,
    without bindings, reads the stored answer.
    """

    name = "oxigraph"

    def __init__(self, build_dir: Path, graph_file: Path) -> None:
        self.build_dir = build_dir
        self.graph_file = graph_file
        self._backend: OxigraphBackend | None = None
        self._texts = {load_query(n).sparql: n for n in PRECOMPUTED}

    def select(self, sparql: str, bindings: Mapping[str, Identifier]) -> QueryResult:
        """A stored answer, or the query run on the loaded store. Raises QueryError, or
        InputError when the graph file cannot be loaded."""
        name = None if bindings else self._texts.get(sparql)
        stored = load_answer(self.build_dir, name) if name else None
        if stored is not None:
            return stored
        if self._backend is None:
            self._backend = OxigraphBackend.from_file(self.graph_file)
        return self._backend.select(sparql, bindings)

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
