"""The JSON data the page's script draws: nodes, edges and events of one view.

Why a separate step: the view (networkx) knows structure, the model knows text; this module joins
them into plain lists and maps in a fixed order. All document text stays data here; escaping
happens once, where the JSON is put into the HTML (``page.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from coopgraph.names import is_short_form, name_key
from coopgraph.viz.layout import Placement
from coopgraph.viz.model import Actor, Cooperation, Event, Evidence, NetworkModel
from coopgraph.viz.views import actor_ids, event_ids, place_ids

JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]
JSONObject = dict[str, JSONValue]

#: Longest node label drawn on the canvas; the full name is in the tooltip and panel.
LABEL_LIMIT = 32


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def middle(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` cut in the middle: its start and its end, which tell apart names sharing a start
    ('Labour and Social Welfare Servi…' twice becomes '… of Khovd' and '… of Uvs')."""
    if len(text) <= limit:
        return text
    tail = limit // 2
    return text[: limit - tail - 1].rstrip() + "…" + text[-tail:].lstrip()


def page_acronym(actor: Actor) -> str | None:
    """The short form the page labels ``actor`` with: its acronym, else an alias that is one.

    Why a looser rule than the graph's: ``cg:acronym`` keeps only forms whose letters follow the
    name's initials, so 'MONEF' (Mongolian Employers' Federation) is an alias there; on the page
    any one-word upper-case alias starting with the name's first letter is a fine label.
    """
    if actor.acronym:
        return actor.acronym
    words = name_key(actor.name).split()
    if not words:
        return None
    fits = [a for a in actor.aliases if is_short_form(a) and not a.startswith("#")
            and len(a) <= 12 and a[0].casefold() == words[0][0]]
    return min(fits, key=lambda a: (len(a), a)) if fits else None


def distinct_labels(nodes: list[JSONObject]) -> None:
    """Give nodes whose labels collide labels that differ, in place (``label`` and ``name``).

    A shared label is replaced by the name cut in the middle (start and end kept); labels still
    shared, as for two places both called Bulgan, get a number: 'Bulgan', 'Bulgan (2)'.
    """
    def clashes() -> dict[str, list[JSONObject]]:
        seen: dict[str, list[JSONObject]] = defaultdict(list)
        for n in nodes:
            seen[str(n["label"])].append(n)
        return {k: v for k, v in seen.items() if len(v) > 1}

    for group in clashes().values():
        for n in group:
            n["label"] = middle(str(n["name"]))
    taken = {str(n["label"]) for n in nodes}
    for label, group in clashes().items():
        for i, n in enumerate(group[1:], start=2):
            while f"{label} ({i})" in taken:
                i += 1
            n["label"] = f"{label} ({i})"
            taken.add(str(n["label"]))


def event_date(event: Event) -> str:
    """Start (and end) date as written in the graph, or empty when unknown."""
    if event.start and event.end and event.end != event.start:
        return f"{event.start} – {event.end}"
    return event.start or ""


@dataclass
class _Index:
    """Lookups built once per page so that large graphs stay linear."""

    model: NetworkModel
    eids: dict[str, str]
    aids: dict[str, str]
    pids: dict[str, str]
    names: dict[str, str]
    by_actor: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    by_place: dict[str, list[str]] = field(default_factory=dict)
    coops: dict[str, Cooperation] = field(default_factory=dict)
    stated: dict[str, list[JSONValue]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    #: Each distinct (quote, document) once; evidence lists hold indexes into it.
    quotes: dict[tuple[str, str], int] = field(default_factory=dict)


def _index(model: NetworkModel) -> _Index:
    idx = _Index(model=model, eids=event_ids(model), aids=actor_ids(model),
                 pids=place_ids(model), names={a.iri: a.name for a in model.actors.values()},
                 coops={c.iri: c for c in model.cooperations})
    by_actor: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_place: dict[str, list[str]] = defaultdict(list)
    for e in model.events.values():
        for who, role in e.roles:
            by_actor[who].append((e.iri, role))
        for place in e.places:
            by_place[place].append(e.iri)
    idx.by_actor, idx.by_place = dict(by_actor), dict(by_place)
    stated: dict[str, list[JSONValue]] = defaultdict(list)
    for r in model.relations:
        stated[r.subject].append([r.predicate, idx.names.get(r.object, r.object)])
    for r in model.relations:
        stated[r.object].append([f"{r.predicate} (by)", idx.names.get(r.subject, r.subject)])
    idx.stated = dict(stated)
    return idx


def make_payload(model: NetworkModel, g: nx.Graph[str], placement: Placement) -> JSONObject:
    """Nodes, edges and the events they refer to, ready for ``json.dumps``."""
    idx = _index(model)
    nodes = [_node(idx, g, node, placement) for node in sorted(g.nodes, key=_order)]
    distinct_labels(nodes)
    edges = [_edge(idx, g, u, v, i) for i, (u, v) in enumerate(_edge_order(g))]
    events: JSONObject = {idx.eids[iri]: _event(idx, iri)
                          for iri in model.events if iri in idx.used}
    quotes: list[JSONValue] = [[q, doc] for q, doc in idx.quotes]
    return {"nodes": list(nodes), "edges": list(edges), "events": events, "quotes": quotes}


def _order(node: str) -> tuple[str, int]:
    return node[0], int(node[1:])


def _edge_order(g: nx.Graph[str]) -> list[tuple[str, str]]:
    pairs = [(u, v) if _order(u) <= _order(v) else (v, u) for u, v in g.edges]
    return sorted(pairs, key=lambda p: (_order(p[0]), _order(p[1])))


def _node(idx: _Index, g: nx.Graph[str], node: str, placement: Placement) -> JSONObject:
    data = g.nodes[node]
    x, y = placement.positions[node]
    base: JSONObject = {"id": node, "kind": data["kind"], "x": x, "y": y,
                        "centrality": placement.centrality[node],
                        "community": placement.communities[node], "degree": g.degree[node]}
    if data["kind"] == "place":
        base.update(_place_fields(idx, data))
    else:
        kind_fields = {"actor": _actor_fields, "event": _event_fields}
        base.update(kind_fields[data["kind"]](idx, data["iri"]))
    return base


def _actor_fields(idx: _Index, iri: str) -> JSONObject:
    model, a = idx.model, idx.model.actors[iri]
    mine = sorted((model.events[e].year or 0, idx.eids[e], role)
                  for e, role in idx.by_actor.get(iri, ()))
    idx.used.update(e for e, _ in idx.by_actor.get(iri, ()))
    details: list[JSONValue] = [["Name", a.name]]
    details += [[k, v] for k, v in (("Acronym", a.acronym), ("Country", a.country)) if v]
    if a.aliases:
        details.append(["Also called", "; ".join(a.aliases)])
    details += [["Same as", s] for s in a.same_as]
    details += idx.stated.get(iri, [])
    details.append(["IRI", iri])
    acronym = page_acronym(a)
    if acronym and not a.acronym:
        details.insert(1, ["Acronym", acronym])
    return {"label": short(acronym or a.name), "name": a.name, "group": a.category,
            "search": _forms(a.name, acronym, *a.aliases),
            "events": [[e, role] for _, e, role in mine], "details": details}


def _forms(*names: str | None) -> list[JSONValue]:
    """The names, acronym and aliases search matches, each once."""
    return list(dict.fromkeys(n for n in names if n))


def _event_fields(idx: _Index, iri: str) -> JSONObject:
    e = idx.model.events[iri]
    idx.used.add(iri)
    return {"label": short(e.title, 24), "name": e.title, "group": e.type, "status": e.status,
            "events": [[idx.eids[iri], "event"]], "details": [["IRI", iri]]}


def _place_fields(idx: _Index, data: dict[str, object]) -> JSONObject:
    """A place node: its own events, or those the view gathered (an aimag's include its soums)."""
    iri = str(data["iri"])
    p = idx.model.places[iri]
    gathered = data.get("events")
    here = list(gathered) if isinstance(gathered, tuple) else idx.by_place.get(iri, [])
    idx.used.update(here)
    kind = str(data.get("group") or p.kind)
    details: list[JSONValue] = [["Name", p.name], ["Kind", kind]]
    within = data.get("within")
    if isinstance(within, tuple) and within:
        details.append(["Includes events in", "; ".join(str(w) for w in within)])
    details.append(["IRI", iri])
    return {"label": short(p.name), "name": p.name, "group": kind, "search": [p.name],
            "events": [[idx.eids[e], "place"] for e in sorted(here, key=_by_date(idx))],
            "details": details}


def _by_date(idx: _Index) -> Callable[[str], tuple[str, str]]:
    """Sort key of event IRIs: by start date (undated last), then IRI."""
    return lambda e: (idx.model.events[e].start or "9999", e)


def _evidence(idx: _Index, items: tuple[Evidence, ...]) -> list[JSONValue]:
    """Indexes into the page's quote table.

    Why not the quotes themselves: an event with four actors gives six cooperation links, each
    carrying the same sentence; written once, the page at 1,000 documents shrank by about half.
    """
    out: list[JSONValue] = []
    for ev in items:
        key = (ev.quote, ev.document)
        number = idx.quotes.get(key)
        if number is None:
            number = idx.quotes[key] = len(idx.quotes)
        out.append(number)
    return out


def _edge(idx: _Index, g: nx.Graph[str], u: str, v: str, index: int) -> JSONObject:
    data = g.edges[u, v]
    coop = idx.coops.get(data.get("coop", ""))
    events = [e for e in (coop.events if coop else data.get("events", ())) if e in idx.eids]
    idx.used.update(events)
    edge: JSONObject = {
        "id": f"c{index}", "from": u, "to": v, "weight": int(data["weight"]),
        "events": [idx.eids[e] for e in events],
        "roles": list(data.get("roles", ())),
        "relations": list(coop.relations) if coop else [],
        "evidence": _evidence(idx, coop.evidence) if coop else [],
    }
    if coop and coop.first_year is not None:
        last = coop.last_year if coop.last_year is not None else coop.first_year
        edge["years"] = f"{coop.first_year}" if last == coop.first_year \
            else f"{coop.first_year}–{last}"
    return edge


def _event(idx: _Index, iri: str) -> JSONObject:
    e = idx.model.events[iri]
    roles: dict[str, list[str]] = defaultdict(list)
    for who, role in e.roles:
        roles[who].append(role)
    return {
        "title": e.title, "type": e.type, "status": e.status, "date": event_date(e),
        "start": e.start, "end": e.end, "year": e.year,
        "roles": [[idx.names.get(w, w), ", ".join(r), idx.aids.get(w)]
                  for w, r in sorted(roles.items())],
        "places": [[idx.model.places[p].name, idx.pids[p]] for p in e.places
                   if p in idx.model.places],
        "evidence": _evidence(idx, e.evidence),
    }
