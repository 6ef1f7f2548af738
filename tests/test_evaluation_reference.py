"""`coopgraph evaluate` agrees with the reference scorer shared/tools/score_gold.py (issue 3).

Both are run on the same inputs: gold against itself, gold against perturbed predictions
(entities dropped, renamed, retyped; dates shifted; roles moved; spurious items added), and the
extractor's real output on the bundled corpus. Every measure's counts and scores must be equal.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import random
import re
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopgraph.evaluation import EvaluationReport, evaluate, load_gold, score_records
from coopgraph.records import ExtractionRecord

DATA = Path(__file__).parent / "data" / "eval"
GOLD_DIR = Path(__file__).parent / "data" / "gold"
_PRF_LINE = re.compile(r"^(\S+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)  \(pred (\d+), gold (\d+)\)$")
_ACC_LINE = re.compile(r"^(\S+)\s+acc=([\d.]+)  \((\d+)/(\d+)\)$")


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold_reference",
                                                  DATA / "score_gold_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _reference()


def _gold_dicts() -> dict[str, dict[str, Any]]:
    return {f.name[: -len(".gold.json")]: json.loads(f.read_text(encoding="utf-8"))
            for f in sorted(GOLD_DIR.glob("*.gold.json"))}


def run_reference(preds: list[dict[str, Any]], tmp_path: Path) -> tuple[dict[str, float], str]:
    """The reference scorer's summary and printed output for these predicted records."""
    pred_file = tmp_path / "pred.json"
    pred_file.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        summary = REFERENCE.score(str(GOLD_DIR), str(pred_file))
    return summary, out.getvalue()


def assert_agree(ours: EvaluationReport, ref_summary: dict[str, float], ref_output: str) -> None:
    """Same counts, same printed precision/recall, identical F1 and accuracy values."""
    seen = set()
    for line in ref_output.splitlines():
        if prf := _PRF_LINE.match(line):
            name, p, r, f1, n_pred, n_gold = prf.groups()
            s = ours.score(name)
            assert (f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", s.n_pred, s.n_gold) \
                == (p, r, f1, int(n_pred), int(n_gold)), name
            assert s.f1 == ref_summary[name], name
            seen.add(name)
        elif acc := _ACC_LINE.match(line):
            name, _value, ok, n = acc.groups()
            a = ours.accuracy(name)
            assert (a.correct, a.total) == (int(ok), int(n)), name
            assert a.value == ref_summary[name], name
            seen.add(name)
    assert seen == set(ref_summary)
    # Measures the reference leaves out are those with no matched event: ours count nothing.
    for name in {s.name for s in ours.scores} - seen:
        assert ours.score(name).n_pred == ours.score(name).n_gold == 0, name
    for name in {a.name for a in ours.accuracies} - seen:
        assert ours.accuracy(name).total == 0, name


def test_gold_against_itself_scores_one_everywhere(tmp_path: Path) -> None:
    gold = _gold_dicts()
    ours = score_records(load_gold(GOLD_DIR), gold)
    ref_summary, ref_output = run_reference(list(gold.values()), tmp_path)
    assert_agree(ours, ref_summary, ref_output)
    assert set(ours.summary().values()) == {1.0}
    assert ours.score("cooperation").n_gold == 162
    assert ours.accuracy("event.start").total == 62


# ---- perturbed predictions -------------------------------------------------------------------

def perturb(record: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible bad extraction of a gold record: new ids, and every kind of mistake."""
    d = copy.deepcopy(record)
    new_id = {e["id"]: f"x{i}" for i, e in enumerate(d["entities"])}
    d["entities"] = [_perturb_entity(e, new_id[e["id"]], rng) for e in d["entities"]
                     if rng.random() > 0.15]
    d["entities"] += [{"id": f"spurious{i}", "type": rng.choice(["Organisation", "Project",
                                                                 "Place"]),
                       "name": rng.choice(["the Ministry", "Project Office", "Mongolia", "GASI"]),
                       "aliases": []} for i in range(rng.randint(0, 4))]
    rng.shuffle(d["entities"])
    spurious_ids = [e["id"] for e in d["entities"] if e["id"].startswith("spurious")]
    d["events"] = [_perturb_event(v, new_id, spurious_ids, rng) for v in d["events"]
                   if rng.random() > 0.15]
    rng.shuffle(d["events"])
    d["relations"] = [_perturb_relation(r, new_id, spurious_ids, rng) for r in d["relations"]
                      if rng.random() > 0.2]
    return d


def _perturb_entity(e: dict[str, Any], eid: str, rng: random.Random) -> dict[str, Any]:
    e = dict(e, id=eid)
    roll = rng.random()
    if roll < 0.1:
        e["name"], e["aliases"] = "The " + e["name"].upper() + "!", []  # still matches
    elif roll < 0.2:
        e["name"], e["aliases"] = e["name"] + " Office", []  # renamed: no longer matches
    elif roll < 0.25:
        e["type"] = "Organisation" if e["type"] != "Organisation" else "Project"
    elif roll < 0.3 and e.get("aliases"):
        e["name"], e["aliases"] = e["aliases"][0], []
    return e


def _perturb_event(v: dict[str, Any], new_id: dict[str, str], spurious: list[str],
                   rng: random.Random) -> dict[str, Any]:
    v = dict(v, id="ev-" + v["id"])
    for role in ("organisers", "supporters", "participants"):
        v[role] = [new_id[a] for a in v.get(role) or []]
    if rng.random() < 0.2 and v.get("start"):
        v["start"] = v["start"][:-1] + ("1" if v["start"][-1] != "1" else "2")
    if rng.random() < 0.2:
        v["end"] = None
    if rng.random() < 0.2:
        v["title"] = " ".join(v["title"].split()[: rng.randint(0, 4)])
    if rng.random() < 0.2:
        v["status"] = rng.choice(["completed", "planned", "unknown"])
    if rng.random() < 0.2:
        v["type"] = rng.choice(["meeting", "training", "other"])
    if rng.random() < 0.3 and v["organisers"]:
        v["participants"] = v["participants"] + [v["organisers"].pop()]
    if rng.random() < 0.3 and spurious:
        v["participants"] = v["participants"] + rng.sample(spurious, 1) + ["no-such-entity"]
    return v


def _perturb_relation(r: dict[str, Any], new_id: dict[str, str], spurious: list[str],
                      rng: random.Random) -> dict[str, Any]:
    r = dict(r, subject=new_id[r["subject"]], object=new_id[r["object"]])
    if rng.random() < 0.15:
        r["predicate"] = rng.choice(["cooperatesWith", "supports", "partOf"])
    if rng.random() < 0.15 and spurious:
        r["object"] = rng.choice(spurious)
    return r


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_perturbed_prediction_scores_agree(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    preds = [perturb(g, rng) for g in _gold_dicts().values()]
    ours = score_records(load_gold(GOLD_DIR), {p["document"][:-4]: p for p in preds})
    ref_summary, ref_output = run_reference(preds, tmp_path)
    assert_agree(ours, ref_summary, ref_output)
    assert 0.0 < ours.score("entities").f1 < 1.0
    assert 0.0 < ours.score("cooperation").recall < 1.0
    assert ours.accuracy("event.start").value < 1.0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_any_perturbation_scores_agree(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    preds = [perturb(g, rng) for g in _gold_dicts().values()]
    ours = score_records(load_gold(GOLD_DIR), {p["document"][:-4]: p for p in preds})
    assert_agree(ours, *run_reference(preds, tmp_path))


def test_missing_prediction_counts_as_empty(tmp_path: Path) -> None:
    gold = _gold_dicts()
    only_iom = [gold["iom-labour-migration-workshop"]]
    ours = score_records(load_gold(GOLD_DIR), {"iom-labour-migration-workshop": only_iom[0]})
    assert ours.missing_documents == ("secim-labour-policy-news",)
    assert_agree(ours, *run_reference(only_iom, tmp_path))
    assert ours.score("entities").recall == 16 / 95


def test_extractor_output_on_bundled_corpus_agrees(tmp_path: Path,
                                                  corpus_records: tuple[ExtractionRecord, ...]) -> None:
    records = list(corpus_records)
    ours = evaluate(records, GOLD_DIR)
    assert ours.documents == ("iom-labour-migration-workshop", "secim-labour-policy-news")
    assert ours.missing_documents == ()
    assert_agree(ours, *run_reference([r.to_dict() for r in records], tmp_path))
