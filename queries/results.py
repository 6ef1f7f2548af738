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
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from coopgraph.defaults import ONTOLOGY_NS

if TYPE_CHECKING:  # pragma: no cover - pandas is an optional extra
    import pandas

Term = URIRef | Literal | BNode
Row = tuple[Term | None, ...]
PyValue = str | int | float | bool | object | None

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "markdown")
_SHORT = (
    (ONTOLOGY_NS, "cg:"),
    ("https://w3id.org/coopgraph/concept/", "cgc:"),
    ("https://w3id.org/coopgraph/id/", "id:"),
)
_CELL_MAX = 48
#: Rows a ``repr`` shows (a notebook cell echoes the result; the table is a glance, not the data).
REPR_ROWS = 5
PANDAS_MISSING = "to_pandas needs pandas: pip install 'coopgraph[pandas]'"


@dataclass(frozen=True, repr=False)
class QueryResult:
    """Column names (the projected variables, in order) and rows of terms."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def __repr__(self) -> str:
        """Row count, columns and the first rows as a table: what a notebook cell should echo
        (thousands of rows of terms flooded it)."""
        head = f"<QueryResult: {len(self.rows)} row{'s' if len(self.rows) != 1 else ''} × " \
               f"{', '.join(self.columns) or 'no columns'}>"
        if not self.rows:
            return head
        shown = QueryResult(self.columns, self.rows[:REPR_ROWS]).to_table(width=100)
        shown = shown.rstrip("\n").rsplit("\n", 1)[0]  # the table's own "(N rows)" line
        more = len(self.rows) - REPR_ROWS
        return f"{head}\n{shown}" + (f"\n… {more} more row{'s' if more != 1 else ''}"
                                      if more > 0 else "")

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame of the Python values (``records()``), one column per variable.

        Raises ImportError naming the ``pandas`` extra when pandas is not installed.
        """
        try:
            import pandas
        except ImportError:
            raise ImportError(PANDAS_MISSING) from None
        return pandas.DataFrame(self.records(), columns=list(self.columns))

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
        return [{c: _py(v) for c, v in zip(self.columns, r, strict=True)} for r in self.rows]

    def format(self, fmt: str, *, width: int | None = None) -> str:
        """The result in one of FORMATS (``table`` when unsure); ``width`` fits the table."""
        if fmt == "table":
            return self.to_table(width=width)
        return {"csv": self.to_csv, "tsv": self.to_tsv, "json": self.to_json,
                "markdown": self.to_markdown}[fmt]()

    def to_table(self, *, width: int | None = None) -> str:
        """A fixed-width table for a terminal: IRIs shortened, long cells cut with '…'.

        With ``width`` (the terminal's), columns holding only IRIs are left out, last first,
        until the table fits, and a closing note names them: the names beside them are what a
        reader scans, and the CSV or JSON formats keep every column.
        """
        cells = [[_cut(_short(v)) for v in r] for r in self.rows]
        shown = list(range(len(self.columns)))
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(self.columns)]
        hidden: list[str] = []
        if width is not None:
            iri_columns = [i for i in shown if self.rows
                           and all(isinstance(r[i], URIRef) or r[i] is None for r in self.rows)]
            while iri_columns and sum(widths[i] + 2 for i in shown) - 2 > width:
                gone = iri_columns.pop()
                shown.remove(gone)
                hidden.insert(0, self.columns[gone])
            excess = sum(widths[i] + 2 for i in shown) - 2 - width
            while excess > 0:  # then narrow the widest columns, down to 12 characters each
                widest = max(shown, key=lambda i: widths[i])
                if widths[widest] <= max(12, len(self.columns[widest])):
                    break
                widths[widest] -= 1
                excess -= 1
            cells = [[_cut(c, widths[i]) for i, c in enumerate(r)] for r in cells]
        pick = [widths[i] for i in shown]
        lines = [_line([self.columns[i] for i in shown], pick),
                 _line(["-" * w for w in pick], pick)]
        lines += [_line([r[i] for i in shown], pick) for r in cells]
        note = f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''}"
        if hidden:
            note += f"; IRI column{'s' if len(hidden) > 1 else ''} {', '.join(hidden)} left out "
            note += "to fit the terminal: --format csv shows all"
        lines.append(note + ")")
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        """CSV with a header row and plain values (IRIs in full, literals by their text)."""
        return self._delimited(",")

    def to_tsv(self) -> str:
        """Tab-separated values; tabs and newlines inside values become spaces."""
        return self._delimited("\t")

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON format (https://www.w3.org/TR/sparql11-results-json/)."""
        bindings = [{c: _json_term(v) for c, v in zip(self.columns, r, strict=True) if v is not None}
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


def short_iri(iri: str) -> str:
    """An IRI with coopgraph's namespaces written as prefixes (``id:place/dornod``)."""
    return _short(URIRef(iri))


def _short(v: Term | None) -> str:
    if isinstance(v, URIRef):
        for ns, prefix in _SHORT:
            if v.startswith(ns):
                return prefix + v[len(ns):]
    return _plain(v).replace("\n", " ")


def _cut(text: str, limit: int = _CELL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


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
