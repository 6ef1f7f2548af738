"""The evaluation rules and `coopgraph evaluate` on the bundled gold files (issue 3)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from coopgraph import _matching as m
from coopgraph.cli import main
from coopgraph.errors import InputError
from coopgraph.evaluation import evaluate, load_gold, load_predictions, score_records
from coopgraph.records import Entity, Event, ExtractionRecord

GOLD_DIR = Path(__file__).parent / "data" / "gold"
SECIM = "secim-labour-policy-news"


@pytest.fixture(scope="module")
def gold() -> dict[str, ExtractionRecord]:
    return load_gold(GOLD_DIR)


def _entity(gold: dict[str, ExtractionRecord], doc: str, eid: str) -> Entity:
    e = gold[doc].entity(eid)
    assert e is not None
    return e


def _event(gold: dict[str, ExtractionRecord], doc: str, eid: str) -> Event:
    return next(v for v in gold[doc].events if v.id == eid)


# ---- rules -----------------------------------------------------------------------------------

def test_normalise_ignores_case_punctuation_space_and_leading_the() -> None:
    assert m.normalise("  The Mongolian Employers’ Federation ") == "mongolian employers federation"
    assert m.normalise("the-EU") == "eu"
    assert m.normalise("Other") == "other"


def test_acronym_alias_matches_full_name(gold: dict[str, ExtractionRecord]) -> None:
    gasi = _entity(gold, SECIM, "gasi")
    pred = Entity(id="p1", type="Organisation", name="GASI")
    assert m.match_entities([gasi], [pred]) == {"p1": "gasi"}
    assert m.match_entities([gasi], [replace(pred, type="Project")]) == {}


def test_entity_matching_is_one_to_one(gold: dict[str, ExtractionRecord]) -> None:
    ilo = _entity(gold, SECIM, "ilo")
    preds = [Entity(id="a", type="Organisation", name="ILO"),
             Entity(id="b", type="Organisation", name="International Labour Organization")]
    assert m.match_entities([ilo], preds) == {"a": "ilo"}


def test_event_matches_by_start_date_or_half_the_title(gold: dict[str, ExtractionRecord]) -> None:
    training = _event(gold, SECIM, "labour-inspector-training-2017")
    by_date = Event(id="d", title="Something else", start="2017-05-19")
    by_title = Event(id="t", title="Labour inspectors training", start="2018-01-01")
    neither = Event(id="n", title="Training day", start="2017-05-20")
    assert m.match_events([training], [by_date]) == {"d": training.id}
    assert m.match_events([training], [by_title]) == {"t": training.id}
    assert m.match_events([training], [neither]) == {}


def test_cooperation_pairs_come_from_shared_events_and_relations(
        gold: dict[str, ExtractionRecord]) -> None:
    pairs = m.gold_pairs(gold[SECIM])
    assert ("gasi", "ilo") in pairs  # the labour inspector training
    assert ("eu", "stvet2") in pairs  # stvet2 fundedBy eu
    assert not any("selenge" in p for p in pairs)  # places are not actors


# ---- scores ----------------------------------------------------------------------------------

def test_dropping_an_entity_costs_recall_and_its_links(gold: dict[str, ExtractionRecord]) -> None:
    doc = gold[SECIM]
    pred = replace(doc, entities=tuple(e for e in doc.entities if e.id != "gasi"))
    report = score_records(gold, {SECIM: pred, "iom-labour-migration-workshop":
                                  gold["iom-labour-migration-workshop"]})
    org = report.score("entities.Organisation")
    assert (org.matched_gold, org.n_gold, org.precision) == (44, 45, 1.0)
    assert report.score("links").precision < 1.0  # GASI's links point at an unmatched id
    assert report.score("cooperation").recall < 1.0
    assert any(d.kind == "missed" and d.item == "Government Agency for Specialised Inspection"
               for d in report.discrepancies)


def test_wrong_date_counts_against_date_accuracy_only(gold: dict[str, ExtractionRecord]) -> None:
    doc = gold[SECIM]
    events = tuple(replace(v, start="2017-05-18") if v.id == "labour-inspector-training-2017"
                   else v for v in doc.events)
    report = score_records(gold, {**gold, SECIM: replace(doc, events=events)})
    assert report.score("events").f1 == 1.0
    start = report.accuracy("event.start")
    assert (start.correct, start.total) == (61, 62)
    assert report.accuracy("event.end").value == 1.0
    wrong = [d for d in report.discrepancies if d.kind == "wrong"]
    assert [d.item for d in wrong] == ["Training for Labour Inspectors 2017: 2017-05-18 "
                                       "(gold 2017-05-19)"]


def test_evaluate_pairs_records_with_gold_by_document_stem(gold: dict[str, ExtractionRecord]) -> None:
    records = [replace(gold[SECIM], document="secim-labour-policy-news.txt")]
    report = evaluate(records, GOLD_DIR, all_gold=False)
    assert report.documents == (SECIM,)
    assert report.score("entities").f1 == 1.0


def test_missing_gold_dir_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold directory"):
        load_gold(tmp_path / "nope")
    with pytest.raises(InputError, match=r"no \*\.gold\.json files"):
        load_gold(tmp_path)


def test_predictions_load_from_json_lines(tmp_path: Path, gold: dict[str, ExtractionRecord]) -> None:
    f = tmp_path / "records.jsonl"
    f.write_text("\n".join(r.to_json(indent=None) for r in gold.values()), encoding="utf-8")
    assert set(load_predictions(f)) == set(gold)
    bad = tmp_path / "bad.json"
    bad.write_text('{"document": "x.txt", "entities": [{"id": 1', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_predictions(bad)


# ---- CLI -------------------------------------------------------------------------------------

def test_cli_scores_gold_against_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(GOLD_DIR), "--pred", str(GOLD_DIR)]) == 0
    out = capsys.readouterr().out
    assert "entities                1.000  1.000  1.000     95    95" in out
    assert "cooperation pairs       1.000  1.000  1.000    162   162" in out
    assert "event start date        1.000   62/62" in out


def test_cli_explain_lists_misses(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  gold: dict[str, ExtractionRecord]) -> None:
    doc = gold[SECIM]
    pred = replace(doc, entities=tuple(e for e in doc.entities if e.id != "ilo"))
    (tmp_path / "p.json").write_text(pred.to_json(), encoding="utf-8")
    assert main(["evaluate", "--gold", str(GOLD_DIR), "--pred", str(tmp_path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert f"[{SECIM}] missed Organisation: International Labour Organization" in out
    assert f"[{SECIM}] missed cooperation: Government Agency for Specialised Inspection – " \
           "International Labour Organization" in out
    assert "documents without a prediction: iom-labour-migration-workshop" in out


def test_cli_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(GOLD_DIR), "--pred", str(GOLD_DIR),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["entities.Organisation"]["n_gold"] == 45
    assert data["accuracies"]["event.status"]["value"] == 1.0
    assert "discrepancies" not in data


def test_cli_missing_gold_dir_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gold"
    assert main(["evaluate", "--gold", str(missing)]) == 2
    assert capsys.readouterr().err == (f"error: {missing}: no such gold directory; pass --gold DIR "
                                       "holding <stem>.gold.json files\n")


def test_cli_documents_and_pred_together_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(GOLD_DIR), "--pred", str(GOLD_DIR), "x.txt"]) == 2
    assert capsys.readouterr().err == ("error: give documents to extract or --pred FILE_OR_DIR, "
                                       "not both\n")


def test_cli_extracts_bundled_corpus_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(GOLD_DIR)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("measure ")
    assert "documents without a prediction" not in out
