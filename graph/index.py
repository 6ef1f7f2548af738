"""A subject → predicate → objects index over plain triples.

Shared by the Turtle writer (one block per subject) and the SHACL Core checker (look-ups per
focus node): both need it built in one linear pass without rdflib's store overhead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Index = dict[Any, dict[Any, list[Any]]]


def build_index(triples: Iterable[tuple[Any, Any, Any]]) -> Index:
    """subject → predicate → objects (objects in input order)."""
    index: Index = {}
    for s, p, o in triples:
        preds = index.get(s)
        if preds is None:
            preds = index[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = [o]
        else:
            objs.append(o)
    return index
