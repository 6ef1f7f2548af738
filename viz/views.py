"""The three network views (actors, bipartite, places) as networkx graphs, and an ego filter.

Why networkx: the views are projections of the RDF graph that need graph algorithms (ego
networks, centrality, communities, layout; see ``layout.py``), and networkx keeps them small and
well tested. Every node and edge carries the attributes the page shows; ids are short and stable
(``a3`` is the fourth actor by IRI), so the same graph always gives the same view.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

import networkx as nx

from coopgraph.errors import InputError
from coopgraph.viz.model import Actor, NetworkModel, Place

VIEWS: tuple[str, ...] = ("actors", "bipartite", "places")


def actor_ids(model: NetworkModel) -> dict[str, str]:
    """Short node id of each actor IRI (``a0``, ``a1``, ... in IRI order)."""
    return {iri: f"a{i}" for i, iri in enumerate(model.actors)}


def event_ids(model: NetworkModel) -> dict[str, str]:
    """Short id of each event IRI."""
    return {iri: f"e{i}" for i, iri in enumerate(model.events)}


def place_ids(model: NetworkModel) -> dict[str, str]:
    """Short id of each place IRI."""
    return {iri: f"p{i}" for i, iri in enumerate(model.places)}


def build_view(model: NetworkModel, view: str, keep: set[str] | None = None) -> nx.Graph[str]:
    """The networkx graph of one view; ``keep`` limits it to those actor IRIs (ego network).

    Raises:
        InputError: ``view`` is not one of VIEWS.
    """
    if view not in VIEWS:
        raise InputError(None, f"unknown view {view!r} (choose one of: {', '.join(VIEWS)})")
    actors = [a for a in model.actors if keep is None or a in keep]
    builder = {"actors": _actors_view, "bipartite": _bipartite_view, "places": _places_view}[view]
    return builder(model, actors)


def _add_actors(g: nx.Graph[str], model: NetworkModel, actors: list[str]) -> None:
    ids = actor_ids(model)
    for iri in actors:
        g.add_node(ids[iri], kind="actor", iri=iri)


def _actors_view(model: NetworkModel, actors: list[str]) -> nx.Graph[str]:
    g: nx.Graph[str] = nx.Graph()
    _add_actors(g, model, actors)
    ids, keep = actor_ids(model), set(actors)
    for c in model.cooperations:
        if c.first in keep and c.second in keep:
            g.add_edge(ids[c.first], ids[c.second], weight=max(c.weight, 1), coop=c.iri)
    return g


def _bipartite_view(model: NetworkModel, actors: list[str]) -> nx.Graph[str]:
    g: nx.Graph[str] = nx.Graph()
    _add_actors(g, model, actors)
    ids, eids, keep = actor_ids(model), event_ids(model), set(actors)
    for iri, event in model.events.items():
        roles: dict[str, list[str]] = defaultdict(list)
        for actor, role in event.roles:
            if actor in keep:
                roles[actor].append(role)
        if not roles:
            continue
        g.add_node(eids[iri], kind="event", iri=iri)
        for actor in sorted(roles):
            g.add_edge(ids[actor], eids[iri], weight=1, roles=tuple(sorted(set(roles[actor]))),
                       events=(iri,))
    return g


#: Place kinds that divide a country at the first level (Mongolia's aimags; regions elsewhere).
FIRST_LEVEL = ("aimag", "region")


def divisions(model: NetworkModel) -> dict[str, str | None]:
    """For each place, the first-level division it lies in (itself if it is one), or None.

    A soum gives its aimag; an aimag itself; a city that lies directly in a country which has
    aimags (Ulaanbaatar, a first-level unit of its own) gives itself, as the capital. A country,
    a city abroad, or a place whose containing aimag the graph does not know gives None.
    """
    divided = {p.parent for p in model.places.values() if p.kind in FIRST_LEVEL}
    found: dict[str, str | None] = {}
    for place in model.places:
        seen: set[str] = set()
        current: str | None = place
        found[place] = None
        while current is not None and current not in seen and current in model.places:
            seen.add(current)
            here = model.places[current]
            if here.kind in FIRST_LEVEL or is_capital(here, divided):
                found[place] = current
                break
            current = here.parent
    return found


def is_capital(place: Place, divided: set[str | None]) -> bool:
    """A city lying directly in one of the ``divided`` countries (those with aimags)."""
    return place.kind == "city" and place.parent is not None and place.parent in divided


def _places_view(model: NetworkModel, actors: list[str]) -> nx.Graph[str]:
    """Actors and the aimags (and the capital) their events took place in.

    Why divisions rather than every place: a coordinator asks "who works in Dornod?"; a soum's
    events count for its aimag (its soums are listed on the node), and study visits abroad or
    events only said to be "in Mongolia" have no aimag to draw, so they are left out and counted.
    """
    g: nx.Graph[str] = nx.Graph()
    ids, pids, keep = actor_ids(model), place_ids(model), set(actors)
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    held: dict[str, set[str]] = defaultdict(set)
    within: dict[str, set[str]] = defaultdict(set)
    elsewhere: set[str] = set()
    division_of = divisions(model)
    divided = {p.parent for p in model.places.values() if p.kind in FIRST_LEVEL}
    for iri, event in model.events.items():
        mine = [a for a, _role in event.roles if a in keep]
        if not mine or not event.places:
            continue
        mapped = {place: division_of[place] for place in event.places}
        elsewhere.update(iri for d in mapped.values() if d is None)
        for place, division in mapped.items():
            if division is None:
                continue
            held[division].add(iri)
            if place != division:
                within[division].add(model.places[place].name)
            for actor in mine:
                links[(actor, division)].add(iri)
    _add_actors(g, model, sorted({a for a, _ in links}))
    for place in sorted(held):
        g.add_node(pids[place], kind="place", iri=place, events=tuple(sorted(held[place])),
                   within=tuple(sorted(within[place])),
                   group="capital" if is_capital(model.places[place], divided) else None)
    for (actor, place), events in sorted(links.items()):
        g.add_edge(ids[actor], pids[place], weight=len(events), events=tuple(sorted(events)))
    g.graph["elsewhere"] = len(elsewhere - {e for es in held.values() for e in es})
    return g


def find_actor(model: NetworkModel, name: str) -> Actor:
    """The actor called ``name`` (its name, acronym, another name or its IRI; any case).

    Raises:
        InputError: no actor has that name (the message suggests close ones).
    """
    wanted = name.strip().casefold()
    for pick in (_by_name, _by_acronym, _by_alias):
        hits = [a for a in model.actors.values() if wanted in pick(a)]
        if hits:
            return hits[0]
    names = sorted({a.name for a in model.actors.values()}
                   | {a.acronym for a in model.actors.values() if a.acronym})
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else \
        "; list the actors with: coopgraph query organisations-by-category"
    raise InputError(None, f"no actor named {name!r} in the graph{hint}")


def _by_name(a: Actor) -> set[str]:
    return {a.name.casefold(), a.iri.casefold()}


def _by_acronym(a: Actor) -> set[str]:
    return {a.acronym.casefold()} if a.acronym else set()


def _by_alias(a: Actor) -> set[str]:
    return {x.casefold() for x in a.aliases}


def ego_actors(model: NetworkModel, focus: str, depth: int) -> set[str]:
    """IRIs of the actors within ``depth`` cooperation steps of the actor named ``focus``.

    Raises:
        InputError: no actor has that name, or ``depth`` is negative.
    """
    if depth < 0:
        raise InputError(None, f"--depth must be 0 or more, not {depth}")
    centre = find_actor(model, focus)
    projection = _actors_view(model, list(model.actors))
    ids = actor_ids(model)
    reach = nx.single_source_shortest_path_length(projection, ids[centre.iri], cutoff=depth)
    return {iri for iri in model.actors if ids[iri] in reach}


def most_connected_actors(model: NetworkModel, limit: int) -> set[str]:
    """IRIs of the ``limit`` actors with the most cooperation links (ties: by IRI).

    Why: a page of every actor of a 10,000-document corpus weighs hundreds of megabytes and no
    browser draws it; the best-connected actors are the overview a coordinator starts from.
    """
    degree: dict[str, int] = dict.fromkeys(model.actors, 0)
    for c in model.cooperations:
        for iri in (c.first, c.second):
            if iri in degree:
                degree[iri] += 1
    ranked = sorted(degree, key=lambda iri: (-degree[iri], iri))
    return set(ranked[:limit])
