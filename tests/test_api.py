"""The public API is exactly what ``__all__`` lists, and every listed name resolves."""

from __future__ import annotations

import coopgraph


def test_every_public_name_resolves() -> None:
    for name in coopgraph.__all__:
        assert getattr(coopgraph, name) is not None, name


def test_all_matches_the_documented_api() -> None:
    expected = {
        "__version__", "extract", "build", "BuildResult", "build_graph", "load_graph",
        "validate_graph", "export_graph", "list_queries", "run_query", "open_backend", "query",
        "write_network", "evaluate", "ExtractionRecord", "Entity", "Event", "Relation",
        "CoopgraphError", "InputError", "ValidationError", "QueryError", "EndpointError",
        "OutputError", "ExtractionError", "LockedError", "SchedulerError",
    }
    assert set(coopgraph.__all__) == expected
    assert set(dir(coopgraph)) == expected


def test_unknown_name_raises_attribute_error() -> None:
    try:
        coopgraph.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")
