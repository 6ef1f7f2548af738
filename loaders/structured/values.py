"""Reading single values from structured sources: dates, multi-valued cells, names with acronyms.

Why one module: the CSV/JSON register loader, the IATI loader and the document loaders' metadata
all need the same rules, so a date or a name reads the same whatever file it came from.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from coopgraph.slugs import id_slug

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                         r"(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Z][A-Za-z0-9&.\-]{1,14})\)$")
#: Separator of several values in one register cell.
MULTI_SEPARATOR = ";"


def parse_iso_date(value: str) -> tuple[str, str]:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and give back (the date, its precision).

    Why strict: a register cell like ``5/6/2017`` is ambiguous (May or June), so it is refused
    rather than guessed.

    Raises:
        ValueError: the text is not one of the three ISO 8601 forms, or not a real date.
    """
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
        return f"{year}-{month}-{day}", "day"
    if month is not None:
        return f"{year}-{month}", "month"
    return year, "year"


def normalise_timestamp(value: str) -> str | None:
    """The day of an ISO timestamp (``2017-05-19T10:00:00+08:00`` → ``2017-05-19``), or None.

    Used for document dates from page metadata, where a missing or odd date is not an error.
    """
    text = value.strip()
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            date.fromisoformat(m.group(1))
        except ValueError:
            return None
        return m.group(1)
    try:
        return parse_iso_date(text)[0]
    except ValueError:
        return None


def date_from_datetime(value: datetime | None) -> str | None:
    """The ISO day of a datetime (document properties), or None."""
    return value.date().isoformat() if value is not None else None


def split_multi(cell: str) -> list[str]:
    """The non-empty, trimmed values of a ``;``-separated cell, in order, without repeats."""
    seen: list[str] = []
    for part in cell.split(MULTI_SEPARATOR):
        v = " ".join(part.split())
        if v and v not in seen:
            seen.append(v)
    return seen


def split_acronym(name: str) -> tuple[str, str | None]:
    """Split ``International Labour Organization (ILO)`` into the name and the acronym.

    A name that is only an acronym stays as it is, with no separate acronym.
    """
    m = _ACRONYM.match(" ".join(name.split()))
    if m:
        return m.group("name"), m.group("acr")
    return " ".join(name.split()), None


def local_id(text: str) -> str:
    """A record-local id for an entity or row of a structured source (up to 60 characters)."""
    return id_slug(text, limit=60, fallback="item")
