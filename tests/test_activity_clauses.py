"""Activities told by other sentences of a story, read from the dependency parse
(loaders/text/activity_clauses.py), on invented sentences: which clause is an activity, its type,
status and title, and which sentences are not (a habit, a negation, the main activity retold, a
description in a relative clause)."""

from __future__ import annotations

import pytest

from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.activity_clauses import ActivityClause, activity_clauses

pytestmark = pytest.mark.skipif(not statistical.available(),
                                reason=f"the statistical layer is not installed: {statistical.problem()}")


def clauses(sentence: str, main_type: str = "field_visit") -> list[ActivityClause]:
    return activity_clauses(statistical.parse(sentence, [(0, len(sentence))]), main_type)


@pytest.mark.parametrize(("sentence", "kind", "status", "title_starts"), [
    ("In March, the clinic received hospital beds and oxygen kits from the Riverton Red Crescent.",
     "other", "completed", "Delivery of hospital beds and oxygen kits"),
    ("In 2022 the programme completed two baseline studies of pasture use.", "survey", "completed",
     "Two baseline studies of pasture use"),
    ("During the visit, they co-organized a review meeting of the district plan with the local council.",
     "meeting", "completed", "Review meeting of the district plan"),
    ("The new grant will enable us to train forty midwives on newborn care.", "training", "planned",
     "Training of forty midwives on newborn care"),
    ("A one-day workshop on river monitoring took place in Lakeside on 4 June.", "workshop", "completed",
     "One-day workshop on river monitoring"),
    ("The Northland Embassy handed over six ambulances to the Ministry of Health.", "other", "completed",
     "Handover of six ambulances to the Ministry of Health by Northland Embassy"),
    ("The two banks signed a loan agreement worth 30 million dollars.", "other", "completed",
     "Signing of loan agreement worth 30 million dollars"),
])
def test_a_clause_that_reports_an_activity_gives_one(sentence: str, kind: str, status: str, title_starts: str) -> None:
    (found,) = clauses(sentence)
    assert (found.type, found.status) == (kind, status)
    assert found.title.startswith(title_starts), found.title
    assert found.span == (0, len(sentence))


@pytest.mark.parametrize("sentence", [
    "The agency organises trainings for teachers every year.",  # a habit, not an event
    "The training covered labour law and occupational safety.",  # the activity does, it is not done
    "The ministry did not hold the planned consultation.",  # negated
    "The meeting was attended by forty officials.",  # "the meeting": one already told
    "It builds on curricula that provided practical trainings for students.",  # a description
    "The agency could organise a seminar for judges.",  # a mere possibility
])
def test_a_clause_that_reports_no_new_activity_gives_none(sentence: str) -> None:
    assert clauses(sentence) == []


def test_the_main_activity_told_again_is_not_another_but_a_follow_up_is() -> None:
    assert clauses("Forty inspectors attended a training on safety audits.", "training") == []
    (follow,) = clauses("The union will organise a follow-up training for shop stewards.", "training")
    assert (follow.type, follow.status) == ("training", "planned")


def test_during_the_main_activity_marks_the_clause() -> None:
    (found,) = clauses("During the mission, the team conducted a survey of wells in two districts.")
    assert (found.type, found.during_main) == ("survey", True)
    (other,) = clauses("In May the team conducted a survey of wells in two districts.")
    assert other.during_main is False


@pytest.mark.parametrize(("sentence", "doers", "partners"), [
    ("The Lakeside Council will work with the Water Agency and train local herders.",
     ["The Lakeside Council"], []),
    ("In May, the Riverland Red Cross organised a first-aid course together with the Lakeside Council.",
     ["the Riverland Red Cross", "the Lakeside Council"], []),
    ("Last week the Northland Embassy handed over ten tents to the Lakeside Council.",
     ["the Northland Embassy"], ["the Lakeside Council"]),
    ("During the visit, they co-organized a review meeting with the Lakeside Council.",
     [], ["the Lakeside Council"]),  # "they" names nobody
])
def test_who_did_it_and_with_whom_come_from_the_parse(sentence: str, doers: list[str], partners: list[str]) -> None:
    (found,) = clauses(sentence)
    assert [sentence[a:b] for a, b in found.doers] == doers
    assert [sentence[a:b] for a, b in found.partners] == partners
