"""Making a loader's record valid Unicode before it reaches the graph, the cache or a file.

Why a pass over the finished record rather than a check in each loader: Python strings can hold
lone surrogates (U+D800–U+DFFF) that no UTF-8 file can, and they arrive by more than one road
(``"\\ud801"`` is a valid JSON escape; a plugin loader may produce them). One left in a record
ended the whole build in a ``UnicodeEncodeError`` when the cache entry or the Turtle was
written. Each one is replaced by U+FFFD, one code point for one, so every evidence span still
points at the same text, and the record says how many were replaced.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

from coopgraph.records import ExtractionRecord

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(record: ExtractionRecord) -> ExtractionRecord:
    """``record`` with every lone surrogate replaced by U+FFFD and a warning saying so; the
    same object when there was none."""
    counter = [0]
    cleaned: ExtractionRecord = _clean(record, counter)
    if not counter[0]:
        return record
    note = ("invalid characters (lone UTF-16 surrogates, e.g. from a \\ud801 escape) replaced "
            f"by U+FFFD in {counter[0]} place(s)")
    return replace(cleaned, warnings=(*cleaned.warnings, note))


def _clean(value: Any, counter: list[int]) -> Any:
    if isinstance(value, str):
        if not _LONE_SURROGATE.search(value):
            return value
        fixed, n = _LONE_SURROGATE.subn("\ufffd", value)
        counter[0] += n
        return fixed
    if isinstance(value, tuple):
        return tuple(_clean(v, counter) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name), counter) for f in fields(value)}
        return replace(value, **changes)
    return value


#: characters unsafe on a terminal or in a log: controls (escape sequences), bidirectional and
#: zero-width format characters, line and paragraph separators, lone surrogates
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                         r"\ufeff\ufff9-\ufffb\ud800-\udfff]")


def printable(text: str) -> str:
    """Text fit for one terminal line: each character of ``UNPRINTABLE`` (an escape sequence a
    hostile file carries into a parser's message) becomes '?'."""
    return UNPRINTABLE.sub("?", text)
