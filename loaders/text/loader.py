"""Plain text and Markdown documents: read the text, then run the rule-based extractor.

The pipeline: normalise the text without changing its length (offsets stay valid) -> blank out
page furniture (menus, URL lines; loaders/text/cleanup.py) -> split it
into items -> find and resolve entity mentions over the whole document -> per item, build the
event (type, dates, status, places, head count, roles) -> relations -> a record with
deterministic ordering. See docs in each module for the rules and why they were chosen.
"""

from __future__ import annotations

import re
from pathlib import Path

from coopgraph.loaders.formats.budgets import within_budget
from coopgraph.loaders.formats.documents import Document, document_from_text, read_document
from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.activity_clauses import ActivityClause, activity_clauses
from coopgraph.loaders.text.announced import announced_activities
from coopgraph.loaders.text.cleanup import blank_furniture
from coopgraph.loaders.text.entities import EntityDraft
from coopgraph.loaders.text.dates import find_dates, span_of
from coopgraph.loaders.text.embedded import Embedded, find_embedded
from coopgraph.loaders.text.event_actors import fill_event
from coopgraph.loaders.text.event_titles import with_account
from coopgraph.loaders.text.events import ROLES, EventDraft, build_event, event_status, heading_year, sentences
from coopgraph.loaders.text.fields import find_fields
from coopgraph.loaders.text.listed_events import form_event, publication_events, row_events
from coopgraph.loaders.text.found import Found, ItemAimags
from coopgraph.loaders.text.ids import RecordIds
from coopgraph.loaders.text.mentions import find_all
from coopgraph.loaders.text.places import PlaceHit, find_places
from coopgraph.loaders.text.publications import is_publication_list
from coopgraph.loaders.text.relations import Rel, find_relations
from coopgraph.loaders.text.rows import find_rows
from coopgraph.loaders.text.same_activity import MAX_STORY_EVENTS as _MAX_STORY_EVENTS, merge_same_activities
from coopgraph.loaders.text.segments import Item, split_items
from coopgraph.loaders.text.textnorm import normalise
from coopgraph.loaders.reference import reference
from coopgraph.slugs import id_slug
from coopgraph.records import Entity, Event, ExtractionRecord, Relation

_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_TYPE_ORDER = {"Organisation": 0, "Project": 1, "Person": 2, "Convention": 3, "Policy": 4, "Place": 5}


def extract_document(document: Document) -> ExtractionRecord:
    """Extract entities, events and relations from a decoded document (its text cut to the
    per-document budget, loaders/formats/budgets.py, with a warning in the record)."""
    document = within_budget(document)
    raw = document.text
    text = blank_furniture(normalise(raw))
    items = split_items(text)
    place_hits = find_places(text, 0, len(text))
    item_aimags = _aimags(items, place_hits)
    found = find_all(text, item_aimags, place_hits)
    events: list[tuple[EventDraft, Item]] = []
    for it in items:
        if is_publication_list(it.heading):
            events += [(ev, it) for ev in publication_events(text, it, found)]
            continue
        form = find_fields(text, *it.body_span)
        if form is not None:
            events.append((form_event(text, it, found, form), it))
            continue
        rows = find_rows(text, *it.body_span, heading_year(it) or (it.stamp[0] if it.stamp else None))
        if len(rows) >= 2 or (rows and it.section == "upcoming"):
            events += [(ev, it) for ev in row_events(text, it, found, rows)]
            continue
        ev = build_event(text, it)
        if ev is None:
            continue
        emb = [] if ev.type == "publication" else find_embedded(text, sentences(text, *it.body_span),
                                                                ev.evidence_span, ev.type)
        apart = tuple(x.span for x in emb if not x.during_main and x.span != ev.evidence_span)
        if apart:
            ev = build_event(text, it, apart) or ev
        fill_event(text, it, ev, found, apart + tuple(x.evidence for x in emb if x.undated))
        events.append((ev, it))
        for x in emb:
            events.append((_embedded_event(text, it, ev, x, found), it))
    for it in items:
        for ev in _series_events(text, it, found):
            events.append((ev, it))
    events.sort(key=lambda pair: pair[0].evidence_span[0])
    kept = {id(ev) for ev in merge_same_activities(text, [ev for ev, _ in events])}
    events = [(ev, it) for ev, it in events if id(ev) in kept]
    if 0 < len(events) <= _MAX_STORY_EVENTS:
        events = _with_announced(text, events, found)
        events = _with_clauses(text, events, found)
    rels = find_relations(text, found, sentences(text, 0, len(text)))
    _visitors_bodies_organise(text, events, found, rels)
    return _record(document, raw, found, events, rels)


#: a person's visit told with a verb: "X will visit", "X paid a visit", "X travelled to"
_VISITS = re.compile(r"\b(?:visit(?:s|ed|ing)?|will[ \n]+(?:visit|travel|leave|be[ \n]+in)|paid[ \n]+an?[ \n]+(?:\w+[ \n]+)?visit|"
                     r"travell?ed[ \n]+to|arrived[ \n]+in)\b", re.I)


def _visitors_bodies_organise(text: str, events: list[tuple[EventDraft, Item]], found: Found,
                              rels: list[tuple[str, str, str, tuple[int, int]]]) -> None:
    """'Haoliang Xu, Director of UNDP's Bureau, will visit Khentii': on a visit the visitors'
    bodies organise it (the devset's call 3); a person named as the one who visits brings the
    body they work for."""
    works_for = {s: o for s, p, o, _ in rels if p == "affiliatedWith"}
    for ev, _it in events:
        if ev.type != "field_visit":
            continue
        s, e = ev.evidence_span
        verb = _VISITS.search(text, s, e)
        if verb is None:
            continue
        for m in found.between(s, verb.start()):
            body = works_for.get(m.eid) if m.kind == "Person" else None
            if body is None or body in ev.organisers or found.table.by_id.get(body) is None:
                continue
            for role in ("participants", "supporters"):
                if body in ev.actors(role):
                    ev.actors(role).remove(body)
            ev.organisers.append(body)


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


def _with_announced(text: str, events: list[tuple[EventDraft, Item]], found: Found) -> list[tuple[EventDraft, Item]]:
    """A story's events plus the activities it announces for later (loaders/text/announced.py)."""
    main, item = events[0]
    used = {ev.evidence_span for ev, _ in events}
    out = list(events)
    for a in announced_activities(text, sentences(text, *item.body_span), used, main.type):
        part = Item("", (a.span[0], a.span[0]), a.span, "upcoming" if a.status == "planned" else "", None)
        start, end, prec = span_of(find_dates(text, a.span[0], a.span[1], _year_of(main)))
        ev = EventDraft(a.title, a.type, start, end, prec, a.status, a.span)
        fill_event(text, part, ev, found)
        out.append((ev, item))
    out.sort(key=lambda pair: pair[0].evidence_span[0])
    return out


#: a sentence worth parsing for an activity of its own (cheap filter before the parse): a verb
#: that is an activity, or an activity noun with a verb of doing in the same sentence
_CLAUSE_VERB, _CLAUSE_NOUN, _CLAUSE_DOING = (re.compile(pattern, re.I) for pattern in (
    r"\b(?:train(?:s|ed|ing)?|donat(?:e|es|ed)|distribut(?:e|es|ed)|received|deliver(?:s|ed)?|"
    r"handed|hand\s+over|signed|sign)\b",
    r"\b(?:workshops?|seminars?|webinars?|meetings?|consultations?|conferences?|forums?|courses?|"
    r"surveys?|stud(?:y|ies)|handover|ceremony|missions?|exhibitions?|fairs?|dialogues?|tours?|"
    r"campaigns?|trainings?)\b",
    r"\b(?:co-?)?(?:organi[sz]|conduct|held|hold|host|conven|complet|carr(?:y|ied)\s+out|deliver|"
    r"provid|run|arrang|undert|finish|finali|launch|attend|stag|facilitat|offer|start|began|begin|"
    r"took\s+place|take\s+place)",
))


def _clause_cue(text: str, span: tuple[int, int]) -> bool:
    return _CLAUSE_VERB.search(text, *span) is not None or \
        (_CLAUSE_NOUN.search(text, *span) is not None and _CLAUSE_DOING.search(text, *span) is not None)


#: "During the visit, they organised a meeting": the sentence tells another activity than its frame
_DURING = re.compile(r"\s*(?:During|At|In\s+the\s+course\s+of)\s+(?:the|this|his|her|their)\s+\w+")
#: at most this many activities from other sentences of one story: a story names a few
_MAX_CLAUSE_EVENTS = 4


def _with_clauses(text: str, events: list[tuple[EventDraft, Item]], found: Found) -> list[tuple[EventDraft, Item]]:
    """A story's events plus the activities its other sentences report, read from the parse
    (loaders/text/activity_clauses.py); nothing when the statistical layer is off."""
    if not statistical.active():
        return events
    main, item = events[0]
    used = {ev.evidence_span for ev, _ in events}
    todo = [sp for sp in sentences(text, *item.body_span)
            if ((sp == main.evidence_span and _DURING.match(text, sp[0])) or
                (sp not in used and not any(a <= sp[0] < b for a, b in used))) and _clause_cue(text, sp)]
    if not todo:
        return events
    out = list(events)
    for c in activity_clauses(statistical.parse(text, todo, names=False), main.type)[:_MAX_CLAUSE_EVENTS]:
        part = Item("", (c.span[0], c.span[0]), c.span, "upcoming" if c.status == "planned" else "", None)
        if c.during_main:
            start, end, prec = main.start, main.end, main.precision
        else:
            start, end, prec = span_of(find_dates(text, c.span[0], c.span[1], _year_of(main)))
        if start is not None and start == main.start and c.type == main.type:
            continue  # the main activity, told again with its date
        ev = EventDraft(c.title, c.type, start, end, prec, c.status, c.span)
        fill_event(text, part, ev, found)
        _roles_from_clause(ev, c, found)
        out.append((ev, item))
    out.sort(key=lambda pair: pair[0].evidence_span[0])
    return out


def _roles_from_clause(ev: EventDraft, c: ActivityClause, found: Found) -> None:
    """The parse's word on roles wins over distance: the bodies named as the verb's subject (or
    its "by"/"together with" phrase) organised the activity; those after "with"/"to" took part."""
    def bodies(spans: tuple[tuple[int, int], ...]) -> list[str]:
        return list(dict.fromkeys(m.eid for a, b in spans for m in found.between(a, b)
                                  if m.kind == "Organisation" and m.role_ok))
    doers, partners = bodies(c.doers), bodies(c.partners)
    if not doers and not partners:
        return
    for role in ROLES:
        ev.set_actors(role, [eid for eid in ev.actors(role) if eid not in doers and eid not in partners])
    ev.organisers = [*doers, *ev.organisers]
    ev.participants = [*partners, *[eid for eid in ev.participants if eid not in partners]]


def _year_of(ev: EventDraft) -> int | None:
    return int(ev.start[:4]) if ev.start else None


def _aimags(items: list[Item], hits: list[PlaceHit]) -> list[ItemAimags]:
    """Each item's span with the aimags it names (one pass over the sorted place hits)."""
    out: list[ItemAimags] = []
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
        out.append(ItemAimags(a, b, tuple(names)))
    return out


def _embedded_event(text: str, item: Item, main: EventDraft, x: Embedded, found: Found) -> EventDraft:
    """The event of an activity mentioned inside another item (see loaders/text/embedded.py)."""
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
    fill_event(text, part, ev, found)
    home = found.home_project
    named = {m.eid for m in found.between(s, e)}
    if home and home not in named and ((x.own_organisers and ev.organisers) or x.undated):
        ev.projects = [p for p in ev.projects if p != home]
    return ev


def _record(document: Document, raw: str, found: Found, events: list[tuple[EventDraft, Item]],
            rels: list[Rel]) -> ExtractionRecord:
    """The record, with every entity id minted here, once (loaders/text/ids.py says why not earlier)."""
    t = found.table
    ids = RecordIds(t, raw)
    funders: dict[str, list[str]] = {}
    implementers: dict[str, list[str]] = {}
    for s, p, o, _ in rels:
        if p == "fundedBy":
            funders.setdefault(ids(s), []).append(ids(o))
        elif p == "implementedBy":
            implementers.setdefault(ids(s), []).append(ids(o))
    home = reference().home_country
    at_home = home is not None and any(d.parent == home.id or d.id == home.id for d in t.by_id.values())
    ents = [_entity(d, ids, funders, implementers, home.name if home is not None and at_home else None)
            for d in t.by_id.values()]
    ents.sort(key=lambda e: (_TYPE_ORDER[e.type], e.spans[0] if e.spans else (0, 0), e.id))
    out_events = []
    used: set[str] = set()
    for ev, _it in events:
        eid = _event_id(ev, used)
        ev_s, ev_e = ev.evidence_span
        out_events.append(Event(
            id=eid, title=with_account(ev.title, raw[ev_s:ev_e]), type=ev.type, start=ev.start, end=ev.end, date_precision=ev.precision,
            status=ev.status, places=ids.each_once(ev.places), organisers=ids.each_once(ev.organisers),
            supporters=ids.each_once(ev.supporters), participants=ids.each_once(ev.participants),
            projects=ids.each_once(ev.projects), subjects=ids.each_once(ev.subjects), people=ids.each_once(ev.people),
            attendee_count=ev.attendee_count, evidence=raw[ev_s:ev_e], span=(ev_s, ev_e)))
    seen: set[tuple[str, str, str]] = set()
    out_rels = []
    for s, p, o, (a, b) in rels:
        if not ids.known(s) or not ids.known(o):
            continue
        s, o = ids(s), ids(o)
        if s == o or (s, p, o) in seen:
            continue
        seen.add((s, p, o))
        out_rels.append(Relation(s, p, o, raw[a:b], (a, b)))
    return ExtractionRecord(document=document.source.name, entities=tuple(ents), events=tuple(out_events),
                            relations=tuple(out_rels), source=document.source, warnings=document.warnings)


def _event_id(ev: EventDraft, used: set[str]) -> str:
    base = id_slug(ev.title, 40)
    if ev.start and ev.start[:4] not in base:
        base = f"{base}-{ev.start[:4]}"
    eid, n = base, 2
    while eid in used:
        eid = f"{base}-{n}"
        n += 1
    used.add(eid)
    return eid


def _entity(d: EntityDraft, ids: RecordIds, funders: dict[str, list[str]], implementers: dict[str, list[str]],
            home_country: str | None) -> Entity:
    eid = ids(d.id)
    spans = tuple(sorted(set(d.spans)))
    aliases = tuple(x for x in dict.fromkeys(d.aliases) if x != d.name)
    if d.type == "Organisation":
        cat = d.category or "other"
        country = d.country or None
        if country is None and home_country and cat in ("government", "social_partner", "education", "research", "ngo"):
            country = home_country  # a national body of a document set in the gazetteer's country
        return Entity(eid, d.type, d.name, aliases, category=cat, country=country,
                      wikidata=d.wikidata or None, spans=spans)
    if d.type == "Project":
        return Entity(eid, d.type, d.name, aliases, funders=tuple(dict.fromkeys(funders.get(eid, []))),
                      implementers=tuple(dict.fromkeys(implementers.get(eid, []))), spans=spans)
    if d.type == "Person":
        return Entity(eid, d.type, d.name, aliases, affiliation=ids(d.affiliation) if d.affiliation else None,
                      role=d.role or None, spans=spans)
    if d.type == "Convention":
        return Entity(eid, d.type, d.name, aliases, issuer=ids(d.issuer) if d.issuer else None,
                      wikidata=d.wikidata or None, spans=spans)
    if d.type == "Policy":
        return Entity(eid, d.type, d.name, aliases, policy_type=d.policy_type or "other", spans=spans)
    return Entity(eid, d.type, d.name, aliases, place_type=d.place_type or None,
                  parent=ids(d.parent) if d.parent else None, wikidata=d.wikidata or None, spans=spans)


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
