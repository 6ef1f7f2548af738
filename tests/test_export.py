"""Exports: RDF formats round-trip, network formats carry types, labels and weights, CSV tables,
atomic saving, and ``coopgraph export``."""

from __future__ import annotations

import csv
import json
import os

import networkx as nx
import pytest
from rdflib.compare import isomorphic

from coopgraph.cli import main
from coopgraph.errors import InputError
from coopgraph.graph import build_graph, export_graph, load_graph, save_graph, union_graph
from coopgraph.graph.serialization import named_graphs, parse_dataset
from graph_support import gold_records

ID = "https://w3id.org/coopgraph/id/"
GASI = ID + "organisation/government-agency-for-specialised-inspection"
ILO = ID + "organisation/international-labour-organization"


@pytest.fixture(scope="module")
def ds():
    return build_graph(gold_records())


def _by_graph(dataset):
    return {g.identifier: g for g in named_graphs(dataset)}


@pytest.mark.parametrize("fmt, name, parser", [
    ("trig", "g.trig", "trig"), ("nquads", "g.nq", "nquads"), ("jsonld", "g.jsonld", "json-ld")])
def test_named_graph_formats_round_trip(ds, tmp_path, fmt, name, parser):
    [path] = export_graph(ds, fmt, tmp_path / name)
    back = parse_dataset(path.read_text(encoding="utf-8"), parser)
    expected, actual = _by_graph(ds), _by_graph(back)
    assert set(actual) == set(expected)
    for iri, g in expected.items():
        assert isomorphic(g, actual[iri]), iri


def test_turtle_round_trips_the_union(ds, tmp_path):
    [path] = export_graph(ds, "turtle", tmp_path / "g.ttl")
    assert isomorphic(union_graph(load_graph(path)), union_graph(ds))


def test_jsonld_uses_the_published_context(ds, tmp_path):
    [path] = export_graph(ds, "jsonld", tmp_path / "g.jsonld")
    text = path.read_text(encoding="utf-8")
    assert '"cg": "https://w3id.org/coopgraph/ontology#"' in text
    assert '"cg:firstActor"' in text


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats(ds, tmp_path, fmt, reader):
    [path] = export_graph(ds, fmt, tmp_path / f"net.{fmt}")
    net = reader(path)
    assert net.nodes[GASI]["label"] == "Government Agency for Specialised Inspection"
    assert net.nodes[ILO]["type"] == "Organisation"
    assert net.nodes[ILO]["category"] == "international"
    assert int(net.edges[GASI, ILO]["weight"]) == 1
    assert int(net.edges[GASI, ILO]["first_year"]) == 2017


def test_csv_tables(ds, tmp_path):
    paths = export_graph(ds, "csv", tmp_path / "tables")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    with paths[0].open(encoding="utf-8") as fh:
        nodes = {row["id"]: row for row in csv.DictReader(fh)}
    with paths[1].open(encoding="utf-8") as fh:
        edges = {(row["source"], row["target"]): row for row in csv.DictReader(fh)}
    assert nodes[ILO]["acronym"] == "ILO" and nodes[ILO]["wikidata"] == "Q54129"
    row = edges[(GASI, ILO)]
    assert (row["source_label"], row["target_label"], row["weight"]) == (
        "Government Agency for Specialised Inspection", "International Labour Organization", "1")
    stem = export_graph(ds, "csv", tmp_path / "net.csv")
    assert [p.name for p in stem] == ["net-nodes.csv", "net-edges.csv"]


def test_unknown_format(ds, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'xml'; choose one of turtle"):
        export_graph(ds, "xml", tmp_path / "x")


def test_save_and_load_keep_named_graphs(ds, tmp_path):
    paths = save_graph(ds, tmp_path)
    assert [p.name for p in paths] == ["graph.ttl", "graph.trig"]
    back = load_graph(tmp_path)  # a build directory: graph.trig is preferred
    assert set(_by_graph(back)) == set(_by_graph(ds))
    first = (tmp_path / "graph.ttl").read_bytes()
    save_graph(build_graph(gold_records()[::-1]), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == first


def test_interrupted_save_leaves_old_outputs_whole(ds, tmp_path, monkeypatch):
    save_graph(ds, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def crash(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save_graph(build_graph(gold_records()[:1]), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_load_errors(tmp_path):
    with pytest.raises(InputError, match=r"no graph\.trig or graph\.ttl in this directory"):
        load_graph(tmp_path)
    odd = tmp_path / "graph.xml"
    odd.write_text("<x/>", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown graph format '\.xml'"):
        load_graph(odd)
    binary = tmp_path / "graph.ttl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match="not UTF-8"):
        load_graph(binary)


def test_cli_export(ds, tmp_path, capsys):
    save_graph(ds, tmp_path)
    assert main(["export", "--format", "gexf", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"wrote {tmp_path / 'network.gexf'}\n"
    out = tmp_path / "mine.nq"
    assert main(["export", "-f", "nquads", "-o", str(out), str(tmp_path / "graph.trig")]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "t"), str(tmp_path)]) == 0
    assert capsys.readouterr().out == (f"wrote {tmp_path / 't' / 'nodes.csv'}\n"
                                       f"wrote {tmp_path / 't' / 'edges.csv'}\n")
    assert main(["export", "--format", "gexf", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_jsonld_is_byte_stable_and_round_trips(ds, tmp_path):
    """Same dataset built from shuffled records, or read back from TriG (another insertion
    order in the store) → the same JSON-LD bytes; parsing them gives the same named graphs."""
    [first] = export_graph(ds, "jsonld", tmp_path / "a.jsonld")
    shuffled = build_graph(gold_records()[::-1])
    [second] = export_graph(shuffled, "jsonld", tmp_path / "b.jsonld")
    [trig] = export_graph(ds, "trig", tmp_path / "g.trig")
    [third] = export_graph(load_graph(trig), "jsonld", tmp_path / "c.jsonld")
    text = first.read_text(encoding="utf-8")
    assert second.read_text(encoding="utf-8") == text == third.read_text(encoding="utf-8")
    back = parse_dataset(text, "json-ld")
    assert {str(n) for n in _by_graph(back)} == {str(n) for n in _by_graph(ds)}
    for iri, g in _by_graph(ds).items():
        assert isomorphic(g, _by_graph(back)[iri]), iri
    graphs = json.loads(text)["@graph"]
    assert [g["@id"] for g in graphs] == sorted(g["@id"] for g in graphs)
    for graph in graphs:
        ids = [node["@id"] for node in graph["@graph"]]
        assert ids == sorted(ids), graph["@id"]
    assert '"@id": "cgc:status-completed"' in text and '"@type": "xsd:integer"' in text


def test_nquads_escapes_round_trip(tmp_path):
    """Line separators, C1 and C0 controls, quotes, backslashes, language tags and integers
    survive the N-Quads writer (written without prefixes or bare numbers)."""
    from rdflib import Dataset, Literal, URIRef

    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/g"))
    s = URIRef("https://example.org/s")
    texts = ["a\u2028b", "c\x85d", "tab\there\bx\fy", 'quote"\\', "Tövschüren", "\x00\x7f"]
    for i, text in enumerate(texts):
        g.add((s, URIRef(f"https://example.org/p{i}"), Literal(text)))
    g.add((s, URIRef("https://example.org/n"), Literal(5)))
    g.add((s, URIRef("https://example.org/l"), Literal("Улаанбаатар", lang="mn")))
    [path] = export_graph(ds, "nquads", tmp_path / "g.nq")
    text = path.read_text(encoding="utf-8")
    assert '"5"^^<http://www.w3.org/2001/XMLSchema#integer>' in text
    assert text.splitlines() == sorted(text.splitlines())
    back = parse_dataset(text, "nquads")
    assert isomorphic(back.graph(URIRef("https://example.org/g")), g)


def test_cli_export_never_replaces_the_builds_own_files(ds, tmp_path, capsys):
    save_graph(ds, tmp_path)
    before = (tmp_path / "graph.ttl").stat().st_mtime_ns, (tmp_path / "graph.ttl").read_bytes()
    assert main(["export", "--format", "turtle", str(tmp_path)]) == 0
    assert capsys.readouterr().out == (
        f"{tmp_path / 'graph.ttl'} already holds the graph as turtle (written by coopgraph "
        "build); pass --out PATH to write a copy elsewhere\n")
    after = (tmp_path / "graph.ttl").stat().st_mtime_ns, (tmp_path / "graph.ttl").read_bytes()
    assert after == before
    copy = tmp_path / "copy.ttl"
    assert main(["export", "--format", "turtle", "--out", str(copy), str(tmp_path)]) == 0
    assert copy.read_bytes() == before[1]


def test_cli_export_takes_o_as_the_build_folder_and_out_as_the_file(ds, tmp_path, capsys):
    """-o is the build folder in every command (issue 15, item 6); --out names the file, as
    for viz; the old '-o FILE' still writes the file, with a one-line warning."""
    build = tmp_path / "build"
    save_graph(ds, build)
    assert main(["export", "-f", "gexf", "-o", str(build)]) == 0
    assert capsys.readouterr().out == f"wrote {build / 'network.gexf'}\n"
    mine = tmp_path / "mine.nq"
    assert main(["export", "-f", "nquads", "-o", str(build), "--out", str(mine)]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (f"wrote {mine}\n", "")
    old = tmp_path / "old.nq"
    assert main(["export", "-f", "nquads", "-o", str(old), str(build)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"wrote {old}\n"
    assert captured.err == ("warning: export -o PATH for the file to write is deprecated; use "
                            "--out PATH (-o is the build folder in every command)\n")
    assert old.read_bytes() == mine.read_bytes()
    assert main(["export", "-f", "nquads", "-o", str(tmp_path / "none"), "--out", str(mine)]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'none'}: no built graph in this -o folder (--out names the file to "
        "write; -o is the build folder)\n")
