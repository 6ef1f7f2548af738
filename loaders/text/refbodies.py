"""Well-known bodies from reference data (ILO, FAO, GIZ ...) and their offices ('IOM Beijing',
'ILO Office in Ulaanbaatar', 'ILO Regional Office for Asia and the Pacific in Bangkok').

Why first: a reference body keeps its official name and Wikidata id wherever it is named, and an
office of one is a body of its own (partOf it, locatedIn its city) rather than the body plus a venue.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopgraph.loaders.text.entities import EntityDraft
from coopgraph.loaders.text.organisations import CAP_HEADS
from coopgraph.loaders.text.found import Found, Mention, Taken, overlaps
from coopgraph.loaders.text.places import PlaceHit
from coopgraph.loaders.reference import RefOrg, reference
from coopgraph.loaders.text.wordtrie import trie_alternation


@lru_cache(maxsize=1)
def ref_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, RefOrg]]:
    table: dict[str, RefOrg] = {}
    acr: list[str] = []
    names: list[str] = []
    for o in reference().organisations:
        for a in o.acronyms:
            table[a] = o
            acr.append(a)
        for n in (o.name, *o.aliases):
            for form in (n, *_short_forms(n)):
                table[form.lower()] = o
                names.append(form)
    acr_re = re.compile(r"(?<![\w-])(" + trie_alternation(acr) + r")(?![\w-])")
    name_re = re.compile(r"(?<![\w-])(" + trie_alternation(names, fold=True) + r")(?![\w-])", re.I)
    return acr_re, name_re, table


#: A leading word of official names that is written short inside names: "UN Population Fund".
_SHORTENED_LEADS = (("United Nations ", ("UN ", "U.N. ")),)


def _short_forms(name: str) -> tuple[str, ...]:
    """The ways a name is written with its leading word shortened ("United Nations Population
    Fund" → "UN Population Fund"): news text uses both, and the short one is not the UN itself."""
    for lead, shorts in _SHORTENED_LEADS:
        if name.startswith(lead) and len(name) > len(lead):
            return tuple(short + name[len(lead):] for short in shorts)
    return ()


ADJECTIVAL = re.compile(r"\)?(?:[ \n]*\([A-Za-z]{2,10}\))?[ \n]+(?:countries|member\s+states|best|good|experience|interventions|funded|standards|"
                         r"conventions?|practices?|policy|policies|law|legislation|level|model|context|"
                         r"perspective|market)\b", re.I)


def inverted_name(name: str) -> str | None:
    """'Delegation of the Northland Union to Westvale' is also written 'Northland Union Delegation
    to Westvale': a head noun 'of' its owner, turned round (only for a one-word head)."""
    m = re.match(r"([A-Z][a-z]+) of (?:the )?([A-Z][\w\- ]+?)((?: (?:to|in|for) [A-Z][\w\- ]+)?)$", name)
    if m is None or " of " in m.group(2):
        return None
    return f"{m.group(2)} {m.group(1)}{m.group(3)}"


def ref_org_entity(found: Found, o: RefOrg, span: tuple[int, int], surface: str) -> EntityDraft:
    turned = inverted_name(o.name)
    return found.table.add("Organisation", o.name, span=span,
                           aliases=(*o.acronyms, surface, *((turned,) if turned else ())), eid=o.id,
                           category=o.category, wikidata=o.wikidata, country=o.country, ref_parent=o.parent)


_CITY_BRANCH = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,9})[ \n]+$")
#: "ILO Country Office for China and Mongolia", "ILO Regional Office for Asia and the Pacific in Bangkok"
_OFFICE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,9})[ \n]+(?:(?:Country|Regional|Sub-?regional|Liaison|Project|"
                     r"Representative|Resident|Field)[ \n]+)?(?:Office|Bureau)[ \n]+(in|for)[ \n]+(?:the[ \n]+)?"
                     r"[A-Z][\w\-]*(?:[ \n]+(?:and[ \n]+(?:the[ \n]+)?)?[A-Z][\w\-]*){0,5}")
_IN_PLACE = re.compile(r"[ \n]+in[ \n]+")
_OFFICE_WORD = re.compile(r"[ \n]+(?:Country[ \n]+)?(?:Office|Mission|Representation|Bureau)\b")


def find_offices(text: str, found: Found, taken: Taken, hits: list[PlaceHit]) -> None:
    """'IOM Beijing', 'KOICA Mongolia', 'ILO Office in Ulaanbaatar', 'ILO Regional Office for Asia and
    the Pacific in Bangkok': a known body's office is a body of its own (partOf the body, locatedIn
    its city or country); the place is not a venue of the event."""
    _, _, table = ref_patterns()
    by_start = {h.start: h for h in hits if h.place is not None}
    spans: list[tuple[int, int, str, PlaceHit | None, int]] = []
    m: re.Match[str] | None
    for m in (_OFFICE.finditer(text) if "Office" in text or "Bureau" in text else ()):
        end, where = m.end(), None
        if m.group(2) == "in":
            where = next((h for h in hits if h.place is not None and h.start >= m.end(2) and h.end <= m.end()), None)
        else:
            at = _IN_PLACE.match(text, m.end())
            h = by_start.get(at.end()) if at else None
            if h is not None:
                end, where = h.end, h
        spans.append((m.start(), end, m.group(1), where, m.end()))
    for h in hits:
        if h.place is not None and h.place.place_type in ("city", "country"):
            m = _CITY_BRANCH.search(text, max(0, h.start - 12), h.start)
            if m is not None and h.place.place_type == "country" and not _OFFICE_WORD.match(text, h.end):
                # "UNDP Mongolia", "KOICA Mongolia": the agency as it signs in the country, not a
                # body of its own (an office is named as one: "ILO Mongolia Office")
                ref = table.get(m.group(1))
                if ref is not None and not overlaps(taken, m.start(), h.end):
                    d = ref_org_entity(found, ref, (m.start(), h.end), " ".join(text[m.start():h.end].split()))
                    found.add(Mention(m.start(), h.end, d.id, "Organisation"))
                    taken.append((m.start(), h.end))
            elif m is not None:
                office = _OFFICE_WORD.match(text, h.end)
                end = office.end() if office is not None else h.end  # "ILO Mongolia Office"
                spans.append((m.start(), end, m.group(1), h, end))
    _acronym_country_posts(text, found, taken, table)
    for s, e, acr, where, name_end in sorted(spans, key=lambda x: x[0]):
        ref = table.get(acr)
        if ref is None or overlaps(taken, s, e):
            continue
        parent = found.table.add("Organisation", ref.name, aliases=ref.acronyms, eid=ref.id, category=ref.category,
                                 wikidata=ref.wikidata, country=ref.country, ref_parent=ref.parent)
        d = found.table.add("Organisation", " ".join(text[s:name_end].split()), span=(s, e), category=ref.category,
                            branch=True)
        found.add(Mention(s, e, d.id, "Organisation"))
        taken.append((s, e))
        found.hint(d.id, "partOf", parent.id, (s, e))
        if where is not None and where.place is not None:
            found.hint(d.id, "locatedIn", where.place.id, (s, e))


#: "MCA-Mongolia", "UNDP-Mongolia": an acronym joined to a country's name by a hyphen
_ACRONYM_COUNTRY = re.compile(r"(?<![\w-])([A-Z]{2,6})-([A-Z][a-z]+)(?![\w-])")


def _acronym_country_posts(text: str, found: Found, taken: Taken, table: dict[str, RefOrg]) -> None:
    """A body's post in a country written with a hyphen: a known body as it signs there ("UNDP-
    Mongolia" is UNDP, as "UNDP Mongolia" is), an unknown one as a body of its own ("MCA-Mongolia":
    a country's counterpart of a programme is an organisation with its own staff)."""
    countries = {p.name for p in reference().places if p.place_type == "country"}
    for m in (_ACRONYM_COUNTRY.finditer(text) if "-" in text else ()):
        if m.group(2) not in countries or overlaps(taken, m.start(), m.end()):
            continue
        ref = table.get(m.group(1))
        if ref is not None:
            d = ref_org_entity(found, ref, (m.start(), m.end()), m.group(0))
        else:
            d = found.table.add("Organisation", m.group(0), span=(m.start(), m.end()), category="other")
        found.add(Mention(m.start(), m.end(), d.id, "Organisation"))
        taken.append((m.start(), m.end()))


#: Capitalised words up to an organisation's or programme's head noun, right after an acronym.
_LEADS_A_NAME = re.compile(r"[ ]+(?:[A-Z][\w\-'’]*[ ]+(?:(?:and|of|for)[ ]+)?){1,5}(?:Organi[sz]ation|Programme|Program|"
                           r"Office|Team|Secretariat|Unit|Fund)\b(?![ ]+(?:in|for)[ ])")  # "UN Resident Coordinator's Office"


#: A body named for another: "National Commission for UNESCO", "Friends of the Earth"
#: style names where the known body closes a longer name (read by the named-body pass).
_NAMED_FOR = re.compile(rf"(?<![\w-])(?:{CAP_HEADS})[ \n]+for[ \n]+(?:the[ \n]+)?$")


def _qualifies_next(text: str, end: int, hits: list[tuple[int, int, RefOrg]], k: int) -> bool:
    """'UN FAO': a known body's name right before another's qualifies it and names nothing itself
    (the hits are sorted by start: the next one that starts after ``end`` is a few steps on)."""
    while k < len(hits) and hits[k][0] < end:
        k += 1
    return k < len(hits) and text[end:hits[k][0]] in (" ", "\n")


def find_reference_bodies(text: str, found: Found, taken: Taken) -> None:
    acr_re, name_re, table = ref_patterns()
    hits = []
    for m in name_re.finditer(text):
        if m.group(1)[0].isupper() and not re.match(r"[ \n]+(?:[A-Z][a-z]|and[ \n]+[A-Z])", text[m.end():m.end() + 8]):
            hits.append((m.start(), m.end(), table[m.group(1).lower()]))
    for m in acr_re.finditer(text):
        if _LEADS_A_NAME.match(text, m.end()):
            continue  # 'XY Food and Farming Organization': the first word of another body's name
        hits.append((m.start(), m.end(), table[m.group(1)]))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    for i, (s, e, o) in enumerate(hits):
        if overlaps(taken, s, e):
            continue
        if _qualifies_next(text, e, hits, i + 1) or _NAMED_FOR.search(text, max(0, s - 40), s):
            continue
        # a longer body name around a reference name ("European Union Delegation") wins later
        d = ref_org_entity(found, o, (s, e), text[s:e])
        found.add(Mention(s, e, d.id, "Organisation", not ADJECTIVAL.match(text, e)))
        taken.append((s, e))
