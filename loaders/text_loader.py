"""Plain text and Markdown documents: read the text, then run the rule-based extractor.

The pipeline: normalise the text without changing its length (offsets stay valid) -> split it
into items -> find and resolve entity mentions over the whole document -> per item, build the
event (type, dates, status, places, head count, roles) -> relations -> a record with
deterministic ordering. See docs in each module for the rules and why they were chosen.
"""

from __future__ import annotations

import re
from pathlib import Path

from coopgraph.loaders.documents import Document, document_from_text, read_document
from coopgraph.loaders.entities import EntityDraft, is_acronym, slug
from coopgraph.loaders.dates import find_dates, span_of
from coopgraph.loaders.embedded import Embedded, find_embedded
from coopgraph.loaders.events import EventDraft, Spans, build_event, event_status, event_type, heading_year, sentences
from coopgraph.loaders.mentions import Found, Mention, find_all, owner_only
from coopgraph.loaders.places import PlaceHit, find_places
from coopgraph.loaders.publications import find_publications, is_publication_list
from coopgraph.loaders.relations import Rel, find_relations
from coopgraph.loaders.fields import Fields, find_fields
from coopgraph.loaders.rows import Row, find_rows
from coopgraph.loaders.roles import assign_roles
from coopgraph.loaders.segments import Item, split_items
from coopgraph.loaders.textnorm import normalise
from coopgraph.records import Entity, Event, ExtractionRecord, Relation

_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_TYPE_ORDER = {"Organisation": 0, "Project": 1, "Person": 2, "Convention": 3, "Policy": 4, "Place": 5}
_VENUE = re.compile(r"(?:\b(?:in|at|to|visited|visit|visiting)[ \n]+(?:the[ \n]+)?(?:Kingdom[ \n]+of[ \n]+|Republic[ \n]+of[ \n]+)?|(?:,|\band)[ \n]+)$")


def extract_document(document: Document) -> ExtractionRecord:
    """Extract entities, events and relations from a decoded document."""
    raw = document.source and document.text
    text = normalise(raw)
    items = split_items(text)
    place_hits = find_places(text, 0, len(text))
    item_aimags = _aimags(items, place_hits)
    found = find_all(text, item_aimags, place_hits)
    events: list[tuple[EventDraft, Item]] = []
    for it in items:
        if is_publication_list(it.heading):
            events += [(ev, it) for ev in _publication_events(text, it, found)]
            continue
        form = find_fields(text, *it.body_span)
        if form is not None:
            events.append((_form_event(text, it, found, form), it))
            continue
        rows = find_rows(text, *it.body_span, heading_year(it) or (it.stamp[0] if it.stamp else None))
        if len(rows) >= 2 or rows and it.section == "upcoming":
            events += [(ev, it) for ev in _row_events(text, it, found, rows)]
            continue
        ev = build_event(text, it)
        if ev is None:
            continue
        emb = [] if ev.type == "publication" else find_embedded(text, sentences(text, *it.body_span),
                                                                ev.evidence_span, ev.type)
        apart = tuple(x.span for x in emb if not x.during_main and x.span != ev.evidence_span)
        if apart:
            ev = build_event(text, it, apart) or ev
        _fill_event(text, it, ev, found, apart + tuple(x.evidence for x in emb if x.undated))
        events.append((ev, it))
        for x in emb:
            events.append((_embedded_event(text, it, ev, x, found), it))
    for it in items:
        for ev in _series_events(text, it, found):
            events.append((ev, it))
    events.sort(key=lambda pair: pair[0].evidence_span[0])
    rels = find_relations(text, found, sentences(text, 0, len(text)))
    return _record(document, raw, found, events, rels)


def _form_event(text: str, item: Item, found: Found, form: Fields) -> EventDraft:
    """The event an announcement form gives field by field (see loaders/fields.py)."""
    ts = form.get("title")
    title = " ".join(text[ts[0]:ts[1]].split()) if ts else item.heading
    ds = form.get("date")
    year = heading_year(item) or (item.stamp[0] if item.stamp else None)
    start, end, prec = span_of(find_dates(text, ds[0], ds[1], year)) if ds else (None, None, "unknown")
    b0, b1 = item.body_span
    body = text[b0:b1]
    status = "planned" if item.section == "upcoming" else event_status(text, item, (b0, b1), body)
    if status == "unknown" and _ANNOUNCED.search(f"{item.heading}\n{body}"):
        status = "planned"
    ps = form.get("participants")
    ev = EventDraft(title, event_type(title, item.heading, body), start, end, prec, status, ts or ds or (b0, b1),
                    attendee_count=_head_count(text[ps[0]:ps[1]]) if ps else None)
    _fill_event(text, item, ev, found)
    for role in ("organisers", "supporters", "participants"):
        span = form.get(role)
        named = [m.eid for m in found.between(*span) if m.kind in ("Organisation", "Project")] if span else []
        setattr(ev, role, list(dict.fromkeys(named)))
    vs = form.get("venue")
    ev.places = _row_places(found, *vs) if vs else []
    if not ev.organisers and ev.status == "planned" and found.home_project:
        ev.organisers = [found.home_project]
    return ev


_ANNOUNCED = re.compile(r"\b(?:announcement|invitation|upcoming|save\s+the\s+date|call\s+for|registration)\b", re.I)


def _head_count(value: str) -> int | None:
    m = re.match(r"\s*(?:about\s+|around\s+|some\s+|over\s+|up\s+to\s+)?(\d{1,5})\b", value, re.I)
    return int(m.group(1)) if m else None


def _row_events(text: str, item: Item, found: Found, rows: list[Row]) -> list[EventDraft]:
    """One event per dated list or table row (see loaders/rows.py). The item's text around the
    rows ("HLSP delivered trainings ... funded by SDC") lends its organisers and supporters to the
    rows it describes (those of the same status); a planned row with no organiser of its own is
    the page's project's."""
    lead = Item(item.heading, item.heading_span, (item.body_span[0], rows[0].span[0]), item.section, item.stamp)
    intro = build_event(text, lead) if text[lead.body_span[0]:lead.body_span[1]].strip() else None
    if intro is not None:
        _fill_event(text, lead, intro, found)
    ctx = event_type(item.heading, text[item.body_span[0]:rows[0].span[0]])
    out: list[EventDraft] = []
    for r in rows:
        s, e = r.span
        part = Item("", (s, s), (s, e), item.section, item.stamp)
        title = " ".join(text[r.title_span[0]:r.title_span[1]].split()).strip(" ,;:-")
        start, end, prec = span_of(list(r.dates))
        etype = event_type(title)
        if etype == "other":
            etype = ctx
        if r.planned or item.section == "upcoming":
            status = "planned"
        elif item.section == "past":
            status = "completed"
        else:
            status = event_status(text, part, (s, e), text[s:e])
            if status == "unknown" and intro is not None:
                status = intro.status
        ev = EventDraft(title or text[s:e].strip(), etype, start, end, prec, status, r.title_span, attendee_count=r.count)
        _fill_event(text, part, ev, found)
        ev.places = _row_places(found, s, e)
        if intro is not None and intro.status == status:
            ev.organisers = ev.organisers or list(intro.organisers)
            ev.supporters = ev.supporters or list(intro.supporters)
        if not ev.organisers and status == "planned" and found.home_project:
            ev.organisers = [found.home_project]
        out.append(ev)
    _rows_named_after(text, item, found, rows, out)
    for ev in out:
        taken = set(ev.organisers) | set(ev.supporters)
        ev.participants = [x for x in ev.participants if x not in taken]
    return out


def _rows_named_after(text: str, item: Item, found: Found, rows: list[Row], events: list[EventDraft]) -> None:
    """'The Dundgovi training was organized by X': a sentence after the table that names the
    place of exactly one row gives that row its actors."""
    row_places = [{m.eid for m in found.between(*r.span) if m.kind == "Place"} for r in rows]
    for ss, se in sentences(text, rows[-1].span[1], item.body_span[1]):
        named = {m.eid for m in found.between(ss, se) if m.kind == "Place"}
        hit = [k for k, ps in enumerate(row_places) if named & ps]
        if len(hit) != 1:
            continue
        ev = events[hit[0]]
        actors = {m.eid for m in found.between(ss, se) if m.kind in ("Organisation", "Project") and m.role_ok}
        for eid, role in assign_roles(text, [(ss, se)], found, actors, found.home_project).items():
            if eid not in getattr(ev, role):
                getattr(ev, role).append(eid)


def _row_places(found: Found, s: int, e: int) -> list[str]:
    """A row's places are where its activity happens: every place it names outside a body's name,
    less the aimag of a city or soum it also names."""
    ms = found.between(s, e)
    orgs = [(m.start, m.end) for m in ms if m.kind == "Organisation"]
    out = list(dict.fromkeys(m.eid for m in ms if m.kind == "Place" and not any(a <= m.start < b for a, b in orgs)))
    kinds = {found.table.by_id[x].attrs.get("place_type") for x in out}
    parents = {found.table.by_id[x].attrs.get("parent") for x in out}
    return [x for x in out if x not in parents and not ("soum" in kinds and found.table.by_id[x].attrs.get("place_type") == "aimag")]


def _publication_events(text: str, item: Item, found: Found) -> list[EventDraft]:
    """Each entry of a publication list: a completed publication, the page's project as organiser
    when the title names it (see loaders/publications.py)."""
    out: list[EventDraft] = []
    home = found.table.by_id.get(found.home_project) if found.home_project else None
    names = [n for n in ((home.name, *home.aliases) if home else ()) if len(n) > 1]
    for p in find_publications(text, *item.body_span):
        ev = EventDraft(p.title, "publication", p.year, p.year, "year" if p.year else "unknown", "completed", p.span)
        if home is not None:
            ev.projects = [home.id]
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", p.title) for n in names):
                ev.organisers = [home.id]
        ev.subjects = list(dict.fromkeys(m.eid for m in found.between(*p.line) if m.kind in ("Convention", "Policy")))
        out.append(ev)
    return out


_SINCE = re.compile(r"\bSince\s+((?:19|20)\d\d),?\s+(?:the\s+)?(.{2,80}?)\s+(?:has|have)\s+(?:also\s+)?"
                    r"(?:implemented|organi[sz]ed|conducted|run|supported|delivered|held)\b")


def _series_events(text: str, item: Item, found: Found) -> list[EventDraft]:
    """'Since 2007 IOM has also implemented a series of ...': an ongoing activity of its own."""
    out: list[EventDraft] = []
    for m in _SINCE.finditer(text, item.body_span[0], item.body_span[1]):
        sent_end = text.find(".", m.end(), item.body_span[1])
        stop = m.end() + 60 if sent_end < 0 else min(sent_end, m.end() + 60)
        actors = [x.eid for x in found.between(m.start(2), m.end(2)) if x.kind in ("Organisation", "Project")]
        what = " ".join(text[m.end():stop].split())
        head = " ".join(text[m.start(2):m.end(2)].split())
        ev = EventDraft(f"{head} {what} since {m.group(1)}", "other", m.group(1), m.group(1), "year",
                        "completed", (m.start(), stop))
        ev.organisers = actors
        out.append(ev)
    return out


def _aimags(items: list[Item], hits: list[PlaceHit]) -> list[tuple[int, int, list[str]]]:
    """Each item's span with the aimags it names (one pass over the sorted place hits)."""
    out: list[tuple[int, int, list[str]]] = []
    k = 0
    for it in items:
        a, b = it.heading_span[0], it.body_span[1]
        while k < len(hits) and hits[k].start < a:
            k += 1
        names: list[str] = []
        j = k
        while j < len(hits) and hits[j].start < b:
            p = hits[j].place
            if p is not None and p.place_type == "aimag" and p.name not in names:
                names.append(p.name)
            j += 1
        out.append((a, b, names))
    return out


def _embedded_event(text: str, item: Item, main: EventDraft, x: Embedded, found: Found) -> EventDraft:
    """The event of an activity mentioned inside another item (see loaders/embedded.py)."""
    s, e = x.evidence if x.undated else x.span
    part = Item("", (s, s), (s, e), item.section, None)
    if x.undated:
        start, end, prec = None, None, "unknown"
    elif x.during_main:
        start, end, prec = main.start, main.end, main.precision
    else:
        start, end, prec = span_of(find_dates(text, s, e, heading_year(item) or (item.stamp[0] if item.stamp else None)))
    status = x.status or event_status(text, part, (s, e), text[s:e])
    ev = EventDraft(x.title, x.type, start, end, prec, status, x.evidence)
    _fill_event(text, part, ev, found)
    home = found.home_project
    named = {m.eid for m in found.between(s, e)}
    if home and home not in named and (x.own_organisers and ev.organisers or x.undated):
        ev.projects = [p for p in ev.projects if p != home]
    return ev


def _fill_event(text: str, item: Item, ev: EventDraft, found: Found,
                exclude: tuple[tuple[int, int], ...] = ()) -> None:
    b0, b1 = item.body_span
    sents = sentences(text, b0, b1)
    if exclude:
        ex_set = set(exclude)
        sents = [sp for sp in sents if sp not in ex_set]
    t = found.table
    in_item = found.between(item.heading_span[0], b1)
    if exclude:
        ex = Spans(exclude)
        in_item = [m for m in in_item if not ex.holds(m.start)]
    actors = {m.eid for m in in_item if m.kind in ("Organisation", "Project") and m.role_ok
              and m.start >= b0 and (not _quoted(text, m.start, b0) or _titled_project(text, m))
              and not owner_only(text, m.start) and not _PROJECT_OWNER.match(text, m.end)
              and not _unit_owner(text, m, found)}
    if ev.type != "publication":
        roles = assign_roles(text, sents, found, actors, found.home_project)
        firsts: dict[str, int] = {}
        for m in in_item:
            if m.start >= b0:
                firsts.setdefault(m.eid, m.start)
        for eid, role in sorted(roles.items(), key=lambda kv: (firsts.get(kv[0], 1 << 40), kv[0])):
            getattr(ev, role).append(eid)
    elif found.home_project and re.search(re.escape(t.by_id[found.home_project].name.split()[0]), ev.title):
        ev.organisers.append(found.home_project)
    projects = [eid for eid in dict.fromkeys(m.eid for m in in_item if m.kind == "Project")]
    if found.home_project and found.home_project not in projects:
        projects.insert(0, found.home_project)
    ev.projects = projects
    ev.subjects = list(dict.fromkeys(m.eid for m in in_item if m.kind in ("Convention", "Policy")))
    ev.people = list(dict.fromkeys(m.eid for m in in_item if m.kind == "Person"))
    ev.places = _venues(text, item, in_item, found)


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


def _quoted(text: str, pos: int, lo: int) -> bool:
    line_start = max(lo, text.rfind("\n", lo, pos) + 1)
    return text.count('"', line_start, pos) % 2 == 1


def _venues(text: str, item: Item, in_item: list, found: Found) -> list[str]:
    out: list[str] = []
    accepted_end = -(1 << 30)
    for m in in_item:
        if m.kind != "Place":
            continue
        before = text[max(0, m.start - 40):m.start]
        inside_org = any(o.start <= m.start < o.end for o in found.starting(max(0, m.start - 300), m.start + 1)
                         if o.kind == "Organisation")
        after = text[m.end:m.end + 12]
        if inside_org or re.match(r"[ \n]*aimag'?s", after) and not re.match(r"[ \n]*aimag'?s?[ \n]*(?:in|\.|,)", after):
            pass
        if inside_org or re.search(r"\bof[ \n]+(?:the[ \n]+)?$", before) \
                or found.table.by_id[m.eid].attrs.get("place_type") == "country" and _org_in(text, m.start, found):
            continue
        vm = _VENUE.search(before)
        if vm and (not vm.group(0).strip(" \n").startswith((",", "and")) or m.start - accepted_end < 40):
            if m.eid not in out:
                out.append(m.eid)
            accepted_end = m.end
    t = found.table
    body = [e for e in out if any(m.eid == e and m.start >= item.body_span[0] for m in in_item if m.kind == "Place")]
    if body:
        out = [e for e in out if e in body]  # the body's venue is more precise than the heading's area
    parents = {t.by_id[e].attrs.get("parent") for e in out}
    soum_of = {_soum_aimag(text, m, found) for m in in_item if m.kind == "Place" and m.eid in out}
    return [e for e in out if e not in parents and e not in soum_of]


def _soum_aimag(text: str, m: Mention, found: Found) -> str | None:
    """'in Sukhbaatar soum, Selenge aimag': the aimag that only locates the soum."""
    if found.table.by_id[m.eid].attrs.get("place_type") != "soum":
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


def _readable_ids(found: Found, text: str) -> dict[str, str]:
    """Long slugs of bodies with an acronym become the acronym ('support-to-...' -> 'secim')."""
    t = found.table
    taken = set(t.by_id)
    out: dict[str, str] = {}
    for d in sorted(t.by_id.values(), key=lambda x: x.spans[0] if x.spans else (0, 0)):
        if d.type not in ("Organisation", "Project") or d.id.count("-") < 2:
            continue
        acrs = [a for a in (d.name, *d.aliases) if is_acronym(a.replace(" ", ""))]
        if not acrs:
            continue
        new = slug(max(acrs, key=lambda a: (len(re.findall(rf"(?<!\w){re.escape(a)}(?!\w)", text)), -len(a), a)))
        if new not in taken:
            out[d.id] = new
            taken.add(new)
    return out


def _rename(found: Found, text: str, events: list[tuple[EventDraft, Item]], rels: list[Rel]) -> list[Rel]:
    mapping = _readable_ids(found, text)
    if not mapping:
        return rels
    t = found.table
    for old, new in mapping.items():
        d = t.by_id.pop(old)
        d.id = new
        t.by_id[new] = d
        t.redirects[old] = new
    for d in t.by_id.values():
        for k in ("affiliation", "issuer", "parent"):
            v = d.attrs.get(k)
            if isinstance(v, str) and v in mapping:
                d.attrs[k] = mapping[v]
    for ev, _ in events:
        for f in ("organisers", "supporters", "participants", "projects", "subjects", "people", "places"):
            setattr(ev, f, list(dict.fromkeys(mapping.get(x, x) for x in getattr(ev, f))))
    if found.home_project in mapping:
        found.home_project = mapping[found.home_project]
    return [(mapping.get(a, a), p, mapping.get(b, b), sp) for a, p, b, sp in rels]


def _record(document: Document, raw: str, found: Found, events: list[tuple[EventDraft, Item]],
            rels: list[Rel]) -> ExtractionRecord:
    rels = _rename(found, raw, events, rels)
    t = found.table
    funders: dict[str, list[str]] = {}
    implementers: dict[str, list[str]] = {}
    for s, p, o, _ in rels:
        if p == "fundedBy":
            funders.setdefault(s, []).append(o)
        elif p == "implementedBy":
            implementers.setdefault(s, []).append(o)
    has_mongolia = any(d.attrs.get("parent") == "mongolia" or d.id == "mongolia" for d in t.by_id.values())
    ents = [_entity(d, funders, implementers, has_mongolia, t.by_id) for d in t.by_id.values()]
    ents.sort(key=lambda e: (_TYPE_ORDER[e.type], e.spans[0] if e.spans else (0, 0), e.id))
    out_events = []
    used: set[str] = set()
    for ev, _it in events:
        eid = _event_id(ev, used)
        s, e = ev.evidence_span
        out_events.append(Event(
            id=eid, title=ev.title, type=ev.type, start=ev.start, end=ev.end, date_precision=ev.precision,
            status=ev.status, places=tuple(ev.places), organisers=tuple(ev.organisers),
            supporters=tuple(ev.supporters), participants=tuple(ev.participants),
            projects=tuple(ev.projects), subjects=tuple(ev.subjects), people=tuple(ev.people),
            attendee_count=ev.attendee_count, evidence=raw[s:e], span=(s, e)))
    seen: set[tuple[str, str, str]] = set()
    out_rels = []
    for s, p, o, (a, b) in rels:
        s, o = t.resolve(s), t.resolve(o)
        if s == o or (s, p, o) in seen or s not in t.by_id or o not in t.by_id:
            continue
        seen.add((s, p, o))
        out_rels.append(Relation(s, p, o, raw[a:b], (a, b)))
    return ExtractionRecord(document=document.source.name, entities=tuple(ents), events=tuple(out_events),
                            relations=tuple(out_rels), source=document.source)


def _event_id(ev: EventDraft, used: set[str]) -> str:
    base = slug(ev.title, 40)
    if ev.start and ev.start[:4] not in base:
        base = f"{base}-{ev.start[:4]}"
    eid, n = base, 2
    while eid in used:
        eid = f"{base}-{n}"
        n += 1
    used.add(eid)
    return eid


def _entity(d: EntityDraft, funders: dict[str, list[str]], implementers: dict[str, list[str]],
            has_mongolia: bool, by_id: dict[str, EntityDraft]) -> Entity:
    a = d.attrs
    spans = tuple(sorted(set(d.spans)))
    aliases = tuple(x for x in dict.fromkeys(d.aliases) if x != d.name)
    if d.type == "Organisation":
        cat = str(a.get("category") or "other")
        country = a.get("country")
        if country is None and has_mongolia and cat in ("government", "social_partner", "education", "research", "ngo"):
            country = "Mongolia"
        return Entity(d.id, d.type, d.name, aliases, category=cat, country=country,
                      wikidata=_s(a.get("wikidata")), spans=spans)
    if d.type == "Project":
        return Entity(d.id, d.type, d.name, aliases, funders=tuple(dict.fromkeys(funders.get(d.id, []))),
                      implementers=tuple(dict.fromkeys(implementers.get(d.id, []))), spans=spans)
    if d.type == "Person":
        return Entity(d.id, d.type, d.name, aliases, affiliation=_s(a.get("affiliation")),
                      role=_s(a.get("role")), spans=spans)
    if d.type == "Convention":
        return Entity(d.id, d.type, d.name, aliases, issuer=_s(a.get("issuer")), spans=spans)
    if d.type == "Policy":
        return Entity(d.id, d.type, d.name, aliases, policy_type=_s(a.get("policy_type")) or "other", spans=spans)
    parent = _s(a.get("parent"))
    return Entity(d.id, d.type, d.name, aliases, place_type=_s(a.get("place_type")), parent=parent,
                  wikidata=_s(a.get("wikidata")), spans=spans)


def _s(v: object) -> str | None:
    return v if isinstance(v, str) and v else None


def extract_text(text: str, name: str = "text.txt") -> ExtractionRecord:
    """Extract from text in memory (the Python API and tests)."""
    return extract_document(document_from_text(text, name))


class TextLoader:
    """Loader for ``.txt`` and ``.md`` files (and any other name whose bytes look like text)."""

    name = "text"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in _TEXT_SUFFIXES:
            return True
        return b"\x00" not in head and not head.startswith((b"%PDF", b"PK\x03\x04", b"<?xml"))

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        media = "text/markdown" if path.suffix.lower() in {".md", ".markdown"} else "text/plain"
        return extract_document(read_document(path, encoding=encoding, media_type=media))
