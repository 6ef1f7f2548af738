"""QueryResult: the rows of a SELECT, the same whichever backend produced them, and its formats.

Rows hold rdflib terms (``URIRef``, ``Literal``, ``BNode``, or None when unbound), so results
from pyoxigraph, rdflib and a remote endpoint compare equal and convert with ``toPython()``.
Formats: a terminal table, CSV and TSV (plain values), SPARQL 1.1 Query Results JSON, Markdown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Union

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Term = Union[URIRef, Literal, BNode]
Row = tuple[Term | None, ...]
PyValue = Union[str, int, float, bool, object, None]

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "markdown")
_SHORT = (
    ("https://w3id.org/coopgraph/ontology#", "cg:"),
    ("https://w3id.org/coopgraph/concept/", "cgc:"),
    ("https://w3id.org/coopgraph/id/", "id:"),
)
_CELL_MAX = 48


@dataclass(frozen=True)
class QueryResult:
    """Column names (the projected variables, in order) and rows of terms."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def column(self, name: str) -> list[Term | None]:
        """Every value of one column, in row order."""
        i = self.columns.index(name)
        return [r[i] for r in self.rows]

    def records(self) -> list[dict[str, PyValue]]:
        """Rows as dicts of Python values (``int`` for integers, ``str`` for IRIs and text)."""
        return [{c: _py(v) for c, v in zip(self.columns, r)} for r in self.rows]

    def format(self, fmt: str) -> str:
        """The result in one of FORMATS (``table`` when unsure)."""
        return {"table": self.to_table, "csv": self.to_csv, "tsv": self.to_tsv,
                "json": self.to_json, "markdown": self.to_markdown}[fmt]()

    def to_table(self) -> str:
        """A fixed-width table for a terminal: IRIs shortened, long cells cut with '…'."""
        cells = [[_cut(_short(v)) for v in r] for r in self.rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(self.columns)]
        lines = [_line(self.columns, widths), _line(["-" * w for w in widths], widths)]
        lines += [_line(r, widths) for r in cells]
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        """CSV with a header row and plain values (IRIs in full, literals by their text)."""
        return self._delimited(",")

    def to_tsv(self) -> str:
        """Tab-separated values; tabs and newlines inside values become spaces."""
        return self._delimited("\t")

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON format (https://www.w3.org/TR/sparql11-results-json/)."""
        bindings = [{c: _json_term(v) for c, v in zip(self.columns, r) if v is not None}
                    for r in self.rows]
        doc = {"head": {"vars": list(self.columns)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table; pipes are escaped, newlines flattened."""
        def cell(v: Term | None) -> str:
            return _plain(v).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(self.columns) + " |",
                 "|" + "|".join(" --- " for _ in self.columns) + "|"]
        lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in self.rows]
        return "\n".join(lines) + "\n"

    def _delimited(self, delimiter: str) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.columns)
        for r in self.rows:
            values = [_plain(v) for v in r]
            if delimiter == "\t":
                values = [v.replace("\t", " ").replace("\n", " ") for v in values]
            writer.writerow(values)
        return buf.getvalue()


def make_result(columns: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> QueryResult:
    """Build a QueryResult from any sequences (backends call this)."""
    return QueryResult(tuple(columns), tuple(tuple(r) for r in rows))


def _py(v: Term | None) -> PyValue:
    if v is None:
        return None
    if isinstance(v, Literal):
        value = v.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(v)


def _plain(v: Term | None) -> str:
    return "" if v is None else str(v)


def _short(v: Term | None) -> str:
    if isinstance(v, URIRef):
        for ns, prefix in _SHORT:
            if v.startswith(ns):
                return prefix + v[len(ns):]
    return _plain(v).replace("\n", " ")


def _cut(text: str) -> str:
    return text if len(text) <= _CELL_MAX else text[: _CELL_MAX - 1] + "…"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def _json_term(v: Term) -> dict[str, str]:
    if isinstance(v, URIRef):
        return {"type": "uri", "value": str(v)}
    if isinstance(v, BNode):
        return {"type": "bnode", "value": str(v)}
    out = {"type": "literal", "value": str(v)}
    if v.language:
        out["xml:lang"] = v.language
    elif v.datatype and v.datatype != XSD.string:
        out["datatype"] = str(v.datatype)
    return out
