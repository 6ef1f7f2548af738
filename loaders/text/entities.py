"""The entity table: one entry per real-world entity, however often and however it is named.

Why: a ministry named in full, by acronym and by a misspelt variant must become one node.
Every name form is reduced to a key (case, punctuation, plural -s, British/American spelling and a
leading "the" ignored); acronyms also get a key without their lower-case letters (MoLSP = MLSP).
Organisations and projects share one key space, since a bare acronym may name either.
What a reading knows beyond the names (category, role, place type ...) is a typed field of the
draft (``Facts``), filled once: the first reading that knows a fact wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypedDict, Unpack

from coopgraph.names import looks_like_acronym, variant_key
from coopgraph.slugs import id_slug
from coopgraph.records import EntityType, Span

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def acronym_keys(token: str) -> tuple[str, ...]:
    """Keys under which an acronym is known: as written and without its lower-case letters."""
    upper = "".join(c for c in token if c.isupper() or c.isdigit())
    if len(upper) >= 2 and upper != token:
        return (variant_key(token), variant_key(upper))
    return (variant_key(token),)


def group(etype: str) -> str:
    return "actor" if etype in ("Organisation", "Project") else etype


class Facts(TypedDict, total=False):
    """What a reading may know of an entity beyond its names: the keyword arguments of
    ``EntityTable.add`` and ``EntityDraft.fill``, one per fact field of ``EntityDraft``."""

    category: str  # Organisation
    country: str | None  # Organisation
    wikidata: str | None  # Q-id from reference data
    ref_parent: str | None  # Organisation: the parent body's id in reference data
    branch: bool  # Organisation: an office of a reference body ("ILO Mongolia Office")
    aimag: str  # Organisation: the aimag a local body serves (a name, not an id)
    role: str | None  # Person
    role_span: Span | None  # Person: where the role around the name is written
    affiliation: str  # Person: entity id
    issuer: str | None  # Convention: entity id
    policy_type: str  # Policy
    place_type: str  # Place
    parent: str | None  # Place: entity id


@dataclass
class EntityDraft:
    """A mutable entity while the document is read; frozen into records.Entity at the end.

    ``id`` is the entity's key while the document is read (a reference id, or a slug of the first
    name read): it never changes; the record's id is minted from it once, at the end
    (loaders/text/ids.py says why the readable id cannot be chosen earlier).
    The fact fields (``Facts``) start empty and are filled by the first reading that knows them
    (``fill``): a later reading, or a merged entity, never overwrites a fact already known."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    mentions: int = 0
    category: str | None = None
    country: str | None = None
    wikidata: str | None = None
    ref_parent: str | None = None
    branch: bool = False
    aimag: str | None = None
    role: str | None = None
    role_span: Span | None = None
    affiliation: str | None = None
    issuer: str | None = None
    policy_type: str | None = None
    place_type: str | None = None
    parent: str | None = None

    def fill(self, **facts: Unpack[Facts]) -> None:
        """Set each fact given (not None) that is still empty (None, "" or False)."""
        for key, value in facts.items():
            if value is not None and not getattr(self, key):
                setattr(self, key, value)

    def fill_from(self, other: EntityDraft) -> None:
        """Take the facts ``other`` knows that are still empty here (``other`` is merged in)."""
        for key in _FACT_KEYS:
            value = getattr(other, key)
            if value and not getattr(self, key):
                setattr(self, key, value)


_FACT_KEYS: tuple[str, ...] = tuple(Facts.__annotations__)


class EntityTable:
    """Entities of one document, found by any of their keys.

    Organisations and projects share their keys (a text often names a project like a body) and
    names match by ``variant_key``; structured sources use ``TypeKeyedEntityTable``
    (loaders/structured/entity_table.py) instead."""

    def __init__(self) -> None:
        self.by_id: dict[str, EntityDraft] = {}
        self._keys: dict[tuple[str, str], str] = {}
        self.redirects: dict[str, str] = {}

    def find(self, etype: EntityType, name: str) -> EntityDraft | None:
        keys = acronym_keys(name) if looks_like_acronym(name) else (variant_key(name),)
        for k in keys:
            eid = self._keys.get((group(etype), k))
            if eid is not None:
                return self.by_id[eid]
        return None

    def add(self, etype: EntityType, name: str, *, span: tuple[int, int] | None = None,
            aliases: tuple[str, ...] = (), eid: str | None = None,
            **facts: Unpack[Facts]) -> EntityDraft:
        """Register a mention: merged into a known entity when any name form matches."""
        draft = self.by_id.get(eid) if eid else None
        if draft is None:
            for n in (name, *aliases):
                draft = self.find(etype, n)
                if draft is not None:
                    break
        if draft is None:
            name = _SPACES.sub(" ", name).strip()  # a name wrapped over two lines is one name
            draft = EntityDraft(self._new_id(eid or id_slug(name)), etype, name)
            self.by_id[draft.id] = draft
        elif draft.type != etype and etype == "Project":
            draft.type = "Project"
        for n in (name, *aliases):
            self.alias(draft, n)
        draft.fill(**facts)
        if span is not None:
            draft.spans.append(span)
            draft.mentions += 1
        return draft

    def alias(self, draft: EntityDraft, name: str) -> None:
        name = _SPACES.sub(" ", name).strip()
        if not name:
            return
        if name != draft.name and name not in draft.aliases:
            draft.aliases.append(name)
        keys = acronym_keys(name) if looks_like_acronym(name) else (variant_key(name),)
        for k in keys:
            self._keys.setdefault((group(draft.type), k), draft.id)

    def merge(self, keep: EntityDraft, drop: EntityDraft) -> None:
        """Fold ``drop`` into ``keep`` (same real-world entity found under two names).

        Why a merge, not one entity from the start: some names show whom they name only once
        every body is read ('the Foundation' is the foundation named before it, which a later
        finder may read). ``drop``'s key then leads to ``keep`` (``resolve``), so whatever
        holds it (a hint, a mention) still finds the entity."""
        if keep is drop:
            return
        for n in (drop.name, *drop.aliases):
            self.alias(keep, n)
        keep.spans.extend(drop.spans)
        keep.mentions += drop.mentions
        keep.fill_from(drop)
        for key, eid in list(self._keys.items()):
            if eid == drop.id:
                self._keys[key] = keep.id
        del self.by_id[drop.id]
        self.redirects[drop.id] = keep.id

    def forget(self, eid: str, span: tuple[int, int]) -> None:
        """Withdraw one mention of ``eid`` (another reading showed the words name something
        else); an entity left with no mention is removed with its names."""
        d = self.by_id.get(eid)
        if d is None or span not in d.spans:
            return
        d.spans.remove(span)
        d.mentions -= 1
        if not d.spans:
            del self.by_id[eid]
            for key in [k for k, v in self._keys.items() if v == eid]:
                del self._keys[key]

    def resolve(self, eid: str) -> str:
        seen = 0
        while eid in self.redirects and seen < 50:
            eid = self.redirects[eid]
            seen += 1
        return eid

    def _new_id(self, base: str) -> str:
        base = base or "entity"
        eid, n = base, 2
        while eid in self.by_id or eid in self.redirects:
            eid = f"{base}-{n}"
            n += 1
        return eid


