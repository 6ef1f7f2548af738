"""The names of a list in running text: "A, B and C", "A (ACR), B as well as the other C".

Why one module: the relation frames ("jointly organised by A and B", "signed by A, B and C") and
the funding rule ("funded by A and the B") read the same lists; one reading of what joins two
names keeps them from drifting apart. (Until issue 16 the funding rule had a narrower reading of
its own: no "&" or "as well as", brackets of at most 12 characters; every gold set reads the same
with this one.)
"""

from __future__ import annotations

import re

from coopgraph.loaders.text.found import Mention

#: what joins the names of a list: "A (ACR), B and the C", "A as well as B"
_LIST_JOINT = re.compile(r"\)?(?:[ \n]*\([^()\n]{1,15}\))?[ \n]*(?:,|and|&|as[ \n]+well[ \n]+as)?[ \n]*(?:,[ \n]*)?"
                         r"(?:and[ \n]+)?(?:the[ \n]+)?(?:(?:other|local|national)[ \n]+)?"
                         r"(?:(?:[A-Z]\.){2,3}[ \n]+|[A-Z][a-z]+(?:ian|an|ese|ish|ch)[ \n]+)?")  # "the U.S. X", "the Japanese X"
#: the first name of a list stands at most this far after where the list may start
_LEAD_GAP = 40


def joined(gap: str) -> bool:
    """Does this stretch between two names join them as items of one list?"""
    return _LIST_JOINT.fullmatch(gap) is not None and re.search(r",|\band\b|&|\bas[ \n]+well[ \n]+as\b", gap) is not None


def listed_after(text: str, ms: list[Mention], pos: int, end: int) -> list[Mention]:
    """The names in a list starting at pos: 'A, B and C' (stops at the first word that is not a
    list joint). A name's acronym in brackets right after it, 'A (ACR)', is listed as well."""
    out: list[Mention] = []
    last = pos
    for m in ms:
        if m.start < pos or m.start >= end:
            continue
        gap = text[last:m.start]
        if out and not (joined(gap) or (m.eid == out[-1].eid and re.fullmatch(r"[ \n]*\(", gap))):
            break
        if not out and len(gap) > _LEAD_GAP:
            break
        out.append(m)
        last = m.end
    return out


def bodies_listed(text: str, ms: list[Mention]) -> list[Mention]:
    """The list that starts at the first of ``ms``, one mention per name: 'financed by A (ACR) and
    the B' gives A and B (the acronym repeating A is left out)."""
    listed = listed_after(text, ms, ms[0].start, len(text)) if ms else []
    return [m for k, m in enumerate(listed) if k == 0 or m.eid != listed[k - 1].eid]


def list_before(text: str, ms: list[Mention], pos: int, reach: int) -> list[Mention]:
    """The list of names that ends right before ``pos``, its last name at most ``reach``
    characters before it: 'A, B and C (ACR) have' (walking back over list joints)."""
    before = [m for m in ms if m.end <= pos and pos - m.end <= reach]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m.end:group[0].start]
        if joined(gap) or (text.startswith(" (", m.end) and m.eid == group[0].eid):
            group.insert(0, m)
        else:
            break
    return group
