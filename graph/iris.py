"""Minting IRIs: readable, stable slugs from canonical names, with collisions resolved.

Why one module: ``graph/`` is the only place that mints IRIs (STYLE §1), and the same name must
give the same IRI in every build, whatever the order of the input documents.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from coopgraph.slugs import slugify


def check_base_iri(base_iri: str) -> str:
    """The base IRI, which must be absolute http(s) and end with ``/`` or ``#``.

    Raises:
        ValueError: the base cannot prefix minted IRIs.
    """
    if not re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base_iri):
        raise ValueError(
            f"base IRI {base_iri!r} must be an http(s) IRI ending in '/' or '#', "
            "such as https://example.org/id/")
    return base_iri


class SlugRegistry:
    """Hands out unique slugs inside one namespace (``organisation/``, ``event/doc/``, ...).

    Callers must claim slugs in a deterministic order (sorted keys): the first claimant of a
    slug keeps it, later ones get ``-2``, ``-3``, ...
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, text: str) -> str:
        """A slug for ``text`` not handed out before by this registry."""
        base = slugify(text)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = f"{base}-{n}"
        self._taken.add(slug)
        return slug


def mint(base_iri: str, *parts: str) -> URIRef:
    """``base_iri`` followed by the given (already slugged) path segments."""
    return URIRef(base_iri + "/".join(parts))
