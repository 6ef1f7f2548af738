"""Defaults shared by the CLI and the library, kept import-light so ``--help`` is fast."""

#: Namespace of minted resources unless ``--base-iri`` says otherwise.
DEFAULT_BASE_IRI = "https://w3id.org/coopgraph/id/"
#: Build directory unless ``-o/--output`` says otherwise.
DEFAULT_OUTPUT = "coopgraph-out"
#: The coopgraph ontology's namespace (``ontology/namespace.py`` holds its terms as rdflib names;
#: this string is for code that must not import rdflib, such as the page and result tables).
ONTOLOGY_NS = "https://w3id.org/coopgraph/ontology#"
