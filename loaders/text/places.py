"""Places: aimags, the capital, countries and cities from reference data, and soums by pattern.

Why: venues and areas are how an analyst asks "what happened in Selenge"; names come from the
reference gazetteer (with spelling variants), soums from "X soum" / "X and Y soums".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopgraph.loaders.reference import reference
from coopgraph.reference_data import RefPlace
from coopgraph.loaders.text.wordtrie import trie_alternation


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    surface: str
    place: RefPlace | None  # None for a soum found by pattern
    soum: str | None = None


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], dict[str, RefPlace]]:
    table: dict[str, RefPlace] = {}
    for p in reference().places:
        for n in (p.name, *p.aliases):
            table.setdefault(n.lower(), p)
    pat = re.compile(r"(?<![\w-])(" + trie_alternation(table, fold=True) + r")(?![\w-])", re.I)
    return pat, table


_DISTRICT = re.compile(r"[ \n]+(?:district|düüreg|duureg)\b", re.I)
_SOUMS = re.compile(r"\b((?:[A-Z][\w'\-]+(?:,\s+|\s+and\s+))*[A-Z][\w'\-]+)\s+soums?\b")


def find_places(text: str, start: int, end: int) -> list[PlaceHit]:
    """Gazetteer places and soums in text[start:end] (capitalised mentions only)."""
    pat, table = _gazetteer()
    soum_spans: list[PlaceHit] = []
    # the pattern needs the word 'soum': skip the scan when the text has none
    for m in (_SOUMS.finditer(text, start, end) if text.find("soum", start, end) >= 0 else ()):
        for w in re.finditer(r"[A-Z][\w'\-]+", m.group(1)):
            s = m.start(1) + w.start()
            soum_spans.append(PlaceHit(s, s + len(w.group(0)), w.group(0).rstrip("'s"), None, w.group(0)))
    out = list(soum_spans)
    soum_starts = {h.start for h in soum_spans}
    for m in pat.finditer(text, start, end):
        surf = m.group(1)
        if not surf[0].isupper():
            continue
        if m.start() in soum_starts:
            continue
        if _DISTRICT.match(text, m.end()):
            continue  # "Sukhbaatar district of Ulaanbaatar": a district of the capital, not the aimag
        out.append(PlaceHit(m.start(), m.end(), surf, table[surf.lower()]))
    out.sort(key=lambda h: h.start)
    return out
