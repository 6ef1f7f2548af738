"""Activities a story names besides its main one, one per sentence: what it announces for later
("He will meet the Prime Minister", "On 22 February he will give a lecture at the university",
"X will train 40 teachers") and meetings held on the way ("the team met with the cooperative's
members").

Why: a news story about one activity (a visit, a launch) often lists what comes next, each with
its own date, place and partners. An analyst counts each as a planned activity of its own; left
inside the main event, they lend it their partners and dates. Only in a story (a page reporting
a few activities), not in a listing page, where such sentences are an item's action points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coopgraph.loaders.text.events import event_type

#: "will (also) meet with", "will give a lecture", "will visit", "will train": a planned action
_WILL = re.compile(
    r"\bwill\s+(?:also\s+|then\s+|later\s+)?(?P<verb>meet|visit|give\s+(?:a\s+)?(?:lecture|talk|presentation)|"
    r"deliver\s+(?:a\s+)?(?:lecture|talk|training)|hold|organi[sz]e|conduct|host|train|sign|launch|open|"
    r"hand\s+over|tour)\b", re.I)
#: "The team met with the cooperative's members", "had an opportunity to meet with X": a meeting
#: held during the story's activity, reported in passing
_MET = re.compile(r"\b(?:met|meet|meeting)\s+with\s+(?=(?:the\s+|a\s+|an\s+)?(?:members|representatives|[A-Z“\"‘']))", re.I)
_KIND = (("meet", "meeting"), ("visit", "field_visit"), ("tour", "field_visit"), ("give", "seminar"),
         ("deliver", "training"), ("train", "training"), ("sign", "other"), ("hand", "other"),
         ("launch", "launch"), ("open", "launch"))
_NOUN = {"meeting": "Meeting", "field_visit": "Visit", "seminar": "Lecture", "training": "Training",
         "other": "Signing", "launch": "Launch"}
#: the object of the action, up to a clause boundary
_OBJECT = re.compile(r"[^,.;:]{0,90}")
_ORGANISE = re.compile(r"hold|organi[sz]e|conduct|host", re.I)
_THING = re.compile(r"\b(?:a|an|the)\s+((?:[\w\-]+\s+){0,4}?(?:meeting|workshop|seminar|training|conference|forum|"
                    r"ceremony|consultation|course|event|round\s?table|exhibition|fair))\b", re.I)


@dataclass(frozen=True)
class Announced:
    """A sentence announcing an activity of its own."""

    span: tuple[int, int]
    title: str
    type: str
    status: str = "planned"


def announced_activities(text: str, sents: Sequence[tuple[int, int]], skip: set[tuple[int, int]],
                         main_type: str = "other") -> list[Announced]:
    """The planned activities of a story's sentences (less those in ``skip``, already read); in
    the story of a training, "will train 150 inspectors" tells who the training trains, not
    another activity."""
    out: list[Announced] = []
    for s, e in sents:
        if (s, e) in skip:
            continue
        m = _WILL.search(text, s, e)
        if m is None:
            met = _MET.search(text, s, e)
            if met is not None and main_type != "meeting":
                obj = " ".join(_OBJECT.match(text, met.end(), e).group(0).split())  # type: ignore[union-attr]
                out.append(Announced((s, e), f"Meeting with {obj}"[:160], "meeting", "completed"))
            continue
        verb = m.group("verb").lower()
        obj = " ".join(_OBJECT.match(text, m.end(), e).group(0).split())  # type: ignore[union-attr]
        if _ORGANISE.fullmatch(verb):
            thing = _THING.match(text, m.end() + 1, e) or _THING.search(obj)
            if thing is None:
                continue  # "will hold talks", "will organise its work": no activity named
            name = " ".join(thing.group(1).split())
            kind = event_type(name)
            title = name[0].upper() + name[1:] + text[m.end() + 1 + len(thing.group(0)):m.end() + 1 + len(thing.group(0))]
        else:
            kind = next(k for v, k in _KIND if verb.startswith(v))
            if obj and kind == "meeting" and not obj.lower().startswith("with "):
                obj = "with " + obj
            if obj and kind == "field_visit" and not obj.lower().startswith(("to ", "in ")):
                obj = "to " + obj
            title = f"{_NOUN[kind]} {obj}".strip() if obj else _NOUN[kind]
            if kind == "seminar" and not re.search(r"lecture|talk", verb):
                title = f"Presentation {obj}"
        if not (kind == main_type == "training"):
            out.append(Announced((s, e), title[:160], kind))
    return out
