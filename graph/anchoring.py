"""Anchoring evidence: give each quote its character offsets in the document text.

Why: gold files and some loaders give an evidence quote without ``span``. The graph can only
point at the exact place of a quote (W3C TextPositionSelector) when offsets are known, and the
offsets must be found in the same text the loader read (line breaks normalised to ``\\n``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from coopgraph.records import Event, ExtractionRecord, Relation, Span


def find_span(text: str, quote: str, hint: Span | None = None) -> Span | None:
    """The offsets of ``quote`` in ``text``: ``hint`` if it already fits, else the first match."""
    if not quote:
        return None
    if hint is not None and text[hint[0]:hint[1]] == quote:
        return hint
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else None


def anchor_record(record: ExtractionRecord, text: str) -> ExtractionRecord:
    """The record with every event's and relation's ``span`` set where its quote is in ``text``.

    Spans that already point at their quote are kept; quotes not found keep ``span=None``.
    """
    events = tuple(_anchor(e, text) for e in record.events)
    relations = tuple(_anchor(r, text) for r in record.relations)
    return replace(record, events=events, relations=relations)


_Item = TypeVar("_Item", Event, Relation)


def _anchor(item: _Item, text: str) -> _Item:
    span = find_span(text, item.evidence, item.span)
    return item if span == item.span else replace(item, span=span)
