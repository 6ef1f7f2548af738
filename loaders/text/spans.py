"""Stretches of a document already claimed by one reading, kept sorted.

Why a module of its own: dates, organisation names and other mentions each keep the spans they
have read so that a later rule does not read the same words again; a sorted pair of lists makes
each overlap test O(log n) instead of a scan over every earlier claim.
"""

from __future__ import annotations

import bisect
from typing import Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Hit = TypeVar("_Hit", bound=_Spanned)


def leftmost_longest(hits: list[_Hit]) -> list[_Hit]:
    """The hits that overlap no earlier kept one, the longest first where several start
    together (``hits`` is sorted in place)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[_Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


class ClaimedSpans:
    """Non-overlapping claimed (start, end) spans, kept sorted by start."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self._starts, span[0])
        self._starts.insert(i, span[0])
        self._ends.insert(i, span[1])

    def covers(self, s: int, e: int) -> bool:
        """Does one claimed span contain [s, e) entirely?"""
        i = bisect.bisect_right(self._starts, s)
        return i > 0 and self._ends[i - 1] >= e  # the claimed spans do not overlap

    def hits(self, s: int, e: int) -> bool:
        """Does any claimed span overlap [s, e)?"""
        i = bisect.bisect_left(self._starts, e)
        j = max(0, i - 8)  # claims rarely overlap: a few neighbours suffice
        return any(self._ends[k] > s for k in range(j, i))

    def free(self, s: int, e: int) -> bool:
        """Is [s, e) clear of every claimed span?"""
        return not self.hits(s, e)

    def within(self, s: int, e: int) -> list[tuple[int, int]]:
        """The claimed spans overlapping [s, e), in order."""
        i = bisect.bisect_left(self._starts, e)
        j = max(0, i - 8)
        return [(self._starts[k], self._ends[k]) for k in range(j, i) if self._ends[k] > s]
