"""Small RDF graphs written by hand after docs/vocabulary.md, for the network-page tests.

Why by hand: they pin the vocabulary contract the page reads (independent of how graph/ builds
it) and carry hostile text (script tags, quotes, line separators) that no real document has.
The real corpus graph is tested separately (tests/test_viz_corpus.py).
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

CG = Namespace("https://w3id.org/coopgraph/ontology#")
CGC = Namespace("https://w3id.org/coopgraph/concept/")
ID = Namespace("https://w3id.org/coopgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "</script><script>window.__xss=2</script>"
XSS_QUOTE = 'He said "<b>&amp;" \u2028 then </style> left'


def _actor(g, slug: str, name: str, category: str | None, acronym: str | None = None,
           project: bool = False, aliases: tuple[str, ...] = ()) -> URIRef:
    iri = ID[("project/" if project else "organisation/") + slug]
    g.add((iri, RDF.type, CG.Project if project else CG.Organisation))
    g.add((iri, RDF.type, CG.Actor))
    g.add((iri, RDFS.label, Literal(name)))
    g.add((iri, SKOS.prefLabel, Literal(name)))
    if category:
        g.add((iri, CG.category, CGC[f"category-{category}"]))
    if acronym:
        g.add((iri, CG.acronym, Literal(acronym)))
        g.add((iri, SKOS.altLabel, Literal(acronym)))
    for alias in aliases:
        g.add((iri, SKOS.altLabel, Literal(alias)))
    return iri


def _evidence(g, subject: URIRef, doc: URIRef, slug: str, quote: str, start: int) -> None:
    ann = ID[f"annotation/{slug}"]
    g.add((subject, CG.evidence, ann))
    g.add((ann, OA.hasSource, doc))
    g.add((ann, OA.exact, Literal(quote)))
    g.add((ann, OA.start, Literal(start)))
    g.add((ann, OA.end, Literal(start + len(quote))))
    g.add((subject, PROV.wasDerivedFrom, doc))


def _event(g, slug: str, title: str, etype: str, status: str, date: str | None,
           roles: dict[str, list[URIRef]], place: URIRef | None = None) -> URIRef:
    iri = ID[f"event/{slug}"]
    g.add((iri, RDF.type, CG.Event))
    g.add((iri, RDFS.label, Literal(title)))
    g.add((iri, CG.eventType, CGC[f"event-{etype}"]))
    g.add((iri, CG.status, CGC[f"status-{status}"]))
    if date:
        g.add((iri, CG.startDate, Literal(date, datatype=XSD.date)))
        g.add((iri, CG.year, Literal(int(date[:4]))))
    for role, actors in roles.items():
        for actor in actors:
            g.add((iri, CG[role], actor))
    if place is not None:
        g.add((iri, CG.place, place))
    return iri


def _cooperation(g, a: URIRef, b: URIRef, events: list[URIRef], years: list[int]) -> URIRef:
    first, second = sorted([a, b], key=str)
    iri = ID[f"cooperation/{first.rsplit('/', 1)[-1]}--{second.rsplit('/', 1)[-1]}"]
    g.add((iri, RDF.type, CG.Cooperation))
    g.add((iri, CG.firstActor, first))
    g.add((iri, CG.secondActor, second))
    g.add((iri, CG.weight, Literal(len(events))))
    if years:
        g.add((iri, CG.firstYear, Literal(min(years))))
        g.add((iri, CG.lastYear, Literal(max(years))))
    for e in events:
        g.add((iri, CG.viaEvent, e))
    g.add((a, CG.cooperatesWith, b))
    g.add((b, CG.cooperatesWith, a))
    return iri


def small_dataset() -> Dataset:
    """Five actors (one named with an XSS payload), four events, four links; events in a soum of
    North aimag, in the capital and abroad."""
    ds = Dataset()
    doc_graph = ds.graph(ID["graph/document/sample"])
    coop_graph = ds.graph(ID["graph/cooperation"])
    g = doc_graph
    doc = ID["document/sample"]
    g.add((doc, RDF.type, CG.Document))
    g.add((doc, RDFS.label, Literal("sample.txt")))
    g.add((doc, DCTERMS.title, Literal("A sample <news> page")))
    ministry = _actor(g, "ministry", "Ministry of Testing", "government", "MOT")
    agency = _actor(g, "agency", "International Test Agency", "international", "ITA")
    g.add((agency, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q54129")))
    union = _actor(g, "union", "Federation of Test Unions", "social_partner")
    evil = _actor(g, "evil", XSS_IMG, "ngo", aliases=(XSS_SCRIPT,))
    project = _actor(g, "project", "Better Tests Project", None, "BTP", project=True)
    g.add((project, CG.fundedBy, agency))
    aimag = ID["place/aimag/north"]
    g.add((aimag, RDF.type, CG.Aimag))
    g.add((aimag, RDF.type, CG.Place))
    g.add((aimag, RDFS.label, Literal("North aimag")))
    city = ID["place/city/capital"]
    g.add((city, RDF.type, CG.City))
    g.add((city, RDFS.label, Literal("Capital City")))
    soum = ID["place/soum/bridge"]  # the places view counts its events for North aimag
    g.add((soum, RDF.type, CG.Soum))
    g.add((soum, RDFS.label, Literal("Bridge soum")))
    g.add((soum, CG.locatedIn, aimag))
    country, abroad = ID["place/testland"], ID["place/faraway"]
    for iri, name in ((country, "Testland"), (abroad, "Faraway")):
        g.add((iri, RDF.type, CG.Country))
        g.add((iri, RDFS.label, Literal(name)))
    g.add((aimag, CG.locatedIn, country))
    g.add((city, CG.locatedIn, country))  # so the capital: a city right in a divided country
    e1 = _event(g, "training", "Training on test inspection", "training", "completed",
                "2021-05-10", {"organiser": [ministry], "supporter": [agency],
                               "participant": [union]}, soum)
    e2 = _event(g, "meeting", "Meeting " + XSS_SCRIPT, "meeting", "completed", "2022-03-01",
                {"organiser": [agency], "participant": [ministry, evil]}, city)
    e3 = _event(g, "forum", "Planned forum on tests", "forum", "planned", "2024-09-01",
                {"organiser": [ministry], "supporter": [project]}, city)
    _event(g, "survey", "Undated survey", "survey", "unknown", None, {"organiser": [union]},
           abroad)
    _evidence(g, e1, doc, "e1", "The ministry trained inspectors with ITA support.", 10)
    _evidence(g, e2, doc, "e2", XSS_QUOTE, 120)
    c1 = _cooperation(coop_graph, ministry, agency, [e1, e2], [2021, 2022])
    _evidence(coop_graph, c1, doc, "c1", "The ministry and ITA signed a memorandum.", 300)
    _cooperation(coop_graph, ministry, union, [e1], [2021])
    _cooperation(coop_graph, agency, evil, [e2], [2022])
    c4 = _cooperation(coop_graph, ministry, project, [e3], [2024])
    coop_graph.add((c4, CG.viaRelation, Literal("supports")))
    return ds


DORNOD = "Labour and Social Welfare Service Department of Dornod aimag"
ZAVKHAN = "Labour and Social Welfare Service Department of Zavkhan aimag"


def alias_dataset() -> Dataset:
    """The small dataset and four actors known by aliases or by long names sharing a start.

    'Mongolian Employers' Federation' has 'MONEF' as an alias only (no cg:acronym: its letters do
    not follow the initials); the ministry has the acronym 'MoLSP' and the alias 'MLSP'; the two
    departments' names cut at 32 characters would be the same.
    """
    ds = small_dataset()
    g = ds.graph(ID["graph/document/sample"])
    _actor(g, "monef", "Mongolian Employers' Federation", "social_partner",
           aliases=("MONEF", "Mongolian Employer's Federation"))
    _actor(g, "molsp", "Ministry of Labour and Social Protection", "government", "MoLSP",
           aliases=("MLSP",))
    _actor(g, "dornod", DORNOD, "government")
    _actor(g, "zavkhan", ZAVKHAN, "government")
    return ds
