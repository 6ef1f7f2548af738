"""The matching rules of the evaluation: which predicted item counts as which gold item.

Why a module of its own: the rules are the contract between ``coopgraph evaluate`` and the
reference scorer (its copy tests/data/eval/score_gold_reference.py); keeping them small and separate from the
report and file handling makes that agreement easy to read and to test. docs/evaluation.md
states the same rules in words.

Every function is pure: records in, ids or sets of ids out. Matching is greedy and one-to-one,
in document order (predicted items in their order, gold candidates in theirs), so the result is
deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from coopgraph.records import ROLES, Entity, Event, ExtractionRecord

#: Entity types that can cooperate (the vocabulary's cg:Actor).
ACTOR_TYPES: frozenset[str] = frozenset({"Organisation", "Project"})
#: Stated relations that make their two actors a cooperation pair.
COOPERATION_PREDICATES: frozenset[str] = frozenset(
    {"cooperatesWith", "supports", "fundedBy", "implementedBy", "partOf", "memberOf"})
#: Prefix of a predicted id that matches no gold entity (never equal to a gold id in practice).
UNMATCHED = "?"

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")

Pair = tuple[str, str]
IdMap = Mapping[str, str]


def normalise(text: str | None) -> str:
    """Case-folded text with punctuation as spaces, runs of space collapsed, a leading "the" cut."""
    s = _SPACES.sub(" ", _NON_WORD.sub(" ", (text or "").casefold())).strip()
    return s[4:] if s.startswith("the ") else s


def name_keys(entity: Entity) -> frozenset[str]:
    """The normalised name and aliases of an entity (empty strings dropped)."""
    keys = {normalise(entity.name), *(normalise(a) for a in entity.aliases)}
    keys.discard("")
    return frozenset(keys)


def match_entities(gold: Sequence[Entity], pred: Sequence[Entity]) -> dict[str, str]:
    """Predicted entity id -> gold entity id, one-to-one.

    Each predicted entity, in order, takes the first unused gold entity of the same type whose
    name keys intersect its own.
    """
    mapping: dict[str, str] = {}
    used: set[str] = set()
    candidates = [(g, name_keys(g)) for g in gold]
    for p in pred:
        keys = name_keys(p)
        for g, g_keys in candidates:
            if g.id not in used and g.type == p.type and keys & g_keys:
                mapping[p.id] = g.id
                used.add(g.id)
                break
    return mapping


def title_words(title: str) -> frozenset[str]:
    """Content words of a title: normalised words longer than two letters, numbers left out."""
    return frozenset(w for w in normalise(title).split() if len(w) > 2 and not w.isdigit())


def event_match_score(gold: Event, pred: Event) -> float:
    """How well a predicted event fits a gold one; 0.0 means it cannot match.

    Same start date scores 1; a title sharing at least half the gold title's words scores
    0.5 + half the shared fraction; with both, the shared fraction is added to 1 (so the date
    decides first and the title breaks ties).
    """
    same_start = bool(pred.start) and bool(gold.start) and pred.start == gold.start
    g_words, p_words = title_words(gold.title), title_words(pred.title)
    shared = len(g_words & p_words)
    score = 1.0 if same_start else 0.0
    if g_words and 2 * shared >= len(g_words):
        score = max(score, 0.5 + shared / (2 * len(g_words)))
    if same_start and g_words and p_words:
        score += shared / len(g_words)
    return score


def match_events(gold: Sequence[Event], pred: Sequence[Event]) -> dict[str, str]:
    """Predicted event id -> gold event id, one-to-one: each predicted event, in order, takes
    the unused gold event with the highest positive score (the first one on a tie)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for p in pred:
        best: Event | None = None
        best_score = 0.0
        for g in gold:
            if g.id in used:
                continue
            score = event_match_score(g, p)
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            mapping[p.id] = best.id
            used.add(best.id)
    return mapping


def actor_links(event: Event) -> frozenset[tuple[str, str]]:
    """(actor id, role) for every organiser, supporter and participant of an event."""
    return frozenset((a, role) for role in ROLES for a in getattr(event, role))


def mapped_links(event: Event, entity_map: IdMap) -> frozenset[tuple[str, str]]:
    """A predicted event's links with actor ids translated to gold ids (``?id`` if unmatched)."""
    return frozenset((entity_map.get(a, UNMATCHED + a), role) for a, role in actor_links(event))


def mapped_relations(record: ExtractionRecord, entity_map: IdMap) -> frozenset[tuple[str, str, str]]:
    """Predicted relations as gold-id triples; an unmatched end becomes ``?`` (so unmatched
    relations with the same predicate count once)."""
    return frozenset((entity_map.get(r.subject, UNMATCHED), r.predicate,
                      entity_map.get(r.object, UNMATCHED)) for r in record.relations)


def gold_relations(record: ExtractionRecord) -> frozenset[tuple[str, str, str]]:
    """The gold record's relations as triples."""
    return frozenset((r.subject, r.predicate, r.object) for r in record.relations)


def stated_pairs(record: ExtractionRecord) -> list[Pair]:
    """Every actor pair the record states, once per event (any roles) and once per relation.

    Only entities of an actor type count; pairs are (smaller id, larger id). A relation from an
    actor to itself is kept here: :func:`gold_pairs` and :func:`map_pairs` decide about it.
    """
    actors = {e.id for e in _last_by_id(record.entities) if e.type in ACTOR_TYPES}
    pairs: list[Pair] = []
    for ev in record.events:
        ids = sorted({a for role in ROLES for a in getattr(ev, role) if a in actors})
        pairs.extend((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    for r in record.relations:
        if r.predicate in COOPERATION_PREDICATES and r.subject in actors and r.object in actors:
            pairs.append(_ordered(r.subject, r.object))
    return pairs


def gold_pairs(record: ExtractionRecord) -> frozenset[Pair]:
    """The distinct cooperation pairs of a gold record (an actor is never paired with itself)."""
    return frozenset(p for p in stated_pairs(record) if p[0] != p[1])


@dataclass(frozen=True)
class MappedPairs:
    """A prediction's cooperation pairs: those whose actors both match gold entities (as gold
    ids), and each statement of a pair with an unmatched actor (as predicted ids)."""

    matched: frozenset[Pair]
    unmatched: tuple[Pair, ...]

    @property
    def count(self) -> int:
        """How many predicted items are scored: distinct matched pairs plus every unmatched one."""
        return len(self.matched) + len(self.unmatched)


def map_pairs(pairs: Iterable[Pair], entity_map: IdMap) -> MappedPairs:
    """Translate predicted pairs to gold ids; a pair whose actors map to one entity is dropped."""
    matched: set[Pair] = set()
    unmatched: list[Pair] = []
    for a, b in pairs:
        ga, gb = entity_map.get(a), entity_map.get(b)
        if ga is None or gb is None:
            unmatched.append((a, b))
        elif ga != gb:
            matched.add(_ordered(ga, gb))
    return MappedPairs(frozenset(matched), tuple(unmatched))


def _ordered(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def _last_by_id(entities: Iterable[Entity]) -> list[Entity]:
    """One entity per id, the last one given winning (as a dict built from the list would)."""
    return list({e.id: e for e in entities}.values())
