"""The network of the bundled corpus, built by the real pipeline (extract → build_graph).

Asserts what a coordinator should see: GASI and ILO linked by their shared 2017 meeting and
training with the quoted evidence, the aimags of the events in the places view, the CLI's output,
and the page in Chromium.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Dataset

from browser import chromium, png_colours
from coopgraph.cli import main
from coopgraph.graph import build_graph, save_graph
from coopgraph.records import ExtractionRecord
from coopgraph.viz import build_network, write_network

@pytest.fixture(scope="module")
def corpus_graph(corpus_records: tuple[ExtractionRecord, ...]) -> Dataset:
    return build_graph(list(corpus_records))


def names_of(network) -> dict[str, dict]:
    return {n["label"]: n for n in network.payload["nodes"]}


def test_gasi_and_ilo_are_linked_by_their_shared_events(corpus_graph: Dataset) -> None:
    net = build_network(corpus_graph)
    nodes = names_of(net)
    gasi, ilo = nodes["GASI"], nodes["ILO"]
    assert gasi["name"] == "Government Agency for Specialised Inspection"
    assert ilo["name"] == "International Labour Organization"
    assert (gasi["group"], ilo["group"]) == ("government", "international")
    link = next(e for e in net.payload["edges"] if {e["from"], e["to"]} == {gasi["id"], ilo["id"]})
    assert link["years"] == "2017" and link["weight"] == len(link["events"]) >= 2
    events = {net.payload["events"][k]["title"]: net.payload["events"][k] for k in link["events"]}
    training = next(e for t, e in events.items() if e["type"] == "training")
    assert training["date"].startswith("2017-05-19")
    assert ["Government Agency for Specialised Inspection", "organiser", gasi["id"]] \
        in training["roles"]
    table = net.payload["quotes"]
    quotes = " ".join(table[q][0] for q in link["evidence"])
    assert "ILO conventions #81 and #129" in quotes
    assert {table[q][1] for q in link["evidence"]} == {"secim-labour-policy-news.txt"}


def test_corpus_labels_are_acronyms_distinct_and_searchable_by_alias(corpus_graph: Dataset
                                                                      ) -> None:
    nodes = build_network(corpus_graph).payload["nodes"]
    labels = [n["label"] for n in nodes]
    assert len(labels) == len(set(labels))  # no two "Labour and Social Welfare Servi…"
    by_label = {n["label"]: n for n in nodes}
    assert by_label["MONEF"]["name"] == "Mongolian Employers' Federation"
    assert "MLSP" in by_label["MoLSP"]["search"]


def test_places_view_shows_the_aimags_and_the_capital_not_countries(corpus_graph: Dataset
                                                                     ) -> None:
    net = build_network(corpus_graph, view="places")
    places = {n["name"]: n for n in net.payload["nodes"] if n["kind"] == "place"}
    assert {"Selenge", "Dornod", "Zavkhan"} <= set(places)
    assert places["Ulaanbaatar"]["group"] == "capital"
    assert {n["group"] for n in places.values()} == {"aimag", "capital"}  # no country, no city
    assert {"Ireland", "Lithuania", "China", "Mongolia", "Beijing"}.isdisjoint(places)
    # the soums Shaamar and Sukhbaatar count for Selenge aimag
    assert ["Includes events in", "Shaamar; Sukhbaatar"] in places["Selenge"]["details"]
    assert net.counts["events abroad or without an aimag left out"] >= 1


def test_gasi_ego_network_holds_its_partners(corpus_graph: Dataset) -> None:
    net = build_network(corpus_graph, focus="GASI", depth=1)
    labels = set(names_of(net))
    assert {"GASI", "ILO", "CMTU"} <= labels
    assert net.node_count < build_network(corpus_graph).node_count


def test_cli_viz_draws_the_built_graph(corpus_graph: Dataset, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    save_graph(corpus_graph, tmp_path)
    net = build_network(corpus_graph)
    assert main(["viz", "-o", str(tmp_path)]) == 0
    out = tmp_path / "network.html"
    assert capsys.readouterr().out == (
        f"wrote {out} ({net.counts['actors']} actors, "
        f"{net.counts['cooperation links']} cooperation links)\n")
    assert "GASI" in out.read_text(encoding="utf-8")
    assert main(["viz", "-o", str(tmp_path), "--view", "places", "--out",
                 str(tmp_path / "places.html")]) == 0
    assert "places" in capsys.readouterr().out


def test_cli_viz_without_a_build_says_to_run_build(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["viz", "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path}: no graph.trig or graph.ttl in this directory; "
        "run `coopgraph build` first\n")


def test_cli_viz_unknown_focus_is_a_usage_error(corpus_graph: Dataset, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    save_graph(corpus_graph, tmp_path)
    assert main(["viz", "-o", str(tmp_path), "--focus", "GASX"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no actor named 'GASX' in the graph; did you mean: ")
    assert "GASI" in err


@pytest.mark.slow  # headless Chromium
def test_corpus_page_in_the_browser(corpus_graph: Dataset, tmp_path: Path) -> None:
    page = write_network(corpus_graph, tmp_path / "network.html")
    net = build_network(corpus_graph)
    with chromium() as driver:
        driver.set_window_size(1400, 900)
        driver.get(page.as_uri())
        for _ in range(100):
            if driver.execute_script("return document.body.getAttribute('data-ready')"):
                break
            time.sleep(0.1)
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
        drawn = driver.execute_script("var b = window.coopgraph.network.body;"
                                      "return [Object.keys(b.nodes).length,"
                                      " Object.keys(b.edges).length]")
        assert drawn == [net.node_count, net.edge_count]
        driver.find_element("id", "cg-search").send_keys("GASI\n")
        assert driver.find_element("css selector", "#cg-panel h2").text == \
            "Government Agency for Specialised Inspection"
        assert "Training for Labour Inspectors" in driver.find_element("id", "cg-panel").text
        box = driver.find_element("id", "cg-search")
        box.clear()
        box.send_keys("MONEF\n")
        assert driver.find_element("css selector", "#cg-panel h2").text == \
            "Mongolian Employers' Federation"
        png = driver.get_screenshot_as_png()
    assert png_colours(png) >= 100


def test_a_large_graph_draws_only_its_most_connected_actors(corpus_graph: Dataset) -> None:
    from coopgraph.viz.model import read_model
    from coopgraph.viz.views import most_connected_actors

    model = read_model(corpus_graph)
    everyone = build_network(corpus_graph, max_actors=0)
    capped = build_network(corpus_graph, max_actors=10)
    assert everyone.counts["actors"] == len(model.actors) > 10
    assert capped.counts["actors"] == 10
    left_out = capped.counts["less connected actors left out (see coopgraph viz --focus)"]
    assert left_out == len(model.actors) - 10
    drawn = {n["name"] for n in capped.payload["nodes"]}
    assert "Support to Employment Creation in Mongolia" in drawn  # 39 links, the most
    assert drawn == {model.actors[iri].name for iri in most_connected_actors(model, 10)}
    links = {c.first: 0 for c in model.cooperations}
    for c in model.cooperations:
        links[c.first] = links.get(c.first, 0) + 1
        links[c.second] = links.get(c.second, 0) + 1
    weakest_drawn = min(links.get(iri, 0) for iri in most_connected_actors(model, 10))
    assert all(links.get(iri, 0) <= weakest_drawn for iri in model.actors
               if iri not in most_connected_actors(model, 10))
