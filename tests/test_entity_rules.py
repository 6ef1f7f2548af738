"""Table-driven tests of the entity rules on invented sentences: which recognised names are kept
(loaders/text/recognised.py), people written the local way (people.py), where a body's name
ends and what kind of body it is (organisations.py)."""

from __future__ import annotations

import pytest

from coopgraph.loaders.text import recognised as rc
from coopgraph.loaders.text.organisations import category_for, find_org_names
from coopgraph.loaders.text.people import find_people, local_names
from coopgraph.loaders.text.spans import ClaimedSpans
from coopgraph.loaders.text.statistical import NamedSpan

PLACES = {"riverton", "northland", "westvale"}


def _is_place(w: str) -> bool:
    return w.lower() in PLACES


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


@pytest.mark.parametrize(("text", "part", "trimmed"), [
    ("Funds came from the Harbour Trust (HT) in 2020.", "the Harbour Trust (HT", "Harbour Trust"),
    ("It was the Board's decision.", "the Board's", "Board"),
    ("Teams from Alpha Works,\nBeta Group met.", "Alpha Works,\nBeta Group", "Alpha Works"),
])
def test_trim_keeps_the_name_inside_a_recognised_span(text: str, part: str, trimmed: str) -> None:
    s, e = rc.trim(text, *_span(text, part))
    assert text[s:e] == trimmed


@pytest.mark.parametrize(("line", "heading"), [
    ("WHO WE ARE", True),
    ("About", True),
    ("Our Work In The Region", True),
    ("Water Board Trains Pump Operators In Riverton", True),
    ("The Water Board trained pump operators in Riverton.", False),
    ("Twelve pump operators from the Water Board finished their course on Monday", False),
])
def test_heading_and_menu_lines(line: str, heading: bool) -> None:
    assert rc.is_heading_line(line) is heading


@pytest.mark.parametrize(("name", "head", "plural"), [
    ("Ministry of Roads and Transport", "Ministry", False),
    ("Riverton Dairy Cooperative", "Cooperative", False),
    ("Council for Coastal Fisheries", "Council", False),
    ("Vocational Training Institutions", None, True),
    ("Health and Welfare Services", None, True),
    ("Occupational Safety and Health", None, False),
    ("Sunrise Partners", None, True),
])
def test_head_nouns_and_generic_plurals(name: str, head: str | None, plural: bool) -> None:
    assert rc.head_noun(name) == head
    assert rc.is_generic_plural(name) is plural


def _org(text: str, part: str, near: bool = False) -> str | None:
    span = rc.org_candidate(text, *_span(text, part), _is_place, lambda s, e: near)
    return None if span is None else text[span[0]:span[1]]


@pytest.mark.parametrize(("text", "part", "near", "kept"), [
    # a head noun makes a body
    ("Staff of the Coastal Fisheries Authority joined the course.", "Coastal Fisheries Authority", False,
     "Coastal Fisheries Authority"),
    # a legal form after the name makes a body, and belongs to it
    ("The owner of Blue Kettle LLC spoke first.", "Blue Kettle", False, "Blue Kettle LLC"),
    # a kind noun before the name
    ("It was run by the consulting group Orbis Norte and the ministry.", "Orbis Norte", False, "Orbis Norte"),
    # a list beside a body the rules know
    ("Partners are the Harbour Trust, Hope Without Borders and others.", "Hope Without Borders", True,
     "Hope Without Borders"),
    # no head noun, no sign of a body: a topic
    ("Trainers spoke on Occupational Safety and Health for small firms.", "Occupational Safety and Health",
     False, None),
    # a place the gazetteer knows, alone or with its level word
    ("Herders of Westvale province met on Friday.", "Westvale province", False, None),
    # a class of bodies
    ("Vocational Training Institutions sent their teachers.", "Vocational Training Institutions", False, None),
    # a heading line
    ("Riverton Dairy Cooperative\n\nThe cooperative met.", "Riverton Dairy Cooperative", False, None),
    # a lower-case head with one capital describes a body named elsewhere
    ("She heads the Planning department of the ministry.", "Planning department", False, None),
    # an acronym alone is not enough
    ("She is based in BKK, the regional hub.", "BKK", False, None),
])
def test_which_recognised_organisations_are_kept(text: str, part: str, near: bool, kept: str | None) -> None:
    assert _org(text, part, near) == kept


@pytest.mark.parametrize(("text", "part", "kept"), [
    ("The Harbour Trust Director Ana Velaz opened the meeting.", "Ana Velaz", True),
    ("Talks were led by specialists Ana Velaz and Tom Reyes.", "Ana Velaz", True),
    ("Ana Velaz, Deputy Director at the ministry, spoke.", "Ana Velaz", True),
    ("Ana Velaz, an independent consultant, spoke.", "Ana Velaz", True),
    ("Briefing Note", "Briefing Note", False),
    ("We visited Ana Velaz yesterday.", "Ana Velaz", False),
    ("He is Director of Riverton Training Centre.", "Riverton Training Centre", False),
])
def test_which_recognised_people_are_kept(text: str, part: str, kept: bool) -> None:
    assert rc.person_candidate(text, *_span(text, part)) is kept


def test_name_candidates_leave_what_the_rules_read() -> None:
    text = "The Coastal Fisheries Authority and Director Ana Velaz met the Harbour Trust."
    claimed = ClaimedSpans()
    claimed.append(_span(text, "Harbour Trust"))
    named = [NamedSpan(*_span(text, "The Coastal Fisheries Authority"), "ORG"),
             NamedSpan(*_span(text, "Ana Velaz"), "PERSON"),
             NamedSpan(*_span(text, "the Harbour Trust"), "ORG")]
    got = rc.name_candidates(text, named, claimed, _is_place, lambda s, e: False)
    assert [(c.name, c.kind) for c in got] == [("Coastal Fisheries Authority", "Organisation"),
                                               ("Ana Velaz", "Person")]


def test_sentences_to_read_skip_those_whose_names_are_all_read() -> None:
    text = "The Harbour Trust met. Nothing else happened. Then Orbis Norte came."
    claimed = ClaimedSpans()
    claimed.append(_span(text, "Harbour Trust"))
    spans = [_span(text, "The Harbour Trust met."), _span(text, "Nothing else happened."),
             _span(text, "Then Orbis Norte came.")]
    assert rc.sentences_to_read(text, spans, claimed) == [spans[2]]


@pytest.mark.parametrize(("text", "names"), [
    ("The award went to B. Tomsen of the dairy.", ["B. Tomsen"]),
    ("K.Arvane, Head of the union, spoke.", ["K.Arvane"]),
    ("Mr Belgor.T and Ms. Sarnai.Ch attended.", ["Belgor.T", "Sarnai.Ch"]),
    ("Ch. Ulvane opened the fair.", ["Ch. Ulvane"]),
    # a courtesy title glued to the initial
    ("The course was led by Mrs.J.Zarna and Mr.T.Enkhtur, the trainers.", ["J.Zarna", "T.Enkhtur"]),
    # shapes of abbreviations, not names
    ("He moved to St. Marten in 2019 under Convention No. 138.", []),
    # a word the text also writes in lower case is not a given name
    ("Plan B. Training starts soon; training is free.", []),
])
def test_local_name_forms(text: str, names: list[str]) -> None:
    assert [h.name for h in find_people(text, 0, len(text))] == names


def test_local_name_carries_its_role() -> None:
    text = "D.Orvane, Director of the Harbour Trust, opened the fair."
    (hit,) = local_names(text, 0, len(text))
    assert (hit.name, hit.role) == ("D.Orvane", "Director")


@pytest.mark.parametrize(("text", "names"), [
    ("Members of the Riverton Growers' Federation and Westvale Lawyers Association met.",
     ["Riverton Growers' Federation", "Westvale Lawyers Association"]),
    ("Speakers came from the Ministry of Roads and Transport, Ana Velaz, Senior Inspector and others.",
     ["Ministry of Roads and Transport"]),
    ("The Ministry of Roads, Bridges, Ports and Transport opened it.",
     ["Ministry of Roads, Bridges, Ports and Transport"]),
    ("The Food and Farming Organization helped.", ["Food and Farming Organization"]),
    # a second "and" after a portfolio closed by "and" joins two bodies
    ("It was shown to the Ministry of Roads and Transport and Riverton Housing Agency staff.",
     ["Ministry of Roads and Transport", "Riverton Housing Agency"]),
    # an initial after a name starts a person's name; a role and "of" before it are not the name
    ("It was opened by the Ministry of Roads and Transport B.Bold and others.", ["Ministry of Roads and Transport"]),
    ("Ann Veld, CEO of Riverton Telecom Corporation, spoke.", ["Riverton Telecom Corporation"]),
    # two places' names joined by a spaced dash open the name; another word before a dash does not
    ("They thanked the Northland – Westvale Friendship Society.", ["Northland – Westvale Friendship Society"]),
    ("Health – Riverton Water Agency staff met.", ["Riverton Water Agency"]),
    # an acronym after "for" closes the name ("National Commission for UNESCO")
    ("They met the Riverland National Commission for UNESCO on Monday.", ["Riverland National Commission for UNESCO"]),
    # a place, then "and", then another name: the place is not part of it
    ("It was built in Riverton and Orno Public Higher Secondary School.", ["Orno Public Higher Secondary School"]),
    # words glued by a hyphen where a space went missing are not part of a name
    ("It works in Riverland-the Ministry of Mining and the Ministry of Finance-as well as others.",
     ["Ministry of Mining", "Ministry of Finance"]),
    # a municipality is a body
    ("The school will be built by Orno Rural Municipality, Riverton.", ["Orno Rural Municipality"]),
    # a standing expert or advisory group is a body; a working group is not
    ("The Riverland Gender Expert Group met the Working Group.", ["Riverland Gender Expert Group"]),
    # the nationality adjective before a ministry is not its name
    ("The Riverlandian Ministry of Roads thanked them.", ["Ministry of Roads"]),
    # a portfolio list with a comma before its closing "and"
    ("The Ministry of Roads, Bridges, and Light Transport met them.", ["Ministry of Roads, Bridges, and Light Transport"]),
    # a second "and" goes on when no other body's head noun or acronym follows it
    ("The Agency for Land Survey and Geodesy and Cartography signed.", ["Agency for Land Survey and Geodesy and Cartography"]),
    ("The Ministry of Roads and Transport and ACME staff met.", ["Ministry of Roads and Transport"]),
    # "and the" goes on in a region's name, not before another body
    ("The Regional Bureau for Asia and the Pacific wrote.", ["Regional Bureau for Asia and the Pacific"]),
    ("The Department of Roads and the Harbour Authority met.", ["Department of Roads", "Harbour Authority"]),
    # one-word items before a name's own "X and Y" belong to it, after "the", "and" or a sentence start
    ("The Family, Children and Youth Development Agency met.", ["Family, Children and Youth Development Agency"]),
    ("The Ministry of Roads and Transport and Family, Children and Youth Agency met.",
     ["Ministry of Roads and Transport", "Family, Children and Youth Agency"]),
    # a place's government in lower case is that place's administration
    ("Beds were handed out by the government of Riverton aimag.", ["Government of Riverton aimag"]),
    ("It was the government of our choice.", []),
    ("The mayor's office of Riverton city signed.", ["Mayor's Office of Riverton city"]),
])
def test_where_a_body_name_ends(text: str, names: list[str]) -> None:
    assert [n.name for n in find_org_names(text, 0, len(text), _is_place)] == names


@pytest.mark.parametrize(("name", "head", "category"), [
    ("Ministry of Roads of Northland", "Ministry", "government"),
    ("Governor's Office of Westvale province", "Office", "government"),
    ("Riverton State University", "University", "education"),
    ("Hope Without Borders NGO", "NGO", "ngo"),
    ("Blue Kettle LLC", "", "private"),
    ("Northland Women's Association", "Association", "ngo"),
])
def test_categories_come_from_head_nouns(name: str, head: str, category: str) -> None:
    assert category_for(name, head) == category


@pytest.mark.parametrize(("text", "names"), [
    ("Deputy Governor of Westvale province Tomar Belgan opened the fair.", [("Tomar Belgan", "Deputy Governor of Westvale province")]),
    ("According to Union President Tomar Belgan, wages rose.", [("Tomar Belgan", "President")]),
    ("Experts including Ana Velaz, Senior Labour Inspector and others spoke.", [("Ana Velaz", "Senior Labour Inspector")]),
    # capitalised words after a title that the text also writes in lower case are not a name
    ("Head of Employment Division Employment Policy said employment and policy matter.", []),
    # "of" or "for" a body or country, then a name of two or three words
    ("It was signed by Minister of Finance Tomar Belgan and others.", [("Tomar Belgan", "Minister of Finance")]),
    ("Country Director for Riverland Ana Velaz Moreno spoke.", [("Ana Velaz Moreno", "Country Director for Riverland")]),
    # a portfolio's last word is not the name's first; "to <country>" belongs to the title
    ("Minister of Foreign Affairs Tomar Belgan Orvane signed.", [("Tomar Belgan Orvane", "Minister of Foreign Affairs")]),
    ("Ambassador of Northland to Riverland Ole Berg spoke.", [("Ole Berg", "Ambassador of Northland to Riverland")]),
    # capitalised words followed by "of" name a thing of something, not a person
    ("Director of the Downstream Wells Activity of the Water Agency spoke.", []),
])
def test_names_after_a_title_or_before_their_role(text: str, names: list[tuple[str, str]]) -> None:
    assert [(h.name, h.role) for h in find_people(text, 0, len(text))] == names


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ch. Ulvane", "Ulvane.Ch", True),
    ("B.Tomsen", "B. Tomsen", True),
    ("B.Tomsen", "D.Tomsen", False),
])
def test_local_forms_of_one_name_share_a_key(a: str, b: str, same: bool) -> None:
    from coopgraph.loaders.text.people import local_key
    assert (local_key(a) == local_key(b)) is same


@pytest.mark.parametrize(("text", "items"), [
    ("the Harbour Trust, Hope Without Borders, Orbis Norte and the Water Board", ["Hope Without Borders", "Orbis Norte"]),
    ("the Harbour Trust, Sunrise Kids Fund and the Water Board", ["Sunrise Kids Fund"]),
    # a short name, and a name closed by a lower-case kind of body ("Xac bank")
    ("the Harbour Trust, Orno bank, ToC and the Water Board", ["Orno bank", "ToC"]),
    # a kind of body in lower case is no name, and the list goes on past it
    ("the Harbour Trust, Monfemnet, civil society organizations, Orbis Norte and the Water Board", ["Monfemnet", "Orbis Norte"]),
    # not a plain list: a verb, or lower-case words, between the bodies
    ("the Harbour Trust, which met officials of the Water Board", []),
    ("the Harbour Trust and the Water Board", []),
])
def test_items_of_a_list_between_two_bodies(text: str, items: list[str]) -> None:
    a = text.index("Harbour Trust") + len("Harbour Trust")
    b = text.index("Water Board")
    assert [text[s:e] for s, e in rc.listed_names(text, a, b)] == items


@pytest.mark.parametrize(("text", "numbers"), [
    ("Reports on C88, C100 and C181 are due.", [88, 100, 181]),
    ("Gaps with the Forced Labour Convention (1930) remain.", [29]),
    ("It follows the Equal Remuneration Convention, 1951.", [100]),
    ("Bus C12 and C14 left.", []),  # not conventions in the reference
])
def test_conventions_by_number_lists_and_titles(text: str, numbers: list[int]) -> None:
    from coopgraph.loaders.text.policies import find_conventions
    assert [h.convention.number for h in find_conventions(text, 0, len(text))] == numbers


def test_a_body_named_with_its_country_is_the_same_body() -> None:
    from coopgraph.loaders.text.loader import extract_text
    from coopgraph.loaders.text.statistical import current_reading

    token = current_reading.set("rules")
    try:
        rec = extract_text("The Ministry of Roads and Transport of Mongolia met donors on 3 May 2024. "
                           "Later the Ministry of Roads and Transport signed the plan.\n")
    finally:
        current_reading.reset(token)
    orgs = [(e.name, e.aliases, e.category) for e in rec.entities if e.type == "Organisation"]
    assert orgs == [("Ministry of Roads and Transport of Mongolia", ("Ministry of Roads and Transport",), "government")]


def test_forget_removes_an_entity_left_without_mentions() -> None:
    from coopgraph.loaders.text.entities import EntityTable

    t = EntityTable()
    d = t.add("Place", "Sunvale", span=(0, 7))
    t.add("Place", "Sunvale", span=(20, 27))
    t.forget(d.id, (0, 7))
    assert t.find("Place", "Sunvale") is d
    t.forget(d.id, (20, 27))
    assert t.find("Place", "Sunvale") is None and d.id not in t.by_id


def test_sentences_to_read_skip_common_words_and_calendar_names() -> None:
    text = "The course opened. On Monday the Course Board met in May. Work of Orbis Norte on training and courses."
    spans = [_span(text, "The course opened."), _span(text, "On Monday the Course Board met in May."),
             _span(text, "Work of Orbis Norte on training and courses.")]
    assert rc.sentences_to_read(text, spans, ClaimedSpans()) == [spans[1], spans[2]]


@pytest.mark.parametrize(("text", "names"), [
    ("the Ministries of Roads, Justice, Finance, Foreign Affairs and Energy Development and Social Welfare",
     ["Ministry of Roads", "Ministry of Justice", "Ministry of Finance", "Ministry of Foreign Affairs",
      "Ministry of Energy Development and Social Welfare"]),
    ("the Ministries of Justice and Home Affairs, Roads and Transport, Foreign Affairs and Trade",
     ["Ministry of Justice and Home Affairs", "Ministry of Roads and Transport", "Ministry of Foreign Affairs and Trade"]),
])
def test_ministries_listed_under_one_plural(text: str, names: list[str]) -> None:
    from coopgraph.loaders.text.organisations import split_ministries
    got = split_ministries(text, 0, len(text))
    assert [n for _, _, n in got] == names
    assert all(n.endswith(text[s:e]) for s, e, n in got)


@pytest.mark.parametrize(("text", "expected"), [
    # a single-quoted title wrapped over two lines, then 'pilot project'
    ("Within the 'Clean\nwater for every village' pilot project, wells were dug.",
     [("Clean water for every village", None, None, ())]),
    # a body's acronym, one hyphenated name word, lower-case 'project'
    ("It ran under the XYZ Harbour-III project funded by donors.",
     [("Harbour-III", None, "XYZ", ("XYZ Harbour-III project",))]),
    # 'Owner's Title (ACR) Project': the owner is not in the title; 'Project' belongs to the name
    ("It follows WXY's Rural Water Supply (RWS) Project in the north.",
     [("Rural Water Supply", "RWS", "WXY", ("RWS Project", "Rural Water Supply (RWS) Project"))]),
    # a short name in brackets at the end of a quoted title is an alias
    ('the donor-funded project "Safer Roads for Northland (Safer Roads+)" began',
     [("Safer Roads for Northland", "Safer Roads+", None, ())]),
    # 'New' in a headline is the project's state, not its name
    ("New Rural Water Supply Project starts", [("Rural Water Supply Project", None, None, ("New Rural Water Supply Project",))]),
])
def test_project_names(text: str, expected: list[tuple[str, str | None, str | None, tuple[str, ...]]]) -> None:
    from coopgraph.loaders.text.projects import find_projects
    from coopgraph.loaders.text.textnorm import normalise

    t = normalise(text)
    hits = [h for h in find_projects(t, 0, len(t)) if not h.generic]
    assert [(h.name, h.acronym, h.owner, h.forms) for h in hits] == expected


@pytest.mark.parametrize(("text", "names"), [
    ("D.Orvane, CEO of Blue Kettle LLC, spoke.", [("Blue Kettle LLC", "private")]),
    ("said a member of the 'Hope Ahead' NGO in Riverton.", [("Hope Ahead", "ngo")]),
    ("Staff at The Orbis Norte JSC met.", [("Orbis Norte JSC", "private")]),
    ("Local NGO staff met.", []),
    # a double-quoted title before a lower-case kind of body; a capitalised kind is part of a name
    ('They met the "Green Steppe" women\'s cooperative and the "Blue Lake" LLC.',
     [("Green Steppe", "private"), ("Blue Lake", "private")]),
    ('They strengthened the "Orno" Cooperative Union.', []),
])
def test_bodies_named_with_a_legal_form(text: str, names: list[tuple[str, str]]) -> None:
    assert [(text[s:e], c) for s, e, c in rc.formed_names(text)] == names


@pytest.mark.parametrize(("name", "turned"), [
    ("Delegation of the Northland Union to Westvale", "Northland Union Delegation to Westvale"),
    ("Embassy of Northland", "Northland Embassy"),
    ("Ministry of Roads of Northland", None),
    ("International Harbour Organization", None),
])
def test_a_head_of_its_owner_turned_round(name: str, turned: str | None) -> None:
    from coopgraph.loaders.text.refbodies import inverted_name
    assert inverted_name(name) == turned


def test_departments_listed_after_a_district_office_are_not_the_aimags() -> None:
    from coopgraph.loaders.text.loader import extract_text
    from coopgraph.loaders.reference import reference
    from coopgraph.loaders.text.statistical import current_reading

    aimag = next(p.name for p in reference().places if p.place_type == "aimag")
    token = current_reading.set("rules")
    try:
        rec = extract_text(f"Officials of a soum of {aimag} province met on 3 May 2024 with the Riverton "
                           "District Governor's Office, Roads Department, Water and Sanitation\n"
                           "Service Department and Schools Department.\n")
    finally:
        current_reading.reset(token)
    names = sorted(e.name for e in rec.entities if e.type == "Organisation" and "Department" in e.name)
    assert names == ["Roads Department", "Schools Department", "Water and Sanitation Service Department"]


@pytest.mark.parametrize(("text", "bodies"), [
    # "UN" shortens "United Nations" inside a known body's name, and qualifies a known acronym
    ("Funds came from a UN Population Fund project.", ["United Nations Population Fund"]),
    ("UN FAO and the ministry sent a mission.", ["Food and Agriculture Organization"]),
    # a known body closing a longer name after "for" is part of that other body's name
    ("The Riverland National Commission for UNESCO met.", ["Riverland National Commission for UNESCO"]),
    ("A training for UNICEF staff was held.", ["United Nations Children's Fund"]),
    # an undefined acronym with a ministry's shape is a body; "UN" before a fund's name is no body of its own
    ("Centres work under the MoFALI with funds from the UN Riverton Response Fund.", ["MoFALI", "UN Riverton Response Fund"]),
    # a known body's acronym opening a unit's name ("UN Resident Coordinator's Office") is part of it
    ("Ana Velaz, UN Resident Coordinator's Office, spoke.", ["UN Resident Coordinator's Office"]),
])
def test_known_bodies_inside_longer_names(text: str, bodies: list[str]) -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text(text, "x.txt")
    assert [e.name for e in rec.entities if e.type == "Organisation"] == bodies


@pytest.mark.parametrize(("text", "people", "bodies"), [
    # a name with its role in apposition after a wire dateline or at a sentence's start
    ("Riverton /WIRE/ Ana Velaz, Deputy Representative of UNICEF, met officials.", ["Ana Velaz"],
     ["United Nations Children's Fund"]),
    # accented letters in a name
    ("On behalf of the fund, Benoît Meyer-Bisch, Head of Cooperation, spoke.", ["Benoît Meyer-Bisch"], []),
    # a given name, a middle initial, a family name; a glued local initial stays the local form
    ("The supplies were handed over by Ana M. Velaz on 3 May 2013.", ["Ana M. Velaz"], []),
    ("The Minister of Foreign Affairs Ts.Munkhbat spoke.", ["Ts.Munkhbat"], []),
    # an acronym joined to a country by a hyphen: a known body as it signs there, or a body of its own
    ("Ana Velaz, Director of ABCD-Mongolia, met UNDP-Mongolia staff.", ["Ana Velaz"],
     ["ABCD-Mongolia", "United Nations Development Programme"]),
])
def test_people_and_posts_in_their_genre_forms(text: str, people: list[str], bodies: list[str]) -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text(text, "x.txt")
    assert [e.name for e in rec.entities if e.type == "Person"] == people
    assert [e.name for e in rec.entities if e.type == "Organisation"] == bodies


@pytest.mark.parametrize(("text", "kind"), [
    # a programme that acts, or another country's, is a project someone runs
    ("The Northland Lakeside Extractive Program is currently working with the Council of Mining Associations.", "Project"),
    ("The Lakeside Water Programme has trained 40 engineers since 2019.", "Project"),
    ("Scholarships came from the Australia Awards Lakeside Program in 2020.", "Project"),
    # a named programme with nothing of the sort is a government's programme (a policy)
    ("The Child Money Programme was extended in 2020.", "Policy"),
])
def test_a_named_programme_a_project_or_a_policy(text: str, kind: str) -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text(text, "x.txt")
    kinds = {e.type for e in rec.entities if "Program" in e.name}
    assert kinds == {kind}
    # a country inside the programme's name is not a place the text is about
    assert not [e for e in rec.entities if e.type == "Place"]


@pytest.mark.parametrize(("text", "project"), [
    ("The agency started the Project for Promoting Social Participation of Persons with Disabilities in 2016.",
     "Project for Promoting Social Participation of Persons with Disabilities"),
    ("The Project for Strengthening Rural Teachers (PSRT) started.", "Project for Strengthening Rural Teachers"),
])
def test_a_title_that_opens_with_project_for(text: str, project: str) -> None:
    from coopgraph.loaders.text.projects import find_projects

    assert [h.name for h in find_projects(text, 0, len(text)) if not h.generic] == [project]


@pytest.mark.parametrize(("text", "policies"), [
    # goals and agendas are named policies; a policy's acronym in brackets is its alias
    ("The plan supports the Sustainable Development Goals (SDGs) in Riverton.", [("Sustainable Development Goals", ["SDGs"])]),
    ("They reviewed the Riverland Development Assistance Framework (RDAF) 2017-2021. The RDAF ends soon.",
     [("Riverland Development Assistance Framework", ["RDAF"])]),
    # a hyphenated first word is part of the name; a title-case headline's verb is not a policy's name
    ("Teachers joined the Non-formal Education Equivalency Programme in Riverton.",
     [("Non-formal Education Equivalency Programme", [])]),
    ("Riverton City Pilots External Policy Evaluation\n\nThe city council met.", []),
])
def test_named_policies_and_their_acronyms(text: str, policies: list[tuple[str, list[str]]]) -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text(text, "x.txt")
    assert [(e.name, list(e.aliases)) for e in rec.entities if e.type == "Policy"] == policies


def test_a_plural_kind_of_body_after_a_list_of_places_names_one_per_place() -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text("The Khovd, Uvs and Zavkhan OSSCs shared good practices. Harbour, Lake and Hill Offices closed.")
    assert [e.name for e in rec.entities if e.type == "Organisation"] == ["Khovd OSSC", "Uvs OSSC", "Zavkhan OSSC"]
    names = {e.id: e.name for e in rec.entities}
    assert {(names[r.subject], names[r.object]) for r in rec.relations if r.predicate == "locatedIn"} == {
        ("Khovd OSSC", "Khovd"), ("Uvs OSSC", "Uvs"), ("Zavkhan OSSC", "Zavkhan")}


def test_a_quoted_project_title_after_project_and_a_comma() -> None:
    from coopgraph.loaders.text.projects import find_projects

    text = 'It came from a Riverton Fund project, "Safe Homes for Every Family", in 2020.'
    assert [h.name for h in find_projects(text, 0, len(text)) if not h.generic] == ["Safe Homes for Every Family"]


@pytest.mark.parametrize(("text", "projects"), [
    # the article before a project's name is not its name
    ("The Solar Wind Hybrid Project is financed by the Abbe Fund.", ["Solar Wind Hybrid Project"]),
    # quoted titles after "projects are titled"
    ('Two projects are titled "Clean Wells for Riverton" and "Safe Roads for Lakeside".',
     ["Clean Wells for Riverton", "Safe Roads for Lakeside"]),
    # a capitalised title before a lower-case "project"; not a body's project, not a funder's programme
    ("Staff trained under the Improving Flood Risk Management project in 2015.", ["Improving Flood Risk Management project"]),
    # an amount in a headline is not the name
    ("Riverland Gets $60 Million for Solar-Wind Hybrid Project", ["Solar-Wind Hybrid Project"]),
    ("The Riverton Bank project ended. It was co-financed under the Green Steppe programme.", []),
])
def test_project_names_in_running_text(text: str, projects: list[str]) -> None:
    from coopgraph.loaders.text.projects import find_projects

    assert [h.name for h in find_projects(text, 0, len(text)) if not h.generic] == projects


def test_a_quoted_name_before_a_head_noun_and_its_last_words_again() -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text('The meeting was organised by the "Orno Steppe" Cooperative Union. Members of the '
                       "Cooperative Union met the Riverton Heritage Centre.")
    assert [e.name for e in rec.entities if e.type == "Organisation"] == ["Orno Steppe Cooperative Union",
                                                                          "Riverton Heritage Centre"]


def test_the_governments_of_two_countries_are_two_bodies() -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text("Representing the Governments of Japan and Mongolia, the two envoys signed the letters.")
    assert [e.name for e in rec.entities if e.type == "Organisation"] == ["Government of Japan", "Government of Mongolia"]


def test_a_unit_named_after_its_owners_possessive() -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text("Ana Velaz of LuxDev's Asia Office spoke.")
    unit = next(e for e in rec.entities if e.name == "Asia Office")
    assert (set(unit.aliases), unit.category) == ({"LuxDev Asia Office", "LuxDev's Asia Office"}, "donor")


def test_a_local_name_form_after_the_full_name_and_a_bracketed_acronym_in_a_title() -> None:
    from coopgraph.loaders.text.loader import extract_text

    rec = extract_text('Minister of Roads Damdin Tsogtbaatar signed. Minister D.Tsogtbaatar thanked the "Safe '
                       'Roads for Riverton (SRR)" project team.')
    people = [e for e in rec.entities if e.type == "Person"]
    assert [(p.name, set(p.aliases)) for p in people] == [("Damdin Tsogtbaatar", {"D.Tsogtbaatar", "Tsogtbaatar"})]
    assert [(e.name, list(e.aliases)) for e in rec.entities if e.type == "Project"] == [("Safe Roads for Riverton", ["SRR"])]
