"""Minting IRIs: readable, stable slugs from canonical names, with collisions resolved.

Why one module: ``graph/`` is the only place that mints IRIs (STYLE §1), and the same name must
give the same IRI in every build, whatever the order of the input documents.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef


#: Longest slug kept; longer names are cut at a hyphen and get a short hash for uniqueness.
MAX_SLUG = 60

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """A lower-case ASCII slug (``a-z0-9`` and single hyphens) for any text; never empty.

    Accents are folded (``Tövschüren`` → ``tovschuren``); text with no letter or digit left
    gets ``x-`` plus a short hash, so distinct texts still get distinct slugs.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", folded.lower()).strip("-")
    if not slug:
        return "x-" + short_hash(text)
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
        slug = f"{cut}-{short_hash(text)}"
    return slug


def short_hash(text: str, length: int = 10) -> str:
    """The first ``length`` hex digits of the SHA-1 of ``text`` (a stable disambiguator)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


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
