"""Saving a built graph to a build directory and loading one back.

``graph.ttl`` is the union of all named graphs (what most tools want); ``graph.trig`` keeps the
named graphs (per document, reference, cooperation). Both are written atomically.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from coopgraph.errors import InputError
from coopgraph.graph.serialization import GraphSets, parse_dataset, write_graph_files
from coopgraph._sanitise import printable

#: File suffix → rdflib parser name, for load_graph.
FORMATS_BY_SUFFIX = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt",
                     ".jsonld": "json-ld"}


def save_graph(dataset: Dataset | GraphSets, out_dir: Path | str) -> list[Path]:
    """Write ``graph.ttl`` (union) and ``graph.trig`` (named graphs) into ``out_dir``.

    ``dataset`` may also be the plain per-graph triple sets of ``build_quads`` (same bytes).
    Returns the paths written. A crash midway leaves any previous files whole.

    Raises:
        OSError: the directory cannot be created or written.
    """
    out = Path(out_dir)
    return write_graph_files(dataset, out / "graph.ttl", out / "graph.trig")


def resolve_graph_path(path: Path | str) -> Path:
    """The graph file for ``path``: the file itself, or in a build directory graph.trig, else graph.ttl.

    Raises:
        InputError: nothing is there, or the directory holds no graph.
    """
    p = Path(path)
    if p.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (p / name).is_file():
                return p / name
        raise InputError(p, "no graph.trig or graph.ttl in this directory; run `coopgraph build` first")
    if not p.exists():
        raise InputError(p, "no such file; run `coopgraph build` first or pass the graph's path")
    return p


def load_graph(path: Path | str) -> Dataset:
    """Read a graph (.ttl, .trig, .nq, .nt, .jsonld, or a build directory) into a dataset.

    Turtle and N-Triples land in the default graph; TriG and N-Quads keep their named graphs.
    Queries on the returned dataset see the union of all graphs.

    Raises:
        InputError: the file is missing, has an unknown suffix, is not UTF-8 or does not parse.
    """
    p = resolve_graph_path(path)
    fmt = FORMATS_BY_SUFFIX.get(p.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise InputError(p, f"unknown graph format {p.suffix or '(no suffix)'!r}; expected one of {known}")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(p, f"not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
                            "is this an RDF file?") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror})") from None
    try:
        return parse_dataset(text, fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib parsers raise many unrelated types on bad input
        # rdflib puts the place on the first line ("at line 1 of <>:"), the reason and the text next
        reason = " ".join(ln.strip() for ln in str(exc).strip().splitlines()[:3]) or type(exc).__name__
        raise InputError(p, f"not valid {fmt}: {printable(reason)[:300]}") from None
