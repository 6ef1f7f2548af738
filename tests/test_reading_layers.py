"""Unit tests of the general reading layers, on invented sentences (no document's phrases).

Each table row is a pattern of English or of the genre; the rule is called directly.
"""

from __future__ import annotations

import pytest

from coopgraph.loaders.text.cleanup import blank_furniture, furniture_spans, is_glued_label, is_menu_label
from coopgraph.loaders.text.events import EventDraft, event_type, noun_phrase
from coopgraph.loaders.text.loader import extract_text
from coopgraph.loaders.text.same_activity import merge_same_activities, same_activity
from coopgraph.records import event_label

# --- cleanup -----------------------------------------------------------------------------------

PAGE = """Source: https://example.org/news/item-17

-
What We Do
WHAT WE DOThe Northern Alliance for Water is a network of river basin councils working since 1990 on clean water.
Contact
Contact
Careers
Careers
- Our Partners
- Get Involved
- Annual Reports
Water councils meet in Riverton
Riverton - The Lakeside Water Council held a two-day meeting with the Hill Farmers Union on 4 June 2021.
"""


def test_menus_and_url_lines_are_blanked_with_the_length_kept() -> None:
    out = blank_furniture(PAGE)
    assert len(out) == len(PAGE) and out.count("\n") == PAGE.count("\n")
    assert "https://" not in out and "WHAT WE DO" not in out and "Careers" not in out and "Annual Reports" not in out
    assert "Water councils meet in Riverton" in out
    assert "held a two-day meeting with the Hill Farmers Union" in out


@pytest.mark.parametrize(("line", "label"), [
    ("About Us", True),
    ("- Get Involved", True),
    ("-", True),
    ("Annual Reports", True),
    ("Training for teachers", False),          # an activity word: a headline
    ("15 May 2020", False),                    # a date line
    ("The council met on Friday.", False),     # a sentence
    ("Ministry officials visited the school", False),
])
def test_menu_labels(line: str, label: bool) -> None:
    assert is_menu_label(line) is label


def test_a_label_glued_to_its_blurb() -> None:
    assert is_glued_label("Our MissionWe help rural schools find teachers and books for every child.")
    assert not is_glued_label("The MacArthur Foundation gave three grants to rural schools last year.")


def test_a_short_list_inside_an_article_is_content() -> None:
    text = ("The ministry opened a new clinic in the valley on 3 May 2020 with the help of local donors.\n"
            "Partners\n- Valley Health Trust\n- River Clinic\n- Hill School\n"
            "The clinic will serve 4,000 people in the valley and the hills around it every year.\n")
    assert furniture_spans(text) == []


# --- activities ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "kind"), [
    ("a two-day training workshop for nurses", "training"),
    ("a vocational training workshop for school heads", "workshop"),
    ("a dialogue with youth groups", "meeting"),
    ("an inception workshop", "workshop"),
    # a committee's own meeting is a steering committee; a training for its members is a training
    ("the second meeting of the Lakeside Advisory Committee", "steering_committee"),
    ("the 1st Joint Coordination Committee of the water project", "steering_committee"),
    ("orientation training for heads of soum steering committees", "training"),
    ("a rapid training needs assessment of teachers' unions", "survey"),
    ("Riverland Grant Agreement Signing Ceremony", "other"),
])
def test_event_types(phrase: str, kind: str) -> None:
    assert event_type(phrase) == kind


@pytest.mark.parametrize(("heading", "kind"), [
    ("Hand over of school tents to Lakeside province", "other"),  # named: a handover
    ("Lakeside teachers and the new school year", None),  # names no activity
])
def test_a_heading_names_a_type_or_none(heading: str, kind: str | None) -> None:
    from coopgraph.loaders.text.events import named_type
    assert named_type(heading) == kind


@pytest.mark.parametrize(("sentence", "noun", "phrase"), [
    ("The council is hosting a two-day workshop in Riverton this week for 40 farmers.", "workshop",
     "two-day workshop in Riverton"),
    ("A 'Clean Rivers for All' stakeholder consultation was held on 4 May.", "consultation",
     "'Clean Rivers for All' stakeholder consultation"),
    ("They ran a course on water safety for teachers, organized by the union.", "course",
     "course on water safety for teachers"),
])
def test_noun_phrase_of_an_activity(sentence: str, noun: str, phrase: str) -> None:
    assert noun_phrase(sentence, sentence.index(noun)) == phrase


def _draft(title: str, start: str | None, span: tuple[int, int], places: list[str] | None = None) -> EventDraft:
    return EventDraft(title, "training", start, start, "day" if start else "unknown", "completed", span,
                      places=places or [])


def test_a_back_reference_joins_an_activity_already_named() -> None:
    text = "Nurse training in Riverton. During the training, nurses practised first aid."
    a = _draft("Nurse training in Riverton", "2021-06-04", (0, 26))
    b = _draft("Nurse training: training", None, (text.index("During"), len(text)))
    assert same_activity(text, a, b)
    merged = merge_same_activities(text, [a, b])
    assert merged == [a] and a.start == "2021-06-04"


def test_look_alike_activities_stay_apart() -> None:
    text = "Study visit to Norway in May. Study visit to Norway in September."
    a = _draft("Study visit to Norway", "2021-05", (0, 29))
    b = _draft("Study visit to Norway", "2021-09", (30, len(text)))
    assert not same_activity(text, a, b)
    c = _draft("Teacher training", None, (0, 10), ["riverton"])
    d = _draft("Teacher training", None, (11, 20), ["lakeside"])
    assert not same_activity(text, c, d)


def test_a_listing_page_keeps_every_item() -> None:
    text = "x" * 100
    drafts = [_draft("Teacher training", "2021-06-04", (i, i + 1)) for i in range(6)]
    assert len(merge_same_activities(text, drafts)) == 6


def test_status_from_a_later_sentence_naming_the_activity() -> None:
    rec = extract_text("The Lakeside Water Council is hosting a workshop on river safety in Riverton this week.\n"
                       "The workshop, which starts tomorrow, will be attended by the Hill Farmers Union.\n")
    assert [e.status for e in rec.events] == ["planned"]


def test_a_whole_story_country_is_no_venue() -> None:
    rec = extract_text("The Ministry of Health organized a training on child nutrition in Mongolia on 4 May 2021.\n")
    assert rec.events and rec.events[0].places == ()
    rec = extract_text("The Ministry of Health organized a study tour to Japan on 4 May 2021.\n")
    assert [p for e in rec.events for p in e.places] == ["japan"]


# --- relations read from frames ------------------------------------------------------------------

def _rels(text: str) -> set[tuple[str, str, str]]:
    rec = extract_text(text)
    names = {e.id: e.name for e in rec.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in rec.relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ministry of Water and the Hill Farmers Federation have jointly organized a workshop on irrigation.",
     ("Ministry of Water", "cooperatesWith", "Hill Farmers Federation")),
    ("Together, the Ministry of Water and the Hill Farmers Federation developed a guide for herders.",
     ("Ministry of Water", "cooperatesWith", "Hill Farmers Federation")),
    ("The Ministry of Water, in partnership with the Hill Farmers Federation, is organizing a forum.",
     ("Ministry of Water", "cooperatesWith", "Hill Farmers Federation")),
    ("The Ministry of Water is supporting the efforts of the Hill Farmers Federation to train herders.",
     ("Ministry of Water", "supports", "Hill Farmers Federation")),
    ("Ms. Dulam Bat is Head of the Rivers Division, Water Policy Department of the Ministry of Water.",
     ("Rivers Division", "partOf", "Water Policy Department")),
    ("The workshop was held at the Hill Farmers Federation, Ulaanbaatar, on 4 May 2021.",
     ("Hill Farmers Federation", "locatedIn", "Ulaanbaatar")),
    # every body listed after a funding cue funds the project, the project named after the cue
    ("Co-financed by the Northland Union, with additional support from the Abbe Fund and the Riverton "
     "Bank; the ‘Clean Stoves’ project is being implemented by the Riverland Heat Agency.",
     ("Clean Stoves", "fundedBy", "Riverton Bank")),
    # the parties to an agreement cooperate
    ("The Riverland Development Bank and the Lakeside Water Agency signed a loan agreement on 3 May.",
     ("Riverland Development Bank", "cooperatesWith", "Lakeside Water Agency")),
    ("The Lakeside Water Agency signed a memorandum with the Hill Farmers Federation.",
     ("Lakeside Water Agency", "cooperatesWith", "Hill Farmers Federation")),
    ("The Riverland Bank, together with the Lakeside Water Agency, hosted a forum on 3 May.",
     ("Riverland Bank", "cooperatesWith", "Lakeside Water Agency")),
    # support stated by "with the support of A, B ..." and "by A to support B"
    ("With the support of the Riverland Bank, the Lakeside Water Agency has been building new wells.",
     ("Riverland Bank", "supports", "Lakeside Water Agency")),
    ("The loan is part of a programme by the Riverland Bank to support the Lakeside Water Agency in its plans.",
     ("Riverland Bank", "supports", "Lakeside Water Agency")),
    # who implements a project
    ("The Hill Farmers Federation is implementing the Clean Wells Project in three provinces.",
     ("Clean Wells Project", "implementedBy", "Hill Farmers Federation")),
    ("The ‘Clean Wells’ project started in 2020; its implementing agency is the Hill Farmers Federation.",
     ("Clean Wells", "implementedBy", "Hill Farmers Federation")),
    # a named unit is part of the body named with it
    ("Staff of the Water Quality Division at the Lakeside Water Agency tested the wells.",
     ("Water Quality Division", "partOf", "Lakeside Water Agency")),
    ("UNICEF's Water Quality Division tested the wells.",
     ("Water Quality Division", "partOf", "United Nations Children's Fund")),
    # the project's name again, its last word in lower case
    ("The Hill Farmers Federation presented the Clean Wells Project in May. Launched in 2020, the Clean "
     "Wells project was implemented by the Hill Farmers Federation and by the Lakeside Water Agency.",
     ("Clean Wells Project", "implementedBy", "Lakeside Water Agency")),
    # a project named once in quotes is the same project when named again without them
    ("The ‘Clean Stoves’ project held its board meeting on 3 May. With additional support from the "
     "Abbe Fund, the Clean Stoves project is being implemented by the Riverland Heat Agency.",
     ("Clean Stoves", "fundedBy", "Abbe Fund")),
])
def test_relation_frames(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _rels(text)


@pytest.mark.parametrize(("text", "expected"), [
    # the partners listed after "in collaboration with" / "with the cooperation of" are the
    # subject's partners, not each other's
    ("The Lakeside Water Agency held a training in May 2021 with the cooperation of the Hill Farmers "
     "Federation and the Riverton Heritage Centre.",
     {("Lakeside Water Agency", "cooperatesWith", "Hill Farmers Federation"),
      ("Lakeside Water Agency", "cooperatesWith", "Riverton Heritage Centre")}),
    ("Today staff are working in collaboration with the Hill Farmers Federation and the Riverton Heritage Centre.", set()),
    # "cooperation between A and B" pairs them
    ("Cooperation between the Lakeside Water Agency and the Riverton Heritage Centre grew in 2020.",
     {("Lakeside Water Agency", "cooperatesWith", "Riverton Heritage Centre")}),
    # signatories, "the U.S. X" inside the list
    ("The Riverton Bank and the U.S. Millennium Challenge Corporation signed a grant agreement on 3 May 2024.",
     {("Riverton Bank", "cooperatesWith", "Millennium Challenge Corporation")}),
])
def test_whose_partners_a_cooperation_phrase_lists(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {r for r in _rels(text) if r[1] == "cooperatesWith"} == expected


def test_an_agency_in_an_aimag_is_not_located_there() -> None:
    rels = _rels("Officials of the Khovd Water Agency in Khovd aimag met UNICEF in Khovd aimag.")
    assert {(a, b) for a, p, b in rels if p == "locatedIn"} == {("Khovd Water Agency", "Khovd")}


def test_bodies_that_jointly_undertook_something_cooperate() -> None:
    assert ("Lakeside Water Agency", "cooperatesWith", "Riverland Development Bank") in _rels(
        "The Lakeside Water Agency and the Riverland Development Bank have jointly undertaken two evaluations.")


def test_a_list_of_bodies_each_with_the_is_no_unit_and_its_ministry() -> None:
    listed = _rels("Officials of the Lakeside Water Agency, the Riverton Statistics Office, the Ministry of Roads "
                   "and the Hill Farmers Federation met.")
    assert not [r for r in listed if r[1] == "partOf"]
    apposed = _rels("Ms. Bold, Head of the Employment Department, Ministry of Roads, spoke.")
    assert ("Employment Department", "partOf", "Ministry of Roads") in apposed


def test_a_sentence_about_all_the_projects_just_named() -> None:
    rels = _rels('Two projects are titled "Clean Wells for Riverton" and "Safe Roads for Lakeside". All projects are '
                 "financed by the Abbe Fund and implemented by the Hill Farmers Federation.")
    assert {r for r in rels if r[1] in ("fundedBy", "implementedBy")} == {
        ("Clean Wells for Riverton", "fundedBy", "Abbe Fund"), ("Safe Roads for Lakeside", "fundedBy", "Abbe Fund"),
        ("Clean Wells for Riverton", "implementedBy", "Hill Farmers Federation"),
        ("Safe Roads for Lakeside", "implementedBy", "Hill Farmers Federation")}


def test_a_post_abroad_stands_where_its_name_says() -> None:
    rels = _rels("Officials of the Embassy of Northland in Mongolia met the Hill Farmers Federation in Mongolia.")
    assert ("Embassy of Northland in Mongolia", "locatedIn", "Mongolia") in rels


def test_co_organisers_share_an_event_but_state_no_cooperation() -> None:
    rels = _rels("The forum, co-organized by the Ministry of Water and the Hill Farmers Federation, was held in May 2021.")
    assert not any(p == "cooperatesWith" for _, p, _ in rels)


# --- roles ----------------------------------------------------------------------------------------

def test_a_progressive_verb_is_active_its_subject_organises() -> None:
    rec = extract_text("The Ministry of Water, in partnership with the Hill Farmers Federation, is organizing a "
                       "workshop for herders in Riverton on 4 May 2021.\n")
    names = {e.id: e.name for e in rec.entities}
    assert {names[x] for x in rec.events[0].organisers} == {"Ministry of Water", "Hill Farmers Federation"}


def test_the_project_a_launch_launched_is_not_its_organiser() -> None:
    rec = extract_text("The Ministry of Water launched the new Clean Wells Project on 4 May 2021 in Riverton.\n")
    names = {e.id: e.name for e in rec.entities}
    ev = rec.events[0]
    assert ev.type == "launch" and [names[x] for x in ev.organisers] == ["Ministry of Water"]
    assert [names[x] for x in ev.projects] == ["Clean Wells Project"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ministry of Health is also supporting the Hill Farmers Federation, the Lake Teachers Association and the "
     "Valley Health Centre.",
     {("Ministry of Health", "supports", "Lake Teachers Association"), ("Ministry of Health", "supports", "Valley Health Centre")}),
    # the simple forms of support, and a grant given to a body
    ("The Valley Health Fund supports the Lake Teachers Association and the Hill Farmers Federation.",
     {("Valley Health Fund", "supports", "Lake Teachers Association"),
      ("Valley Health Fund", "supports", "Hill Farmers Federation")}),
    ("The Valley Health Fund has awarded a small grant to the Lake Teachers Association.",
     {("Valley Health Fund", "supports", "Lake Teachers Association")}),
    ("In partnership with the Lake Teachers Association, the Ministry of Water has been building wells since 2019.",
     {("Ministry of Water", "cooperatesWith", "Lake Teachers Association")}),
    ("The Water Steering Committee comprises the Ministry of Water, the Lake Teachers Association and the Hill "
     "Farmers Federation.",
     {("Ministry of Water", "memberOf", "Water Steering Committee"),
      ("Lake Teachers Association", "memberOf", "Water Steering Committee")}),
])
def test_relation_frames_with_lists(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _rels(text)


def test_supported_by_and_supporting_through_are_not_support_of_the_next_body() -> None:
    # "A was supported by B": B supports A, never A B; "supports people through the X project":
    # the project is the means, not the one supported
    assert not {r for r in _rels("The Lake Teachers Association was supported by the Valley Health Fund.")
                if r[0] == "Lake Teachers Association" and r[1] == "supports"}
    assert not {r for r in _rels('The Valley Health Fund supports young people through the "Clean Wells" project.')
                if r[1] == "supports"}


# --- dates, bylines, kinds ---------------------------------------------------------------------

def test_a_yearless_day_takes_the_datelines_year() -> None:
    rec = extract_text("Riverton, Lakeland, June 27, 2014 - On June 26-27, the Ministry of Water held a national "
                       "training workshop on well safety.\n")
    assert [(e.start, e.end) for e in rec.events] == [("2014-06-26", "2014-06-27")]


def test_a_byline_is_no_heading() -> None:
    text = "Wells open in Riverton\nBy Jane Smith\n\nThe Ministry of Water opened ten wells in Riverton on 4 May 2021.\n"
    assert "Jane Smith" not in blank_furniture(text)


@pytest.mark.parametrize(("phrase", "kind"), [
    ("the embassy handed over ten ambulances", "other"),
    ("a handover ceremony of school buses", "other"),
    ("the new clinic was officially inaugurated", "launch"),
])
def test_handovers_are_not_launches(phrase: str, kind: str) -> None:
    assert event_type(phrase) == kind


def test_the_workshop_points_back_at_a_training_workshop() -> None:
    text = "A training workshop on well safety was held. The workshop was organized under the Clean Wells Project."
    a = EventDraft("Training workshop on well safety", "training", "2014-06-26", "2014-06-27", "day", "completed",
                   (0, 44))
    b = EventDraft("Clean Wells: workshop", "workshop", None, None, "unknown", "completed", (45, len(text)))
    b.title = "Training workshop on well safety: workshop"
    assert same_activity(text, a, b)


def test_on_a_weekday_is_dated_from_the_reports_own_date() -> None:
    rec = extract_text("Wells handed over in Riverton\n\n16:07, May 16, 2020\n\nThe Ministry of Water on Friday handed "
                       "over ten new wells to the Hill Farmers Federation in Riverton.\n")
    assert [(e.start, e.date_precision) for e in rec.events] == [("2020-05-15", "day")]


def test_a_training_workshop_report_is_the_main_sentence_under_a_workshop_heading() -> None:
    rec = extract_text("Lake Teachers Association holds national workshop\n\nRiverton, June 27, 2014 - On June 26-27, the "
                       "Lake Teachers Association held a national training workshop on school safety.\nThe workshop was "
                       "organized as part of a long programme of the association.\n")
    assert [(e.start, e.end) for e in rec.events] == [("2014-06-26", "2014-06-27")]


# --- announced activities ------------------------------------------------------------------------

def test_a_story_announces_its_next_activities() -> None:
    rec = extract_text("Water minister visits Riverton\n\nThe Minister of Water is visiting Riverton this week with "
                       "the Lake Teachers Association. On 22 May 2021, she will give a lecture at the Hill Farmers "
                       "Federation about clean wells. She will also visit the new pumping station.\n")
    kinds = [(e.type, e.status) for e in rec.events]
    assert ("seminar", "planned") in kinds and ("field_visit", "planned") in kinds
    lecture = next(e for e in rec.events if e.type == "seminar")
    assert lecture.start == "2021-05-22" and lecture.title.startswith("Lecture at the Hill Farmers Federation")


def test_a_training_story_is_not_split_by_its_own_trainees() -> None:
    rec = extract_text("Nurses trained in Riverton\n\nThe Ministry of Health is organizing a training for nurses in "
                       "Riverton on 4 May 2021. The training will train 40 nurses from six clinics.\n")
    assert [e.type for e in rec.events] == ["training"]


def test_a_span_of_years_is_a_date() -> None:
    from coopgraph.loaders.text.dates import find_dates

    text = "In 2020-2021, the clinics were rebuilt; the wells were dug from 2016 to 2018."
    assert [(h.first, h.last, h.precision) for h in find_dates(text, 0, len(text), None)] == [
        ("2020", "2021", "year"), ("2016", "2018", "year")]


def test_a_dated_activity_told_in_the_passive_is_an_event_of_its_own() -> None:
    rec = extract_text("Clean Wells Project closes\n\nLaunched in 2016, the Clean Wells Project was run by the Ministry "
                       "of Water. In 2019-2020, water safety courses were implemented in six aimags with the Lake "
                       "Teachers Association.\n")
    courses = [e for e in rec.events if e.title.startswith("Water safety courses implemented")]
    assert [(e.start, e.end, e.type, e.status) for e in courses] == [("2019", "2020", "training", "completed")]


@pytest.mark.parametrize(("text", "person", "body"), [
    ('"Clean water matters," said Jane Doe, Lakeside Water Council Country Manager for Riverland.',
     "Jane Doe", "Lakeside Water Council"),
    ("Deputy Minister of Health, Mr B. Bold, thanked the staff of the Ministry of Health.",
     "B. Bold", "Ministry of Health"),
    ("Water Minister D.Dorj opened the new pumping station of the Ministry of Water.", "D.Dorj", "Ministry of Water"),
    # a body opening the title right before the name, no comma between
    ("Today, Riverland Development Bank President Sir Ann Veld, The Governor of the Lakeside Savings Bank, "
     "Mr B. Bold, and the Deputy Minister of Finance, Mr C. Chuluun, have signed a memorandum.",
     "Ann Veld", "Riverland Development Bank"),
    # "the <title> of <body>, Mr <name>": the title before the comma is this person's ...
    ("Today, Riverland Development Bank President Sir Ann Veld, The Governor of the Lakeside Savings Bank, "
     "Mr B. Bold, and the Deputy Minister of Finance, Mr C. Chuluun, have signed a memorandum drafted by "
     "the Ministry of Finance.", "B. Bold", "Lakeside Savings Bank"),
    ("The team met the Project Director of the Lakeside Water Agency Mr. Bat every month.", "Bat",
     "Lakeside Water Agency"),
    ("The meeting opened with the Ambassador of the Northland Union to Riverland, Mr. Ole Berg.", "Ole Berg",
     "Northland Union"),
    # a country's ambassador: its embassy the text names, else its government
    ("The meeting was attended by the Northlandish Ambassador to Riverland, Mr. Ole Berg. The Northlandish "
     "Embassy funds the project.", "Ole Berg", "Northlandish Embassy"),
    ("It was signed by the Ambassador Extraordinary and Plenipotentiary of Japan to Riverland, Mr. Ole Berg. "
     "The Government of Japan funds the project.", "Ole Berg", "Government of Japan"),
    # an apposition "a member of X" after the name beats a body named before it
    ("The beds were handed out by the Lakeside Water Agency and Mr. Ole Berg, a member of the Riverland "
     "Parliament, on Monday.", "Ole Berg", "Riverland Parliament"),
    ("Ms. Ada Brennan, National Coordinator, Lakeside Water Agency, opened the course.", "Ada Brennan",
     "Lakeside Water Agency"),
    ("B.Bold, CEO of Green Hills LLC, said the course was useful.", "B.Bold", "Green Hills LLC"),
    ("Lakeside Water Agency specialists Ada Brennan, Ole Berg and Ann Veld gave the lectures.", "Ole Berg",
     "Lakeside Water Agency"),
    ("Mr. Ole Berg and Ms. Ann Veld, Lakeside Water Agency experts, gave the lectures.", "Ole Berg",
     "Lakeside Water Agency"),
    # ... unless each name carries its own title after it
    ("The guests were Director of the Lakeside Water Council, Mr B. Bold, Head of the Riverland Health Agency, "
     "and Ms Ann Veld, Manager of the Northland Food Bank.", "Ann Veld", "Northland Food Bank"),
])
def test_affiliation_from_an_apposition_or_a_portfolio(text: str, person: str, body: str) -> None:
    rec = extract_text(text)
    names = {e.id: e.name for e in rec.entities}
    p = next(e for e in rec.entities if e.type == "Person" and e.name == person)
    assert names.get(p.affiliation or "") == body
    assert (p.id, "affiliatedWith", p.affiliation) in {(r.subject, r.predicate, r.object) for r in rec.relations}


@pytest.mark.parametrize(("text", "name"), [
    ("The team met the Riverton aimag Governor’s Office on Monday.", "Riverton aimag Governor’s Office"),
    ("The fund supports the Lakeside Monastery and its school.", "Lakeside Monastery"),
    ("The U.S. Embassy donated two ambulances.", "U.S. Embassy"),
    ("The Local Governments of Riverton province ran the clinics.", "Local Governments of Riverton province"),
])
def test_bodies_by_head_noun(text: str, name: str) -> None:
    from coopgraph.loaders.text.organisations import find_org_names

    assert name in [n.name for n in find_org_names(text, 0, len(text), lambda w: w == "Riverton")]


def test_a_line_of_share_buttons_is_furniture() -> None:
    text = "Wells for Riverton\nShare Facebook Twitter Instagram Saturday, May 16, 2020\n\nThe ministry opened ten wells.\n"
    out = blank_furniture(text)
    assert "Facebook" not in out and "May 16" not in out and "opened ten wells" in out


def test_receiving_supplies_is_a_handover() -> None:
    assert event_type("Riverton on Friday received more medical supplies from Lakeside") == "other"


def test_the_home_country_is_the_gazetteers() -> None:
    """No country is written into the rules: the home country is the parent of the provinces the
    reference gazetteer lists."""
    from coopgraph.loaders.reference import Reference, reference
    from coopgraph.reference_data import RefPlace

    home = reference().home_country
    assert home is not None and home.place_type == "country"
    assert {p.parent for p in reference().places if p.place_type == "aimag"} == {home.id}
    other = Reference((RefPlace("ruritania", "Ruritania", (), "country", None, None),
                       RefPlace("north", "North", (), "aimag", "ruritania", None)), (), {}, ())
    assert other.home_country is not None and other.home_country.name == "Ruritania"


def test_a_body_named_again_by_its_head_noun_is_the_same_body() -> None:
    rec = extract_text("The Lakeside Foundation held a workshop on well safety on 4 May 2021. The workshop was part of "
                       "the Foundation's Clean Wells Project.\n")
    orgs = [e.name for e in rec.entities if e.type == "Organisation"]
    assert orgs == ["Lakeside Foundation"]


def test_the_body_where_an_activity_was_held_is_its_venue_not_a_participant() -> None:
    rec = extract_text("The grant signing ceremony was held at the Ministry of Water on 16 April 2014. The Lake "
                       "Teachers Association and the Hill Farmers Federation signed the agreement.\n")
    names = {e.id: e.name for e in rec.entities}
    ev = rec.events[0]
    assert "Ministry of Water" not in {names[x] for x in (*ev.organisers, *ev.supporters, *ev.participants)}


def test_a_quoted_name_wrapped_over_lines_is_part_of_the_title() -> None:
    sentence = "a 'Clean Rivers\nfor All' stakeholder\nconsultation was held on 3 May."
    assert noun_phrase(sentence, sentence.index("consultation")) == "'Clean Rivers for All' stakeholder consultation"


@pytest.mark.parametrize(("text", "names"), [
    ("the Ministry of Water, Soil, Forests and Lakes held", ["Ministry of Water, Soil, Forests and Lakes"]),
    ("the Lake Teachers Committee, Riverwatch, civil society groups and the Hill Council",
     ["Lake Teachers Committee", "Hill Council"]),
])
def test_a_comma_list_inside_a_name_is_closed_by_and(text: str, names: list[str]) -> None:
    from coopgraph.loaders.text.organisations import find_org_names

    assert [n.name for n in find_org_names(text, 0, len(text), lambda w: False)] == names


@pytest.mark.parametrize(("sentence", "verb", "title"), [
    ("Today the two banks have signed a Memorandum of Understanding on lending.", "signed",
     "Signing of a Memorandum of Understanding on lending"),
    ("RIVERTON - A wind farm of 20 turbines has been officially launched in Lakeland province, TV said.", "launched",
     "Launch of a wind farm of 20 turbines in Lakeland province"),
    ("The embassy handed over two ambulances to the clinic.", "handed over", "Handover of two ambulances to the clinic"),
    ("The minister visited Riverton last week.", "visited", "Visit to Riverton"),
    ("The council held a workshop on wells.", "workshop", "workshop on wells"),
])
def test_an_activity_told_by_a_verb_is_titled_by_its_noun(sentence: str, verb: str, title: str) -> None:
    from coopgraph.loaders.text.events import nominal

    at = sentence.index(verb)
    assert nominal(sentence, at, noun_phrase(sentence, at)) == title


def test_a_meeting_held_during_a_visit_is_an_event_of_its_own() -> None:
    rec = extract_text("Ministry team visits Riverton\n\nThe Ministry of Water visited Riverton on 4 May 2021. The team "
                       "met with members of the Lake Teachers Association to discuss clean wells.\n")
    meetings = [e for e in rec.events if e.type == "meeting"]
    assert [(event_label(m.title), m.status) for m in meetings] == [("Meeting with members of the Lake Teachers Association to discuss "
                                                        "clean wells", "completed")]


_PLAIN = """Ministry and Lake Teachers Association sign cooperation agreement

Riverton, 27 June 2023 - The Ministry of Water and the Lake Teachers Association signed a cooperation agreement on \
26 June 2023 in Riverton.

Under the agreement:
- the association will train 40 teachers on water safety;
- the ministry will fund ten school wells.

The agreement was signed by Ms. Saraa Tuya, President of the Lake Teachers Association.
"""
_MARKDOWN = """# Ministry and Lake Teachers Association sign cooperation agreement

**Riverton, 27 June 2023** - The Ministry of Water and the Lake Teachers Association signed a cooperation agreement \
on 26 June 2023 in Riverton.

Under the agreement:

* the association will train 40 teachers on water safety;
* the ministry will fund ten school wells.

The agreement was signed by **Ms. Saraa Tuya**, President of the Lake Teachers Association.
"""


def test_markdown_and_plain_text_read_the_same_words_the_same_way() -> None:
    """Issue 15: a dateline in bold and bullets as '*' must not change dates or titles."""
    def reading(text: str, name: str) -> tuple[object, ...]:
        rec = extract_text(text, name)
        return (tuple((event_label(e.title), e.start, e.end, e.type, e.status, e.organisers, e.participants) for e in rec.events),
                tuple(sorted((e.type, e.name) for e in rec.entities)),
                tuple(sorted((r.subject, r.predicate, r.object) for r in rec.relations)))

    plain, markdown = reading(_PLAIN, "news.txt"), reading(_MARKDOWN, "news.md")
    assert plain == markdown
    assert plain[0][0][1:3] == ("2023-06-26", "2023-06-26")  # the signing's day, not the dateline's


@pytest.mark.parametrize(("sentence", "year", "expected"), [
    ("In late April, the clinic received masks.", 2020, ("2020-04", "2020-04", "month")),
    ("We met during May.", 2021, ("2021-05", "2021-05", "month")),
    ("In April, the team met.", None, (None, None, "unknown")),  # no year to give it
    ("The team may meet soon.", 2020, (None, None, "unknown")),  # "may" is no month
])
def test_a_month_without_its_year_takes_the_story_year(sentence: str, year: int | None,
                                                       expected: tuple[str | None, str | None, str]) -> None:
    from coopgraph.loaders.text.dates import find_dates, span_of
    assert span_of(find_dates(sentence, 0, len(sentence), year)) == expected


def test_a_wire_story_with_its_agency_line_and_a_unix_time_stamp() -> None:
    """Headline, agency line, the page's time stamp in Unix milliseconds, then the story: the
    headline heads the item and the stamp dates it; an image's file name and a credited photo
    caption are page furniture, not sentences."""
    text = ("Forty nurses begin first-aid course in Riverton\n"
            "Wire Agency\n"
            "1566376033000\n\n"
            "RIVERTON (Wire Agency) -- Forty nurses from Lakeside started a first-aid course in Riverton, "
            "organized by the Riverton Red Cross.\n\n"
            "IMG20190821.jpg\n\n"
            "Forty nurses started a first-aid course in Riverton. (Photo: Wire Agency)\n")
    blanked = blank_furniture(text)
    assert "IMG20190821.jpg" not in blanked and "(Photo: Wire Agency)" not in blanked
    assert len(blanked) == len(text)
    (event,) = extract_text(text).events
    assert event.title.startswith("Forty nurses begin first-aid course in Riverton")
    assert (event.start, event.type) == ("2019-08-21", "training")


def test_a_sentence_about_a_project_gives_the_event_no_participants() -> None:
    """Who funds a project and who carries it out are the project's facts (relations), not the
    people at its meeting."""
    text = ("Clean Stoves project board meets\n\n"
            "On 3 May 2021 the board of the Clean Stoves project met in Riverton with the Lakeside "
            "Energy Agency and the Riverton City Council.\n\n"
            "Co-financed by the Northland Development Fund, the Clean Stoves project is implemented by "
            "Green Homes Riverland in collaboration with the Riverland Builders Association.\n")
    (event,) = extract_text(text).events
    names = {e.id: e.name for e in extract_text(text).entities}
    actors = {names[a] for a in (*event.organisers, *event.supporters, *event.participants)}
    assert {"Lakeside Energy Agency", "Riverton City Council"} <= actors
    assert not actors & {"Northland Development Fund", "Green Homes Riverland", "Riverland Builders Association"}


def test_a_headline_over_a_section_label_and_a_quoted_activity_name() -> None:
    """A news page's headline over its section label ("Society") and the reporter's address heads
    the item; an activity named by a quoted title before its noun takes that name."""
    text = ("Riverton (News Agency) page\n\n"
            "Herders' consultation workshop held\n"
            "Society\n"
            "reporter@news.example\n"
            "Riverton/NEWS/. Within the framework of the pasture project, a 'Sharing Water Fairly' "
            "multi-stakeholder consultation workshop was held on 3 May 2021 with the Lakeside Water Agency.\n")
    events = extract_text(text).events
    assert [event_label(e.title) for e in events] == ["‘Sharing Water Fairly’ multi-stakeholder consultation workshop"]
    assert (events[0].type, events[0].start) == ("workshop", "2021-05-03")


def test_background_years_do_not_date_a_stamped_story() -> None:
    """A page's posting stamp dates the activity it reports when the story's only other dates
    are background years ('the programme has run in 2017-2021')."""
    text = ("Lakeside Water Agency experts visit Riverton\n\n"
            "Society\n"
            "2019-10-02 13:17:48\n\n"
            "Riverton /NEWS/ Experts of the Lakeside Water Agency are visiting Riverton province to review "
            "the clean wells programme. The province has been implementing the programme in 2017-2021.\n")
    (event,) = extract_text(text).events
    assert (event.start, event.end) == ("2019-10", "2019-10")


def test_dates_of_other_years_are_a_dated_storys_background() -> None:
    """Outside the sentence that reports the activity, only dates of the report's own year date
    it: the compact signed in 2018 is background to a conference reported in April 2022."""
    text = ("Water engineers meet\n\n"
            "Riverton city, April 08, 2022 – The Riverton Water Authority is a partner of the Clean Water "
            "Compact. Every quarter, the Riverton Water Authority organizes a conference of its engineers. "
            "The Clean Water Compact was signed on July 27, 2018.\n")
    event = extract_text(text).events[0]
    assert (event.start, event.end) == ("2022-04-08", "2022-04-08")


def test_a_whole_government_named_without_a_cue_takes_no_role() -> None:
    """'the Government of Riverland' named as the context of an activity is not its participant;
    one named by a cue ('with the participation of') is."""
    background = ("The Lakeside Water Agency held a training for 30 well engineers in Riverton on 3 May 2021. "
                  "The training supports the Government of Riverland in its plan for clean water.\n")
    names = {e.id: e.name for e in extract_text(background).entities}
    (event,) = extract_text(background).events
    assert "Government of Riverland" not in {names[a] for a in (*event.organisers, *event.supporters, *event.participants)}
    cued = ("The Lakeside Water Agency held a training in Riverton on 3 May 2021 with the participation of "
            "the Government of Riverland.\n")
    names = {e.id: e.name for e in extract_text(cued).entities}
    (event,) = extract_text(cued).events
    assert "Government of Riverland" in {names[a] for a in event.participants}


@pytest.mark.parametrize(("text", "expected"), [
    # an initial, a title and a dotted acronym do not end a sentence
    ("On May 4 at the U.S. Embassy, Mr. B. Bold signed it. The team left.",
     ["On May 4 at the U.S. Embassy, Mr. B. Bold signed it.", "The team left."]),
    ("They ratified Convention No. 138 in 2019. Then they met.",
     ["They ratified Convention No. 138 in 2019.", "Then they met."]),
    # a stop followed by a lower-case word is not the end; one glued to a word is not a stop
    ("It cost approx. the same as 3.5 units. Done.", ["It cost approx. the same as 3.5 units.", "Done."]),
    # an ellipsis, and a closing quote after the stop
    ("He paused... Then he said “yes.” Next.", ["He paused...", "Then he said “yes.”", "Next."]),
])
def test_sentences_end_at_stops_that_end_sentences(text: str, expected: list[str]) -> None:
    from coopgraph.loaders.text.events import sentences
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == expected


def test_a_stop_glued_to_a_capitalised_word_ends_a_sentence() -> None:
    from coopgraph.loaders.text.events import sentences
    text = "They held an exchange.The members agreed. See www.example.org and the U.S Embassy."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "They held an exchange.", "The members agreed.", "See www.example.org and the U.S Embassy."]


def test_a_related_pictures_gallery_is_furniture() -> None:
    """A 'Related pictures' label and the gallery captions under it, up to the next prose, are
    page furniture: a caption there is not an activity of the story."""
    text = ("Riverton clinic receives beds\n\n"
            "The Lakeside Health Fund donated 100 hospital beds to the Riverton clinic on 4 May 2018 "
            "in a ceremony with the Riverton Governor's Office.\n"
            "Related pictures\n\n"
            "Donates hundred hospital bed ceremonies\n")
    blanked = blank_furniture(text)
    assert "Related pictures" not in blanked and "hundred hospital bed ceremonies" not in blanked
    assert len(extract_text(text).events) == 1


@pytest.mark.parametrize(("text", "activity"), [
    ("The new wells meet the basic human needs of 300 families.", False),
    ("The schools met national hygiene standards last year.", False),
    ("The ministry met the Lakeside Water Agency on 4 May 2021.", True),
])
def test_meeting_needs_or_standards_is_not_a_meeting(text: str, activity: bool) -> None:
    from coopgraph.loaders.text.events_lexicon import ACTIVITY_WORDS
    assert (ACTIVITY_WORDS.search(text) is not None) == activity


def test_a_follow_us_line_is_furniture() -> None:
    text = "Follow Riverton News on WhatsApp for exclusive updates on clean energy\nThe fund met on 3 May 2020."
    assert blank_furniture(text).startswith(" " * 20)


@pytest.mark.parametrize(("text", "start", "precision"), [
    # a dateline on a line of its own dates the story (its year from the page's date), before the stamp
    ("Schools for Riverton\n\n date 2020-03-17 NEWS SERVICE\n\nLakeside, March 16\n\nThe Riverton Fund and the "
     "Ministry of Roads signed two memorandums of understanding for new school buildings.", "2020-03-16", "day"),
    # only the page's date above the story: the month it happened in, not a background date further down
    ("Loans for solar power\nLoan will help Riverton develop energy\nNovember 5, 2018\nThe Riverton Bank has signed a loan agreement with the Ministry of "
     "Roads.\nIn July 2018, the Riverton Bank announced a loan to another country.", "2018-11", "month"),
])
def test_what_dates_a_story_without_a_date_in_its_report(text: str, start: str, precision: str) -> None:
    ev = extract_text(text).events[0]
    assert (ev.start, ev.date_precision) == (start, precision)


def test_a_short_line_in_another_script_is_site_chrome() -> None:
    text = "June 17, 2020, 16:46\nКомментарии\nThe Riverton Bank signed a loan agreement with the Ministry of Roads."
    assert "Комментарии" not in blank_furniture(text)
    ev = extract_text(text).events[0]
    assert (ev.start, ev.date_precision) == ("2020-06", "month")  # a posting date and time: that month
