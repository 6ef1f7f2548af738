"""What the mention finders share: a mention, the document's entities and mentions (with a binary
search over mention starts), and the claimed stretches of text that later finders must not reuse.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from coopgraph.loaders.text.acronyms import Definition
from coopgraph.loaders.text.entities import EntityTable
from coopgraph.loaders.text.hints import ActorNamed, HomeProjectHint, RelationHint
from coopgraph.loaders.text.spans import ClaimedSpans
from coopgraph.records import EntityType


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    eid: str
    kind: EntityType
    role_ok: bool = True  # False for adjectival uses ("EU countries")


@dataclass(frozen=True)
class ItemAimags:
    """One item's stretch of the document (heading to end of body) and the aimags it names, in
    text order: the aimag a local body of the item serves, and whether a project is named in
    more than one item."""

    start: int
    end: int
    aimags: tuple[str, ...]

    def holds(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass
class Found:
    """Entities, mentions and hints (loaders/text/hints.py) of one document."""

    table: EntityTable
    mentions: list[Mention] = field(default_factory=list)
    hints: list[RelationHint] = field(default_factory=list)
    home_hints: list[HomeProjectHint] = field(default_factory=list)
    home_project: str | None = None
    definitions: list[Definition] = field(default_factory=list)
    plain_defs: dict[str, str] = field(default_factory=dict)

    #: (acronym, entity type or None for any, entities known then) -> the entity it abbreviates
    abbrev_cache: dict[tuple[str, str | None, int], str | None] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    def index(self) -> None:
        """Sort mentions and index their starts, for :meth:`between` (call once, at the end)."""
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def between(self, s: int, e: int) -> list[Mention]:
        """Mentions lying inside [s, e), in text order (binary search, not a scan)."""
        lo = bisect.bisect_left(self._starts, s)
        hi = bisect.bisect_left(self._starts, e)
        return [m for m in self.mentions[lo:hi] if m.end <= e]

    def starting(self, s: int, e: int) -> list[Mention]:
        """Mentions starting inside [s, e), wherever they end (binary search)."""
        lo = bisect.bisect_left(self._starts, s)
        hi = bisect.bisect_left(self._starts, e)
        return self.mentions[lo:hi]

    def hint(self, s: str, p: str, o: str | ActorNamed, span: tuple[int, int]) -> None:
        """Note a relation seen while reading a name (hints.RelationHint)."""
        self.hints.append(RelationHint(s, p, o, span))

    def home_hint(self, span: tuple[int, int], alias: str | None = None) -> None:
        """Note words that name the document's own project (hints.HomeProjectHint)."""
        self.home_hints.append(HomeProjectHint(span, alias))


#: Spans already read (kept as its own name here: the mention rules call it so).
Taken = ClaimedSpans


def overlaps(taken: Taken, s: int, e: int) -> bool:
    return taken.hits(s, e)
