"""Publication lists: one publication per entry under a "Publications" (or "Resources",
"Reports", "Downloads") heading.

Why: a newsletter's publication list names several documents, one per line or paragraph
("Report on social insurance coverage of herders (2017)"). Each is a completed publication of its
own, dated only by a bare year in brackets (the period a newsletter covers is not its date); read
as one item, the list became one event titled by the heading, or its lines were mistaken for the
trainings and surveys they report on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SECTION = re.compile(
    r"^\s*(?:new\s+|recent\s+|latest\s+|our\s+)?(?:publications?|reports?|resources|downloads|knowledge\s+products|"
    r"materials|documents)(?:\s+and\s+(?:reports|resources|materials|publications|documents))?\s*:?\s*$", re.I)
_ENTRY = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^[ \t]*(?:[•\-\*·▪●◦]|\d+[\.\)])[ \t]*")
_QUOTED = re.compile(r'"([^"\n]{3,200})"')
_YEAR = re.compile(r"\(((?:19|20)\d\d)\)")
#: where an entry's title ends: a bracket, a sentence break, or an availability note
_TITLE_END = re.compile(r"\s*\(|\.\s|\.$|\s+[-|]\s+(?:download|pdf)|\s*$", re.I)


@dataclass(frozen=True)
class Publication:
    """One entry of a publication list: its title (at ``span``), year if stated, and the line."""

    title: str
    span: tuple[int, int]
    year: str | None
    line: tuple[int, int]


def is_publication_list(heading: str) -> bool:
    """Does this heading open a list of publications?"""
    return bool(_SECTION.match(heading))


def find_publications(text: str, start: int, end: int) -> list[Publication]:
    """One publication per non-blank line of text[start:end]. Raises nothing."""
    out: list[Publication] = []
    for m in _ENTRY.finditer(text, start, end):
        line = m.group(0)
        b = _BULLET.match(line)
        s = m.start() + (b.end() if b else 0)
        while s < m.end() and text[s].isspace():
            s += 1
        if m.end() - s < 4:
            continue
        q = _QUOTED.search(text, s, m.end())
        if q is not None:
            ts, te = q.start(1), q.end(1)
        else:
            stop = _TITLE_END.search(text, s + 3, m.end())
            ts, te = s, stop.start() if stop else m.end()
        title = " ".join(text[ts:te].split()).strip(" ,;:")
        if len(title) < 4:
            continue
        y = _YEAR.search(text, te, m.end())
        out.append(Publication(title, (ts, te), y.group(1) if y else None, (m.start(), m.end())))
    return out
