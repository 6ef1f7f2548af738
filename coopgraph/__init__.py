"""coopgraph: documents about development cooperation in, a knowledge graph of who did what,
with whom, where and when out.

The public API (everything else is internal)::

    import coopgraph
    result = coopgraph.build(["report.txt"], output_dir="out")   # load → graph → validate → write
    records = coopgraph.extract(["report.txt"])                  # gold-format records only
    graph = coopgraph.load_graph("out")                          # an rdflib.Dataset
    rows = coopgraph.run_query(coopgraph.open_backend("out"), "who-cooperated-with-whom")
    rows = coopgraph.query("out", "my-question.rq", {"actor": "ILO"})   # any SELECT

Names are imported on first use (PEP 562) so that ``coopgraph --help`` starts fast and an
optional part's heavy imports are paid only when it is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# From a source checkout (a notebook in the clone), ./coopgraph shadows the installed package:
# map loaders/, graph/, … to coopgraph.* here as pyproject.toml does for an install.
from coopgraph._checkout import install_layer_finder as _install_layer_finder

_install_layer_finder(__file__)

_EXPORTS: dict[str, str] = {
    "extract": "coopgraph.extraction",
    "build": "coopgraph.pipeline",
    "BuildResult": "coopgraph.pipeline",
    "build_graph": "coopgraph.graph",
    "load_graph": "coopgraph.graph",
    "validate_graph": "coopgraph.graph",
    "export_graph": "coopgraph.graph",
    "list_queries": "coopgraph.queries",
    "run_query": "coopgraph.queries",
    "query": "coopgraph.queries",
    "open_backend": "coopgraph.queries",
    "write_network": "coopgraph.viz",
    "evaluate": "coopgraph.evaluation",
    "ExtractionRecord": "coopgraph.records",
    "Entity": "coopgraph.records",
    "Event": "coopgraph.records",
    "Relation": "coopgraph.records",
    "CoopgraphError": "coopgraph.errors",
    "InputError": "coopgraph.errors",
    "ValidationError": "coopgraph.errors",
    "QueryError": "coopgraph.errors",
    "EndpointError": "coopgraph.errors",
    "OutputError": "coopgraph.errors",
    "ExtractionError": "coopgraph.errors",
    "LockedError": "coopgraph.errors",
    "SchedulerError": "coopgraph.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'coopgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only (``X as X``: re-exported)
    from coopgraph.errors import (
        CoopgraphError as CoopgraphError,
        EndpointError as EndpointError,
        ExtractionError as ExtractionError,
        InputError as InputError,
        LockedError as LockedError,
        OutputError as OutputError,
        QueryError as QueryError,
        SchedulerError as SchedulerError,
        ValidationError as ValidationError,
    )
    from coopgraph.evaluation import evaluate as evaluate
    from coopgraph.extraction import extract as extract
    from coopgraph.graph import (
        build_graph as build_graph,
        export_graph as export_graph,
        load_graph as load_graph,
        validate_graph as validate_graph,
    )
    from coopgraph.pipeline import (
        BuildResult as BuildResult,
        build as build,
    )
    from coopgraph.queries import (
        list_queries as list_queries,
        open_backend as open_backend,
        query as query,
        run_query as run_query,
    )
    from coopgraph.records import (
        Entity as Entity,
        Event as Event,
        ExtractionRecord as ExtractionRecord,
        Relation as Relation,
    )
    from coopgraph.viz import write_network as write_network
