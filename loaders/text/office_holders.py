"""Which body an office holder belongs to when the title names a place, a government or a
foreign body rather than the body itself.

'Mr. B, Governor of Riverton aimag' works for the Riverton Governor's Office the text names;
'Prime Minister B' and a minister whose ministry the text does not name belong to the
government it names; 'the Ambassador of the Northland Union to X, Mr. B' belongs to the Union's
delegation or embassy when the text names one.

Why: readers file an office holder under the office the text names, and these titles are the
usual way news text introduces officials; without them such people are left unattached.
"""

from __future__ import annotations

import re

from coopgraph.loaders.text.entities import EntityDraft, EntityTable
from coopgraph.loaders.text.name_parts import MISSION, place_in_name, whole_in_name

#: a head of government or a minister named by title right before the name
_GOVERNMENT_TITLE_BEFORE = re.compile(
    r"\b(?:(?:Deputy[ \n]+)?Prime[ \n]+Minister|Minister[ \n]+(?:of|for)[ \n]+(?:[A-Z][a-z]+[ \n]+|and[ \n]+|&[ \n]+){1,6})"
    r"[ \n]*,?[ \n]*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?[ \n]+)?$")
#: the same title as the name's apposition: ', Prime Minister of X' / ', Minister of Y'
_GOVERNMENT_TITLE_AFTER = re.compile(r"[ \n]*,[ \n]*(?:the[ \n]+)?(?:Deputy[ \n]+)?(?:Prime[ \n]+)?Minister\b")
#: 'Governor of X aimag' after the name ('Mr. B, Governor of X') or before it ('Governor of X, Mr. B')
_GOVERNOR_AFTER = re.compile(r"[ \n]*,[ \n]*(?:the[ \n]+)?(?:Deputy[ \n]+)?Governor[ \n]+of[ \n]+(?:the[ \n]+)?"
                             r"(?P<place>[A-Z][\w\-’']*(?:[ \n]+[A-Z][\w\-’']*){0,2})")
_GOVERNOR_BEFORE = re.compile(r"\b(?:Deputy[ \n]+)?Governor[ \n]+of[ \n]+(?:the[ \n]+)?"
                              r"(?P<place>[A-Z][\w\-’']*(?:[ \n]+[A-Z][\w\-’']*){0,2})"
                              r"(?:[ \n]+(?:aimag|province|soum|district|city))?[ \n]*,?[ \n]*"
                              r"(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?[ \n]+)?$")
_AMBASSADOR = re.compile(r"\b(?:Ambassador|Head[ \n]+of[ \n]+(?:the[ \n]+)?Delegation|Consul)\b")


def office_of_title(text: str, name: tuple[int, int], t: EntityTable) -> EntityDraft | None:
    """The body a title next to a person's name points to when it names no body itself."""
    s0, e0 = name
    before = text[max(0, s0 - 80):s0]
    g = _GOVERNOR_AFTER.match(text, e0)
    place_name = g.group("place") if g else None
    if place_name is None:
        gb = _GOVERNOR_BEFORE.search(before)
        place_name = gb.group("place") if gb else None
    if place_name is not None:
        office = governor_office(place_name, t)
        if office is not None:
            return office
    if _GOVERNMENT_TITLE_BEFORE.search(before) or _GOVERNMENT_TITLE_AFTER.match(text, e0):
        return government(t)
    envoy = _ENVOY_OF.search(text[max(0, s0 - 140):s0]) or _ENVOY_ADJ.search(text[max(0, s0 - 100):s0])
    return _country_post(envoy.group("who"), t) if envoy is not None else None


#: 'the Ambassador (Extraordinary and Plenipotentiary) of X to Y, Mr. B' / 'the French Ambassador to Y, Mr. B'
_TO_AND_TITLE = r"(?:[ \n]+to[ \n]+[^,.;\n]{1,50})?[ \n]*,?[ \n]*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?[ \n]+)?$"
_ENVOY_OF = re.compile(r"\bAmbassador(?:[ \n]+Extraordinary[ \n]+and[ \n]+Plenipotentiary)?[ \n]+of[ \n]+(?:the[ \n]+)?"
                       r"(?P<who>[A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?)" + _TO_AND_TITLE)
_ENVOY_ADJ = re.compile(r"\b(?P<who>[A-Z][a-z]+)[ \n]+Ambassador" + _TO_AND_TITLE)


def _country_post(who: str, t: EntityTable) -> EntityDraft | None:
    """A country's ambassador belongs to its embassy the text names ('Embassy of Japan in X', 'French
    Embassy'), else to its government ('Government of Japan') when the text names that."""
    orgs = [d for d in t.by_id.values() if d.type == "Organisation" and d.spans]
    for d in orgs:
        if MISSION.search(d.name) and (d.name.startswith(f"{who} ") or re.search(rf"\bof (?:the )?{re.escape(who)}\b", d.name)):
            return d
    return next((d for d in orgs if d.name in (f"Government of {who}", f"{who} Government")), None)


def governor_office(place_name: str, t: EntityTable) -> EntityDraft | None:
    """The governor's office the text names for a place ('Dornod aimag Governor's Office')."""
    for run in _leading_runs(place_name):
        p = t.find("Place", run)
        if p is None:
            continue
        for d in t.by_id.values():
            if d.type == "Organisation" and "Governor" in d.name and place_in_name(d, t) is p:
                return d
        return None
    return None


def government(t: EntityTable) -> EntityDraft | None:
    """The one government the text names ('the Government of X'); none when it names several."""
    govs = [d for d in t.by_id.values() if d.type == "Organisation"
            and re.match(r"(?:[A-Z][a-z]+[ \n]+)?Government\b", d.name) and d.spans]
    return govs[0] if len(govs) == 1 else None


def mission_of(body: EntityDraft, text: str, span: tuple[int, int], t: EntityTable) -> EntityDraft:
    """An ambassador's body is its embassy or delegation when the text names one of that body
    ('Ambassador of the EU ..., Mr. B' and 'the Delegation of the European Union to X')."""
    window = text[max(0, span[0] - 60):span[1]]
    if not _AMBASSADOR.search(window) or MISSION.search(body.name):
        return body
    for d in t.by_id.values():
        if d.type == "Organisation" and d.id != body.id and MISSION.search(d.name) and whole_in_name(d, t) is body:
            return d
    return body


def _leading_runs(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]
