"""Who and where for an event: its actors' roles, projects, subjects, people and venues, read from
the sentences of its item.

Why a module of its own: every way of finding an event (a reported item, an activity named in
passing, a list row, an announcement form) fills it the same way, so the rules about owners
("project of X"), quoted titles, departments' ministries and venues live in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopgraph.loaders.text.events import EventDraft, Spans, sentences
from coopgraph.loaders.text.found import Found, Mention
from coopgraph.loaders.text.ownership import owner_only
from coopgraph.loaders.text.roles import assign_roles
from coopgraph.loaders.text.segments import Item

_VENUE = re.compile(r"(?:\b(?:in|at|to|visited|visit|visiting)[ \n]+(?:the[ \n]+)?(?:Kingdom[ \n]+of[ \n]+|Republic[ \n]+of[ \n]+)?|(?:,|\band)[ \n]+)$")


def fill_event(text: str, item: Item, ev: EventDraft, found: Found,
               exclude: tuple[tuple[int, int], ...] = ()) -> None:
    """Roles, projects, subjects, people and venues of ``ev`` from its item's sentences (less those
    in ``exclude``, which report other activities). Raises nothing."""
    b0, b1 = item.body_span
    sents = sentences(text, b0, b1)
    if exclude:
        ex_set = set(exclude)
        sents = tuple(sp for sp in sents if sp not in ex_set)
    t = found.table
    in_item = found.between(item.heading_span[0], b1)
    if exclude:
        ex = Spans(exclude)
        in_item = [m for m in in_item if not ex.holds(m.start)]
    actors = {m.eid for m in in_item if m.kind in ("Organisation", "Project") and m.role_ok
              and m.start >= b0 and (not _quoted(text, m.start, b0) or _titled_project(text, m))
              and not owner_only(text, m.start) and not _PROJECT_OWNER.match(text, m.end)
              and not _unit_owner(text, m, found) and not _caption(text, m.start)
              and not _venue_body(text, m, in_item)}
    if ev.type != "publication":
        roles = assign_roles(text, sents, found, actors, found.home_project)
        firsts: dict[str, int] = {}
        for m in in_item:
            if m.start >= b0:
                firsts.setdefault(m.eid, m.start)
        launched = _launched_things(text, in_item) if ev.type == "launch" else set()
        for eid, role in sorted(roles.items(), key=lambda kv: (firsts.get(kv[0], 1 << 40), kv[0])):
            if eid not in launched:
                ev.actors(role).append(eid)
    elif found.home_project and re.search(re.escape(t.by_id[found.home_project].name.split()[0]), ev.title):
        ev.organisers.append(found.home_project)
    projects = list(dict.fromkeys(m.eid for m in in_item if m.kind == "Project"))
    if found.home_project and found.home_project not in projects:
        projects.insert(0, found.home_project)
    ev.projects = projects
    ev.subjects = list(dict.fromkeys(m.eid for m in in_item if m.kind in ("Convention", "Policy")))
    ev.people = list(dict.fromkeys(m.eid for m in in_item if m.kind == "Person"))
    ev.places = _venues(text, item, [m for m in in_item if not _in_project_description(text, sents, m.start)], found)


#: "launched the new X Project", "the X Project, launched on 25 May", "Launched in 2016, the X
#: project ...": the project is what was launched, not who launched it
_LAUNCH_BEFORE = re.compile(r"\b(?:launch(?:ed|es|ing)?|inaugurat(?:ed|es|ion)|kick(?:ed|s)?[ \n-]+off)[ \n]+(?:of[ \n]+)?"
                            r"(?:the[ \n]+|a[ \n]+|an[ \n]+|its[ \n]+|their[ \n]+)?(?:new[ \n]+)?[\"“‘']?$|"
                            r"\bLaunched[ \n]+(?:in|on)[ \n]+[^,.;]{2,30},[ \n]+(?:the[ \n]+)?$", re.I)
_LAUNCH_AFTER = re.compile(r"(?:[ \n]*\([^()\n]{1,12}\))?,?[ \n]+(?:(?:was|is|were|has[ \n]+been|will[ \n]+be)[ \n]+)?"
                           r"(?:officially[ \n]+|formally[ \n]+)?(?:launched|inaugurated|kicked[ \n]+off)\b", re.I)


def _launched_things(text: str, ms: list[Mention]) -> set[str]:
    """Projects named as the thing a launch launched."""
    return {m.eid for m in ms if m.kind == "Project"
            and (_LAUNCH_BEFORE.search(text, max(0, m.start - 60), m.start) or _LAUNCH_AFTER.match(text, m.end))}


#: "The ceremony was held at the Ministry of Foreign Affairs": a body named as the place where
#: an activity was held is its venue, not a participant (it takes a role only where another
#: sentence gives it one)
_HELD_AT = re.compile(r"\b(?:held|took[ \n]+place|organi[sz]ed|hosted|signed|conducted|ceremony|meeting|event)"
                      r"[ \n]+(?:[\w\-]+[ \n]+){0,2}?at[ \n]+(?:the[ \n]+)?$", re.I)


def _venue_body(text: str, m: Mention, in_item: list[Mention]) -> bool:
    if not _HELD_AT.search(text, max(0, m.start - 60), m.start):
        return False
    return all(x.start == m.start or _HELD_AT.search(text, max(0, x.start - 60), x.start)
               for x in in_item if x.eid == m.eid)


_UNIT = re.compile(r"\b(?:[Dd]epartment|[Dd]ivision|[Uu]nit|[Ss]ection|[Oo]ffice)\b")


def _unit_owner(text: str, m: Mention, found: Found) -> bool:
    """'the Department of Labour Policy of the Ministry of X': the ministry only owns the acting
    department (a partOf relation); it takes no role in the event itself."""
    before = [x for x in found.between(max(0, m.start - 150), m.start) if x.kind == "Organisation"]
    if not before or before[-1].eid == m.eid:
        return False
    gap = text[before[-1].end:m.start]
    if not re.fullmatch(r"\)?[ \n]+of[ \n]+(?:the[ \n]+)?|,[ \n]*(?:the[ \n]+)?", gap):
        return False
    unit = found.table.by_id.get(before[-1].eid)
    return unit is not None and _UNIT.search(unit.name) is not None and (gap.strip() != "," or text.startswith("Ministry", m.start))


#: 'GIZ project "Cooperative Vocational Training ..."': GIZ owns the project named next
_PROJECT_OWNER = re.compile(r"[ \n]+(?:[Pp]roject|[Pp]rogramm?e)[ \n]+\"")


def _titled_project(text: str, m: Mention) -> bool:
    """A project named by its quoted title ('project "X"') acts under that title."""
    return m.kind == "Project" and re.search(r"(?:[Pp]roject|[Pp]rogramm?e)[ \n]+\"$", text[max(0, m.start - 12):m.start]) is not None


_CAPTION = re.compile(r"[ \t]*(?:(?:photo(?:\s+credit)?|image|picture|source|credit)\s*:|©)", re.I)


def _caption(text: str, pos: int) -> bool:
    """'Photo: UNDP Mongolia': a picture's credit line names no actor of the event."""
    return _CAPTION.match(text, text.rfind("\n", 0, pos) + 1) is not None


def _quoted(text: str, pos: int, lo: int) -> bool:
    line_start = max(lo, text.rfind("\n", lo, pos) + 1)
    return text.count('"', line_start, pos) % 2 == 1


def _venues(text: str, item: Item, in_item: list[Mention], found: Found) -> list[str]:
    out: list[str] = []
    accepted_end = -(1 << 30)
    for m in in_item:
        if m.kind != "Place":
            continue
        before = text[max(0, m.start - 40):m.start]
        inside_org = any(o.start <= m.start < o.end for o in found.starting(max(0, m.start - 300), m.start + 1)
                         if o.kind == "Organisation")
        if inside_org or re.search(r"\bof[ \n]+(?:the[ \n]+)?$", before) or _DESCRIBED_IN.search(before) \
                or (found.table.by_id[m.eid].place_type == "country" and _org_in(text, m.start, found)):
            continue
        vm = _VENUE.search(before)
        if vm and found.table.by_id[m.eid].place_type == "country" and not _COUNTRY_VENUE.search(before):
            continue  # "to fight child labour in Mongolia": the country of a whole story is no venue
        if vm and (not vm.group(0).strip(" \n").startswith((",", "and")) or m.start - accepted_end < 40):
            if m.eid not in out:
                out.append(m.eid)
            accepted_end = m.end
    t = found.table
    body = [e for e in out if any(m.eid == e and m.start >= item.body_span[0] for m in in_item if m.kind == "Place")]
    if body:
        out = [e for e in out if e in body]  # the body's venue is more precise than the heading's area
    parents = {t.by_id[e].parent for e in out}
    soum_of = {_soum_aimag(text, m, found) for m in in_item if m.kind == "Place" and m.eid in out}
    return [e for e in out if e not in parents and e not in soum_of]


#: a country is a venue only where the activity is said to happen or go there ("held in Korea",
#: "a study tour to Switzerland", "visited Japan"); "in Mongolia" after a topic is the story's setting
_COUNTRY_VENUE = re.compile(r"\b(?:held|took[ \n]+place|organi[sz]ed|conducted|hosted|tours?|trips?|travell?ed|"
                            r"visits?|visited|visiting|mission|delegation|abroad)[ \n]+(?:[\w\-]+[ \n]+){0,3}?"
                            r"(?:in|to)[ \n]+(?:the[ \n]+)?$|\bvisit(?:ed|ing)?[ \n]+(?:the[ \n]+)?$", re.I)

#: "The X Project will upgrade 40 clinics in A, B and C", "the programme covers A and B": a sentence
#: describing a project names the areas it works in, not where the reported activity took place
_PROJECT_DESCRIPTION = re.compile(
    r"(?:The|This|Its|Their|Our)?[ \n]*(?:[\w\-’']+[ \n]+){0,8}?(?:project|programme|program|initiative|facility)\b"
    r"(?:[^.;]{0,80}?)\b(?:will|aims?|covers?|covering|targets?|operates?|works?|is[ \n]+(?:being[ \n]+)?implemented|"
    r"focus(?:es)?|includes?|benefits?|reaches|reach)\b", re.I)
_AREA_VERB = re.compile(r"\b(?:cover(?:s|ing|ed)?|target(?:s|ing|ed)?|operat(?:es|ing)|span(?:s|ning)?)\b", re.I)
_VENUE_VERB = re.compile(r"\b(?:held|took[ \n]+place|takes[ \n]+place|hosted|organi[sz]ed|convened|venue)\b", re.I)


def _in_project_description(text: str, sents: list[tuple[int, int]] | tuple[tuple[int, int], ...], pos: int) -> bool:
    for s, e in sents:
        if s <= pos < e:
            venue, described, area = _sentence_facts(text, s, e)
            if venue:
                return False
            if described:
                return True
            # The first area verb of the sentence decides, without rescanning the sentence
            # for every mention in it (quadratic on one long sentence: issue 13's fuzz run).
            if area is None or area[0] >= pos:
                return False
            return area[1] <= pos or _AREA_VERB.search(text, s, pos) is not None
    return False


@lru_cache(maxsize=4096)
def _sentence_facts(text: str, s: int, e: int) -> tuple[bool, bool, tuple[int, int] | None]:
    """Of one sentence: does it name a venue verb, does it describe a project, and where is
    its first area verb."""
    area = _AREA_VERB.search(text, s, e)
    return (_VENUE_VERB.search(text, s, e) is not None,
            _PROJECT_DESCRIPTION.match(text, s, e) is not None,
            area.span() if area else None)


#: "the dual training model used in Darkhan-Uul aimag": where a thing described is used, not the venue
_DESCRIBED_IN = re.compile(r"\b(?:used|applied|developed|introduced|practi[sc]ed|adopted|based|employed|operating|"
                          r"working|tested|proven|successful)[ \n]+(?:in|at)[ \n]+(?:the[ \n]+)?$", re.I)


def _soum_aimag(text: str, m: Mention, found: Found) -> str | None:
    """'in Sukhbaatar soum, Selenge aimag': the aimag that only locates the soum."""
    if found.table.by_id[m.eid].place_type != "soum":
        return None
    after = re.match(r"[ \n]+soum,?[ \n]+(?:of[ \n]+)?([A-Z][\w\-]+)", text[m.end:m.end + 40])
    p = found.table.find("Place", after.group(1)) if after else None
    return p.id if p is not None else None


_ORG_IN = re.compile(r"(?:[ \n]*\([A-Za-z]{2,10}\))?[ \n]+in[ \n]+$")


def _org_in(text: str, pos: int, found: Found) -> bool:
    """'UNDP in Mongolia', 'the ILO (ILO) in Mongolia': where a body sits, not where the event was."""
    for o in found.between(max(0, pos - 80), pos):
        if o.kind == "Organisation" and 0 < pos - o.end <= 20 and _ORG_IN.fullmatch(text, o.end, pos):
            return True
    return False




def row_places(found: Found, s: int, e: int) -> list[str]:
    """A row's places are where its activity happens: every place it names outside a body's name,
    less the aimag of a city or soum it also names."""
    ms = found.between(s, e)
    orgs = [(m.start, m.end) for m in ms if m.kind == "Organisation"]
    out = list(dict.fromkeys(m.eid for m in ms if m.kind == "Place" and not any(a <= m.start < b for a, b in orgs)))
    kinds = {found.table.by_id[x].place_type for x in out}
    parents = {found.table.by_id[x].parent for x in out}
    return [x for x in out if x not in parents and not ("soum" in kinds and found.table.by_id[x].place_type == "aimag")]


