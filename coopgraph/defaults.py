"""Defaults shared by the CLI and the library, kept import-light so ``--help`` is fast."""

#: Namespace of minted resources unless ``--base-iri`` says otherwise.
DEFAULT_BASE_IRI = "https://w3id.org/coopgraph/id/"
#: Build directory unless ``-o/--output`` says otherwise.
DEFAULT_OUTPUT = "coopgraph-out"
