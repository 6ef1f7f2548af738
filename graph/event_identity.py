"""One node per real-world event across documents.

A newsletter and an activity register often report the same training; each record gives it its
own local id, so without this step the graph would hold two event nodes and count the shared
activity twice in every cooperation weight. Two event mentions from different documents are
the same event when:

* their types agree (equal, or one of them is ``other``), and
* both are dated to the same day and they have near-identical titles, or share an actor
  (organiser, supporter, participant or project) and have compatible titles (one vague, one
  containing the other, or half their words shared); or
* they fall in the same month (at least one of them known only to the month) and their titles
  are very similar (near-identical, or one title's words all in the other's and the two share
  an actor); or
* one of them has no date (or only a year, then the same year): their normalised titles are
  identical and they share an organiser.

A merged event never holds two mentions of one document, nor two different days, months or
years. Candidate pairs come from buckets (day, month, normalised title), so the work is linear
in the number of events plus the pairs inside a bucket; pairs are merged in a sorted order so the
result does not depend on the order of the input. The merged node keeps the IRI of its mention
in the first document (by name), so a document's graph changes only when its own events change
or a merge involving them appears or disappears.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from coopgraph.graph.documents import SourceDocument
from coopgraph.graph.identity import Identities
from coopgraph.graph.union_find import UnionFind
from coopgraph.names import name_key
from coopgraph.graph.iris import SlugRegistry, mint
from coopgraph.records import Event, event_label

_STOP = frozenset("a an and at by for from in into of on or the to with".split())
_MONTHS = frozenset("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}")
_YEAR_ONLY = re.compile(r"^\d{4}")
_ACTOR_ROLES = ("organisers", "supporters", "participants", "projects")
_STATUS_RANK = {"completed": 0, "planned": 1}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def title_words(title: str) -> tuple[str, ...]:
    """The words of a title that identify an event: no stop words, years or month names."""
    return tuple(w for w in name_key(title).split()
                 if w not in _STOP and w not in _MONTHS and not _YEAR.match(w))


def near_identical(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Titles whose identifying words are the same, or overlap by at least 80 % (Jaccard)."""
    if a == b:
        return bool(a)
    sa, sb = set(a), set(b)
    return bool(sa and sb) and len(sa & sb) >= 0.8 * len(sa | sb)


def contained(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One title's words (at least two) are all among the other's."""
    sa, sb = set(a), set(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small) >= 2 and small <= large


def compatible_titles(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Titles that could name the same event: one is vague (under two identifying words), one
    contains the other, or they share at least half their words. "Training on informal
    employment" and "Training on wage statistics" are not: on the 1,000-document generated
    corpus, same-day events of shared actors with such titles were distinct events."""
    sa, sb = set(a), set(b)
    if len(sa) < 2 or len(sb) < 2 or contained(a, b):
        return True
    return len(sa & sb) >= 0.5 * len(sa | sb)


@dataclass(frozen=True)
class EventMention:
    """One event as one document reports it, with its actors resolved to IRIs."""

    record: int
    position: int
    event: Event
    own_iri: URIRef
    actors: frozenset[URIRef]
    organisers: frozenset[URIRef]
    words: tuple[str, ...]

    #: The start date as a day, a month and a year, where it is that precise (set from the
    #: event; fields rather than properties: they are read in every candidate pair).
    day: str | None = field(init=False)
    month: str | None = field(init=False)
    year: str | None = field(init=False)

    def __post_init__(self) -> None:
        start = self.event.start or ""
        object.__setattr__(self, "day", start if _DAY.match(start) else None)
        object.__setattr__(self, "month",
                           start[:7] if _MONTH.match(start) and len(start) >= 7 else None)
        object.__setattr__(self, "year", start[:4] if _YEAR_ONLY.match(start) else None)


@dataclass
class EventIdentities:
    """Each event mention's node IRI, and the mentions of every node reported more than once."""

    iri_of: dict[tuple[int, int], URIRef]
    merged: dict[URIRef, list[EventMention]]
    facts: dict[URIRef, MergedFacts]


def resolve_events(docs: Sequence[SourceDocument], ids: Identities,
                   base_iri: str) -> EventIdentities:
    """Mint each document's event IRIs, then merge the mentions that report the same event."""
    mentions = _mentions(docs, ids, base_iri)
    groups = _group(mentions)
    iri_of: dict[tuple[int, int], URIRef] = {}
    merged: dict[URIRef, list[EventMention]] = {}
    for group in groups:
        group.sort(key=lambda m: (m.record, m.position))
        iri = group[0].own_iri
        for m in group:
            iri_of[(m.record, m.position)] = iri
        if len(group) > 1:
            merged[iri] = group
    return EventIdentities(iri_of, merged, {iri: merge_facts(g) for iri, g in merged.items()})


def _mentions(docs: Sequence[SourceDocument], ids: Identities, base_iri: str) -> list[EventMention]:
    out = []
    for index, doc in enumerate(docs):
        slugs = SlugRegistry()
        for position, ev in enumerate(doc.record.events):
            own = mint(base_iri, "event", doc.slug, slugs.claim(ev.id or ev.title))
            resolved = {role: frozenset(i for local in getattr(ev, role)
                                        if (i := ids.iri_of.get((index, local))) is not None)
                        for role in _ACTOR_ROLES}
            out.append(EventMention(index, position, ev, own,
                                    frozenset().union(*resolved.values()),
                                    resolved["organisers"], title_words(event_label(ev.title))))
    return out


def _compatible_types(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


def _match_rank(a: EventMention, b: EventMention) -> int | None:
    """0 same day, 1 same month, 2 undated or year only; None when not the same event."""
    if a.record == b.record or not _compatible_types(a.event.type, b.event.type):
        return None
    if a.day and b.day:
        if a.day == b.day and (near_identical(a.words, b.words) or
                               (a.actors & b.actors and compatible_titles(a.words, b.words))):
            return 0
        return None
    if a.month and b.month:
        if a.month == b.month and (near_identical(a.words, b.words) or
                                   (contained(a.words, b.words) and a.actors & b.actors)):
            return 1
        return None
    if a.year and b.year and a.year != b.year:
        return None
    if a.words and a.words == b.words and a.organisers & b.organisers:
        return 2
    return None


#: In a block, a mention is compared with at most this many neighbours on each side, in the
#: order of their title words. Why: a block (one actor, or one title word, in one month) grows
#: with the corpus, and comparing all its pairs made the work quadratic (x9 pairs for x3
#: documents; 29 CPU-s at 10,000 generated documents). The blocks of the bundled and test
#: corpora are smaller than the window, so their merges are those of all pairs
#: (tests/test_graph_event_identity_scale.py); at 3,000 generated documents 38 of 22,179
#: event nodes differ, each a pair the rules accept taken instead of another one they accept.
WINDOW = 8


def _candidates(mentions: list[EventMention]) -> list[tuple[int, str, str, int, int]]:
    """Every matching pair (rank, IRIs, indices), looked for only where a match is possible.

    Day and month buckets pair mentions that share an actor or a title word among the first
    words of the title in rarest-first order (prefix filtering: two word sets with Jaccard
    >= 0.8 always share one of these); undated mentions are paired inside the bucket of their
    exact title words, and only when they share an organiser.

    Only pairs the bucket can decide are made: two mentions dated to the day are decided by
    the day bucket (``_match_rank`` refuses them in the month bucket), and two mentions dated
    to the month by the month bucket, so a month block pairs its month-only mentions with the
    others and a title block its mentions without a month. Each of these anchors meets at most
    ``WINDOW`` neighbours on each side of it in the block sorted by title words, so the work is
    linear in the mentions.
    """
    frequency = Counter(w for m in mentions for w in set(m.words))
    prefixes = [_prefix(m.words, frequency) for m in mentions]
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.day:
            buckets[("day", m.day)].append(i)
        if m.month:
            buckets[("month", m.month)].append(i)
        if m.words:
            buckets[("title", " ".join(m.words))].append(i)
    pairs: set[tuple[int, int]] = set()
    for (kind, _value), members in sorted(buckets.items()):
        if len(members) < 2:
            continue
        for block in _blocks(kind, members, mentions, prefixes):
            _pair_block(kind, block, mentions, pairs)
    out = []
    for i, j in pairs:
        rank = _match_rank(mentions[i], mentions[j])
        if rank is not None:
            a, b = sorted((str(mentions[i].own_iri), str(mentions[j].own_iri)))
            out.append((rank, a, b, i, j))
    out.sort()
    return out


def _blocks(kind: str, members: list[int], mentions: list[EventMention],
            prefixes: list[list[str]]) -> list[list[int]]:
    """A bucket's mentions grouped by shared actor (organiser for titles) and prefix word."""
    blocks: dict[object, list[int]] = defaultdict(list)
    for i in members:
        keys = mentions[i].organisers if kind == "title" else mentions[i].actors
        for key in keys:
            blocks[key].append(i)
        if kind != "title":
            for word in prefixes[i]:
                blocks[("word", word)].append(i)
    return [block for block in blocks.values() if len(block) > 1]


def _anchored(kind: str, m: EventMention) -> bool:
    """Whether a bucket of ``kind`` decides pairs that ``m`` is part of (see _candidates)."""
    return kind == "day" or (kind == "month" and m.day is None) or \
        (kind == "title" and m.month is None)


def _pair_block(kind: str, block: list[int], mentions: list[EventMention],
                pairs: set[tuple[int, int]]) -> None:
    """Pair each anchor of ``block`` with its neighbours (all of them in a small block)."""
    if len(block) > WINDOW + 1:  # else every pair is inside the window: no order needed
        block = sorted(block, key=lambda i: (mentions[i].words, i))
    for x, i in enumerate(block):
        if not _anchored(kind, mentions[i]):
            continue
        for j in block[max(0, x - WINDOW):x + WINDOW + 1]:
            if j != i:
                pairs.add((i, j) if i < j else (j, i))


def _prefix(words: tuple[str, ...], frequency: Counter[str]) -> list[str]:
    """The rarest words of a title, enough that any title with Jaccard >= 0.8 shares one."""
    unique = sorted(set(words), key=lambda w: (frequency[w], w))
    keep = len(unique) - math.ceil(0.8 * len(unique)) + 1
    return unique[:keep]


class _Groups(UnionFind):
    """Union-find whose merges are refused when they would join conflicting mentions."""

    def __init__(self, mentions: list[EventMention]) -> None:
        super().__init__(len(mentions))
        self.members = {i: [m] for i, m in enumerate(mentions)}

    def try_union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or _conflict(self.members[ri] + self.members[rj]):
            return
        keep, drop = min(ri, rj), max(ri, rj)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))


def _conflict(group: list[EventMention]) -> bool:
    """Two mentions of one document, or two different days, months, years or specific types."""
    records = [m.record for m in group]
    if len(set(records)) < len(records):
        return True
    for values in ({m.day for m in group}, {m.month for m in group}, {m.year for m in group},
                   {m.event.type for m in group}):
        if len(values - {None, "other"}) > 1:
            return True
    return False


def _group(mentions: list[EventMention]) -> list[list[EventMention]]:
    groups = _Groups(mentions)
    for _rank, _a, _b, i, j in _candidates(mentions):
        groups.try_union(i, j)
    return list(groups.members.values())


@dataclass(frozen=True)
class MergedFacts:
    """The single-valued facts of a merged event, decided over all its mentions."""

    title: str
    type: str
    status: str
    start: str | None
    end: str | None
    attendee_count: int | None


def merge_facts(group: Sequence[EventMention]) -> MergedFacts:
    """Canonical title (most common, then shortest: the core that other reports add to, then
    smallest), the most specific type, the most definite status, the most precise dates
    (earliest on ties), the largest attendee count."""
    titles = Counter(t for m in group if (t := event_label(m.event.title).strip()))
    title = min(titles, key=lambda t: (-titles[t], len(t), t)) if titles else group[0].event.id
    types = Counter(m.event.type for m in group if m.event.type != "other")
    ev_type = min(types, key=lambda t: (-types[t], t)) if types else "other"
    status = min((m.event.status for m in group), key=lambda s: (_STATUS_RANK.get(s, 2), s))
    dated = [m.event for m in group if m.event.start]
    best = min(dated, key=lambda e: (_PRECISION_RANK.get(_precision(e.start), 3), e.start or "",
                                     e.end is None, e.end or "")) if dated else None
    counts = [m.event.attendee_count for m in group
              if m.event.attendee_count is not None and m.event.attendee_count >= 0]
    return MergedFacts(title, ev_type, status, best.start if best else None,
                       best.end if best else None, max(counts) if counts else None)


def _precision(start: str | None) -> str:
    text = start or ""
    return "day" if _DAY.match(text) else "month" if len(text) == 7 else "year"
