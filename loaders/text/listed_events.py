"""Events that a page lists rather than reports: announcement forms, dated list and table rows, and
publication lists (one event each, see loaders/text/fields.py, loaders/text/rows.py, loaders/text/publications.py).
"""

from __future__ import annotations

import re

from coopgraph.loaders.text.dates import find_dates, span_of
from coopgraph.loaders.text.event_actors import fill_event, row_places
from coopgraph.loaders.text.events import ROLES, EventDraft, build_event, event_status, event_type, heading_year, sentences
from coopgraph.loaders.text.fields import Fields
from coopgraph.loaders.text.found import Found
from coopgraph.loaders.text.publications import find_publications
from coopgraph.loaders.text.roles import assign_roles
from coopgraph.loaders.text.rows import Row
from coopgraph.loaders.text.segments import Item


def form_event(text: str, item: Item, found: Found, form: Fields) -> EventDraft:
    """The event an announcement form gives field by field (see loaders/text/fields.py)."""
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
    fill_event(text, item, ev, found)
    for role in ROLES:
        span = form.get(role)
        named = [m.eid for m in found.between(*span) if m.kind in ("Organisation", "Project")] if span else []
        ev.set_actors(role, list(dict.fromkeys(named)))
    vs = form.get("venue")
    ev.places = row_places(found, *vs) if vs else []
    if not ev.organisers and ev.status == "planned" and found.home_project:
        ev.organisers = [found.home_project]
    return ev


_ANNOUNCED = re.compile(r"\b(?:announcement|invitation|upcoming|save\s+the\s+date|call\s+for|registration)\b", re.I)


def _head_count(value: str) -> int | None:
    m = re.match(r"\s*(?:about\s+|around\s+|some\s+|over\s+|up\s+to\s+)?(\d{1,5})\b", value, re.I)
    return int(m.group(1)) if m else None


def row_events(text: str, item: Item, found: Found, rows: list[Row]) -> list[EventDraft]:
    """One event per dated list or table row (see loaders/text/rows.py). The item's text around the
    rows ("HLSP delivered trainings ... funded by SDC") lends its organisers and supporters to the
    rows it describes (those of the same status); a planned row with no organiser of its own is
    the page's project's."""
    lead = Item(item.heading, item.heading_span, (item.body_span[0], rows[0].span[0]), item.section, item.stamp)
    intro = build_event(text, lead) if text[lead.body_span[0]:lead.body_span[1]].strip() else None
    if intro is not None:
        fill_event(text, lead, intro, found)
    ctx = event_type(item.heading, text[item.body_span[0]:rows[0].span[0]])
    out: list[EventDraft] = []
    for r in rows:
        s, e = r.span
        part = Item("", (s, s), (s, e), item.section, item.stamp)
        title = " ".join(text[r.title_span[0]:r.title_span[1]].split()).strip(" ,;:-")
        title = title[:1].upper() + title[1:]
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
        fill_event(text, part, ev, found)
        ev.places = row_places(found, s, e)
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
        in_sentence = [m for m in found.between(ss, se) if m.kind in ("Organisation", "Project") and m.role_ok]
        first = {m.eid: m.start for m in reversed(in_sentence)}
        roles = assign_roles(text, [(ss, se)], found, set(first), found.home_project)
        # in text order, as fill_event gives them (the roles' own order follows a set's, which
        # changes with the string hash seed from run to run)
        for eid, role in sorted(roles.items(), key=lambda kv: (first.get(kv[0], 1 << 40), kv[0])):
            if eid not in ev.actors(role):
                ev.actors(role).append(eid)




def publication_events(text: str, item: Item, found: Found) -> list[EventDraft]:
    """Each entry of a publication list: a completed publication, the page's project as organiser
    when the title names it (see loaders/text/publications.py)."""
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
