"""The ids a text record shows, minted once, when every name of every entity is known.

Why at the end and not when an entity is first read: a body's or project's readable id is its
acronym ('secim', not 'support-to-employment-creation-in-mongolia'), and a document often gives
the acronym only after the full name, or uses it bare further on without defining it; which of
several acronyms wins depends on how often each is written in the whole text, and which of two
bodies gets a contested one on which is named first. So while the document is read each entity
draft is known by its key (``EntityDraft.id``: a reference id, or a slug of the first name read),
which never changes, and ``RecordIds`` turns keys into the record's ids in one place, when the
record is made. Nothing is renamed in place.

A key whose entity was folded into another (``EntityTable.merge``: 'the Foundation' is the
'The Asia Foundation' named before it) gives the id of the entity it was folded into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coopgraph.loaders.text.entities import EntityTable
from coopgraph.names import looks_like_acronym
from coopgraph.slugs import id_slug


class RecordIds:
    """Record ids of one document's entity keys (``ids(key)``)."""

    def __init__(self, table: EntityTable, text: str) -> None:
        self._table = table
        self._readable = readable_ids(table, text)

    def __call__(self, key: str) -> str:
        """The record id of ``key``, after any merge."""
        key = self._table.resolve(key)
        return self._readable.get(key, key)

    def known(self, key: str) -> bool:
        """Does ``key`` (after any merge) name an entity of the record? (An entity withdrawn by
        ``EntityTable.forget`` is in none.)"""
        return self._table.resolve(key) in self._table.by_id

    def each_once(self, keys: Iterable[str]) -> tuple[str, ...]:
        """The record ids of ``keys`` in their order, each once (two keys may name one entity)."""
        return tuple(dict.fromkeys(self(k) for k in keys))


def readable_ids(table: EntityTable, text: str) -> dict[str, str]:
    """Key -> readable id, for bodies and projects keyed by a long slug that have an acronym: the
    acronym written most often in ``text`` (then the shortest, then the first in alphabetical
    order). Entities are served in the order they are first named; an acronym already taken (as
    a key or by an earlier entity) leaves the long slug."""
    taken = set(table.by_id)
    out: dict[str, str] = {}
    for d in sorted(table.by_id.values(), key=lambda x: x.spans[0] if x.spans else (0, 0)):
        if d.type not in ("Organisation", "Project") or d.id.count("-") < 2:
            continue
        acrs = [a for a in (d.name, *d.aliases) if looks_like_acronym(a.replace(" ", ""))]
        if not acrs:
            continue
        new = id_slug(max(acrs, key=lambda a: (len(re.findall(rf"(?<!\w){re.escape(a)}(?!\w)", text)), -len(a), a)))
        if new not in taken:
            out[d.id] = new
            taken.add(new)
    return out
