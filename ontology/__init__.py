"""The coopgraph ontology files, shipped as package data, and helpers to find and read them.

Why helpers: the graph, validation and export code (and users' notebooks) need the same files
whether coopgraph runs from a checkout or an installed wheel.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import rdflib

__all__ = [
    "context_path", "load_ontology", "ontology_path", "schemes_path", "shapes_path",
]


def _file(name: str) -> Path:
    return Path(str(files("coopgraph.ontology") / name))


def ontology_path() -> Path:
    """``coopgraph.ttl``: the OWL ontology (classes, properties, alignments)."""
    return _file("coopgraph.ttl")


def schemes_path() -> Path:
    """``schemes.ttl``: the SKOS concept schemes (categories, event types, statuses, ...)."""
    return _file("schemes.ttl")


def shapes_path() -> Path:
    """``shapes.ttl``: the SHACL shapes every built graph must conform to."""
    return _file("shapes.ttl")


def context_path() -> Path:
    """``context.jsonld``: the JSON-LD context used by the JSON-LD export."""
    return _file("context.jsonld")


def load_ontology(*, with_schemes: bool = True) -> rdflib.Graph:
    """The ontology (and by default the concept schemes) as one rdflib graph."""
    g = rdflib.Graph()
    g.parse(ontology_path(), format="turtle")
    if with_schemes:
        g.parse(schemes_path(), format="turtle")
    return g
