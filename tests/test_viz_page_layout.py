"""How the network page looks in headless Chromium: the first view, labels, colours, timeline.

Issue 15 (a newcomer's first hour): nodes were clipped at the edges, labels piled up in the
centre, the bipartite view repeated colours, the places view drew countries, and nothing showed
an actor's events in time. Geometry is read from vis-network itself (each node's bounding box
and label box, turned into page pixels), not from our own label rule, so these tests check
what is drawn. Runs on the bundled corpus (the real pipeline) and the hand-made small graph.
Skips with the install command when Chromium is missing (fails under COOPGRAPH_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset

from browser import chromium, open_page
from coopgraph.extraction import extract
from coopgraph.graph import build_graph
from coopgraph.viz import write_network
from viz_graphs import small_dataset

#: Drives headless Chromium: part of the full run (.ci/run), not of the fast loop (issue 16).
pytestmark = pytest.mark.slow

#: Boxes in page pixels of every visible node (shape) and every drawn label, from vis-network.
GEOMETRY = """
var c = window.coopgraph, n = c.network, out = {nodes: [], labels: []};
var r = document.getElementById('cg-network').getBoundingClientRect();
var side = document.getElementById('cg-side').getBoundingClientRect();
function box(left, top, right, bottom) {
  var a = n.canvasToDOM({x: left, y: top}), b = n.canvasToDOM({x: right, y: bottom});
  return [a.x + r.left, a.y + r.top, b.x + r.left, b.y + r.top];
}
c.data.nodes.forEach(function (d) {
  var node = n.body.nodes[d.id];
  if (!node || !c.visible.nodes[d.id]) return;
  var s = node.options.size;
  out.nodes.push({id: d.id, label: d.label, size: s, box: box(d.x - s, d.y - s, d.x + s, d.y + s)});
  if (c.nodes.get(d.id).label) {
    var l = node.labelModule.size, v = node.options.font.vadjust || 0;  // drawn shifted by vadjust
    out.labels.push({id: d.id, text: d.label,
                     box: box(l.left, l.top + v, l.left + l.width, l.top + l.height + v)});
  }
});
out.area = [r.left, r.top, r.right, r.bottom];
out.side = [side.left, side.top, side.right, side.bottom];
return out;
"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(box: list[float], area: list[float]) -> bool:
    return box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2] and box[3] <= area[3]


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a #rrggbb colour."""
    def linear(c: float) -> float:
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92
    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (r * .4124 + g * .3576 + b * .1805) / .95047
    y = r * .2126 + g * .7152 + b * .0722
    z = (r * .0193 + g * .1192 + b * .9505) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def closest_pair(colours: dict[str, str]) -> tuple[float, str, str]:
    return min((math.dist(lab(a), lab(b)), ka, kb)
               for (ka, a), (kb, b) in itertools.combinations(colours.items(), 2))


def rgb_hex(css: str) -> str:
    """'rgb(31, 119, 180)' → '#1f77b4'."""
    parts = css[css.index("(") + 1:css.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(p):02x}" for p in parts)


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    with chromium() as d:
        yield d


@pytest.fixture(scope="module")
def corpus() -> Dataset:
    return build_graph(extract())


@pytest.fixture(scope="module")
def pages(corpus: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("views")
    return {view: write_network(corpus, folder / f"{view}.html", view=view)
            for view in ("actors", "bipartite", "places")}


@pytest.mark.parametrize("view", ["actors", "bipartite", "places"])
@pytest.mark.parametrize("size", [(1400, 900), (1024, 640)])
def test_the_first_view_shows_every_node_and_label_inside_the_drawing(
        driver, pages: dict[str, Path], view: str, size: tuple[int, int]) -> None:
    driver.set_window_size(*size)
    open_page(driver, pages[view])
    g = driver.execute_script(GEOMETRY)
    assert g["area"][2] <= g["side"][0] + 0.5  # the drawing ends where the side panel starts
    clipped = [(n["label"], n["box"]) for n in g["nodes"] if not inside(n["box"], g["area"])]
    assert clipped == []
    cut = [(lb["text"], lb["box"]) for lb in g["labels"] if not inside(lb["box"], g["area"])]
    assert cut == []
    width = max(n["box"][2] for n in g["nodes"]) - min(n["box"][0] for n in g["nodes"])
    height = max(n["box"][3] for n in g["nodes"]) - min(n["box"][1] for n in g["nodes"])
    area_w, area_h = g["area"][2] - g["area"][0], g["area"][3] - g["area"][1]
    assert width > 0.5 * area_w or height > 0.7 * area_h  # fitted, not a speck in the middle


@pytest.mark.parametrize("view", ["actors", "bipartite", "places"])
def test_drawn_labels_never_overlap_and_zooming_in_shows_more(driver, pages: dict[str, Path],
                                                               view: str) -> None:
    driver.set_window_size(1400, 900)
    open_page(driver, pages[view])
    first = driver.execute_script(GEOMETRY)
    clashes = [(a["text"], b["text"]) for a, b in
               itertools.combinations(first["labels"], 2) if overlap(a["box"], b["box"])]
    assert clashes == []
    largest = max(first["nodes"], key=lambda n: n["size"])
    assert largest["id"] in {lb["id"] for lb in first["labels"]}
    assert 0 < len(first["labels"]) < len(first["nodes"])  # not all: the centre is dense
    shown_before = {lb["id"] for lb in first["labels"]}
    bare = max((n for n in first["nodes"] if n["id"] not in shown_before),
               key=lambda n: n["size"])
    driver.execute_script("var c = window.coopgraph, n = c.network, id = arguments[0];"
                          "var d = c.data.nodes.filter(function (d) { return d.id === id; })[0];"
                          "n.moveTo({position: {x: d.x, y: d.y}, scale: n.getScale() * 4,"
                          " animation: false}); c.relabel();", bare["id"])
    zoomed = driver.execute_script(GEOMETRY)
    in_view = [lb for lb in zoomed["labels"] if inside(lb["box"], zoomed["area"])]
    assert [(a["text"], b["text"]) for a, b in itertools.combinations(in_view, 2)
            if overlap(a["box"], b["box"])] == []
    # zoomed in on a node that had no label, labels that had no room before are drawn
    assert {lb["id"] for lb in in_view} - shown_before


def test_hovering_a_node_without_a_label_shows_it(driver, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    driver.set_window_size(1400, 900)
    open_page(driver, pages["actors"])
    g = driver.execute_script(GEOMETRY)
    labelled = {lb["id"] for lb in g["labels"]}
    bare = [n for n in g["nodes"] if n["id"] not in labelled]
    target = max(bare, key=lambda n: n["size"])
    canvas = driver.find_element("css selector", "#cg-network canvas")
    rect = canvas.rect
    x = (target["box"][0] + target["box"][2]) / 2 - rect["x"] - rect["width"] / 2
    y = (target["box"][1] + target["box"][3]) / 2 - rect["y"] - rect["height"] / 2
    ActionChains(driver).move_to_element_with_offset(canvas, int(x), int(y)).perform()
    label = ""
    for _ in range(20):  # vis-network reports the hover on its next frame
        label = driver.execute_script("return window.coopgraph.nodes.get(arguments[0]).label",
                                      target["id"])
        if label:
            break
        time.sleep(0.1)
    assert label == target["label"]
    # away, to the drawing's empty top-left corner (still on the canvas, so vis sees the move)
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(-rect["width"] / 2 + 3), int(-rect["height"] / 2 + 3)).perform()
    time.sleep(0.3)
    assert driver.execute_script("return window.coopgraph.nodes.get(arguments[0]).label",
                                 target["id"]) == ""


def legend_colours(driver) -> dict[str, str]:
    return {item.text: rgb_hex(item.find_element("css selector", ".cg-swatch")
                               .value_of_css_property("background-color"))
            for item in driver.find_elements("css selector", "#cg-legend .cg-legend-item")}


@pytest.mark.parametrize("view", ["actors", "bipartite", "places"])
def test_every_legend_colour_is_distinct(driver, pages: dict[str, Path], view: str) -> None:
    from selenium.webdriver.support.ui import Select
    open_page(driver, pages[view])
    for colour_by in ("group", "community"):
        Select(driver.find_element("id", "cg-colour-by")).select_by_value(colour_by)
        colours = legend_colours(driver)
        assert len(colours) >= 3
        distance, a, b = closest_pair(colours)
        assert distance >= 20, f"{a} and {b} look alike ({colours[a]}, {colours[b]})"
    if view == "bipartite":
        Select(driver.find_element("id", "cg-colour-by")).select_by_value("group")
        kinds = [row.get_attribute("data-kind") for row in
                 driver.find_elements("css selector", "#cg-legend .cg-legend-row")]
        assert kinds == ["actor", "event"]


def test_all_colours_of_the_vocabulary_are_distinct(driver, pages: dict[str, Path]) -> None:
    open_page(driver, pages["actors"])
    palette = driver.execute_script("return window.coopgraph.colours")
    colours = {f"category {k}": v for k, v in palette["category"].items()}
    colours.update({f"event {k}": v for k, v in palette["type"].items()})
    colours.update({f"place {k}": palette["place"][k] for k in ("aimag", "capital")})
    # every event type of the vocabulary (ontology/schemes.ttl) has its own colour
    from rdflib import Graph
    from rdflib.namespace import SKOS
    from coopgraph._resources import package_root
    schemes = Graph().parse(package_root("coopgraph.ontology") / "schemes.ttl")
    types = {str(c).rsplit("event-", 1)[1] for c in schemes.subjects(
        SKOS.inScheme, None) if "/event-" in str(c) and not str(c).endswith("event-type")}
    assert types == set(palette["type"])
    distance, a, b = closest_pair(colours)
    assert len(colours) == 27 and distance >= 20, (a, b, distance)
    communities = {str(i): c for i, c in enumerate(palette["community"])}
    assert closest_pair(communities)[0] >= 20


def test_the_places_view_draws_aimags_and_the_capital(driver, pages: dict[str, Path]) -> None:
    open_page(driver, pages["places"])
    places = driver.execute_script(
        "return window.coopgraph.data.nodes.filter(function (n) { return n.kind === 'place'; })"
        ".map(function (n) { return [n.name, n.group]; })")
    assert ["Ulaanbaatar", "capital"] in places and ["Dornod", "aimag"] in places
    assert {group for _, group in places} == {"aimag", "capital"}
    legend = driver.find_element("css selector", "#cg-legend [data-kind=place]").text
    assert legend.split() == ["Places", "aimag", "capital"]
    assert "events abroad or without an aimag left out" in \
        driver.find_element("id", "cg-subtitle").text


def timeline_marks(driver) -> list[dict]:
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#cg-timeline svg a'),"
        " function (a) { var r = a.querySelector('rect'); return {event: a.getAttribute("
        "'data-event'), type: a.getAttribute('data-type'), fill: r.getAttribute('fill'),"
        " x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width'))}; })")


def test_the_timeline_shows_an_actors_events_by_date_and_type_linked_to_evidence(
        driver, pages: dict[str, Path]) -> None:
    driver.set_window_size(1400, 900)
    open_page(driver, pages["actors"])
    assert driver.find_element("id", "cg-timeline").text == \
        "Select an actor, project, place or link to see its events on a time axis."
    driver.find_element("id", "cg-search").send_keys("GASI\n")
    data = driver.execute_script(
        "var c = window.coopgraph, n = c.data.nodes.filter(function (n) {"
        " return n.label === 'GASI'; })[0]; return {events: n.events, all: c.data.events,"
        " types: c.colours.type}")
    mine = {key: data["all"][key] for key, _role in data["events"]}
    heading = driver.find_element("css selector", "#cg-timeline h2").text
    assert heading == (f"Timeline of GASI (Government Agency for Specialised Inspection): "
                       f"{len(mine)} events, 2017")
    marks = timeline_marks(driver)
    assert sorted(m["event"] for m in marks) == sorted(k for k, e in mine.items() if e["start"])
    for m in marks:  # coloured by type
        assert m["type"] == mine[m["event"]]["type"]
        assert m["fill"] == data["types"][m["type"]]
    by_x = [mine[m["event"]]["start"] for m in sorted(marks, key=lambda m: m["x"])]
    assert by_x == sorted(by_x)  # in date order on the axis
    training = next(m for m in marks if mine[m["event"]]["title"] ==
                    "Training for Labour Inspectors")
    driver.find_element("css selector",
                        f"#cg-timeline a[data-event={training['event']}]").click()
    item = driver.find_element("id", f"cg-ev-{training['event']}")
    assert "cg-picked" in item.get_attribute("class").split()
    assert "ILO conventions #81 and #129" in item.find_element("css selector", "blockquote").text
    in_view = driver.execute_script(
        "var a = arguments[0].getBoundingClientRect(),"
        " s = document.getElementById('cg-side').getBoundingClientRect();"
        " return a.top >= s.top - 1 && a.top < s.bottom", item)
    assert in_view
    driver.find_element("id", "cg-reset").click()
    assert driver.find_element("id", "cg-timeline").text.startswith("Select an actor")


def test_the_timeline_of_a_link_and_of_undated_events(driver, tmp_path: Path) -> None:
    page = write_network(small_dataset(), tmp_path / "small.html")
    open_page(driver, page)
    link = driver.execute_script("var c = window.coopgraph; return c.data.edges.filter("
                                 "function (e) { return e.weight === 2; })[0].id")
    driver.execute_script("window.coopgraph.selectEdge(arguments[0])", link)
    assert driver.find_element("css selector", "#cg-timeline h2").text == \
        "Timeline of ITA — MOT: 2 events, 2021–2022"
    assert sorted(m["type"] for m in timeline_marks(driver)) == ["meeting", "training"]
    driver.find_element("id", "cg-search").send_keys("Federation of Test Unions\n")
    undated = driver.find_element("css selector", "#cg-timeline .cg-tl-undated")
    assert undated.text == "Undated: Undated survey"
    undated.find_element("css selector", "a").click()
    picked = driver.find_element("css selector", "#cg-panel li.cg-picked")
    assert picked.find_element("tag name", "strong").text == "Undated survey"
