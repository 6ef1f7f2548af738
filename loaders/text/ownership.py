"""Who owns a project named in passing: 'Youth employment project of SDC', 'project of the
Deutsche Gesellschaft ... (GIZ)'. The owner is not an actor of the event the project acts in; the
ownership is a relation (fundedBy for a donor, implementedBy for an implementing agency).
"""

from __future__ import annotations

import re

from coopgraph.loaders.reference import reference

#: agencies that implement projects (flag "implementer" in data/reference/organisations.json)
IMPLEMENTING_AGENCIES = frozenset(o.id for o in reference().organisations if o.implementer)


_OWNER_BEFORE = re.compile(r"\b(?:[Pp]rojects?|[Pp]rogramm?e)(?:[ \n]*\([A-Za-z0-9]{2,10}\))?[ \n]+of[ \n]+(?:the[ \n]+)?$")


def owner_only(text: str, pos: int) -> bool:
    """'Youth employment project of SDC': SDC owns a project named here, it is not an actor of
    the event (the project is; the ownership is a relation). So does 'project of the Deutsche
    Gesellschaft ... (GIZ)' own it under its acronym."""
    if _OWNER_BEFORE.search(text, max(0, pos - 44), pos) is not None:
        return True
    if pos > 0 and text[pos - 1] == "(":
        lo = max(0, pos - 200)
        ends = [m.end() for m in _OWNER_LONG.finditer(text, lo, pos)]
        return bool(ends) and ends[-1] == pos
    return False


_OWNER_LONG = re.compile(r"\b(?:[Pp]rojects?|[Pp]rogramm?e)[ \n]+of[ \n]+(?:the[ \n]+)?[^()\n.;]{3,150}?[ \n]*\(")
