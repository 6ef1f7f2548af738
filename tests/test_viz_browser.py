"""The network page in headless Chromium, as a coordinator would use it.

Needs Debian's chromium and chromium-driver (run .ci/install-browser); without them these tests
skip with that instruction as the reason (fail under COOPGRAPH_REQUIRE_BROWSER=1, as in CI).
The page is opened from file:// with every network feature of the browser off; the tests then
check it loaded nothing, drew every node and link, and that search, filters and the side panel
work and show hostile text as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import chromium, open_page, png_colours
from coopgraph.viz import write_network
from viz_graphs import DORNOD, XSS_IMG, XSS_SCRIPT, XSS_QUOTE, ZAVKHAN, alias_dataset, \
    small_dataset

#: Drives headless Chromium: part of the full run (.ci/run), not of the fast loop (issue 16).
pytestmark = pytest.mark.slow

COUNT_ACTORS = """
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cg:Actor }"""
COUNT_LINKS = """
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Cooperation }"""


def count(graph, query: str) -> int:
    from rdflib import Dataset
    union = Dataset(store=graph.store, default_union=True)
    return int(next(iter(union.query(query)))[0])


def severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def requests_made(driver) -> list[tuple[str, str]]:
    """(document, URL) of every request in Chromium's performance log (requestWillBeSent)."""
    import json
    found = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            found.append((params.get("documentURL", ""), params["request"]["url"]))
    return found


def visible(driver) -> tuple[int, int]:
    return tuple(driver.execute_script(
        "var c = window.coopgraph;"
        "return [c.nodes.get({filter: function (n) { return !n.hidden; }}).length,"
        "        c.edges.get({filter: function (e) { return !e.hidden; }}).length];"))


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    with chromium() as d:
        yield d


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_network(small_dataset(), tmp_path_factory.mktemp("viz") / "network.html",
                         build_date="2025-01-31")


@pytest.fixture
def fresh(driver, page: Path):
    driver.get_log("performance")  # drop entries of earlier tests
    open_page(driver, page)
    return driver


def test_page_opens_offline_without_errors_or_requests(fresh, page: Path) -> None:
    assert severe_logs(fresh) == []
    own = page.resolve().as_uri()
    requests = requests_made(fresh)
    assert (own, own) in requests  # the log works: it saw the page itself
    # nothing at all went to the network; the page itself loaded only data: and blob: URLs
    assert [u for _, u in requests if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))] \
        == []
    assert [u for doc, u in requests if doc == own and u != own
            and not u.startswith(("data:", "blob:"))] == []
    resources = fresh.execute_script(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; })")
    assert [r for r in resources if not r.startswith(("data:", "blob:", "file:"))] == []


def test_drawn_counts_equal_the_graph(fresh) -> None:
    ds = small_dataset()
    assert visible(fresh) == (count(ds, COUNT_ACTORS), count(ds, COUNT_LINKS)) == (5, 4)
    drawn = fresh.execute_script("var b = window.coopgraph.network.body;"
                                 "return [Object.keys(b.nodes).length, Object.keys(b.edges).length]")
    assert drawn == [5, 4]
    assert fresh.find_element("id", "cg-visible").text == "Showing 5 of 5 nodes and 4 of 4 links."


def test_search_focuses_an_actor_and_highlights_its_neighbours(fresh) -> None:
    box = fresh.find_element("id", "cg-search")
    box.send_keys("ita")
    fresh.find_element("id", "cg-search-go").click()
    selected = fresh.execute_script("return window.coopgraph.network.getSelectedNodes()")
    names = fresh.execute_script("var d = window.coopgraph.data; return arguments[0].map("
                                 "function (id) { return d.nodes.filter(function (n) {"
                                 " return n.id === id; })[0].name; })", selected)
    assert names == ["International Test Agency"]
    assert fresh.find_element("css selector", "#cg-panel h2").text == "International Test Agency"
    assert fresh.find_element("id", "cg-search-status").text == "Found International Test Agency."
    assert dimmed_labels(fresh) == ["BTP", "Federation of Test Unions"]  # not linked to ITA


def test_filters_hide_what_does_not_match_without_reloading(fresh) -> None:
    fresh.execute_script("window.__marker = 'same page'")
    fresh.find_element("css selector", "#cg-filter-category input[value=government]").click()
    assert visible(fresh) == (4, 1)  # without the ministry only ITA – <img…> remains linked
    fresh.find_element("id", "cg-reset").click()
    assert visible(fresh) == (5, 4)
    year = fresh.find_element("id", "cg-year-from")
    year.clear()
    year.send_keys("2023\n")
    fresh.execute_script("document.getElementById('cg-year-from')"
                         ".dispatchEvent(new Event('change'))")
    assert visible(fresh) == (2, 1)  # only the 2024 forum: ministry and project
    fresh.find_element("css selector", "#cg-filter-status input[value=planned]").click()
    assert visible(fresh) == (0, 0)
    assert fresh.execute_script("return window.__marker") == "same page"


def selected_names(driver) -> list[str]:
    return driver.execute_script(
        "var c = window.coopgraph; return c.network.getSelectedNodes().map(function (id) {"
        " return c.data.nodes.filter(function (n) { return n.id === id; })[0].name; })")


def dimmed_labels(driver) -> list[str]:
    """The labels (drawn or not) of the nodes drawn dimmed."""
    return driver.execute_script(
        "var c = window.coopgraph; return c.nodes.get({filter: function (n) {"
        " return n.font.color === '#bbb'; }}).map(function (n) {"
        " return c.data.nodes.filter(function (d) { return d.id === n.id; })[0].label; }).sort()")


def search(driver, text: str) -> None:
    box = driver.find_element("id", "cg-search")
    box.clear()
    box.send_keys(text)
    driver.find_element("id", "cg-search-go").click()


@pytest.fixture
def aliases_page(driver, tmp_path_factory: pytest.TempPathFactory):
    page = write_network(alias_dataset(), tmp_path_factory.mktemp("viz") / "aliases.html")
    open_page(driver, page)
    return driver


def test_search_finds_aliases_and_acronyms(aliases_page) -> None:
    d = aliases_page
    search(d, "MONEF")  # an alias only, no cg:acronym
    assert selected_names(d) == ["Mongolian Employers' Federation"]
    assert d.find_element("css selector", "#cg-panel h2").text == \
        "Mongolian Employers' Federation"
    search(d, "mlsp")  # an alias beside the acronym MoLSP
    assert selected_names(d) == ["Ministry of Labour and Social Protection"]
    assert d.find_element("id", "cg-search-status").text == \
        "Found Ministry of Labour and Social Protection."
    assert d.find_elements("css selector", "#cg-search-hits button") == []


def test_several_hits_are_listed_and_each_can_be_clicked(aliases_page) -> None:
    d = aliases_page
    search(d, "welfare service")
    assert selected_names(d) == []  # no jump to the first hit
    assert d.find_element("id", "cg-search-status").text == \
        "2 match “welfare service”: pick one."
    buttons = d.find_elements("css selector", "#cg-search-hits button")
    assert [b.text for b in buttons] == [
        d.execute_script("var name = arguments[0]; var n = window.coopgraph.data.nodes.filter("
                         "function (n) { return n.name === name; })[0];"
                         " return n.label + ' — ' + n.name", name) for name in (DORNOD, ZAVKHAN)]
    buttons[1].click()
    assert selected_names(d) == [ZAVKHAN]
    assert d.find_element("css selector", "#cg-panel h2").text == ZAVKHAN
    assert len(d.find_elements("css selector", "#cg-search-hits button")) == 2  # still there
    buttons[0].click()
    assert selected_names(d) == [DORNOD]


def test_acronym_label_with_the_full_name_on_hover_and_in_the_panel(aliases_page) -> None:
    d = aliases_page
    monef = ("var c = window.coopgraph; var n = c.data.nodes.filter("
             "function (n) { return n.label === 'MONEF'; })[0]; return c.nodes.get(n.id)")
    node = d.execute_script(monef)
    assert node["title"].split("\n")[0] == "Mongolian Employers' Federation"  # the tooltip
    search(d, "MONEF")
    assert d.execute_script(monef)["label"] == "MONEF"  # a selected node is always labelled
    panel = d.find_element("id", "cg-panel").text
    assert "Mongolian Employers' Federation" in panel and "Acronym\nMONEF" in panel
    labels = d.execute_script("return window.coopgraph.data.nodes.map(function (n) {"
                              " return n.label; })")
    assert len(labels) == len(set(labels))  # the two departments do not look the same


def test_show_everything_resets_filters_highlight_selection_and_search(fresh) -> None:
    search(fresh, "ita")
    fresh.find_element("css selector", "#cg-filter-status input[value=planned]").click()
    assert selected_names(fresh) == ["International Test Agency"] and dimmed_labels(fresh)
    assert visible(fresh) == (4, 3)  # the project's only event is the planned forum
    fresh.find_element("id", "cg-reset").click()
    assert visible(fresh) == (5, 4)
    assert selected_names(fresh) == [] and dimmed_labels(fresh) == []
    assert fresh.find_element("id", "cg-search").get_attribute("value") == ""
    assert fresh.find_element("id", "cg-search-status").text == ""
    assert fresh.find_element("id", "cg-panel").text == \
        "Click an actor or a link to see its events and evidence."
    assert all(box.is_selected() for box in
               fresh.find_elements("css selector", "#cg-filters input[type=checkbox]"))


def test_the_evidence_panel_is_above_the_legend_and_seen_without_scrolling(fresh) -> None:
    fresh.set_window_size(1280, 720)
    link = fresh.execute_script("var c = window.coopgraph; return c.data.edges.filter("
                                "function (e) { return e.weight === 2; })[0].id")
    fresh.execute_script("window.coopgraph.selectEdge(arguments[0])", link)
    top = fresh.execute_script(
        "function top(sel) { return document.querySelector(sel).getBoundingClientRect().top; }"
        "return {panel: top('#cg-panel'), legend: top('#cg-legend'),"
        " quote: top('#cg-panel blockquote'), height: window.innerHeight,"
        " scrolled: document.getElementById('cg-side').scrollTop}")
    assert top["panel"] < top["legend"]
    assert top["scrolled"] == 0 and top["quote"] < top["height"]  # evidence in view as it is


def test_hostile_names_show_as_text_and_never_run(fresh) -> None:
    fresh.find_element("id", "cg-search").send_keys("onerror\n")
    assert fresh.find_element("css selector", "#cg-panel h2").text == XSS_IMG
    panel = fresh.find_element("id", "cg-panel").text
    assert XSS_SCRIPT in panel  # alias, and the meeting's title
    assert fresh.find_elements("css selector", "#cg-panel img, #cg-panel script, #cg-panel b") == []
    link = fresh.execute_script("var c = window.coopgraph; return c.data.edges.filter("
                                "function (e) { return e.weight === 2; })[0].id")
    fresh.execute_script("window.coopgraph.selectEdge(arguments[0])", link)
    panel = fresh.find_element("id", "cg-panel").text
    assert "The ministry and ITA signed a memorandum." in panel
    assert XSS_QUOTE.split("\u2028")[0].strip() in panel  # the meeting's evidence, as text
    assert fresh.execute_script("return window.__xss === undefined") is True
    assert severe_logs(fresh) == []


def test_colour_by_community_changes_the_legend(fresh) -> None:
    legend = fresh.find_element("id", "cg-legend").text
    assert "Government" in legend and "Project" in legend
    from selenium.webdriver.support.ui import Select
    Select(fresh.find_element("id", "cg-colour-by")).select_by_value("community")
    assert "community 1" in fresh.find_element("id", "cg-legend").text


def test_screenshot_is_not_blank(fresh) -> None:
    assert png_colours(fresh.get_screenshot_as_png()) >= 50


def test_a_missing_browser_skips_with_the_command_to_run(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    import browser
    driver = tmp_path / "chromedriver"
    driver.touch()  # present whatever this machine has installed: only chromium is missing
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser, "CHROMEDRIVER", driver)
    monkeypatch.delenv(browser.REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        browser.require_browser()
    assert str(skipped.value) == (f"browser tests need {tmp_path / 'no-chromium'}: run "
                                  ".ci/install-browser (as root; installs Debian's chromium and "
                                  "chromium-driver)")


def test_a_missing_browser_fails_when_ci_requires_it(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    import browser
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser, "CHROMEDRIVER", tmp_path / "no-chromedriver")
    monkeypatch.setenv(browser.REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        browser.require_browser()
    assert str(failed.value) == (f"browser tests need {tmp_path / 'no-chromium'} and "
                                 f"{tmp_path / 'no-chromedriver'}: run .ci/install-browser (as "
                                 "root; installs Debian's chromium and chromium-driver) "
                                 "(COOPGRAPH_REQUIRE_BROWSER=1)")


@pytest.mark.parametrize(("view", "drawn"), [("bipartite", (9, 9)), ("places", (7, 7))])
def test_other_views_draw_every_node_and_link(driver, tmp_path: Path, view: str,
                                              drawn: tuple[int, int]) -> None:
    page = write_network(small_dataset(), tmp_path / f"{view}.html", view=view)
    open_page(driver, page)
    assert severe_logs(driver) == []
    assert visible(driver) == drawn
    driver.find_element("css selector", "#cg-filter-status input[value=planned]").click()
    assert visible(driver)[1] < drawn[1]  # the planned forum's links are hidden
