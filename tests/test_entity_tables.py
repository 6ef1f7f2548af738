"""The two entity tables and the rules that tell them apart (issue 16): the text extractor's
``EntityTable`` and the structured sources' ``TypeKeyedEntityTable``."""

from __future__ import annotations

from coopgraph.loaders.structured.entity_table import TypeKeyedEntityTable
from coopgraph.loaders.text.entities import EntityTable


def test_text_table_lets_a_project_take_over_a_body_of_its_name() -> None:
    t = EntityTable()
    org = t.add("Organisation", "Clean Wells Programme", span=(0, 21))
    project = t.add("Project", "Clean Wells Program", span=(40, 59))
    assert project is org and org.type == "Project"
    assert org.aliases == ["Clean Wells Program"]
    assert t.find("Project", "the clean wells programmes") is org


def test_type_keyed_table_keeps_types_apart_and_splits_acronyms() -> None:
    t = TypeKeyedEntityTable()
    org = t.add("Organisation", "Clean Wells Programme")
    project = t.add("Project", "Clean Wells Programme")
    assert org != project
    ilo = t.add("Organisation", "International Labour Organization (ILO)")
    assert t.add("Organisation", "ILO") == ilo
    assert t.add("Organisation", "the International Labour Organization") == ilo
    assert t.add("Organisation", "International Labor Organization") != ilo
    entity = next(e for e in t.entities() if e.id == ilo)
    assert (entity.name, entity.aliases) == (
        "International Labour Organization", ("ILO", "the International Labour Organization"))
