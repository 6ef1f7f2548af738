"""find_names: what in the graph a user's value names, for the hint after an empty answer.

Why: "does 'Bulgan' name something in the graph?" sent users looking while the soum was there;
the hint now looks the value up among labels and aliases (any case, whole names, IRIs and
convention numbers, as the library queries match) and says what it found.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from coopgraph.queries.backends import QueryBackend
from coopgraph.defaults import ONTOLOGY_NS

#: Kinds a name can have, most specific class first (an aimag is also a place).
KINDS: tuple[tuple[str, str], ...] = (
    ("Organisation", "organisation"), ("Project", "project"), ("Person", "person"),
    ("Convention", "convention"), ("Policy", "policy"), ("Aimag", "place"), ("Soum", "place"),
    ("City", "place"), ("Country", "place"), ("Region", "place"), ("Place", "place"),
    ("Event", "event"),
)
_ONTOLOGY = ONTOLOGY_NS
_LOOKUP = """PREFIX cg: <https://w3id.org/coopgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT DISTINCT ?name ?thing ?label ?type
WHERE {
  { ?thing rdfs:label|skos:altLabel ?given } UNION { ?thing cg:conventionNumber ?given }
  FILTER (LCASE(STR(?given)) = LCASE(STR(?name)) || STR(?thing) = STR(?name))
  ?thing rdfs:label ?label ;
         a ?type .
}
ORDER BY STR(?label) STR(?thing)
"""


@dataclass(frozen=True)
class NameMatch:
    """Something the graph names with the value: its IRI, label and kind (``place``, …)."""

    iri: str
    label: str
    kind: str


def find_names(backend: QueryBackend, value: str) -> list[NameMatch]:
    """Entities whose label, alias, convention number or IRI is ``value`` (any case).

    The value is bound as a literal like every parameter. Raises EndpointError on a remote
    backend that fails.
    """
    result = backend.select(_LOOKUP, {"name": Literal(value)})
    types: dict[tuple[str, str], set[str]] = {}
    for _, thing, label, rdf_type in result.rows:
        if isinstance(rdf_type, URIRef) and rdf_type.startswith(_ONTOLOGY):
            types.setdefault((str(thing), str(label)), set()).add(rdf_type[len(_ONTOLOGY):])
    return [NameMatch(iri, label, _kind(classes)) for (iri, label), classes in types.items()
            if _kind(classes)]


def _kind(classes: set[str]) -> str:
    return next((kind for name, kind in KINDS if name in classes), "")
