"""Event registers (CSV or JSON): one row per event, read without any language processing.

Why: many teams keep a spreadsheet of their trainings, meetings and visits. Its rows are already
structured, so they become events directly; the layout is documented in docs/loaders.md:
``title, type, start, end, place, organisers, supporters, participants, project, source``, with
several values in one cell separated by ``;``. Every problem names the file and the row.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.documents import decode_text, read_bytes
from coopgraph.loaders.structured.entity_table import TypeKeyedEntityTable
from coopgraph.loaders.structured.place_names import add_place
from coopgraph.loaders.formats.sniffing import looks_binary, source_info, strip_bom
from coopgraph.loaders.structured.values import (
    local_id, parse_iso_date, split_acronym, split_multi,
)
from coopgraph.names import name_key
from coopgraph.records import EVENT_TYPES, STATUSES, EntityType, Event, ExtractionRecord, SourceInfo

#: The documented columns, in their documented order.
COLUMNS: tuple[str, ...] = (
    "title", "type", "start", "end", "place", "organisers", "supporters", "participants",
    "project", "source",
)
#: Optional columns read when present.
EXTRA_COLUMNS: tuple[str, ...] = ("status", "attendee_count")
#: Columns a register cannot do without.
REQUIRED_COLUMNS: tuple[str, ...] = ("title", "start")
#: Other spellings accepted in a header.
_SYNONYMS = {"organizers": "organisers", "places": "place", "projects": "project",
             "attendees": "attendee_count"}
_ACTOR_ROLES = ("organisers", "supporters", "participants")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class RegisterRow:
    """One register entry, with where it stands in the file (for messages and evidence)."""

    where: str  # "row 4" (CSV, header is row 1) or "item 2" (JSON, counted from 1)
    values: Mapping[str, str | list[str]]
    quote: str = ""
    span: tuple[int, int] | None = None


class RegisterLoader:
    """Loader for CSV and JSON event registers in the documented column layout."""

    name = "register"

    def sniff(self, path: Path, head: bytes) -> bool:
        if looks_binary(head):
            return False
        text = strip_bom(head).lstrip()
        suffix = path.suffix.lower()
        if suffix in {".csv", ".tsv"}:
            return True
        if text.startswith((b"[", b"{")):
            return b'"title"' in text and b'"entities"' not in text
        first = text.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
        cells = {c.strip().strip('"') for c in _split_header_line(first)}
        return "title" in cells and len(cells & set(COLUMNS)) >= 3

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read every row of the register into events and the entities they name.

        Raises:
            InputError: the file cannot be read as text.
            ExtractionError: a column is missing, a row has no title, a bad date, an unknown
                event type or status (the message names the file and the row).
        """
        data = read_bytes(path)
        text = decode_text(path, data, encoding)
        notes: list[str] = []
        if strip_bom(data).lstrip().startswith((b"[", b"{")):
            found, media = _json_rows(path, text), "application/json"
        else:
            found, media = _csv_rows(path, text, notes), "text/csv"
        rows = _within_row_budget(found, notes)
        if not rows:
            raise ExtractionError(path, "the register has a header but no rows")
        return build_register_record(path, rows, source_info(path, data, media),
                                     warnings=tuple(notes))


def _within_row_budget(rows: Iterator[RegisterRow], notes: list[str]) -> list[RegisterRow]:
    """The first :data:`~coopgraph.loaders.formats.budgets.MAX_CSV_ROWS` rows; past them the
    rest are counted (not read into events) and the cut is a line in ``notes``."""
    kept = list(islice(rows, budgets.MAX_CSV_ROWS))
    rest = sum(1 for _ in rows)
    if rest:
        notes.append(budgets.cut_note("rows", len(kept), len(kept) + rest))
    return kept


def build_register_record(path: Path, rows: list[RegisterRow], source: SourceInfo, *,
                          warnings: tuple[str, ...] = ()) -> ExtractionRecord:
    """Turn register rows into a record: one event per row, entities shared between rows.

    Raises:
        ExtractionError: a row breaks the layout (names the row).
    """
    table = TypeKeyedEntityTable()
    project_keys = {name_key(form) for row in rows for p in _multi(row, "project")
                    for form in split_acronym(p) if form}
    events = [_row_event(path, row, table, project_keys, n) for n, row in enumerate(rows, 1)]
    return ExtractionRecord(document=path.name, entities=table.entities(),
                            events=tuple(events), source=source, warnings=warnings)


def _row_event(path: Path, row: RegisterRow, table: TypeKeyedEntityTable, project_keys: set[str],
               n: int) -> Event:
    title = _single(row, "title")
    if not title:
        raise ExtractionError(path, f"{row.where}: empty title; every event needs one")
    start, end, precision = _row_dates(path, row)
    projects = [table.add("Project", p) for p in _multi(row, "project")]
    roles = {role: _actors(row, role, table, project_keys) for role in _ACTOR_ROLES}
    for pid in roles["organisers"] + roles["supporters"] + roles["participants"]:
        if table.type_of(pid) == "Project" and pid not in projects:
            projects.append(pid)
    places = [add_place(table, p) for p in _multi(row, "place")]
    return Event(
        id=f"{local_id(title)}-{start or n}", title=title, type=_row_type(path, row),
        start=start, end=end, date_precision=precision, status=_row_status(path, row),
        places=tuple(places), organisers=tuple(roles["organisers"]),
        supporters=tuple(roles["supporters"]), participants=tuple(roles["participants"]),
        projects=tuple(projects), attendee_count=_row_count(path, row),
        evidence=row.quote, span=row.span,
    )


def _actors(row: RegisterRow, role: str, table: TypeKeyedEntityTable, project_keys: set[str]) -> list[str]:
    ids: list[str] = []
    for name in _multi(row, role):
        kind: EntityType = "Project" if name_key(name) in project_keys else "Organisation"
        ident = table.add(kind, name)
        if ident not in ids:
            ids.append(ident)
    return ids


def _row_dates(path: Path, row: RegisterRow) -> tuple[str | None, str | None, str]:
    """(start, end, precision); a missing end equals the start (a one-day or one-year event)."""
    parsed: dict[str, tuple[str, str] | None] = {}
    for col in ("start", "end"):
        raw = _single(row, col)
        try:
            parsed[col] = parse_iso_date(raw) if raw else None
        except ValueError as exc:
            raise ExtractionError(path, f"{row.where}: bad {col} date: {exc}") from None
    start, end = parsed["start"], parsed["end"]
    if start is None:
        if end is not None:
            raise ExtractionError(path, f"{row.where}: an end date without a start date")
        return None, None, "unknown"
    if end is not None and end[0] < start[0][:len(end[0])]:
        raise ExtractionError(path, f"{row.where}: end {end[0]} is before start {start[0]}")
    return start[0], (end or start)[0], start[1]


def _row_type(path: Path, row: RegisterRow) -> str:
    value = _single(row, "type").lower().replace(" ", "_").replace("-", "_") or "other"
    if value not in EVENT_TYPES:
        raise ExtractionError(path, f"{row.where}: unknown event type {value!r} "
                              f"(use one of: {', '.join(EVENT_TYPES)})")
    return value


def _row_status(path: Path, row: RegisterRow) -> str:
    value = _single(row, "status").lower() or "unknown"
    if value not in STATUSES:
        raise ExtractionError(path, f"{row.where}: unknown status {value!r} "
                              f"(use one of: {', '.join(STATUSES)})")
    return value


def _row_count(path: Path, row: RegisterRow) -> int | None:
    raw = _single(row, "attendee_count")
    if not raw:
        return None
    if not raw.isdigit():
        raise ExtractionError(path, f"{row.where}: attendee_count {raw!r} is not a whole number")
    return int(raw)


def _single(row: RegisterRow, column: str) -> str:
    value = row.values.get(column, "")
    if isinstance(value, list):
        value = MULTI_JOIN.join(value)
    return " ".join(str(value).split())


def _multi(row: RegisterRow, column: str) -> list[str]:
    value = row.values.get(column, "")
    if isinstance(value, list):
        return [v for item in value for v in split_multi(str(item))]
    return split_multi(str(value))


MULTI_JOIN = "; "


# --- CSV -------------------------------------------------------------------------------------

def _split_header_line(line: str) -> list[str]:
    delimiter = max(_DELIMITERS, key=line.count)
    return line.split(delimiter)


def _csv_rows(path: Path, text: str, notes: list[str]) -> Iterator[RegisterRow]:
    """Rows of a CSV register, each with its exact line(s) as evidence.

    Only the first :data:`~coopgraph.loaders.formats.budgets.MAX_CSV_COLUMNS` columns are read
    (a million columns were each matched against the documented names); the cut is a line in
    ``notes``.

    Raises:
        ExtractionError: malformed CSV, a missing required column or a misspelt column name.
    """
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    line_starts = _line_starts(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        raw = next(reader)
        if len(raw) > budgets.MAX_CSV_COLUMNS:
            notes.append(budgets.cut_note("columns", budgets.MAX_CSV_COLUMNS, len(raw)))
        header = [_column(path, c, "row 1") for c in raw[:budgets.MAX_CSV_COLUMNS]]
        _check_columns(path, header, "row 1")
        width = len(raw)
        before = reader.line_num
        for n, cells in enumerate(reader, 2):
            if not any(c.strip() for c in cells):
                before = reader.line_num
                continue
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise ExtractionError(path, f"row {n}: {len(cells)} cells but the header names "
                                      f"{width} columns; quote cells that contain "
                                      f"{delimiter!r}")
            lo, hi = line_starts[before], _line_end(text, line_starts, reader.line_num)
            before = reader.line_num
            values = {h: c for h, c in zip(header, cells, strict=False) if h}
            yield RegisterRow(f"row {n}", values, text[lo:hi], (lo, hi))
    except csv.Error as exc:
        raise ExtractionError(path, f"row {reader.line_num}: not valid CSV ({exc})") from None
    except StopIteration:
        raise ExtractionError(path, "no header row") from None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _line_end(text: str, starts: list[int], line_num: int) -> int:
    """Offset just after the text of physical line ``line_num`` (1-based), before its newline."""
    return starts[line_num] - 1 if line_num < len(starts) else len(text)


def _column(path: Path, raw: str, where: str) -> str:
    """The canonical name of a header cell; '' for a column that is ignored.

    Raises:
        ExtractionError: the name is a near miss of a documented column (a typo).
    """
    name = " ".join(raw.strip().lower().split()).replace(" ", "_")
    name = _SYNONYMS.get(name, name)
    known = COLUMNS + EXTRA_COLUMNS
    if name in known:
        return name
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
    if close:
        raise ExtractionError(path, f"{where}: unknown column {raw.strip()!r} "
                              f"(did you mean {close[0]!r}?)")
    return ""


def _check_columns(path: Path, header: list[str], where: str) -> None:
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise ExtractionError(path, f"{where}: missing column {col!r}; the header must name "
                                  f"{', '.join(COLUMNS)} (see docs/loaders.md)")


# --- JSON ------------------------------------------------------------------------------------

def _json_rows(path: Path, text: str) -> Iterator[RegisterRow]:
    """Items of a JSON register: a list of objects, or ``{"events": [...]}``.

    Raises:
        ExtractionError: invalid JSON, a wrong shape, or an item breaking the layout.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractionError(path, f"line {exc.lineno} column {exc.colno}: not valid JSON "
                              f"({exc.msg})") from None
    items = data.get("events") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ExtractionError(path, 'expected a list of events or {"events": [...]}')
    for n, item in enumerate(items, 1):
        where = f"item {n}"
        if not isinstance(item, dict):
            raise ExtractionError(path, f"{where}: expected an object with a title")
        values: dict[str, str | list[str]] = {}
        for key, value in item.items():
            col = _column(path, str(key), where)
            if col:
                values[col] = _json_value(path, where, col, value)
        _check_columns(path, list(values), where)
        quote = json.dumps(item, ensure_ascii=False)
        yield RegisterRow(where, values, quote, None)


def _json_value(path: Path, where: str, column: str, value: object) -> str | list[str]:
    if value is None:
        return ""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ExtractionError(path, f"{where}: {column} must be text or a list of texts")
