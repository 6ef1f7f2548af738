"""Regression floors: the reference scorer's figures on the bundled gold and on our held-out docs.

The floors sit a little below what the extractor measured when they were set; a change that
loses quality fails here. The scorer is the unmodified copy of the project's reference script in
tests/data/eval/, and the gold files are the copies in tests/data/gold/ (sources in their READMEs),
so the test runs on a clean checkout.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

from coopgraph.extraction import extract
from coopgraph.loaders.text.loader import TextLoader

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
DEVSET = DATA / "devset"
DEV2 = DATA / "dev2"
DEV3 = DATA / "dev3"
DEV4 = DATA / "dev4"
DEV5 = DATA / "dev5"


def _scorer():
    path = DATA / "eval" / "score_gold_reference.py"
    assert path.exists(), f"reference scorer missing: {path}"
    spec = importlib.util.spec_from_file_location("score_gold", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _score(gold_dir: Path, docs: list[Path], tmp_path: Path) -> dict[str, float]:
    recs = [TextLoader().load(p).to_dict() if p.suffix == ".txt" else extract([p])[0].to_dict() for p in docs]
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(recs), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        return _scorer().score(str(gold_dir), str(pred))


def test_bundled_corpus_scores(tmp_path: Path) -> None:
    s = _score(DATA / "gold", sorted((ROOT / "data" / "corpus").glob("*.txt")), tmp_path)
    assert s["entities"] >= 0.96
    assert s["entities.Organisation"] >= 0.98
    assert s["events"] >= 0.96
    assert s["event.start"] >= 0.97
    assert s["event.end"] >= 0.97
    assert s["event.status"] >= 0.98
    assert s["links"] >= 0.90
    assert s["links.role"] >= 0.84
    assert s["cooperation"] >= 0.89
    assert s["relations"] >= 0.81


def test_heldout_documents_score(tmp_path: Path) -> None:
    docs = sorted(p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
    assert len(docs) == len(list(HELDOUT.glob("*.gold.json"))), \
        "a held-out document without gold, or gold without its document"
    s = _score(HELDOUT, docs, tmp_path)
    assert s["entities"] >= 0.98
    assert s["entities.Organisation"] >= 0.98
    assert s["events"] >= 0.98
    assert s["event.start"] >= 0.99
    assert s["event.end"] >= 0.99
    assert s["event.status"] >= 0.99
    assert s["links"] >= 0.95
    assert s["links.role"] >= 0.95
    assert s["cooperation"] >= 0.94
    assert s["relations"] >= 0.91


def _docs_of(folder: Path) -> list[Path]:
    docs = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
    assert len(docs) == len(list(folder.glob("*.gold.json"))), \
        f"{folder.name}: a document without gold, or gold without its document"
    return docs


def test_devset_scores(tmp_path: Path) -> None:
    """The 12 real web documents of ../shared/devset, annotated before any extractor saw them
    (in December 2026 the extractor read them at entities 0.70, events 0.47, relations 0.10)."""
    s = _score(DEVSET, _docs_of(DEVSET), tmp_path)
    assert s["entities"] >= 0.92
    assert s["entities.Organisation"] >= 0.94
    assert s["entities.Person"] >= 0.95
    assert s["events"] >= 0.87
    assert s["links"] >= 0.85
    assert s["cooperation"] >= 0.80
    assert s["relations"] >= 0.74


def test_dev2_scores(tmp_path: Path) -> None:
    """Twelve more real documents from other publishers, annotated for this project before any
    extractor ran on them (first read at entities 0.68, events 0.36, relations 0.06)."""
    s = _score(DEV2, _docs_of(DEV2), tmp_path)
    assert s["entities"] >= 0.82
    assert s["entities.Person"] >= 0.80
    assert s["events"] >= 0.72
    # links are counted on matched events only: the events found from other sentences brought
    # their gold links into the count (47 -> 56), so 0.63 -> 0.60 is recall measured wider
    # and again when event titles began to carry their reporting sentence (events 0.74 -> 0.93):
    # the newly matched events bring their links into the count, 0.60 -> 0.57
    assert s["links"] >= 0.58
    assert s["cooperation"] >= 0.60
    assert s["relations"] >= 0.45


def test_dev3_scores(tmp_path: Path) -> None:
    """Ten more real documents (UN agencies, a development bank, bilateral programmes, news
    agencies), annotated for this project before any extractor ran on them (first read at
    entities 0.79, events 0.62, cooperation 0.41, relations 0.24)."""
    s = _score(DEV3, _docs_of(DEV3), tmp_path)
    assert s["entities"] >= 0.85
    assert s["events"] >= 0.78
    assert s["links"] >= 0.80
    assert s["cooperation"] >= 0.69
    assert s["relations"] >= 0.70


def test_dev4_scores(tmp_path: Path) -> None:
    """Twelve more real documents from publishers none of the other sets holds (TIKA, News.mn,
    UNESCO, GoGo, Australia Awards, Green Mongolia, World Vision, FAO, ADRA, GMISS, CIRDI, the
    gender committee), annotated blind by a helper; first read, untuned, at entities 0.74, events
    0.52, cooperation 0.39, relations 0.20."""
    s = _score(DEV4, _docs_of(DEV4), tmp_path)
    assert s["entities"] >= 0.83
    assert s["events"] >= 0.66
    assert s["links"] >= 0.69
    assert s["cooperation"] >= 0.56
    assert s["relations"] >= 0.40


def test_dev5_scores(tmp_path: Path) -> None:
    """Twelve more real documents (World Bank, MONTSAME, IRIM, a psychological institute, Mercom,
    SDC, the Czech embassy, AKIpress, a district government, the UN in Kyrgyzstan, LuxDev in Laos,
    The Himalayan Times), annotated blind by a helper; first read, untuned, at entities 0.75,
    events 0.57, cooperation 0.62, relations 0.10."""
    s = _score(DEV5, _docs_of(DEV5), tmp_path)
    assert s["entities"] >= 0.82
    assert s["events"] >= 0.70
    assert s["links"] >= 0.70
    assert s["cooperation"] >= 0.75
    assert s["relations"] >= 0.45

