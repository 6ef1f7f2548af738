"""Bulk loading of built triples into an rdflib ``Dataset``.

Why: ``build_graph`` makes about 500 triples per document. Adding them one by one through
``Graph.add`` costs ~10 µs each in rdflib's ``Memory`` store (event dispatch, context
bookkeeping per call), which dominated the build at 1,000 documents. The builder therefore
collects each named graph's triples in a plain ``set`` first and loads them here in one pass.

For an empty rdflib 7 ``Memory`` store (the ``Dataset`` default) the indexes are filled
directly, with exactly the structures ``Memory.add`` would build; any other store, or a store
whose internals are not the expected ones, gets the public ``addN`` (same result, slower).
``tests/test_graph_bulk.py`` checks both paths give the same dataset.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, TypeGuard

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.memory import Memory

Triple = tuple[Any, Any, Any]

_PRIVATE = "_Memory__"  # how Python mangles Memory's private ``__name`` attributes
_INTERNALS = ("spo", "pos", "osp", "tripleContexts", "contextTriples", "all_contexts", "context_obj_map",
              "defaultContexts")


def _internal(store: object, name: str) -> Any:
    """``Memory``'s private ``__name`` attribute (name-mangled to ``_Memory__name``)."""
    return getattr(store, _PRIVATE + name)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while millions of small objects are made.

    Why: building or writing a graph allocates terms, tuples and dicts that are never cyclic
    garbage, yet each allocation burst triggers collections that scan the whole growing heap;
    at 2,000 documents that made the build super-linear (measured: 81 s vs 22 s at 1,000).
    Reference counting still frees everything; the collector is re-enabled on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class TripleSink(Protocol):
    """Anything with ``add((s, p, o))``: an rdflib ``Graph`` or a plain ``set`` of triples."""

    def add(self, triple: Triple, /) -> Any: ...


def graph_triples(g: Graph) -> Collection[Triple]:
    """The triples of one graph (a named graph of a dataset, or a plain graph), read fast.

    Why: iterating an rdflib graph computes, for every triple, the list of graphs holding it
    (unused here), which cost more than writing the Turtle. A ``Memory`` store keeps each
    graph's triples in a set; that set is copied directly.
    """
    store = g.store
    if type(store) is Memory and hasattr(store, _PRIVATE + "contextTriples"):
        ctx = f"{g.identifier.__class__.__name__}:{g.identifier}"
        return set(_internal(store, "contextTriples").get(ctx, ()))
    return set(g.triples((None, None, None)))


def fill_graph(g: Graph, triples: Iterable[Triple]) -> None:
    """Add ``triples`` to ``g`` (fast when ``g`` is a new graph on a ``Memory`` store)."""
    store = g.store
    if _fast_path_possible(store):
        _fill_memory(store, [(g, triples)])
    else:
        g.addN((s, p, o, g) for s, p, o in triples)


def load_graphs(ds: Dataset, graphs: Mapping[URIRef, Iterable[Triple]]) -> None:
    """Add every (graph name → triples) to ``ds``, graphs in name order."""
    names = sorted(graphs, key=str)
    targets = {name: ds.graph(name) for name in names}
    store = ds.store
    if _fast_path_possible(store):
        _fill_memory(store, [(targets[n], graphs[n]) for n in names])
        return
    for name in names:
        g = targets[name]
        store.addN((s, p, o, g) for s, p, o in graphs[name])


def _fast_path_possible(store: object) -> TypeGuard[Memory]:
    if type(store) is not Memory or not all(hasattr(store, _PRIVATE + a) for a in _INTERNALS):
        return False
    return not _internal(store, "spo") and _internal(store, "defaultContexts") is None


def _fill_memory(store: Memory, graphs: list[tuple[Graph, Iterable[Triple]]]) -> None:
    """Fill an empty Memory store's indexes as ``Memory.add(triple, graph)`` would."""
    spo: dict[Any, Any] = _internal(store, "spo")
    pos: dict[Any, Any] = _internal(store, "pos")
    osp: dict[Any, Any] = _internal(store, "osp")
    triple_contexts: dict[Triple, dict[str | None, bool]] = _internal(store, "tripleContexts")
    context_triples: dict[str | None, set[Triple]] = _internal(store, "contextTriples")
    contexts_of: dict[Triple, list[str]] = {}
    for graph, triples in graphs:
        ctx = f"{graph.identifier.__class__.__name__}:{graph.identifier}"
        _internal(store, "all_contexts").add(graph)
        _internal(store, "context_obj_map")[ctx] = graph
        members = context_triples.setdefault(ctx, set())
        for t in triples:
            members.add(t)
            seen = contexts_of.get(t)
            if seen is None:
                contexts_of[t] = [ctx]
                subj, pred, obj = t
                # spo[s][p][o] = pos[p][o][s] = osp[o][s][p] = 1, inlined: this is the hot loop
                # (setdefault with a fresh {} measured as fast as get-then-insert, 500k triples)
                spo.setdefault(subj, {}).setdefault(pred, {})[obj] = 1
                pos.setdefault(pred, {}).setdefault(obj, {})[subj] = 1
                osp.setdefault(obj, {}).setdefault(subj, {})[pred] = 1
            elif ctx not in seen:
                seen.append(ctx)
    if not contexts_of:
        return
    context_triples[None].update(contexts_of)
    default: dict[str | None, bool] | None = None
    for t, ctxs in contexts_of.items():
        info: dict[str | None, bool] = dict.fromkeys(ctxs, False)
        info[None] = False
        if default is None:
            default = info
            setattr(store, _PRIVATE + "defaultContexts", default)
        elif info != default:
            triple_contexts[t] = info
