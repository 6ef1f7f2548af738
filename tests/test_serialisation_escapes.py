"""Literals with line-separator and control characters survive a Turtle/TriG round trip.

rdflib's Turtle parser rejects a raw U+2028 inside a short string ("newline found in string
literal"), so a document containing one would give a graph.trig that cannot be read back.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from coopgraph.graph import to_trig, to_turtle

HOSTILE = "line\u2028sep\u2029para\x85nel\x07bell \"quoted\" \\ back <b>x</b> } # DROP ALL"


def test_turtle_round_trip_keeps_hostile_literal() -> None:
    g = Graph()
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(HOSTILE)))
    text = to_turtle(g)
    assert "\u2028" not in text and "\u2029" not in text
    back = Graph().parse(data=text, format="turtle")
    assert isomorphic(g, back)
    assert str(next(back.objects())) == HOSTILE


def test_trig_round_trip_keeps_hostile_literal() -> None:
    ds = Dataset()
    named = ds.graph(URIRef("https://example.org/g"))
    named.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(HOSTILE)))
    back = Dataset()
    back.parse(data=to_trig(ds), format="trig")
    assert {str(o) for _, _, o, _ in back.quads()} == {HOSTILE}
