"""Scoring extraction records against gold files: precision, recall and F1 per kind of fact.

Why: an analyst trusts the graph only as far as the loaders read correctly, so the quality of
extraction is a feature with a number on it (``coopgraph evaluate``). The matching rules live in
``coopgraph._matching`` and are written out in docs/evaluation.md; they agree with the reference
scorer (its copy tests/data/eval/score_gold_reference.py; a test runs both on the same inputs).

Counts are summed over documents before precision and recall are computed (micro-average).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from coopgraph import _matching as m
from coopgraph.errors import InputError
from coopgraph.records import ENTITY_TYPES, Entity, Event, ExtractionRecord

GOLD_SUFFIX = ".gold.json"
_STEM_SUFFIXES = (GOLD_SUFFIX, ".json", ".txt", ".md", ".html", ".pdf")

#: Precision/recall measures in report order, with the label the table shows.
PRF_MEASURES: tuple[tuple[str, str], ...] = (
    ("entities", "entities"),
    *((f"entities.{t}", f"  {t}") for t in ENTITY_TYPES),
    ("events", "events"),
    ("links", "actor links"),
    ("links.role", "actor links + role"),
    ("relations", "relations"),
    ("cooperation", "cooperation pairs"),
)
#: Accuracy measures over matched events, with their labels.
ACCURACY_MEASURES: tuple[tuple[str, str], ...] = (
    ("event.start", "event start date"),
    ("event.end", "event end date"),
    ("event.type", "event type"),
    ("event.status", "event status"),
)

RecordLike = ExtractionRecord | Mapping[str, Any]


@dataclass(frozen=True)
class Score:
    """Precision and recall counts of one measure: how many predicted items matched a gold item
    (of how many predicted), and how many gold items were found (of how many gold)."""

    name: str
    matched_pred: int = 0
    n_pred: int = 0
    matched_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted items that match; 1.0 when nothing was predicted nor expected."""
        if self.n_pred:
            return self.matched_pred / self.n_pred
        return 1.0 if self.n_gold == 0 else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found; 1.0 when there is nothing to find."""
        return self.matched_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def plus(self, matched_pred: int, n_pred: int, matched_gold: int, n_gold: int) -> Score:
        return Score(self.name, self.matched_pred + matched_pred, self.n_pred + n_pred,
                     self.matched_gold + matched_gold, self.n_gold + n_gold)


@dataclass(frozen=True)
class Accuracy:
    """How many matched events have this attribute exactly right (0.0 when none matched)."""

    name: str
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Discrepancy:
    """One miss (a gold item not found) or spurious item (a prediction matching no gold item)."""

    document: str
    kind: str  # "missed", "spurious" or "wrong"
    measure: str
    item: str


@dataclass(frozen=True)
class EvaluationReport:
    """The scores of one evaluation run, with every discrepancy for ``--explain``."""

    scores: tuple[Score, ...]
    accuracies: tuple[Accuracy, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
    documents: tuple[str, ...] = ()
    missing_documents: tuple[str, ...] = ()  # gold documents without a prediction
    unscored_documents: tuple[str, ...] = ()  # predictions without a gold file

    def score(self, name: str) -> Score:
        """The precision/recall measure called ``name`` (e.g. "entities.Organisation").

        Raises:
            KeyError: no such measure.
        """
        return _named(self.scores, name)

    def accuracy(self, name: str) -> Accuracy:
        """The matched-event accuracy called ``name`` (e.g. "event.start").

        Raises:
            KeyError: no such measure.
        """
        return _named(self.accuracies, name)

    def summary(self) -> dict[str, float]:
        """F1 of every precision/recall measure and the value of every accuracy, by name."""
        out = {s.name: s.f1 for s in self.scores}
        out.update({a.name: a.value for a in self.accuracies})
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view: counts and computed values of every measure."""
        return {
            "documents": list(self.documents),
            "missing_documents": list(self.missing_documents),
            "unscored_documents": list(self.unscored_documents),
            "scores": {s.name: {**_counts(s), "precision": s.precision, "recall": s.recall,
                                "f1": s.f1} for s in self.scores},
            "accuracies": {a.name: {"correct": a.correct, "total": a.total, "value": a.value}
                           for a in self.accuracies},
            "discrepancies": [asdict(d) for d in self.discrepancies],
        }


_Measure = TypeVar("_Measure", Score, Accuracy)


def _named(measures: Iterable[_Measure], name: str) -> _Measure:
    for measure in measures:
        if measure.name == name:
            return measure
    raise KeyError(name)


def _counts(s: Score) -> dict[str, int]:
    return {"matched_pred": s.matched_pred, "n_pred": s.n_pred,
            "matched_gold": s.matched_gold, "n_gold": s.n_gold}


def document_stem(name: str) -> str:
    """The key that pairs a record with its gold file: the file name without its suffixes."""
    name = Path(name).name
    for suffix in _STEM_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def evaluate(records: Iterable[ExtractionRecord], gold_dir: Path | str, *,
             all_gold: bool = True) -> EvaluationReport:
    """Score extraction records against the gold files (``<stem>.gold.json``) in ``gold_dir``.

    With ``all_gold`` every gold document is scored (one without a record counts as an empty
    prediction); otherwise only the gold documents that have a record.

    Raises:
        InputError: the gold directory is missing, holds no gold file, a gold file is not valid
            JSON in the gold format, or (without ``all_gold``) no record has a gold file.
    """
    gold = load_gold(gold_dir)
    pred = {document_stem(r.document): r for r in records}
    if not all_gold:
        gold = {k: v for k, v in gold.items() if k in pred}
        if not gold:
            raise InputError(gold_dir, f"no gold file for {', '.join(sorted(pred)) or 'any document'}"
                                       f"; gold files are named <document-stem>{GOLD_SUFFIX}")
    return score_records(gold, pred)


def load_gold(gold_dir: Path | str) -> dict[str, ExtractionRecord]:
    """Every ``*.gold.json`` file in a directory, keyed by document stem.

    Raises:
        InputError: the directory is missing or holds no gold file, or a file cannot be read.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(folder, "no such gold directory; pass --gold DIR holding <stem>.gold.json files")
    files = sorted(folder.glob(f"*{GOLD_SUFFIX}"))
    if not files:
        raise InputError(folder, f"no *{GOLD_SUFFIX} files in this directory")
    return {document_stem(f.name): _record_from(_read_json(f), f) for f in files}


def load_predictions(path: Path | str) -> dict[str, ExtractionRecord]:
    """Saved extraction records keyed by document stem.

    ``path`` is a directory of ``*.json`` files, or one file: a record, a list of records, a
    dict keyed by document, ``{"documents": [...]}``, or JSON lines (``coopgraph extract
    --format jsonl``).

    Raises:
        InputError: the path is missing, or a file is not JSON holding records.
    """
    src = Path(path)
    if not src.exists():
        raise InputError(src, "no such file or directory; pass records saved by `coopgraph extract`")
    files = sorted(src.glob("*.json")) if src.is_dir() else [src]
    out: dict[str, ExtractionRecord] = {}
    for f in files:
        for data in _record_dicts(_read_json_or_lines(f)):
            record = _record_from(data, f)
            out[document_stem(record.document or f.name)] = record
    return out


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: "
                               f"{exc.msg})") from exc


def _read_json_or_lines(path: Path) -> Any:
    try:
        return _read_json(path)
    except InputError:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) < 2:
            raise
        try:
            return [json.loads(line) for line in lines if line.strip()]
        except json.JSONDecodeError:
            raise InputError(path, "neither JSON nor JSON lines") from None


def _record_dicts(data: Any) -> list[Any]:
    """The record objects in any of the accepted JSON layouts."""
    if isinstance(data, dict) and "documents" in data:
        data = data["documents"]
    if isinstance(data, dict) and "entities" in data:
        return [data]
    if isinstance(data, dict):
        return list(data.values())
    return list(data) if isinstance(data, list) else [data]


def _record_from(data: Any, path: Path) -> ExtractionRecord:
    if isinstance(data, ExtractionRecord):
        return data
    if not isinstance(data, Mapping):
        raise InputError(path, "not an extraction record (expected a JSON object with "
                               "\"document\", \"entities\", \"events\", \"relations\")")
    try:
        return ExtractionRecord.from_dict(dict(data))
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(path, f"not in the gold format ({exc}); see docs/gold-format.md in the "
                               "source repository") from exc


def score_records(gold: Mapping[str, RecordLike], pred: Mapping[str, RecordLike]) -> EvaluationReport:
    """Score predicted records against gold records, both keyed by document stem.

    Only gold documents are scored; a gold document without a prediction counts as empty.
    Plain dicts in the gold format are accepted as well as records.

    Raises:
        InputError: a dict is not in the gold format.
    """
    tally = _Tally()
    empty = ExtractionRecord(document="")
    for doc in sorted(gold):
        g = _record_from(gold[doc], Path(doc))
        p = pred.get(doc)
        _score_document(doc, g, _record_from(p, Path(doc)) if p is not None else empty, tally)
    return EvaluationReport(
        scores=tuple(tally.scores[name] for name, _ in PRF_MEASURES),
        accuracies=tuple(tally.accuracies[name] for name, _ in ACCURACY_MEASURES),
        discrepancies=tuple(tally.discrepancies),
        documents=tuple(sorted(gold)),
        missing_documents=tuple(sorted(d for d in gold if d not in pred)),
        unscored_documents=tuple(sorted(d for d in pred if d not in gold)),
    )


@dataclass
class _Tally:
    scores: dict[str, Score] = field(
        default_factory=lambda: {name: Score(name) for name, _ in PRF_MEASURES})
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy(name) for name, _ in ACCURACY_MEASURES})
    discrepancies: list[Discrepancy] = field(default_factory=list)

    def add(self, name: str, matched_pred: int, n_pred: int, matched_gold: int,
            n_gold: int) -> None:
        self.scores[name] = self.scores[name].plus(matched_pred, n_pred, matched_gold, n_gold)

    def check(self, name: str, ok: bool) -> None:
        a = self.accuracies[name]
        self.accuracies[name] = Accuracy(name, a.correct + int(ok), a.total + 1)

    def note(self, doc: str, kind: str, measure: str, item: str) -> None:
        self.discrepancies.append(Discrepancy(doc, kind, measure, item))


def _score_document(doc: str, gold: ExtractionRecord, pred: ExtractionRecord,
                    tally: _Tally) -> None:
    entity_map = m.match_entities(gold.entities, pred.entities)
    tally.add("entities", len(entity_map), len(pred.entities), len(entity_map), len(gold.entities))
    for t in ENTITY_TYPES:
        _score_entity_type(doc, t, gold, pred, tally)
    event_map = _score_events(doc, gold, pred, tally)
    _score_event_details(doc, gold, pred, event_map, entity_map, tally)
    _score_relations(doc, gold, pred, entity_map, tally)
    _score_cooperation(doc, gold, pred, entity_map, tally)


def _score_entity_type(doc: str, etype: str, gold: ExtractionRecord, pred: ExtractionRecord,
                       tally: _Tally) -> None:
    g = [e for e in gold.entities if e.type == etype]
    p = [e for e in pred.entities if e.type == etype]
    mapping = m.match_entities(g, p)
    tally.add(f"entities.{etype}", len(mapping), len(p), len(mapping), len(g))
    found = set(mapping.values())
    for e in g:
        if e.id not in found:
            tally.note(doc, "missed", etype, e.name)
    for e in p:
        if e.id not in mapping:
            tally.note(doc, "spurious", etype, e.name)


def _score_events(doc: str, gold: ExtractionRecord, pred: ExtractionRecord,
                  tally: _Tally) -> dict[str, str]:
    event_map = m.match_events(gold.events, pred.events)
    tally.add("events", len(event_map), len(pred.events), len(event_map), len(gold.events))
    found = set(event_map.values())
    for e in gold.events:
        if e.id not in found:
            tally.note(doc, "missed", "event", _event_label(e))
    for e in pred.events:
        if e.id not in event_map:
            tally.note(doc, "spurious", "event", _event_label(e))
    return event_map


def _score_event_details(doc: str, gold: ExtractionRecord, pred: ExtractionRecord,
                         event_map: Mapping[str, str], entity_map: Mapping[str, str],
                         tally: _Tally) -> None:
    """Dates, type, status and actor links of each matched event (in predicted order)."""
    pred_by_id = _first_by_id(pred.events)
    gold_by_id = {e.id: e for e in gold.events}
    gold_names = _entity_names(gold.entities)
    pred_names = _entity_names(pred.entities)
    for pid, gid in event_map.items():
        p, g = pred_by_id[pid], gold_by_id[gid]
        checks = {
            "event.start": ((p.start or None), (g.start or None)),
            "event.end": ((p.end or p.start or None), (g.end or g.start or None)),
            "event.type": (p.type, g.type),
            "event.status": (p.status, g.status),
        }
        for name, (got, want) in checks.items():
            tally.check(name, got == want)
            if got != want:
                tally.note(doc, "wrong", name, f"{g.title}: {got} (gold {want})")
        _score_links(doc, g, p, entity_map, gold_names, pred_names, tally)


def _score_links(doc: str, gold: Event, pred: Event, entity_map: Mapping[str, str],
                 gold_names: Mapping[str, str], pred_names: Mapping[str, str],
                 tally: _Tally) -> None:
    g_links, p_links = m.actor_links(gold), m.mapped_links(pred, entity_map)
    g_actors, p_actors = {a for a, _ in g_links}, {a for a, _ in p_links}
    tp = len(g_actors & p_actors)
    tally.add("links", tp, len(p_actors), tp, len(g_actors))
    tp = len(g_links & p_links)
    tally.add("links.role", tp, len(p_links), tp, len(g_links))
    for a, role in sorted(g_links - p_links):
        tally.note(doc, "missed", "link", f"{gold.title}: {gold_names.get(a, a)} as {role[:-1]}")
    for a, role in sorted(p_links - g_links):
        name = gold_names.get(a) or pred_names.get(a[len(m.UNMATCHED):], a)
        tally.note(doc, "spurious", "link", f"{gold.title}: {name} as {role[:-1]}")


def _score_relations(doc: str, gold: ExtractionRecord, pred: ExtractionRecord,
                     entity_map: Mapping[str, str], tally: _Tally) -> None:
    g_rel, p_rel = m.gold_relations(gold), m.mapped_relations(pred, entity_map)
    tp = len(g_rel & p_rel)
    tally.add("relations", tp, len(p_rel), tp, len(g_rel))
    g_names, p_names = _entity_names(gold.entities), _entity_names(pred.entities)
    for s, pr, o in sorted(g_rel - p_rel):
        tally.note(doc, "missed", "relation", f"{g_names.get(s, s)} {pr} {g_names.get(o, o)}")
    for r in pred.relations:
        mapped = (entity_map.get(r.subject, m.UNMATCHED), r.predicate,
                  entity_map.get(r.object, m.UNMATCHED))
        if mapped not in g_rel:
            tally.note(doc, "spurious", "relation", f"{p_names.get(r.subject, r.subject)} "
                                                    f"{r.predicate} {p_names.get(r.object, r.object)}")


def _score_cooperation(doc: str, gold: ExtractionRecord, pred: ExtractionRecord,
                       entity_map: Mapping[str, str], tally: _Tally) -> None:
    g_pairs = m.gold_pairs(gold)
    p_pairs = m.map_pairs(m.stated_pairs(pred), entity_map)
    tp = len(g_pairs & p_pairs.matched)
    tally.add("cooperation", tp, p_pairs.count, tp, len(g_pairs))
    g_names, p_names = _entity_names(gold.entities), _entity_names(pred.entities)
    for a, b in sorted(g_pairs - p_pairs.matched):
        tally.note(doc, "missed", "cooperation", f"{g_names.get(a, a)} – {g_names.get(b, b)}")
    for a, b in sorted(p_pairs.matched - g_pairs):
        tally.note(doc, "spurious", "cooperation", f"{g_names.get(a, a)} – {g_names.get(b, b)}")
    for a, b in sorted(set(p_pairs.unmatched)):
        tally.note(doc, "spurious", "cooperation", f"{p_names.get(a, a)} – {p_names.get(b, b)}")


def _first_by_id(events: Iterable[Event]) -> dict[str, Event]:
    out: dict[str, Event] = {}
    for e in events:
        out.setdefault(e.id, e)
    return out


def _entity_names(entities: Iterable[Entity]) -> dict[str, str]:
    return {e.id: e.name for e in entities}


def _event_label(event: Event) -> str:
    return f"{event.start or 'undated'} {event.title}"
