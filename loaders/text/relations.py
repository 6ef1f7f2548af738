"""Relations stated in the text (supports, cooperatesWith, memberOf, partOf, locatedIn,
affiliatedWith) and from reference data (succeededBy, a body's parent, a city's country).

Why: these are the edges an analyst follows beyond shared events; each carries the exact words
it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coopgraph.loaders.text.entities import EntityTable
from coopgraph.loaders.text.found import Found, Mention
from coopgraph.loaders.text.lists import bodies_listed
from coopgraph.loaders.text.name_parts import MISSION, name_relations
from coopgraph.loaders.text.office_holders import mission_of, office_of_title
from coopgraph.loaders.text.relation_frames import frame_relations, located_after_comma
from coopgraph.loaders.text.ownership import IMPLEMENTING_AGENCIES, owner_only
from coopgraph.loaders.reference import reference
import itertools

Rel = tuple[str, str, str, tuple[int, int]]

_SUPPORT = re.compile(r"\b(?:provided|providing|provides|will\s+provide|committed(?:\s+a)?(?:\s+further)?|gave)\s+"
                      r"(?:technical\s+|financial\s+|methodological\s+)?(?:support|assistance)\s+to\b", re.I)
_COOP = re.compile(r"\b(?:cooperation|collaboration|coordination|partnership)(?:\s+(?:agreement|memorandum))?\s+"
                   r"(?:of|between|with|among)\b", re.I)
_WITH_BEFORE = re.compile(r"\b(?:with|in)[ \n]+(?:the[ \n]+)?(?:close[ \n]+)?$", re.I)
_AGREED = re.compile(r"\bagreed\s+that\b(.{0,120}?)\b(?:will|would|to)\s+(?:hold|meet|cooperate|work|coordinate)", re.I | re.S)
_MEMBERS = re.compile(r"\b(?:includes?|consists?\s+of|comprises?|composed\s+of)\b[^.]{0,40}?(?:representatives\s+)?(?:from|of)\b", re.I)
_THROUGH_ITS = re.compile(r"^[ \n]+through[ \n]+its[ \n]+$")


def find_relations(text: str, found: Found, sents: Sequence[tuple[int, int]]) -> list[Rel]:
    out: list[Rel] = []
    for s, e in sents:
        ms = _in([m for m in found.between(s, e) if m.kind in ("Organisation", "Project")], s, e)
        out += _supports(text, s, e, ms)
        out += _cooperation(text, s, e, ms)
        out += _members(text, s, e, ms)
        out += _funding(text, s, e, ms, found)
    out += _adjacent(text, found, [m for m in found.mentions if m.kind in ("Organisation", "Project")])
    for h in found.hints:
        obj = h.object_id(found.table)
        if obj is not None:
            out.append((h.subject, h.predicate, obj, h.span))
    out += _located(text, found, sents)
    out += name_relations(found.table)
    actors_in = lambda a, b: _in([m for m in found.between(a, b) if m.kind in ("Organisation", "Project")], a, b)  # noqa: E731
    out += frame_relations(text, sents, actors_in, found.table)
    out += located_after_comma(text, _in([m for m in found.mentions if m.kind in ("Organisation", "Place")], 0, len(text)),
                               found.table)

    out += _affiliations(text, found)
    out += _successions(found)
    return out


_FUNDED = re.compile(r"\b(?:funded|financed|sponsored)\s+by\b|\b(implemented|executed|managed)\s+by\b", re.I)


_LOAN = re.compile(r"\b(?:loan|grant|credit|financing)\s+agreements?\b", re.I)
_CO_FINANCE = re.compile(r"[ \n]*\)?[ \n]*(?:will[ \n]+(?:also[ \n]+)?|has[ \n]+|have[ \n]+|also[ \n]+)?"
                         r"(?:co-?financ|co-?fund|financ|fund)(?:e|es|ed|ing|s)?\b", re.I)


def _funding(text: str, s: int, e: int, ms: list[Mention], found: Found) -> list[Rel]:
    """'X is a project funded by A and implemented by B', 'A and B signed a loan agreement for the
    X Project' (the donor among the signers funds it), 'A will co-finance a component' (of the
    page's project)."""
    out: list[Rel] = []
    projects_all = [m for m in ms if m.kind == "Project"]
    loan = _LOAN.search(text, s, e)
    if loan is not None:
        after = [m for m in projects_all if m.start >= loan.end()]
        donors = [m for m in ms if m.kind == "Organisation" and m.end <= loan.start()
                  and found.table.by_id[m.eid].category == "donor"]
        if after and donors:
            out += [(after[0].eid, "fundedBy", d.eid, (d.start, after[0].end)) for d in donors]
    for m in ms:
        if m.kind == "Organisation" and _CO_FINANCE.match(text, m.end, min(e, m.end + 40)):
            later = [p for p in projects_all if p.start > m.end]
            target = later[0].eid if later else found.home_project
            if target:
                out.append((target, "fundedBy", m.eid, (m.start, min(e, m.end + 40))))
    projects = [m for m in ms if m.kind == "Project"]
    for f in _FUNDED.finditer(text, s, e):
        subj = [m for m in projects if m.end <= f.start()]
        obj = [m for m in ms if m.start >= f.end() and m.kind == "Organisation"]
        if subj and obj and obj[0].start - f.end() < 12:
            pred = "implementedBy" if f.group(1) else "fundedBy"
            for o in bodies_listed(text, obj):
                out.append((subj[-1].eid, pred, o.eid, (subj[-1].start, o.end)))
        elif obj and obj[0].start - f.end() < 12:
            # "The workshop was funded by A under the X project": A funds the project
            bodies = bodies_listed(text, obj)
            under = _UNDER.match(text, bodies[-1].end, e)
            proj = [m for m in projects if under and under.end() <= m.start <= under.end() + 1]
            if proj:
                pred = "implementedBy" if f.group(1) else "fundedBy"
                out += [(proj[0].eid, pred, o.eid, (f.start(), proj[0].end)) for o in bodies]
    return out


_UNDER = re.compile(r"(?:[ \n]*\([^()\n]{1,12}\))?[ \n]+(?:under|through|as[ \n]+part[ \n]+of|within)[ \n]+"
                    r"(?:the[ \n]+|its[ \n]+)?\"?")


def _ends_as_project(text: str, a: Mention, found: Found) -> bool:
    """Is the project mention (or the title its acronym stands for) a '... Project' name?"""
    name = found.table.by_id[a.eid].name
    return name.endswith(("Project", "Programme", "Program")) or text[a.start:a.end].endswith(("Project", "Programme"))


def _in(ms: list[Mention], s: int, e: int) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        if s <= m.start and m.end <= e and not (out and m.start < out[-1].end):
            out.append(m)
    return out


def _supports(text: str, s: int, e: int, ms: list[Mention]) -> list[Rel]:
    out: list[Rel] = []
    for v in _SUPPORT.finditer(text, s, e):
        before = [m for m in ms if m.end <= v.start()]
        after = [m for m in ms if m.start >= v.end()]
        if before and after and before[-1].eid != after[0].eid:
            out.append((before[-1].eid, "supports", after[0].eid, (before[-1].start, after[0].end)))
    return out


def _cooperation(text: str, s: int, e: int, ms: list[Mention]) -> list[Rel]:
    out: list[Rel] = []
    for c in _COOP.finditer(text, s, e):
        group = list({m.eid: m for m in reversed([m for m in ms if c.end() <= m.start <= c.end() + 160])}.values())[::-1]
        before = [m for m in ms if m.end <= c.start() and not owner_only(text, m.start)]
        if c.group(0).lower().endswith("with") or _WITH_BEFORE.search(text, max(s, c.start() - 12), c.start()):
            # "X signed a cooperation agreement with A and B", "X held it with (the) cooperation of
            # A and B": X cooperates with each of them; A and B are X's partners, not each other's
            if before:
                subj = before[-1]
                out += [(subj.eid, "cooperatesWith", m.eid, (subj.start, m.end)) for m in group[:4] if m.eid != subj.eid]
            continue
        out += _pairs(group[:4], "cooperatesWith")  # "cooperation between A and B"
    for a in _AGREED.finditer(text, s, e):
        group = [m for m in ms if a.start(1) <= m.start and m.end <= a.end(1)]
        out += _pairs(group, "cooperatesWith", (a.start(), a.end()))
    return out


def _pairs(group: list[Mention], pred: str, span: tuple[int, int] | None = None) -> list[Rel]:
    out: list[Rel] = []
    ids = []
    for m in group:
        if m.eid not in ids:
            ids.append(m.eid)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            sp = span or (group[0].start, group[-1].end)
            out.append((ids[i], pred, ids[j], sp))
    return out


def _members(text: str, s: int, e: int, ms: list[Mention]) -> list[Rel]:
    out: list[Rel] = []
    m = _MEMBERS.search(text, s, e)
    if not m:
        return out
    subj = [x for x in ms if x.end <= m.start()]
    stop = re.search(r"\band\s+participated\b|;", text[m.end():e])
    end = m.end() + stop.start() if stop else e
    members = [x for x in ms if m.end() <= x.start and x.end <= end]
    if subj:
        for x in members:
            if x.eid != subj[-1].eid:
                out.append((x.eid, "memberOf", subj[-1].eid, (subj[-1].start, x.end)))
    return out


def _adjacent(text: str, found: Found, actors: list[Mention]) -> list[Rel]:
    """'X division of the Ministry of Y' (partOf), 'IOM through its 1035 Facility' (partOf),
    'SECiM PSC' (the committee is part of the project)."""
    out: list[Rel] = []
    t = found.table
    for a, b in itertools.pairwise(actors):
        gap = text[a.end:b.start]
        da, db = t.by_id.get(a.eid), t.by_id.get(b.eid)
        if da is None or db is None or a.eid == b.eid:
            continue
        sub = da.type == "Organisation" and db.type == "Organisation" \
            and re.search(r"\b(?:department|division|unit|office|section)\b", da.name, re.I) is not None
        if da.type == "Organisation" and db.type == "Project" and re.fullmatch(r"\)?[ \n]+of[ \n]+(?:the[ \n]+)?", gap) \
                and re.search(r"\b(?:committee|council|board|unit|team)\b", da.name, re.I):
            out.append((a.eid, "partOf", b.eid, (a.start, b.end)))  # "the Steering Committee (PSC) of the X Project"
        elif sub and (re.fullmatch(r"\)?[ \n]+of[ \n]+(?:the[ \n]+)?", gap)
                    or (re.fullmatch(r",[ \n]*(?:the[ \n]+)?", gap) and db.name.startswith("Ministry")
                        and not _in_a_list_of_the(text, a, b))):
            out.append((a.eid, "partOf", b.eid, (a.start, b.end)))
        elif gap in ("'s ", "'s\n") and da.type == "Organisation" and db.type == "Organisation" \
                and re.search(r"\b(?:department|division|unit|office|section)\b", db.name, re.I):
            out.append((b.eid, "partOf", a.eid, (a.start, b.end)))
        elif re.fullmatch(r"[ \n]+under[ \n]+(?:the[ \n]+)?", gap) and da.type == "Organisation" \
                and db.type == "Organisation" and db.category == "government":
            out.append((a.eid, "partOf", b.eid, (a.start, b.end)))  # "X Office under the Ministry of Y"
        elif da.type == "Project" and db.type == "Organisation" \
                and (re.fullmatch(r"[ \n]+(?:[Pp]roject|[Pp]rogramm?e)[ \n]+of[ \n]+(?:the[ \n]+)?", gap)
                     or (re.fullmatch(r"\)?[ \n]+of[ \n]+(?:the[ \n]+)?", gap) and _ends_as_project(text, a, found))):
            # "the DVTM project of GIZ": an implementing agency implements it, a donor funds it
            pred = "fundedBy" if db.category == "donor" and b.eid not in IMPLEMENTING_AGENCIES \
                else "implementedBy"
            out.append((a.eid, pred, b.eid, (a.start, b.end)))
        elif _THROUGH_ITS.match(gap) or (gap == " " and da.type == "Project" and db.type == "Organisation" and "ommittee" in db.name):
            out.append((b.eid, "partOf", a.eid, (a.start, b.end)))
    for d in t.by_id.values():
        parent = d.ref_parent
        if parent is not None and parent in t.by_id and d.spans:
            out.append((d.id, "partOf", parent, d.spans[0]))
    return out


def _in_a_list_of_the(text: str, a: Mention, b: Mention) -> bool:
    """'..., the X Office, the Ministry of Y, the Z Agency ...': items of a list, each with its
    own "the", not a unit and its ministry in apposition ('the X Department, Ministry of Y')."""
    if "the" not in text[a.end:b.start]:
        return False
    return re.search(r",[ \n]*the[ \n]+$", text[max(0, a.start - 8):a.start]) is not None \
        or re.match(r"[ \n]*(?:,|and)[ \n]+the\b", text[b.end:b.end + 12]) is not None


def _located(text: str, found: Found, sents: Sequence[tuple[int, int]]) -> list[Rel]:
    out: list[Rel] = []
    t = found.table
    places = [m for m in found.mentions if m.kind == "Place"]
    for d in list(t.by_id.values()):
        aimag = d.aimag
        if aimag is None and d.type == "Organisation" and d.spans:
            aimag = _named_aimag(d.name, t)
        soum = _SOUM_NAMED.match(d.name) if d.type == "Organisation" and d.spans else None
        sp = t.find("Place", soum.group(1)) if soum else None
        if sp is not None and sp.place_type == "soum":
            out.append((d.id, "locatedIn", sp.id, d.spans[0]))  # 'Uyench soum training centre'
        elif aimag is not None:
            p = t.find("Place", aimag)
            if p is not None and d.spans:
                out.append((d.id, "locatedIn", p.id, d.spans[0]))
    for m in places:
        d = t.by_id[m.eid]
        if d.place_type == "soum" and not d.parent:
            of = re.match(r"[ \n]+soum(?:[ \n]+of|,)[ \n]+", text[m.end:m.end + 12])
            nxt = [p for p in places if of and p.start == m.end + of.end()]
            prev = nxt or [p for p in found.between(_paragraph_start(text, m.start), m.start)
                           if p.kind == "Place" and t.by_id[p.eid].place_type == "aimag"]
            if prev:
                # the soum's aimag is kept as the place's parent (the graph states it as
                # locatedIn); it is not a relation the text states between two bodies
                d.parent = prev[-1].eid
        parent = d.parent
        if d.place_type == "city" and parent is not None and parent in t.by_id \
                and parent != _home_id() and t.by_id[parent].place_type == "country":
            nxt = [p for p in found.between(m.end, m.end + 60) if p.eid == parent and p.start - m.end < 5]
            if nxt:
                out.append((d.id, "locatedIn", parent, (m.start, nxt[0].end)))
    actors = [m for m in found.mentions if m.kind == "Organisation"]
    by_start = {p.start: p for p in places}
    for a in actors:
        after = re.match(r"[ \n]+in[ \n]+", text[a.end:a.end + 6])
        if after:
            place = by_start.get(a.end + after.end())
            if place is not None and ((t.by_id[place.eid].place_type in ("aimag", "soum")
                                       and t.by_id[a.eid].category not in ("international", "donor"))
                                      or MISSION.match(t.by_id[a.eid].name)  # 'Embassy of X in Mongolia'
                                      or (t.by_id[place.eid].place_type == "city"
                                          and _OFFICE_HEAD.search(t.by_id[a.eid].name))):  # 'X Office in Ulaanbaatar'
                # (an agency or donor "in" an aimag is where it works this time, not where it stands)
                out.append((a.eid, "locatedIn", place.eid, (a.start, place.end)))
    return out


def _home_id() -> str | None:
    home = reference().home_country
    return home.id if home is not None else None


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding pos begins: a soum takes the aimag named before it in its own
    paragraph ('visit to Selenge aimag ... at Sukhbaatar and Shaamar soums'), never one named in
    an earlier paragraph about something else."""
    lo = max(0, pos - 1500)
    blank = text.rfind("\n\n", lo, pos)
    if blank < 0:
        blank = max(text.rfind("\n \n", lo, pos), text.rfind("\n  \n", lo, pos))
    return blank + 1 if blank >= 0 else lo


def _owned_units_first(text: str, ms: list[Mention], t: EntityTable) -> list[Mention]:
    """'Director General of ADB's East Asia Department': the department, not its owner (but
    'who manages IOM's "X" project': IOM, whose project it is)."""
    out = list(ms)
    for k, m in enumerate(ms[:-1]):
        nxt = t.by_id.get(ms[k + 1].eid)
        if text.startswith("'s", m.end) and nxt is not None and nxt.type == "Organisation" \
                and re.search(r"\b(?:department|division|unit|office|section|directorate)\b", nxt.name, re.I):
            out.remove(m)
    return out


#: a body whose name says it is a post of another, set up where it stands ('... Representative
#: Office in X', 'the X branch in Y'): 'in' a city after it is its location
_OFFICE_HEAD = re.compile(r"\b(?:Office|Branch|Representation|Bureau|Mission)$")
_SOUM_NAMED = re.compile(r"([A-Z][\w\-]+)[ \n]+soum\b")


def _named_aimag(name: str, t: EntityTable) -> str | None:
    """'Arkhangai Governor's Office', 'Khovd aimag Governor's office': a body named after its aimag."""
    m = re.match(r"([A-Z][\w\-]+)[ \n]+(?:aimag[ \n]+)?[A-Z]", name)
    p = t.find("Place", m.group(1)) if m else None
    return p.name if p is not None and p.place_type == "aimag" else None


#: ", a member of the", ", an officer of", ", the head of the": an apposition that names a body
_MEMBER_OF = re.compile(r",[ \n]+(?:a|an|the)[ \n]+(?:[a-z]+[ \n]+){0,2}?(?:member|head|director|chair(?:man|woman|person)?|"
                        r"representative|officer|staff|employee|volunteer)[ \n]+(?:of|at|from)[ \n]+(?:the[ \n]+)?")


def _member_after(text: str, end: int, actors: list[Mention]) -> Mention | None:
    for m in actors:
        if _MEMBER_OF.fullmatch(text, end, m.start):
            return m
    return None


def _affiliations(text: str, found: Found) -> list[Rel]:
    out: list[Rel] = []
    t = found.table
    def actors_in(a: int, b: int) -> list[Mention]:
        return [m for m in found.between(a, b) if m.kind in ("Organisation", "Project")]

    for d in list(t.by_id.values()):
        if d.type != "Person":
            continue
        span = d.role_span
        org = None
        ev = None
        member = _member_after(text, d.spans[0][1], actors_in(d.spans[0][1], d.spans[0][1] + 90)) if d.spans else None
        if member is not None:
            # "Mr. A, a member of the X": the apposition says whose the person is, whatever
            # body was named before the name
            org, ev, span = member.eid, (d.spans[0][0], member.end), None
        elif d.spans:
            # "EBRD President Sir A B", "The Governor of the Bank of X, Mr A B": a title naming the
            # body stands right before the name; it is this person's, whatever follows the name
            hit = _titled_before(text, d.spans[0], actors_in(max(0, d.spans[0][0] - 140), d.spans[0][0]))
            if hit is not None:
                org, ev = hit.eid, (hit.start, d.spans[0][1])
                span = None
        if span is not None and _NEXT_PERSON.match(text, span[1]) and d.spans and span[0] > d.spans[0][1]:
            span = None  # "A, the Governor of the Bank, Mr B": the apposition is B's, not A's
        if span is not None:
            inside = _owned_units_first(text, actors_in(span[0], span[1]), t)
            if inside:
                org, ev = inside[0].eid, (min(span[0], d.spans[0][0]), max(span[1], inside[0].end))
            else:
                role = d.role or ""
                mm = re.search(r"Minister\s+(?:for|of)\s+(.+)$", role) or _PORTFOLIO_MINISTER.search(role)
                target = t.find("Organisation", "Ministry of " + mm.group(1)) if mm else None
                if target is None:
                    rest = text[span[0]:span[1]]
                    m2 = re.search(r"Minister\s+(?:for|of)\s+([A-Z][\w ]+?)(?:\s+speaking|,|\.|$)", rest)
                    target = t.find("Organisation", "Ministry of " + m2.group(1)) if m2 else None
                if target is not None:
                    org, ev = target.id, (d.spans[0][0], span[1])
        if org is None and d.spans:
            # "Health Minister Name", "Name, Deputy Minister of Finance": the ministry of the portfolio
            # (after the name only as its apposition: "..., and the Minister of X, Mr C" is C's)
            s0, e0 = d.spans[0]
            after_name = text[e0:e0 + 60] if _APPOSED_ROLE.match(text, e0) else ""
            near = text[max(0, s0 - 60):s0] + " " + after_name
            for mm in (*_MINISTER_OF.finditer(near), *_PORTFOLIO_MINISTER.finditer(near)):
                target = t.find("Organisation", "Ministry of " + mm.group(1))
                if target is not None:
                    org, ev = target.id, d.spans[0]
                    break
        if org is None and d.spans:
            # "Andrei Mikhnev, World Bank Country Manager for Mongolia", "A, an ILO senior
            # specialist", "A, 'Together' NGO": a body opening the apposition
            e0 = d.spans[0][1]
            after = [m for m in actors_in(e0, min(len(text), e0 + 120)) if m.start - e0 <= 6
                     and re.fullmatch(r",[ \n]*(?:the[ \n]+|an?[ \n]+)?[‘“\"']?", text[e0:m.start])]
            if after:
                org, ev = after[0].eid, (d.spans[0][0], after[0].end)
        if org is None and d.spans:
            # "A, National Coordinator, ILO Mongolia Office", "A, CEO of X LLC", "A, senior
            # specialist on safety, International Labour Organization (ILO)": a role, then its body
            hit = _body_after_role(text, d.spans[0][1], actors_in(d.spans[0][1], min(len(text), d.spans[0][1] + 140)),
                                   found.between(d.spans[0][1], min(len(text), d.spans[0][1] + 140)))
            if hit is not None:
                org, ev = hit.eid, (d.spans[0][0], hit.end)
        if org is None and d.spans:
            # "ILO specialists A, B and C", "A and B, JICA experts": a body's staff named as a group
            hit = _staff_group(text, d.spans[0], actors_in(max(0, d.spans[0][0] - 160), min(len(text), d.spans[0][1] + 160)))
            if hit is not None:
                org, ev = hit.eid, (min(hit.start, d.spans[0][0]), max(hit.end, d.spans[0][1]))
        if org is None and d.spans:
            s0 = d.spans[0][0]
            before = [m for m in actors_in(max(0, s0 - 120), s0) if 0 <= s0 - m.end <= 25
                      and not re.search(r"[.,;:]", text[m.end:s0])]
            if before:
                org, ev = before[-1].eid, (before[-1].start, d.spans[0][1])
        if org is None and d.spans:
            # "Mr. A, Governor of X aimag", "Prime Minister A": a title naming a place's office
            # or a government the text names (office_holders.py)
            office = office_of_title(text, d.spans[0], t)
            if office is not None:
                org, ev = office.id, d.spans[0]
        if org is not None and ev is not None:
            org = mission_of(t.by_id[org], text, ev, t).id
            d.affiliation = org
            out.append((d.id, "affiliatedWith", org, ev))
    return out


#: words that make a phrase a person's role
_ROLE_WORD = re.compile(r"\b(?:CEO|CFO|COO|Chair\w*|Director|Manager|President|Head|Chief|Coordinator|Officer|Specialist|"
                        r"Expert|Advis[eo]r|Consultant|Representative|Ambassador|Secretary|Minister|Governor|Mayor|Leader|"
                        r"Member|Founder|Authority|Researcher|Professor|Lecturer|Engineer|Spokes(?:person|man|woman)|"
                        r"Official|Analyst|Assistant|Associate|Dean|Rector|Commissioner|Counsellor|Attach[eé])\b", re.I)
#: the stretch from a name to the body of its role: ", Deputy Director General, " / ", CEO of "
_ROLE_TO_BODY = re.compile(r"[ \n]*,[ \n]*(?:the[ \n]+|an?[ \n]+)?(?P<role>(?:[^,.;:()“”\"\n]|(?<=\bSr)\.|(?<=\bSnr)\.|"
                           r"(?<=\bDep)\.|(?<=\bAsst)\.|(?<=\bExec)\.){2,80}?)(?:[ \n]+(?:of|at|for|with|from|in)"
                           r"[ \n]+(?:the[ \n]+)?|[ \n]*,[ \n]*(?:the[ \n]+)?|[ \n]+)$")


def _body_after_role(text: str, e0: int, actors: list[Mention], mentions: list[Mention]) -> Mention | None:
    """The first body after a name whose stretch from the name is a role phrase (with a role
    word) and holds no other name."""
    for m in actors:
        r = _ROLE_TO_BODY.fullmatch(text, e0, m.start)
        if r is None:
            continue
        if not _ROLE_WORD.search(r.group("role")) or any(x.start < m.start and x.kind in ("Person", "Organisation")
                                                          for x in mentions if x not in (m,)):
            return None
        return m
    return None


#: a body's staff named as a group: "ILO specialists", "JICA experts", "UNDP officials"
_STAFF = re.compile(r"[ \n]+(?:senior[ \n]+|national[ \n]+|international[ \n]+|technical[ \n]+)?(?:specialists|experts|officials|"
                    r"officers|staff|representatives|consultants|advis[eo]rs|team[ \n]+members|trainers|colleagues)\b")


def _staff_group(text: str, name: tuple[int, int], actors: list[Mention]) -> Mention | None:
    """'ILO specialists A, B and C' (the group title opens the list) or 'A and B, JICA experts'
    (it closes it): the body whose staff they are."""
    for m in actors:
        g = _STAFF.match(text, m.end)
        if g is None:
            continue
        if m.end <= name[0]:
            between = text[g.end():name[0]]
            if re.fullmatch(r"(?:[ \n]+|,[ \n]*|[ \n]+and[ \n]+|(?:Mr|Ms|Mrs|Dr)\.?[ \n]*|[A-Z][\w.\-’']*)*", between) \
                    and len(between) <= 80:
                return m
        elif m.start >= name[1]:
            between = text[name[1]:m.start]
            if re.fullmatch(r"(?:[ \n]+|,[ \n]*|[ \n]+and[ \n]+|(?:Mr|Ms|Mrs|Dr)\.?[ \n]*|[A-Z][\w.\-’']*)*?,[ \n]*(?:the[ \n]+)?",
                            between) and len(between) <= 80:
                return m
    return None


#: the words between a body and the name it titles: title words, no clause break
_TITLE_GAP = re.compile(r"(?:[ \n]+(?:[A-Z][\w\-’']*|of|for|in|to|and|the|H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?))*[ \n]+$")
#: "..., the Governor of the Bank of X, Mr A": a title of a body set before the name it belongs to
_ROLE_OF = re.compile(r"(?:Governor|Director|Minister|President|Chair(?:man|woman|person)?|Head|Representative|"
                      r"Ambassador|Secretary|Manager|Coordinator|Officer|Advis[eo]r|Leader|Dean|Rector|Mayor|Chief|"
                      r"Commissioner|Chancellor|Consul)(?:[ \n]+General)?[ \n]+(?:of|for|at|to)[ \n]+(?:the[ \n]+)?$")
_COMMA_COURTESY = re.compile(r"(?:[ \n]+(?:to|in)[ \n]+[A-Z][\w\-]+)?[ \n]*,[ \n]*(?:(?:Mr|Ms|Mrs|Dr|Prof|H\.E\.|Sir|Madam)\.?[ \n]+)*$")
#: a name followed by a role of its own: ", Head of ...", ", Deputy Resident Representative of ..."
_OWN_ROLE_AFTER = re.compile(r"[ \n]*,[ \n]*(?!and\b|or\b)(?:the[ \n]+)?(?:[A-Za-z][\w\-]*[ \n]+){0,4}?(?:Governor|Director|Minister|"
                             r"President|Chair\w*|Head|Representative|Ambassador|Secretary|Manager|Coordinator|"
                             r"Officer|Advis[eo]r|Leader|Dean|Rector|Mayor|Chief|Commissioner|Specialist|Expert|member)\b")
#: a name followed by its own role: ", Minister of ...", ", the Deputy Minister ..."
_APPOSED_ROLE = re.compile(r"[ \n]*,[ \n]*(?:the[ \n]+)?(?:[A-Z][\w\-]*[ \n]+){0,3}?Minister\b")


def _titled_before(text: str, name: tuple[int, int], actors: list[Mention]) -> Mention | None:
    """The body a title right before a name belongs to: "EBRD President Sir A B", "UN Resident
    Coordinator in Mongolia A B" (the body opens the title, no comma between), or "The Governor of
    the Bank of X, Mr A B" (a title of the body, a comma, the name) unless the name has a role of
    its own after it ("A, Head of X, Mr B, Director of Y": each title follows its name)."""
    s0 = name[0]
    for m in reversed(actors):
        gap = text[m.end:s0]
        if s0 - m.end <= 45 and _TITLE_GAP.fullmatch(gap) and re.search(r"[A-Z]", gap) and \
                (not re.search(r"(?:of|for|at|to)[ \n]+(?:the[ \n]+)?$", text[max(0, m.start - 12):m.start])
                 or _ROLE_OF.search(text, max(0, m.start - 60), m.start)):
            return m  # "EBRD President Sir A", "the Project Director of the Ministry Mr. A"
        if _COMMA_COURTESY.fullmatch(gap) and _ROLE_OF.search(text, max(0, m.start - 60), m.start) and \
                not _OWN_ROLE_AFTER.match(text, name[1]):
            return m
        break
    return None


#: a role followed by a courtesy title and a name describes that next person
_NEXT_PERSON = re.compile(r"[ \n]*,?[ \n]*(?:Mr|Ms|Mrs|Dr|Prof|H\.E\.|Sir|Madam)\.?[ \n]+[A-Z]")
#: "Minister of Finance", "Minister for Foreign Affairs" (up to a comma, a name or the end)
_MINISTER_OF = re.compile(r"\bMinister\s+(?:of|for)\s+((?:[A-Z][a-z]+|and|&)(?:\s+(?:[A-Z][a-z]+|and|&))*?)(?=\s*(?:,|$|Mr\b|Ms\b|Mrs\b|Dr\b|[A-Z][a-z]*\.|[A-Z][a-z]+\s+[A-Z]))")
#: "Health Minister", "Mongolian Finance Minister": the portfolio names the ministry
_PORTFOLIO_MINISTER = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)\s+Minister\b(?!\s+(?:of|for)\b)")


def _successions(found: Found) -> list[Rel]:
    out: list[Rel] = []
    t: EntityTable = found.table
    for s in reference().successions:
        old = t.find("Organisation", s.old)
        new = t.find("Organisation", s.new)
        if old is not None and new is not None and old.id != new.id and old.spans:
            out.append((old.id, "succeededBy", new.id, old.spans[0]))
    return out
