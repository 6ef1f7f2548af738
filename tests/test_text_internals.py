"""Unit tests of the text reader's typed internals: hints, entity drafts and their ids.

Invented names only; each test calls the type or the function that carries the behaviour.
"""

from __future__ import annotations

from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.entities import EntityTable
from coopgraph.loaders.text.events import ROLES, EventDraft
from coopgraph.loaders.text.found import Found, ItemAimags
from coopgraph.loaders.text.hints import ActorNamed, RelationHint
from coopgraph.loaders.text.home_project import resolve_home_project
from coopgraph.loaders.text.ids import RecordIds
from coopgraph.loaders.text.loader import extract_text

# --- hints -------------------------------------------------------------------------------------


def test_a_relation_hint_to_an_id_keeps_the_id() -> None:
    assert RelationHint("a", "partOf", "b", (0, 3)).object_id(EntityTable()) == "b"


def test_a_relation_hint_to_a_name_finds_the_actor_known_by_then() -> None:
    t = EntityTable()
    hint = RelationHint("unit", "partOf", ActorNamed("NRA"), (0, 3))
    assert hint.object_id(t) is None  # nothing of that name read (yet): no relation
    body = t.add("Organisation", "Northern Rivers Alliance", aliases=("NRA",))
    assert hint.object_id(t) == body.id  # a body or a project: they share one key space


# --- entity drafts ------------------------------------------------------------------------------


def test_the_first_reading_that_knows_a_fact_fills_it_and_later_ones_do_not_overwrite_it() -> None:
    t = EntityTable()
    d = t.add("Organisation", "Lakeside Water Council", span=(0, 22), category="government")
    t.add("Organisation", "Lakeside Water Council", span=(40, 62), category="ngo", country="Westvale")
    assert (d.category, d.country, d.branch) == ("government", "Westvale", False)
    d.fill(category="", branch=True, aimag=None)  # empty values and None fill nothing
    assert (d.category, d.branch, d.aimag) == ("government", True, None)


def test_a_merged_entity_keeps_its_facts_and_takes_the_ones_it_lacks() -> None:
    t = EntityTable()
    keep = t.add("Organisation", "Hill Farmers Union", span=(0, 18), category="social_partner")
    drop = t.add("Organisation", "Farmers Union of the Hills", span=(30, 56), category="ngo", aimag="Riverton",
                 branch=True)
    t.merge(keep, drop)
    assert (keep.category, keep.aimag, keep.branch) == ("social_partner", "Riverton", True)
    assert t.resolve(drop.id) == keep.id and drop.id not in t.by_id


def _found_with_project(mentions: int) -> tuple[Found, str]:
    found = Found(EntityTable())
    d = found.table.add("Project", "Clean Wells Project", span=(0, 19))
    for k in range(1, mentions):
        found.table.add("Project", "Clean Wells Project", span=(100 * k, 100 * k + 19))
    return found, d.id


def test_home_project_hints_become_mentions_and_names_of_the_page_project() -> None:
    found, pid = _found_with_project(2)
    found.home_hint((200, 211))  # "the project"
    found.home_hint((300, 312), "Wells Team")  # "Wells Team (WT)"
    found.home_hint((300, 312), "WT")
    resolve_home_project(found)
    assert found.home_project == pid
    assert [(m.start, m.end, m.eid) for m in found.mentions] == [(200, 211, pid), (300, 312, pid), (300, 312, pid)]
    assert found.table.find("Project", "WT") is found.table.by_id[pid]
    assert found.table.find("Project", "Wells Team") is found.table.by_id[pid]


def test_a_generic_mention_lets_the_only_project_named_once_be_the_page_project() -> None:
    found, pid = _found_with_project(1)
    found.home_hint((200, 211))
    resolve_home_project(found)
    assert found.home_project == pid


def test_a_project_named_once_without_a_generic_mention_is_not_the_page_project() -> None:
    found, _ = _found_with_project(1)
    found.home_hint((300, 312), "Wells Team")  # another name only: no "the project"
    resolve_home_project(found)
    assert found.home_project is None and found.mentions == []
    assert found.table.find("Project", "Wells Team") is None


def test_a_project_named_in_one_item_of_several_is_that_items_not_the_pages() -> None:
    items = [ItemAimags(0, 300, ()), ItemAimags(300, 600, ("Khovd",))]
    found = Found(EntityTable())
    d = found.table.add("Project", "Clean Wells Project", span=(10, 29))
    found.table.add("Project", "Clean Wells Project", span=(100, 119))
    resolve_home_project(found, items)
    assert found.home_project is None
    found.table.add("Project", "Clean Wells Project", span=(400, 419))  # now in the second item too
    resolve_home_project(found, items)
    assert found.home_project == d.id


# --- ids ---------------------------------------------------------------------------------------

TEXT = ("The Northern Rivers Water Alliance (NRWA, also NRA) met the Lakeside Water Council. "
        "NRWA and the Council agreed ... NRWA will report.")


def test_a_long_slug_key_is_shown_as_the_acronym_written_most_often() -> None:
    t = EntityTable()
    d = t.add("Organisation", "Northern Rivers Water Alliance", span=(4, 34), aliases=("NRA", "NRWA"))
    ids = RecordIds(t, TEXT)
    assert d.id == "northern-rivers-water-alliance"  # the key never changes
    assert ids(d.id) == "nrwa"


def test_a_merged_key_gives_the_id_of_the_entity_it_was_folded_into() -> None:
    t = EntityTable()
    keep = t.add("Organisation", "Northern Rivers Water Alliance", span=(4, 34), aliases=("NRWA",))
    council = t.add("Organisation", "Lakeside Water Council", span=(60, 82))
    anaphor = t.add("Organisation", "the Council", span=(91, 102))
    t.merge(council, anaphor)
    ids = RecordIds(t, TEXT)
    assert ids(anaphor.id) == ids(council.id) == "lakeside-water-council"
    assert ids.each_once([keep.id, anaphor.id, council.id]) == ("nrwa", "lakeside-water-council")


def test_an_acronym_taken_by_an_earlier_entity_or_a_key_leaves_the_long_slug() -> None:
    t = EntityTable()
    first = t.add("Organisation", "Northern Rivers Water Alliance", span=(4, 34), aliases=("NRWA",))
    later = t.add("Project", "New Rural Water Access project", span=(200, 230))
    t.alias(later, "NRWA")  # the same letters: the body named first gets them
    keyed = t.add("Organisation", "NRA", span=(300, 303), eid="nra")
    other = t.add("Project", "National Rain Assessment project", span=(150, 180))
    t.alias(other, "NRA")
    ids = RecordIds(t, TEXT)
    assert (ids(first.id), ids(later.id)) == ("nrwa", "new-rural-water-access-project")
    assert (ids(keyed.id), ids(other.id)) == ("nra", "national-rain-assessment-project")


def test_a_withdrawn_entity_is_known_to_no_record() -> None:
    t = EntityTable()
    d = t.add("Place", "Riverton", span=(0, 8))
    t.forget(d.id, (0, 8))
    assert not RecordIds(t, TEXT).known(d.id)


# --- event roles -------------------------------------------------------------------------------


def test_an_events_role_lists_are_its_own_fields() -> None:
    ev = EventDraft("Water safety training", "training", None, None, "unknown", "unknown", (0, 10))
    ev.actors("organisers").append("lakeside-water-council")  # the list itself, not a copy
    ev.set_actors("participants", ["hill-farmers-union"])
    assert (ev.organisers, ev.supporters, ev.participants) == (["lakeside-water-council"], [], ["hill-farmers-union"])
    assert [ev.actors(r) for r in ROLES] == [ev.organisers, ev.supporters, ev.participants]


# --- order ---------------------------------------------------------------------------------------

ROWS = """Trainings in 2023

| aimag | date | topic |
|---|---|---|
| Khovd | 6 March 2023 | Water safety training |
| Dornod | 10 April 2023 | Farm safety training |

The Khovd training brought together the Zeta Herders Union, the Alpha Water Council, the Mu Farmers
Association, the Beta Rangers Federation and the Kappa Nurses Association.
"""


def test_the_bodies_a_sentence_after_a_table_gives_a_row_are_in_text_order() -> None:
    # they followed a set's order before, which changed with the string hash seed from run to run
    token = statistical.current_reading.set("rules")
    try:
        record = extract_text(ROWS, "rows.md")
    finally:
        statistical.current_reading.reset(token)
    water = next(e for e in record.events if e.title == "Water safety training")
    assert water.participants == ("zeta-herders-union", "alpha-water-council", "mu-farmers-association",
                                  "beta-rangers-federation", "kappa-nurses-association")
