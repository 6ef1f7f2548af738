"""List and table rows that each name one dated activity: "- 15 November 2018: Round table on ...,
Ulaanbaatar (organized by ...)" or "Dundgovi | Dairy processing, Mandalgovi | June 12th, 2018 | 18".

Why: newsletters list upcoming events as bullets and reports tabulate trainings per aimag. Each
row is an event of its own with its own date, place and actors; read as one item, the rows
merged into a single event dated from the first to the last row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopgraph.loaders.text.dates import DateHit, find_dates

_BULLET_ROW = re.compile(r"^[ \t]*(?:[•\-\*·▪●◦]|\d{1,2}[\.\)])[ \t]+(\S[^\n]*)$", re.M)
_TABLE_ROW = re.compile(r"^([^\n|]*\|[^\n|]*\|[^\n]*)$", re.M)
_COUNT_HEAD = re.compile(r"\b(?:trainees|participants|attendees|people|persons|number|no\.)\b", re.I)
_NUMBER = re.compile(r"^\s*(\d{1,5})\s*$")
_PLANNED = re.compile(r"\b(?:planned|upcoming|tentative|tbc|tbd|to\s+be\s+confirmed|forthcoming)\b", re.I)


@dataclass(frozen=True)
class Row:
    """One row: its span, the span of the text naming the activity, its dates and head count."""

    span: tuple[int, int]
    title_span: tuple[int, int]
    dates: tuple[DateHit, ...]
    count: int | None
    planned: bool  # the row itself says so ("(planned)", "tentative")


def find_rows(text: str, start: int, end: int, year: int | None) -> list[Row]:
    """Dated rows of a bulleted list or a pipe table in text[start:end]; none unless at least two
    rows carry a day or month date (one row in an "Upcoming" list is still a list). Raises nothing."""
    if text.find("|", start, end) >= 0:
        rows = _table_rows(text, start, end, year)
        if rows:
            return rows
    bullet_list = text.find("\n", start, end) >= 0 or _BULLET_ROW.match(text, start, end)
    return _bullet_rows(text, start, end, year) if bullet_list else []


def _dated(hits: list[DateHit]) -> bool:
    return any(h.precision in ("day", "month") for h in hits)


def _bullet_rows(text: str, start: int, end: int, year: int | None) -> list[Row]:
    out: list[Row] = []
    for m in _BULLET_ROW.finditer(text, start, end):
        hits = find_dates(text, m.start(1), m.end(1), year)
        if not _dated(hits):
            continue
        ts, te = m.start(1), m.end(1)
        first = hits[0]
        if first.start - ts <= 2:  # "15 November 2018: Round table ...": the title follows the date
            ts = first.end
            while ts < te and text[ts] in " \t:-,":
                ts += 1
            ts = _after_label(text, ts, te)
        paren = text.find(" (", ts, te)
        te = _before_role_clause(text, ts, paren if paren > ts else te)
        out.append(Row((m.start(), m.end()), (ts, te), tuple(hits), None,
                       bool(_PLANNED.search(text, m.start(1), m.end(1)))))
    return out


#: "Ulgii (Bayan-Ulgii aimag): training of trainers ...": a short place label, a colon, the title
_LABEL = re.compile(r"[^\n:]{1,60}?:[ \t]+(?=\w)")
_LABEL_VERB = re.compile(r"\b(?:will|is|are|was|were|organi[sz]ed|held)\b", re.I)
#: where a row's title ends: ", organised with/by ...", ", co-organised by ...", a final full stop
_ROLE_CLAUSE = re.compile(r",\s+(?:(?:co-?)?organi[sz]ed|hosted|supported|funded|financed|jointly|together|"
                          r"with\s+(?:the\s+)?(?:support|assistance)|in\s+(?:cooperation|partnership))\b|\.\s*$", re.I)


def _after_label(text: str, ts: int, te: int) -> int:
    """Where the title starts when the date is followed by a label ('15 May 2024, Ulgii: training
    ...'): after the label's colon; the label names the venue, not the activity."""
    m = _LABEL.match(text, ts, te)
    if m is None or _LABEL_VERB.search(text, ts, m.end()) or m.end() >= te - 3:
        return ts
    return m.end()


def _before_role_clause(text: str, ts: int, te: int) -> int:
    """A row's title ends before a clause naming its organisers or supporters."""
    m = _ROLE_CLAUSE.search(text, ts, te)
    return m.start() if m and m.start() > ts else te


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = s
    for part in text[s:e].split("|"):
        a, b = pos, pos + len(part)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
        pos += len(part) + 1
    return out


def _table_rows(text: str, start: int, end: int, year: int | None) -> list[Row]:
    out: list[Row] = []
    header: list[str] = []
    for m in _TABLE_ROW.finditer(text, start, end):
        cells = _cells(text, m.start(1), m.end(1))
        hits = find_dates(text, m.start(1), m.end(1), year)
        if not _dated(hits):
            if not out and not header:
                header = [text[a:b] for a, b in cells]
            continue
        count = None
        for k, (a, b) in enumerate(cells):
            n = _NUMBER.match(text[a:b])
            if n and k < len(header) and _COUNT_HEAD.search(header[k]):
                count = int(n.group(1))
        words = [(a, b) for a, b in cells if not any(a <= h.start < b for h in hits)
                 and not _NUMBER.match(text[a:b]) and len(text[a:b].split()) > 1]
        title = max(words, key=lambda c: len(text[c[0]:c[1]].split()), default=cells[0])
        out.append(Row((m.start(), m.end()), title, tuple(hits), count,
                       bool(_PLANNED.search(text, m.start(1), m.end(1)))))
    return out if len(out) >= 2 else []
