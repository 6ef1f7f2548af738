"""Slugs: names turned into the ``a-z0-9`` and hyphen words of ids and IRIs.

Why one module: the loaders give record-local ids and the graph mints IRIs, and each had its own
slug function. The two rules really differ, so there are two, named for what they make (tests in
tests/test_names.py):

- ``slugify``: the IRI slug. Never empty and unique per text: a text with no letter or digit,
  or one cut at ``MAX_SLUG``, gets a short hash, so two texts never share a slug by accident;
  the graph's ``SlugRegistry`` numbers the rare true collisions.
- ``id_slug``: a readable record-local id ('Ministry of Health' → 'ministry-of-health'), cut at
  a hyphen within ``limit``, ``fallback`` when nothing is left; the loaders' tables number
  repeats ('-2', '-3').
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: Longest IRI slug kept; longer names are cut at a hyphen and get a short hash for uniqueness.
MAX_SLUG = 60

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", folded.lower()).strip("-")


def slugify(text: str) -> str:
    """A lower-case ASCII slug (``a-z0-9`` and single hyphens) for any text; never empty.

    Accents are folded (``Tövschüren`` → ``tovschuren``); text with no letter or digit left
    gets ``x-`` plus a short hash, so distinct texts still get distinct slugs.
    """
    slug = _ascii_slug(text)
    if not slug:
        return "x-" + short_hash(text)
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
        slug = f"{cut}-{short_hash(text)}"
    return slug


def id_slug(text: str, limit: int = 48, fallback: str = "entity") -> str:
    """A readable id: 'Ministry of Health' → 'ministry-of-health'; acronyms lower-cased."""
    slug = _ascii_slug(text)
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or fallback


def short_hash(text: str, length: int = 10) -> str:
    """The first ``length`` hex digits of the SHA-1 of ``text`` (a stable disambiguator)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]
