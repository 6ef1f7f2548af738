"""Finding every entity mention in a document and resolving it to one entity per real thing.

Order matters: reference organisations first (so 'FAO' keeps its official name), then acronym
definitions, named bodies, projects, bare acronyms (now that their long forms are known), places,
people, conventions and policies.
"""

from __future__ import annotations

from dataclasses import replace

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from coopgraph.loaders.text.acronyms import abbreviates, find_definitions
from coopgraph.loaders.text.entities import EntityDraft, EntityTable
from coopgraph.loaders.text.found import Found, ItemAimags, Mention, Taken, overlaps
from coopgraph.loaders.text.hints import ActorNamed
from coopgraph.loaders.text.home_project import resolve_home_project
from coopgraph.loaders.text.organisations import HEAD_RE, category_for, find_org_names, split_ministries
from coopgraph.loaders.text.ownership import IMPLEMENTING_AGENCIES
from coopgraph.loaders.text.people import find_people, local_key, role_near
from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.recognised import Candidate, formed_names, listed_names, name_candidates, sentences_to_read
from coopgraph.loaders.text.spans import ClaimedSpans
from coopgraph.loaders.text.places import PlaceHit, find_places
from coopgraph.loaders.text.policies import find_conventions, find_policies
from coopgraph.loaders.text.projects import ProjectHit, find_projects
from coopgraph.loaders.text.refbodies import ADJECTIVAL, find_offices, ref_org_entity, ref_patterns, find_reference_bodies
from coopgraph.loaders.reference import reference
from coopgraph.names import looks_like_acronym
from coopgraph.slugs import id_slug
import itertools


def find_all(text: str, items_aimags: Sequence[ItemAimags],
             place_hits: list[PlaceHit] | None = None) -> Found:
    found = Found(EntityTable())
    taken = Taken()
    project_hits = find_projects(text, 0, len(text))
    titles = _project_titles(text, project_hits)
    hits = place_hits if place_hits is not None else find_places(text, 0, len(text))
    find_offices(text, found, taken, hits)
    find_reference_bodies(text, found, taken)
    _definitions(text, found, taken, items_aimags, titles)
    _named_bodies(text, found, taken, items_aimags, titles)
    _projects(text, found, taken, project_hits)
    _bare_acronyms(text, found, taken)
    _places(text, found, hits)
    _people(text, found)
    if statistical.current_reading.get() == "full":
        _recognised(text, found, taken, hits)
    _listed_bodies(text, found)
    _formed_bodies(text, found)
    _conventions_policies(text, found)
    first_line = text.find("\n", text.find(next((c for c in text if not c.isspace()), "x")))
    resolve_home_project(found, items_aimags, first_line if first_line >= 0 else len(text))
    _head_noun_anaphors(found)
    _named_again(text, found)
    found.index()
    return found


_GENERIC_TAIL = re.compile(r"[ \n]+(?:project|programme|program)$", re.I)


def _named_again(text: str, found: Found) -> None:
    """Every later occurrence of a project's or body's full name (of two words or more) is a
    mention of it: a name read once from its quotes or its definition ("the 'Clean Stoves'
    project") is the same name when the story repeats it without them."""
    claimed = _claimed(found)
    names = sorted({(d.name, d.id, d.type) for d in found.table.by_id.values()
                    if d.type in ("Project", "Organisation") and len(d.name.split()) >= 2 and len(d.name) >= 8},
                   key=lambda x: -len(x[0]))
    for name, eid, kind in names:
        pattern = re.escape(name)
        generic = _GENERIC_TAIL.search(name) if kind == "Project" else None
        if generic is not None:
            # "the Youth Employment Promotion project": the same name, its last word in lower case
            pattern = re.escape(name[:generic.start()]) + r"[ \n]+(?i:project|programme|program)"
        for m in re.finditer(rf"(?<![\w\-]){pattern}(?![\w\-])", text):
            if claimed.free(m.start(), m.end()):
                found.add(Mention(m.start(), m.end(), eid, kind))
                claimed.append((m.start(), m.end()))


#: "the Foundation", "the Bank", "the Ministry": a body named again by its head noun alone
_ANAPHOR_HEADS = frozenset("Foundation Bank Ministry Agency Fund Embassy Delegation Organization Organisation "
                           "Council Committee Federation Association University Institute Office Commission "
                           "Society Corporation Company Programme Program Project".split())


def _head_noun_anaphors(found: Found) -> None:
    """Fold a body named only by its head noun ("the Foundation's ESEC II project") into the
    nearest body named before it with that head noun ("The Asia Foundation"): one body, not two."""
    t = found.table
    drafts = sorted((d for d in t.by_id.values() if d.spans), key=lambda d: d.spans[0])
    merged = False
    for d in drafts:
        word = d.name[4:] if d.name.startswith("The ") else d.name
        if d.id not in t.by_id:
            continue
        if word not in _ANAPHOR_HEADS:
            # "the 'Batits' Cooperative Union ... the Cooperative Union": a name's last words again
            if d.type != "Organisation" or len(word.split()) < 2 or word.split()[-1] not in _ANAPHOR_HEADS | {"Union"}:
                continue
            earlier = [x for x in drafts if x is not d and x.id in t.by_id and x.type == d.type
                       and x.spans[0] < d.spans[0] and x.name.endswith(" " + word)]
            if len(earlier) == 1:
                t.merge(earlier[0], d)
                merged = True
            continue
        earlier = [x for x in drafts if x is not d and x.id in t.by_id and x.type == d.type and x.spans[0] < d.spans[0]
                   and word in x.name.split() and x.name != d.name]
        if earlier:
            t.merge(earlier[-1], d)
            merged = True
    if merged:
        found.mentions = [replace(m, eid=t.resolve(m.eid)) for m in found.mentions]


def _project_titles(text: str, hits: list[ProjectHit]) -> Taken:
    """Spans of project titles ('the "Support to Herders Union" (SHU) project'): a head noun
    inside a title does not make an organisation of it."""
    out = Taken()
    for h in hits:
        if not h.generic and ((h.acronym and " " in h.name) or text[h.start - 1:h.start] == '"'):
            out.append((h.start, h.end))
    return out


def _inside(spans: Taken, s: int, e: int) -> bool:
    return spans.covers(s, e)


def _definitions(text: str, found: Found, taken: Taken,
                 items_aimags: Sequence[ItemAimags], titles: Taken) -> None:
    _, _, table = ref_patterns()
    for d in find_definitions(text):
        found.definitions.append(d)
        long_s, long_e = d.long_span
        ref = table.get(d.short) or table.get(d.long.lower())
        existing = found.table.find("Organisation", d.short)
        if ref is not None:
            ent = ref_org_entity(found, ref, d.long_span, d.long)
            found.table.alias(ent, d.short)
        elif existing is not None and existing.type in ("Organisation", "Project"):
            ent = found.table.add(existing.type, existing.name, span=d.long_span, aliases=(d.long, d.short))
        elif d.long.split()[-1].lower() in ("team",):
            found.home_hint(d.long_span, d.short)
            found.home_hint(d.long_span, d.long)
            continue
        else:
            heads = HEAD_RE.findall(d.long)
            if not heads or _inside(titles, long_s, long_e):
                found.plain_defs[d.short] = d.long
                continue
            after = text[d.short_span[1]:d.short_span[1] + 40]
            if re.match(r"\)?[ \n]+of[ \n]+all\b", after) or text[max(0, long_s - 6):long_s].lower().endswith("local "):
                continue  # a kind of body in every aimag, not one body
            aimag = _aimag_of(text, long_s, d.short_span[1] + 1, heads[-1], items_aimags)
            name = f"{d.long} of {aimag} aimag" if aimag else d.long
            ent = found.table.add("Organisation", name, span=d.long_span, aliases=(d.short,),
                                  category=category_for(d.long, heads[-1]), eid=id_slug(d.short))
            if aimag:
                ent.fill(aimag=aimag)
        for s, e in (d.long_span, d.short_span):
            if not overlaps(taken, s, e):
                found.add(Mention(s, e, ent.id, ent.type, not ADJECTIVAL.match(text, e)))
                taken.append((s, e))


_AIMAG_AFTER = re.compile(r"^(?:[ \n]*\([A-Za-z]{2,10}\))?[ \n]+of[ \n]+(?:the[ \n]+)?([A-Z][\w\-]+)[ \n]+aimag\b")
_AIMAG_IN_NAME = re.compile(r"\bof[ \n]+(?:the[ \n]+)?([A-Z][\w\-]+)[ \n]+aimag$")
_AIMAG_BEFORE = re.compile(r"([A-Z][\w\-]+)[ \n]+aimag'?s?[ \n]+$")
_MINISTRY_AFTER = re.compile(r"(?:[ \n]*\([A-Za-z]{2,10}\))?(?:[ \n]*,[ \n]*|[ \n]+(?:of|under|at|within|in)[ \n]+)"
                             r"(?:the[ \n]+)?(?:Ministry|Mo[A-Z]\w*\b|M[A-Z]{2,5}\b)")
_MINISTRY_BEFORE = re.compile(r"(?:\bMinistry\b[^.;\n]{0,60}|\b(?:Mo[A-Z]\w*|M[A-Z]{2,5}))'s[ \n]+(?:the[ \n]+)?(?:[A-Z][\w\-]*[ \n]+){0,6}$")
_LOCAL_HEADS = ("department", "office", "division", "unit")
_PLURAL_LOCAL = re.compile(
    r"\b((?:[A-Z][\w']*[ \n]+(?:and[ \n]+)?)+)(?:[Ss]ervices?[ \n]+)?[Dd]epartments[ \n]+of[ \n]+(?:selected[ \n]+|all[ \n]+)?(?:aimags?[ \n]*[-:]?[ \n]*)?"
    r"((?:[A-Z][\w\-]+(?:,[ \n]*|[ \n]+and[ \n]+))*[A-Z][\w\-]+)")


def _aimag_of(text: str, s: int, e: int, head: str, items_aimags: Sequence[ItemAimags]) -> str | None:
    if head.lower() not in _LOCAL_HEADS:
        return None
    m = _AIMAG_AFTER.match(text[e:e + 80]) or _AIMAG_IN_NAME.search(text, s, e)
    if m:
        return m.group(1)
    mb = _AIMAG_BEFORE.search(text[max(0, s - 40):s])
    if mb:
        return mb.group(1)
    if re.search(r"\bthe[ \n]+aimag[ \n]+$", text[max(0, s - 12):s]):
        # "In Khentii, the aimag Labour and Welfare Department": the aimag named just before
        named = [name for it in items_aimags if it.holds(s) for name in it.aimags]
        sent = text[max(0, s - 80, text.rfind(". ", 0, s)):s]
        near = [x for x in named if x in sent]
        if len(near) == 1:
            return near[0]
    if re.match(r"[ \n]+of[ \n]", text[e:e + 5]) or _MINISTRY_AFTER.match(text, e, e + 60) \
            or _MINISTRY_BEFORE.search(text, max(0, s - 80), s):
        return None  # "X Department of the Ministry ...", "..., Ministry of ...": a ministry's department
    if _BELOW_LOCAL_OFFICE.search(text, max(0, s - 250), s):
        return None  # "District Governor's Office, Social Policy Department, ...": that office's
    for it in items_aimags:
        if it.holds(s) and len(it.aimags) == 1 and head.lower() == "department":
            return it.aimags[0]
    return None


#: A named local office right before a list of departments: the departments are its own.
_BELOW_LOCAL_OFFICE = re.compile(r"\b(?:[Dd]istrict|[Ss]oum|[Cc]ity|[Mm]unicipal)[ \n]+Governor'?s[ \n]+Office"
                                 r"(?:[ \n]*,[ \n]*(?:and[ \n]+)?[A-Z][\w \n]{2,60}?)*(?:[ \n]*,[ \n]*(?:and[ \n]+)?|[ \n]+and[ \n]+)$")


def _named_bodies(text: str, found: Found, taken: Taken,
                  items_aimags: Sequence[ItemAimags], titles: Taken) -> None:
    places = {p.name.lower() for p in reference().places} | {a.lower() for p in reference().places for a in p.aliases}
    for m in (_GOVERNMENTS_OF.finditer(text) if "Governments" in text else ()):
        items = list(re.finditer(r"[A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?", m.group(1)))
        if len(items) < 2 or not all(w.group(0).lower() in places for w in items) or overlaps(taken, m.start(), m.end()):
            continue
        for w in items:  # "the Governments of Japan and Mongolia": each country's government
            s0, e0 = m.start(1) + w.start(), m.start(1) + w.end()
            name = "Government of " + " ".join(w.group(0).split())
            d = found.table.add("Organisation", name, span=(s0, e0), category="government", country=w.group(0))
            found.add(Mention(s0, e0, d.id, "Organisation"))
        taken.append((m.start(), m.end()))
    for s, e, name in split_ministries(text, 0, len(text)):
        d = found.table.add("Organisation", name, span=(s, e), category="government")
        found.add(Mention(s, e, d.id, "Organisation"))
        taken.append((s, e))
    for n in find_org_names(text, 0, len(text), lambda w: w.lower() in places):
        if _inside(titles, n.start, n.end):
            continue
        if overlaps(taken, n.start, n.end):
            continue  # a body around an acronym definition: the definition was read first
        name = n.name
        aimag = _aimag_of(text, n.start, n.end, n.head, items_aimags)
        cat = category_for(name, n.head)
        lead = ref_patterns()[2].get(name.split()[0].rstrip("’'s"))
        if lead is not None:
            cat = lead.category  # "UN Resident Coordinator's Office": a unit of a known body is of its kind
        if aimag and "aimag" not in name and name.split()[0].lower() not in places:
            name = f"{name} of {aimag} aimag"  # but "Gobi-Altai Department of Health" names it already
        first, _, rest = name.partition(" ")
        known = found.table.find("Organisation", rest) if rest and looks_like_acronym(first) else None
        local = text[max(0, n.start - 6):n.start].lower().endswith("local ")
        if local:
            known = next((x for x in found.table.by_id.values() if aimag and x.aimag == aimag
                          and "department" in x.name.lower()), None)
            if known is None:
                continue
            d = found.table.add("Organisation", known.name, span=(n.start, n.end), aliases=(text[n.start - 6:n.end],), eid=known.id)
        elif known is not None:
            d = found.table.add("Organisation", known.name, span=(n.start, n.end), aliases=(name,), eid=known.id)
            found.hint(d.id, "partOf", ActorNamed(first), (n.start, n.end))
        else:
            gov = re.match(r"Government of (?:the )?(.+)$", name)
            country = gov.group(1) if gov and gov.group(1).lower() in places else None
            written = f"{aimag} aimag {n.name}" if aimag else ""
            aliases: tuple[str, ...] = (written,) if written and text[max(0, n.start - len(written) + len(n.name)):n.end] == written else ()
            aliases += _without_country(name)
            owner = _OWNER_BEFORE.search(text, max(0, n.start - 20), n.start)
            if owner is not None:  # "LuxDev's Asia Office" is also written "LuxDev Asia Office"
                aliases += (f"{owner.group(1)} {name}", f"{owner.group(1)}{owner.group(2)}s {name}")
                known_owner = ref_patterns()[2].get(owner.group(1))
                cat = known_owner.category if known_owner is not None else cat
            d = found.table.add("Organisation", name, span=(n.start, n.end), category=cat, country=country,
                                aliases=aliases)  # "Khovd aimag X Department" as written, too
        if aimag:
            d.fill(aimag=aimag)
        found.add(Mention(n.start, n.end, d.id, "Organisation"))
        taken.append((n.start, n.end))
    _bodies_per_place(text, found, taken, places)
    for m in (_PLURAL_LOCAL.finditer(text) if "epartments" in text else ()):
        base = " ".join(m.group(1).split())
        for w in re.finditer(r"[A-Z][\w\-]+", m.group(2)):
            a = w.group(0)
            if a.lower() not in places:
                continue
            name = f"{base} Department of {a} aimag".replace("Services Department", "Service Department")
            d = found.table.add("Organisation", name, span=(m.start(), m.end()), category="government")
            d.fill(aimag=a)
            found.add(Mention(m.start(2) + w.start(), m.start(2) + w.end(), d.id, "Organisation"))


#: a body's own short name or acronym with a possessive right before a unit's name
_OWNER_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(['’])s[ ]+$")
_GOVERNMENTS_OF = re.compile(r"\bGovernments[ \n]+of[ \n]+(?:the[ \n]+)?((?:[A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?,[ \n]+){0,8}"
                             r"[A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?,?[ \n]+and[ \n]+(?:the[ \n]+)?[A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?)")
#: "the Darkhan-Uul, Khuvsgul and Zavkhan OSSCs", "Khovd and Uvs Governor's Offices": one body of the
#: kind per place listed before the plural (read only where every item is a known place; at most
#: eight places, so that a long comma list is not scanned again from each of its items)
_PLACES_THEN_PLURAL = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w\-]+,[ \n]+){0,6}[A-Z][\w\-]+,?[ \n]+and[ \n]+[A-Z][\w\-]+)[ \n]+"
    r"((?:[A-Z][\w'’\-]*[ \n]+){0,3}?)([A-Z]{2,8}s|Offices|Departments|Centres|Centers|Hospitals|Branches)\b")


def _bodies_per_place(text: str, found: Found, taken: Taken, places: set[str]) -> None:
    """A plural kind of body after a list of places names one body per place."""
    for m in _PLACES_THEN_PLURAL.finditer(text):
        items = list(re.finditer(r"[A-Z][\w\-]+", m.group(1)))
        if not all(w.group(0).lower() in places for w in items) or overlaps(taken, m.start(2), m.end()):
            continue
        plural = m.group(3)
        kind = plural[:-2] if plural.endswith("ches") else plural[:-1]
        lead = " ".join(m.group(2).split())
        for w in items:
            name = " ".join(x for x in (w.group(0), lead, kind) if x)
            s0, e0 = m.start(1) + w.start(), m.start(1) + w.end()
            d = found.table.add("Organisation", name, span=(s0, e0), category=category_for(name, kind.split()[-1]))
            found.add(Mention(s0, e0, d.id, "Organisation"))
            taken.append((s0, e0))


def _without_country(name: str) -> tuple[str, ...]:
    """'Ministry of Education and Science of Mongolia' is the 'Ministry of Education and
    Science': a trailing 'of <country>' is part of the official name, not another body. (Not
    when only the head noun would remain: 'Government of X' names X's government.)"""
    posted = re.match(r"(.+?\b(?:Embassy|Consulate|Delegation|Mission|Office)\b.*?)\s+in\s+(?:the\s+)?[A-Z][\w\- ]+$", name)
    if posted is not None:
        return (posted.group(1),)  # "Embassy of Japan in Mongolia" is the "Embassy of Japan"
    m = re.match(r"(.+?\s(?:of|for)\s.+?)\s+of\s+(?:the\s+)?([A-Z][\w\- ]+)$", name)
    if m is None or m.group(2).lower() not in _country_names():
        return ()
    return (m.group(1),)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    ref = reference().places
    return frozenset({p.name.lower() for p in ref if p.place_type == "country"}
                     | {a.lower() for p in ref if p.place_type == "country" for a in p.aliases})


_PROGRAMME = re.compile(r"\bProgram(?:me)?s?$")
_DONOR_WORDS = re.compile(r"\b(?:funded|financed|implemented|supported|sponsored)\s+by\b|\bproject\b", re.I)


def _government_programme(text: str, p: ProjectHit) -> bool:
    """'the Child Money Programme': a named programme is a policy (a government programme) unless
    the text treats it as a project (funded or implemented by someone, called a project)."""
    if p.owner or p.funder or p.acronym or not _PROGRAMME.search(p.name):
        return False
    return not _programme_run_as_project(text, p.name, p.end)


def _programme_run_as_project(text: str, name: str, end: int) -> bool:
    """Is this named programme a project someone runs rather than a government's programme? The
    text funds or implements it or calls it a project; it acts ("the X Programme (XP) is working
    with ..."); or another country's name opens it ("the Northland Awards Programme": a donor's)."""
    first = name.removeprefix("The ").split()[0].lower()
    home = reference().home_country
    if first in _country_names() and (home is None or first != home.name.lower()):
        return True
    return _ACTS.match(text, end) is not None or _DONOR_WORDS.search(text, end, min(len(text), end + 120)) is not None


#: a programme as the subject of doing: its staff work, organise, support
_ACTS = re.compile(r"(?:[ \n]*\([^()\n]{1,15}\))?[ \n]+(?:(?:is|are|was|has|have|will)[ \n]+)?(?:also[ \n]+|currently[ \n]+)?"
                   r"(?:been[ \n]+)?(?:working|works|worked|organi[sz]ed|organi[sz]es|supports|supported|supporting|provides|"
                   r"provided|trained|trains|launched|held|hosted|conducted|delivered|implements|implemented|funds|funded)\b")


_TRAILING_ACRONYM = re.compile(r"[ ]+\(([A-Z][A-Za-z0-9]{1,10})\)$")


def _projects(text: str, found: Found, taken: Taken, hits: list[ProjectHit]) -> None:
    for p in hits:
        if p.generic:
            found.home_hint((p.start, p.end))
            continue
        if _government_programme(text, p):
            continue  # found again by the policy rules
        if overlaps(taken, p.start, p.end) and not p.owner and not p.funder:
            ex = [m for m in found.mentions[-200:] if m.start <= p.start < m.end]
            for m in ex[:1]:  # 'X (ACR) Project' read first as an acronym definition
                d0 = found.table.by_id.get(m.eid)
                if d0 is not None and d0.type in ("Organisation", "Project"):
                    for form in p.forms:
                        found.table.alias(d0, form)
            if ex and found.table.by_id.get(ex[0].eid) and found.table.by_id[ex[0].eid].type == "Organisation" \
                    and looks_like_acronym(p.name) and p.name == text[ex[0].start:ex[0].end] \
                    and ex[0].eid not in _ref_ids():
                found.table.by_id[ex[0].eid].type = "Project"
            continue
        name = p.name
        bracketed = _TRAILING_ACRONYM.search(name)
        if bracketed is not None:  # '"Strengthening X (SX)"': the title, and its acronym as an alias
            name = name[:bracketed.start()]
        base = _numbered_base(name)
        aliases = tuple(a for a in (p.acronym, bracketed.group(1) if bracketed else None, *p.forms) if a)
        d = found.table.find("Project", base) if base else None
        if d is None:
            d = found.table.find("Project", name) or _fuzzy_project(found, name) or _abbreviated(found, name, "Project") \
                or _expanded(found, name)
        if d is None and name in found.plain_defs:
            aliases = (*aliases, name)
            name = found.plain_defs[name]
        if d is not None:
            d = found.table.add("Project", d.name, span=(p.start, p.end), aliases=(name, *aliases), eid=d.id)
        else:
            d = found.table.add("Project", name, span=(p.start, p.end), aliases=aliases)
        found.add(Mention(p.start, p.end, d.id, "Project"))
        taken.append((p.start, p.end))
        owner = p.funder or p.owner
        if owner:
            o = found.table.find("Organisation", owner)
            if o is not None:
                pred = "fundedBy" if p.funder or (o.category == "donor" and o.id not in IMPLEMENTING_AGENCIES) else "implementedBy"
                found.hint(d.id, pred, o.id, (max(0, p.start - 40), p.end))


#: development agencies that implement projects (a "project of X" is implemented by them)
def _numbered_base(name: str) -> str | None:
    m = re.match(r"^(.*?)\s?(?:C|Component\s)?1$", name)
    return m.group(1) if m and m.group(1) else None


def _fuzzy_project(found: Found, name: str) -> EntityDraft | None:
    words = [w.lower() for w in re.findall(r"\w+", name) if w.lower() not in ("project", "of", "the")]
    if len(words) < 2:
        return None
    for d in found.table.by_id.values():
        if d.type != "Project":
            continue
        for n in (d.name, *d.aliases):
            dw = [w.lower() for w in re.findall(r"\w+", n)]
            if dw and dw[0] == words[0] and all(w in dw for w in words if not w.isupper()):
                return d
    return None


_BARE = re.compile(r"(?<![\w-])([A-Za-z]?[A-Z][A-Za-z]*[A-Z][A-Za-z]*\d*|[A-Z]{2,}\d*|[A-Z]+\d[A-Z]+)(?:[ ]?(\d{1,2}|C\d))?(?![\w-])")


_MINISTRY_ACRONYM = re.compile(r"Mo[A-Z][A-Za-z]{0,6}")


def _bare_acronyms(text: str, found: Found, taken: Taken) -> None:
    for m in _BARE.finditer(text):
        s, e = m.start(), m.end()
        if overlaps(taken, s, e):
            continue
        tok, num = m.group(1), m.group(2)
        if not looks_like_acronym(tok):
            continue
        d = None
        if num:
            full = f"{tok} {num}".replace(" C", " ")
            d = found.table.find("Project", full) or found.table.find("Project", tok + num)
            if d is None and num.lstrip("C") == "1":
                d = found.table.find("Project", tok)
            elif d is None:
                base = found.table.find("Project", tok)
                if base is not None:
                    d = found.table.add("Project", f"{tok} {num.lstrip('C')}", aliases=(m.group(0),))
        if d is None:
            e = m.end(1)
            d = found.table.find("Organisation", tok)
            if d is None:
                d = _abbreviated(found, tok)
                if d is None and _MINISTRY_ACRONYM.fullmatch(tok):
                    # "the MoFALI", "MoH" undefined: the shape of a ministry's acronym ("Ministry of ...")
                    d = found.table.add("Organisation", tok, category="government")
                if d is None:
                    continue
                found.table.alias(d, tok)
        found.table.add(d.type, d.name, span=(s, e), eid=d.id, aliases=(tok,))
        found.add(Mention(s, e, d.id, d.type, not ADJECTIVAL.match(text, e)))
        taken.append((s, e))


def _abbreviated(found: Found, tok: str, only: str | None = None) -> EntityDraft | None:
    if not looks_like_acronym(tok.split()[0]) or " " in tok:
        return None
    key = (tok, only, len(found.table.by_id))
    if key in found.abbrev_cache:
        eid = found.abbrev_cache[key]
        return found.table.by_id.get(eid) if eid else None
    hit = None
    for d in list(found.table.by_id.values()):
        if d.type in ("Organisation", "Project") and (only is None or d.type == only) and abbreviates(tok, d.name):
            hit = d
            break
    found.abbrev_cache[key] = hit.id if hit else None
    return hit


def _expanded(found: Found, name: str) -> EntityDraft | None:
    """A project named in full whose acronym was met first ('YEP' ... 'Youth Employment Promotion Project')."""
    if looks_like_acronym(name):
        return None
    for d in list(found.table.by_id.values()):
        if d.type == "Project" and any(looks_like_acronym(a) and abbreviates(a, name) for a in (d.name, *d.aliases)):
            return d
    return None


@lru_cache(maxsize=1)
def _ref_ids() -> frozenset[str]:
    return frozenset(o.id for o in reference().organisations)


def _in_a_name(text: str, found: Found, h: PlaceHit) -> bool:
    """'Erdenet Mining Corporation', 'Japan Social Development Fund', 'Training for Mongolia': a
    place word inside a body's or project's name is part of the name, not a mention of the place
    (a locative 'of/in X' inside a name still is: 'Employment Office of Dundgovi aimag')."""
    lo = bisect.bisect_right(found._starts, h.start) if found._starts else 0
    for m in found.mentions[max(0, lo - 8):lo] if found._starts else ():
        if m.kind in ("Organisation", "Project") and m.start <= h.start and h.end <= m.end:
            if found.table.by_id[m.eid].branch or (m.start, m.end) == (h.start, h.end):
                return False  # 'IOM Beijing': the office's place
            return not re.search(r"\b(?:of|in)[ \n]+(?:the[ \n]+)?$", text[max(m.start, h.start - 8):h.start])
    return False


def _places(text: str, found: Found, hits: list[PlaceHit]) -> None:
    found.index()
    for h in hits:
        if h.place is not None and _in_a_name(text, found, h):
            # a known place below country level inside a body's name ('Khuvsgul OSSC') is not a
            # mention of the place (no venue, no role), but the place exists: the body lies in it
            # (name_parts.py). A country in a name ('Korea International Cooperation Agency') says
            # whose body it is, not where it stands.
            p = h.place
            if p.place_type != "country":
                found.table.add("Place", p.name, span=(h.start, h.end), aliases=(h.surface,), eid=p.id,
                                place_type=p.place_type, parent=p.parent, wikidata=p.wikidata)
            continue  # 'X soum' names the soum even inside a body's name ('X soum training centre')
        if h.place is not None:
            p = h.place
            d = found.table.add("Place", p.name, span=(h.start, h.end), aliases=(h.surface,), eid=p.id,
                                place_type=p.place_type, parent=p.parent, wikidata=p.wikidata)
            if p.place_type == "aimag":
                found.table.alias(d, f"{p.name} aimag")
            found.add(Mention(h.start, h.end, d.id, "Place"))
        else:
            name = h.surface
            d = found.table.add("Place", name, span=(h.start, h.end), aliases=(f"{name} soum",),
                                eid=id_slug(name) + "-soum", place_type="soum")
            found.add(Mention(h.start, h.end, d.id, "Place"))


def _people(text: str, found: Found) -> None:
    found.index()
    for h in find_people(text, 0, len(text)):
        near = [m for m in found.starting(max(0, h.start - 80), h.end) if m.kind != "Person" and m.end > h.start]
        if any(m.kind != "Place" or m.start < h.start or m.end > h.end or (m.start, m.end) == (h.start, h.end)
               for m in near):
            continue  # 'Ulaanbaatar.A total of ...': a place or body already read there
        for m in near:  # 'President Given Sukhbaatar': a family name that is also a province's
            found.mentions.remove(m)
            found.table.forget(m.eid, (m.start, m.end))
        if near:
            found.index()
        known = _same_person(found, h.name)
        short = re.sub(r"^[A-Z][a-z]?\.\s?", "", h.name)
        aliases = (short,) if short != h.name else ()
        d = found.table.add("Person", known.name if known else h.name, span=(h.start, h.end), role=h.role,
                            eid=known.id if known else None, aliases=(h.name, *aliases) if known else aliases)
        if h.role_span:
            d.fill(role_span=h.role_span)
        found.add(Mention(h.start, h.end, d.id, "Person"))


def _claimed(found: Found, kinds: frozenset[str] | None = None) -> ClaimedSpans:
    """The stretches a rule has read (mentions of the given kinds, or of any kind)."""
    out = ClaimedSpans()
    spans = sorted({(m.start, m.end) for m in found.mentions if kinds is None or m.kind in kinds})
    last_end = -1
    for a, b in spans:
        if a >= last_end:
            out.append((a, b))
            last_end = b
    return out


def _near_actor(text: str, found: Found) -> Callable[[int, int], bool]:
    """Is [s, e) an item of a list ('A, B and C') after a body or project, or the body before
    a list's last item? (A body after a comma may be an apposition: 'expert on X, ILO'.)"""
    sep = re.compile(r"^(?:[ \n]*,[ \n]*(?:and[ \n]+)?|[ \n]+and[ \n]+)(?:the[ \n]+)?$")

    def near(s: int, e: int) -> bool:
        for m in found.starting(max(0, s - 120), s):
            if m.kind in ("Organisation", "Project") and m.end <= s and sep.match(text[m.end:s]):
                return True
        for m in found.starting(e, e + 12):  # on the right only as the list's last item
            if m.kind in ("Organisation", "Project") and re.match(r"[ \n]+and[ \n]+(?:the[ \n]+)?$", text[e:m.start]):
                return True
        return False
    return near


def _recognised(text: str, found: Found, taken: Taken, hits: list[PlaceHit]) -> None:
    """Bodies and people the statistical recogniser finds where no rule has read anything
    (loaders/text/recognised.py says which it keeps, and why)."""
    from coopgraph.loaders.text.events import sentences

    found.index()
    todo = sentences_to_read(text, sentences(text, 0, len(text)), _claimed(found))
    named = statistical.recognise(text, todo)
    if not named:
        return
    places = _place_names()
    not_places = _claimed(found, frozenset(k for k in _KINDS if k != "Place"))
    cands = name_candidates(text, named, not_places, lambda w: w.lower() in places, _near_actor(text, found))
    for c in cands:
        if _yield_places(found, c):
            _add_candidate(text, found, c)
    found.index()


def _listed_bodies(text: str, found: Found) -> None:
    """Bodies named only as items of a list between two bodies (recognised.listed_names)."""
    found.index()
    actors = [m for m in found.mentions if m.kind in ("Organisation", "Project")]
    claimed = _claimed(found, frozenset(k for k in _KINDS if k != "Place"))
    places = _place_names()
    for a, b in itertools.pairwise(actors):
        if b.start - a.end > 200:
            continue
        right = b.start
        lead = re.search(r"(?<![\w\-])[A-Z]{2,8}[ ]+$", text[max(a.end, right - 10):right])
        if lead:  # '..., X and XY Food and Farming Organization': the acronym opens the last name
            right -= len(lead.group(0))
        for s, e in listed_names(text, a.end, right):
            name = " ".join(text[s:e].split())
            if claimed.hits(s, e) or name.lower() in places:
                continue
            c = Candidate(s, e, name, "Organisation")
            if _yield_places(found, c):
                _add_candidate(text, found, c)
    found.index()


def _formed_bodies(text: str, found: Found) -> None:
    """Bodies named with their legal form ('X LLC', "'X' NGO") that nothing else has read."""
    if not any(f in text for f in ("LLC", "Ltd", "JSC", "Inc", "LLP", "GmbH", "PLC", "NGO", '" ')):
        return
    claimed = _claimed(found, frozenset(k for k in _KINDS if k != "Place"))
    for s, e, cat in formed_names(text):
        if claimed.hits(s, e):
            continue
        name = " ".join(text[s:e].split())
        c = Candidate(s, e, name, "Organisation")
        if _yield_places(found, c):
            d = found.table.add("Organisation", name, span=(s, e), category=cat)
            found.add(Mention(s, e, d.id, "Organisation"))
    found.index()


_KINDS = ("Organisation", "Project", "Person", "Convention", "Policy", "Place")


def _yield_places(found: Found, c: Candidate) -> bool:
    """A name holding a place word ('Caritas Czech Republic', a person named after a province)
    is the name, not the place: the place mentions inside it are withdrawn. A place reaching
    outside the name keeps it (False)."""
    inside = [m for m in found.starting(max(0, c.start - 60), c.end) if m.kind == "Place" and m.end > c.start]
    if any(m.start < c.start or m.end > c.end for m in inside):
        return False
    if any((m.start, m.end) == (c.start, c.end) for m in inside):
        return False
    for m in inside:
        found.mentions.remove(m)
        found.table.forget(m.eid, (m.start, m.end))
    if inside:
        found.index()
    return True


def _add_candidate(text: str, found: Found, c: Candidate) -> None:
    if c.kind == "Person":
        known = found.table.find("Person", c.name)
        role, role_span = role_near(text, c.start, c.end)
        d = found.table.add("Person", known.name if known else c.name, span=(c.start, c.end), role=role,
                            eid=known.id if known else None)
        if role_span:
            d.fill(role_span=role_span)
        found.add(Mention(c.start, c.end, d.id, "Person"))
        return
    known = found.table.find("Organisation", c.name)
    if known is not None:
        d = found.table.add(known.type, known.name, span=(c.start, c.end), eid=known.id)
    else:
        heads = HEAD_RE.findall(c.name)
        d = found.table.add("Organisation", c.name, span=(c.start, c.end),
                            category=category_for(c.name, heads[-1] if heads else ""))
    found.add(Mention(c.start, c.end, d.id, d.type, not ADJECTIVAL.match(text, c.end)))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    ref = reference().places
    return frozenset({p.name.lower() for p in ref} | {a.lower() for p in ref for a in p.aliases})


def _same_person(found: Found, name: str) -> EntityDraft | None:
    """'Ms. Conkievich' after 'Ms. Elaine Conkievich': the same person, by surname (or given name)."""
    key = local_key(name)
    if key is not None:
        same = [d for d in found.table.by_id.values() if d.type == "Person" and local_key(d.name) == key]
        if same:
            return same[0]
        # "D.Tsogtbaatar" after "Damdin Tsogtbaatar": the initial is the given name's first letter
        given, initial = key.split("|")
        full = [d for d in found.table.by_id.values() if d.type == "Person" and len(d.name.split()) == 2
                and d.name.split()[1].lower() == given and d.name[0].lower() == initial[0]]
        if len(full) == 1:
            return full[0]
    if " " in name.strip():
        return None
    hits = [d for d in found.table.by_id.values() if d.type == "Person" and name in d.name.split()]
    return hits[0] if len(hits) == 1 else None


def _conventions_policies(text: str, found: Found) -> None:
    ilo = found.table.find("Organisation", "ILO")
    for c in find_conventions(text, 0, len(text)):
        conv = c.convention
        d = found.table.add("Convention", conv.full_name, span=(c.start, c.end), eid=conv.id,
                            aliases=(f"C{conv.number}", f"#{conv.number}", f"convention #{conv.number}",
                                     f"No. {conv.number}", f"C{conv.number:03d}"),
                            issuer=ilo.id if ilo else None, wikidata=conv.wikidata)
        found.add(Mention(c.start, c.end, d.id, "Convention"))
    claimed = Taken()
    for m in sorted(found.mentions, key=lambda m: m.start):
        if m.kind != "Place":
            claimed.append((m.start, m.end))
    for p in find_policies(text, 0, len(text)):
        if found.table.find("Organisation", p.name) or claimed.hits(p.start, p.start + 1):
            continue
        _places_inside_a_name(found, p.start, p.end)
        if p.policy_type == "programme" and _PROGRAMME.search(p.name) and _programme_run_as_project(text, p.name, p.end):
            name = p.name.removeprefix("The ")
            shorts = tuple(short for short, long in found.plain_defs.items() if long.removeprefix("the ").removeprefix("The ") == name)
            d = found.table.add("Project", name, span=(p.start, p.end), aliases=shorts)
            found.add(Mention(p.start, p.end, d.id, "Project"))
            continue
        acr = _POLICY_ACRONYM.match(text, p.end)
        d = found.table.add("Policy", p.name, span=(p.start, p.end), policy_type=p.policy_type,
                            aliases=(acr.group(1),) if acr else ())
        found.add(Mention(p.start, p.end, d.id, "Policy"))
        if acr is not None:  # "the X Framework (XF) ... the XF": its acronym names it again
            claimed = _claimed(found)
            for a in re.finditer(rf"(?<![\w-]){re.escape(acr.group(1))}(?![\w-])", text):
                if claimed.free(a.start(), a.end()):
                    found.add(Mention(a.start(), a.end(), d.id, "Policy"))
                    claimed.append((a.start(), a.end()))


#: a policy's acronym in brackets right after its name: "the Sustainable Development Goals (SDGs)"
_POLICY_ACRONYM = re.compile(r"[ \n]*\(([A-Z][A-Za-z]{1,9})\)")


def _places_inside_a_name(found: Found, start: int, end: int) -> None:
    """A country inside a programme's or policy's name ("the Northland Mongolia Extractive
    Program") says whose it is, not a place the text is about: not a mention of the place."""
    inside = [m for m in found.mentions if m.kind == "Place" and start <= m.start and m.end <= end]
    for m in inside:
        d = found.table.by_id.get(m.eid)
        if d is not None and d.place_type == "country":
            found.mentions.remove(m)
            found.table.forget(m.eid, (m.start, m.end))
    if inside:
        found.index()
