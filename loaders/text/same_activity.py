"""One event per activity: items of one document that report the same activity are merged.

Why: a web page names its activity in the headline, again in a repeated sub-heading ("Training
seminar on X, 8 May 2019") and again in a later paragraph ("During the training workshop, the
participants ..."). Each such item reads as an event of its own, and an analyst sees the same
seminar three times with its participants split between the copies.

When two events are the same activity: they have the same type, dates that do not contradict
each other (equal, or one undated), and titles that share most of the shorter title's words, or
the later one refers back to the activity ("the workshop", "this training"). Activities that are
only announced together, or that differ in date, stay apart.
"""

from __future__ import annotations

import re
from coopgraph.loaders.text.events import EventDraft

_WORD = re.compile(r"[A-Za-z]{3,}")
_STOP = frozenset("the and for with from into this that these those its their our was were are will has have "
                  "held about under within".split())
_ROLE_FIELDS = ("organisers", "supporters", "participants", "projects", "subjects", "people", "places")
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}
#: share of the shorter title's words the two titles must have in common
_MIN_SHARED = 0.5
_SAME_TITLE = 0.8
#: kinds of gathering a report may name loosely ("a training workshop" ... "the workshop")
_GATHERINGS = frozenset({"training", "workshop", "seminar", "meeting", "conference", "forum"})
#: more events than this and the page is a listing of items, each its own activity
MAX_STORY_EVENTS = 4
_BACK_REFERENCE = re.compile(
    r"(?:(?:during|at|after|throughout|in)\s+)?(?:the|this|that)\s+(?:[\w\-’']+\s+){0,3}?"
    r"(?:training|workshop|seminar|meeting|event|visit|course|conference|forum|mission|dialogue|ceremony|"
    r"session|consultation|tour)s?\b", re.I)


def title_words(title: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(title)} - _STOP


def dates_agree(a: EventDraft, b: EventDraft) -> bool:
    """Equal dates, or one side undated, or one a coarser form of the other ('2019' and '2019-05-08')."""
    if a.start is None or b.start is None:
        return True
    return a.start.startswith(b.start) or b.start.startswith(a.start)


def same_activity(text: str, a: EventDraft, b: EventDraft) -> bool:
    if a.type == "publication" or b.type == "publication" or not dates_agree(a, b):
        return False
    if a.type != b.type and not ({a.type, b.type} <= _GATHERINGS and (refers_back(text, a) or refers_back(text, b))):
        return False  # "The workshop was organized ..." may point back at a "training workshop"
    if a.status != b.status and "unknown" not in (a.status, b.status):
        return False
    if a.places and b.places and not (set(a.places) <= set(b.places) or set(b.places) <= set(a.places)):
        return False  # the same kind of activity in two places: two activities
    wa, wb = title_words(a.title), title_words(b.title)
    if not wa or not wb:
        return False
    shared = len(wa & wb) / min(len(wa), len(wb))
    # near-identical titles and the same date (a repeated sub-heading), or one report pointing
    # back at the other
    if shared >= _SAME_TITLE and a.start == b.start and a.start is not None:
        return True
    return (refers_back(text, a) or refers_back(text, b)) and shared >= _MIN_SHARED


def refers_back(text: str, ev: EventDraft) -> bool:
    """The event was read from a sentence that points at an activity already named ("This
    training will focus on ...", "During the workshop, the participants ...")."""
    s, e = ev.evidence_span
    return _BACK_REFERENCE.match(text, s, e) is not None


def merge_into(keep: EventDraft, other: EventDraft) -> None:
    """Fold ``other`` into ``keep``: the more precise date, every actor once (a body keeps the
    strongest role it has in either), the first head count."""
    if _PRECISION_RANK.get(other.precision, 0) > _PRECISION_RANK.get(keep.precision, 0):
        keep.start, keep.end, keep.precision = other.start, other.end, other.precision
    for f in _ROLE_FIELDS:
        merged = list(dict.fromkeys([*getattr(keep, f), *getattr(other, f)]))
        setattr(keep, f, merged)
    # one role per actor: organiser over supporter over participant
    keep.supporters = [x for x in keep.supporters if x not in keep.organisers]
    keep.participants = [x for x in keep.participants if x not in keep.organisers and x not in keep.supporters]
    if keep.attendee_count is None:
        keep.attendee_count = other.attendee_count
    if len(title_words(other.title)) > len(title_words(keep.title)) and not keep.title.strip():
        keep.title = other.title


def merge_same_activities(text: str, events: list[EventDraft]) -> list[EventDraft]:
    """The events with each activity reported more than once folded into its first report.

    Only in a story, not in a listing: a page of many items (a project's news page, a
    newsletter) reports one activity per item, and two of its items that look alike ("Study visit
    to Ireland" in September, another in May/June) are two activities."""
    if len(events) > MAX_STORY_EVENTS:
        return events
    out: list[EventDraft] = []
    for ev in events:
        for kept in out:
            if same_activity(text, kept, ev):
                merge_into(kept, ev)
                break
        else:
            out.append(ev)
    return out
