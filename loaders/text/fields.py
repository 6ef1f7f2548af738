"""Event announcements written as fields: "Title: ...", "Date: ...", "Venue: ...", "Organizer: ...".

Why: websites and newsletters announce events as a small form rather than a sentence; the
sentence rules then find no verb and take the form's labels for words of a title. Each field says
exactly which part of the event it gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIELD = re.compile(
    r"^[ \t]*(title|event|topic|theme|dates?|when|time|venue|place|location|where|"
    r"organi[sz]ers?|organi[sz]ed\s+by|hosts?|hosted\s+by|participants|audience|target\s+group|"
    r"supported\s+by|funded\s+by|sponsors?|with\s+support\s+(?:from|of)|partners?)[ \t]*:[ \t]*(\S[^\n]*)$",
    re.I | re.M)
_KINDS = (("title", ("title", "event", "topic", "theme")), ("date", ("date", "dates", "when", "time")),
          ("venue", ("venue", "place", "location", "where")),
          ("organisers", ("organizer", "organizers", "organiser", "organisers", "organized by", "organised by",
                          "host", "hosts", "hosted by")),
          ("participants", ("participants", "audience", "target group", "partner", "partners")),
          ("supporters", ("supported by", "funded by", "sponsor", "sponsors", "with support from",
                          "with support of")))


@dataclass(frozen=True)
class Fields:
    """The value span of each kind of field found (title, date, venue, organisers, ...)."""

    spans: dict[str, tuple[int, int]]
    first: int  # where the form starts

    def get(self, kind: str) -> tuple[int, int] | None:
        return self.spans.get(kind)


def find_fields(text: str, start: int, end: int) -> Fields | None:
    """The announcement form in text[start:end], or None unless it has a date and one other field.
    Raises nothing."""
    if text.find(":", start, end) < 0:
        return None
    spans: dict[str, tuple[int, int]] = {}
    first = -1
    for m in _FIELD.finditer(text, start, end):
        label = " ".join(m.group(1).lower().split())
        kind = next(k for k, labels in _KINDS if label in labels)
        spans.setdefault(kind, (m.start(2), m.end(2)))
        first = m.start() if first < 0 else first
    if "date" not in spans or len(spans) < 2:
        return None
    return Fields(spans, first)
