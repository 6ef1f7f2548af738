"""Dates in running text: days, day ranges and lists, months, quarters, halves, years.

Why: an event is dated by the expressions in its item ("19-20 th May 2017", "on 13 th and 14 th
April 2017", "1st quarter of 2019", "End of July or beginning of August 2018"); a day or month
without a year takes the year of the item's heading or date stamp, or stays undated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coopgraph.loaders.text.spans import ClaimedSpans
from coopgraph.loaders.text.wordtrie import trie_alternation

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
#: month names as one trie-shaped alternation (compiled with re.I): one branch per letter, not 22
_MON = "(?:" + trie_alternation(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(), fold=True) + r")\.?"
_ORD = r"\s?(?:st|nd|rd|th)?"
_DAY = rf"(?:[0-3]?\d){_ORD}"
_YEAR = r"(?:19|20)\d\d"
_DAY_LIST = re.compile(
    rf"\b({_DAY}(?:\s*(?:-|to|until)\s*{_DAY})?(?:\s*(?:,|and|&|,\s*and)?\s+{_DAY}(?:\s*-\s*{_DAY})?)*)"
    rf"\s*(?:of\s+)?({_MON})(?:\s*,?\s*({_YEAR}))?", re.I)
#: the month first, with its days: "May 19-20, 2017", and without a year ("May 19"); across two
#: months, the day first or the month first: "28 February - 2 March 2019", "from 30 September to
#: 1 October", "November 28 - December 2, 2019" (a table: the same shape, other words)
_MONTH_DAY, _MONTH_DAY_NO_YEAR, _CROSS_DM, _CROSS_MD = (re.compile(pattern, re.I) for pattern in (
    rf"\b({_MON})\s+({_DAY}(?:\s*(?:-|to|until|and)\s*{_DAY})?),?\s+({_YEAR})",
    rf"\b({_MON})\s+({_DAY}(?:\s*(?:-|–|to|until|and)\s*{_DAY})?)\b(?![.,]?\d|\s*,?\s*{_YEAR})",
    rf"\b({_DAY})\s*(?:of\s+)?({_MON})\s*,?\s*(?:-|to|until)\s*({_DAY})\s*(?:of\s+)?({_MON})(?:\s*,?\s*({_YEAR}))?",
    rf"\b({_MON})\s+({_DAY})\s*(?:-|to|until)\s*({_MON})\s+({_DAY}),?\s*({_YEAR})?",
))
#: "early 2020", "mid-2019", "late 2019", "end of 2019": the year
_YEAR_PART = re.compile(rf"\b(?:early|mid|late|end\s+of|beginning\s+of|start\s+of)[- ]({_YEAR})\b", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
#: "2018.06.12", "2018/06/12" (year first), "12.06.2018" (day first, as written in Mongolia and Europe)
_DOTTED_YMD = re.compile(r"(?<![\d.])((?:19|20)\d\d)[./]([01]?\d)[./]([0-3]?\d)(?!\w|\.\d)")
_DOTTED_DMY = re.compile(r"(?<![\d.])(?:([0-3]?\d)-)?([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?!\w|\.\d)")
#: "Q3 2019", "Q3/2019", "2019 Q3"
_QN = re.compile(r"\bQ([1-4])[ /-]?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)[ /-]?Q([1-4])\b")
_QUARTER = re.compile(rf"\b(1|2|3|4|first|second|third|fourth){_ORD}\s+quarter\s+(?:of\s+)?({_YEAR})", re.I)
_HALF = re.compile(rf"\b(first|second|1st|2nd)\s+half\s+of\s+({_MON})\s+({_YEAR})", re.I)
_MONTH_RANGE = re.compile(
    rf"\b({_MON})(?:\s*(?:/|-|or|and|to|until)\s*|\s+or\s+(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)({_MON})\s*,?\s*({_YEAR})?", re.I)
#: "In late April, ...", "during March": a month without a year (it takes the item's year)
_MONTH_ALONE = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince)\s+(?:(?:early|mid|late|(?:the\s+)?(?:beginning|end)\s+of)[\s-]+)?"
                          rf"({_MON})\b(?![\s,]*\d)", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MON})\s*,?\s*({_YEAR})\b", re.I)
#: "In 2020-2021", "from 2016 to 2018": a span of years
_YEAR_RANGE = re.compile(rf"\b(?:in|during|from|between)\s+({_YEAR})\s*(?:-|–|to|until|and)\s*({_YEAR})\b", re.I)
_YEAR_ONLY = re.compile(rf"\b(?:in|during|from)\s+({_YEAR})\b(?!\s*-)", re.I)
_FROM = re.compile(r"\b(?:from|between|starting)\b[^.;]*$", re.I)
_DEADLINE = re.compile(r"(?:\bby|\buntil|\bbefore|\bdeadline)\s+(?:the\s+)?$", re.I)
#: cheap tests that let find_dates skip a pattern, or start it only where a month name begins
_HAS_QUARTER = re.compile("quarter", re.I)
_HAS_HALF = re.compile("half", re.I)
_MONTH_START = re.compile(r"\b(?:" + trie_alternation(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(), fold=True) + ")", re.I)
_QNUM = {"1": 1, "first": 1, "2": 2, "second": 2, "3": 3, "third": 3, "4": 4, "fourth": 4}


@dataclass(frozen=True)
class DateHit:
    """A date found at [start, end): ISO start and end at their precision."""

    start: int
    end: int
    first: str | None
    last: str | None
    precision: str  # day, month, year, unknown


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")[:4] if s.lower().startswith("sept") else s.lower().rstrip(".")[:3]
                  if s.lower().rstrip(".") not in MONTHS else s.lower().rstrip(".")]


def _days(s: str) -> list[int]:
    return [int(d) for d in re.findall(r"\d+", s) if 1 <= int(d) <= 31]


def find_dates(text: str, start: int, end: int, default_year: int | None) -> list[DateHit]:
    """All dates in text[start:end], the most precise reading of each stretch of text."""
    hits: list[DateHit] = []
    taken = ClaimedSpans()
    free = taken.free
    y: int | None  # a year read from the text, else default_year (None: no year known)

    def add(a: int, b: int, first: str | None, last: str | None, prec: str) -> None:
        taken.append((a, b))
        if _DEADLINE.search(text, max(start, a - 12), a) and not _FROM.search(text, max(start, a - 60), a):
            return  # "by 30 June" is a deadline; "from 12 March until 14 March" is a range
        hits.append(DateHit(a, b, first, last, prec))

    for m in _ISO.finditer(text, start, end):
        iso = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        add(m.start(), m.end(), iso, iso, "day")
    if text.find(".", start, end) >= 0 or text.find("/", start, end) >= 0:
        for m in _DOTTED_YMD.finditer(text, start, end):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                add(m.start(), m.end(), f"{y}-{mo:02d}-{d:02d}", f"{y}-{mo:02d}-{d:02d}", "day")
        for m in _DOTTED_DMY.finditer(text, start, end):
            d, mo, y = int(m.group(2)), int(m.group(3)), int(m.group(4))
            d0 = int(m.group(1)) if m.group(1) else d
            if 1 <= mo <= 12 and 1 <= d0 <= d <= 31 and free(m.start(), m.end()):
                add(m.start(), m.end(), f"{y}-{mo:02d}-{d0:02d}", f"{y}-{mo:02d}-{d:02d}", "day")
    for m in _QN.finditer(text, start, end) if text.find("Q", start, end) >= 0 else ():
        q, y = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(3))
        add(m.start(), m.end(), f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", "month")
    for rx, order in ((_CROSS_DM, (1, 2, 3, 4)), (_CROSS_MD, (2, 1, 4, 3))):
        for m in rx.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            d1, m1, d2, m2 = (m.group(k) for k in order)
            y = int(m.group(5)) if m.group(5) else default_year
            a, b = _month(m1), _month(m2)
            if y is None or a == b:
                continue
            y1 = y - 1 if a > b else y  # "28 December - 2 January 2020"
            add(m.start(), m.end(), f"{y1}-{a:02d}-{_days(d1)[0]:02d}", f"{y}-{b:02d}-{_days(d2)[0]:02d}", "day")
    for m in _DAY_LIST.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        days = _days(m.group(1))
        year = int(m.group(3)) if m.group(3) else default_year
        if not days:
            continue
        mon = _month(m.group(2))
        if year is None:
            taken.append((m.start(), m.end()))
            hits.append(DateHit(m.start(), m.end(), None, None, "unknown"))
            continue
        add(m.start(), m.end(), f"{year}-{mon:02d}-{min(days):02d}", f"{year}-{mon:02d}-{max(days):02d}", "day")
    months = [m.start() for m in _MONTH_START.finditer(text, start, end)]
    for m in _at(_MONTH_DAY, text, months, end):
        if free(m.start(), m.end()):
            days, mon, year = _days(m.group(2)), _month(m.group(1)), int(m.group(3))
            add(m.start(), m.end(), f"{year}-{mon:02d}-{min(days):02d}", f"{year}-{mon:02d}-{max(days):02d}", "day")
    for m in _at(_MONTH_DAY_NO_YEAR, text, months, end):
        # "On June 26-27, ...": a day without its year takes the item's year, or stays undated
        if free(m.start(), m.end()) and m.group(1)[0].isupper():
            days, mon = _days(m.group(2)), _month(m.group(1))
            if not days:
                continue
            if default_year is None:
                taken.append((m.start(), m.end()))
                hits.append(DateHit(m.start(), m.end(), None, None, "unknown"))
            else:
                add(m.start(), m.end(), f"{default_year}-{mon:02d}-{min(days):02d}",
                    f"{default_year}-{mon:02d}-{max(days):02d}", "day")
    for m in _QUARTER.finditer(text, start, end) if _HAS_QUARTER.search(text, start, end) else ():
        if free(m.start(), m.end()):
            q, y = _QNUM[m.group(1).lower()], int(m.group(2))
            add(m.start(), m.end(), f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", "month")
    for m in _HALF.finditer(text, start, end) if _HAS_HALF.search(text, start, end) else ():
        if free(m.start(), m.end()):
            mon, y = _month(m.group(2)), int(m.group(3))
            add(m.start(), m.end(), f"{y}-{mon:02d}", f"{y}-{mon:02d}", "month")
    for m in _at(_MONTH_RANGE, text, months, end):
        if free(m.start(), m.end()):
            y = int(m.group(3)) if m.group(3) else default_year
            a, b = _month(m.group(1)), _month(m.group(2))
            if y is None:
                taken.append((m.start(), m.end()))
                hits.append(DateHit(m.start(), m.end(), None, None, "unknown"))
            else:
                add(m.start(), m.end(), f"{y}-{a:02d}", f"{y}-{b:02d}", "month")
    for m in _at(_MONTH_YEAR, text, months, end):
        if free(m.start(), m.end()):
            mon, y = _month(m.group(1)), int(m.group(2))
            add(m.start(), m.end(), f"{y}-{mon:02d}", f"{y}-{mon:02d}", "month")
    for m in _MONTH_ALONE.finditer(text, start, end) if months else ():
        if free(m.start(1), m.end(1)) and m.group(1)[0].isupper():
            mon = _month(m.group(1))
            taken.append((m.start(1), m.end(1)))
            if default_year is None:
                hits.append(DateHit(m.start(1), m.end(1), None, None, "unknown"))
            else:
                add(m.start(1), m.end(1), f"{default_year}-{mon:02d}", f"{default_year}-{mon:02d}", "month")
    for m in _YEAR_RANGE.finditer(text, start, end):
        if free(m.start(), m.end()) and m.group(1) < m.group(2):
            add(m.start(1), m.end(2), m.group(1), m.group(2), "year")
    for m in _YEAR_PART.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(m.start(1), m.end(1), m.group(1), m.group(1), "year")
    for m in _YEAR_ONLY.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(m.start(1), m.end(1), m.group(1), m.group(1), "year")
    hits.sort(key=lambda h: h.start)
    return [h for h in hits if not _RELATIVE_PAST.search(text, max(start, h.start - 40), h.start)]


def _at(rx: re.Pattern[str], text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """``rx.finditer`` for a pattern that can only begin where a month name begins: the same
    non-overlapping matches, tried only at those positions instead of at every character."""
    last = -1
    for p in starts:
        if p < last:
            continue
        m = rx.match(text, p, end)
        if m is not None:
            last = m.end()
            yield m


#: "which was developed in February 2018": the date of something else, not of the event
_RELATIVE_PAST = re.compile(r"\bwhich\s+(?:was|were|has\s+been|had\s+been)\s+\w+\s+(?:in|on)\s+$", re.I)


def span_of(hits: list[DateHit]) -> tuple[str | None, str | None, str]:
    """One event's dates from its hits: the most precise kind present, first to last."""
    for prec in ("day", "month", "year"):
        sel = [h for h in hits if h.precision == prec and h.first]
        if sel:
            return min(h.first for h in sel if h.first), max(h.last or h.first for h in sel if h.first), prec
    return None, None, "unknown"
