"""The network page without a browser: content, escaping, self-containment, determinism, views.

Uses the hand-written graph of tests/viz_graphs.py (see its docstring); the bundled corpus is
checked in tests/test_viz_corpus.py and the page's behaviour in tests/test_viz_browser.py.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from coopgraph.errors import InputError
from coopgraph.graph.serialization import parse_dataset, to_trig
from coopgraph.viz import build_network, write_network
from coopgraph.viz.page import json_for_script
from viz_graphs import CG, XSS_IMG, XSS_QUOTE, XSS_SCRIPT, small_dataset

URL = re.compile(r"https?://[^\s\"'<>\\)]+")


def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="cg-data">(.*?)</script>', html, re.S)
    assert block, "no data block"
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("viz") / "network.html"
    write_network(small_dataset(), path, build_date="2025-01-31")
    return path.read_text(encoding="utf-8")


def test_page_loads_nothing_from_a_url(page: str) -> None:
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", page, re.I)
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?(https?:|//)", page)
    graph_iris = {str(t) for triple in small_dataset().quads() for t in triple[:3]
                  if isinstance(t, URIRef)}
    library_text = set(URL.findall(vis_js()))  # licence headers and the SVG namespace, not fetched
    unexplained = set(URL.findall(page)) - graph_iris - library_text
    assert unexplained == set()
    for cdn in ("bootstrap.min", "jsdelivr", "cdnjs", "unpkg"):  # what pyvis's template links
        assert cdn not in page.lower()


def test_page_has_title_date_counts_and_sources(page: str) -> None:
    assert "<title>coopgraph cooperation network</title>" in page
    assert "built 2025-01-31 · 5 actors · 4 cooperation links" in page
    assert "<li>sample.txt — A sample &lt;news&gt; page</li>" in page


def vis_js() -> str:
    return files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js").read_text()


def test_hostile_text_is_escaped_and_kept_as_data(page: str) -> None:
    ours = page.replace(vis_js(), "")
    assert len(ours) < len(page) - 400_000  # vis-network is inlined verbatim
    for raw in (XSS_IMG, XSS_SCRIPT, "<b>", "\u2028"):
        assert raw not in ours
    assert page.lower().count("</script>") == 3  # data, vis-network, ours
    assert page.lower().count("</style>") == 2  # vis-network's, ours
    data = page_data(page)
    names = {n["name"] for n in data["nodes"]}
    assert XSS_IMG in names
    evil = next(n for n in data["nodes"] if n["name"] == XSS_IMG)
    assert ["Also called", XSS_SCRIPT] in evil["details"]
    quotes = {data["quotes"][q][0] for e in data["events"].values() for q in e["evidence"]}
    assert XSS_QUOTE in quotes


def test_json_for_script_escapes_markup_characters() -> None:
    text = json_for_script({"k": "</script><!-- & \u2028\u2029"})
    assert text == '{"k":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}'
    assert json.loads(text) == {"k": "</script><!-- & \u2028\u2029"}


def test_actors_view_nodes_edges_and_panel_data(page: str) -> None:
    data = page_data(page)
    by_name = {n["name"]: n for n in data["nodes"]}
    assert set(by_name) == {"Ministry of Testing", "International Test Agency",
                            "Federation of Test Unions", XSS_IMG, "Better Tests Project"}
    assert by_name["Ministry of Testing"]["label"] == "MOT"  # the acronym
    assert by_name["Federation of Test Unions"]["label"] == "Federation of Test Unions"
    assert by_name["Better Tests Project"]["group"] == "project"
    assert by_name["International Test Agency"]["group"] == "international"
    assert ["Same as", "http://www.wikidata.org/entity/Q54129"] in \
        by_name["International Test Agency"]["details"]
    assert ["fundedBy", "International Test Agency"] in by_name["Better Tests Project"]["details"]
    mot, ita = by_name["Ministry of Testing"]["id"], by_name["International Test Agency"]["id"]
    edge = next(e for e in data["edges"] if {e["from"], e["to"]} == {mot, ita})
    assert edge["weight"] == 2 and edge["years"] == "2021–2022"
    assert [data["quotes"][q] for q in edge["evidence"]] == [
        ["The ministry and ITA signed a memorandum.", "sample.txt"]]
    titles = sorted(data["events"][k]["title"] for k in edge["events"])
    assert titles == ["Meeting " + XSS_SCRIPT, "Training on test inspection"]
    training = next(data["events"][k] for k in edge["events"]
                    if data["events"][k]["title"].startswith("Training"))
    assert training["date"] == "2021-05-10" and training["status"] == "completed"
    assert ["Ministry of Testing", "organiser", mot] in training["roles"]
    assert training["places"][0][0] == "Bridge soum"
    supports = next(e for e in data["edges"] if e["relations"])
    assert supports["relations"] == ["supports"]


def test_same_graph_gives_same_bytes_even_after_a_trig_round_trip(tmp_path: Path) -> None:
    ds = small_dataset()
    # rdflib's Turtle parser rejects a raw U+2028 in a string, which its writer emits: drop it
    for s, p, o, g in list(ds.quads((None, None, Literal(XSS_QUOTE), None))):
        ds.remove((s, p, o, g))
        ds.graph(g).add((s, p, Literal(XSS_QUOTE.replace("\u2028", " "))))
    first = write_network(ds, tmp_path / "a.html").read_bytes()
    again = write_network(ds, tmp_path / "b.html").read_bytes()
    reparsed = write_network(parse_dataset(to_trig(ds), "trig"), tmp_path / "c.html").read_bytes()
    assert first == again == reparsed
    assert b"built " not in first  # no date unless one is passed


def test_bipartite_view_has_events_coloured_by_type_and_status() -> None:
    net = build_network(small_dataset(), view="bipartite")
    kinds = [n["kind"] for n in net.payload["nodes"]]
    assert kinds.count("actor") == 5 and kinds.count("event") == 4
    assert net.edge_count == 9  # one edge per actor and event it had a role in
    forum = next(n for n in net.payload["nodes"] if n["name"] == "Planned forum on tests")
    assert (forum["group"], forum["status"]) == ("forum", "planned")
    assert net.counts == {"actors": 5, "events": 4, "roles": 9}


def test_places_view_links_actors_to_the_aimags_and_the_capital_of_their_events() -> None:
    net = build_network(small_dataset(), view="places")
    nodes = {n["id"]: n for n in net.payload["nodes"]}
    places = {n["name"]: n for n in nodes.values() if n["kind"] == "place"}
    # the soum folds into its aimag; the country abroad and Testland itself are not drawn
    assert {name: n["group"] for name, n in places.items()} == {
        "North aimag": "aimag", "Capital City": "capital"}
    near_north = {nodes[e["from"]]["name"] for e in net.payload["edges"]
                  if e["to"] == places["North aimag"]["id"]}
    assert near_north == {"Ministry of Testing", "International Test Agency",
                          "Federation of Test Unions"}
    north = places["North aimag"]
    assert ["Includes events in", "Bridge soum"] in north["details"]
    assert [net.payload["events"][e]["title"] for e, _ in north["events"]] == [
        "Training on test inspection"]
    assert net.counts == {"actors": 5, "places (aimags and the capital)": 2,
                          "actor–place links": 7,
                          "events abroad or without an aimag left out": 1}


def test_focus_gives_the_ego_network() -> None:
    one = build_network(small_dataset(), focus="ita", depth=1)
    assert {n["name"] for n in one.payload["nodes"]} == {
        "International Test Agency", "Ministry of Testing", XSS_IMG}
    assert one.edge_count == 2
    two = build_network(small_dataset(), focus="International Test Agency", depth=2)
    assert two.node_count == 5 and two.edge_count == 4
    zero = build_network(small_dataset(), focus="Federation of Test Unions", depth=0)
    assert zero.node_count == 1 and zero.edge_count == 0


def test_focus_on_an_unknown_actor_suggests_close_names() -> None:
    with pytest.raises(InputError) as err:
        build_network(small_dataset(), focus="Ministry of Tests")
    assert str(err.value) == ("no actor named 'Ministry of Tests' in the graph; "
                              "did you mean: Ministry of Testing?")


def test_unknown_view_and_empty_graph_are_input_errors() -> None:
    with pytest.raises(InputError, match=r"unknown view 'map' \(choose one of: actors, "
                                         r"bipartite, places\)"):
        build_network(small_dataset(), view="map")
    empty = small_dataset()
    for cls in (CG.Actor, CG.Organisation, CG.Project):
        for s, p, o, g in list(empty.quads((None, None, cls, None))):
            empty.remove((s, p, o, g))
    with pytest.raises(InputError, match="the graph has no actor"):
        build_network(empty)


def test_communities_and_centrality_are_computed() -> None:
    nodes = {n["name"]: n for n in build_network(small_dataset()).payload["nodes"]}
    assert nodes["Ministry of Testing"]["centrality"] == 0.75  # linked to 3 of 4 others
    assert nodes["Ministry of Testing"]["community"] >= 0
    groups = {n["community"] for n in nodes.values()}
    assert len(groups - {-1}) >= 1


def test_each_quote_is_written_once_and_referenced_by_index(page: str) -> None:
    data = page_data(page)
    assert len({tuple(q) for q in data["quotes"]}) == len(data["quotes"]) > 0
    refs = [q for e in data["edges"] for q in e["evidence"]]
    refs += [q for e in data["events"].values() for q in e["evidence"]]
    assert all(isinstance(q, int) and 0 <= q < len(data["quotes"]) for q in refs)
    assert set(refs) == set(range(len(data["quotes"])))  # no quote is written but unused


def test_labels_are_acronyms_even_from_aliases_and_search_knows_every_form() -> None:
    from viz_graphs import alias_dataset
    nodes = {n["name"]: n for n in build_network(alias_dataset()).payload["nodes"]}
    monef = nodes["Mongolian Employers' Federation"]
    assert monef["label"] == "MONEF"  # an alias, not cg:acronym: still the label
    assert ["Acronym", "MONEF"] in monef["details"]  # the panel shows it beside the full name
    assert monef["search"] == ["Mongolian Employers' Federation", "MONEF",
                               "Mongolian Employer's Federation"]
    ministry = nodes["Ministry of Labour and Social Protection"]
    assert ministry["label"] == "MoLSP" and "MLSP" in ministry["search"]
    assert nodes["Federation of Test Unions"]["search"] == ["Federation of Test Unions"]


def test_truncated_labels_of_different_actors_stay_distinct() -> None:
    from viz_graphs import DORNOD, ZAVKHAN, alias_dataset
    nodes = {n["name"]: n for n in build_network(alias_dataset()).payload["nodes"]}
    dornod, zavkhan = nodes[DORNOD]["label"], nodes[ZAVKHAN]["label"]
    assert dornod != zavkhan
    assert len(dornod) <= 32 and len(zavkhan) <= 32
    assert dornod.startswith("Labour and") and dornod.endswith("Dornod aimag")
    labels = [n["label"] for n in nodes.values()]
    assert len(labels) == len(set(labels))


def test_labels_that_stay_the_same_when_cut_get_a_number() -> None:
    from coopgraph.viz.payload import distinct_labels
    nodes = [{"label": "Bulgan", "name": "Bulgan"}, {"label": "Bulgan", "name": "Bulgan"},
             {"label": "ITA", "name": "International Test Agency"}]
    distinct_labels(nodes)
    assert [n["label"] for n in nodes] == ["Bulgan", "Bulgan (2)", "ITA"]


def test_the_stress_layout_draws_graph_distances() -> None:
    """Issue 15 (weight): the small-graph layout is ours in numpy, not Kamada-Kawai on scipy."""
    import math

    import networkx as nx

    from coopgraph.viz.layout import layout

    path = nx.path_graph([f"a{i}" for i in range(6)])  # a0 - a1 - ... - a5
    island = [("a6", "a7")]  # another component
    g: nx.Graph[str] = nx.Graph()
    g.add_edges_from(path.edges, weight=1)
    g.add_edges_from(island, weight=1)
    pos = layout(g)
    assert pos == layout(g)  # deterministic
    def gap(u: str, v: str) -> float:
        return math.dist(pos[u], pos[v])
    steps = [gap("a0", f"a{i}") for i in range(1, 6)]
    assert steps == sorted(steps)  # farther along the path, farther on the page
    assert 4.0 < steps[-1] / steps[0] < 6.0  # five steps drawn about five times one step
    assert gap("a6", "a7") < min(gap("a6", f"a{i}") for i in range(6))  # the island keeps together


def test_drawing_the_page_imports_neither_scipy_nor_the_ipython_stack(tmp_path: Path) -> None:
    """pyvis is kept for its vis-network files only: the page never imports it, nor what it
    pulls in (IPython, jinja2); scipy is no longer needed at all (issue 15, item 9)."""
    import subprocess
    import sys
    code = ("import sys; sys.path.insert(0, 'tests'); from viz_graphs import small_dataset;"
            "from coopgraph.viz import write_network;"
            f"write_network(small_dataset(), __import__('pathlib').Path({str(tmp_path)!r}) /"
            " 'n.html'); print(sorted(m for m in ('scipy', 'pyvis', 'IPython', 'jinja2',"
            " 'jedi') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "n.html").stat().st_size > 100_000  # vis-network inlined all the same
